import { DomainError } from '../errors.js';
import type { Repositories } from '../ports.js';
import type { Conversation, User } from '../types.js';
import { canRead } from './access.js';

/**
 * Who may read a conversation: supervisors, its assignee, anyone while it is unassigned (`canRead`), and also whoever
 * now owns the customer's case: the assignee of a ticket linked to it, or the agent serving one of the customer's
 * open conversations. So work handed over from a departed agent comes with its whole history.
 */
export class ReadAccess {
  constructor(private readonly repos: Pick<Repositories, 'tickets' | 'conversations'>) {}

  async canRead(user: User, conversation: Conversation): Promise<boolean> {
    if (canRead(user, conversation)) return true;
    const tickets = await this.repos.tickets.ticketsOfConversation(conversation.id);
    if (tickets.some((t) => t.assigneeId === user.id)) return true;
    const siblings = await this.repos.conversations.listByCustomer(conversation.customerId);
    return siblings.some((c) => c.status === 'agent' && c.assigneeId === user.id);
  }

  async assertCanRead(user: User, conversation: Conversation): Promise<void> {
    if (await this.canRead(user, conversation)) return;
    throw new DomainError('forbidden', `user ${user.id} may not read conversation ${conversation.id}`, {
      userMessage: 'This conversation is assigned to another agent',
    });
  }
}
