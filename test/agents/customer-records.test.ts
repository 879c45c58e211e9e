import type { ConversationDetail } from '../../core/handoff/agent-queries.js';
import type { CustomerRecord, CustomerSuggestion } from '../../core/customers/customer-types.js';
import { WebchatClient, type Chat } from '../webchat/webchat-harness.js';
import { AgentClient, startAgentHarness, type AgentHarness } from './agent-harness.js';

let h: AgentHarness;
let customers: WebchatClient;
let ann: AgentClient;
let bob: AgentClient;
let sue: AgentClient;
let boss: AgentClient;

beforeAll(async () => {
  h = await startAgentHarness();
  customers = new WebchatClient(h.url);
  await Promise.all([h.addUser('ann'), h.addUser('bob'), h.addUser('sue', 'supervisor'), h.addUser('boss', 'admin')]);
  [ann, bob, sue, boss] = await Promise.all([AgentClient.signIn(h.url, 'ann'), AgentClient.signIn(h.url, 'bob'), AgentClient.signIn(h.url, 'sue'), AgentClient.signIn(h.url, 'boss')]);
});
afterAll(() => h?.close());

type Profile = { customer: CustomerRecord; suggestions: CustomerSuggestion[] };

async function withAnn(text: string): Promise<{ chat: Chat; customerId: string }> {
  const chat = await customers.start();
  await customers.send(chat, { text: '转人工' });
  expect((await ann.post(`/api/agent/conversations/${chat.conversationId}/claim`)).status).toBe(200);
  await customers.send(chat, { text });
  const detail = await ann.get<ConversationDetail>(`/api/agent/conversations/${chat.conversationId}`);
  return { chat, customerId: detail.body.customer.id };
}

const auditOf = async (customerId: string) =>
  (await boss.get<{ entries: Array<{ action: string; actor: { name: string } }> }>(`/api/admin/audit?target=customer:${customerId}`)).body.entries;

describe('contact details from the chat', () => {
  it('are proposed on the profile, and land on it once the agent accepts them; nothing is overwritten silently', async () => {
    const { customerId } = await withAnn('订单 20261205-1234，手机 13912345678');
    const before = await ann.get<Profile>(`/api/customers/${customerId}`);
    expect(before.body.customer.phones).toEqual([]);
    expect(before.body.suggestions.map((s) => [s.field, s.value])).toEqual([['phones', '139****5678'], ['orderNumbers', '20261205-1234']]);
    for (const s of before.body.suggestions) expect((await ann.post(`/api/customers/${customerId}/suggestions/${s.id}/accept`)).status).toBe(200);
    const after = await ann.get<Profile>(`/api/customers/${customerId}`);
    expect([after.body.customer.phones, after.body.customer.orderNumbers, after.body.suggestions]).toEqual([['139****5678'], ['20261205-1234'], []]);
    const history = await ann.get<{ history: Array<{ action: string; actor: { name: string } }> }>(`/api/customers/${customerId}/history`);
    expect(history.body.history.map((c) => [c.action, c.actor.name])).toEqual([['accept', 'ann@shop.test'], ['accept', 'ann@shop.test']]);
    const found = await sue.get<{ customers: CustomerRecord[] }>('/api/customers?q=20261205-1234');
    expect(found.body.customers.map((c) => c.id)).toEqual([customerId]);
  });
});

describe('privacy', () => {
  it('shows an agent 139****5678; a supervisor who reveals sees the number, and the reveal is in the audit', async () => {
    const { chat, customerId } = await withAnn('我的手机 13912345678，身份证 110101199003071234');
    const path = `/api/agent/conversations/${chat.conversationId}`;
    const texts = (d: ConversationDetail) => d.messages.filter((m) => m.author === 'customer').map((m) => m.text);
    expect(texts((await ann.get<ConversationDetail>(path)).body)).toContain('我的手机 139****5678，身份证 110101********1234');
    expect((await ann.get(`${path}?reveal=true`)).status).toBe(403);
    expect(texts((await sue.get<ConversationDetail>(path)).body)).toContain('我的手机 139****5678，身份证 110101********1234');
    expect(texts((await sue.get<ConversationDetail>(`${path}?reveal=true`)).body)).toContain('我的手机 13912345678，身份证 110101199003071234');
    expect((await auditOf(customerId)).map((e) => [e.action, e.actor.name])).toContainEqual(['customer.reveal', 'sue@shop.test']);
  });
});

