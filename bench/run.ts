/**
 * Kefu's matcher vs NLP.js on the same knowledge base: accuracy on the dev and both held-out sets, latency on the
 * built-in and a 1,000-entry KB, memory and time to first answer. `npm run bench`. Prints only; writes no files.
 */
import { fileURLToPath } from 'node:url';
import { DEFAULT_MATCHER_OPTIONS, type MatcherOptions } from '../core/matching/index.js';
import { loadEvalSet, packageRoot } from '../knowledge/index.js';
import { accuracyRows, baseColumns, evalSets, Systems } from './accuracy.js';
import { runProbe } from './child-probe.js';
import { type Latency, timeSystems } from './latency.js';
import { probeServer } from './server-probe.js';

const ms = (x: number): string => (x < 10 ? x.toFixed(3) : x.toFixed(0));

async function main(): Promise<void> {
  const systems = new Systems();
  const { builtin, big } = systems;
  const sets = evalSets(systems);
  const { columns, nlpOptions } = await baseColumns(systems);
  const { rows, metrics } = await accuracyRows(sets, columns);
  if (process.argv.includes('--accuracy')) {
    printTable(['', ...columns.map((c) => c.title)], rows);
    return;
  }

  const [kefu, kefuBig, nlp, nlpBig] = [await systems.kefuLibraryOn(builtin), await systems.kefuLibraryOn(big), await systems.nlpOn(builtin), await systems.nlpOn(big)];
  const latency = await timeSystems(loadEvalSet('dev').map((d) => d.q), {
    kefu: (q) => kefu.match(q),
    nlp: (q) => nlp.rank(q),
    kefuBig: (q) => kefuBig.match(q),
    nlpBig: (q) => nlpBig.rank(q),
  });
  const built = (name: string, n: number): string => ms(systems.buildMs.get(`${name}:${n}`) ?? NaN);

  const here = (name: string): string => fileURLToPath(new URL(name, import.meta.url));
  const kefuProbe = await runProbe(here('./probe-matcher.js'));
  const nlpProbe = await runProbe(here('./probe-nlpjs.js'));
  const server = await probeServer(packageRoot()).catch((error: Error) => error);

  const lat = (l: Latency): string => `${ms(l.p50)} / ${ms(l.p99)}`;
  const perf: string[][] = [];
  perf.push([`latency p50 / p99 ms, built-in KB (${builtin.length}), ${latency.kefu.samples} msgs each`, lat(latency.kefu), lat(latency.nlp)]);
  perf.push([`latency p50 / p99 ms, 1,000-entry KB`, lat(latency.kefuBig), lat(latency.nlpBig)]);
  perf.push(['build / train ms, built-in KB', built('kefu-library', builtin.length), built('nlp', builtin.length)]);
  perf.push(['build / train ms, 1,000-entry KB', built('kefu-library', big.length), built('nlp', big.length)]);
  perf.push(['RSS MB, fresh process, built-in KB loaded + GC', kefuProbe.rssMb.toFixed(0), nlpProbe.rssMb.toFixed(0)]);
  perf.push(['process start → first answer ms', ms(kefuProbe.firstAnswerMs), ms(nlpProbe.firstAnswerMs)]);
  if (server instanceof Error) perf.push(['full server (dist/app/main.js)', `failed: ${server.message}`]);
  else if (server === null) perf.push(['full server (dist/app/main.js)', 'not built — skipped']);
  else {
    perf.push(['full server RSS MB (after /healthz + 1 chat)', server.rssMb.toFixed(0), '—']);
    perf.push([`full server start → first web chat answer ms (${server.reply})`, ms(server.firstAnswerMs), '—']);
  }

  printTable(['', ...columns.map((c) => c.title)], rows);
  console.log('');
  printTable(['', 'Kefu', 'NLP.js'], perf);
  const o = (x: MatcherOptions): string => `answer≥${x.answerThreshold} suggest≥${x.suggestThreshold} margin≥${x.minMargin}`;
  console.log(`\nKefu thresholds: ${o(DEFAULT_MATCHER_OPTIONS)} (DEFAULT_MATCHER_OPTIONS, calibrated on dev).`);
  console.log(`NLP.js calibrated on dev with the same objective: ${o(nlpOptions)}; "score ≥ 0.5": answers at its usual 0.5, never offers choices.`);
  console.log('top-1 = answer or first offered choice is the expected FAQ; confident-wrong = wrong direct answers ÷ all items.');
  console.log(`\n${JSON.stringify({ metrics, latency, kefuProbe, nlpProbe, server: server instanceof Error ? server.message : server, nlpOptions })}`);
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const fmt = (r: string[]): string => `| ${header.map((_, i) => (i === 0 ? (r[i] ?? '').padEnd(widths[i] ?? 0) : (r[i] ?? '').padStart(widths[i] ?? 0))).join(' | ')} |`;
  console.log(fmt(header));
  console.log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const r of rows) console.log(fmt(r));
}

await main();
