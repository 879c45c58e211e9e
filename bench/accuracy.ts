import { type Calibration, DEFAULT_MATCHER_OPTIONS, IntentLibrary, Matcher, type MatcherOptions, proposeLinks, selfCalibrate, withLinkedPhrasings } from '../core/matching/index.js';
import type { FaqInput } from '../core/types.js';
import { INDEPENDENT_STORES, loadBuiltinFaqs, loadBuiltinSynonyms, loadEvalSet, loadIndependentStore, loadLexicon, loadLibrary, loadOutOfScopeProbes } from '../knowledge/index.js';
import { NlpJsBaseline } from './nlpjs-baseline.js';
import { measure, type Metrics, pct, type RankedItem, sweep } from './sweep.js';
import { syntheticFaqs } from './synthetic-kb.js';

export type Item = { q: string; expect: string | null };
type Ranker = (q: string) => Promise<Omit<RankedItem, 'expect'>> | Omit<RankedItem, 'expect'>;

/** Labelled messages asked against one knowledge base. `tuned`: the figure is a training figure. */
export interface EvalSet {
  label: string;
  kb: readonly FaqInput[];
  items: readonly Item[];
  tuned: boolean;
}

/** A system under test: how it ranks on a KB, and the bands it decides with there. */
export interface Column {
  title: string;
  measure(set: EvalSet): Promise<Metrics>;
}

export async function rankAll(items: readonly Item[], rank: Ranker): Promise<RankedItem[]> {
  const out: RankedItem[] = [];
  for (const { q, expect } of items) out.push({ expect, ...(await rank(q)) });
  return out;
}

export const kefuRanker = (m: Matcher): Ranker => (q) => {
  const { smalltalk, ranked } = m.rank(q);
  return { smalltalk: smalltalk !== undefined, ranked };
};
export const nlpRanker = (n: NlpJsBaseline): Ranker => async (q) => ({ ranked: await n.rank(q) });

export async function timed<T>(work: () => Promise<T> | T): Promise<[T, number]> {
  const start = performance.now();
  const value = await work();
  return [value, performance.now() - start];
}

/** Builds (and times) each system once per knowledge base. */
export class Systems {
  readonly builtin = loadBuiltinFaqs();
  readonly synonyms = loadBuiltinSynonyms();
  readonly big: FaqInput[] = [...this.builtin, ...syntheticFaqs(1000 - this.builtin.length)];
  readonly buildMs = new Map<string, number>();
  private readonly kefu = new Map<readonly FaqInput[], Matcher>();
  private readonly kefuLexicon = new Map<readonly FaqInput[], Matcher>();
  private readonly kefuLibrary = new Map<readonly FaqInput[], Matcher>();
  private library?: IntentLibrary;
  private readonly nlp = new Map<readonly FaqInput[], NlpJsBaseline>();
  readonly calibrations = new Map<readonly FaqInput[], Calibration>();

  /** Kefu as the server builds it: entries linked to the intent library, the built-in synonyms and the lexicon. */
  async kefuLibraryOn(kb: readonly FaqInput[]): Promise<Matcher> {
    return this.once(this.kefuLibrary, kb, 'kefu-library', () => {
      const options = { synonyms: this.synonyms, lexicon: loadLexicon() };
      this.library ??= IntentLibrary.build(loadLibrary(), options);
      return Matcher.build(withLinkedPhrasings(kb, proposeLinks(kb, this.library), this.library), options);
    });
  }

  /** Kefu with the knowledge base, the built-in synonyms and the domain lexicon. */
  async kefuOn(kb: readonly FaqInput[]): Promise<Matcher> {
    return this.once(this.kefuLexicon, kb, 'kefu', () => Matcher.build(kb, { synonyms: this.synonyms, lexicon: loadLexicon() }));
  }

  /** Kefu before the lexicon: the knowledge base and the built-in synonyms only. */
  async kefuPlainOn(kb: readonly FaqInput[]): Promise<Matcher> {
    return this.once(this.kefu, kb, 'kefu-plain', () => Matcher.build(kb, { synonyms: this.synonyms }));
  }

  /** The bands self-calibration fits to this KB, as the server does when the KB changes. */
  async calibrationOn(kb: readonly FaqInput[]): Promise<Calibration> {
    return this.once(this.calibrations, kb, 'calibrate', () =>
      selfCalibrate(kb, (e) => Matcher.build(e, { synonyms: this.synonyms, lexicon: loadLexicon() }), DEFAULT_MATCHER_OPTIONS, { probes: loadOutOfScopeProbes() }));
  }

  async nlpOn(kb: readonly FaqInput[]): Promise<NlpJsBaseline> {
    return this.once(this.nlp, kb, 'nlp', () => NlpJsBaseline.train(kb));
  }

