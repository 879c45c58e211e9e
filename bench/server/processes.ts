import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** The V8 flags and allocator setting `npm start` uses (package.json `config`), so the bench runs the server alike. */
export function startFlags(root: string): { flags: string[]; env: Record<string, string> } {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { config?: { serverNodeFlags?: string; mallocArenaMax?: string } };
  return {
    flags: (pkg.config?.serverNodeFlags ?? '').split(/\s+/).filter(Boolean),
    env: pkg.config?.mallocArenaMax ? { MALLOC_ARENA_MAX: pkg.config.mallocArenaMax } : {},
  };
}

export function residentMb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function waitFor(check: () => Promise<boolean>, timeoutMs: number, dead: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (dead()) throw new Error('server exited before it answered');
    try {
      if (await check()) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('server did not answer in time');
}

export function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Highest resident memory of a process while sampling runs. */
export class RssSampler {
  peakMb = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly pid: number) {}

  start(): void {
    this.timer ??= setInterval(() => this.sample(), 200);
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.sample();
  }

  sample(): number {
    const mb = residentMb(this.pid);
    if (mb > this.peakMb) this.peakMb = mb;
    return mb;
  }
}

export function postJson(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

export function spawnNode(script: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; flags?: string[] }): ChildProcess {
  return spawn(process.execPath, [...(options.flags ?? []), script, ...args], { cwd: options.cwd, stdio: ['ignore', process.env.KEFU_BENCH_SERVER_LOG ? 'inherit' : 'ignore', 'inherit'], env: options.env });
}
