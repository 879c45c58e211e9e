import { randomUUID } from 'node:crypto';
import type { Conversation, User } from '../../core/types.js';
import type { ContractContext } from './storage-contract.js';

export function handoffContract(get: () => ContractContext): void {
  const repos = () => get().storage.repos;
  async function conversation(): Promise<Conversation> {
    const customer = await repos().customers.findOrCreateByIdentity('webchat', `h-${randomUUID()}`);
    return repos().conversations.create({ customerId: customer.id, channel: 'webchat' });
  }
  const agent = (): Promise<User> => repos().users.create({ email: `a-${randomUUID()}@shop.test`, displayName: 'agent', role: 'agent', passwordHash: 'h' });
  const at = (s: number) => new Date(Date.UTC(2030, 0, 1, 0, 0, s));

  describe('handoff', () => {
    it('queues a bot conversation once, oldest first, and resets its fallback streak', async () => {
      const { handoff, conversations } = repos();
      const [a, b] = [await conversation(), await conversation()];
      await conversations.update(a.id, { fallbackStreak: 2 });
      const queuedB = await handoff.enqueue(b.id, { reason: 'complaint', at: at(1), leftMessage: true });
      const queuedA = await handoff.enqueue(a.id, { reason: 'request', at: at(2), leftMessage: false });
      expect(queuedA).toMatchObject({ status: 'queued', handoffReason: 'request', queuedAt: at(2), leftMessageAt: null, fallbackStreak: 0, assigneeId: null });
      expect(queuedB).toMatchObject({ handoffReason: 'complaint', leftMessageAt: at(1) });
      expect(await handoff.enqueue(a.id, { reason: 'request', at: at(3), leftMessage: false })).toBeNull();
      const ids = (await handoff.listQueued()).map((c) => c.id);
      expect(ids.indexOf(b.id)).toBeLessThan(ids.indexOf(a.id));
    });

    it('lets exactly one of ten concurrent claims win', async () => {
      const { handoff, conversations } = repos();
      const c = await conversation();
      await handoff.enqueue(c.id, { reason: 'request', at: at(1), leftMessage: false });
      const agents = await Promise.all(Array.from({ length: 10 }, agent));
      const results = await Promise.all(agents.map((a) => handoff.claim(c.id, a.id, at(2))));
      const winners = results.filter((r) => r !== null);
      expect(winners).toHaveLength(1);
      const stored = await conversations.get(c.id);
      expect(stored).toMatchObject({ status: 'agent', assigneeId: winners[0]?.assigneeId, assignedAt: at(2) });
      expect(await handoff.claim(c.id, agents[0]!.id, at(3))).toBeNull();
    });

    it('assigns, transfers only from the current agent, counts load and closes', async () => {
      const { handoff } = repos();
      const [ann, bob] = [await agent(), await agent()];
      const [c, d] = [await conversation(), await conversation()];
      for (const x of [c, d]) await handoff.enqueue(x.id, { reason: 'request', at: at(1), leftMessage: false });
      expect(await handoff.assign(c.id, ann.id, at(2))).toMatchObject({ status: 'agent', assigneeId: ann.id });
      await handoff.claim(d.id, ann.id, at(3));
      expect((await handoff.activeLoad())[ann.id]).toBe(2);
      expect(await handoff.assign(c.id, bob.id, at(4), bob.id)).toBeNull();
      expect(await handoff.assign(c.id, bob.id, at(4), ann.id)).toMatchObject({ assigneeId: bob.id });
      expect(await handoff.activeLoad()).toMatchObject({ [ann.id]: 1, [bob.id]: 1 });
      expect((await handoff.listAssigned(ann.id, 'agent')).map((x) => x.id)).toEqual([d.id]);
      expect(await handoff.close(d.id, at(5), bob.id)).toBeNull();
      expect(await handoff.close(d.id, at(5), ann.id)).toMatchObject({ status: 'closed', closedAt: at(5), assigneeId: ann.id });
      expect(await handoff.close(d.id, at(6))).toBeNull();
      expect((await handoff.activeLoad())[ann.id]).toBeUndefined();
      expect((await handoff.listAssigned(ann.id)).map((x) => x.id)).toEqual([d.id]);
      // A closed conversation can be queued again, unassigned.
      expect(await handoff.enqueue(d.id, { reason: 'request', at: at(7), leftMessage: false })).toMatchObject({ status: 'queued', assigneeId: null, closedAt: null });
    });

    it('keeps notes per conversation in time order', async () => {
      const { handoff } = repos();
      const [c, a] = [await conversation(), await agent()];
      const second = await handoff.addNote({ conversationId: c.id, authorId: a.id, text: '第二条', createdAt: at(2) });
      const first = await handoff.addNote({ conversationId: c.id, authorId: a.id, text: '第一条', createdAt: at(1) });
      expect(await handoff.listNotes(c.id)).toEqual([first, second]);
      expect(await handoff.listNotes((await conversation()).id)).toEqual([]);
    });

    it('stores who wrote an agent message', async () => {
      const { messages } = repos();
      const [c, a] = [await conversation(), await agent()];
      const { message } = await messages.append({
        conversationId: c.id, direction: 'outbound', author: 'agent', kind: 'text', text: '您好', faqId: null, choices: null,
        channelMessageId: null, replyToId: null, agentId: a.id,
      });
      expect(message.agentId).toBe(a.id);
      expect((await messages.listByConversation(c.id))[0]?.agentId).toBe(a.id);
    });
  });
}
