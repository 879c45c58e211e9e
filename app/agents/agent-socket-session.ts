import type { RawData, WebSocket } from 'ws';
import { z } from 'zod';
import { isDomainError } from '../../core/errors.js';
import type { AgentQueries } from '../../core/handoff/agent-queries.js';
import { ALERTS_TOPIC } from '../../core/alerts/alert-types.js';
import { AGENT_EVENTS_TOPIC, notesTopic, type AgentEvent, type NotePublished } from '../../core/handoff/agent-views.js';
import type { Logger, MessageRepository, PubSub, Unsubscribe } from '../../core/ports.js';
import type { Session, User } from '../../core/types.js';
import { canReadAssigned, isSupervisor } from '../../core/users/access.js';
import { conversationTopic, toMessageView, type MessagePublished } from '../../core/views.js';
import { OrderedDelivery } from '../../bots/webchat/socket-delivery.js';
import { sessionTopic } from '../../core/users/auth-service.js';

export interface AgentSessionContext {
  user: User;
  session: Session;
  queries: AgentQueries;
  messages: MessageRepository;
  pubsub: PubSub;
  log: Logger;
  gapWaitMs: number;
}

const frames = z.discriminatedUnion('type', [
  z.object({ type: z.literal('watch'), conversationId: z.string().min(1).max(100), afterSeq: z.number().int().min(0).default(0) }),
  z.object({ type: z.literal('unwatch'), conversationId: z.string().min(1).max(100) }),
  z.object({ type: z.literal('ping') }),
]);

interface Watch {
  delivery: OrderedDelivery;
  unsubscribe: Unsubscribe[];
}

/** Whether an agent should hear of this event: supervisors hear everything, agents what is theirs or unassigned. */
export function visibleTo(user: User, event: AgentEvent): boolean {
  return event.type === 'presence' || canReadAssigned(user, event.assigneeId) || event.previousAssigneeId === user.id;
}

/** One console connection: queue and assignment events, plus the live messages and notes of watched conversations. */
export function runAgentSession(ws: WebSocket, ctx: AgentSessionContext): () => void {
  const { user } = ctx;
  const watches = new Map<string, Watch>();
  const send = (frame: object): void => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
  };

  function unwatch(conversationId: string): void {
    const watch = watches.get(conversationId);
    watch?.unsubscribe.forEach((u) => u());
    watch?.delivery.close();
    watches.delete(conversationId);
  }

  async function watch(conversationId: string, afterSeq: number): Promise<void> {
    await ctx.queries.readable(user, conversationId);
    unwatch(conversationId);
    const delivery = new OrderedDelivery(afterSeq, {
      fetchAfter: async (after) => (await ctx.messages.listByConversation(conversationId, { afterSeq: after })).map(toMessageView),
      send: (message) => send({ type: 'message', conversationId, message: ctx.queries.present(message) }),
      gapWaitMs: ctx.gapWaitMs,
      onSkip: (from, to) => ctx.log.warn({ conversationId, from, to }, 'skipped missing messages'),
    });
    const unsubscribe = [
      ctx.pubsub.subscribe(conversationTopic(conversationId), (p) => {
        if ((p as MessagePublished)?.type === 'message') delivery.offer((p as MessagePublished).message).catch(() => undefined);
      }),
      ctx.pubsub.subscribe(notesTopic(conversationId), (p) => send({ type: 'note', note: (p as NotePublished).note })),
    ];
    watches.set(conversationId, { delivery, unsubscribe });
    await delivery.catchUp();
    send({ type: 'watching', conversationId, lastSeq: delivery.lastSeq });
  }

  const onEvent = (payload: unknown): void => {
    const event = payload as AgentEvent;
    if (event.type === 'conversation' && watches.has(event.conversationId)) {
      if (!canReadAssigned(user, event.assigneeId)) {
        unwatch(event.conversationId);
        send({ type: 'unwatched', conversationId: event.conversationId });
      }
    }
    if (visibleTo(user, event)) send({ type: 'event', event });
  };
  const subscriptions = [
    ctx.pubsub.subscribe(AGENT_EVENTS_TOPIC, onEvent),
    // Alerts (SLA, low satisfaction, queue, channels, abuse) reach supervisors and admins live.
    ...(isSupervisor(user) ? [ctx.pubsub.subscribe(ALERTS_TOPIC, (alert) => send(alert as object))] : []),
    ctx.pubsub.subscribe(sessionTopic(ctx.session.id), () => ws.close(4401, 'signed out')),
  ];

  let chain = Promise.resolve();
  ws.on('message', (data: RawData) => {
    chain = chain.then(async () => {
      let frame;
      try {
        frame = frames.parse(JSON.parse(data.toString()));
      } catch {
        return send({ type: 'error', error: { code: 'invalid_input', message: 'Unknown frame.' } });
      }
      if (frame.type === 'ping') return send({ type: 'pong' });
      if (frame.type === 'unwatch') return unwatch(frame.conversationId);
      try {
        await watch(frame.conversationId, frame.afterSeq);
      } catch (err) {
        if (!isDomainError(err)) ctx.log.error({ err, conversationId: frame.conversationId }, 'watch failed');
        const error = isDomainError(err) ? { code: err.code, message: err.userMessage } : { code: 'internal', message: 'Something went wrong.' };
        send({ type: 'error', conversationId: frame.conversationId, error });
      }
    });
  });
  send({ type: 'ready', user: { id: user.id, role: user.role } });

  return () => {
    subscriptions.forEach((u) => u());
    [...watches.keys()].forEach(unwatch);
  };
}
