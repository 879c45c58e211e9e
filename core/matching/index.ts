export { Matcher, type MatcherBuildOptions } from './matcher.js';
export { decide } from './decide.js';
export {
  DEFAULT_MATCHER_OPTIONS,
  type MatchCandidate,
  type MatchDecision,
  type MatcherOptions,
  type MatchResult,
} from './options.js';
export { type IndexableFaq } from './faq-index.js';
export { DEFAULT_WEIGHTS, type ScoringWeights } from './scoring-weights.js';
export { DEFAULT_LEXICON_WEIGHTS, type LexiconWeights } from './lexicon.js';
export { detectSmalltalk, type SmalltalkKind } from './smalltalk.js';
export { detectLang, segment } from './segment.js';
export { normalizeForMatch, normalizeText, toHalfWidth, toSimplified } from './normalize.js';
export { evaluate, type Evaluation, type EvaluatedQuestion, type LabelledQuestion } from './evaluate.js';
export { DIRECT_ANSWER_BONUS, measure, type Metrics, type RankedItem, sweep, WRONG_ANSWER_COST } from './bands.js';
export {
  type Calibration,
  calibrationItems,
  DEFAULT_SELF_CALIBRATION,
  precisionOf,
  REFERENCE,
  type KnownPhrasing,
  selfCalibrate,
  type SelfCalibrationSettings,
} from './self-calibration.js';
export {
  DEFAULT_LINK_SETTINGS,
  IntentLibrary,
  type LibraryLink,
  type LinkSettings,
  proposeLinks,
  withLinkedPhrasings,
} from './library-links.js';
