import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { BENCH_AGENT, TELEGRAM_WEBHOOK_PATH, TELEGRAM_WEBHOOK_SECRET } from './paths.js';
import { freePort, spawnNode, startFlags, stopChild, waitFor } from './processes.js';

export interface Target {
  label: string;
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export interface Database {
  label: 'SQLite' | 'PostgreSQL';
  url: string;
  drop(): Promise<void>;
}

export function sqliteDatabase(): Database {
  const dir = mkdtempSync(join(tmpdir(), 'kefu-bench-'));
  return { label: 'SQLite', url: `file:${join(dir, 'kefu.db')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

/** A fresh schema in the PostgreSQL database at `baseUrl`, or the reason it cannot be used. */
export async function postgresDatabase(baseUrl: string): Promise<Database | string> {
  const { default: pg } = await import('pg');
  const admin = async (sql: string): Promise<void> => {
    const client = new pg.Client({ connectionString: baseUrl, connectionTimeoutMillis: 3000 });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  try {
    await admin('SELECT 1');
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  const schema = `kefu_bench_${randomBytes(5).toString('hex')}`;
  const url = new URL(baseUrl);
  url.searchParams.set('schema', schema);
  return { label: 'PostgreSQL', url: url.toString(), drop: () => admin(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`) };
}

/** The real server, started as `npm start` starts it, on `database`, with the web chat rate limits lifted. */
export async function startKefu(root: string, database: Database, telegramApi: string): Promise<Target> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kefu-bench-data-'));
  const env = {
    ...process.env, LOG_LEVEL: 'info', KEFU_DATA_DIR: dataDir, DATABASE_URL: database.url, HOST: '127.0.0.1',
    KEFU_SECRET: randomBytes(24).toString('hex'),
  };
  // The agent path signs in; the account is made the way an admin makes it.
  await promisify(execFile)(process.execPath, [join(root, 'dist', 'cli', 'main.js'), 'user', 'add', '--email', BENCH_AGENT.email, '--password', BENCH_AGENT.password, '--role', 'agent'], { cwd: root, env });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const { flags, env: startEnv } = startFlags(root);
  const child = spawnNode(join(root, 'dist', 'app', 'main.js'), [], {
    cwd: root, flags,
    env: {
      ...env, ...startEnv, PORT: String(port),
      KEFU_WEBCHAT_CONVERSATIONS_PER_MINUTE: '100000', KEFU_WEBCHAT_MESSAGES_PER_MINUTE: '100000',
      TELEGRAM_BOT_TOKEN: '123456789:kefu-bench', TELEGRAM_API_ROOT: telegramApi,
      TELEGRAM_WEBHOOK_URL: `${base}${TELEGRAM_WEBHOOK_PATH}`, TELEGRAM_WEBHOOK_SECRET,
    },
  });
  const stop = async (): Promise<void> => {
    await stopChild(child);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitFor(async () => {
      // A checkout older than /readyz (benched with --root) reports channels on /healthz.
      const ready = await fetch(`${base}/readyz`);
      const answer = ready.status === 404 ? await fetch(`${base}/healthz`) : ready;
      const health = (await answer.json()) as { channels?: { telegram?: { status?: string } } };
      return health.channels?.telegram?.status === 'up';
    }, 180_000, () => child.exitCode !== null);
  } catch (error) {
    await stop();
    throw error;
  }
  return { label: `Kefu (${database.label})`, url: base, pid: child.pid ?? 0, stop };
}

/**
 * The bare express 5 JSON echo (echo-server.ts), started with the Node flags of the Kefu under test. The echo is always
 * this bench's own, so an older checkout benched with --root needs no echo of its own.
 */
export async function startEcho(root: string): Promise<Target> {
  const port = await freePort();
  const { flags, env } = startFlags(root);
  const echoServer = fileURLToPath(new URL('echo-server.js', import.meta.url));
  const child = spawnNode(echoServer, [String(port)], { cwd: root, flags, env: { ...process.env, ...env } });
  const base = `http://127.0.0.1:${port}`;
  await waitFor(async () => (await fetch(base, { method: 'POST' })).ok, 20_000, () => child.exitCode !== null);
  return { label: 'express echo', url: base, pid: child.pid ?? 0, stop: () => stopChild(child) };
}
