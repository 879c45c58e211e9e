import { OrderAssistant } from '../../core/orders/order-assistant.js';
import { OrderDesk } from '../../core/orders/order-desk.js';
import type { AgentQueries } from '../../core/handoff/agent-queries.js';
import { OrderNumberRecognizer } from '../../core/orders/order-number.js';
import type { OrderPort } from '../../core/orders/order-ports.js';
import { OrderQuestionReader } from '../../core/orders/order-question-reader.js';
import type { Clock, Logger, Repositories } from '../../core/ports.js';
import type { TicketService } from '../../core/tickets/ticket-service.js';
import type { KefuConfig } from '../config.js';
import { demoOrders } from './demo-orders.js';
import { DEFAULT_REST_SETTINGS, RestOrderConnector } from './rest-order-connector.js';

export interface OrderModule {
  assistant: OrderAssistant;
  /** The connector KEFU_ORDERS chose. */
  port: OrderPort;
  /** The agent console's view of a conversation's orders. */
  desk: OrderDesk;
}

/** The order connector and the bot's order conversation; undefined with KEFU_ORDERS=off. */
export function composeOrders(
  config: KefuConfig, deps: { repos: Repositories; tickets: TicketService; queries: AgentQueries; clock: Clock; logger: Logger; port?: OrderPort },
): OrderModule | undefined {
  const settings = config.orders;
  if (settings.connector === 'off') return undefined;
  const { repos, tickets, clock, logger } = deps;
  const port = deps.port ?? (settings.connector === 'rest'
    ? new RestOrderConnector({ ...DEFAULT_REST_SETTINGS, url: settings.url, secret: settings.secret, timeoutMs: settings.timeoutMs }, clock, logger)
    : repos.storeOrders);
  const assistant = new OrderAssistant({
    orders: port,
    chats: repos.orderChats,
    reader: new OrderQuestionReader(new OrderNumberRecognizer(settings.numberPattern)),
    followUp: {
      async open({ conversation, kind, orderNumber, description }) {
        const type = kind === 'cancel' ? 'return_exchange' : 'logistics';
        return (await tickets.create(null, { type, description, orderNumber, conversationId: conversation.id }, 'conversation')).number;
      },
    },
    clock, logger,
    settings: { maxAttempts: settings.maxAttempts, timeZone: config.handoff.hours.timeZone },
  });
  const desk = new OrderDesk({ readable: (user, id) => deps.queries.readable(user, id), chats: repos.orderChats, orders: port, adminUrl: settings.adminUrl });
  return { assistant, port, desk };
}

/** Gives the demo store its orders once (README lists their numbers and phones). */
export async function seedDemoOrders(repos: Repositories, clock: Clock, logger: Logger): Promise<void> {
  if ((await repos.storeOrders.count()) > 0) return;
  const added = await repos.storeOrders.insertMany(demoOrders(clock.now()));
  logger.info({ added }, 'demo store: seeded its orders');
}
