import type { ConversationRepository } from '../ports.js';
import type { Conversation } from '../types.js';

/** The agent serving the customer now (another of their conversations is open with them), or null. */
export async function holderOf(conversations: Pick<ConversationRepository, 'listByCustomer'>, conversation: Conversation): Promise<string | null> {
  const siblings = await conversations.listByCustomer(conversation.customerId);
  return siblings.find((c) => c.id !== conversation.id && c.status === 'agent' && c.assigneeId !== null)?.assigneeId ?? null;
}
