import type { MessageFlag } from '../../core/supervision/flag-types.js';
import type { WordList } from '../../core/supervision/word-list.js';
import type { MessageView } from '../../core/views.js';
import { AgentClient, startAgentHarness, type AgentHarness } from '../agents/agent-harness.js';
import { WebchatClient, type Chat } from '../webchat/webchat-harness.js';

let h: AgentHarness;
let customers: WebchatClient;
let ann: AgentClient;
let sue: AgentClient;

beforeAll(async () => {
  h = await startAgentHarness();
  customers = new WebchatClient(h.url);
  await h.addUser('ann');
  await h.addUser('sue', 'supervisor');
  await h.addUser('ada', 'admin');
  ann = await AgentClient.signIn(h.url, 'ann');
  sue = await AgentClient.signIn(h.url, 'sue');
}, 120_000);
afterAll(() => h?.close());

async function chatWithAnn(): Promise<Chat> {
  const chat = await customers.start();
  await customers.send(chat, { text: '转人工' });
  expect((await ann.post(`/api/agent/conversations/${chat.conversationId}/claim`)).status).toBe(200);
  return chat;
}
const agentTexts = async (chat: Chat) => (await customers.transcript(chat)).filter((m) => m.author === 'agent').map((m) => m.text);
const flags = async (query = '') => (await sue.get<{ flags: MessageFlag[] }>(`/api/supervision/flags${query}`)).body.flags;

describe('sensitive words on agent replies', () => {
  it('refuses a reply with a blocked word (422 sensitive_word): nothing reaches the customer, the attempt is kept for review', async () => {
    const chat = await chatWithAnn();
    const res = await ann.post(`/api/agent/conversations/${chat.conversationId}/messages`, { text: '你自己不会看订单页吗？笨 蛋' });
    expect([res.status, res.body.error?.code]).toEqual([422, 'sensitive_word']);
    expect(res.body.error?.message).toContain('笨蛋');
    expect(await agentTexts(chat)).toEqual([]);
    const [flag] = (await flags(`?kind=block`)).filter((f) => f.conversationId === chat.conversationId);
    expect(flag).toMatchObject({ kind: 'block', messageId: null, status: 'open', text: '你自己不会看订单页吗？笨 蛋', hits: [{ term: '笨蛋', action: 'block' }] });
  });

  it('sends a reply with a warned word and puts it in the QA review queue, where a supervisor reviews it once', async () => {
    const chat = await chatWithAnn();
    const sent = await ann.post<{ message: MessageView }>(`/api/agent/conversations/${chat.conversationId}/messages`, { text: '放心，保证退款' });
    expect(sent.status).toBe(201);
    expect(await agentTexts(chat)).toEqual(['放心，保证退款']);
    const [flag] = (await flags('?kind=warn&status=open')).filter((f) => f.conversationId === chat.conversationId);
    expect(flag).toMatchObject({ kind: 'warn', messageId: sent.body.message.id, hits: [{ term: '保证退款', category: 'promise' }] });
    const reviewed = await sue.post<{ flag: MessageFlag }>(`/api/supervision/flags/${flag?.id}/review`, { note: '不要承诺退款' });
    expect(reviewed.body.flag).toMatchObject({ status: 'reviewed', reviewNote: '不要承诺退款' });
    expect((await sue.post(`/api/supervision/flags/${flag?.id}/review`, {})).status).toBe(409);
    expect((await ann.get('/api/supervision/flags')).status).toBe(403);
  });

  it('flags a customer’s abusive message for supervisors and still answers the customer', async () => {
    const chat = await customers.start();
    const res = await customers.send(chat, { text: '你们这些客服都是白癡' });
    expect(res.status).toBe(200);
    const deadline = Date.now() + 5000;
    let found: MessageFlag | undefined;
    while (!found && Date.now() < deadline) {
      found = (await flags('?kind=abuse')).find((f) => f.conversationId === chat.conversationId);
      if (!found) await new Promise((r) => setTimeout(r, 50));
    }
    expect(found).toMatchObject({ kind: 'abuse', agentId: null, hits: [{ term: '白痴' }] });
  });

  it('lets an admin edit the list (versioned), which applies to the next reply; supervisors may only read it', async () => {
    const ada = await AgentClient.signIn(h.url, 'ada');
    const list = await ada.get<WordList>('/api/supervision/sensitive-words');
    expect(list.body.version).toBe(0);
    expect(list.body.words.some((w) => w.term === '笨蛋')).toBe(true);
    expect((await sue.call('PUT', '/api/supervision/sensitive-words', { words: [], version: 0 })).status).toBe(403);
    const bad = await ada.call('PUT', '/api/supervision/sensitive-words', { words: [{ term: '差评', action: 'ban' }], version: 0 });
    expect([bad.status, bad.body.error?.code]).toEqual([422, 'invalid_input']);
    const saved = await ada.call<WordList>('PUT', '/api/supervision/sensitive-words', { words: [{ term: '差评', action: 'block' }], version: 0 });
    expect(saved.body).toMatchObject({ version: 1, words: [{ term: '差评', action: 'block', scope: 'agent', category: 'other' }] });
    expect((await ada.call('PUT', '/api/supervision/sensitive-words', { words: [], version: 0 })).status).toBe(409);

    const chat = await chatWithAnn();
    const blocked = await ann.post(`/api/agent/conversations/${chat.conversationId}/messages`, { text: '别给差评好吗' });
    expect(blocked.body.error?.code).toBe('sensitive_word');
    // 笨蛋 is no longer listed.
    expect((await ann.post(`/api/agent/conversations/${chat.conversationId}/messages`, { text: '笨蛋' })).status).toBe(201);
  });
});

describe('alerts in the console', () => {
  it('reach supervisors live on the console socket, not agents', async () => {
    const ada = await AgentClient.signIn(h.url, 'ada');
    const { version } = (await ada.get<WordList>('/api/supervision/sensitive-words')).body;
    await ada.call('PUT', '/api/supervision/sensitive-words', { words: [{ term: '废物', action: 'block', scope: 'both' }], version });
    const supervisorSocket = sue.socket();
    const agentSocket = ann.socket();
    await supervisorSocket.until(() => supervisorSocket.of('ready').length > 0);
    await agentSocket.until(() => agentSocket.of('ready').length > 0);
    const chat = await customers.start();
    await customers.send(chat, { text: '你们都是一群废物' });
    await supervisorSocket.until(() => supervisorSocket.of('alert').length > 0);
    expect(supervisorSocket.of('alert')[0]).toMatchObject({ alert: { kind: 'abuse', conversationId: chat.conversationId, title: '顾客辱骂' } });
    // Both sockets hang on the same in-process pub/sub: by now the agent's would have had it too.
    expect(agentSocket.of('alert')).toEqual([]);
    supervisorSocket.close();
    agentSocket.close();
  });
});
