import type { AuthorKind, ChannelId, CustomerIdentity, MessageKind } from '../types.js';
import type { ConversationDetail } from './agent-queries.js';
import { formatLocal } from './time-zone.js';

export interface TranscriptDocument {
  conversation: { id: string; channel: ChannelId; status: string; lang: string; createdAt: string; closedAt: string | null };
  customer: { id: string; name: string; identities: CustomerIdentity[] };
  exportedAt: string;
  timeZone: string;
  messages: Array<{ seq: number; at: string; author: AuthorKind; authorName: string; kind: MessageKind; text: string }>;
  /** Internal notes, agents only. */
  notes: Array<{ at: string; authorName: string; text: string }>;
}

const LABELS: Record<AuthorKind, string> = { customer: 'Customer', bot: 'Bot', agent: 'Agent', system: 'System' };

export function buildTranscript(detail: ConversationDetail, exportedAt: Date, timeZone: string): TranscriptDocument {
  const { conversation: c, customer } = detail;
  return {
    conversation: { id: c.id, channel: c.channel, status: c.status, lang: c.lang, createdAt: c.createdAt, closedAt: c.closedAt },
    customer: { id: customer.id, name: customer.name, identities: customer.identities },
    exportedAt: exportedAt.toISOString(),
    timeZone,
    messages: detail.messages.map((m) => ({
      seq: m.seq, at: m.createdAt, author: m.author, kind: m.kind, text: m.text,
      authorName: m.author === 'customer' ? customer.name : m.author === 'agent' ? (detail.authors[m.agentId ?? ''] ?? 'Agent') : LABELS[m.author],
    })),
    notes: detail.notes.map((n) => ({ at: n.createdAt, authorName: n.authorName, text: n.text })),
  };
}

/** Plain text for people: one message per paragraph, times on the configured wall clock. Notes are left out. */
export function transcriptText(doc: TranscriptDocument): string {
  const when = (iso: string) => formatLocal(new Date(iso), doc.timeZone);
  const head = [
    `Kefu transcript ${doc.conversation.id}`,
    `Channel: ${doc.conversation.channel}`,
    `Customer: ${doc.customer.name} (${doc.customer.identities.map((i) => `${i.channel}:${i.externalId}`).join(', ') || 'no identity'})`,
    `Started: ${when(doc.conversation.createdAt)}${doc.conversation.closedAt ? `   Closed: ${when(doc.conversation.closedAt)}` : ''}`,
    `Times: ${doc.timeZone}   Exported: ${when(doc.exportedAt)}`,
    '',
  ];
  const lines = doc.messages.map((m) => {
    const who = m.author === 'agent' ? `Agent ${m.authorName}` : m.author === 'customer' ? `Customer ${m.authorName}` : m.authorName;
    return `[${when(m.at)}] ${who}: ${m.text.replace(/\r?\n/g, '\n    ')}`;
  });
  return [...head, ...lines, ''].join('\n');
}
