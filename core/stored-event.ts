import { CUSTOMER_COMMANDS, commandText, type InboundEvent } from './messages.js';
import type { Conversation, StoredMessage } from './types.js';

/** The inbound event a stored customer message came from, as far as the bot needs it (to answer it later). */
export function eventFromStored(message: StoredMessage, conversation: Conversation): InboundEvent {
  const base = {
    channel: conversation.channel, sender: { externalId: '' }, conversationId: conversation.id, receivedAt: message.createdAt,
    ...(message.channelMessageId ? { channelMessageId: message.channelMessageId } : {}),
  };
  const attachment = message.attachments?.[0];
  if (attachment) return { ...base, type: 'attachment', attachment };
  if (message.faqId) return { ...base, type: 'choice', faqId: message.faqId };
  const unsupported = /^\[unsupported: (.*)\]$/s.exec(message.text);
  if (unsupported) return { ...base, type: 'unsupported', description: unsupported[1] ?? '' };
  const command = CUSTOMER_COMMANDS.find((c) => commandText(c) === message.text);
  if (command) return { ...base, type: 'command', command };
  return { ...base, type: 'text', text: message.text };
}
