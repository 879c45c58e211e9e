import type { FaqEntry } from '../../core/types.js';
import type { Dashboard } from '../../core/knowledge-admin/dashboard-service.js';
import type { QuestionGroup } from '../../core/knowledge-admin/question-groups.js';
import { call, WebchatClient, type Chat } from '../webchat/webchat-harness.js';
import { startAdminHarness, type AdminHarness } from './admin-harness.js';

let t: AdminHarness;
let web: WebchatClient;
beforeAll(async () => {
  t = await startAdminHarness();
  web = new WebchatClient(t.h.url);
});
afterAll(() => t?.close());

type Groups = { groups: QuestionGroup[]; open: number };

/** Each question in its own conversation, so fallbacks in a row never hand the chat to a person. */
async function ask(text: string): Promise<{ chat: Chat; kind: string | undefined; answerId: string | undefined }> {
  const chat = await web.start();
  const res = await web.send(chat, { text });
  return { chat, kind: res.body.replies[0]?.kind, answerId: res.body.replyMessages.find((m) => m.kind === 'answer')?.id };
}

const groups = async () => (await t.admin.get<Groups>('/api/admin/unanswered')).body;

describe('unanswered questions', () => {
  it('collects fallbacks, groups similar wordings, and turns a group into a new FAQ that answers at once', async () => {
    for (const q of ['你们卖猫粮吗', '猫粮有卖吗？', '你们卖猫粮吗', '今天天气怎么样']) expect((await ask(q)).kind).toBe('fallback');
    const { groups: list } = await groups();
    const cat = list.find((g) => g.text === '你们卖猫粮吗');
    expect(cat).toMatchObject({ count: 3, conversations: 3, reasons: { fallback: 3 }, samples: ['你们卖猫粮吗', '猫粮有卖吗？'] });
    expect(list[0]?.id).toBe(cat?.id);
    const weather = list.find((g) => g.text === '今天天气怎么样');
    expect(weather?.count).toBe(1);

    const resolved = await t.admin.post<{ faq: FaqEntry; resolved: number }>('/api/admin/unanswered/resolve', {
      questionIds: cat?.questionIds,
      create: { id: 'cat-food', question: '你们卖猫粮吗', alternates: ['猫粮有卖吗？'], answer: '卖的，在宠物专区。', category: '商品' },
    });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ resolved: 3, faq: { id: 'cat-food', version: 1 } });
    expect((await groups()).groups.map((g) => g.text)).not.toContain('你们卖猫粮吗');
    expect(await ask('猫粮有卖吗')).toMatchObject({ kind: 'answer' });

    const again = await t.admin.post('/api/admin/unanswered/resolve', { questionIds: cat?.questionIds, create: { question: 'x', answer: 'y' } });
    expect(again.status).toBe(409);
    const dismissed = await t.admin.post<{ dismissed: number }>('/api/admin/unanswered/dismiss', { questionIds: weather?.questionIds });
    expect(dismissed.body.dismissed).toBe(1);
    expect((await groups()).groups).toEqual([]);
  });

  it('adds a group as alternates of an existing entry, skipping wordings it already has', async () => {
    await t.admin.post('/api/admin/faqs', { id: 'offline-store', question: '有线下门店吗', answer: '我们目前只在网上销售。' });
    expect((await ask('你们有实体店吗')).kind).toBe('fallback');
    const group = (await groups()).groups.find((g) => g.text === '你们有实体店吗');
    expect(group).toBeDefined();
    const res = await t.admin.post<{ faq: FaqEntry; resolved: number }>('/api/admin/unanswered/resolve', {
      questionIds: group?.questionIds, faqId: 'offline-store', alternates: ['你们有实体店吗', '有线下门店吗'], expectedVersion: 1,
    });
    expect(res.body).toMatchObject({ resolved: 1, faq: { version: 2, alternates: ['你们有实体店吗'] } });
    expect(await ask('你们有实体店吗')).toMatchObject({ kind: 'answer' });
    const invalid = await t.admin.post('/api/admin/unanswered/resolve', { questionIds: [], faqId: 'offline-store', alternates: ['x'] });
    expect(invalid.status).toBe(422);
  });
});

