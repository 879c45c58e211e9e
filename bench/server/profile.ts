/**
 * `node dist/bench/server/profile.js [requests] [--postgres] [--path=webchat|telegram|agent|new] [--cpuprofile=FILE]`:
 * runs the real server in this process (startKefu, the default configuration), sends one bench path's requests one
 * after another, and prints for that window only: SQL statements and transactions per request (counted at the driver:
 * better-sqlite3 statements, pg queries, by statement) and a CPU profile (node:inspector, saved for DevTools with
 * --cpuprofile) by package and by function. Time in natives and Node internals goes to the nearest caller in a known
 * package, so the bench's own HTTP client is left out entirely.
 */
import { Session } from 'node:inspector/promises';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../app/config.js';
import { startKefu } from '../../app/start.js';
import { createLogger } from '../../app/logger.js';
import { FakeTelegram } from './fake-telegram.js';
import { answeredQuestions, BENCH_AGENT, benchPaths, TELEGRAM_WEBHOOK_PATH, TELEGRAM_WEBHOOK_SECRET } from './paths.js';
import { postgresDatabase, sqliteDatabase } from './targets.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The bench paths (paths.ts) in their order. */
const PATHS = ['webchat', 'telegram', 'agent', 'new'];

const CATEGORIES: [string, RegExp][] = [
  ['bench client (fetch)', /undici|bench\/server/],
  ['Prisma client + query compiler (WASM)', /@prisma\/client|query_compiler|prisma\/generated|^wasm:/],
  ['Prisma SQLite adapter + better-sqlite3', /adapter-better-sqlite3|better-sqlite3/],
  ['Prisma pg adapter + pg', /adapter-pg|node_modules\/pg/],
  ['jieba + matcher', /jieba|core\/matching/],
  ['express, body parsing', /express|body-parser|router|raw-body|iconv|content-type|type-is|media-typer|on-finished|finalhandler|qs\/lib/],
  ['pino logging', /pino|sonic-boom|thread-stream/],
  ['zod', /zod/],
  ['Kefu (core, bots, app, prisma/)', /dist\/(core|bots|app|prisma)\//],
];

function ownCategory(node: ProfileNode): string | null {
  const { url, functionName } = node.callFrame;
  if (functionName === '(idle)') return 'idle';
  if (functionName === '(garbage collector)') return 'GC';
  for (const [name, re] of CATEGORIES) if (re.test(url)) return name;
  return null;
}

/** A node's own category, else its nearest categorized caller's (natives and Node internals), else Node's. */
function categorize(node: ProfileNode, parent: Map<number, ProfileNode>): string {
  for (let n: ProfileNode | undefined = node; n; n = parent.get(n.id)) {
    const c = ownCategory(n);
    if (c) return c;
  }
  if (/^node:(_http|http|net|stream|internal\/(http|streams|net|stream_base))/.test(node.callFrame.url)) return 'Node http, net and streams';
  return node.callFrame.url ? 'Node internals and other' : `(native: ${node.callFrame.functionName || 'anonymous'})`;
}

interface Summary {
  busyMs: number;
  byCategory: [string, number][];
  byFunction: [string, number][];
  /** Kefu's own functions by total time (their callees included), to find who calls what. */
  kefuTotal: [string, number][];
}

const KEFU = /dist\/(core|bots|app|prisma)\//;
const label = (node: ProfileNode): string => {
  const where = node.callFrame.url.replace(/^.*\/(node_modules|dist)\//, '');
  return `${node.callFrame.functionName || '(anonymous)'} ${where}${where ? `:${node.callFrame.lineNumber + 1}` : ''}`;
};

function summarize(profile: CpuProfile): Summary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, ProfileNode>();
  for (const n of profile.nodes) for (const child of n.children ?? []) { const c = byId.get(child); if (c) parent.set(c.id, n); }
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const cat = new Map<string, number>();
  const fn = new Map<string, number>();
  const total = new Map<string, number>();
  let busy = 0;
  for (const [id, us] of self) {
    const node = byId.get(id);
    if (!node) continue;
    const c = categorize(node, parent);
    if (c === 'idle' || c.startsWith('bench client')) continue;
    busy += us;
    cat.set(c, (cat.get(c) ?? 0) + us);
    const key = node.callFrame.url ? label(node) : `${label(node)}[${c}]`;
    fn.set(key, (fn.get(key) ?? 0) + us);
    const seen = new Set<string>();
    for (let n: ProfileNode | undefined = node; n; n = parent.get(n.id)) if (KEFU.test(n.callFrame.url)) seen.add(label(n));
    for (const k of seen) total.set(k, (total.get(k) ?? 0) + us);
  }
  const sorted = (m: Map<string, number>): [string, number][] => [...m].sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, v / 1000]);
  return { busyMs: busy / 1000, byCategory: sorted(cat), byFunction: sorted(fn).slice(0, 20), kefuTotal: sorted(total).slice(0, 30) };
}

