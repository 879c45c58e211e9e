import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { AgentDesk } from '../../core/handoff/agent-desk.js';
import type { AgentQueries } from '../../core/handoff/agent-queries.js';
import type { Logger, MessageRepository, PubSub, UserRepository } from '../../core/ports.js';
import type { AuthService } from '../../core/users/auth-service.js';
import { runAgentSession } from './agent-socket-session.js';
import { sameOrigin, sessionToken } from './session-auth.js';
import { Heartbeat } from '../../bots/ws-heartbeat.js';
import { closeForRestart, logProtocolErrors } from '../../bots/socket-guard.js';

export interface AgentSocketDeps {
  auth: AuthService;
  queries: AgentQueries;
  desk: AgentDesk;
  users: UserRepository;
  messages: MessageRepository;
  pubsub: PubSub;
  logger: Logger;
  path?: string;
  heartbeatMs?: number;
  gapWaitMs?: number;
  /** An agent whose last console closed is marked offline after this long (so routing stops choosing them). */
  presenceGraceMs?: number;
}

export interface AgentSocketHandle {
  readonly path: string;
  readonly clientCount: number;
  close(): Promise<void>;
}

/** The console's live channel at /api/agent/ws, signed in by the session cookie (4401 without one, 4403 cross-site). */
export function attachAgentSocket(server: Server, deps: AgentSocketDeps): AgentSocketHandle {
  const path = deps.path ?? '/api/agent/ws';
  const log = deps.logger.child({ component: 'agent-socket' });
  const wss = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 });
  const heartbeat = new Heartbeat(wss, deps.heartbeatMs ?? 30_000);
  const open = new Map<string, number>();
  const offlineTimers = new Map<string, NodeJS.Timeout>();
  let closed = false;

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    if (new URL(req.url ?? '/', 'http://localhost').pathname !== path) return;
    wss.handleUpgrade(req, socket, head, (ws) => {
      logProtocolErrors(ws, log);
      heartbeat.track(ws);
      void accept(ws, req).catch((err: unknown) => {
        log.error({ err }, 'agent socket failed');
        ws.close(1011, 'internal error');
      });
    });
  };

  async function accept(ws: WebSocket, req: IncomingMessage): Promise<void> {
    // Cookies ride along on cross-site socket requests too; only our own pages may open one.
    if (!sameOrigin(req)) return ws.close(4403, 'cross-site socket refused');
    const found = await deps.auth.authenticate(sessionToken(req));
    if (!found) return ws.close(4401, 'sign in first');
    if (ws.readyState !== ws.OPEN) return;
    const { user } = found;
    clearTimeout(offlineTimers.get(user.id));
    open.set(user.id, (open.get(user.id) ?? 0) + 1);
    const stop = runAgentSession(ws, { ...found, queries: deps.queries, messages: deps.messages, pubsub: deps.pubsub, log, gapWaitMs: deps.gapWaitMs ?? 500 });
    const recheck = setInterval(() => {
      void deps.auth.authenticate(sessionToken(req)).then((still) => still || ws.close(4401, 'session expired'));
    }, 60_000);
    ws.on('close', () => {
      stop();
      clearInterval(recheck);
      const left = (open.get(user.id) ?? 1) - 1;
      if (left > 0) return void open.set(user.id, left);
      open.delete(user.id);
      if (closed) return;
      const timer = setTimeout(() => void goOffline(user.id), deps.presenceGraceMs ?? 30_000);
      timer.unref();
      offlineTimers.set(user.id, timer);
    });
  }

  async function goOffline(userId: string): Promise<void> {
    offlineTimers.delete(userId);
    if (open.has(userId)) return;
    try {
      const user = await deps.users.get(userId);
      if (user && user.presence !== 'offline') await deps.desk.setPresence(user, 'offline');
    } catch (err) {
      log.warn({ err }, 'presence update failed');
    }
  }

  server.on('upgrade', onUpgrade);

  return {
    path,
    get clientCount() {
      return wss.clients.size;
    },
    async close() {
      closed = true;
      heartbeat.stop();
      offlineTimers.forEach((t) => clearTimeout(t));
      server.off('upgrade', onUpgrade);
      await Promise.all([...wss.clients].map((ws) => closeForRestart(ws, 1012)));
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
