import { types } from 'wechaty';
import type { AttachmentInfo, InboundEvent } from '../../core/messages.js';
import { slashCommand } from '../commands.js';
import type { WechatGroupMode, WechatMessagePayload, WechatRef } from './schema.js';

export type WechatInbound = { kind: 'event'; event: InboundEvent } | { kind: 'ignored'; reason: string };

export interface WechatDecodeContext {
  /** The logged-in account: messages it is @-mentioned in are for the bot. */
  self: { id: string; name?: string };
  talkerName?: string;
  groupMode: WechatGroupMode;
  receivedAt: Date;
}

// WeChat puts a four-per-em space (U+2005) after an @-mention.
const MENTION_GAP = '[\\s\\u2005]*';

export function decode(m: WechatMessagePayload, ctx: WechatDecodeContext): WechatInbound {
  if (m.talkerId === ctx.self.id) return { kind: 'ignored', reason: 'sent by the bot account' };
  let text = m.text ?? '';
  if (m.roomId) {
    const mentioned = (m.mentionIdList ?? []).includes(ctx.self.id) || (ctx.self.name !== undefined && text.includes(`@${ctx.self.name}`));
    if (ctx.groupMode === 'off') return { kind: 'ignored', reason: 'group messages are off' };
    if (ctx.groupMode === 'mention' && !mentioned) return { kind: 'ignored', reason: 'group message without @mention' };
    if (ctx.self.name) text = text.replace(new RegExp(`@${escape(ctx.self.name)}${MENTION_GAP}`, 'g'), '');
  }
  const ref: WechatRef = { contactId: m.talkerId, ...(m.roomId ? { roomId: m.roomId } : {}) };
  const base = {
    channel: 'wechat' as const,
    sender: { externalId: m.talkerId, ...(ctx.talkerName ? { displayName: ctx.talkerName } : {}) },
    channelMessageId: m.id, channelRef: JSON.stringify(ref), receivedAt: ctx.receivedAt, raw: m,
  };
  if (m.type === types.Message.Text) {
    text = text.trim();
    if (!text) return { kind: 'ignored', reason: 'empty text' };
    const command = slashCommand(text);
    if (command) return { kind: 'event', event: { ...base, type: 'command', command, label: text } };
    return { kind: 'event', event: { ...base, type: 'text', text } };
  }
  const kind = ATTACHMENT_KINDS[m.type];
  if (kind) {
    const attachment: AttachmentInfo = { kind, channelFileId: m.id, ...(m.filename ? { name: m.filename } : {}) };
    return { kind: 'event', event: { ...base, type: 'attachment', attachment } };
  }
  return { kind: 'event', event: { ...base, type: 'unsupported', description: `wechat message type ${types.Message[m.type] ?? m.type}` } };
}

// The message id is what the puppet needs to fetch the file later (message.toFileBox()).
const ATTACHMENT_KINDS: Partial<Record<number, AttachmentInfo['kind']>> = {
  [types.Message.Image]: 'image',
  [types.Message.Emoticon]: 'sticker',
  [types.Message.Audio]: 'voice',
  [types.Message.Video]: 'video',
  [types.Message.Attachment]: 'file',
};

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
