import { CLI_ACTOR } from '../../core/knowledge-admin/faq-content.js';
import { importFaqs } from '../../core/knowledge-admin/faq-import.js';
import { ADA, knowledgeAdminFixture } from './knowledge-admin-fixture.js';

const returns = { id: 'return-policy', question: '怎么退货？', answer: '七天无理由退货。', category: '售后' };
const shipping = { id: 'shipping-time', question: '多久发货？', answer: '48 小时内发货。', category: '物流' };

describe('FaqAdminService', () => {
  it('versions create, edit and delete with who and when, and answers with every change at once', async () => {
    const f = await knowledgeAdminFixture();
    await f.admin.create(returns, ADA);
    expect((await f.knowledge.match('怎么退货')).decision).toBe('answer');
    f.clock.advance(60_000);
    const edited = await f.admin.update('return-policy', { answer: '签收后七天内无理由退货。' }, ADA, 1);
    expect(edited).toMatchObject({ version: 2, updatedBy: 'ada@shop.test', category: '售后' });
    expect(await f.knowledge.entry('return-policy')).toMatchObject({ answer: '签收后七天内无理由退货。' });

    await f.admin.delete('return-policy', ADA);
    expect((await f.knowledge.match('怎么退货')).decision).toBe('fallback');
    const history = await f.admin.history('return-policy');
    expect(history.map((v) => [v.version, v.action, v.actor.name])).toEqual([[3, 'delete', ADA.name], [2, 'update', ADA.name], [1, 'create', ADA.name]]);
    expect(history[0]?.content.answer).toBe('签收后七天内无理由退货。');
    expect((history[1]?.createdAt.getTime() ?? 0) - (history[2]?.createdAt.getTime() ?? 0)).toBe(60_000);
    expect((await f.repos.audit.list()).map((e) => e.action)).toEqual(['faq.delete', 'faq.update', 'faq.create']);
  });

  it('refuses a taken id, a stale version and unknown entries, changing nothing', async () => {
    const f = await knowledgeAdminFixture([returns]);
    await expect(f.admin.create(returns, ADA)).rejects.toMatchObject({ code: 'conflict' });
    await expect(f.admin.update('return-policy', { answer: 'x' }, ADA, 7)).rejects.toMatchObject({ code: 'conflict' });
    await expect(f.admin.update('nope', { answer: 'x' }, ADA)).rejects.toMatchObject({ code: 'not_found' });
    await expect(f.admin.delete('nope', ADA)).rejects.toMatchObject({ code: 'not_found' });
    expect(await f.repos.faqs.get('return-policy')).toMatchObject({ version: 1, answer: '七天无理由退货。' });
    expect(await f.repos.audit.list()).toEqual([]);
  });

  it('records how an entry was before its first versioned change, and rolls back with a new version', async () => {
    const f = await knowledgeAdminFixture([returns]);
    await f.admin.update('return-policy', { question: '如何退货' }, ADA);
    const history = await f.admin.history('return-policy');
    expect(history.map((v) => [v.version, v.action, v.actor.name])).toEqual([[2, 'update', ADA.name], [1, 'baseline', 'system']]);
    const diff = await f.admin.diff('return-policy', 1, 2);
    expect(diff.changes).toEqual([{ field: 'question', before: '怎么退货？', after: '如何退货', ops: expect.any(Array) }]);

    const rolled = await f.admin.rollback('return-policy', 1, ADA);
    expect(rolled).toMatchObject({ version: 3, question: '怎么退货？' });
    expect((await f.admin.history('return-policy'))[0]).toMatchObject({ action: 'rollback', note: 'rollback to v1' });
    // Saving identical content makes no new version.
    expect(await f.admin.update('return-policy', { question: '怎么退货？' }, ADA)).toMatchObject({ version: 3 });
  });

  it('restores a deleted entry by rolling back, continuing its version numbers', async () => {
    const f = await knowledgeAdminFixture();
    await f.admin.create(returns, ADA);
    await f.admin.delete('return-policy', ADA);
    expect((await f.admin.listDeleted()).map((v) => [v.faqId, v.version])).toEqual([['return-policy', 2]]);
    await expect(f.admin.rollback('return-policy', 2, ADA)).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await f.admin.rollback('return-policy', 1, ADA)).toMatchObject({ version: 3 });
    expect(await f.admin.listDeleted()).toEqual([]);
  });

  it('filters by words (繁/简 and case ignored), category (empty: none) and enabled, and counts categories', async () => {
    const f = await knowledgeAdminFixture([returns, shipping, { id: 'misc', question: 'Gift CARDS?', answer: 'Yes.', enabled: false }]);
    expect((await f.admin.list({ q: '退貨' })).map((e) => e.id)).toEqual(['return-policy']);
    expect((await f.admin.list({ q: 'gift cards' })).map((e) => e.id)).toEqual(['misc']);
    expect((await f.admin.list({ category: '' })).map((e) => e.id)).toEqual(['misc']);
    expect((await f.admin.list({ enabled: true })).map((e) => e.id)).toEqual(['return-policy', 'shipping-time']);
    expect(await f.admin.categories()).toEqual([{ name: '售后', count: 1 }, { name: '物流', count: 1 }, { name: null, count: 1 }]);
  });
});

