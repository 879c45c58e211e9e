import { DomainError } from '../errors.js';
import type { AuditRepository, Clock, Logger, PubSub, SessionRepository, UserRepository } from '../ports.js';
import { ROLES, type Actor, type Role, type User, type UserStatus } from '../types.js';
import { sessionTopic, type AuthService } from './auth-service.js';

export interface StaffDeps {
  users: UserRepository;
  sessions: SessionRepository;
  audit: AuditRepository;
  auth: Pick<AuthService, 'passwordHash'>;
  pubsub: PubSub;
  clock: Clock;
  logger: Logger;
  /** Called after someone stopped (or started again) taking conversations: routing reconsiders the queue. */
  routingChanged?: () => Promise<void>;
}

const notFound = (id: string) => new DomainError('not_found', `user ${id} not found`, { userMessage: 'User not found' });
const conflict = (message: string) => new DomainError('conflict', message, { userMessage: message });

/**
 * The staff lifecycle: disable (signed out everywhere at once, no new conversations), enable, remove (former
 * staff: the row stays so history keeps their name), role changes and password resets. Admin-only at the edges.
 */
export class StaffService {
  constructor(private readonly deps: StaffDeps) {}

  /** The user by id or e-mail address (the CLI names people by address). */
  async find(idOrEmail: string): Promise<User> {
    const { users } = this.deps;
    const user = idOrEmail.includes('@') ? (await users.findByEmail(idOrEmail.trim()))?.user : await users.get(idOrEmail);
    if (!user) throw notFound(idOrEmail);
    return user;
  }

  disable(actor: Actor, userId: string): Promise<User> {
    return this.changeStatus(actor, userId, 'disabled');
  }

  enable(actor: Actor, userId: string): Promise<User> {
    return this.changeStatus(actor, userId, 'active');
  }

  remove(actor: Actor, userId: string): Promise<User> {
    return this.changeStatus(actor, userId, 'removed');
  }

  async setRole(actor: Actor, userId: string, role: Role): Promise<User> {
    if (!(ROLES as readonly string[]).includes(role)) throw new DomainError('invalid_input', `role must be one of ${ROLES.join(', ')}`);
    const user = await this.find(userId);
    if (user.role === role) return user;
    if (user.role === 'admin') await this.assertAnotherAdmin(user, 'change the role of');
    const updated = await this.deps.users.update(user.id, { role });
    await this.record(actor, 'user.role', updated, `${user.role} → ${role}`);
    return updated;
  }

  /** Sets a new password and ends every session, so whoever knew the old one is signed out. */
  async resetPassword(actor: Actor, userId: string, password: string): Promise<User> {
    const user = await this.find(userId);
    const updated = await this.deps.users.update(user.id, { passwordHash: await this.deps.auth.passwordHash(password) });
    await this.signOutEverywhere(user.id);
    await this.record(actor, 'user.password', updated, 'password reset');
    return updated;
  }

  private async changeStatus(actor: Actor, userId: string, status: UserStatus): Promise<User> {
    const user = await this.find(userId);
    if (user.status === status) return user;
    if (user.status === 'removed') throw conflict(`${user.displayName} was removed; add a new account instead`);
    if (status !== 'active') {
      if (actor.id === user.id) throw conflict('You cannot disable or remove your own account');
      if (user.role === 'admin') await this.assertAnotherAdmin(user, status === 'disabled' ? 'disable' : 'remove');
    }
    const updated = await this.deps.users.update(user.id, status === 'active' ? { status } : { status, presence: 'offline' });
    if (status !== 'active') await this.signOutEverywhere(user.id);
    await this.record(actor, `user.${status === 'active' ? 'enable' : status === 'disabled' ? 'disable' : 'remove'}`, updated, `${user.status} → ${status}`);
    this.deps.logger.info({ userId: user.id, status }, 'user status changed');
    await this.deps.routingChanged?.();
    return updated;
  }

  private async signOutEverywhere(userId: string): Promise<void> {
    const ended = await this.deps.sessions.deleteForUser(userId);
    await Promise.all(ended.map((id) => this.deps.pubsub.publish(sessionTopic(id), { type: 'session-ended' })));
  }

  private async assertAnotherAdmin(user: User, verb: string): Promise<void> {
    const admins = (await this.deps.users.list()).filter((u) => u.role === 'admin' && u.status === 'active' && u.id !== user.id);
    if (admins.length === 0) throw conflict(`Cannot ${verb} the last active admin`);
  }

  private async record(actor: Actor, action: string, user: User, summary: string): Promise<void> {
    await this.deps.audit.record({ actor, action, target: `user:${user.id}`, summary: `${user.email}: ${summary}` });
  }
}
