import type { AttachmentInfo, ChannelSender, InboundEvent } from '../../core/messages.js';
import { langOfLocale, slashCommand } from '../commands.js';
import type { TelegramMessage, TelegramRef, TelegramUpdate, TelegramUser } from './schema.js';

/** What one Telegram update means to Kefu. */
export type TelegramInbound =
  | { kind: 'event'; event: InboundEvent; callbackQueryId?: string }
  | { kind: 'ignored'; reason: string; callbackQueryId?: string };

export interface DecodeContext {
  /** The numeric prefix of the bot token: update ids are only unique per bot. */
  botId: string;
  receivedAt: Date;
}

export function decode(update: TelegramUpdate, ctx: DecodeContext): TelegramInbound {
  if (update.callback_query) return decodeCallback(update, update.callback_query, ctx);
  const message = update.message;
  if (!message) return { kind: 'ignored', reason: 'not a message or callback query' };
  if (!message.from || message.from.is_bot) return { kind: 'ignored', reason: 'not from a person' };
  const sender = senderOf(message.from);
  const base = {
    channel: 'telegram' as const, sender, channelMessageId: `${ctx.botId}:${update.update_id}`,
    channelRef: ref({ chatId: message.chat.id }), receivedAt: ctx.receivedAt, raw: update,
  };
  if (message.text !== undefined) {
    const command = slashCommand(message.text);
    const lang = langOfLocale(message.from.language_code);
    if (command) return { kind: 'event', event: { ...base, type: 'command', command, label: message.text, ...(lang ? { lang } : {}) } };
    return { kind: 'event', event: { ...base, type: 'text', text: message.text } };
  }
  const attachment = attachmentOf(message);
  if (attachment) {
    return { kind: 'event', event: { ...base, type: 'attachment', attachment, ...(message.caption ? { caption: message.caption } : {}) } };
  }
  return { kind: 'event', event: { ...base, type: 'unsupported', description: 'telegram message without text or file' } };
}

function decodeCallback(update: TelegramUpdate, query: NonNullable<TelegramUpdate['callback_query']>, ctx: DecodeContext): TelegramInbound {
  const chatId = query.message?.chat?.id ?? query.from.id;
  const base = {
    channel: 'telegram' as const, sender: senderOf(query.from), channelMessageId: `${ctx.botId}:${update.update_id}`,
    channelRef: ref({ chatId }), receivedAt: ctx.receivedAt, raw: update,
  };
  const data = query.data ?? '';
  if (data.startsWith('c:') && data.length > 2) {
    return { kind: 'event', callbackQueryId: query.id, event: { ...base, type: 'choice', faqId: data.slice(2) } };
  }
  // A choice whose FAQ id did not fit in 64 bytes travels as its number, which core resolves like a typed "2".
  if (/^n:[1-9]$/.test(data)) return { kind: 'event', callbackQueryId: query.id, event: { ...base, type: 'text', text: data.slice(2) } };
  return { kind: 'ignored', reason: 'unknown callback data', callbackQueryId: query.id };
}

function senderOf(user: TelegramUser): ChannelSender {
  const name = [user.first_name, user.last_name].filter(Boolean).join(' ') || user.username;
  return { externalId: String(user.id), ...(name ? { displayName: name } : {}) };
}

function attachmentOf(m: TelegramMessage): AttachmentInfo | null {
  const largestPhoto = m.photo?.[m.photo.length - 1];
  if (largestPhoto) return { kind: 'image', channelFileId: largestPhoto.file_id };
  if (m.sticker) return { kind: 'sticker', channelFileId: m.sticker.file_id };
  if (m.voice) return { kind: 'voice', channelFileId: m.voice.file_id };
  const video = m.video ?? m.video_note ?? m.animation;
  if (video) return { kind: 'video', channelFileId: video.file_id };
  const file = m.document ?? m.audio;
  if (file) return { kind: 'file', channelFileId: file.file_id, ...(file.file_name ? { name: file.file_name } : {}) };
  return null;
}

const ref = (r: TelegramRef): string => JSON.stringify(r);
