import type { ConversationSummary } from '../../core/handoff/agent-views.js';
import type { MessageView } from '../../core/views.js';
import { WebchatClient, type Chat } from '../webchat/webchat-harness.js';
import { AgentClient, startAgentHarness, type AgentHarness } from './agent-harness.js';

let h: AgentHarness;
let customers: WebchatClient;

beforeAll(async () => {
  h = await startAgentHarness({ env: { KEFU_LOGIN_MAX_FAILURES: '3' } });
  customers = new WebchatClient(h.url);
  await h.addUser('ann');
  await h.addUser('bob');
  await h.addUser('sue', 'supervisor');
  await h.addUser('cat');
});
afterAll(() => h?.close());

async function queuedChat(): Promise<Chat> {
  const chat = await customers.start();
  await customers.send(chat, { text: '我的订单还没到' });
  const res = await customers.send(chat, { text: '转人工' });
  expect(res.body.replyMessages.map((m) => m.author)).toEqual(['system']);
  return chat;
}

describe('sign-in', () => {
  it('refuses the APIs without a session (401) and a wrong password (401)', async () => {
    const anon = new AgentClient(h.url);
    expect((await anon.get('/api/agent/conversations')).status).toBe(401);
    expect((await anon.get('/api/auth/me')).body.error).toEqual({ code: 'unauthorized', message: 'Please sign in' });
    const wrong = await anon.login('ann@shop.test', 'not-her-password');
    expect([wrong.status, wrong.body.error?.code]).toEqual([401, 'unauthorized']);
    expect(anon.cookie).toBeUndefined();
  });

  it('sets an httpOnly SameSite session cookie and answers /me with the CSRF token', async () => {
    const ann = new AgentClient(h.url);
    const res = await ann.call('POST', '/api/auth/login', { email: 'ANN@shop.test', password: 'ann-password' });
    const cookie = res.headers.getSetCookie()[0] ?? '';
    expect(cookie).toMatch(/^kefu_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=43200$/);
    const me = await ann.get<{ user: { email: string; role: string }; csrfToken: string }>('/api/auth/me');
    expect(me.body).toMatchObject({ user: { email: 'ann@shop.test', role: 'agent' }, csrfToken: expect.any(String) });
  });

  it('requires the X-CSRF-Token header and a same-site Origin on writes', async () => {
    const ann = await AgentClient.signIn(h.url, 'ann');
    const noToken = await ann.call('PUT', '/api/agent/presence', { status: 'away' }, { 'x-csrf-token': '' });
    expect([noToken.status, noToken.body.error?.code]).toEqual([403, 'forbidden']);
    const otherSite = await ann.call('PUT', '/api/agent/presence', { status: 'away' }, { origin: 'https://evil.example' });
    expect(otherSite.status).toBe(403);
    const ok = await ann.call<{ user: { presence: string } }>('PUT', '/api/agent/presence', { status: 'away' }, { origin: h.url });
    expect([ok.status, ok.body.user?.presence]).toEqual([200, 'away']);
    expect((await ann.call('PUT', '/api/agent/presence', { status: 'sleeping' })).status).toBe(422);
  });

  it('rate-limits password guessing with 429 and Retry-After', async () => {
    const guesser = new AgentClient(h.url);
    for (let i = 0; i < 3; i++) expect((await guesser.login('cat@shop.test', `guess-${i}`)).status).toBe(401);
    const blocked = await guesser.call('POST', '/api/auth/login', { email: 'cat@shop.test', password: 'cat-password' });
    expect([blocked.status, blocked.body.error?.code]).toEqual([429, 'rate_limited']);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(800);
  });

  it('signs out: the cookie is cleared and the session is gone on the server', async () => {
    const sue = await AgentClient.signIn(h.url, 'sue');
    const stolen = sue.cookie;
    const out = await sue.post('/api/auth/logout');
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie()[0]).toMatch(/^kefu_session=; .*Max-Age=0/);
    const replay = new AgentClient(h.url);
    replay.cookie = stolen;
    expect((await replay.get('/api/auth/me')).status).toBe(401);
  });
});

