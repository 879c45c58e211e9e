import type { Clock, CustomerRecordRepository, CustomerTextHandler, Logger } from '../ports.js';
import type { Conversation, Lang, Reply } from '../types.js';
import type { SuggestedField } from './customer-types.js';

const PATTERNS: Array<[SuggestedField, RegExp]> = [
  ['phones', /(?<!\d)1[3-9]\d{9}(?!\d)/g],
  ['emails', /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g],
  // 「订单 20261205-1234」「订单号：SO5566」「order #A-1234」, or a dated number on its own.
  ['orderNumbers', /(?:订单号?|单号|order(?:\s*(?:no\.?|number|#))?)\s*[:：#]?\s*([A-Za-z0-9][A-Za-z0-9-]{3,31})|(?<![\d-])(20\d{6}-\d{3,6})(?![\d-])/gi],
];

/** The phones, e-mails and order numbers a customer typed, by field. */
export function findContactDetails(text: string): Array<{ field: SuggestedField; value: string }> {
  const found: Array<{ field: SuggestedField; value: string }> = [];
  for (const [field, pattern] of PATTERNS) {
    for (const m of text.matchAll(pattern)) {
      const value = (m[1] ?? m[2] ?? m[0]).trim();
      if (field === 'orderNumbers' && !/\d/.test(value)) continue;
      if (!found.some((f) => f.field === field && f.value === value)) found.push({ field, value });
    }
  }
  return found;
}

/**
 * Sees every customer text: details found become suggestions on the customer's record, which an agent accepts or
 * dismisses; nothing on the record is changed without them. Never answers (returns null).
 */
export class ContactCapture implements CustomerTextHandler {
  constructor(private readonly records: Pick<CustomerRecordRepository, 'suggest'>, private readonly clock: Clock, private readonly logger: Logger) {}

  async handle(input: { conversation: Conversation; text: string; lang: Lang }): Promise<Reply[] | null> {
    const found = findContactDetails(input.text);
    for (const { field, value } of found) {
      await this.records.suggest({ customerId: input.conversation.customerId, conversationId: input.conversation.id, field, value, createdAt: this.clock.now() });
    }
    if (found.length > 0) this.logger.debug({ conversationId: input.conversation.id, fields: found.map((f) => f.field) }, 'contact details suggested');
    return null;
  }
}

/** Runs handlers in order; the first one that answers wins. */
export function chainTextHandlers(handlers: readonly CustomerTextHandler[]): CustomerTextHandler {
  return {
    async handle(input) {
      for (const handler of handlers) {
        const replies = await handler.handle(input);
        if (replies) return replies;
      }
      return null;
    },
  };
}