/** Counts SQL statements and transactions at the drivers (library prototypes, not Kefu's code). */
function countStatements(): { statements: number; transactions: number; bySql: Map<string, number> } {
  const counts = { statements: 0, transactions: 0, bySql: new Map<string, number>() };
  const require = createRequire(import.meta.url);
  const note = (sql: unknown): void => {
    counts.statements += 1;
    const text = typeof sql === 'string' ? sql.replace(/\s+/g, ' ').slice(0, 110) : '(unknown)';
    counts.bySql.set(text, (counts.bySql.get(text) ?? 0) + 1);
    if (typeof sql === 'string' && /^\s*BEGIN/i.test(sql)) counts.transactions += 1;
  };
  const Database = require('better-sqlite3') as { prototype: { prepare: (sql: string) => unknown } };
  const prepare = Database.prototype.prepare;
  Database.prototype.prepare = function (this: unknown, sql: string) {
    const stmt = prepare.call(this, sql) as Record<string, (...a: unknown[]) => unknown>;
    for (const method of ['run', 'get', 'all']) {
      const original = stmt[method];
      if (typeof original === 'function') stmt[method] = (...a: unknown[]) => (note(sql), original.apply(stmt, a));
    }
    return stmt;
  };
  const pg = require('pg') as { Client: { prototype: { query: (...a: unknown[]) => unknown } } };
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: unknown, ...a: unknown[]) {
    const q = a[0];
    note(typeof q === 'string' ? q : (q as { text?: string } | null)?.text);
    return query.apply(this, a);
  };
  return counts;
}

async function main(): Promise<void> {
  const count = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 300);
  const database = process.argv.includes('--postgres')
    ? await postgresDatabase(process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test')
    : sqliteDatabase();
  if (typeof database === 'string') throw new Error(`PostgreSQL unreachable: ${database}`);
  const counts = countStatements();
  const dataDir = mkdtempSync(join(tmpdir(), 'kefu-profile-'));
  const pathName = process.argv.find((a) => a.startsWith('--path='))?.slice('--path='.length) ?? (process.argv.includes('--telegram') ? 'telegram' : 'webchat');
  const pathIndex = PATHS.indexOf(pathName);
  if (pathIndex < 0) throw new Error(`--path must be one of ${PATHS.join(', ')}`);
  const telegram = pathName === 'telegram' ? new FakeTelegram() : null;
  const config = loadConfig({
    PORT: '0', HOST: '127.0.0.1', DATABASE_URL: database.url, KEFU_DATA_DIR: dataDir, LOG_LEVEL: 'info',
    KEFU_WEBCHAT_CONVERSATIONS_PER_MINUTE: '100000', KEFU_WEBCHAT_MESSAGES_PER_MINUTE: '100000',
    ...(telegram ? {
      TELEGRAM_BOT_TOKEN: '123456789:kefu-bench', TELEGRAM_API_ROOT: await telegram.start(),
      TELEGRAM_WEBHOOK_URL: `http://127.0.0.1${TELEGRAM_WEBHOOK_PATH}`, TELEGRAM_WEBHOOK_SECRET,
    } : {}),
  });
  const kefu = await startKefu(config, createLogger('info', 'json', { destination: '/dev/null' }));
  while (telegram && kefu.channels.health().channels.telegram?.status !== 'up') await new Promise((r) => setTimeout(r, 20));
  const session = new Session();
  let ms = 0;
  let statements = 0;
  let transactions = 0;
  let profile: CpuProfile;
  try {
    const path = benchPaths(answeredQuestions())[pathIndex];
    if (!path) throw new Error('no such path');
    if (pathName === 'agent') await kefu.services.auth.createUser({ ...BENCH_AGENT, role: 'agent' });
    const next = await path.prepare(kefu.url);
    for (let i = 0; i < 50; i += 1) await send(kefu.url, next());
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
    const before = { ...counts };
    counts.bySql.clear();
    const started = performance.now();
    for (let i = 0; i < count; i += 1) await send(kefu.url, next());
    ms = performance.now() - started;
    statements = counts.statements - before.statements;
    transactions = counts.transactions - before.transactions;
    profile = (await session.post('Profiler.stop')).profile as unknown as CpuProfile;
  } finally {
    session.disconnect();
    await kefu.close();
    await telegram?.stop();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const saveTo = process.argv.find((a) => a.startsWith('--cpuprofile='))?.slice('--cpuprofile='.length);
  if (saveTo) writeFileSync(saveTo, JSON.stringify(profile));
  const summary = summarize(profile);
  console.log(`${count} sequential requests of "${benchPaths([]).at(pathIndex)?.name}" on ${database.label}: ${(ms / count).toFixed(2)} ms each, ` +
    `${(statements / count).toFixed(1)} SQL statements and ${(transactions / count).toFixed(2)} transactions per request; ` +
    `server CPU ${(summary.busyMs / count).toFixed(2)} ms per request\n`);
  console.log('| statement (first 110 characters) | per request |\n|---|--:|');
  for (const [sql, n] of [...counts.bySql].sort((a, b) => b[1] - a[1])) console.log(`| ${sql} | ${(n / count).toFixed(2)} |`);
  console.log('\n| where (self time) | ms | share |\n|---|--:|--:|');
  for (const [name, t] of summary.byCategory) console.log(`| ${name} | ${t.toFixed(0)} | ${((100 * t) / summary.busyMs).toFixed(1)}% |`);
  console.log('\nTop functions by self time:');
  for (const [name, t] of summary.byFunction) console.log(`  ${t.toFixed(1).padStart(8)} ms  ${name}`);
  console.log('\nKefu functions by total time (callees included):');
  for (const [name, t] of summary.kefuTotal) console.log(`  ${t.toFixed(1).padStart(8)} ms  ${name}`);
}

async function send(base: string, r: { path: string; headers: Record<string, string>; body: string }): Promise<void> {
  const res = await fetch(`${base}${r.path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...r.headers }, body: r.body });
  if (!res.ok) throw new Error(`message answered ${res.status}`);
  await res.arrayBuffer();
}

await main();
