/**
 * Kefu's matcher vs NLP.js on the same knowledge base: accuracy on the dev and both held-out sets, latency on the
 * built-in and a 1,000-entry KB, memory and time to first answer. `npm run bench`. Prints only; writes no files.
 */
import { fileURLToPath } from 'node:url';
import { DEFAULT_MATCHER_OPTIONS, Matcher, type MatcherOptions } from '../core/matching/index.js';
import type { FaqInput } from '../core/types.js';
import { loadBuiltinFaqs, loadBuiltinSynonyms, loadEvalSet, packageRoot } from '../knowledge/index.js';
import { runProbe } from './child-probe.js';
import { type Latency, timeSystems } from './latency.js';
import { NlpJsBaseline } from './nlpjs-baseline.js';
import { probeServer } from './server-probe.js';
import { measure, type Metrics, pct, type RankedItem, sweep } from './sweep.js';
import { syntheticFaqs } from './synthetic-kb.js';

type Item = { q: string; expect: string | null };
type Ranker = (q: string) => Promise<Omit<RankedItem, 'expect'>> | Omit<RankedItem, 'expect'>;

async function rankAll(items: Item[], rank: Ranker): Promise<RankedItem[]> {
  const out: RankedItem[] = [];
  for (const { q, expect } of items) out.push({ expect, ...(await rank(q)) });
  return out;
}

const kefuRanker = (m: Matcher): Ranker => (q) => {
  const { smalltalk, ranked } = m.rank(q);
  return { smalltalk: smalltalk !== undefined, ranked };
};
const nlpRanker = (n: NlpJsBaseline): Ranker => async (q) => ({ ranked: await n.rank(q) });

async function timed<T>(work: () => Promise<T> | T): Promise<[T, number]> {
  const start = performance.now();
  const value = await work();
  return [value, performance.now() - start];
}

