import type { AttachmentInfo, InboundEvent } from '../../core/messages.js';
import { CUSTOMER_COMMANDS } from '../../core/messages.js';
import { slashCommand } from '../commands.js';
import type { KfMessage, WecomRef } from './schema.js';

export type WecomInbound = { kind: 'event'; event: InboundEvent } | { kind: 'ignored'; reason: string };

const ATTACHMENTS: Partial<Record<string, AttachmentInfo['kind']>> = { image: 'image', voice: 'voice', video: 'video', file: 'file' };

/** One `sync_msg` message as Kefu sees it. Menu items carry `c:<faqId>`, `n:<number>` or `cmd:<command>` as their id. */
export function decode(m: KfMessage, receivedAt: Date): WecomInbound {
  const customer = m.external_userid ?? m.event?.external_userid;
  if (!customer) return { kind: 'ignored', reason: 'no customer' };
  const ref: WecomRef = { externalUserId: customer, openKfId: m.open_kfid };
  const base = { channel: 'wecom' as const, sender: { externalId: customer }, channelMessageId: m.msgid, channelRef: JSON.stringify(ref), receivedAt, raw: m };
  if (m.origin === 4 && m.event?.event_type === 'enter_session') return { kind: 'event', event: { ...base, type: 'command', command: 'start' } };
  if (m.origin !== 3) return { kind: 'ignored', reason: `origin ${m.origin} (not the customer)` };
  if (m.msgtype === 'text' && m.text) {
    const menu = m.text.menu_id ?? '';
    if (menu.startsWith('c:') && menu.length > 2) return { kind: 'event', event: { ...base, type: 'choice', faqId: menu.slice(2) } };
    if (/^n:[1-9]$/.test(menu)) return { kind: 'event', event: { ...base, type: 'text', text: menu.slice(2) } };
    const clicked = CUSTOMER_COMMANDS.find((c) => menu === `cmd:${c}`);
    const command = clicked ?? slashCommand(m.text.content);
    if (command) return { kind: 'event', event: { ...base, type: 'command', command, label: m.text.content } };
    return { kind: 'event', event: { ...base, type: 'text', text: m.text.content } };
  }
  const kind = ATTACHMENTS[m.msgtype];
  const media = m.image ?? m.voice ?? m.video ?? m.file;
  if (kind && media) return { kind: 'event', event: { ...base, type: 'attachment', attachment: { kind, channelFileId: media.media_id } } };
  return { kind: 'event', event: { ...base, type: 'unsupported', description: `wecom message type ${m.msgtype}` } };
}
