import { randomUUID } from 'node:crypto';
import { DomainError } from '../errors.js';
import type { CannedReplyRepository } from '../ports.js';
import type { CannedReply } from '../types.js';

const taken = (shortcut: string) => new DomainError('conflict', `shortcut ${shortcut} exists`, { userMessage: `The shortcut "/${shortcut}" is already used` });
const notFound = (id: string) => new DomainError('not_found', `canned reply ${id} not found`, { userMessage: 'Canned reply not found' });

export function createInMemoryCannedReplies(now: () => Date): CannedReplyRepository {
  const replies = new Map<string, CannedReply>();
  const shortcutTaken = (shortcut: string, except?: string) => [...replies.values()].some((r) => r.shortcut === shortcut && r.id !== except);
  return {
    async list() {
      return [...replies.values()].sort((a, b) => a.shortcut.localeCompare(b.shortcut)).map((r) => ({ ...r }));
    },
    async get(id) {
      const r = replies.get(id);
      return r ? { ...r } : null;
    },
    async create(input) {
      if (shortcutTaken(input.shortcut)) throw taken(input.shortcut);
      const reply: CannedReply = { ...input, id: randomUUID(), updatedAt: now() };
      replies.set(reply.id, reply);
      return { ...reply };
    },
    async update(id, patch) {
      const r = replies.get(id);
      if (!r) throw notFound(id);
      if (patch.shortcut !== undefined && shortcutTaken(patch.shortcut, id)) throw taken(patch.shortcut);
      Object.assign(r, Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)), { updatedAt: now() });
      return { ...r };
    },
    async delete(id) {
      if (!replies.delete(id)) throw notFound(id);
    },
  };
}
