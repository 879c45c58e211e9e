import type { FaqInput } from '../../core/types.js';
import type { ContractContext } from './storage-contract.js';

const returns: FaqInput = { id: 'return-policy', question: '怎么退货？', answer: '七天无理由退货。', alternates: ['退货流程'], tags: ['售后'] };
const shipping: FaqInput = { id: 'shipping-time', question: '多久发货？', answer: '48 小时内发货。', category: '物流' };
const invoice: FaqInput = { id: 'invoice', question: 'Can I get an invoice?', answer: 'Yes, from your order page.', enabled: false };

export function faqContract(get: () => ContractContext): void {
  describe('faqs', () => {
    it('imports, keeps unchanged entries at their version, bumps changed ones, and replaces', async () => {
      const { faqs } = get().storage.repos;
      const start = await faqs.revision();

      expect(await faqs.upsertMany([returns, shipping], { replace: true })).toEqual({
        added: ['return-policy', 'shipping-time'], updated: [], unchanged: [], removed: [],
      });
      expect(await faqs.revision()).toBe(start + 1);
      expect(await faqs.get('return-policy')).toMatchObject({
        id: 'return-policy', alternates: ['退货流程'], tags: ['售后'], category: null, enabled: true, version: 1,
      });
      expect(await faqs.get('shipping-time')).toMatchObject({ alternates: [], tags: [], category: '物流' });

      expect(await faqs.upsertMany([returns, shipping])).toEqual({
        added: [], updated: [], unchanged: ['return-policy', 'shipping-time'], removed: [],
      });
      expect(await faqs.revision()).toBe(start + 1);

      const edited = { ...shipping, answer: '24 小时内发货。' };
      expect(await faqs.upsertMany([returns, edited, invoice], { replace: true })).toEqual({
        added: ['invoice'], updated: ['shipping-time'], unchanged: ['return-policy'], removed: [],
      });
      expect(await faqs.get('shipping-time')).toMatchObject({ answer: '24 小时内发货。', version: 2 });
      expect(await faqs.get('return-policy')).toMatchObject({ version: 1 });
      expect(await faqs.revision()).toBe(start + 2);

      expect(await faqs.upsertMany([edited], { replace: true })).toEqual({
        added: [], updated: [], unchanged: ['shipping-time'], removed: ['invoice', 'return-policy'],
      });
      expect(await faqs.get('return-policy')).toBeNull();
      expect(await faqs.count()).toBe(1);
      expect(await faqs.revision()).toBe(start + 3);
    });

    it('lists entries by id and can leave out disabled ones', async () => {
      const { faqs } = get().storage.repos;
      await faqs.upsertMany([shipping, invoice, returns], { replace: true });
      expect((await faqs.list()).map((f) => f.id)).toEqual(['invoice', 'return-policy', 'shipping-time']);
      expect((await faqs.list({ enabledOnly: true })).map((f) => f.id)).toEqual(['return-policy', 'shipping-time']);
      expect(await faqs.count()).toBe(3);
    });

    it('rejects an import naming the same id twice and changes nothing', async () => {
      const { faqs } = get().storage.repos;
      const before = await faqs.revision();
      await expect(faqs.upsertMany([returns, { ...returns, answer: 'other' }])).rejects.toMatchObject({ code: 'invalid_input' });
      expect(await faqs.revision()).toBe(before);
    });

    it('serialises concurrent imports: each entry is added once and the revision counts every change', async () => {
      const { faqs } = get().storage.repos;
      await faqs.upsertMany([], { replace: true });
      const before = await faqs.revision();
      const results = await Promise.all([faqs.upsertMany([returns, shipping]), faqs.upsertMany([returns, shipping])]);
      expect(results.map((r) => r.added.length).sort()).toEqual([0, 2]);
      expect(await faqs.count()).toBe(2);
      expect(await faqs.revision()).toBe(before + 1);
    });
  });
}
