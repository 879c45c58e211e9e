import { readFileSync, readdirSync } from 'node:fs';
import { z } from 'zod';
import { ORDER_INTENTS, type OrderIntent } from '../core/orders/order-types.js';
import { knowledgePath } from './builtin.js';

/** One labelled message: an order intent, or null for anything not about the customer's own order. */
export interface OrderIntentExample {
  text: string;
  intent: OrderIntent | null;
}

/**
 * Library intents about the customer's own order, and which order question each one is. Every other library intent
 * (how refunds work, which courier, is it genuine…) is an example of "not an order question". Policy questions
 * that share the words (下单后多久发货, 电子发票在哪下载) stay with the FAQ on purpose.
 */
const ORDER_LIBRARY_INTENTS: Record<string, OrderIntent> = {
  'shipping.track-parcel': 'track',
  'shipping.tracking-not-updating': 'track',
  'shipping.tracking-number': 'track',
  'shipping.not-shipped-yet': 'ship_time',
  'order-payment.order-status': 'status',
  'order-payment.order-confirmation': 'status',
  'order-payment.cancel-order': 'cancel',
  'order-payment.change-address': 'change_address',
  'order-payment.change-recipient': 'change_address',
  'refunds.refund-status': 'refund_status',
  'refunds.refunded-not-received': 'refund_status',
  'refunds.seller-not-responding': 'refund_status',
  'invoices.when-issued': 'invoice',
  'invoices.invoice-missing': 'invoice',
};

const librarySchema = z.object({
  domain: z.string(),
  intents: z.array(z.object({ id: z.string(), phrasings: z.object({ zh: z.array(z.string()), en: z.array(z.string()).optional() }) })),
});

/** Every phrasing of the intent library, labelled with its order intent or null: the recognizer's training data. */
export function loadOrderIntentExamples(): Array<OrderIntentExample & { libraryIntent: string }> {
  const dir = knowledgePath('library', 'intents');
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort().flatMap((file) => {
    const { intents } = librarySchema.parse(JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')));
    return intents.flatMap((i) => [...i.phrasings.zh, ...(i.phrasings.en ?? [])].map((text) => ({
      text, intent: ORDER_LIBRARY_INTENTS[i.id] ?? null, libraryIntent: i.id,
    })));
  });
}

const orderQuestionSchema = z.array(z.object({
  q: z.string().min(1),
  intent: z.enum(ORDER_INTENTS.map((i) => `order.${i}`) as [string, ...string[]]).nullable(),
  orderNumber: z.string().nullable(),
}));

/** The independent order-question set (`eval/independent/order-questions.json`): for the bench's report only. */
export function loadIndependentOrderQuestions(): Array<{ q: string; intent: OrderIntent | null; orderNumber: string | null }> {
  const items = orderQuestionSchema.parse(JSON.parse(readFileSync(knowledgePath('eval', 'independent', 'order-questions.json'), 'utf8')));
  return items.map((i) => ({ q: i.q, intent: i.intent ? (i.intent.slice('order.'.length) as OrderIntent) : null, orderNumber: i.orderNumber }));
}
