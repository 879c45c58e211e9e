import type { AttachmentInfo, ChannelSender, InboundEvent } from '../../core/messages.js';
import { choiceValueSchema, type BotActivity, type BotAttachment, type BotFrameworkRef } from './schema.js';

export type BotFrameworkInbound =
  | { kind: 'event'; event: InboundEvent }
  /** Someone other than the bot joined the conversation: greet them. */
  | { kind: 'welcome' }
  | { kind: 'ignored'; reason: string };

/** A user is only unique within one Bot Framework channel (Teams, Web Chat, the Emulator…). */
export const botframeworkUserId = (a: Pick<BotActivity, 'channelId' | 'from'>): string => `${a.channelId}:${a.from.id}`;

export function decode(activity: BotActivity, receivedAt: Date): BotFrameworkInbound {
  if (activity.type === 'conversationUpdate') {
    const joined = (activity.membersAdded ?? []).some((m) => m.id !== activity.recipient.id);
    return joined ? { kind: 'welcome' } : { kind: 'ignored', reason: 'conversation update without new members' };
  }
  if (activity.type !== 'message') return { kind: 'ignored', reason: `activity type ${activity.type}` };
  const sender: ChannelSender = { externalId: botframeworkUserId(activity), ...(activity.from.name ? { displayName: activity.from.name } : {}) };
  const base = {
    channel: 'botframework' as const, sender, receivedAt, raw: activity, channelRef: JSON.stringify(referenceOf(activity)),
    // Activity ids are only unique within a conversation.
    ...(activity.id ? { channelMessageId: `${activity.channelId}:${activity.conversation.id}:${activity.id}` } : {}),
  };
  const choice = choiceValueSchema.safeParse(activity.value);
  if (choice.success) return { kind: 'event', event: { ...base, type: 'choice', faqId: choice.data.faqId } };
  const text = stripMentions(activity.text ?? '');
  const file = (activity.attachments ?? []).find((a) => !isCardOrMarkup(a));
  if (file) return { kind: 'event', event: { ...base, type: 'attachment', attachment: attachmentOf(file), ...(text ? { caption: text } : {}) } };
  if (text) return { kind: 'event', event: { ...base, type: 'text', text } };
  return { kind: 'event', event: { ...base, type: 'unsupported', description: 'bot framework message without text or file' } };
}

export function referenceOf(a: BotActivity): BotFrameworkRef {
  return {
    serviceUrl: a.serviceUrl, channelId: a.channelId, conversation: a.conversation,
    bot: a.recipient, user: a.from, ...(a.locale ? { locale: a.locale } : {}),
  };
}

// Teams puts "<at>Bot</at>" in front of a message that mentions the bot.
const stripMentions = (text: string): string => text.replace(/<at>[^<]*<\/at>/g, '').trim();

// Teams adds an HTML copy of the text, and cards are not files.
const isCardOrMarkup = (a: BotAttachment): boolean => a.contentType.startsWith('text/') || a.contentType.startsWith('application/vnd.microsoft.');

function attachmentOf(a: BotAttachment): AttachmentInfo {
  const kind = a.contentType.startsWith('image/') ? 'image'
    : a.contentType.startsWith('audio/') ? 'voice'
      : a.contentType.startsWith('video/') ? 'video' : 'file';
  return { kind, channelFileId: a.contentUrl ?? a.name ?? a.contentType, ...(a.name ? { name: a.name } : {}) };
}
