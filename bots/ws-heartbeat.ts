import type { WebSocket, WebSocketServer } from 'ws';

/**
 * Drops sockets whose peer stopped answering pings (a phone that went to sleep, a closed laptop): each interval a
 * socket that did not answer the previous ping is terminated, the others are pinged again.
 */
export class Heartbeat {
  private readonly alive = new WeakMap<WebSocket, boolean>();
  private readonly timer: NodeJS.Timeout;

  constructor(wss: WebSocketServer, intervalMs: number) {
    this.timer = setInterval(() => {
      for (const ws of wss.clients) {
        if (!this.alive.get(ws)) {
          ws.terminate();
          continue;
        }
        this.alive.set(ws, false);
        ws.ping();
      }
    }, intervalMs);
    this.timer.unref();
  }

  /** Call once for each accepted socket. */
  track(ws: WebSocket): void {
    this.alive.set(ws, true);
    ws.on('pong', () => this.alive.set(ws, true));
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
