import { DomainError } from '../errors.js';
import type { Conversation, StoredMessage, User } from '../types.js';
import { assertCanRead } from '../users/access.js';
import { LIMITS, requiredText } from './ticket-input.js';
import type { TicketDeps, TicketService } from './ticket-service.js';
import { actorOf, CUSTOMER_ACTOR, SYSTEM_ACTOR } from './ticket-store.js';
import type { Ticket, TicketEvent, TicketPatch } from './ticket-types.js';

/** A ticket's conversations: replies to the customer through them, links, notes, and what the customer says there. */
export class TicketConversations {
  constructor(private readonly deps: TicketDeps, private readonly tickets: TicketService) {}

  async note(user: User, id: string, text: string): Promise<TicketEvent> {
    const ticket = await this.tickets.visible(user, id);
    return this.deps.store.record(ticket, actorOf(user), 'note', requiredText(text, 'text', LIMITS.note));
  }

  /** Sends the text to the customer in the ticket's newest conversation (their own channel). */
  async reply(user: User, id: string, text: string): Promise<{ ticket: Ticket; message: StoredMessage }> {
    const body = requiredText(text, 'text', LIMITS.note);
    const ticket = await this.tickets.writable(user, id);
    const conversation = await this.latestConversation(ticket);
    if (!conversation) {
      throw new DomainError('conflict', 'ticket has no conversation', { userMessage: 'This ticket has no conversation to reply in; contact the customer directly and add a note' });
    }
    const message = await this.deps.feed.post(conversation, { author: 'agent', kind: 'text', text: body, agentId: user.id });
    const patch: TicketPatch = {};
    if (!ticket.firstRespondedAt) patch.firstRespondedAt = message.createdAt;
    if (ticket.status === 'new') patch.status = 'open';
    const updated = await this.deps.store.change(ticket, actorOf(user), patch, {
      action: 'reply', text: body, ...(patch.firstRespondedAt ? { timers: { targets: ['first_response'], timers: [] } } : {}),
    });
    return { ticket: updated, message };
  }

  async link(user: User, id: string, conversationId: string): Promise<Ticket> {
    const ticket = await this.tickets.writable(user, id);
    const conversation = await this.deps.repos.conversations.get(conversationId);
    if (!conversation) throw new DomainError('not_found', `conversation ${conversationId} not found`, { userMessage: 'Conversation not found' });
    assertCanRead(user, conversation);
    if (ticket.customerId && conversation.customerId !== ticket.customerId) {
      throw new DomainError('conflict', 'conversation of another customer', { userMessage: "This conversation is another customer's" });
    }
    if (!(await this.deps.repos.tickets.link(ticket.id, conversation.id, this.deps.clock.now()))) {
      throw new DomainError('conflict', 'already linked', { userMessage: 'This conversation is linked to the ticket already' });
    }
    const patch: TicketPatch = ticket.customerId ? {} : { customerId: conversation.customerId, channel: conversation.channel, lang: conversation.lang };
    return this.deps.store.change(ticket, actorOf(user), patch, { action: 'linked', text: conversation.id });
  }

  /**
   * An agent who answered in a linked conversation (in the chat console) has answered the ticket: records the
   * first agent message written since the ticket was created. Returns the ticket as it is now.
   */
  async syncFirstResponse(ticket: Ticket): Promise<Ticket> {
    if (ticket.firstRespondedAt) return ticket;
    let first: StoredMessage | undefined;
    for (const conversationId of await this.deps.repos.tickets.conversationsOf(ticket.id)) {
      const found = (await this.deps.repos.messages.listByConversation(conversationId))
        .find((m) => m.author === 'agent' && m.createdAt >= ticket.createdAt);
      if (found && (!first || found.createdAt < first.createdAt)) first = found;
    }
    if (!first) return ticket;
    const at = first.createdAt;
    const updated = await this.deps.store.retrying(ticket.id, (current) => current.firstRespondedAt ? Promise.resolve(current) :
      this.deps.store.change(current, SYSTEM_ACTOR, { firstRespondedAt: at, ...(current.status === 'new' ? { status: 'open' as const } : {}) }, {
        action: 'first_response', text: 'answered in the conversation', timers: { targets: ['first_response'], timers: [] },
      }));
    return updated ?? ticket;
  }

  /** The customer wrote in a conversation of a ticket waiting for them: it goes back to the agent, the clock runs again. */
  async customerWrote(conversation: Conversation): Promise<void> {
    for (const ticket of await this.deps.repos.tickets.ticketsOfConversation(conversation.id)) {
      if (ticket.status !== 'pending_customer') continue;
      await this.deps.store.retrying(ticket.id, (current) => {
        if (current.status !== 'pending_customer') return Promise.resolve(current);
        const sla = this.deps.planner.resume(current, this.deps.clock.now());
        return this.deps.store.change(current, CUSTOMER_ACTOR, { ...sla.patch, status: 'open' }, { action: 'customer_wrote', timers: sla.timers });
      });
    }
  }

  async latestConversation(ticket: Ticket): Promise<Conversation | null> {
    const ids = await this.deps.repos.tickets.conversationsOf(ticket.id);
    const id = ids.at(-1);
    return id ? this.deps.repos.conversations.get(id) : null;
  }
}
