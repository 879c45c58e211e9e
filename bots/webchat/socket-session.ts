import type { RawData, WebSocket } from 'ws';
import { isDomainError } from '../../core/errors.js';
import type { Clock, Logger, PubSub } from '../../core/ports.js';
import { toMessageView, type MessagePublished } from '../../core/views.js';
import { decode, type WebchatOutboundPublished } from './webchat-codec.js';
import type { WebchatInbound } from './webchat-adapter.js';
import type { WebchatConversations } from './webchat-router.js';
import { socketInbound } from './webchat-schemas.js';
import type { WebchatGrant } from './webchat-token.js';
import { OrderedDelivery } from './socket-delivery.js';
import { unlessAlreadyStored, type StoredMessages } from './stored-resend.js';
import type { WebchatRateLimiter } from './webchat-limits.js';

export interface SocketSessionContext {
  conversations: WebchatConversations;
  inbound: WebchatInbound;
  pubsub: PubSub;
  clock: Clock;
  log: Logger;
  maxTextLength: number;
  limiter?: WebchatRateLimiter;
  messages: StoredMessages;
  grant: WebchatGrant;
  afterSeq: number;
  topic: string;
  gapWaitMs?: number;
  /** Frames the client sent before the session was ready. */
  early: RawData[];
}

type Published = MessagePublished | WebchatOutboundPublished;

const isPublished = (p: unknown): p is Published =>
  typeof p === 'object' && p !== null && ((p as Published).type === 'message' || (p as Published).type === 'outbound');

const MAX_WAITING_FRAMES = 64;
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** One authenticated viewer: subscribe first, then the backlog, then live messages, each once and in seq order. */
export function runSocketSession(ws: WebSocket, ctx: SocketSessionContext): void {
  const { conversationId } = ctx.grant;
  const log = ctx.log.child({ conversationId });
  const frames = socketInbound(ctx.maxTextLength);
  const sendFrame = (frame: object): void => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
  };
  if (ws.readyState !== ws.OPEN) return;

  const delivery = new OrderedDelivery(ctx.afterSeq, {
    fetchAfter: async (afterSeq) => (await ctx.conversations.transcript(conversationId, { afterSeq })).map(toMessageView),
    send: (message) => sendFrame({ type: 'message', message }),
    gapWaitMs: ctx.gapWaitMs ?? 500,
    onSkip: (from, to) => log.warn({ from, to }, 'skipped missing messages'),
  });
  const unsubscribe = ctx.pubsub.subscribe(ctx.topic, (payload) => {
    if (!isPublished(payload)) return;
    if (payload.type === 'outbound') return sendFrame({ type: 'notice', message: payload.message });
    delivery.offer(payload.message).catch((err: unknown) => log.warn({ err }, 'live delivery failed'));
  });
  ws.on('close', () => {
    unsubscribe();
    delivery.close();
  });

  async function onFrame(data: RawData): Promise<void> {
    let json: unknown;
    try {
      json = JSON.parse(data.toString());
    } catch {
      return sendFrame({ type: 'error', error: { code: 'invalid_json', message: 'Frames must be JSON.' } });
    }
    const parsed = frames.safeParse(json);
    if (!parsed.success) {
      return sendFrame({ type: 'error', error: { code: 'invalid_input', message: parsed.error.issues.map((i) => i.message).join('; ') } });
    }
    if (parsed.data.type === 'ping') return sendFrame({ type: 'pong' });
    const { clientMessageId } = parsed.data;
    try {
      const take = () => ctx.limiter?.message(conversationId);
      const stored = await unlessAlreadyStored(take, ctx.messages, conversationId, clientMessageId);
      const result = stored ? { ...stored, duplicate: true } : await ctx.inbound.receive(decode(parsed.data, { ...ctx.grant, receivedAt: ctx.clock.now() }));
      sendFrame({ type: 'ack', clientMessageId, seq: result.message.seq, duplicate: result.duplicate });
    } catch (err) {
      if (!isDomainError(err)) log.error({ err }, 'socket message failed');
      const error = isDomainError(err) ? { code: err.code, message: err.userMessage } : { code: 'internal', message: 'Something went wrong.' };
      sendFrame({ type: 'error', clientMessageId, error });
    }
  }

  // Frames are handled one at a time, after the backlog, so a client's messages are stored in the order it sent them.
  // Each waits for a turn of the event loop first: SQLite answers synchronously, so a chain of frames would otherwise
  // run as one long string of microtasks and starve every other request (health checks included) until it ends.
  const ready = delivery.catchUp().then(() => sendFrame({ type: 'ready', lastSeq: delivery.lastSeq }));
  let inbound: Promise<void> = ready;
  let waiting = 0;
  const handle = (data: RawData): void => {
    // A widget sends a message at a time; a client that piles up frames faster than they are handled is not one.
    if (++waiting > MAX_WAITING_FRAMES) return void ws.close(1008, 'too many frames waiting');
    inbound = inbound.then(nextTurn).then(() => onFrame(data)).finally(() => void waiting--);
  };
  ctx.early.forEach(handle);
  ws.on('message', handle);
  ready.catch((err: unknown) => {
    log.error({ err }, 'backlog fetch failed');
    ws.close(1011, 'internal error');
  });
}
