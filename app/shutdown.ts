import type { Server } from 'node:http';
import type { Logger } from '../core/ports.js';
import type { RequestGate } from './http/request-gate.js';

export interface ShutdownPlan {
  logger: Logger;
  /** How long requests at work and workers get to finish. */
  graceMs: number;
  gate: RequestGate;
  server: Server;
  /** Websocket servers: each tells its clients to reconnect (to another instance) and closes. */
  sockets: ReadonlyArray<{ close(): Promise<void> }>;
  /** Background workers (outbox, SLA, recovery, channels): each stops after the item it is on, releasing its lease. */
  workers: ReadonlyArray<{ stop(): Promise<void> }>;
  /** Run in order once nothing else can use them: flush, pub/sub, database pool. */
  after: ReadonlyArray<() => Promise<unknown>>;
}

/** Steps past the grace period (closing sockets, pools) each get this long before they are given up on. */
const STEP_MS = 2000;

/** Resolves true when `work` settles within `ms`, false when it does not (it keeps running, unawaited). */
async function within(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([work.then(() => true, () => true), late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Stops an instance without losing work: no new connections, requests or websocket upgrades; socket clients told to
 * reconnect; requests at work and workers finish within the grace period; then whatever is left is cut and the pools
 * are closed. Every wait is bounded, so this always resolves.
 */
export async function shutDown(plan: ShutdownPlan): Promise<void> {
  const started = Date.now();
  const left = (): number => Math.max(0, started + plan.graceMs - Date.now());
  plan.logger.info({ graceMs: plan.graceMs, requestsAtWork: plan.gate.active }, 'shutting down: no new requests; finishing those at work');
  const listenerClosed = new Promise<void>((resolve) => plan.server.close(() => resolve()));
  plan.server.closeIdleConnections();
  const requests = plan.gate.close();
  const sockets = Promise.all(plan.sockets.map((s) => s.close()));
  const workers = Promise.all(plan.workers.map((w) => w.stop()));
  const drained = await within(requests, left());
  const workersStopped = await within(workers, Math.max(left(), STEP_MS));
  plan.server.closeAllConnections();
  await within(sockets, STEP_MS);
  await within(listenerClosed, STEP_MS);
  for (const step of plan.after) await within(step(), STEP_MS);
  const summary = { ms: Date.now() - started, refused: plan.gate.refused, unfinishedRequests: plan.gate.active, workersStopped };
  if (drained && workersStopped) plan.logger.info(summary, 'shut down');
  else plan.logger.warn(summary, 'shut down after the grace period; unfinished work was cut');
}