async function main(): Promise<void> {
  const builtin = loadBuiltinFaqs();
  const synonyms = loadBuiltinSynonyms();
  const big: FaqInput[] = [...builtin, ...syntheticFaqs(1000 - builtin.length)];
  const dev = loadEvalSet('dev');
  const test = loadEvalSet('test');
  const holdout2 = loadEvalSet('holdout-2');

  const [kefu, kefuBuildMs] = await timed(() => Matcher.build(builtin, { synonyms }));
  const [kefuBig, kefuBigBuildMs] = await timed(() => Matcher.build(big, { synonyms }));
  const [nlp, nlpTrainMs] = await timed(() => NlpJsBaseline.train(builtin));
  const [nlpBig, nlpBigTrainMs] = await timed(() => NlpJsBaseline.train(big));

  // NLP.js gets the same decision rule (answer / choices / fallback) with thresholds calibrated on the dev set.
  const nlpDev = await rankAll(dev, nlpRanker(nlp));
  const nlpOptions = sweep(nlpDev, DEFAULT_MATCHER_OPTIONS)[0]?.options ?? DEFAULT_MATCHER_OPTIONS;
  const nlpDefault: MatcherOptions = { ...DEFAULT_MATCHER_OPTIONS, answerThreshold: 0.5, suggestThreshold: 0.5, minMargin: 0 };

  const kefuDev = await rankAll(dev, kefuRanker(kefu));
  const kefuTest = await rankAll(test, kefuRanker(kefu));
  const nlpTest = await rankAll(test, nlpRanker(nlp));
  const kefuHoldout2 = await rankAll(holdout2, kefuRanker(kefu));
  const nlpHoldout2 = await rankAll(holdout2, nlpRanker(nlp));
  const kefuBigDev = await rankAll(dev, kefuRanker(kefuBig));
  const nlpBigDev = await rankAll(dev, nlpRanker(nlpBig));

  const latency = await timeSystems(dev.map((d) => d.q), {
    kefu: (q) => kefu.match(q),
    nlp: (q) => nlp.rank(q),
    kefuBig: (q) => kefuBig.match(q),
    nlpBig: (q) => nlpBig.rank(q),
  });

  const here = (name: string): string => fileURLToPath(new URL(name, import.meta.url));
  const kefuProbe = await runProbe(here('./probe-matcher.js'));
  const nlpProbe = await runProbe(here('./probe-nlpjs.js'));
  const server = await probeServer(packageRoot()).catch((error: Error) => error);

  const cols = {
    kefu: {
      dev: measure(kefuDev, DEFAULT_MATCHER_OPTIONS),
      test: measure(kefuTest, DEFAULT_MATCHER_OPTIONS),
      holdout2: measure(kefuHoldout2, DEFAULT_MATCHER_OPTIONS),
      big: measure(kefuBigDev, DEFAULT_MATCHER_OPTIONS),
    },
    nlp: { dev: measure(nlpDev, nlpOptions), test: measure(nlpTest, nlpOptions), holdout2: measure(nlpHoldout2, nlpOptions), big: measure(nlpBigDev, nlpOptions) },
    nlpDefault: {
      dev: measure(nlpDev, nlpDefault),
      test: measure(nlpTest, nlpDefault),
      holdout2: measure(nlpHoldout2, nlpDefault),
      big: measure(nlpBigDev, nlpDefault),
    },
  };
  const inScope = (items: Item[]): number => items.filter((i) => i.expect !== null).length;
  const outScope = (items: Item[]): number => items.length - inScope(items);
  const ms = (x: number): string => (x < 10 ? x.toFixed(3) : x.toFixed(0));
  const lat = (l: Latency): string => `${ms(l.p50)} / ${ms(l.p99)}`;
  const rows: [string, string, string, string][] = [];
  const metricRows = (label: string, set: keyof typeof cols.kefu, items: Item[]): void => {
    const c = (k: keyof typeof cols, f: (m: Metrics) => number): string => pct(f(cols[k][set]));
    rows.push([`${label} top-1 accuracy (${inScope(items)} in scope)`, c('kefu', (m) => m.top1), c('nlp', (m) => m.top1), c('nlpDefault', (m) => m.top1)]);
    rows.push([`${label} answered directly & right`, c('kefu', (m) => m.direct), c('nlp', (m) => m.direct), c('nlpDefault', (m) => m.direct)]);
    rows.push([`${label} correct-decline rate (${outScope(items)} out of scope)`, c('kefu', (m) => m.decline), c('nlp', (m) => m.decline), c('nlpDefault', (m) => m.decline)]);
    rows.push([`${label} confident-wrong rate (of ${items.length})`, c('kefu', (m) => m.confidentWrong), c('nlp', (m) => m.confidentWrong), c('nlpDefault', (m) => m.confidentWrong)]);
  };
  metricRows('dev', 'dev', dev);
  metricRows('held-out test', 'test', test);
  metricRows('held-out 2', 'holdout2', holdout2);
  metricRows('dev on 1,000-entry KB:', 'big', dev);
  rows.push([`latency p50 / p99 ms, built-in KB (${builtin.length}), ${latency.kefu.samples} msgs each`, lat(latency.kefu), lat(latency.nlp), '″']);
  rows.push([`latency p50 / p99 ms, 1,000-entry KB`, lat(latency.kefuBig), lat(latency.nlpBig), '″']);
  rows.push(['build / train ms, built-in KB', ms(kefuBuildMs), ms(nlpTrainMs), '″']);
  rows.push(['build / train ms, 1,000-entry KB', ms(kefuBigBuildMs), ms(nlpBigTrainMs), '″']);
  rows.push(['RSS MB, fresh process, built-in KB loaded + GC', kefuProbe.rssMb.toFixed(0), nlpProbe.rssMb.toFixed(0), '″']);
  rows.push(['process start → first answer ms', ms(kefuProbe.firstAnswerMs), ms(nlpProbe.firstAnswerMs), '″']);
  if (server instanceof Error) rows.push(['full server (dist/app/main.js)', `failed: ${server.message}`, '', '']);
  else if (server === null) rows.push(['full server (dist/app/main.js)', 'not built — skipped', '', '']);
  else {
    rows.push(['full server RSS MB (after /healthz + 1 chat)', server.rssMb.toFixed(0), '—', '—']);
    rows.push([`full server start → first web chat answer ms (${server.reply})`, ms(server.firstAnswerMs), '—', '—']);
  }

  const header: [string, string, string, string] = ['', 'Kefu', 'NLP.js (calibrated)', 'NLP.js (score ≥ 0.5)'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const fmt = (r: string[]): string => `| ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`;
  console.log(fmt(header));
  console.log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const r of rows) console.log(fmt(r));
  const o = (x: MatcherOptions): string => `answer≥${x.answerThreshold} suggest≥${x.suggestThreshold} margin≥${x.minMargin}`;
  console.log(`\nKefu thresholds: ${o(DEFAULT_MATCHER_OPTIONS)} (DEFAULT_MATCHER_OPTIONS, calibrated on dev).`);
  console.log(`NLP.js calibrated on dev with the same objective: ${o(nlpOptions)}; "score ≥ 0.5": answers at its usual 0.5, never offers choices.`);
  console.log('top-1 = answer or first offered choice is the expected FAQ; confident-wrong = wrong direct answers ÷ all items.');
  console.log(`\n${JSON.stringify({ metrics: cols, latency, kefuProbe, nlpProbe, server: server instanceof Error ? server.message : server, nlpOptions })}`);
}

await main();
