import { WebchatTokens } from '../../bots/webchat/webchat-token.js';
import { SECRET, SocketProbe, startHarness, WebchatClient, type Harness } from './webchat-harness.js';

let h: Harness;
let api: WebchatClient;

beforeAll(async () => {
  h = await startHarness();
  api = new WebchatClient(h.url);
});
afterAll(() => h.close());

const seqs = (probe: SocketProbe) => probe.messages.map((m) => m.seq);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('web chat socket', () => {
  it('resumes after afterSeq: the missed messages exactly once and in order, then live ones', async () => {
    const chat = await api.start();
    await api.send(chat, { text: '怎么退货' });
    await api.send(chat, { text: '运费多少' });
    const stored = await api.transcript(chat);
    expect(stored.length).toBeGreaterThanOrEqual(4);

    const probe = SocketProbe.forChat(h.url, chat, 2);
    await probe.until(() => probe.ready);
    expect(seqs(probe)).toEqual(range(3, stored.length));
    expect(probe.messages.map((m) => m.text)).toEqual(stored.slice(2).map((m) => m.text));
    expect(probe.frames.find((f) => f.type === 'ready')).toEqual({ type: 'ready', lastSeq: stored.length });

    const live = await api.send(chat, { text: '你好' });
    const last = live.body.replyMessages.at(-1)?.seq ?? live.body.message.seq;
    await probe.until(() => seqs(probe).includes(last));
    expect(seqs(probe)).toEqual(range(3, last));
    expect(probe.messages.find((m) => m.seq === live.body.message.seq)).toMatchObject({ author: 'customer', text: '你好' });
    probe.close();
  });

  it('loses and repeats nothing when messages are stored while the socket is connecting', async () => {
    const chat = await api.start();
    await api.send(chat, { text: '你好' });
    const sending = Promise.all(['怎么退货', '运费多少', '多久发货', '可以开发票吗', '怎么改地址'].map((text) => api.send(chat, { text })));
    const probe = SocketProbe.forChat(h.url, chat, 0);
    await sending;
    const total = (await api.transcript(chat)).length;
    await probe.until(() => seqs(probe).length >= total);
    await new Promise((r) => setTimeout(r, 100));
    expect(seqs(probe)).toEqual(range(1, total));
    probe.close();
  });

  it('takes messages over the socket, acknowledges them and de-duplicates by clientMessageId', async () => {
    const chat = await api.start();
    const probe = SocketProbe.forChat(h.url, chat);
    probe.send({ type: 'message', text: '怎么退货', clientMessageId: 'ws-1' });
    await probe.until(() => probe.messages.some((m) => m.author === 'bot'));
    expect(probe.frames).toContainEqual({ type: 'ack', clientMessageId: 'ws-1', seq: 1, duplicate: false });
    expect(probe.messages.map((m) => [m.seq, m.author])).toEqual([[1, 'customer'], [2, 'bot']]);

    probe.send({ type: 'message', text: '怎么退货', clientMessageId: 'ws-1' });
    probe.send({ type: 'message', text: '   ' });
    await probe.until(() => probe.frames.filter((f) => f.type === 'ack' || f.type === 'error').length >= 3);
    expect(probe.frames).toContainEqual({ type: 'ack', clientMessageId: 'ws-1', seq: 1, duplicate: true });
    expect(probe.frames).toContainEqual(expect.objectContaining({ type: 'error', error: expect.objectContaining({ code: 'invalid_input' }) }));
    expect(await api.transcript(chat)).toHaveLength(2);
    probe.close();
  });

  it.each([
    ['a bad token', 'not-a-token', 4401],
    ['a token for another conversation', 'other', 4403],
  ])('closes with a code the widget acts on for %s', async (_name, kind, code) => {
    const chat = await api.start();
    const token = kind === 'other' ? (await api.start()).token : kind;
    const probe = SocketProbe.forChat(h.url, chat, 0, token);
    await probe.until(() => probe.closeCode !== undefined);
    expect(probe.closeCode).toBe(code);
    expect(probe.messages).toEqual([]);
  });

  it('closes with 4404 for an unknown conversation and 4400 without parameters', async () => {
    const ghost = { conversationId: 'no-such-conversation', visitorId: 'v-ghost' };
    const probe = SocketProbe.forChat(h.url, { ...ghost, token: new WebchatTokens(SECRET).issue(ghost) });
    await probe.until(() => probe.closeCode !== undefined);
    expect(probe.closeCode).toBe(4404);

    const bare = new SocketProbe(`${h.url.replace(/^http/, 'ws')}/api/webchat/ws`);
    await bare.until(() => bare.closeCode !== undefined);
    expect(bare.closeCode).toBe(4400);
  });
});

describe('web chat socket shutdown', () => {
  it('closes open sockets with 1001 when the server stops', async () => {
    const own = await startHarness();
    const chat = await new WebchatClient(own.url).start();
    const probe = SocketProbe.forChat(own.url, chat);
    await probe.until(() => probe.ready);
    await own.close();
    await probe.until(() => probe.closeCode !== undefined);
    expect(probe.closeCode).toBe(1001);
  });
});
