import type { AttachmentInfo, ChannelSender, InboundEvent } from '../../core/messages.js';
import { langOfLocale, slashCommand } from '../commands.js';
import { choiceValueSchema, commandValueSchema, type BotActivity, type BotAttachment, type BotFrameworkRef } from './schema.js';

export type BotFrameworkInbound = { kind: 'event'; event: InboundEvent } | { kind: 'ignored'; reason: string };

/** A user is only unique within one Bot Framework channel (Teams, Web Chat, the Emulator…). */
export const botframeworkUserId = (a: Pick<BotActivity, 'channelId' | 'from'>): string => `${a.channelId}:${a.from.id}`;

export function decode(activity: BotActivity, receivedAt: Date): BotFrameworkInbound {
  const lang = langOfLocale(activity.locale);
  if (activity.type === 'conversationUpdate') {
    // The customer (not the bot) joined: core greets them, as it answers /start.
    const joined = (activity.membersAdded ?? []).find((m) => m.id !== activity.recipient.id);
    if (!joined) return { kind: 'ignored', reason: 'conversation update without new members' };
    const base = baseOf({ ...activity, from: joined }, receivedAt);
    return { kind: 'event', event: { ...base, type: 'command', command: 'start', ...(lang ? { lang } : {}) } };
  }
  if (activity.type !== 'message') return { kind: 'ignored', reason: `activity type ${activity.type}` };
  const base = baseOf(activity, receivedAt);
  const command = commandValueSchema.safeParse(activity.value);
  const typed = slashCommand(activity.text ?? '');
  if (command.success || typed) {
    const label = activity.text?.trim();
    return { kind: 'event', event: { ...base, type: 'command', command: command.success ? command.data.command : typed!, ...(label ? { label } : {}), ...(lang ? { lang } : {}) } };
  }
  const choice = choiceValueSchema.safeParse(activity.value);
  if (choice.success) return { kind: 'event', event: { ...base, type: 'choice', faqId: choice.data.faqId } };
  const text = stripMentions(activity.text ?? '');
  const file = (activity.attachments ?? []).find((a) => !isCardOrMarkup(a));
  if (file) return { kind: 'event', event: { ...base, type: 'attachment', attachment: attachmentOf(file), ...(text ? { caption: text } : {}) } };
  if (text) return { kind: 'event', event: { ...base, type: 'text', text } };
  return { kind: 'event', event: { ...base, type: 'unsupported', description: 'bot framework message without text or file' } };
}

function baseOf(activity: BotActivity, receivedAt: Date) {
  const sender: ChannelSender = { externalId: botframeworkUserId(activity), ...(activity.from.name ? { displayName: activity.from.name } : {}) };
  return {
    channel: 'botframework' as const, sender, receivedAt, raw: activity, channelRef: JSON.stringify(referenceOf(activity)),
    // Activity ids are only unique within a conversation.
    ...(activity.id ? { channelMessageId: `${activity.channelId}:${activity.conversation.id}:${activity.id}` } : {}),
  };
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
