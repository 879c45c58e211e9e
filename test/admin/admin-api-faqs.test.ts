import type { FaqEntry, FaqVersion } from '../../core/types.js';
import { AgentClient } from '../agents/agent-harness.js';
import { WebchatClient } from '../webchat/webchat-harness.js';
import { startAdminHarness, type AdminHarness } from './admin-harness.js';

let t: AdminHarness;
beforeAll(async () => {
  t = await startAdminHarness();
});
afterAll(() => t?.close());

const catFood = { id: 'cat-food', question: '你们卖猫粮吗', answer: '卖的，在宠物专区。', category: '商品', alternates: ['有猫粮吗'] };
type FaqBody = { faq: FaqEntry };

describe('admin API: who may use it', () => {
  it('answers 401 without a session and 403 to agents and supervisors, on reads and writes', async () => {
    const anonymous = new AgentClient(t.h.url);
    expect((await anonymous.get('/api/admin/faqs')).status).toBe(401);
    expect((await anonymous.post('/api/admin/faqs', catFood)).status).toBe(401);
    for (const [name, role] of [['sam', 'agent'], ['sue', 'supervisor']] as const) {
      await t.h.addUser(name, role);
      const client = await AgentClient.signIn(t.h.url, name);
      const read = await client.get('/api/admin/faqs');
      expect(read.status).toBe(403);
      expect(read.body.error).toMatchObject({ code: 'forbidden' });
      expect((await client.post('/api/admin/kb/try', { text: '怎么退货' })).status).toBe(403);
    }
  });

  it('refuses writes without the CSRF token', async () => {
    const res = await t.admin.call('POST', '/api/admin/faqs', catFood, { 'x-csrf-token': 'wrong' });
    expect(res.status).toBe(403);
    expect((await t.admin.get('/api/admin/faqs/cat-food')).status).toBe(404);
  });
});

