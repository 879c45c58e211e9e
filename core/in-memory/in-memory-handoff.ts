import { randomUUID } from 'node:crypto';
import type { HandoffRepository } from '../ports.js';
import type { Conversation, ConversationNote } from '../types.js';

/** The in-memory queue; each change checks and writes in one synchronous step, like the conditional SQL update. */
export function createInMemoryHandoff(conversations: Map<string, Conversation>, now: () => Date): HandoffRepository {
  const notes: ConversationNote[] = [];
  const change = (id: string, when: (c: Conversation) => boolean, patch: Partial<Conversation>): Conversation | null => {
    const c = conversations.get(id);
    if (!c || !when(c)) return null;
    Object.assign(c, patch, { updatedAt: now() });
    return { ...c };
  };
  const byActivity = (a: Conversation, b: Conversation) => b.updatedAt.getTime() - a.updatedAt.getTime();

  return {
    async enqueue(id, { reason, at, leftMessage }) {
      return change(id, (c) => c.status === 'bot' || c.status === 'closed', {
        status: 'queued', assigneeId: null, assignedAt: null, handoffReason: reason, queuedAt: at, closedAt: null,
        fallbackStreak: 0, leftMessageAt: leftMessage ? at : null,
      });
    },
    async claim(id, agentId, at) {
      const heldByOther = (c: Conversation) =>
        [...conversations.values()].some((o) => o.customerId === c.customerId && o.id !== c.id && o.status === 'agent' && o.assigneeId !== agentId);
      return change(id, (c) => c.status === 'queued' && c.assigneeId === null && !heldByOther(c), { status: 'agent', assigneeId: agentId, assignedAt: at });
    },
    async assign(id, toId, at, fromId) {
      const allowed = (c: Conversation) => (fromId === undefined ? c.status === 'queued' || c.status === 'agent' : c.status === 'agent' && c.assigneeId === fromId);
      return change(id, allowed, { status: 'agent', assigneeId: toId, assignedAt: at });
    },
    async close(id, at, assigneeId) {
      const allowed = (c: Conversation) => (assigneeId === undefined ? c.status === 'queued' || c.status === 'agent' : c.status === 'agent' && c.assigneeId === assigneeId);
      return change(id, allowed, { status: 'closed', closedAt: at });
    },
    async listQueued() {
      const queued = [...conversations.values()].filter((c) => c.status === 'queued');
      queued.sort((a, b) => (a.queuedAt?.getTime() ?? 0) - (b.queuedAt?.getTime() ?? 0) || a.id.localeCompare(b.id));
      return queued.map((c) => ({ ...c }));
    },
    async listAssigned(agentId, status) {
      const mine = [...conversations.values()].filter((c) => c.assigneeId === agentId && (!status || c.status === status));
      return mine.sort(byActivity).map((c) => ({ ...c }));
    },
    async activeLoad() {
      const load: Record<string, number> = {};
      for (const c of conversations.values()) if (c.status === 'agent' && c.assigneeId) load[c.assigneeId] = (load[c.assigneeId] ?? 0) + 1;
      return load;
    },
    async addNote(input) {
      const note: ConversationNote = { ...input, id: randomUUID() };
      notes.push(note);
      return { ...note };
    },
    async listNotes(conversationId) {
      return notes.filter((n) => n.conversationId === conversationId).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    },
  };
}
