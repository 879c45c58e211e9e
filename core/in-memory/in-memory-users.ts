import { randomUUID } from 'node:crypto';
import { DomainError } from '../errors.js';
import type { SessionRepository, UserRepository } from '../ports.js';
import type { Session, User } from '../types.js';

const notFound = (id: string) => new DomainError('not_found', `user ${id} not found`, { userMessage: 'User not found' });

export function createInMemoryUsers(now: () => Date): UserRepository {
  const users = new Map<string, { user: User; passwordHash: string }>();
  return {
    async create(input) {
      const email = input.email.toLowerCase();
      if ([...users.values()].some((u) => u.user.email === email)) {
        throw new DomainError('conflict', `user ${email} exists`, { userMessage: 'A user with this e-mail address already exists' });
      }
      const user: User = {
        id: randomUUID(), email, displayName: input.displayName, role: input.role, presence: 'offline', capacity: null,
        lastAssignedAt: null, status: 'active', createdAt: now(),
      };
      users.set(user.id, { user, passwordHash: input.passwordHash });
      return { ...user };
    },
    async get(id) {
      const found = users.get(id);
      return found ? { ...found.user } : null;
    },
    async findByEmail(email) {
      const found = [...users.values()].find((u) => u.user.email === email.toLowerCase());
      return found ? { user: { ...found.user }, passwordHash: found.passwordHash } : null;
    },
    async list() {
      return [...users.values()].map((u) => ({ ...u.user }));
    },
    async count() {
      return users.size;
    },
    async update(id, patch) {
      const found = users.get(id);
      if (!found) throw notFound(id);
      const { passwordHash, ...rest } = patch;
      Object.assign(found.user, Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)));
      if (passwordHash) found.passwordHash = passwordHash;
      return { ...found.user };
    },
  };
}

export function createInMemorySessions(): SessionRepository {
  const sessions = new Map<string, Session>();
  return {
    async create(session) {
      sessions.set(session.id, { ...session });
    },
    async get(id) {
      const s = sessions.get(id);
      return s ? { ...s } : null;
    },
    async extend(id, expiresAt) {
      const s = sessions.get(id);
      if (s) s.expiresAt = expiresAt;
    },
    async delete(id) {
      sessions.delete(id);
    },
    async deleteForUser(userId) {
      const ids = [...sessions.values()].filter((s) => s.userId === userId).map((s) => s.id);
      ids.forEach((id) => sessions.delete(id));
      return ids;
    },
    async deleteExpired(at) {
      let n = 0;
      for (const [id, s] of sessions) if (s.expiresAt <= at) { sessions.delete(id); n += 1; }
      return n;
    },
  };
}
