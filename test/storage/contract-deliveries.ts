// The outbox contract; runs on SQLite and PostgreSQL (storage-contract.ts) and on the in-memory repositories.
import { randomUUID } from 'node:crypto';
import type { OutboundMessage } from '../../core/messages.js';
import type { Repositories } from '../../core/ports.js';
import type { ChannelId, StoredMessage } from '../../core/types.js';

const T0 = new Date('2030-01-01T00:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

export function deliveryContract(repos: () => Repositories): void {
  async function conversationWith(texts: string[], channel: ChannelId = 'telegram'): Promise<StoredMessage[]> {
    const { customers, conversations, messages } = repos();
    const customer = await customers.findOrCreateByIdentity(channel, `d-${randomUUID()}`);
    const conversation = await conversations.create({ customerId: customer.id, channel });
    const stored: StoredMessage[] = [];
    for (const text of texts) {
      const { message } = await messages.append({
        conversationId: conversation.id, direction: 'outbound', author: 'agent', kind: 'text', text,
        faqId: null, choices: null, channelMessageId: null, replyToId: null,
      });
      stored.push(message);
    }
    return stored;
  }
  const payload = (text: string): OutboundMessage => ({ type: 'text', kind: 'agent', text });
  const enqueue = (message: StoredMessage, when = T0, channel: ChannelId = 'telegram') =>
    repos().deliveries.enqueue({ message, channel, payload: payload(message.text), at: when });
  const statusOf = async (message: StoredMessage) =>
    (await repos().messages.listByConversation(message.conversationId)).find((m) => m.id === message.id)?.deliveryStatus;
  // Rows of other tests share the table; each test only looks at its own conversations.
  const mine = <R extends { messageId: string }>(rows: R[], messages: StoredMessage[]): R[] => rows.filter((r) => messages.some((m) => m.id === r.messageId));

  describe('deliveries (outbox)', () => {
    it('keeps a conversation’s channel reference and a message’s attachments', async () => {
      const { customers, conversations, messages } = repos();
      const customer = await customers.findOrCreateByIdentity('telegram', `a-${randomUUID()}`);
      const conversation = await conversations.create({ customerId: customer.id, channel: 'telegram' });
      expect(conversation.channelRef).toBeNull();
      const ref = JSON.stringify({ chatId: 4242 });
      expect((await conversations.update(conversation.id, { channelRef: ref })).channelRef).toBe(ref);
      expect((await conversations.get(conversation.id))?.channelRef).toBe(ref);
      const attachments = [{ kind: 'image' as const, channelFileId: 'AgADBAAD' }, { kind: 'file' as const, channelFileId: 'BQAD', name: '发票.pdf' }];
      const { message } = await messages.append({
        conversationId: conversation.id, direction: 'inbound', author: 'customer', kind: 'text', text: '[image]',
        faqId: null, choices: null, channelMessageId: null, replyToId: null, attachments,
      });
      expect(message.attachments).toEqual(attachments);
      expect(message.deliveryStatus).toBeUndefined();
      expect((await messages.listByConversation(conversation.id))[0]?.attachments).toEqual(attachments);
    });

    it('queues a message once, keeps the payload and marks the message pending', async () => {
      const [message] = await conversationWith(['您好，我是客服小王']);
      const first = await enqueue(message!);
      const again = await enqueue(message!, at(5));
      expect(again).toEqual(first);
      expect(first).toMatchObject({
        messageId: message!.id, conversationId: message!.conversationId, seq: message!.seq, channel: 'telegram', status: 'pending',
        attempts: 0, lastError: null, sentAt: null, payload: { type: 'text', kind: 'agent', text: '您好，我是客服小王' },
      });
      expect(first.nextAttemptAt).toEqual(T0);
      expect(await repos().deliveries.getByMessage(message!.id)).toEqual(first);
      expect(await statusOf(message!)).toBe('pending');
    });

    it('leases only due rows, only the oldest pending one per conversation, and never twice', async () => {
      const a = await conversationWith(['a1', 'a2']);
      const b = await conversationWith(['b1']);
      const later = await conversationWith(['c1']);
      for (const m of [...a, ...b]) await enqueue(m, at(100));
      await enqueue(later[0]!, at(200));
      const { deliveries } = repos();
      const claimed = mine(await deliveries.claimDue({ now: at(150), leaseUntil: at(180), limit: 100 }), [...a, ...b, ...later]);
      expect(claimed.map((r) => r.messageId).sort()).toEqual([a[0]!.id, b[0]!.id].sort());
      expect(claimed.every((r) => r.nextAttemptAt.getTime() === at(180).getTime())).toBe(true);
      // Leased: not due again before the lease ends, and a2 waits behind a1.
      expect(mine(await deliveries.claimDue({ now: at(170), leaseUntil: at(190), limit: 100 }), [...a, ...b, ...later])).toEqual([]);
    });

    it('lets two concurrent workers share the due rows without overlap', async () => {
      const conversations = await Promise.all(Array.from({ length: 6 }, (_, i) => conversationWith([`p${i}`])));
      const messages = conversations.flat();
      for (const m of messages) await enqueue(m, at(300));
      const { deliveries } = repos();
      const [x, y] = await Promise.all([
        deliveries.claimDue({ now: at(301), leaseUntil: at(400), limit: 100 }),
        deliveries.claimDue({ now: at(301), leaseUntil: at(400), limit: 100 }),
      ]);
      const ids = [...mine(x!, messages), ...mine(y!, messages)].map((r) => r.messageId);
      expect(ids.sort()).toEqual(messages.map((m) => m.id).sort());
    });

    it('counts attempts, waits out a retry, and sends the next message only after the first is done', async () => {
      const [first, second] = await conversationWith(['one', 'two']);
      const { deliveries } = repos();
      const row = await enqueue(first!, at(500));
      await enqueue(second!, at(500));
      const retried = await deliveries.markRetry(row.id, { error: 'ETIMEDOUT', nextAttemptAt: at(560) });
      expect(retried).toMatchObject({ status: 'pending', attempts: 1, lastError: 'ETIMEDOUT' });
      expect(mine(await deliveries.claimDue({ now: at(550), leaseUntil: at(600), limit: 100 }), [first!, second!])).toEqual([]);
      const [again] = mine(await deliveries.claimDue({ now: at(560), leaseUntil: at(600), limit: 100 }), [first!, second!]);
      expect(again?.messageId).toBe(first!.id);
      const sent = await deliveries.markSent(row.id, at(561));
      expect(sent).toMatchObject({ status: 'sent', attempts: 2, lastError: null, sentAt: at(561) });
      expect(await statusOf(first!)).toBe('sent');
      const next = mine(await deliveries.claimDue({ now: at(562), leaseUntil: at(600), limit: 100 }), [first!, second!]);
      expect(next.map((r) => r.messageId)).toEqual([second!.id]);
      await expect(deliveries.markSent(row.id, at(563))).rejects.toMatchObject({ code: 'conflict' });
    });

    it('records a final failure on the row and the message', async () => {
      const [message] = await conversationWith(['lost']);
      const { deliveries } = repos();
      const row = await enqueue(message!, at(700));
      const failed = await deliveries.markFailed(row.id, { error: '403: bot was blocked by the user', at: at(701) });
      expect(failed).toMatchObject({ status: 'failed', attempts: 1, lastError: '403: bot was blocked by the user', sentAt: null });
      expect(await statusOf(message!)).toBe('failed');
      expect(mine(await deliveries.listByStatus('failed'), [message!]).map((r) => r.id)).toEqual([row.id]);
      expect(mine(await deliveries.claimDue({ now: at(9999), leaseUntil: at(10_000), limit: 100 }), [message!])).toEqual([]);
    });

    it('makes a channel’s retrying rows due at once when it comes back, leaving other rows alone', async () => {
      const [waiting] = await conversationWith(['waiting']);
      const [fresh] = await conversationWith(['fresh']);
      const [other] = await conversationWith(['other'], 'wechat');
      const { deliveries } = repos();
      const w = await enqueue(waiting!, at(800));
      await enqueue(fresh!, at(900));
      const o = await enqueue(other!, at(800), 'wechat');
      await deliveries.markRetry(w.id, { error: 'logged out', nextAttemptAt: at(2000) });
      await deliveries.markRetry(o.id, { error: 'logged out', nextAttemptAt: at(2000) });
      expect(await deliveries.rescheduleChannel('telegram', at(850))).toBeGreaterThanOrEqual(1);
      const due = mine(await deliveries.claimDue({ now: at(850), leaseUntil: at(860), limit: 100 }), [waiting!, fresh!, other!]);
      expect(due.map((r) => r.messageId)).toEqual([waiting!.id]);
    });
  });
}
