import { randomUUID } from 'node:crypto';
import { DomainError } from '../errors.js';
import type { CannedReplyRepository } from '../ports.js';
import type { CannedReply } from '../types.js';

const taken = (shortcut: string) => new DomainError('conflict', `shortcut ${shortcut} exists`, { userMessage: `The shortcut "/${shortcut}" is already used` });
const notFound = (id: string) => new DomainError('not_found', `canned reply ${id} not found`, { userMessage: 'Canned reply not found' });

export function createInMemoryCannedReplies(now: () => Date): CannedReplyRepository {
  const replies = new Map<string, CannedReply>();
  const shortcutTaken = (shortcut: string, ownerId: string | null, except?: string) =>
    [...replies.values()].some((r) => r.shortcut === shortcut && r.ownerId === ownerId && r.id !== except);
  return {
    async list(ownerId) {
      return [...replies.values()]
        .filter((r) => r.ownerId === null || r.ownerId === ownerId)
        .sort((a, b) => (a.shortcut < b.shortcut ? -1 : a.shortcut > b.shortcut ? 1 : Number(a.ownerId !== null) - Number(b.ownerId !== null)))
        .map((r) => ({ ...r }));
    },
    async get(id) {
      const r = replies.get(id);
      return r ? { ...r } : null;
    },
    async create(input) {
      if (shortcutTaken(input.shortcut, input.ownerId)) throw taken(input.shortcut);
      const reply: CannedReply = { ...input, id: randomUUID(), updatedAt: now() };
      replies.set(reply.id, reply);
      return { ...reply };
    },
    async update(id, patch) {
      const r = replies.get(id);
      if (!r) throw notFound(id);
      if (patch.shortcut !== undefined && shortcutTaken(patch.shortcut, r.ownerId, id)) throw taken(patch.shortcut);
      Object.assign(r, Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)), { updatedAt: now() });
      return { ...r };
    },
    async delete(id) {
      if (!replies.delete(id)) throw notFound(id);
    },
  };
}
