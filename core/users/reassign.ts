import { DomainError } from '../errors.js';
import type { HandoffService } from '../handoff/handoff-service.js';
import type { Clock, Logger, Repositories } from '../ports.js';
import type { TicketService } from '../tickets/ticket-service.js';
import type { User } from '../types.js';
import { assertRole } from './access.js';

export interface ReassignResult {
  conversations: string[];
  tickets: string[];
}

export interface ReassignDeps {
  repos: Pick<Repositories, 'users' | 'handoff' | 'tickets'>;
  handoff: Pick<HandoffService, 'assigned' | 'queueChanged'>;
  tickets: Pick<TicketService, 'assign'>;
  clock: Clock;
  logger: Logger;
}

/** Hands everything an agent has open (conversations with them, active tickets) to another agent in one go. */
export class Reassignment {
  constructor(private readonly deps: ReassignDeps) {}

  async moveAll(actor: User, fromId: string, toId: string): Promise<ReassignResult> {
    assertRole(actor, ['supervisor', 'admin']);
    const { repos, clock, handoff } = this.deps;
    const [from, to] = await Promise.all([repos.users.get(fromId), repos.users.get(toId)]);
    if (!from || !to) throw new DomainError('not_found', `user ${from ? toId : fromId} not found`, { userMessage: 'Agent not found' });
    if (from.id === to.id) throw new DomainError('invalid_input', 'reassigning to the same agent', { userMessage: 'Choose another agent to take over' });
    if (to.status !== 'active') throw new DomainError('conflict', `user ${to.id} is ${to.status}`, { userMessage: `${to.displayName} cannot take conversations (account ${to.status})` });
    const conversations: string[] = [];
    for (const c of await repos.handoff.listAssigned(from.id, 'agent')) {
      const moved = await repos.handoff.assign(c.id, to.id, clock.now(), from.id);
      if (!moved) continue;
      conversations.push(moved.id);
      await handoff.assigned(moved, to, 'transferred', from.id);
    }
    const tickets: string[] = [];
    const { tickets: open } = await repos.tickets.list({ assigneeId: from.id, statuses: ['new', 'open', 'pending_customer'], limit: 10_000 });
    for (const ticket of open) {
      await this.deps.tickets.assign(actor, ticket.id, { assigneeId: to.id });
      tickets.push(ticket.id);
    }
    this.deps.logger.info({ from: from.id, to: to.id, conversations: conversations.length, tickets: tickets.length }, 'work reassigned');
    await handoff.queueChanged();
    return { conversations, tickets };
  }
}
