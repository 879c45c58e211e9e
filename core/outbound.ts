import type { OutboundMessage } from './messages.js';
import type { ReplyKind, StoredMessage } from './types.js';

/** What a channel adapter is asked to show for a stored outbound (bot, agent or system) message. */
export function toOutboundMessage(m: Pick<StoredMessage, 'author' | 'kind' | 'text' | 'choices' | 'faqId'>): OutboundMessage {
  if (m.author === 'agent') return { type: 'text', kind: 'agent', text: m.text };
  if (m.kind === 'choices' && m.choices?.length) return { type: 'choices', text: m.text, choices: m.choices };
  const kind: ReplyKind = m.kind === 'text' || m.kind === 'choices' ? 'system' : m.kind;
  return { type: 'text', kind, text: m.text, ...(m.faqId ? { faqId: m.faqId } : {}) };
}