describe('answer ratings from the widget API', () => {
  const feedbackUrl = (chat: Chat, messageId: string) => `${t.h.url}/api/webchat/conversations/${chat.conversationId}/messages/${messageId}/feedback`;

  it('records 👎 as an unanswered question and takes it back on 👍', async () => {
    const { chat, answerId } = await ask('怎么退货');
    expect(answerId).toBeDefined();
    const down = await call<{ rating: string; previous: string | null }>(feedbackUrl(chat, answerId ?? ''), { method: 'POST', json: { rating: 'down' }, token: chat.token });
    expect(down.status).toBe(200);
    expect(down.body).toMatchObject({ rating: 'down', previous: null });
    const filed = (await groups()).groups.find((g) => g.text === '怎么退货');
    expect(filed).toMatchObject({ reasons: { downvote: 1 }, bestFaqId: expect.any(String) });

    const up = await call<{ previous: string }>(feedbackUrl(chat, answerId ?? ''), { method: 'POST', json: { rating: 'up' }, token: chat.token });
    expect(up.body.previous).toBe('down');
    expect((await groups()).groups.find((g) => g.text === '怎么退货')).toBeUndefined();
  });

  it('refuses a bad token, another conversation, a customer message and a bad rating', async () => {
    const { chat, answerId } = await ask('运费多少');
    const other = await web.start();
    const id = answerId ?? '';
    expect((await call(feedbackUrl(chat, id), { method: 'POST', json: { rating: 'up' } })).status).toBe(401);
    expect((await call(feedbackUrl(chat, id), { method: 'POST', json: { rating: 'up' }, token: other.token })).status).toBe(403);
    const transcript = await web.transcript(chat);
    const mine = transcript.find((m) => m.author === 'customer')?.id ?? '';
    expect((await call(feedbackUrl(chat, mine), { method: 'POST', json: { rating: 'up' }, token: chat.token })).status).toBe(422);
    expect((await call(feedbackUrl(chat, 'nope'), { method: 'POST', json: { rating: 'up' }, token: chat.token })).status).toBe(404);
    expect((await call(feedbackUrl(chat, id), { method: 'POST', json: { rating: 'meh' }, token: chat.token })).status).toBe(422);
  });
});

describe('dashboard', () => {
  it('counts conversations by channel and hour, deflection, top FAQs, unanswered and ratings', async () => {
    const handedOff = await web.start();
    await web.send(handedOff, { text: '转人工' });
    const res = await t.admin.get<Dashboard>('/api/admin/dashboard?days=7&tzOffset=-480');
    expect(res.status).toBe(200);
    const d = res.body;
    expect(d.conversations.total).toBeGreaterThanOrEqual(11);
    expect(d.conversations.byChannel.webchat).toBe(d.conversations.total);
    expect(d.conversations.byHour).toHaveLength(24);
    expect(d.conversations.byHour.reduce((n, h) => n + h.webchat, 0)).toBe(d.conversations.total);
    expect(d.conversations.byDay).toHaveLength(7);
    expect(d.deflection.handedOff).toBe(1);
    expect(d.deflection.rate).toBeCloseTo((d.conversations.total - 1) / d.conversations.total);
    expect(d.topFaqs.map((f) => f.faqId)).toEqual(expect.arrayContaining(['cat-food', 'offline-store']));
    expect(d.topFaqs[0]?.question).toEqual(expect.any(String));
    expect(d.unanswered.total).toBeGreaterThanOrEqual(5);
    expect(d.satisfaction).toMatchObject({ source: 'answer-ratings', up: 1, down: 0, ratio: 1 });
    expect((await t.admin.get('/api/admin/dashboard?days=0')).status).toBe(422);
  });
});
