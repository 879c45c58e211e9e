import type { RequestHandler } from 'express';
import { DomainError } from '../../core/errors.js';

export interface AdmissionLimits {
  /** API requests handled at once; more wait their turn. */
  maxInFlight: number;
  /** Requests waiting for a turn; beyond it a request is refused at once. */
  maxQueued: number;
  /** The longest a request waits for its turn before it is refused. */
  maxWaitMs: number;
}

export const DEFAULT_ADMISSION: AdmissionLimits = { maxInFlight: 64, maxQueued: 1024, maxWaitMs: 1000 };

/**
 * Back-pressure for the API: a bounded number of requests at work and a bounded, time-limited wait for the rest, so an
 * overload is answered with a quick 503 and `Retry-After` (nothing stored, safe to resend) instead of answers that
 * take seconds or memory that grows without bound.
 */
export function admission(limits: AdmissionLimits): RequestHandler {
  let inFlight = 0;
  const waiting: Array<() => void> = [];
  const release = (): void => {
    inFlight -= 1;
    waiting.shift()?.();
  };
  const busy = (why: string) => new DomainError('unavailable', why, { userMessage: 'The service is busy. Please try again in a moment.', details: { retryAfterSeconds: 1 } });
  return (_req, res, next) => {
    const admit = (): void => {
      inFlight += 1;
      res.once('close', release);
      next();
    };
    if (inFlight < limits.maxInFlight) return admit();
    if (waiting.length >= limits.maxQueued) return next(busy('admission queue full'));
    const turn = (): void => {
      clearTimeout(timer);
      admit();
    };
    const timer = setTimeout(() => {
      const at = waiting.indexOf(turn);
      if (at >= 0) waiting.splice(at, 1);
      next(busy('waited too long for a turn'));
    }, limits.maxWaitMs);
    waiting.push(turn);
  };
}
