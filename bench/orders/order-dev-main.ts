import { orderDevFigures } from './order-intent-dev.js';

const f = orderDevFigures();
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
if (process.argv.includes('--mistakes')) for (const m of f.mistakes) console.log(m);
console.log(`library accuracy ${pct(f.libraryAccuracy)} of ${f.libraryItems}; order recall ${pct(f.orderRecall)}; FAQ dev false order intent ${pct(f.faqFalseRate)} (all items ${pct(f.faqFalseRateAll)})`);
