import { DomainError } from '../errors.js';
import type { User } from '../types.js';
import { isSupervisor } from '../users/access.js';
import type { Ticket } from './ticket-types.js';

/** Supervisors and admins see every ticket; agents their own, and unassigned ones of their teams or of no team. */
export function canSeeTicket(user: User, teams: readonly string[], ticket: Pick<Ticket, 'assigneeId' | 'team'>): boolean {
  if (isSupervisor(user) || ticket.assigneeId === user.id) return true;
  return ticket.assigneeId === null && (ticket.team === null || teams.includes(ticket.team));
}

/** Changing a ticket is for its assignee, supervisors and admins. */
export const canWorkTicket = (user: User, ticket: Pick<Ticket, 'assigneeId'>): boolean => isSupervisor(user) || ticket.assigneeId === user.id;

export function assertCanSeeTicket(user: User, teams: readonly string[], ticket: Ticket): void {
  if (!canSeeTicket(user, teams, ticket)) {
    throw new DomainError('forbidden', `user ${user.id} may not see ticket ${ticket.id}`, { userMessage: 'This ticket is assigned to another agent or team' });
  }
}

export function assertCanWorkTicket(user: User, ticket: Ticket): void {
  if (!canWorkTicket(user, ticket)) {
    throw new DomainError('forbidden', `user ${user.id} may not change ticket ${ticket.id}`, { userMessage: 'Take the ticket (assign it to yourself) first' });
  }
}
