import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import type { Logger } from '../core/ports.js';

/**
 * A malformed frame from a peer (too large, invalid UTF-8, unmasked, bad opcode) makes `ws` emit 'error' and close
 * the socket with the right code. An 'error' event nobody listens to is thrown by Node and stops the process, so every
 * accepted socket gets this listener first.
 */
export function logProtocolErrors(ws: WebSocket, log: Logger): void {
  ws.on('error', (err: Error & { code?: string }) => {
    log.warn({ code: err.code ?? 'unknown' }, 'websocket closed after a protocol error');
  });
}

/**
 * Node removes its own error listener from a socket once it is handed to 'upgrade' listeners, so a reset during the
 * handshake (or on a path nobody serves) would be thrown as well. This runs before the socket servers' listeners: it
 * guards every upgrading socket and refuses paths that no socket server owns.
 */
export function guardUpgrades(server: Server, ownedPaths: readonly string[], log: Logger, shuttingDown: () => boolean = () => false): void {
  server.prependListener('upgrade', (req: IncomingMessage, socket: Duplex) => {
    socket.on('error', (err: Error & { code?: string }) => log.debug({ code: err.code }, 'upgrade socket error'));
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    // While shutting down the socket servers are closing: the client retries, on another instance.
    if (shuttingDown()) return void socket.end('HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    if (ownedPaths.includes(path)) return;
    socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });
}

/** Asks a client to reconnect (1001 going away, 1012 service restart) and cuts the socket if it does not close in time. */
export function closeForRestart(ws: WebSocket, code: 1001 | 1012, timeoutMs = 1000): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => ws.terminate(), timeoutMs);
    ws.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
    ws.close(code, 'server restarting');
  });
}
