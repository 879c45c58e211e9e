import { randomUUID } from 'node:crypto';
import { DomainError } from '../../core/errors.js';
import type { ContractContext } from './storage-contract.js';

export function customerAndConversationContract(get: () => ContractContext): void {
  describe('customers', () => {
    it('finds the same customer for the same channel identity and a new one for another', async () => {
      const { customers } = get().storage.repos;
      const externalId = `tg-${randomUUID()}`;
      const created = await customers.findOrCreateByIdentity('telegram', externalId, 'Li Lei');
      const again = await customers.findOrCreateByIdentity('telegram', externalId);
      const other = await customers.findOrCreateByIdentity('webchat', externalId);
      expect(again.id).toBe(created.id);
      expect(created).toMatchObject({ displayName: 'Li Lei', identities: [{ channel: 'telegram', externalId }] });
      expect(created.createdAt).toBeInstanceOf(Date);
      expect(other.id).not.toBe(created.id);
      expect(await customers.get(created.id)).toEqual(created);
      expect(await customers.get(randomUUID())).toBeNull();
    });

    it('creates exactly one customer when the same identity arrives ten times at once', async () => {
      const { storage, fixture } = get();
      const before = await fixture.countRows('Customer');
      const externalId = `race-${randomUUID()}`;
      const found = await Promise.all(Array.from({ length: 10 }, () => storage.repos.customers.findOrCreateByIdentity('webchat', externalId)));
      expect(new Set(found.map((c) => c.id)).size).toBe(1);
      // The losers' customer rows must not linger without an identity.
      expect(await fixture.countRows('Customer')).toBe(before + 1);
    });
  });

  describe('conversations', () => {
    it('creates a bot conversation, finds it open, updates it, and stops finding it once closed', async () => {
      const { customers, conversations } = get().storage.repos;
      const customer = await customers.findOrCreateByIdentity('webchat', `c-${randomUUID()}`);
      const conversation = await conversations.create({ customerId: customer.id, channel: 'webchat', lang: 'en' });
      expect(conversation).toMatchObject({ status: 'bot', lang: 'en', lastSeq: 0, fallbackStreak: 0, closedAt: null });
      expect(await conversations.findOpen(customer.id, 'webchat')).toEqual(conversation);
      expect(await conversations.findOpen(customer.id, 'telegram')).toBeNull();

      const queued = await conversations.update(conversation.id, { status: 'queued', fallbackStreak: 2 });
      expect(queued).toMatchObject({ status: 'queued', fallbackStreak: 2, lang: 'en' });
      expect((await conversations.listByStatus('queued')).map((c) => c.id)).toContain(conversation.id);

      const closedAt = new Date('2030-01-02T03:04:05.678Z');
      await conversations.update(conversation.id, { status: 'closed', closedAt });
      expect(await conversations.findOpen(customer.id, 'webchat')).toBeNull();
      expect((await conversations.get(conversation.id))?.closedAt).toEqual(closedAt);
      expect((await conversations.listByStatus('queued')).map((c) => c.id)).not.toContain(conversation.id);
    });

    it('defaults the language to zh and lists a customer’s conversations oldest first', async () => {
      const { customers, conversations } = get().storage.repos;
      const customer = await customers.findOrCreateByIdentity('telegram', `c-${randomUUID()}`);
      const first = await conversations.create({ customerId: customer.id, channel: 'telegram' });
      await new Promise((resolve) => setTimeout(resolve, 5)); // order is by creation time (ms)
      const second = await conversations.create({ customerId: customer.id, channel: 'telegram' });
      expect(first.lang).toBe('zh');
      expect((await conversations.listByCustomer(customer.id)).map((c) => c.id)).toEqual([first.id, second.id]);
      expect((await conversations.findOpen(customer.id, 'telegram'))?.id).toBe(second.id);
    });

    it('reports an unknown conversation as not_found', async () => {
      const { conversations } = get().storage.repos;
      expect(await conversations.get(randomUUID())).toBeNull();
      await expect(conversations.update(randomUUID(), { status: 'agent' })).rejects.toMatchObject({
        constructor: DomainError,
        code: 'not_found',
      });
    });
  });
}
