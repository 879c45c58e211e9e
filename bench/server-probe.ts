import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, postJson, residentMb, startFlags, waitFor } from './server/processes.js';

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
  const { flags, env } = startFlags(root);
  const child = spawn(process.execPath, [...flags, main], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', KEFU_DATA_DIR: dataDir, DATABASE_URL: `file:${join(dataDir, 'kefu.db')}`, LOG_LEVEL: 'warn' },
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitFor(async () => (await fetch(`${base}/healthz`)).ok, 30_000, () => child.exitCode !== null);
    const start = (await (await fetch(`${base}/api/webchat/conversations`, postJson({}))).json()) as { conversationId: string; token: string };
    const sent = await fetch(`${base}/api/webchat/conversations/${start.conversationId}/messages`, postJson({ text: '我想退货，怎么操作？' }, { authorization: `Bearer ${start.token}` }));
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
