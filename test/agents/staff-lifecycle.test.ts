import type { ConversationDetail } from '../../core/handoff/agent-queries.js';
import type { TicketDetail } from '../../core/tickets/ticket-queries.js';
import type { User } from '../../core/types.js';
import { WebchatClient, type Chat } from '../webchat/webchat-harness.js';
import { AgentClient, startAgentHarness, type AgentHarness } from './agent-harness.js';

let h: AgentHarness;
let customers: WebchatClient;
let users: Record<string, User>;
let admin: AgentClient;

beforeAll(async () => {
  h = await startAgentHarness({ env: { KEFU_ROUTING: 'least-busy' } });
  customers = new WebchatClient(h.url);
  users = {
    boss: await h.addUser('boss', 'admin'), sue: await h.addUser('sue', 'supervisor'),
    ann: await h.addUser('ann'), bob: await h.addUser('bob'), dan: await h.addUser('dan'),
  };
  admin = await AgentClient.signIn(h.url, 'boss');
});
afterAll(() => h?.close());

async function chatWith(agent: AgentClient, text = '我的订单还没到'): Promise<{ chat: Chat; id: string }> {
  const chat = await customers.start();
  await customers.send(chat, { text });
  await customers.send(chat, { text: '转人工' });
  const claimed = await agent.post(`/api/agent/conversations/${chat.conversationId}/claim`);
  if (claimed.status !== 200) throw new Error(`claim failed: ${claimed.status} ${JSON.stringify(claimed.body)}`);
  return { chat, id: chat.conversationId };
}

describe('disabling an agent', () => {
  it('ends their sessions at once (HTTP 401, socket closed 4401), refuses sign-in, and routing skips them', async () => {
    const dan = await AgentClient.signIn(h.url, 'dan');
    const socket = dan.socket();
    await socket.until(() => socket.of('ready').length === 1);
    expect((await dan.call('PUT', '/api/agent/presence', { status: 'online' })).status).toBe(200);

    const disabled = await admin.post<{ user: { status: string } }>(`/api/admin/users/${users.dan!.id}/disable`);
    expect([disabled.status, disabled.body.user.status]).toEqual([200, 'disabled']);
    expect((await dan.get('/api/agent/conversations')).status).toBe(401);
    await socket.until(() => socket.closeCode !== undefined);
    expect(socket.closeCode).toBe(4401);
    const again = await new AgentClient(h.url).login('dan@shop.test', 'dan-password');
    expect([again.status, again.body.error?.code]).toEqual([401, 'unauthorized']);

    // Dan was the only one online: with him disabled, a new request for a person waits in the queue.
    const chat = await customers.start();
    await customers.send(chat, { text: '转人工' });
    const detail = await admin.get<ConversationDetail>(`/api/agent/conversations/${chat.conversationId}`);
    expect([detail.body.conversation.status, detail.body.conversation.assignee]).toEqual(['queued', null]);
    const agents = await admin.get<{ agents: Array<{ id: string }> }>('/api/agent/agents');
    expect(agents.body.agents.map((a) => a.id)).not.toContain(users.dan!.id);

    expect((await admin.post(`/api/admin/users/${users.dan!.id}/enable`)).status).toBe(200);
    expect((await new AgentClient(h.url).login('dan@shop.test', 'dan-password')).status).toBe(200);
  });

  it('is for admins only, and never locks out the last admin', async () => {
    const sue = await AgentClient.signIn(h.url, 'sue');
    expect((await sue.post(`/api/admin/users/${users.ann!.id}/disable`)).status).toBe(403);
    const self = await admin.post(`/api/admin/users/${users.boss!.id}/disable`);
    expect([self.status, self.body.error?.code]).toEqual([409, 'conflict']);
    const demote = await admin.call('PUT', `/api/admin/users/${users.boss!.id}/role`, { role: 'agent' });
    expect([demote.status, demote.body.error?.message]).toEqual([409, 'Cannot change the role of the last active admin']);
    expect((await admin.call('PUT', `/api/admin/users/${users.ann!.id}/role`, { role: 'boss' })).status).toBe(422);
  });
});

