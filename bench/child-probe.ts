import { spawn } from 'node:child_process';

export interface ProbeResult {
  /** Spawn → the child's first answer, in ms (includes Node start-up, loading and building). */
  firstAnswerMs: number;
  rssMb: number;
}

/** Runs a probe script in a fresh `node --expose-gc` and collects its two JSON lines. */
export function runProbe(script: string, timeoutMs = 120_000): Promise<ProbeResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--expose-gc', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    let buffer = '';
    let firstAnswerMs = NaN;
    let rssMb = NaN;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffer += chunk;
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        const event = JSON.parse(line) as { event: string; rssMb?: number };
        if (event.event === 'answered') firstAnswerMs = performance.now() - started;
        if (event.event === 'memory') rssMb = event.rssMb ?? NaN;
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0 && !Number.isNaN(rssMb)) resolve({ firstAnswerMs, rssMb });
      else reject(new Error(`${script} exited with ${code}`));
    });
  });
}