  private async once<T>(cache: Map<readonly FaqInput[], T>, kb: readonly FaqInput[], name: string, build: () => T | Promise<T>): Promise<T> {
    const hit = cache.get(kb);
    if (hit) return hit;
    const [value, ms] = await timed(build);
    cache.set(kb, value);
    this.buildMs.set(`${name}:${kb.length}`, ms);
    return value;
  }
}

export function evalSets(systems: Systems): EvalSet[] {
  const { builtin, big } = systems;
  return [
    { label: 'dev', kb: builtin, items: loadEvalSet('dev'), tuned: true },
    { label: 'held-out test', kb: builtin, items: loadEvalSet('test'), tuned: false },
    { label: 'held-out 2', kb: builtin, items: loadEvalSet('holdout-2'), tuned: false },
    { label: 'dev on 1,000-entry KB', kb: big, items: loadEvalSet('dev'), tuned: true },
    ...INDEPENDENT_STORES.map((name) => {
      const { kb, questions } = loadIndependentStore(name);
      return { label: `independent ${name} (${kb.length} entries)`, kb, items: questions, tuned: false };
    }),
  ];
}

/** Kefu and NLP.js (thresholds calibrated on dev with the same objective, and at its usual 0.5). */
export async function baseColumns(systems: Systems): Promise<{ columns: Column[]; nlpOptions: MatcherOptions }> {
  const nlpDev = await rankAll(loadEvalSet('dev'), nlpRanker(await systems.nlpOn(systems.builtin)));
  const nlpOptions = sweep(nlpDev, DEFAULT_MATCHER_OPTIONS)[0]?.options ?? DEFAULT_MATCHER_OPTIONS;
  const nlpDefault: MatcherOptions = { ...DEFAULT_MATCHER_OPTIONS, answerThreshold: 0.5, suggestThreshold: 0.5, minMargin: 0 };
  const nlpRanked = async (set: EvalSet): Promise<RankedItem[]> => rankAll(set.items, nlpRanker(await systems.nlpOn(set.kb)));
  const columns: Column[] = [
    { title: 'Kefu, no lexicon', measure: async (set) => measure(await rankAll(set.items, kefuRanker(await systems.kefuPlainOn(set.kb))), DEFAULT_MATCHER_OPTIONS) },
    { title: 'Kefu + lexicon', measure: async (set) => measure(await rankAll(set.items, kefuRanker(await systems.kefuOn(set.kb))), DEFAULT_MATCHER_OPTIONS) },
    { title: 'Kefu + lexicon + library', measure: async (set) => measure(await rankAll(set.items, kefuRanker(await systems.kefuLibraryOn(set.kb))), DEFAULT_MATCHER_OPTIONS) },
    {
      title: 'Kefu + lexicon, self-calibrated',
      measure: async (set) => measure(await rankAll(set.items, kefuRanker(await systems.kefuOn(set.kb))), (await systems.calibrationOn(set.kb)).options),
    },
    { title: 'NLP.js (calibrated)', measure: async (set) => measure(await nlpRanked(set), nlpOptions) },
    { title: 'NLP.js (score ≥ 0.5)', measure: async (set) => measure(await nlpRanked(set), nlpDefault) },
  ];
  return { columns, nlpOptions };
}

/** Five rows per set, one column per system; the metrics as JSON-ready objects beside. */
export async function accuracyRows(sets: readonly EvalSet[], columns: readonly Column[]): Promise<{ rows: string[][]; metrics: Record<string, Record<string, Metrics>> }> {
  const rows: string[][] = [];
  const metrics: Record<string, Record<string, Metrics>> = {};
  for (const set of sets) {
    const results: Metrics[] = [];
    for (const column of columns) results.push(await column.measure(set));
    metrics[set.label] = Object.fromEntries(columns.map((c, i) => [c.title, results[i] as Metrics]));
    const inScope = set.items.filter((i) => i.expect !== null).length;
    const label = `${set.label}${set.tuned ? ' [tuned on]' : ''}`;
    const row = (name: string, f: (m: Metrics) => number): string[] => [`${label}: ${name}`, ...results.map((m) => pct(f(m)))];
    rows.push(row(`ranked-first-right (${inScope} in scope)`, (m) => m.top1));
    rows.push(row('right-among-choices', (m) => m.amongChoices));
    rows.push(row('direct-right', (m) => m.direct));
    rows.push(row(`declined (${set.items.length - inScope} out of scope)`, (m) => m.decline));
    rows.push(row(`confidently-wrong (of ${set.items.length})`, (m) => m.confidentWrong));
  }
  return { rows, metrics };
}