describe('an agent leaving', () => {
  it('hands their open conversations and tickets to another agent, who reads the whole chat; history shows the former staff name', async () => {
    const ann = await AgentClient.signIn(h.url, 'ann');
    const bob = await AgentClient.signIn(h.url, 'bob');
    const { id } = await chatWith(ann, '快递单号查不到');
    expect((await ann.post(`/api/agent/conversations/${id}/messages`, { text: '我来查一下' })).status).toBe(201);
    const ticket = await ann.post<{ ticket: { id: string } }>('/api/tickets', { type: 'logistics', description: '快递查不到', conversationId: id, assigneeId: users.ann!.id });
    expect(ticket.status).toBe(201);
    expect((await bob.get(`/api/agent/conversations/${id}`)).status).toBe(403);

    const sue = await AgentClient.signIn(h.url, 'sue');
    const moved = await sue.post<{ conversations: string[]; tickets: string[] }>(`/api/supervisor/agents/${users.ann!.id}/reassign`, { agentId: users.bob!.id });
    expect(moved.status).toBe(200);
    expect(moved.body).toEqual({ conversations: [id], tickets: [ticket.body.ticket.id] });
    expect((await admin.call('DELETE', `/api/admin/users/${users.ann!.id}`)).status).toBe(200);

    const detail = await bob.get<ConversationDetail>(`/api/agent/conversations/${id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.conversation.assignee).toEqual({ id: users.bob!.id, name: 'bob' });
    expect(detail.body.messages.map((m) => m.text)).toEqual(expect.arrayContaining(['快递单号查不到', '我来查一下']));
    expect(detail.body.authors[users.ann!.id]).toBe('ann (former staff)');
    const onTicket = await bob.get<TicketDetail>(`/api/tickets/${ticket.body.ticket.id}`);
    expect(onTicket.body.conversations).toEqual([expect.objectContaining({ id, readable: true })]);
    expect(onTicket.body.conversations[0]!.messages.map((m) => m.text)).toContain('快递单号查不到');
    expect((await new AgentClient(h.url).login('ann@shop.test', 'ann-password')).status).toBe(401);
    const listed = await admin.get<{ users: Array<{ id: string; status: string }> }>('/api/admin/users');
    expect(listed.body.users.find((u) => u.id === users.ann!.id)?.status).toBe('removed');
  });

  it('lets the new owner of a reassigned ticket read its linked chat, which stays with the old agent', async () => {
    const dan = await AgentClient.signIn(h.url, 'dan');
    const bob = await AgentClient.signIn(h.url, 'bob');
    const { id } = await chatWith(dan, '退货地址是哪里');
    const ticket = await dan.post<{ ticket: { id: string } }>('/api/tickets', { type: 'return_exchange', description: '退货', conversationId: id, assigneeId: users.dan!.id });
    expect((await dan.post(`/api/tickets/${ticket.body.ticket.id}/assign`, { assigneeId: users.bob!.id })).status).toBe(200);
    const chat = await bob.get<ConversationDetail>(`/api/agent/conversations/${id}`);
    expect([chat.status, chat.body.messages[0]?.text]).toEqual([200, '退货地址是哪里']);
    expect((await bob.get<TicketDetail>(`/api/tickets/${ticket.body.ticket.id}`)).body.conversations[0]?.readable).toBe(true);
  });

  it('resets a password: the old one and every session stop working', async () => {
    const bob = await AgentClient.signIn(h.url, 'bob');
    expect((await admin.call('PUT', `/api/admin/users/${users.bob!.id}/password`, { password: 'short' })).status).toBe(422);
    expect((await admin.call('PUT', `/api/admin/users/${users.bob!.id}/password`, { password: 'a-new-password' })).status).toBe(200);
    expect((await bob.get('/api/auth/me')).status).toBe(401);
    expect((await new AgentClient(h.url).login('bob@shop.test', 'bob-password')).status).toBe(401);
    expect((await new AgentClient(h.url).login('bob@shop.test', 'a-new-password')).status).toBe(200);
  });
});