describe('admin API: FAQ entries', () => {
  it('creates an entry that customers get as the answer at once, and refuses a taken id or an invalid entry', async () => {
    const created = await t.admin.post<FaqBody>('/api/admin/faqs', catFood);
    expect(created.status).toBe(201);
    expect(created.body.faq).toMatchObject({ id: 'cat-food', version: 1, enabled: true, updatedBy: 'ada@shop.test' });

    const web = new WebchatClient(t.h.url);
    const chat = await web.start();
    const reply = await web.send(chat, { text: '你们卖猫粮吗？' });
    expect(reply.body.replies[0]).toMatchObject({ kind: 'answer', faqId: 'cat-food', text: '卖的，在宠物专区。' });

    const taken = await t.admin.post('/api/admin/faqs', { ...catFood, answer: 'other' });
    expect(taken.status).toBe(409);
    expect(taken.body.error?.code).toBe('conflict');
    const invalid = await t.admin.post('/api/admin/faqs', { id: 'bad id!', question: 'q', answer: '' });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error?.message).toMatch(/id|answer/);
    expect((await t.admin.get('/api/admin/faqs/no-such-entry')).status).toBe(404);
  });

  it('filters the list by words, category and enabled', async () => {
    const byWords = await t.admin.get<{ faqs: FaqEntry[] }>(`/api/admin/faqs?q=${encodeURIComponent('貓糧')}`);
    expect(byWords.body.faqs.map((f) => f.id)).toEqual(['cat-food']);
    const byCategory = await t.admin.get<{ faqs: FaqEntry[] }>(`/api/admin/faqs?category=${encodeURIComponent('商品')}`);
    expect(byCategory.body.faqs.map((f) => f.id)).toEqual(['cat-food']);
    const all = await t.admin.get<{ faqs: FaqEntry[] }>('/api/admin/faqs');
    expect(all.body.faqs.length).toBeGreaterThan(50);
    expect((await t.admin.get('/api/admin/faqs?enabled=maybe')).status).toBe(422);
    const categories = await t.admin.get<{ categories: { name: string | null; count: number }[] }>('/api/admin/categories');
    expect(categories.body.categories).toContainEqual({ name: '商品', count: 1 });
  });

  it('pages and sorts the list: pages never overlap, total counts every match, newest first on request', async () => {
    type Page = { faqs: FaqEntry[]; total: number; offset: number };
    const all = (await t.admin.get<Page>('/api/admin/faqs?sort=id')).body;
    const pages: string[] = [];
    for (let offset = 0; offset < all.total; offset += 25) {
      const page = (await t.admin.get<Page>(`/api/admin/faqs?sort=id&limit=25&offset=${offset}`)).body;
      expect(page.total).toBe(all.total);
      expect(page.faqs.length).toBe(Math.min(25, all.total - offset));
      pages.push(...page.faqs.map((f) => f.id));
    }
    expect(pages).toEqual(all.faqs.map((f) => f.id));
    expect(new Set(pages).size).toBe(all.total);
    const newest = (await t.admin.get<Page>('/api/admin/faqs?sort=-updated&limit=1')).body.faqs[0];
    expect(newest?.updatedAt).toBe(all.faqs.map((f) => String(f.updatedAt)).sort().at(-1));
    const byQuestion = (await t.admin.get<Page>('/api/admin/faqs?sort=question&enabled=true&limit=500')).body.faqs.map((f) => f.question);
    expect(byQuestion).toEqual([...byQuestion].sort(new Intl.Collator('zh-CN', { numeric: true }).compare));
    expect((await t.admin.get('/api/admin/faqs?sort=colour')).status).toBe(422);
    expect((await t.admin.get('/api/admin/faqs?limit=0')).status).toBe(422);
  });

  it('versions every edit; a PUT with a stale expectedVersion is refused with 409 and changes nothing', async () => {
    const v2 = await t.admin.call<FaqBody>('PUT', '/api/admin/faqs/cat-food', { answer: '卖的，猫粮在宠物专区三楼。', expectedVersion: 1 });
    expect(v2.status).toBe(200);
    expect(v2.body.faq).toMatchObject({ version: 2, question: '你们卖猫粮吗', alternates: ['有猫粮吗'] });
    const stale = await t.admin.call('PUT', '/api/admin/faqs/cat-food', { answer: 'stale edit', expectedVersion: 1 });
    expect(stale.status).toBe(409);
    expect((await t.admin.get<FaqBody>('/api/admin/faqs/cat-food')).body.faq.answer).toBe('卖的，猫粮在宠物专区三楼。');
    expect((await t.admin.call('PUT', '/api/admin/faqs/cat-food', { question: '' })).status).toBe(422);
    expect((await t.admin.call('PUT', '/api/admin/faqs/nope', { answer: 'x' })).status).toBe(404);
  });

  it('lets exactly one of two concurrent PUTs with the same expectedVersion win', async () => {
    const current = (await t.admin.get<FaqBody>('/api/admin/faqs/cat-food')).body.faq;
    const results = await Promise.all(
      ['A', 'B', 'C'].map((x) => t.admin.call<FaqBody>('PUT', '/api/admin/faqs/cat-food', { answer: `answer ${x}`, expectedVersion: current.version })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const winner = results.find((r) => r.status === 200)?.body.faq;
    const now = (await t.admin.get<FaqBody>('/api/admin/faqs/cat-food')).body.faq;
    expect(now).toMatchObject({ answer: winner?.answer, version: current.version + 1 });
  });

  it('disables an entry so customers no longer get it, and shows history, a diff and a rollback', async () => {
    const before = (await t.admin.get<FaqBody>('/api/admin/faqs/cat-food')).body.faq;
    const off = await t.admin.call<FaqBody>('PUT', '/api/admin/faqs/cat-food', { enabled: false, expectedVersion: before.version });
    expect(off.body.faq.enabled).toBe(false);
    const tried = await t.admin.post<{ decision: string }>('/api/admin/kb/try', { text: '你们卖猫粮吗' });
    expect(tried.body.decision).not.toBe('answer');

    const history = (await t.admin.get<{ history: FaqVersion[] }>('/api/admin/faqs/cat-food/history')).body.history;
    expect(history.map((v) => [v.version, v.action])).toEqual([[4, 'update'], [3, 'update'], [2, 'update'], [1, 'create']]);
    expect(history[0]?.actor).toMatchObject({ name: 'ada@shop.test' });

    const diff = await t.admin.get<{ changes: { field: string; ops?: { op: string; text: string }[] }[] }>('/api/admin/faqs/cat-food/diff?from=1&to=2');
    expect(diff.body.changes.map((c) => c.field)).toEqual(['answer']);
    expect(diff.body.changes[0]?.ops).toContainEqual({ op: 'insert', text: '猫粮' });

    const rolled = await t.admin.post<FaqBody>('/api/admin/faqs/cat-food/rollback', { version: 1 });
    expect(rolled.body.faq).toMatchObject({ version: 5, answer: catFood.answer, enabled: true });
    const latest = (await t.admin.get<{ history: FaqVersion[] }>('/api/admin/faqs/cat-food/history')).body.history[0];
    expect(latest).toMatchObject({ version: 5, action: 'rollback', note: 'rollback to v1' });
    expect((await t.admin.post('/api/admin/faqs/cat-food/rollback', { version: 99 })).status).toBe(404);
  });

  it('deletes softly enough to audit: history kept, listed as deleted, restorable by rollback', async () => {
    const del = await t.admin.call('DELETE', '/api/admin/faqs/cat-food');
    expect(del.status).toBe(200);
    expect((await t.admin.get('/api/admin/faqs/cat-food')).status).toBe(404);
    const history = (await t.admin.get<{ history: FaqVersion[] }>('/api/admin/faqs/cat-food/history')).body.history;
    expect(history[0]).toMatchObject({ version: 6, action: 'delete', content: { question: '你们卖猫粮吗' } });
    const deleted = await t.admin.get<{ deleted: FaqVersion[] }>('/api/admin/deleted-faqs');
    expect(deleted.body.deleted.map((d) => d.faqId)).toContain('cat-food');
    expect((await t.admin.post('/api/admin/faqs/cat-food/rollback', { version: 6 })).status).toBe(422);

    const restored = await t.admin.post<FaqBody>('/api/admin/faqs/cat-food/rollback', { version: 5 });
    expect(restored.body.faq).toMatchObject({ id: 'cat-food', version: 7 });
    const audit = await t.admin.get<{ entries: { action: string; target: string; actor: { name: string } }[] }>('/api/admin/audit?target=faq:cat-food');
    expect(audit.body.entries.map((e) => e.action)).toEqual([
      'faq.rollback', 'faq.delete', 'faq.rollback', 'faq.update', 'faq.update', 'faq.update', 'faq.create',
    ]);
    expect(audit.body.entries.every((e) => e.actor.name === 'ada@shop.test')).toBe(true);
  });

  it('explains a tried question: decision, top matches with scores, and matched terms', async () => {
    const res = await t.admin.post<{ decision: string; matches: { faqId: string; score: number; matchedTerms: string[] }[]; why: string; answer?: { faqId: string } }>(
      '/api/admin/kb/try', { text: '怎么退货' },
    );
    expect(res.body.decision).toBe('answer');
    expect(res.body.answer?.faqId).toBe(res.body.matches[0]?.faqId);
    expect(res.body.matches[0]?.score).toBeGreaterThan(0.4);
    expect(res.body.matches[0]?.matchedTerms).toContain('退货');
    expect(res.body.why).toMatch(/answer threshold/);
    expect((await t.admin.post('/api/admin/kb/try', { text: '  ' })).status).toBe(422);
  });
});
