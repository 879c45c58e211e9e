import { isDomainError } from '../../core/errors.js';
import type { MessageRepository } from '../../core/ports.js';
import type { StoredMessage } from '../../core/types.js';
import { webchatMessageKey } from './webchat-codec.js';

export type StoredMessages = Pick<MessageRepository, 'findByChannelKey' | 'listReplies'>;

export interface StoredResend {
  message: StoredMessage;
  replies: StoredMessage[];
}

/**
 * Runs `take` (a rate-limit check); when it refuses a message the client already sent and we stored, the stored
 * message and its replies are the answer instead: retrying an acknowledged message must never cost a 429.
 */
export async function unlessAlreadyStored(
  take: () => void, messages: StoredMessages, conversationId: string, clientMessageId: string | undefined,
): Promise<StoredResend | null> {
  try {
    take();
    return null;
  } catch (err) {
    if (!clientMessageId || !isDomainError(err) || err.code !== 'rate_limited') throw err;
    const message = await messages.findByChannelKey('webchat', webchatMessageKey(conversationId, clientMessageId));
    if (!message || message.conversationId !== conversationId) throw err;
    return { message, replies: await messages.listReplies(message.id) };
  }
}
