/**
 * Dev figures for the order-intent rules, the only ones they were tuned on: every phrasing of the intent library
 * (labelled through knowledge/order-intents.ts) and false order intents on the FAQ dev set.
 */
import { OrderQuestionReader } from '../../core/orders/order-question-reader.js';
import { loadEvalSet } from '../../knowledge/index.js';
import { loadOrderIntentExamples } from '../../knowledge/order-intents.js';

/** FAQ dev-set entries that are themselves about one's own order: an order intent there is not a false one. */
export const ORDER_FAQS = new Set([
  'zh-change-address', 'zh-cancel-order', 'zh-order-lookup', 'zh-ship-when', 'zh-track-package', 'zh-refund-time', 'zh-not-received',
  'en-change-address', 'en-cancel-order', 'en-ship-when', 'en-track-package', 'en-refund-time',
]);

export interface DevFigures {
  libraryAccuracy: number;
  libraryItems: number;
  orderRecall: number;
  faqFalseRate: number;
  faqFalseRateAll: number;
  faqItems: number;
  mistakes: string[];
}

export function orderDevFigures(): DevFigures {
  const examples = loadOrderIntentExamples();
  const reader = new OrderQuestionReader();
  const mistakes: string[] = [];
  let right = 0;
  let orders = 0;
  let ordersRight = 0;
  examples.forEach((e) => {
    const got = reader.read(e.text).intent;
    if (got === e.intent) right += 1;
    else mistakes.push(`${e.libraryIntent} want ${e.intent} got ${got}: ${e.text}`);
    if (e.intent) {
      orders += 1;
      if (got === e.intent) ordersRight += 1;
    }
  });
  const faq = loadEvalSet('dev');
  let falseAll = 0;
  let falseOther = 0;
  let other = 0;
  for (const item of faq) {
    const got = reader.read(item.q).intent;
    const orderFaq = item.expect !== null && ORDER_FAQS.has(item.expect);
    if (!orderFaq) other += 1;
    if (got !== null) {
      falseAll += 1;
      if (!orderFaq) {
        falseOther += 1;
        mistakes.push(`FAQ ${item.expect} got ${got}: ${item.q}`);
      }
    }
  }
  return {
    libraryAccuracy: right / examples.length, libraryItems: examples.length, orderRecall: ordersRight / orders,
    faqFalseRate: falseOther / other, faqFalseRateAll: falseAll / faq.length, faqItems: faq.length, mistakes,
  };
}