describe('importFaqs', () => {
  it('previews without writing, then imports versioned as the actor; replace deletes what the file lacks', async () => {
    const f = await knowledgeAdminFixture([returns, shipping]);
    const parsed = { entries: [{ ...returns, answer: '三十天退货。' }, { id: 'invoice', question: '能开发票吗', answer: '能。' }], rejected: [{ row: 4, reason: 'answer: must not be empty' }] };
    const preview = await importFaqs(f.admin, parsed, CLI_ACTOR, { dryRun: true, replace: true, source: 'kb.json' });
    expect(preview).toMatchObject({
      dryRun: true, applied: false, added: [{ id: 'invoice', question: '能开发票吗' }],
      changed: [{ id: 'return-policy', fromVersion: 1, fields: ['answer'] }], removed: ['shipping-time'], rejected: parsed.rejected,
    });
    expect(await f.repos.faqs.count()).toBe(2);
    await expect(importFaqs(f.admin, parsed, CLI_ACTOR, { replace: true })).rejects.toMatchObject({ code: 'invalid_input' });

    const done = await importFaqs(f.admin, { ...parsed, rejected: [] }, CLI_ACTOR, { replace: true, source: 'kb.json' });
    expect(done.applied).toBe(true);
    expect((await f.repos.faqs.list()).map((e) => e.id)).toEqual(['invoice', 'return-policy']);
    expect((await f.admin.history('return-policy'))[0]).toMatchObject({ version: 2, action: 'import', actor: CLI_ACTOR, note: 'kb.json' });
    expect((await f.admin.history('shipping-time'))[0]).toMatchObject({ action: 'delete', actor: CLI_ACTOR });
    const [audit] = await f.repos.audit.list();
    expect(audit).toMatchObject({ action: 'faq.import', actor: CLI_ACTOR, summary: 'import of kb.json: 1 added, 1 changed, 1 removed, 0 rejected' });
  });

  it('fails rather than overwrite an entry someone edited after the preview was made', async () => {
    const f = await knowledgeAdminFixture([returns]);
    const parsed = { entries: [{ ...returns, answer: 'from the file' }], rejected: [] };
    // Between planning and writing, an admin edits the entry (simulated by editing before a plan-pinned write).
    const plan = await importFaqs(f.admin, parsed, CLI_ACTOR, { dryRun: true });
    await f.admin.update('return-policy', { answer: 'edited by ada' }, ADA);
    await expect(
      f.repos.faqs.applyChanges([{ id: 'return-policy', content: { ...(await f.repos.faqs.get('return-policy'))!, answer: 'x' }, action: 'import', expectedVersion: plan.changed[0]?.fromVersion ?? 0 }],
        { actor: CLI_ACTOR, action: 'faq.import', target: 'faqs', summary: 'x' }),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect((await f.repos.faqs.get('return-policy'))?.answer).toBe('edited by ada');
  });
});

describe('SynonymService', () => {
  it('seeds the built-in groups once and rebuilds the matcher when an admin changes them', async () => {
    const f = await knowledgeAdminFixture([{ id: 'gift-wrap', question: '可以礼品包装吗', answer: '可以。' }]);
    expect((await f.synonyms.get()).source).toBe('builtin');
    await f.synonyms.seed();
    await f.synonyms.seed();
    expect(await f.synonyms.get()).toMatchObject({ source: 'database', version: 1 });
    const before = await f.knowledge.match('能包成礼物吗');
    const { groups, version } = await f.synonyms.get();
    await f.synonyms.replace([...groups, ['礼品包装', '包成礼物']], ADA, version);
    const after = await f.knowledge.match('能包成礼物吗');
    expect(after.matches[0]?.score ?? 0).toBeGreaterThan(before.matches[0]?.score ?? 0);
    expect(after.matches[0]?.matchedTerms).toContain('礼品包装');
    await expect(f.synonyms.replace(groups, ADA, version)).rejects.toMatchObject({ code: 'conflict' });
    await expect(f.synonyms.replace([['a', 'b'], ['b', 'c']], ADA)).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
