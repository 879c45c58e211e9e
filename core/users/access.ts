import { DomainError } from '../errors.js';
import type { Conversation, Role, User } from '../types.js';

export const isSupervisor = (user: User): boolean => user.role === 'supervisor' || user.role === 'admin';

/** Agents see unassigned conversations and their own; supervisors and admins see all. */
export const canReadAssigned = (user: User, assigneeId: string | null): boolean =>
  isSupervisor(user) || assigneeId === null || assigneeId === user.id;

export const canRead = (user: User, conversation: Conversation): boolean => canReadAssigned(user, conversation.assigneeId);

/** Agents act only on conversations assigned to them; supervisors and admins on any. */
export const canWrite = (user: User, conversation: Conversation): boolean => isSupervisor(user) || conversation.assigneeId === user.id;

const forbidden = (message: string, userMessage: string) => new DomainError('forbidden', message, { userMessage });

export function assertCanRead(user: User, conversation: Conversation): void {
  if (!canRead(user, conversation)) {
    throw forbidden(`user ${user.id} may not read conversation ${conversation.id}`, 'This conversation is assigned to another agent');
  }
}

export function assertCanWrite(user: User, conversation: Conversation): void {
  if (!canWrite(user, conversation)) {
    throw forbidden(`user ${user.id} may not act on conversation ${conversation.id}`, 'This conversation is not assigned to you');
  }
}

export function assertRole(user: User, roles: readonly Role[]): void {
  if (!roles.includes(user.role)) throw forbidden(`role ${user.role} may not do this`, 'Your role does not allow this');
}
