import { randomUUID } from 'node:crypto';
import type { Conversation, NewMessage } from '../../core/types.js';
import type { ContractContext } from './storage-contract.js';

export function messageContract(get: () => ContractContext): void {
  async function newConversation(): Promise<Conversation> {
    const { customers, conversations } = get().storage.repos;
    const customer = await customers.findOrCreateByIdentity('telegram', `m-${randomUUID()}`);
    return conversations.create({ customerId: customer.id, channel: 'telegram' });
  }

  const inbound = (conversationId: string, text: string, channelMessageId: string | null = null): NewMessage => ({
    conversationId, direction: 'inbound', author: 'customer', kind: 'text', text,
    faqId: null, choices: null, channelMessageId, replyToId: null,
  });

  describe('messages', () => {
    it('numbers messages 1, 2, 3… and keeps every field', async () => {
      const { messages, conversations } = get().storage.repos;
      const conversation = await newConversation();
      const question = await messages.append(inbound(conversation.id, '怎么退货？', `tg-${randomUUID()}`));
      const choices = [{ faqId: 'return-policy', question: '退货政策' }, { faqId: 'refund', question: '退款多久到账' }];
      const reply = await messages.append({
        conversationId: conversation.id, direction: 'outbound', author: 'bot', kind: 'choices', text: '您想问：',
        faqId: 'return-policy', choices, channelMessageId: null, replyToId: question.message.id,
        createdAt: new Date('2030-05-06T07:08:09.010Z'),
      });
      expect(question).toMatchObject({ duplicate: false, message: { seq: 1, text: '怎么退货？', choices: null } });
      expect(reply.message).toMatchObject({ seq: 2, kind: 'choices', author: 'bot', faqId: 'return-policy', choices });
      expect(reply.message.createdAt).toEqual(new Date('2030-05-06T07:08:09.010Z'));
      expect((await conversations.get(conversation.id))?.lastSeq).toBe(2);
      expect(await messages.listByConversation(conversation.id)).toEqual([question.message, reply.message]);
      expect(await messages.listReplies(question.message.id)).toEqual([reply.message]);
      expect(await messages.lastBotMessage(conversation.id)).toEqual(reply.message);
    });

    it('pages by afterSeq and limit in seq order', async () => {
      const { messages } = get().storage.repos;
      const conversation = await newConversation();
      for (const text of ['a', 'b', 'c', 'd', 'e']) await messages.append(inbound(conversation.id, text));
      const page = await messages.listByConversation(conversation.id, { afterSeq: 2, limit: 2 });
      expect(page.map((m) => [m.seq, m.text])).toEqual([[3, 'c'], [4, 'd']]);
      expect(await messages.listByConversation(conversation.id, { afterSeq: 5 })).toEqual([]);
      expect(await messages.lastBotMessage(conversation.id)).toBeNull();
    });

    it('gives 20 concurrent appends the seqs 1..20 without gaps', async () => {
      const { messages, conversations } = get().storage.repos;
      const conversation = await newConversation();
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => messages.append(inbound(conversation.id, `m${i}`))));
      expect(results.map((r) => r.message.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      const stored = await messages.listByConversation(conversation.id);
      expect(stored.map((m) => m.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect((await conversations.get(conversation.id))?.lastSeq).toBe(20);
    });

    it('stores a re-delivered channel message once, even ten deliveries at once', async () => {
      const { messages, conversations } = get().storage.repos;
      const conversation = await newConversation();
      const channelMessageId = `tg-${randomUUID()}`;
      const results = await Promise.all(Array.from({ length: 10 }, () => messages.append(inbound(conversation.id, 'hi', channelMessageId))));
      expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
      expect(new Set(results.map((r) => r.message.id)).size).toBe(1);
      expect(results.every((r) => r.message.seq === 1)).toBe(true);
      expect(await messages.listByConversation(conversation.id)).toHaveLength(1);
      expect((await conversations.get(conversation.id))?.lastSeq).toBe(1);

      const later = await messages.append(inbound(conversation.id, 'hi', channelMessageId));
      expect(later).toMatchObject({ duplicate: true, message: { id: results[0]?.message.id } });
      expect((await messages.append(inbound(conversation.id, 'next'))).message.seq).toBe(2);
    });

    it('finds a message by its channel and channel message id, and nothing for another channel', async () => {
      const { messages } = get().storage.repos;
      const conversation = await newConversation();
      const channelMessageId = `tg-${randomUUID()}`;
      const { message } = await messages.append(inbound(conversation.id, '在吗', channelMessageId));
      expect(await messages.findByChannelKey('telegram', channelMessageId)).toMatchObject({ id: message.id, text: '在吗', seq: 1 });
      expect(await messages.findByChannelKey('webchat', channelMessageId)).toBeNull();
      expect(await messages.findByChannelKey('telegram', `tg-${randomUUID()}`)).toBeNull();
    });

    it('refuses a message for an unknown conversation', async () => {
      const { messages } = get().storage.repos;
      await expect(messages.append(inbound(randomUUID(), 'lost'))).rejects.toMatchObject({ code: 'not_found' });
    });
  });
}
