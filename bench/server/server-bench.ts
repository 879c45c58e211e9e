import { type Database, postgresDatabase, sqliteDatabase, startEcho, startKefu, type Target } from './targets.js';
import { FakeTelegram } from './fake-telegram.js';
import { loadRound, summarize, type RoundResult, type Summary } from './load.js';
import { answeredQuestions, benchPaths } from './paths.js';
import { residentMb, RssSampler } from './processes.js';

export interface ServerBenchOptions {
  quick: boolean;
  connections?: number;
}

export interface PathResult {
  database: string;
  path: string;
  kefu: Summary;
  echo: Summary;
  ratio: number;
}

export interface DatabaseResult {
  database: string;
  skipped?: string;
  paths: PathResult[];
  peakRssMb: number;
  endRssMb: number;
}

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

/**
 * The whole server against a bare express echo: for each database and path, alternating rounds of the same load
 * (autocannon, same connections, same request stream) on Kefu and on the echo.
 */
export async function runServerBench(root: string, options: ServerBenchOptions): Promise<DatabaseResult[]> {
  const plan = options.quick ? { warmSeconds: 1, roundSeconds: 3, rounds: 2 } : { warmSeconds: 2, roundSeconds: 6, rounds: 3 };
  const connections = options.connections ?? 16;
  const questions = answeredQuestions();
  const results: DatabaseResult[] = [];
  for (const make of [async () => sqliteDatabase(), () => postgresDatabase(TEST_DATABASE_URL)]) {
    const database = await make();
    if (typeof database === 'string') {
      results.push({ database: 'PostgreSQL', skipped: `unreachable at TEST_DATABASE_URL (${database})`, paths: [], peakRssMb: NaN, endRssMb: NaN });
      continue;
    }
    results.push(await benchDatabase(root, database, questions, { ...plan, connections }));
  }
  return results;
}

async function benchDatabase(
  root: string, database: Database, questions: string[], plan: { warmSeconds: number; roundSeconds: number; rounds: number; connections: number },
): Promise<DatabaseResult> {
  const telegram = new FakeTelegram();
  const started: Target[] = [];
  try {
    const kefu = await startKefu(root, database, await telegram.start());
    started.push(kefu);
    const echo = await startEcho(root);
    started.push(echo);
    const rss = new RssSampler(kefu.pid);
    const paths: PathResult[] = [];
    for (const path of benchPaths(questions)) {
      const next = await path.prepare(kefu.url);
      const run = async (target: Target, seconds: number): Promise<RoundResult> => {
        if (target === kefu) rss.start();
        try {
          return await loadRound(target.url, next, { connections: plan.connections, seconds });
        } finally {
          rss.stop();
        }
      };
      await run(kefu, plan.warmSeconds);
      await run(echo, plan.warmSeconds);
      const rounds = { kefu: [] as RoundResult[], echo: [] as RoundResult[] };
      for (let r = 0; r < plan.rounds; r += 1) {
        const order = r % 2 === 0 ? (['kefu', 'echo'] as const) : (['echo', 'kefu'] as const);
        for (const which of order) rounds[which].push(await run(which === 'kefu' ? kefu : echo, plan.roundSeconds));
      }
      const k = summarize(rounds.kefu);
      const e = summarize(rounds.echo);
      paths.push({ database: database.label, path: path.name, kefu: k, echo: e, ratio: e.perSecond > 0 ? k.perSecond / e.perSecond : NaN });
      process.stderr.write(`  ${database.label} · ${path.name}: ${k.perSecond.toFixed(0)}/s vs echo ${e.perSecond.toFixed(0)}/s\n`);
    }
    return { database: database.label, paths, peakRssMb: rss.peakMb, endRssMb: residentMb(kefu.pid) };
  } finally {
    for (const target of started.reverse()) await target.stop();
    await telegram.stop();
    await database.drop();
  }
}

export function serverTable(results: DatabaseResult[], connections: number): string {
  const header = ['database', 'path', 'Kefu msg/s', 'Kefu p50 / p99 ms', 'Kefu non-2xx', 'echo req/s', 'echo p50 / p99 ms', 'ratio'];
  const rows: string[][] = [];
  const ms = (s: Summary): string => `${s.p50.toFixed(0)} / ${s.p99.toFixed(0)}`;
  const bad = (s: Summary): string => {
    const codes = Object.entries(s.statuses).map(([code, n]) => `${n}×${code}`);
    if (s.errors > 0) codes.push(`${s.errors} errors`);
    return codes.length > 0 ? codes.join(', ') : '0';
  };
  for (const db of results) {
    if (db.skipped) rows.push([db.database, `skipped: ${db.skipped}`, '', '', '', '', '', '']);
    for (const p of db.paths) {
      rows.push([p.database, p.path, p.kefu.perSecond.toFixed(0), ms(p.kefu), bad(p.kefu), p.echo.perSecond.toFixed(0), ms(p.echo), p.ratio.toFixed(3)]);
    }
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (r: string[]): string => `| ${r.map((c, i) => (i < 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`;
  const out = [line(header), `|${widths.map((w, i) => (i < 2 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...rows.map(line)];
  for (const db of results) {
    if (!db.skipped) out.push(`${db.database}: Kefu RSS peak ${db.peakRssMb.toFixed(0)} MB during its rounds, ${db.endRssMb.toFixed(0)} MB at the end.`);
  }
  out.push(`${connections} keep-alive connections; msg/s counts 2xx answers; p50/p99 are the median of the rounds' own.`);
  return out.join('\n');
}
