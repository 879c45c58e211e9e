import type { ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import type { Logger } from '../../core/ports.js';

/**
 * Counts requests at work and, once shutdown begins, refuses new ones with a clean 503 (the client retries on another
 * instance) while those at work finish. Keep-alive connections are told to close after their current answer.
 */
export class RequestGate {
  private readonly inFlight = new Set<ServerResponse>();
  private closing = false;
  private refusedCount = 0;
  private idle: Array<() => void> = [];

  constructor(private readonly logger: Logger) {}

  readonly middleware: RequestHandler = (req, res, next) => {
    if (this.closing) {
      res.setHeader('Connection', 'close');
      this.refusedCount += 1;
      if (this.refusedCount === 1) this.logger.info({ method: req.method, path: req.path }, 'refusing new requests while shutting down');
      res.setHeader('Retry-After', '1');
      res.status(503).json({ error: { code: 'unavailable', message: 'The server is restarting. Please try again in a moment.' } });
      return;
    }
    this.inFlight.add(res);
    res.once('close', () => {
      this.inFlight.delete(res);
      if (this.inFlight.size === 0) for (const resolve of this.idle.splice(0)) resolve();
    });
    next();
  };

  get shuttingDown(): boolean {
    return this.closing;
  }

  get refused(): number {
    return this.refusedCount;
  }

  get active(): number {
    return this.inFlight.size;
  }

  /** Refuses new requests from now on; resolves when every request at work has been answered. */
  close(): Promise<void> {
    this.closing = true;
    // Their answers say `Connection: close`, so no client sends another request down a socket about to be cut.
    for (const res of this.inFlight) if (!res.headersSent) res.shouldKeepAlive = false;
    if (this.inFlight.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }
}
