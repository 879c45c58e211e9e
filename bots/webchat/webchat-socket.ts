import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { isDomainError } from '../../core/errors.js';
import { systemClock, type PubSub } from '../../core/ports.js';
import { conversationTopic } from '../../core/views.js';
import type { WebchatDeps } from './webchat-router.js';
import { socketQuery } from './webchat-schemas.js';
import { runSocketSession } from './socket-session.js';
import { WebchatTokens } from './webchat-token.js';
import { Heartbeat } from '../ws-heartbeat.js';
import { closeForRestart, logProtocolErrors } from '../socket-guard.js';

export interface WebchatSocketDeps extends WebchatDeps {
  pubsub: PubSub;
  path?: string;
  heartbeatMs?: number;
  gapWaitMs?: number;
}

export interface WebchatSocketHandle {
  readonly path: string;
  readonly clientCount: number;
  /** Closes every socket (1001) and stops listening; call before `server.close()`, which ignores upgraded sockets. */
  close(): Promise<void>;
}

/** Close codes a widget can act on: 4401/4403/4404 mean "start a new conversation", others "reconnect". */
export const CLOSE = { badRequest: 4400, unauthorized: 4401, forbidden: 4403, notFound: 4404, shutdown: 1001, error: 1011 } as const;

export function attachWebchatSocket(server: Server, deps: WebchatSocketDeps): WebchatSocketHandle {
  const path = deps.path ?? '/api/webchat/ws';
  const log = deps.logger.child({ channel: 'webchat' });
  const tokens = new WebchatTokens(deps.secret);
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const heartbeat = new Heartbeat(wss, deps.heartbeatMs ?? 30_000);

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== path) return; // another listener (or nobody) owns this path
    wss.handleUpgrade(req, socket, head, (ws) => {
      logProtocolErrors(ws, log);
      heartbeat.track(ws);
      // Frames sent before the session is set up are kept, not dropped.
      const early: RawData[] = [];
      const keep = (data: RawData): void => void early.push(data);
      ws.on('message', keep);
      void accept(ws, url.searchParams, () => (ws.off('message', keep), early)).catch((err: unknown) => {
        log.error({ err }, 'web chat socket failed');
        ws.close(CLOSE.error, 'internal error');
      });
    });
  };

  async function accept(ws: WebSocket, params: URLSearchParams, takeEarly: () => RawData[]): Promise<void> {
    const query = socketQuery.safeParse(Object.fromEntries(params));
    if (!query.success) return ws.close(CLOSE.badRequest, 'conversationId and token are required');
    const grant = tokens.verify(query.data.token);
    if (!grant) return ws.close(CLOSE.unauthorized, 'invalid token');
    if (grant.conversationId !== query.data.conversationId) return ws.close(CLOSE.forbidden, 'token is for another conversation');
    try {
      await deps.conversations.getConversation(grant.conversationId);
    } catch (err) {
      if (isDomainError(err) && err.code === 'not_found') return ws.close(CLOSE.notFound, 'conversation not found');
      throw err;
    }
    runSocketSession(ws, { ...deps, clock: deps.clock ?? systemClock, grant, afterSeq: query.data.afterSeq ?? 0, early: takeEarly(), topic: conversationTopic(grant.conversationId), log });
  }


  server.on('upgrade', onUpgrade);
  return {
    path,
    get clientCount() {
      return wss.clients.size;
    },
    async close() {
      heartbeat.stop();
      server.off('upgrade', onUpgrade);
      const closing = [...wss.clients].map((ws) => closeForRestart(ws, CLOSE.shutdown));
      await Promise.all(closing);
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
