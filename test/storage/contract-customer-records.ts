import { randomUUID } from 'node:crypto';
import { RetentionPurge } from '../../core/customers/retention.js';
import { Poller } from '../../core/tickets/poller.js';
import { createLogger } from '../../app/logger.js';
import type { ContractContext } from './storage-contract.js';

const DAY = 24 * 60 * 60 * 1000;

export function customerRecordContract(get: () => ContractContext): void {
  describe('customer records', () => {
    it('purges closed conversations older than the retention period on schedule, keeping the conversations for reports', async () => {
      const { repos } = get().storage;
      const customer = await repos.customers.findOrCreateByIdentity('webchat', `v-${randomUUID()}`);
      const [old, recent] = [await repos.conversations.create({ customerId: customer.id, channel: 'webchat' }), await repos.conversations.create({ customerId: customer.id, channel: 'webchat' })];
      for (const c of [old, recent]) await repos.messages.append({ conversationId: c.id, direction: 'inbound', author: 'customer', kind: 'text', text: '手机 13912345678', faqId: null, choices: null, channelMessageId: null, replyToId: null });
      const now = Date.now();
      await repos.conversations.update(old.id, { status: 'closed', closedAt: new Date(now - 40 * DAY) });
      await repos.conversations.update(recent.id, { status: 'closed', closedAt: new Date(now - 2 * DAY) });
      const purge = new RetentionPurge(repos.customerRecords, 30, { now: () => new Date(now) }, createLogger('silent'));
      const poller = new Poller('retention-test', 50, () => purge.run(), createLogger('silent'));
      poller.start();
      try {
        for (let i = 0; i < 200 && (await repos.messages.listByConversation(old.id)).length > 0; i++) await new Promise((r) => setTimeout(r, 25));
      } finally {
        await poller.stop();
      }
      expect(await repos.messages.listByConversation(old.id)).toEqual([]);
      expect(await repos.messages.listByConversation(recent.id)).toHaveLength(1);
      expect((await repos.conversations.get(old.id))?.status).toBe('closed');
    });

    it('erases a customer: messages, identities and record gone, tickets anonymised, conversations kept under new ids', async () => {
      const { repos } = get().storage;
      const visitor = `v-${randomUUID()}`;
      const customer = await repos.customers.findOrCreateByIdentity('webchat', visitor, '王小明');
      const c = await repos.conversations.create({ customerId: customer.id, channel: 'webchat' });
      await repos.messages.append({ conversationId: c.id, direction: 'inbound', author: 'customer', kind: 'text', text: '我的手机 13912345678', faqId: null, choices: null, channelMessageId: null, replyToId: null });
      const record = await repos.customerRecords.get(customer.id);
      await repos.customerRecords.update(customer.id, record!.version, { phones: ['13912345678'] }, { actor: { id: null, name: 't' }, action: 'edit', changes: [], createdAt: new Date() });
      const counts = await repos.customerRecords.erase(customer.id, new Date());
      expect(counts).toMatchObject({ conversations: 1, messages: 1 });
      expect(await repos.conversations.get(c.id)).toBeNull();
      const [kept] = await repos.conversations.listByCustomer(customer.id);
      expect(await repos.messages.listByConversation(kept!.id)).toEqual([]);
      expect(await repos.customerRecords.get(customer.id)).toMatchObject({ displayName: null, phones: [], identities: [], erasedAt: expect.any(Date) });
      expect((await repos.customerRecords.search({ search: '13912345678' })).total).toBe(0);
      // The visitor id no longer leads to the erased history.
      expect((await repos.customers.findOrCreateByIdentity('webchat', visitor)).id).not.toBe(customer.id);
    });
  });
}
