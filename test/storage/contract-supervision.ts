// The sensitive-word list and flagged messages; runs on SQLite and PostgreSQL (storage-contract.ts) and in memory.
import { randomUUID } from 'node:crypto';
import type { Repositories } from '../../core/ports.js';
import type { SensitiveWord } from '../../core/supervision/word-list.js';

const word = (term: string, extra: Partial<SensitiveWord> = {}): SensitiveWord => ({
  term, action: 'block', category: 'insult', scope: 'both', variants: [], sound: false, ...extra,
});
const audit = { actor: { id: 'user-ada', name: 'Ada' }, action: 'sensitive_words.replace', target: 'sensitive_words', summary: 'edit' };
const FUTURE = new Date('2100-03-01T00:00:00.000Z');

export function supervisionContract(repos: () => Repositories): void {
  describe('sensitive words and message flags', () => {
    it('stores the word list with a version, refuses a stale save, and logs every change', async () => {
      const { sensitiveWords, audit: log } = repos();
      expect(await sensitiveWords.get()).toBeNull();
      const first = await sensitiveWords.replace([word('笨蛋', { variants: ['bendan'] }), word('保证', { action: 'warn', category: 'promise', scope: 'agent' })], audit, 0);
      expect(first.version).toBe(1);
      expect(await sensitiveWords.get()).toEqual({ version: 1, words: first.words });
      await expect(sensitiveWords.replace([word('白痴')], audit, 0)).rejects.toMatchObject({ code: 'conflict' });
      expect((await sensitiveWords.get())?.words.map((w) => w.term)).toEqual(['笨蛋', '保证']);
      const second = await sensitiveWords.replace([word('白痴', { sound: true })], audit, 1);
      expect(await sensitiveWords.get()).toEqual({ version: 2, words: [word('白痴', { sound: true })] });
      expect(second.version).toBe(2);
      expect((await log.list({ target: 'sensitive_words' })).length).toBeGreaterThanOrEqual(2);
    });

    it('keeps flags newest first, filters them, and reviews each only once', async () => {
      const { messageFlags } = repos();
      const agentId = `agent-${randomUUID().slice(0, 8)}`;
      const base = { conversationId: randomUUID(), agentId, text: '你自己不会看吗', hits: [{ term: '你自己不会看', action: 'warn' as const, category: 'attitude' as const }] };
      const warned = await messageFlags.create({ ...base, kind: 'warn', messageId: randomUUID(), createdAt: FUTURE });
      const blocked = await messageFlags.create({ ...base, kind: 'block', messageId: null, createdAt: new Date(FUTURE.getTime() + 1000) });
      expect(warned).toMatchObject({ status: 'open', reviewerId: null, hits: base.hits, kind: 'warn' });
      expect((await messageFlags.list({ agentId })).map((f) => f.id)).toEqual([blocked.id, warned.id]);
      expect((await messageFlags.list({ agentId, kinds: ['warn'] })).map((f) => f.id)).toEqual([warned.id]);
      const at = new Date(FUTURE.getTime() + 5000);
      expect(await messageFlags.review(warned.id, { reviewerId: 'sup', note: '已提醒', at })).toMatchObject({ status: 'reviewed', reviewerId: 'sup', reviewNote: '已提醒', reviewedAt: at });
      expect(await messageFlags.review(warned.id, { reviewerId: 'sup', note: null, at })).toBeNull();
      expect((await messageFlags.list({ agentId, status: 'open' })).map((f) => f.id)).toEqual([blocked.id]);
    });
  });
}
