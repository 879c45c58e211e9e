import { randomUUID } from 'node:crypto';
import type { NewTurn, Repositories, TurnResult } from '../../core/ports.js';
import type { Conversation, NewMessage, StoredMessage } from '../../core/types.js';

/** MessageRepository.storeTurn and listUnanswered: the same contract on in-memory, SQLite and PostgreSQL. */
export function turnContract(repos: () => Repositories): void {
  const at = new Date('2030-01-02T03:04:05.678Z');

  async function newConversation(channel: 'telegram' | 'webchat' = 'telegram'): Promise<Conversation> {
    const { customers, conversations } = repos();
    const customer = await customers.findOrCreateByIdentity(channel, `t-${randomUUID()}`);
    return conversations.create({ customerId: customer.id, channel });
  }
  const inbound = (c: Conversation, text: string, channelMessageId: string | null = null): NewMessage => ({
    conversationId: c.id, direction: 'inbound', author: 'customer', kind: 'text', text, faqId: null, choices: null, channelMessageId, replyToId: null, createdAt: at,
  });
  const reply = (c: Conversation, text: string): NewMessage => ({
    conversationId: c.id, direction: 'outbound', author: 'bot', kind: 'answer', text, faqId: 'faq-1', choices: null, channelMessageId: null, replyToId: null, createdAt: at,
  });
  const turn = (c: Conversation, message: NewMessage | StoredMessage, replies: NewMessage[], extra: Partial<NewTurn> = {}): NewTurn => ({
    conversationId: c.id, inbound: message, replies: replies.map((m) => ({ message: m })), patch: {}, expect: { status: c.status, lastSeq: c.lastSeq }, at, ...extra,
  });
  const stored = (r: TurnResult) => {
    if (r.outcome !== 'stored') throw new Error(`expected stored, got ${r.outcome}`);
    return r;
  };

  describe('message turns (one transaction per customer message)', () => {
    it('stores the customer message, its replies after it and the conversation patch together', async () => {
      const { messages, conversations } = repos();
      const c = await newConversation();
      const r = stored(await messages.storeTurn(turn(c, inbound(c, '怎么退货', `tg-${randomUUID()}`), [reply(c, '7 天无理由'), reply(c, '还有问题吗')], { patch: { lang: 'en', fallbackStreak: 0 } })));
      expect(r.inbound).toMatchObject({ seq: 1, text: '怎么退货', author: 'customer' });
      expect(r.replies.map((m) => [m.seq, m.text, m.replyToId])).toEqual([[2, '7 天无理由', r.inbound.id], [3, '还有问题吗', r.inbound.id]]);
      expect(r.lastSeq).toBe(3);
      expect(await messages.listByConversation(c.id)).toEqual([r.inbound, ...r.replies]);
      expect(await messages.listReplies(r.inbound.id)).toEqual(r.replies);
      expect(await conversations.get(c.id)).toMatchObject({ lastSeq: 3, lang: 'en' });
      expect(r.inbound.createdAt).toEqual(at);
    });

    it('stores nothing and answers stale when the conversation moved on since the answer was decided', async () => {
      const { messages, conversations } = repos();
      const c = await newConversation();
      await messages.append(inbound(c, 'first'));
      expect(await messages.storeTurn(turn(c, inbound(c, 'second'), [reply(c, 'answer')]))).toEqual({ outcome: 'stale' });
      const queued = { ...c, lastSeq: 1, status: 'queued' as const };
      expect(await messages.storeTurn(turn(queued, inbound(c, 'third'), []))).toEqual({ outcome: 'stale' });
      expect((await messages.listByConversation(c.id)).map((m) => m.text)).toEqual(['first']);
      expect((await conversations.get(c.id))?.lastSeq).toBe(1);
    });

    it('stores a re-delivered channel message once and returns the stored one', async () => {
      const { messages } = repos();
      const c = await newConversation();
      const key = `tg-${randomUUID()}`;
      const first = stored(await messages.storeTurn(turn(c, inbound(c, 'hi', key), [reply(c, 'hello')])));
      const again = await messages.storeTurn(turn({ ...c, lastSeq: 2 }, inbound(c, 'hi', key), [reply(c, 'hello')]));
      expect(again).toEqual({ outcome: 'duplicate', inbound: first.inbound });
      expect(await messages.listByConversation(c.id)).toHaveLength(2);
    });

    it('answers a stored message later: only the replies are added', async () => {
      const { messages } = repos();
      const c = await newConversation();
      const { message } = await messages.append(inbound(c, 'unanswered'));
      const r = stored(await messages.storeTurn(turn({ ...c, lastSeq: 1 }, message, [reply(c, 'late answer')])));
      expect(r.inbound).toEqual(message);
      expect(r.replies.map((m) => [m.seq, m.replyToId])).toEqual([[2, message.id]]);
    });

    it('writes the outbox row with the reply, pending', async () => {
      const { messages, deliveries } = repos();
      const c = await newConversation();
      const r = stored(await messages.storeTurn({
        ...turn(c, inbound(c, 'where is my parcel'), []),
        replies: [{ message: reply(c, 'on its way'), outbox: { channel: 'telegram', payload: { type: 'text', kind: 'answer', text: 'on its way' } } }],
      }));
      expect(r.replies[0]?.deliveryStatus).toBe('pending');
      expect(await deliveries.getByMessage(r.replies[0]?.id ?? '')).toMatchObject({ status: 'pending', seq: 2, channel: 'telegram', payload: { text: 'on its way' } });
      expect((await messages.listByConversation(c.id))[1]?.deliveryStatus).toBe('pending');
    });

    it('refuses a turn for an unknown conversation', async () => {
      const c = await newConversation();
      await expect(repos().messages.storeTurn(turn({ ...c, id: randomUUID() }, inbound({ ...c, id: randomUUID() }, 'lost'), []))).rejects.toMatchObject({ code: 'not_found' });
    });

    it('gives many concurrent turns on one conversation gapless seqs, each message once (retrying stale ones)', async () => {
      const { messages, conversations } = repos();
      const c = await newConversation();
      const keys = Array.from({ length: 12 }, (_, i) => `tg-${randomUUID()}-${i}`);
      // Each message is sent twice at once, as a re-delivering platform would.
      const send = async (key: string): Promise<TurnResult> => {
        for (;;) {
          const now = (await conversations.get(c.id)) ?? c;
          const r = await messages.storeTurn(turn(now, inbound(c, key, key), [reply(c, `re ${key}`)]));
          if (r.outcome !== 'stale') return r;
        }
      };
      const results = await Promise.all([...keys, ...keys].map(send));
      expect(results.filter((r) => r.outcome === 'stored')).toHaveLength(keys.length);
      const all = await messages.listByConversation(c.id);
      expect(all.map((m) => m.seq)).toEqual(Array.from({ length: keys.length * 2 }, (_, i) => i + 1));
      for (const key of keys) {
        const question = all.filter((m) => m.text === key);
        expect(question).toHaveLength(1);
        const answer = all.filter((m) => m.replyToId === question[0]?.id);
        expect(answer.map((m) => m.seq)).toEqual([(question[0]?.seq ?? 0) + 1]);
      }
    });

    it('lists customer messages the bot never answered, and only those', async () => {
      const { messages, handoff } = repos();
      const since = new Date(at.getTime() - 1000);
      const before = new Date(at.getTime() + 1000);
      const answered = await newConversation();
      stored(await messages.storeTurn(turn(answered, inbound(answered, 'answered'), [reply(answered, 'yes')])));
      const lost = await newConversation();
      const { message: unanswered } = await messages.append(inbound(lost, 'never answered'));
      const people = await newConversation();
      await messages.append(inbound(people, 'waiting for a person'));
      await handoff.enqueue(people.id, { reason: 'request', at, leftMessage: false });
      const closed = await newConversation();
      await messages.append(inbound(closed, 'while an agent had it'));
      await messages.append({ ...reply(closed, 'the agent closed the chat'), author: 'system', kind: 'system' });
      const found = (await messages.listUnanswered({ since, before, limit: 1000 })).filter((m) => [answered.id, lost.id, people.id, closed.id].includes(m.conversationId));
      expect(found).toEqual([unanswered]);
      expect((await messages.listUnanswered({ since: before, before: new Date(before.getTime() + 1000), limit: 10 })).filter((m) => m.id === unanswered.id)).toEqual([]);
    });
  });
}
