import { randomUUID } from 'node:crypto';
import { Router, type RequestHandler } from 'express';
import type { ConversationService } from '../../core/conversation-service.js';
import { DomainError } from '../../core/errors.js';
import { systemClock, type Clock, type Logger } from '../../core/ports.js';
import { toMessageView, toReply } from '../../core/views.js';
import type { WebchatInbound } from './webchat-adapter.js';
import { authorize, bearerToken, parseInput } from './webchat-auth.js';
import { decode } from './webchat-codec.js';
import { DEFAULT_WEBCHAT_LIMITS, WebchatRateLimiter } from './webchat-limits.js';
import { sendMessageBody, startConversationBody, transcriptQuery } from './webchat-schemas.js';
import { unlessAlreadyStored, type StoredMessages } from './stored-resend.js';
import { WebchatTokens } from './webchat-token.js';

export type WebchatConversations = Pick<ConversationService, 'startConversation' | 'getConversation' | 'transcript'>;

export interface WebchatDeps {
  conversations: WebchatConversations;
  /** The running web chat adapter: visitors' messages enter core through its `ChannelContext`, as on every channel. */
  inbound: WebchatInbound;
  /** Signs conversation tokens (KEFU_SECRET); every instance must share it. */
  secret: string;
  /** How long a conversation token is valid (KEFU_WEBCHAT_TOKEN_TTL_HOURS). */
  tokenTtlMs?: number;
  logger: Logger;
  maxTextLength: number;
  clock?: Clock;
  /** Shared by the HTTP routes and the socket, so both ways of sending count against one budget. */
  limiter?: WebchatRateLimiter;
  /** Where a rate-limited resend of an acknowledged message finds its original and replies. */
  messages: StoredMessages;
}

/** The widget may be embedded on the shop's own domain; auth is a bearer token, never a cookie, so any origin is safe. */
const cors: RequestHandler = (req, res, next) => {
  res.setHeader('Access-Control-Allow-Origin', '*');
  if (req.method !== 'OPTIONS') return next();
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
  res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type');
  res.setHeader('Access-Control-Max-Age', '600');
  res.status(204).end();
};

export function createWebchatRouter(deps: WebchatDeps): Router {
  const router = Router();
  const tokens = new WebchatTokens(deps.secret, deps.tokenTtlMs === undefined ? {} : { ttlMs: deps.tokenTtlMs });
  const clock = deps.clock ?? systemClock;
  const limiter = deps.limiter ?? new WebchatRateLimiter(clock, DEFAULT_WEBCHAT_LIMITS);
  const messageBody = sendMessageBody(deps.maxTextLength);
  const log = deps.logger.child({ channel: 'webchat' });
  router.use('/api/webchat', cors);

  router.post('/api/webchat/conversations', async (req, res) => {
    const body = parseInput(startConversationBody, req.body ?? {});
    limiter.newConversation(req.ip ?? req.socket.remoteAddress ?? 'unknown');
    // A returning visitor proves the id with the token we gave them; a bare id would let anyone join another's history.
    if (body.visitorId && !(body.visitorToken && tokens.verifyVisitor(body.visitorId, body.visitorToken))) {
      throw new DomainError('forbidden', 'visitor id without its visitor token', {
        userMessage: 'visitorToken does not match visitorId; start without visitorId to begin as a new visitor',
      });
    }
    const visitorId = body.visitorId ?? `v-${randomUUID()}`;
    const conversation = await deps.conversations.startConversation({
      channel: 'webchat',
      sender: { externalId: visitorId },
      ...(body.lang ? { lang: body.lang } : {}),
    });
    const { token, expiresAt } = tokens.issueWithExpiry({ conversationId: conversation.id, visitorId });
    res.status(201).json({ conversationId: conversation.id, token, expiresAt: expiresAt.toISOString(), visitorId, visitorToken: tokens.visitorToken(visitorId) });
  });

  // A still-valid token buys a fresh one; an expired one does not (the visitor starts over, joining their history).
  router.post('/api/webchat/conversations/:id/token', async (req, res) => {
    const grant = authorize(tokens, bearerToken(req.get('authorization')), req.params.id);
    await deps.conversations.getConversation(grant.conversationId);
    const { token, expiresAt } = tokens.issueWithExpiry(grant);
    res.json({ token, expiresAt: expiresAt.toISOString() });
  });

  router.post('/api/webchat/conversations/:id/messages', async (req, res) => {
    const grant = authorize(tokens, bearerToken(req.get('authorization')), req.params.id);
    const body = parseInput(messageBody, req.body);
    const stored = await unlessAlreadyStored(() => limiter.message(grant.conversationId), deps.messages, grant.conversationId, body.clientMessageId);
    const result = stored ? { ...stored, duplicate: true } : await deps.inbound.receive(decode(body, { ...grant, receivedAt: clock.now() }));
    log.debug({ conversationId: grant.conversationId, seq: result.message.seq, duplicate: result.duplicate }, 'web chat message');
    res.json({
      message: toMessageView(result.message),
      replies: result.replies.map(toReply),
      replyMessages: result.replies.map(toMessageView),
      duplicate: result.duplicate,
    });
  });

  router.get('/api/webchat/conversations/:id/messages', async (req, res) => {
    const grant = authorize(tokens, bearerToken(req.get('authorization')), req.params.id);
    const query = parseInput(transcriptQuery, req.query);
    const messages = await deps.conversations.transcript(grant.conversationId, query.afterSeq ? { afterSeq: query.afterSeq } : {});
    res.json({ messages: messages.map(toMessageView) });
  });

  return router;
}