describe('merged customers', () => {
  it("send the second identity's new conversation to the agent already serving them; another agent's claim gets 409 naming the holder", async () => {
    const { customerId } = await withAnn('你好');
    const other = await customers.start();
    await customers.send(other, { text: '在吗' });
    const otherId = (await sue.get<ConversationDetail>(`/api/agent/conversations/${other.conversationId}`)).body.customer.id;
    const merged = await ann.post<{ customer: CustomerRecord }>(`/api/customers/${customerId}/merge`, { customerId: otherId });
    expect(merged.status).toBe(200);
    expect(merged.body.customer.identities).toHaveLength(2);
    expect((await ann.get(`/api/customers/${otherId}`)).status).toBe(404);
    await customers.send(other, { text: '转人工' });
    const detail = await ann.get<ConversationDetail>(`/api/agent/conversations/${other.conversationId}`);
    expect([detail.body.conversation.status, detail.body.conversation.assignee?.name]).toEqual(['agent', 'ann']);
    const refused = await bob.post(`/api/agent/conversations/${other.conversationId}/claim`);
    expect([refused.status, refused.body.error?.message]).toEqual([409, 'ann has already taken this conversation']);
  });
});

describe('export and erasure', () => {
  it('exports everything (audited); after erasure messages and profile are gone from the API, the database and exports, while reports still count the conversation', async () => {
    const { chat, customerId } = await withAnn('手机 13912345678，地址：上海市长宁区某路 1 号');
    const ticket = await ann.post<{ ticket: { id: string } }>('/api/tickets', { type: 'logistics', description: '送货地址 上海市长宁区', conversationId: chat.conversationId, contact: '13912345678' });
    expect(ticket.status).toBe(201);
    expect((await ann.get(`/api/customers/${customerId}/export`)).status).toBe(403);
    const exported = await sue.get<{ conversations: Array<{ messages: Array<{ text: string }> }> }>(`/api/customers/${customerId}/export`);
    expect(JSON.stringify(exported.body)).toContain('13912345678');
    const text = await sue.get(`/api/customers/${customerId}/export?format=text`);
    expect(String(text.body)).toContain('customer: 手机 13912345678');
    const conversationsBefore = (await boss.get<{ conversations: { total: number } }>('/api/admin/dashboard')).body.conversations.total;

    expect((await sue.call('DELETE', `/api/customers/${customerId}`)).status).toBe(403);
    const erased = await boss.call<{ erased: { conversations: number; messages: number; tickets: number } }>('DELETE', `/api/customers/${customerId}`);
    expect(erased.body.erased).toMatchObject({ conversations: 1, tickets: 1 });
    expect((await boss.get(`/api/customers/${customerId}`)).status).toBe(404);
    expect((await boss.get(`/api/customers/${customerId}/export`)).status).toBe(404);
    expect((await boss.get(`/api/agent/conversations/${chat.conversationId}`)).status).toBe(404);
    expect((await customers.send(chat, { text: '还在吗' })).status).toBe(404);
    const { repos } = h.kefu.services;
    const [kept] = await repos.conversations.listByCustomer(customerId);
    expect(await repos.messages.listByConversation(kept!.id)).toEqual([]);
    expect(await repos.customerRecords.get(customerId)).toMatchObject({ displayName: null, phones: [], identities: [] });
    const onTicket = await repos.tickets.get(ticket.body.ticket.id);
    expect([onTicket?.contact, onTicket?.description]).toEqual([null, '[erased]']);
    expect((await boss.get<{ conversations: { total: number } }>('/api/admin/dashboard')).body.conversations.total).toBe(conversationsBefore);
    expect((await auditOf(customerId)).map((e) => e.action)).toEqual(expect.arrayContaining(['customer.export', 'customer.erase']));
  });
});
