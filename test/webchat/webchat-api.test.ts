import { WebchatTokens } from '../../bots/webchat/webchat-token.js';
import { addAmbiguousFaqs, call, SECRET, startHarness, WebchatClient, type Chat, type Harness } from './webchat-harness.js';

let h: Harness;
let api: WebchatClient;

beforeAll(async () => {
  h = await startHarness();
  api = new WebchatClient(h.url);
});
afterAll(() => h.close());

describe('web chat HTTP API: conversations and answers', () => {
  it('answers 「怎么退货」 with the return FAQ and keeps both messages in the transcript', async () => {
    const chat = await api.start({ lang: 'zh' });
    expect(chat.conversationId).toEqual(expect.any(String));
    expect(chat.token).toEqual(expect.any(String));

    const res = await api.send(chat, { text: '怎么退货', clientMessageId: 'c-1' });
    expect(res.status).toBe(200);
    expect(res.body.replies).toHaveLength(1);
    expect(res.body.replies[0]).toMatchObject({ kind: 'answer', faqId: expect.stringMatching(/^zh-return/) });
    expect(res.body.replies[0]?.text).toMatch(/退/);
    expect(res.body.message).toMatchObject({ seq: 1, author: 'customer', kind: 'text', text: '怎么退货' });

    const transcript = await api.transcript(chat);
    expect(transcript.map((m) => [m.seq, m.author, m.kind])).toEqual([
      [1, 'customer', 'text'],
      [2, 'bot', 'answer'],
    ]);
    expect(transcript[1]?.text).toBe(res.body.replies[0]?.text);
  });

  it('answers an English question in English', async () => {
    const chat = await api.start({ lang: 'en' });
    const res = await api.send(chat, { text: 'How do I return an item?' });
    expect(res.status).toBe(200);
    expect(res.body.replies[0]).toMatchObject({ kind: 'answer', faqId: expect.stringMatching(/^en-return/) });
  });

  it('offers numbered choices for a vague question, and the number picks one', async () => {
    const chat = await api.start();
    const res = await api.send(chat, { text: await addAmbiguousFaqs(h) });
    expect(res.status).toBe(200);
    const [reply] = res.body.replies;
    expect(reply?.kind).toBe('choices');
    expect(reply?.choices?.length).toBeGreaterThanOrEqual(2);

    const picked = await api.send(chat, { text: '1' });
    expect(picked.body.replies[0]).toMatchObject({ kind: 'answer', faqId: reply?.choices?.[0]?.faqId });
  });

  it('falls back politely when nothing matches', async () => {
    const chat = await api.start();
    const res = await api.send(chat, { text: 'xyzzy plugh frobnicate quux' });
    expect(res.status).toBe(200);
    expect(res.body.replies).toEqual([expect.objectContaining({ kind: 'fallback' })]);
  });

  it('returns the first replies again for a repeated clientMessageId and stores nothing twice', async () => {
    const chat = await api.start();
    const first = await api.send(chat, { text: '怎么退货', clientMessageId: 'same-id' });
    const again = await api.send(chat, { text: '怎么退货', clientMessageId: 'same-id' });
    expect(again.status).toBe(200);
    expect(again.body.duplicate).toBe(true);
    expect(again.body.replies).toEqual(first.body.replies);
    expect(again.body.message.id).toBe(first.body.message.id);
    expect(await api.transcript(chat)).toHaveLength(2);

    // The same client id in another conversation is a different message.
    const other = await api.start();
    const elsewhere = await api.send(other, { text: '怎么退货', clientMessageId: 'same-id' });
    expect(elsewhere.body.duplicate).toBe(false);
  });

  it('numbers messages 1, 2, 3… oldest first and filters by afterSeq', async () => {
    const chat = await api.start();
    for (const text of ['你好', '怎么退货', '运费多少']) await api.send(chat, { text });
    const all = await api.transcript(chat);
    expect(all.map((m) => m.seq)).toEqual(all.map((_, i) => i + 1));
    expect(all.filter((m) => m.author === 'customer').map((m) => m.text)).toEqual(['你好', '怎么退货', '运费多少']);
    const later = await api.transcript(chat, 2);
    expect(later.map((m) => m.seq)).toEqual(all.slice(2).map((m) => m.seq));
  });
});

