export {
  type EvalSetName,
  INDEPENDENT_STORES,
  type IndependentStore,
  knowledgePath,
  loadBuiltinFaqs,
  loadBuiltinSynonyms,
  loadEvalSet,
  loadIndependentStore,
  packageRoot,
} from './builtin.js';
export { faqsToCsv, parseFaqCsv } from './faq-csv.js';
export { faqsToJson, parseFaqJson } from './faq-json.js';
export {
  deriveFaqId,
  FAQ_ID_PATTERN,
  FAQ_LIMITS,
  faqRecordSchema,
  type FaqParseResult,
  type FaqRejection,
} from './faq-schema.js';
export { lexiconFileSchema, libraryFileSchema, loadLexicon, loadLibrary, loadOutOfScopeProbes } from './domain-knowledge.js';
