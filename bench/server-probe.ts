import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ServerProbe {
  /** Spawn → a web chat message answered by the bot, in ms. */
  firstAnswerMs: number;
  /** Resident memory once /healthz answers and one conversation has been served. */
  rssMb: number;
  reply: string;
}

/** Starts the real server (dist/app/main.js) on a fresh SQLite file and a free port; null when it is not built. */
export async function probeServer(root: string): Promise<ServerProbe | null> {
  const main = join(root, 'dist', 'app', 'main.js');
  if (!existsSync(main)) return null;
  const dataDir = mkdtempSync(join(tmpdir(), 'kefu-bench-'));
  const port = await freePort();
  const started = performance.now();
  // The same V8 flags and allocator setting `npm start` uses (package.json config).
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { config?: { serverNodeFlags?: string; mallocArenaMax?: string } };
  const flags = (pkg.config?.serverNodeFlags ?? '').split(/\s+/).filter(Boolean);
  const child = spawn(process.execPath, [...flags, main], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, MALLOC_ARENA_MAX: pkg.config?.mallocArenaMax ?? '', PORT: String(port), HOST: '127.0.0.1', KEFU_DATA_DIR: dataDir, DATABASE_URL: `file:${join(dataDir, 'kefu.db')}`, LOG_LEVEL: 'warn' },
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitFor(async () => (await fetch(`${base}/healthz`)).ok, 30_000, () => child.exitCode !== null);
    const start = (await (await fetch(`${base}/api/webchat/conversations`, post({}))).json()) as { conversationId: string; token: string };
    const sent = await fetch(`${base}/api/webchat/conversations/${start.conversationId}/messages`, post({ text: '我想退货，怎么操作？' }, start.token));
    const body = (await sent.json()) as { replies?: { kind: string }[] };
    const firstAnswerMs = performance.now() - started;
    const reply = body.replies?.map((r) => r.kind).join('+') ?? `HTTP ${sent.status}`;
    const rssMb = residentMb(child.pid ?? 0);
    return { firstAnswerMs, rssMb, reply };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function post(body: unknown, token?: string): RequestInit {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  return { method: 'POST', headers, body: JSON.stringify(body) };
}

function residentMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, dead: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (dead()) throw new Error('server exited before answering /healthz');
    try {
      if (await check()) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('server did not answer /healthz in time');
}