describe('the agent API', () => {
  it('takes a conversation from the queue to an agent and back to the bot', async () => {
    const chat = await queuedChat();
    const ann = await AgentClient.signIn(h.url, 'ann');
    const queue = await ann.get<{ conversations: ConversationSummary[] }>('/api/agent/conversations?status=queued');
    expect(queue.body.conversations.find((c) => c.id === chat.conversationId)).toMatchObject({ status: 'queued', handoffReason: 'request', channel: 'webchat' });
    const claim = await ann.post(`/api/agent/conversations/${chat.conversationId}/claim`);
    expect(claim.body).toMatchObject({ conversation: { status: 'agent', assigneeId: expect.any(String) } });
    expect((await ann.post(`/api/agent/conversations/${chat.conversationId}/claim`)).status).toBe(409);
    const sent = await ann.post<{ message: MessageView }>(`/api/agent/conversations/${chat.conversationId}/messages`, { text: '您好，我是客服 ann' });
    expect([sent.status, sent.body.message?.author]).toEqual([201, 'agent']);
    expect((await ann.post(`/api/agent/conversations/${chat.conversationId}/messages`, { text: '' })).status).toBe(422);
    expect((await ann.post(`/api/agent/conversations/${chat.conversationId}/notes`, { text: '催一下物流' })).status).toBe(201);
    await customers.send(chat, { text: '好的谢谢' });

    const seen = await customers.transcript(chat);
    expect(seen.map((m) => `${m.author}:${m.text}`)).toEqual([
      'customer:我的订单还没到', expect.stringMatching(/^bot:/), 'customer:转人工', expect.stringMatching(/^system:.*第 1 位/),
      expect.stringMatching(/^system:.*「ann」/), 'agent:您好，我是客服 ann', 'customer:好的谢谢',
    ]);
    expect(JSON.stringify(seen)).not.toContain('催一下物流');

    const mine = await ann.get<{ conversations: ConversationSummary[] }>('/api/agent/conversations?status=mine');
    expect(mine.body.conversations.map((c) => c.id)).toContain(chat.conversationId);
    expect((await ann.post(`/api/agent/conversations/${chat.conversationId}/close`)).status).toBe(200);
    const after = await customers.send(chat, { text: '怎么退货' });
    expect(after.body.replies[0]).toMatchObject({ kind: 'answer' });
  });

  it('answers 403 for a conversation assigned to someone else, 404 for an unknown one', async () => {
    const chat = await queuedChat();
    const [ann, bob, sue] = await Promise.all([AgentClient.signIn(h.url, 'ann'), AgentClient.signIn(h.url, 'bob'), AgentClient.signIn(h.url, 'sue')]);
    await ann.post(`/api/agent/conversations/${chat.conversationId}/claim`);
    expect((await bob.get(`/api/agent/conversations/${chat.conversationId}`)).status).toBe(403);
    expect((await bob.get(`/api/agent/conversations/${chat.conversationId}/transcript`)).status).toBe(403);
    expect((await bob.post(`/api/agent/conversations/${chat.conversationId}/messages`, { text: 'hi' })).status).toBe(403);
    expect((await bob.post(`/api/agent/conversations/${chat.conversationId}/close`)).status).toBe(403);
    expect((await bob.get('/api/agent/conversations?status=all')).status).toBe(403);
    expect((await bob.get('/api/supervisor/overview')).status).toBe(403);
    expect((await sue.get(`/api/agent/conversations/${chat.conversationId}`)).status).toBe(200);
    expect((await bob.get('/api/agent/conversations/does-not-exist')).status).toBe(404);
    expect((await bob.post('/api/agent/conversations/does-not-exist/claim')).body.error?.code).toBe('not_found');
  });

  it('transfers and lets a supervisor see load and reassign', async () => {
    const chat = await queuedChat();
    const [ann, bob, sue] = await Promise.all([AgentClient.signIn(h.url, 'ann'), AgentClient.signIn(h.url, 'bob'), AgentClient.signIn(h.url, 'sue')]);
    const annId = (await ann.get<{ user: { id: string } }>('/api/auth/me')).body.user.id;
    const bobId = (await bob.get<{ user: { id: string } }>('/api/auth/me')).body.user.id;
    await bob.call('PUT', '/api/agent/presence', { status: 'online' });
    await ann.post(`/api/agent/conversations/${chat.conversationId}/claim`);
    const moved = await ann.post(`/api/agent/conversations/${chat.conversationId}/transfer`, { agentId: bobId });
    expect(moved.body).toMatchObject({ conversation: { assigneeId: bobId } });
    const overview = await sue.get<{ active: ConversationSummary[]; agents: Array<{ id: string; load: number }> }>('/api/supervisor/overview');
    expect(overview.body.active.find((c) => c.id === chat.conversationId)?.assignee?.name).toBe('bob');
    expect(overview.body.agents.find((a) => a.id === bobId)?.load).toBeGreaterThanOrEqual(1);
    await ann.call('PUT', '/api/agent/presence', { status: 'online' });
    const back = await sue.post(`/api/supervisor/conversations/${chat.conversationId}/assign`, { agentId: annId });
    expect(back.body).toMatchObject({ conversation: { assigneeId: annId } });
    expect((await sue.call('PUT', `/api/supervisor/agents/${annId}`, { capacity: 2 })).body).toMatchObject({ user: { capacity: 2 } });
    expect((await ann.call('PUT', `/api/supervisor/agents/${annId}`, { capacity: 9 })).status).toBe(403);
  });

  it('downloads the transcript as JSON and as text with channel, times and authors', async () => {
    const chat = await queuedChat();
    const ann = await AgentClient.signIn(h.url, 'ann');
    await ann.post(`/api/agent/conversations/${chat.conversationId}/claim`);
    await ann.post(`/api/agent/conversations/${chat.conversationId}/messages`, { text: '第一行\n第二行' });
    const json = await ann.get<{ conversation: { channel: string }; messages: Array<{ author: string; authorName: string; at: string }> }>(
      `/api/agent/conversations/${chat.conversationId}/transcript?format=json`,
    );
    expect(json.headers.get('content-disposition')).toBe(`attachment; filename="kefu-transcript-${chat.conversationId}.json"`);
    expect(json.body.conversation.channel).toBe('webchat');
    expect(json.body.messages.map((m) => [m.author, m.authorName])).toEqual([
      ['customer', expect.stringMatching(/^webchat /)], ['bot', 'Bot'], ['customer', expect.any(String)], ['system', 'System'], ['system', 'System'], ['agent', 'ann'],
    ]);
    expect(json.body.messages.every((m) => !Number.isNaN(Date.parse(m.at)))).toBe(true);
    const text = await ann.get<string>(`/api/agent/conversations/${chat.conversationId}/transcript?format=text`);
    expect(text.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(text.body).toContain('Channel: webchat');
    expect(text.body).toMatch(/\[\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\] Customer webchat .*: 我的订单还没到/);
    expect(text.body).toMatch(/\] Agent ann: 第一行\n {4}第二行/);
    expect((await ann.get(`/api/agent/conversations/${chat.conversationId}/transcript?format=pdf`)).status).toBe(422);
  });

  it('lets supervisors manage canned replies and agents read them', async () => {
    const [ann, sue] = await Promise.all([AgentClient.signIn(h.url, 'ann'), AgentClient.signIn(h.url, 'sue')]);
    expect((await ann.post('/api/agent/canned-replies', { shortcut: 'hi', title: 'Hi', text: 'Hello' })).status).toBe(403);
    const created = await sue.post<{ cannedReply: { id: string; shortcut: string; category: string } }>('/api/agent/canned-replies', { shortcut: '/换码', category: '售后', title: '换码', text: '7 天无理由退货。' });
    expect([created.status, created.body.cannedReply?.shortcut, created.body.cannedReply?.category]).toEqual([201, '换码', '售后']);
    expect((await sue.post('/api/agent/canned-replies', { shortcut: '换码', title: 'x', text: 'y' })).status).toBe(409);
    expect((await sue.post('/api/agent/canned-replies', { shortcut: 'two words', title: 'x', text: 'y' })).status).toBe(422);
    const id = created.body.cannedReply.id;
    expect((await sue.call('PUT', `/api/agent/canned-replies/${id}`, { text: '七天无理由退货。' })).body).toMatchObject({ cannedReply: { text: '七天无理由退货。' } });
    const list = await ann.get<{ cannedReplies: Array<{ shortcut: string; text: string }> }>('/api/agent/canned-replies');
    expect(list.body.cannedReplies).toContainEqual(expect.objectContaining({ shortcut: '换码', text: '七天无理由退货。' }));
    expect((await sue.call('DELETE', `/api/agent/canned-replies/${id}`)).status).toBe(204);
    expect((await sue.call('DELETE', `/api/agent/canned-replies/${id}`)).status).toBe(404);
  });

  it('ships a default set of team replies, /退货 among them, and lets each agent keep their own', async () => {
    const [ann, bob, sue] = await Promise.all([AgentClient.signIn(h.url, 'ann'), AgentClient.signIn(h.url, 'bob'), AgentClient.signIn(h.url, 'sue')]);
    type Canned = { id: string; shortcut: string; category: string; title: string; text: string; ownerId: string | null };
    const listOf = async (client: AgentClient) => (await client.get<{ cannedReplies: Canned[] }>('/api/agent/canned-replies')).body.cannedReplies;
    expect((await listOf(ann)).find((r) => r.shortcut === '退货')).toMatchObject({ ownerId: null, category: '售后', text: expect.stringContaining('7 天内可以无理由退货') });
    const own = await ann.post<{ cannedReply: Canned }>('/api/agent/canned-replies', { shortcut: '退货', category: '我的', title: '我的退货话术', text: '{客户名}您好，退货我来帮您办。', personal: true });
    expect(own.status).toBe(201);
    expect(own.body.cannedReply).toMatchObject({ ownerId: expect.any(String), category: '我的' });
    // Ann sees the team's /退货 and her own; nobody else sees hers, or may change or delete it.
    expect((await listOf(ann)).filter((r) => r.shortcut === '退货').map((r) => r.ownerId === null)).toEqual([true, false]);
    expect((await listOf(bob)).filter((r) => r.shortcut === '退货')).toHaveLength(1);
    expect((await listOf(sue)).some((r) => r.id === own.body.cannedReply.id)).toBe(false);
    expect((await sue.call('PUT', `/api/agent/canned-replies/${own.body.cannedReply.id}`, { text: 'x' })).status).toBe(404);
    expect((await bob.call('DELETE', `/api/agent/canned-replies/${own.body.cannedReply.id}`)).status).toBe(404);
    expect((await ann.call('PUT', `/api/agent/canned-replies/${own.body.cannedReply.id}`, { title: '退货（我的）' })).body).toMatchObject({ cannedReply: { title: '退货（我的）' } });
    // The team's are the supervisors' to change.
    const teamReturn = (await listOf(ann)).find((r) => r.shortcut === '退货' && r.ownerId === null);
    expect((await ann.call('PUT', `/api/agent/canned-replies/${teamReturn?.id}`, { text: 'x' })).status).toBe(403);
    expect((await ann.call('DELETE', `/api/agent/canned-replies/${own.body.cannedReply.id}`)).status).toBe(204);
  });

  it('serves the console with a strict Content-Security-Policy', async () => {
    const res = await fetch(`${h.url}/console/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await res.text()).toContain('console.js');
  });
});
