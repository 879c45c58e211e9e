/**
 * Order-question recognition (`npm run bench`, or alone with `-- --orders`): the dev figures the rules were tuned
 * on beside the independent order-question set, which they never were (knowledge/eval/independent/README.md).
 * Accuracy counts an item right when the intent (or "not an order question") is the labelled one.
 */
import { OrderQuestionReader } from '../../core/orders/order-question-reader.js';
import { canonicalOrderNumber } from '../../core/orders/order-number.js';
import { ORDER_INTENTS } from '../../core/orders/order-types.js';
import { loadIndependentOrderQuestions } from '../../knowledge/order-intents.js';
import { orderDevFigures } from './order-intent-dev.js';

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

export function independentOrderFigures() {
  const reader = new OrderQuestionReader();
  const items = loadIndependentOrderQuestions();
  let right = 0;
  let falseOrder = 0;
  let nulls = 0;
  let numbersRight = 0;
  let numbered = 0;
  const perIntent = new Map<string, { right: number; total: number }>();
  for (const item of items) {
    const read = reader.read(item.q);
    if (read.intent === item.intent) right += 1;
    if (item.intent === null) {
      nulls += 1;
      if (read.intent !== null) falseOrder += 1;
    } else {
      const tally = perIntent.get(item.intent) ?? { right: 0, total: 0 };
      tally.total += 1;
      if (read.intent === item.intent) tally.right += 1;
      perIntent.set(item.intent, tally);
    }
    if (item.orderNumber) {
      numbered += 1;
      if (read.orderNumber?.number === canonicalOrderNumber(item.orderNumber)) numbersRight += 1;
    }
  }
  return { items: items.length, accuracy: right / items.length, falseOrderRate: falseOrder / nulls, nulls, perIntent, numberAccuracy: numbersRight / numbered, numbered };
}

const dev = orderDevFigures();
const independent = independentOrderFigures();
console.log('\nOrder questions: intent recognition (rules in core/orders/intent-rules.ts)\n');
console.log('| set | items | accuracy | false order intent |');
console.log('| --- | ---: | ---: | ---: |');
console.log(`| dev: intent library phrasings (tuned on) | ${dev.libraryItems} | ${pct(dev.libraryAccuracy)} (order recall ${pct(dev.orderRecall)}) | — |`);
console.log(`| dev: FAQ dev set (tuned on) | ${dev.faqItems} | — | ${pct(dev.faqFalseRate)} of non-order FAQ items (${pct(dev.faqFalseRateAll)} of all) |`);
console.log(`| independent order questions (never tuned on) | ${independent.items} | ${pct(independent.accuracy)} | ${pct(independent.falseOrderRate)} of ${independent.nulls} non-order items |`);
console.log(`\nIndependent, per intent: ${ORDER_INTENTS.map((i) => {
  const t = independent.perIntent.get(i);
  return t ? `${i} ${t.right}/${t.total}` : `${i} -`;
}).join(', ')}; order numbers read exactly: ${pct(independent.numberAccuracy)} of ${independent.numbered}`);
console.log(`\n${JSON.stringify({ orders: { dev: { libraryAccuracy: dev.libraryAccuracy, orderRecall: dev.orderRecall, faqFalseRate: dev.faqFalseRate }, independent: { accuracy: independent.accuracy, falseOrderRate: independent.falseOrderRate, numberAccuracy: independent.numberAccuracy } } })}\n`);
