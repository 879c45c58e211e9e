import { DomainError } from '../errors.js';
import type { Ticket, TicketStatus } from './ticket-types.js';

const NEXT: Record<TicketStatus, readonly TicketStatus[]> = {
  new: ['open', 'pending_customer', 'resolved', 'closed'],
  open: ['pending_customer', 'resolved', 'closed'],
  pending_customer: ['open', 'resolved', 'closed'],
  resolved: ['open', 'closed'],
  closed: ['open'],
};

export const isActive = (status: TicketStatus): boolean => status !== 'resolved' && status !== 'closed';

/**
 * Throws unless `to` may follow the ticket's status: closing an unresolved ticket is for supervisors (duplicates,
 * spam), and a complaint is resolved only by a supervisor approving it (see complaint-process.ts).
 */
export function assertTransition(ticket: Ticket, to: TicketStatus, options: { supervisor: boolean; approval?: boolean }): void {
  if (ticket.status === to) throw new DomainError('conflict', `ticket is ${to} already`, { userMessage: `The ticket is already ${to.replace('_', ' ')}` });
  if (!NEXT[ticket.status].includes(to)) {
    throw new DomainError('conflict', `ticket ${ticket.status} cannot become ${to}`, { userMessage: `A ${ticket.status.replace('_', ' ')} ticket cannot become ${to.replace('_', ' ')}` });
  }
  if (to === 'closed' && isActive(ticket.status) && !options.supervisor) {
    throw new DomainError('forbidden', 'only supervisors close unresolved tickets', { userMessage: 'Resolve the ticket first; only supervisors close unresolved tickets' });
  }
  if (to === 'resolved' && ticket.type === 'complaint' && !options.approval) {
    const rootCause = ticket.complaint?.rootCause;
    throw rootCause
      ? new DomainError('conflict', 'complaint needs supervisor approval', { userMessage: 'A complaint is resolved when a supervisor approves it' })
      : new DomainError('invalid_input', 'complaint without root cause', { userMessage: 'A complaint cannot be resolved without a root cause and an improvement' });
  }
}
