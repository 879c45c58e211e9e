import { OrderedDelivery } from '../../bots/webchat/socket-delivery.js';
import type { MessageView } from '../../core/views.js';

const view = (seq: number): MessageView => ({ id: `m${seq}`, seq, author: 'bot', kind: 'answer', text: `t${seq}`, createdAt: new Date(0).toISOString() });

/** A transcript that grows as a test "stores" messages, read the way the socket reads storage. */
function setup(afterSeq = 0, gapWaitMs = 30) {
  const stored: MessageView[] = [];
  const sent: number[] = [];
  const skipped: Array<[number, number]> = [];
  const delivery = new OrderedDelivery(afterSeq, {
    fetchAfter: async (after) => stored.filter((m) => m.seq > after),
    send: (m) => sent.push(m.seq),
    gapWaitMs,
    onSkip: (from, to) => skipped.push([from, to]),
  });
  const store = (...seqs: number[]) => seqs.forEach((s) => stored.push(view(s)));
  return { delivery, stored, sent, skipped, store };
}

describe('OrderedDelivery', () => {
  it('sends the backlog after afterSeq, then live messages, each once', async () => {
    const { delivery, sent, store } = setup(1);
    store(1, 2, 3);
    await delivery.catchUp();
    store(4);
    await delivery.offer(view(3));
    await delivery.offer(view(4));
    await delivery.offer(view(4));
    expect(sent).toEqual([2, 3, 4]);
  });

  it('fills a gap from storage when a later message is published first', async () => {
    const { delivery, sent, store } = setup();
    await delivery.catchUp();
    store(1, 2);
    await delivery.offer(view(2));
    await delivery.offer(view(1));
    expect(sent).toEqual([1, 2]);
  });

  it('waits for a message still being stored, then skips it if it never appears', async () => {
    const { delivery, sent, skipped, store } = setup(0, 20);
    store(1);
    await delivery.catchUp();
    await delivery.offer(view(3)); // seq 2 is not visible yet
    expect(sent).toEqual([1]);
    await new Promise((r) => setTimeout(r, 60));
    expect(sent).toEqual([1, 3]);
    expect(skipped).toEqual([[2, 2]]);
  });

  it('delivers a late message that appears within the wait', async () => {
    const { delivery, sent, skipped, store } = setup(0, 40);
    await delivery.catchUp();
    await delivery.offer(view(2));
    store(1, 2);
    await new Promise((r) => setTimeout(r, 80));
    expect(sent).toEqual([1, 2]);
    expect(skipped).toEqual([]);
  });

  it('sends nothing after close', async () => {
    const { delivery, sent, store } = setup();
    store(1);
    delivery.close();
    await delivery.catchUp();
    await delivery.offer(view(1));
    expect(sent).toEqual([]);
  });
});
