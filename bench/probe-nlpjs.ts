/** Child process for the benchmark: the same measurements as probe-matcher.ts, for NLP.js. */
import { loadBuiltinFaqs } from '../knowledge/index.js';
import { NlpJsBaseline } from './nlpjs-baseline.js';

const nlp = await NlpJsBaseline.train(loadBuiltinFaqs());
const first = await nlp.classify('我想退货，怎么操作？');
process.stdout.write(`${JSON.stringify({ event: 'answered', faqId: first.faqId })}\n`);
for (const q of ['快递到哪了', 'where is my parcel', '发票怎么开']) await nlp.classify(q);
globalThis.gc?.();
process.stdout.write(`${JSON.stringify({ event: 'memory', rssMb: process.memoryUsage().rss / 2 ** 20 })}\n`);
