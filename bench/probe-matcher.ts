/**
 * Child process for the benchmark: loads the built-in KB, builds the matcher, answers one message, then reports
 * its resident memory after a full GC. Imports only the matcher and the knowledge loader; the domain lexicon and the intent library are loaded and the entries linked, as the server does.
 */
import { IntentLibrary, Matcher, proposeLinks, withLinkedPhrasings } from '../core/matching/index.js';
import { loadBuiltinFaqs, loadBuiltinSynonyms, loadLexicon, loadLibrary } from '../knowledge/index.js';

const options = { synonyms: loadBuiltinSynonyms(), lexicon: loadLexicon() };
const library = IntentLibrary.build(loadLibrary(), options);
const faqs = loadBuiltinFaqs();
const matcher = Matcher.build(withLinkedPhrasings(faqs, proposeLinks(faqs, library), library), options);
const first = matcher.match('我想退货，怎么操作？');
process.stdout.write(`${JSON.stringify({ event: 'answered', decision: first.decision, faqId: first.matches[0]?.faqId })}\n`);
for (const q of ['快递到哪了', 'where is my parcel', '发票怎么开']) matcher.match(q);
globalThis.gc?.();
process.stdout.write(`${JSON.stringify({ event: 'memory', rssMb: process.memoryUsage().rss / 2 ** 20, size: matcher.size })}\n`);