describe('web chat HTTP API: bad input stores nothing', () => {
  let chat: Chat;
  const url = () => `${h.url}/api/webchat/conversations/${chat.conversationId}/messages`;
  const expectUntouched = async () => expect(await api.transcript(chat)).toHaveLength(2);

  beforeAll(async () => {
    chat = await api.start();
    await api.send(chat, { text: '怎么退货' });
  });

  it.each([
    ['empty text', { text: '' }],
    ['whitespace-only text', { text: '  \n\t ' }],
    ['text over the limit', { text: '退'.repeat(4001) }],
    ['non-string text', { text: 42 }],
    ['missing text', { clientMessageId: 'x-1' }],
    ['an array body', [{ text: 'hi' }]],
    ['a too-long clientMessageId', { text: 'hi', clientMessageId: 'x'.repeat(65) }],
    ['a numeric clientMessageId', { text: 'hi', clientMessageId: 123 }],
  ])('rejects %s with 422 invalid_input', async (_name, body) => {
    const res = await api.send(chat, body);
    expect(res.status).toBe(422);
    expect(res.body.error).toEqual({ code: 'invalid_input', message: expect.any(String) });
    await expectUntouched();
  });

  it('accepts text of exactly the limit', async () => {
    const other = await api.start();
    const res = await api.send(other, { text: '退'.repeat(4000) });
    expect(res.status).toBe(200);
  });

  it('rejects malformed JSON with 400 invalid_json', async () => {
    const res = await call(url(), { method: 'POST', body: '{"text": "hi"', headers: { 'content-type': 'application/json' }, token: chat.token });
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe('invalid_json');
    await expectUntouched();
  });

  it('rejects a body over the size limit with 413', async () => {
    const res = await call(url(), { method: 'POST', json: { text: 'a'.repeat(200_000) }, token: chat.token });
    expect(res.status).toBe(413);
    expect(res.body.error?.code).toBe('payload_too_large');
    await expectUntouched();
  });

  it.each([
    ['no token', undefined],
    ['a garbage token', 'abc'],
    ['a token with a forged signature', () => chat.token.replace(/\.(.)([^.]*)$/, (_m, c: string, rest: string) => `.${c === 'A' ? 'B' : 'A'}${rest}`)],
    ['a token signed with another secret', () => new WebchatTokens('another-secret-0123456789abcdef').issue({ conversationId: chat.conversationId, visitorId: chat.visitorId })],
    ['an expired token', () => new WebchatTokens(SECRET, { now: () => Date.now() - 25 * 3_600_000 }).issue({ conversationId: chat.conversationId, visitorId: chat.visitorId })],
  ])('rejects %s with 401', async (_name, token) => {
    const t = typeof token === 'function' ? token() : token;
    const posted = await call(url(), { method: 'POST', json: { text: 'hi' }, ...(t ? { token: t } : {}) });
    expect(posted.status).toBe(401);
    expect(posted.body.error?.code).toBe('unauthorized');
    const read = await call(url(), t ? { token: t } : {});
    expect(read.status).toBe(401);
    await expectUntouched();
  });

  it('exchanges a valid token for a fresh one that works, and refuses to refresh an expired one', async () => {
    const refreshed = await call<{ token: string; expiresAt: string }>(`${h.url}/api/webchat/conversations/${chat.conversationId}/token`, { method: 'POST', token: chat.token });
    expect(refreshed.status).toBe(200);
    expect(Date.parse(refreshed.body.expiresAt)).toBeGreaterThan(Date.now() + 23 * 3_600_000);
    expect((await call(url(), { token: refreshed.body.token })).status).toBe(200);
    const expired = new WebchatTokens(SECRET, { now: () => Date.now() - 25 * 3_600_000 }).issue({ conversationId: chat.conversationId, visitorId: chat.visitorId });
    const refused = await call(`${h.url}/api/webchat/conversations/${chat.conversationId}/token`, { method: 'POST', token: expired });
    expect({ status: refused.status, code: refused.body.error?.code }).toEqual({ status: 401, code: 'unauthorized' });
  });

  it("rejects another conversation's token with 403", async () => {
    const other = await api.start();
    const res = await api.send(chat, { text: 'hi' }, other.token);
    expect(res.status).toBe(403);
    expect(res.body.error?.code).toBe('forbidden');
    await expectUntouched();
    expect(await api.transcript(other)).toHaveLength(0);
  });

  it('answers 404 for an unknown conversation', async () => {
    const ghost = { conversationId: 'no-such-conversation', visitorId: 'v-ghost', token: '' };
    ghost.token = new WebchatTokens(SECRET).issue(ghost);
    const res = await api.send(ghost, { text: 'hi' });
    expect(res.status).toBe(404);
    expect(res.body.error).toEqual({ code: 'not_found', message: 'Conversation not found' });
    const read = await call(`${h.url}/api/webchat/conversations/no-such-conversation/messages`, { token: ghost.token });
    expect(read.status).toBe(404);
  });

  it.each(['-1', 'abc', '1.5'])('rejects afterSeq=%s with 422', async (afterSeq) => {
    const res = await call(`${url()}?afterSeq=${afterSeq}`, { token: chat.token });
    expect(res.status).toBe(422);
  });

  it('lets a returning visitor join their history only with the visitor token they were given', async () => {
    const first = await api.start();
    const again = await call<Chat>(`${h.url}/api/webchat/conversations`, { method: 'POST', json: { visitorId: first.visitorId, visitorToken: first.visitorToken } });
    expect(again.status).toBe(201);
    expect(again.body.visitorId).toBe(first.visitorId);
    const conversations = await Promise.all([first, again.body].map((c) => h.kefu.services.conversations.getConversation(c.conversationId)));
    expect(conversations[0]?.customerId).toBe(conversations[1]?.customerId);
    for (const body of [{ visitorId: first.visitorId }, { visitorId: first.visitorId, visitorToken: again.body.token }]) {
      const hijack = await call(`${h.url}/api/webchat/conversations`, { method: 'POST', json: body });
      expect([hijack.status, hijack.body.error?.code]).toEqual([403, 'forbidden']);
    }
  });

  it('rejects an unknown language or a malformed visitor id when starting', async () => {
    for (const body of [{ lang: 'fr' }, { visitorId: 'a b<script>' }, { visitorId: 7 }]) {
      const res = await call(`${h.url}/api/webchat/conversations`, { method: 'POST', json: body });
      expect(res.status).toBe(422);
    }
  });
});

describe('HTTP app', () => {
  it('reports health', async () => {
    const res = await call<{ status: string }>(`${h.url}/healthz`);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const res = await call(`${h.url}/api/nope`);
    expect(res.status).toBe(404);
    expect(res.body.error?.code).toBe('not_found');
  });

  it('serves the demo store and the widget script', async () => {
    const page = await fetch(`${h.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<script src="/widget.js"></script>');
    const widget = await fetch(`${h.url}/widget.js`);
    expect(widget.headers.get('content-type')).toMatch(/javascript/);
  });

  it('allows the widget on another origin (CORS preflight)', async () => {
    const res = await fetch(`${h.url}/api/webchat/conversations`, {
      method: 'OPTIONS',
      headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
  });
});
