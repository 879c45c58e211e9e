// The knowledge-admin contract (FAQ versions, audit log, synonyms, unanswered questions, ratings, dashboard counts);
// runs on SQLite and PostgreSQL (storage-contract.ts) and on the in-memory repositories.
import { randomUUID } from 'node:crypto';
import type { AuditInput, Repositories } from '../../core/ports.js';
import type { Actor, FaqContent } from '../../core/types.js';

const ADA: Actor = { id: 'user-ada', name: 'ada@shop.test' };
const audit = (summary: string, target = 'faqs'): AuditInput => ({ actor: ADA, action: 'faq.test', target, summary });
const content = (question: string, extra: Partial<FaqContent> = {}): FaqContent => ({
  question, answer: `${question} 的答案`, alternates: ['别的问法'], category: '测试', tags: ['t'], enabled: true, ...extra,
});
// Far in the future, so rows written by the other contracts never fall in these windows.
const FUTURE = new Date('2100-01-01T00:00:00.000Z');
const later = (minutes: number) => new Date(FUTURE.getTime() + minutes * 60_000);

export function knowledgeAdminContract(repos: () => Repositories): void {
  describe('FAQ versions and audit log', () => {
    it('versions each change with the whole entry, skips no-ops, bumps the revision once per call, and keeps history after a delete', async () => {
      const { faqs, audit: log } = repos();
      const id = `kv-${randomUUID().slice(0, 8)}`;
      const rev = await faqs.revision();
      const created = await faqs.applyChanges([{ id, content: content('问题一'), action: 'create', expectedVersion: null }], audit(`create ${id}`, `faq:${id}`));
      expect(created).toMatchObject([{ faqId: id, version: 1, action: 'create', actor: ADA, content: content('问题一') }]);
      expect(await faqs.get(id)).toMatchObject({ version: 1, updatedBy: ADA.name, alternates: ['别的问法'], tags: ['t'] });
      expect(await faqs.revision()).toBe(rev + 1);

      expect(await faqs.applyChanges([{ id, content: content('问题一'), action: 'update' }], audit('no-op'))).toEqual([]);
      expect(await faqs.revision()).toBe(rev + 1);
      await faqs.applyChanges([{ id, content: content('问题二', { enabled: false }), action: 'update', expectedVersion: 1, note: 'why' }], audit('edit', `faq:${id}`));
      const deleted = await faqs.applyChanges([{ id, content: null, action: 'delete', expectedVersion: 2 }], audit('delete', `faq:${id}`));
      expect(deleted[0]).toMatchObject({ version: 3, action: 'delete', content: { question: '问题二', enabled: false } });
      expect(await faqs.get(id)).toBeNull();
      expect((await faqs.history(id)).map((v) => [v.version, v.action, v.note])).toEqual([[3, 'delete', null], [2, 'update', 'why'], [1, 'create', null]]);
      expect((await faqs.listDeleted()).find((v) => v.faqId === id)).toMatchObject({ version: 3 });

      // Created again, it continues its numbering and leaves the deleted list.
      await faqs.applyChanges([{ id, content: content('问题三'), action: 'rollback', expectedVersion: null }], audit('again', `faq:${id}`));
      expect(await faqs.get(id)).toMatchObject({ version: 4, question: '问题三' });
      expect((await faqs.listDeleted()).some((v) => v.faqId === id)).toBe(false);
      expect((await log.list({ target: `faq:${id}` })).map((e) => e.summary)).toEqual(['again', 'delete', 'edit', `create ${id}`]);
      expect((await log.list({ target: 'faq:*', limit: 2 })).length).toBe(2);
    });

    it('records an entry written without versioning as a baseline before changing it', async () => {
      const { faqs } = repos();
      const id = `kb-${randomUUID().slice(0, 8)}`;
      await faqs.upsertMany([{ id, question: '旧问题', answer: '旧答案' }]);
      await faqs.applyChanges([{ id, content: content('新问题'), action: 'update' }], audit('edit'));
      const history = await faqs.history(id);
      expect(history.map((v) => [v.version, v.action, v.actor.name, v.content.question])).toEqual([[2, 'update', ADA.name, '新问题'], [1, 'baseline', 'system', '旧问题']]);
      expect(history[1]?.content).toEqual({ question: '旧问题', answer: '旧答案', alternates: [], category: null, tags: [], enabled: true });
    });

    it('applies nothing when one expected version fails, and lets one of two racing writers win', async () => {
      const { faqs } = repos();
      const [a, b] = [`ka-${randomUUID().slice(0, 8)}`, `kb-${randomUUID().slice(0, 8)}`];
      await faqs.applyChanges([{ id: a, content: content('甲'), action: 'create' }], audit('a'));
      const rev = await faqs.revision();
      await expect(faqs.applyChanges([
        { id: b, content: content('乙'), action: 'create', expectedVersion: null },
        { id: a, content: content('甲改'), action: 'update', expectedVersion: 5 },
      ], audit('both'))).rejects.toMatchObject({ code: 'conflict' });
      await expect(faqs.applyChanges([{ id: a, content: content('甲'), action: 'create', expectedVersion: null }], audit('x'))).rejects.toMatchObject({ code: 'conflict' });
      expect(await faqs.get(b)).toBeNull();
      expect(await faqs.revision()).toBe(rev);

      const results = await Promise.allSettled(['一', '二', '三'].map((x) =>
        faqs.applyChanges([{ id: a, content: content(`甲${x}`), action: 'update', expectedVersion: 1 }], audit(x))));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(['conflict', 'conflict']);
      expect((await faqs.get(a))?.version).toBe(2);
    });
  });

  describe('synonyms', () => {
    it('stores groups with a version, bumps the revision, refuses a stale version, and audits', async () => {
      const { synonyms, faqs, audit: log } = repos();
      const start = (await synonyms.get())?.version ?? 0;
      const rev = await faqs.revision();
      const saved = await synonyms.replace([['退款', '退钱'], ['发票', 'invoice']], audit('syn', 'synonyms'), start);
      expect(saved).toEqual({ groups: [['退款', '退钱'], ['发票', 'invoice']], version: start + 1 });
      expect(await synonyms.get()).toEqual(saved);
      expect(await faqs.revision()).toBe(rev + 1);
      await expect(synonyms.replace([], audit('stale', 'synonyms'), start)).rejects.toMatchObject({ code: 'conflict' });
      expect((await log.list({ target: 'synonyms', limit: 1 }))[0]?.summary).toBe('syn');
    });
  });

  describe('unanswered questions, ratings and dashboard counts', () => {
    async function conversation() {
      const { customers, conversations } = repos();
      const customer = await customers.findOrCreateByIdentity('webchat', `u-${randomUUID()}`);
      return conversations.create({ customerId: customer.id, channel: 'webchat' });
    }

    it('stores one question per message and reason, lists open ones newest first, closes and withdraws', async () => {
      const { unanswered } = repos();
      const c = await conversation();
      const base = { conversationId: c.id, channel: 'webchat' as const, lang: 'zh' as const, bestScore: 0.2, bestFaqId: 'x' };
      const m1 = randomUUID();
      const m2 = randomUUID();
      await unanswered.record({ ...base, messageId: m1, text: '一', reason: 'fallback', createdAt: later(1) });
      await unanswered.record({ ...base, messageId: m1, text: '一', reason: 'fallback', createdAt: later(1) });
      await unanswered.record({ ...base, messageId: m1, text: '一', reason: 'downvote', bestScore: null, createdAt: later(2) });
      await unanswered.record({ ...base, messageId: m2, text: '二', reason: 'choices', createdAt: later(3) });
      const open = await unanswered.listOpen({ since: FUTURE });
      expect(open.map((q) => [q.text, q.reason, q.status])).toEqual([['二', 'choices', 'open'], ['一', 'downvote', 'open'], ['一', 'fallback', 'open']]);
      expect(open[1]).toMatchObject({ bestScore: null, conversationId: c.id, resolvedAt: null });
      expect(await unanswered.listOpen({ since: FUTURE, limit: 1 })).toHaveLength(1);

      await unanswered.withdraw(m1, 'downvote');
      const closed = await unanswered.close([open[0]?.id ?? '', open[2]?.id ?? ''], { status: 'resolved', faqId: 'new-faq', at: later(4) });
      expect(closed).toBe(2);
      expect(await unanswered.close([open[0]?.id ?? ''], { status: 'dismissed', faqId: null, at: later(5) })).toBe(0);
      expect(await unanswered.listOpen({ since: FUTURE })).toEqual([]);
      expect((await unanswered.listSince(FUTURE)).map((q) => [q.reason, q.status])).toEqual([['fallback', 'resolved'], ['choices', 'resolved']]);
    });

    it('keeps the latest rating per message and returns the previous one', async () => {
      const { feedback } = repos();
      const c = await conversation();
      const messageId = randomUUID();
      expect(await feedback.rate({ conversationId: c.id, messageId, faqId: 'f', rating: 'down', at: later(10) })).toBeNull();
      expect(await feedback.rate({ conversationId: c.id, messageId, faqId: 'f', rating: 'up', at: later(11) })).toBe('down');
      expect(await feedback.listSince(later(10))).toEqual([{ rating: 'up', faqId: 'f', updatedAt: later(11) }]);
    });

    it('counts conversations since a time with whether they were handed off, and bot answers per FAQ', async () => {
      const { analytics, handoff, messages } = repos();
      await new Promise((resolve) => setTimeout(resolve, 20));
      const since = new Date();
      const [bot, human] = [await conversation(), await conversation()];
      await handoff.enqueue(human.id, { reason: 'request', at: new Date(), leftMessage: false });
      const mine = (await analytics.conversationsSince(since)).filter((c) => c.channel === 'webchat');
      expect(mine.map((c) => c.handedOff)).toEqual([false, true]);

      const answer = (faqId: string, minutes: number) => messages.append({
        conversationId: bot.id, direction: 'outbound', author: 'bot', kind: 'answer', text: 'a', faqId, choices: null,
        channelMessageId: null, replyToId: null, createdAt: later(minutes),
      });
      await answer('zz-hit-a', 20);
      await answer('zz-hit-b', 21);
      await answer('zz-hit-b', 22);
      await answer('zz-hit-c', 1);
      expect(await analytics.faqHits(later(15), 10)).toEqual([{ faqId: 'zz-hit-b', count: 2 }, { faqId: 'zz-hit-a', count: 1 }]);
      expect(await analytics.faqHits(later(15), 1)).toEqual([{ faqId: 'zz-hit-b', count: 2 }]);
    });
  });
}
