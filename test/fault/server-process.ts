import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ServerProcess {
  port: number;
  url: string;
  child: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  alive(): boolean;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** The compiled server (`dist/app/main.js`, built by `npm test` before jest) as its own process on a fresh SQLite file. */
export async function startServerProcess(env: Record<string, string> = {}): Promise<ServerProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'kefu-proc-'));
  const port = await freePort();
  let output = '';
  const child = spawn(process.execPath, ['dist/app/main.js'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: `file:${join(dir, 'kefu.db')}`, KEFU_DATA_DIR: dir,
      KEFU_SECRET: 'test-secret-for-process-0123456789abcdef', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const server: ServerProcess = {
    port, url, child,
    output: () => output,
    alive: () => child.exitCode === null && child.signalCode === null,
    async stop() {
      if (server.alive()) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  const deadline = Date.now() + 30_000;
  while (!(await healthy(url))) {
    if (!server.alive() || Date.now() > deadline) {
      await server.stop();
      throw new Error(`server did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return server;
}

export async function healthy(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) })).ok;
  } catch {
    return false;
  }
}

export interface Launch {
  child: ChildProcess;
  url: string;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  /** Resolves when every process holding its output (the server too, under npm or `kefu start`) has exited. */
  outputClosed: Promise<void>;
}

export type How = 'direct' | 'kefu start' | 'npm start';

const COMMANDS: Record<How, [string, string[]]> = {
  direct: [process.execPath, ['dist/app/main.js']],
  'kefu start': [process.execPath, ['bin/kefu.js', 'start']],
  'npm start': ['npm', ['start', '--silent']],
};

/** The server started the way an operator would (`how`), on `port`, as the leader of its own process group. */
export function launch(how: How, port: number, env: Record<string, string>): Launch {
  const [command, args] = COMMANDS[how];
  const child = spawn(command, args, {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ...env },
    // Its own process group, so the test can signal the group the way a process manager does.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() }));
  });
  const outputClosed = new Promise<void>((resolve) => child.stdout?.once('close', () => resolve()));
  return { child, url: `http://127.0.0.1:${port}`, output: () => output, exited, outputClosed };
}

export async function waitUntilHealthy(server: Launch): Promise<void> {
  for (const deadline = Date.now() + 180_000; Date.now() < deadline;) {
    if (server.child.exitCode !== null) throw new Error(`server exited while starting:\n${server.output()}`);
    if (await healthy(server.url)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not start:\n${server.output()}`);
}
