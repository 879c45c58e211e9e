import { SocketProbe, startHarness, WebchatClient, type Harness } from './webchat-harness.js';

describe('web chat rate limits', () => {
  let h: Harness;
  let client: WebchatClient;
  beforeAll(async () => {
    h = await startHarness({ KEFU_WEBCHAT_CONVERSATIONS_PER_MINUTE: '3', KEFU_WEBCHAT_MESSAGES_PER_MINUTE: '2' });
    client = new WebchatClient(h.url);
  });
  afterAll(() => h.close());

  it('refuses a flood of new conversations from one address with 429 and Retry-After', async () => {
    for (let i = 0; i < 3; i++) await client.start();
    const res = await fetch(`${h.url}/api/webchat/conversations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
  });

  it('limits messages per conversation over HTTP and the socket together, storing nothing refused', async () => {
    await h.restart();
    const chat = await new WebchatClient(h.url).start();
    expect((await client.send(chat, { text: '怎么退货' })).status).toBe(200);
    const socket = SocketProbe.forChat(h.url, chat);
    try {
      await socket.until(() => socket.ready);
      socket.send({ type: 'message', text: '运费多少', clientMessageId: 's1' });
      await socket.until(() => socket.frames.some((f) => f.type === 'ack'));
      socket.send({ type: 'message', text: '发票', clientMessageId: 's2' });
      await socket.until(() => socket.frames.some((f) => f.type === 'error'));
      expect(socket.frames.find((f) => f.type === 'error')).toMatchObject({ clientMessageId: 's2', error: { code: 'rate_limited' } });
    } finally {
      socket.close();
    }
    const refused = await client.send(chat, { text: '你好' });
    expect([refused.status, refused.body.error?.code]).toEqual([429, 'rate_limited']);
    const customerTexts = (await client.transcript(chat)).filter((m) => m.author === 'customer').map((m) => m.text);
    expect(customerTexts).toEqual(['怎么退货', '运费多少']);
  });
});
