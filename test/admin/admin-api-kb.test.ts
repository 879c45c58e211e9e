import type { FaqEntry, FaqVersion } from '../../core/types.js';
import type { ImportReport } from '../../core/knowledge-admin/faq-import.js';
import { startAdminHarness, upload, type AdminHarness } from './admin-harness.js';

let t: AdminHarness;
beforeAll(async () => {
  t = await startAdminHarness();
});
afterAll(() => t?.close());

const csv = [
  'id,question,answer,category,alternates',
  'gift-wrap,可以礼品包装吗,可以，下单时勾选礼品包装。,服务,能包装成礼物吗|有礼盒吗',
  'bad id!,这一行的 id 不合法,答案,服务,',
  'no-answer,这一行没有答案,,服务,',
  'zh-stock,这件商品还有货吗？,详情页显示的就是实时库存。,售前咨询,还有库存吗',
].join('\n');

type Report = { report: ImportReport };

describe('admin API: import and export', () => {
  it('previews an import without changing anything: added, changed and rejected rows with reasons', async () => {
    const before = await t.h.kefu.services.repos.faqs.revision();
    const res = await upload<Report>(t.admin, '/api/admin/kb/import?dryRun=true&filename=faqs.csv', csv);
    expect(res.status).toBe(200);
    const { report } = res.body;
    expect(report).toMatchObject({ dryRun: true, applied: false, removed: [] });
    expect(report.added).toEqual([{ id: 'gift-wrap', question: '可以礼品包装吗' }]);
    expect(report.changed).toEqual([{ id: 'zh-stock', fromVersion: 1, fields: ['answer', 'alternates', 'tags'] }]);
    expect(report.rejected.map((r) => r.row)).toEqual([3, 4]);
    expect(report.rejected[0]?.reason).toMatch(/^id:/);
    expect(report.rejected[1]?.reason).toMatch(/^answer:/);
    expect(await t.h.kefu.services.repos.faqs.revision()).toBe(before);
    expect((await t.admin.get('/api/admin/faqs/gift-wrap')).status).toBe(404);
  });

  it('imports the good rows versioned under the admin, rejects exactly the bad ones, and answers with them', async () => {
    const res = await upload<Report>(t.admin, '/api/admin/kb/import?filename=faqs.csv', csv);
    expect(res.body.report).toMatchObject({ applied: true, unchanged: [] });
    expect(res.body.report.rejected).toHaveLength(2);
    const gift = await t.admin.get<{ faq: FaqEntry }>('/api/admin/faqs/gift-wrap');
    expect(gift.body.faq).toMatchObject({ alternates: ['能包装成礼物吗', '有礼盒吗'], updatedBy: 'ada@shop.test' });
    const history = await t.admin.get<{ history: FaqVersion[] }>('/api/admin/faqs/zh-stock/history');
    expect(history.body.history.map((v) => [v.version, v.action, v.actor.name])).toEqual([[2, 'import', 'ada@shop.test'], [1, 'import', 'system']]);
    expect(history.body.history[0]?.note).toBe('faqs.csv');
    const tried = await t.admin.post<{ decision: string; answer?: { faqId: string } }>('/api/admin/kb/try', { text: '有礼盒吗' });
    expect(tried.body).toMatchObject({ decision: 'answer', answer: { faqId: 'gift-wrap' } });
    const audit = await t.admin.get<{ entries: { action: string; summary: string }[] }>('/api/admin/audit?target=faqs');
    expect(audit.body.entries[0]).toMatchObject({ action: 'faq.import', summary: 'import of faqs.csv: 1 added, 1 changed, 0 removed, 2 rejected' });
  });

  it('refuses to replace while rows are rejected, and reports a file it cannot read', async () => {
    const refused = await upload(t.admin, '/api/admin/kb/import?replace=true&filename=faqs.csv', csv);
    expect(refused.status).toBe(422);
    expect((await t.admin.get('/api/admin/faqs/zh-size-guide')).status).toBe(200);
    const broken = await upload<Report>(t.admin, '/api/admin/kb/import?format=json&dryRun=true', '[{"question": ', 'text/plain');
    expect(broken.body.report.rejected[0]?.reason).toMatch(/invalid JSON/);
    expect((await upload(t.admin, '/api/admin/kb/import', '', 'text/plain')).status).toBe(422);
  });

  it('exports JSON and CSV that import back unchanged', async () => {
    const json = await t.admin.call<string>('GET', '/api/admin/kb/export?format=json');
    expect(json.headers.get('content-disposition')).toMatch(/attachment; filename="?kefu-faqs-\d{4}-\d{2}-\d{2}\.json/);
    const entries = json.body as unknown as FaqEntry[];
    expect(entries.find((e) => e.id === 'gift-wrap')).toMatchObject({ question: '可以礼品包装吗' });
    const csvOut = await t.admin.call<string>('GET', '/api/admin/kb/export?format=csv');
    expect(csvOut.headers.get('content-type')).toMatch(/text\/csv/);
    const again = await upload<Report>(t.admin, '/api/admin/kb/import?format=csv&dryRun=true', csvOut.body);
    expect(again.body.report).toMatchObject({ added: [], changed: [], rejected: [] });
    expect(again.body.report.unchanged.length).toBe(entries.length);
  });
});

describe('admin API: synonyms', () => {
  type Synonyms = { groups: string[][]; version: number; source: string };

  it('serves the stored groups and makes an edit live for the matcher, refusing stale and invalid edits', async () => {
    const current = (await t.admin.get<Synonyms>('/api/admin/synonyms')).body;
    expect(current).toMatchObject({ source: 'database', version: 1 });
    expect(current.groups.length).toBeGreaterThan(20);

    const before = await t.admin.post<{ matches: { faqId: string; matchedTerms: string[] }[] }>('/api/admin/kb/try', { text: '可以包成礼物吗' });
    const gift = (m: { faqId: string }) => m.faqId === 'gift-wrap';
    expect(before.body.matches.find(gift)?.matchedTerms ?? []).not.toContain('礼品包装');

    const groups = [...current.groups, ['礼品包装', '包成礼物', 'gift wrap']];
    const saved = await t.admin.call<Synonyms>('PUT', '/api/admin/synonyms', { groups, expectedVersion: current.version });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(2);
    const after = await t.admin.post<{ matches: { faqId: string; matchedTerms: string[] }[] }>('/api/admin/kb/try', { text: '可以包成礼物吗' });
    expect(after.body.matches.find(gift)?.matchedTerms).toContain('礼品包装');

    expect((await t.admin.call('PUT', '/api/admin/synonyms', { groups, expectedVersion: 1 })).status).toBe(409);
    const invalid = await t.admin.call('PUT', '/api/admin/synonyms', { groups: [['孤单']] });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error?.message).toMatch(/at least two/);
    const audit = await t.admin.get<{ entries: { action: string }[] }>('/api/admin/audit?target=synonyms');
    expect(audit.body.entries.map((e) => e.action)).toEqual(['synonyms.replace', 'synonyms.seed']);
  });
});
