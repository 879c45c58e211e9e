import { Worker } from 'node:worker_threads';

// Runs in its own thread, so a test that keeps its own event loop busy (building big frames, parsing answers) cannot
// make the server look unresponsive.
const POLLER = `
const { parentPort, workerData } = require('node:worker_threads');
const { url, everyMs, timeoutMs } = workerData;
let stopped = false;
parentPort.on('message', () => { stopped = true; });
(async () => {
  while (!stopped) {
    const started = Date.now();
    let problem = null;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
      await res.arrayBuffer();
      if (!res.ok) problem = 'status ' + res.status;
    } catch (err) {
      problem = err && err.name === 'TimeoutError' ? 'no answer within ' + timeoutMs + ' ms' : String(err && err.cause ? err.cause.code || err.cause : err);
    }
    parentPort.postMessage({ at: new Date(started).toISOString(), ms: Date.now() - started, problem });
    await new Promise((r) => setTimeout(r, everyMs));
  }
  parentPort.postMessage('stopped');
})();
`;

export interface HealthSample {
  at: string;
  ms: number;
  problem: string | null;
}

/** Asks `url` (e.g. …/healthz) every `everyMs` from another thread until stopped; keeps every answer. */
export class HealthWatchdog {
  readonly samples: HealthSample[] = [];
  private readonly worker: Worker;
  private readonly finished: Promise<void>;

  constructor(url: string, options: { everyMs?: number; timeoutMs?: number } = {}) {
    this.worker = new Worker(POLLER, { eval: true, workerData: { url, everyMs: options.everyMs ?? 100, timeoutMs: options.timeoutMs ?? 5000 } });
    this.finished = new Promise((resolve) => {
      this.worker.on('message', (m: HealthSample | 'stopped') => (m === 'stopped' ? resolve() : this.samples.push(m)));
      this.worker.on('exit', () => resolve());
    });
  }

  /** Every sample that did not get a 2xx in time. */
  get failures(): HealthSample[] {
    return this.samples.filter((s) => s.problem !== null);
  }

  async stop(): Promise<HealthSample[]> {
    this.worker.postMessage('stop');
    await this.finished;
    await this.worker.terminate();
    return this.failures;
  }
}
