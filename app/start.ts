import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InProcessPubSub } from '../core/in-memory/in-process-pubsub.js';
import { systemClock, type Logger, type PubSub } from '../core/ports.js';
import { openStorage } from '../prisma/storage.js';
import { createWebchatRouter } from '../bots/webchat/webchat-router.js';
import { attachWebchatSocket } from '../bots/webchat/webchat-socket.js';
import { WebchatRateLimiter } from '../bots/webchat/webchat-limits.js';
import { agentRouters, attachAgentConsoleSocket } from './agents/agent-http.js';
import { createChannels, type RunningChannels } from './channels.js';
import { admission } from './http/admission.js';
import { createHttpApp } from './http/create-http-app.js';
import { knowledgeAdminRouters } from './http/admin-http.js';
import { ticketRouters } from './http/ticket-http.js';
import { composeServices, seedKnowledgeBase, type Services } from './compose.js';
import type { KefuConfig } from './config.js';
import { createLogger } from './logger.js';
import { resolveSecret } from './secret.js';
import { guardUpgrades } from '../bots/socket-guard.js';
import { setupRouters } from './setup/setup-http.js';
import { createApiDocsRouter } from './http/api-docs.js';
import { startUnansweredRecovery } from './unanswered-recovery.js';
import { RequestGate } from './http/request-gate.js';
import { READINESS_TIMEOUT_MS, readinessCheck } from './readiness.js';
import { shutDown } from './shutdown.js';
import { seedDemoOrders } from './orders/compose-orders.js';
import { createOrderRouter } from './orders/order-routes.js';

export interface RunningKefu {
  url: string;
  port: number;
  server: Server;
  services: Services;
  channels: RunningChannels;
  /** Graceful stop: refuse new work, let requests at work finish within `graceMs`, stop workers, close pools. */
  close(graceMs?: number): Promise<void>;
}

async function createPubSub(config: KefuConfig, logger: Logger): Promise<PubSub> {
  if (config.pubsub.kind === 'memory') return new InProcessPubSub();
  // Loaded only when asked for, like the channel SDKs.
  const { RedisPubSub } = await import('./redis-pubsub.js');
  const redis = await RedisPubSub.connect(config.pubsub.url, logger);
  logger.info('real-time fan-out through Redis');
  return redis;
}

/** Opens storage, wires every service and channel, and listens. */
export async function startKefu(config: KefuConfig, logger: Logger = createLogger(config.logLevel)): Promise<RunningKefu> {
  const storage = await openStorage(config.databaseUrl);
  let pubsub: PubSub | undefined;
  try {
    if (config.kbAutoload) await seedKnowledgeBase(storage.repos, logger);
    if (config.orders.connector === 'demo') await seedDemoOrders(storage.repos, systemClock, logger);
    pubsub = await createPubSub(config, logger);
    const services = composeServices(config, storage.repos, logger, systemClock, pubsub);
    await services.knowledge.current();
    const secret = resolveSecret(config.secret, config.dataDir, logger);
    const channels = await createChannels(config, services, logger, storage.isUnavailable);
    const limiter = new WebchatRateLimiter(services.clock, config.webchatLimits);
    const webchatDeps = {
      conversations: services.conversations, messages: services.repos.messages, inbound: channels.webchat, pubsub: services.pubsub, logger, secret, tokenTtlMs: config.webchatTokenTtlMs, maxTextLength: config.maxMessageLength, limiter,
    };
    const gate = new RequestGate(logger);
    const readiness = readinessCheck({
      provider: storage.provider, probe: storage.probe, pubsub, channels: () => channels.health().channels,
      shuttingDown: () => gate.shuttingDown, timeoutMs: READINESS_TIMEOUT_MS, logger,
    });
    const app = createHttpApp({
      logger,
      gate,
      readiness,
      isUnavailable: storage.isUnavailable,
      trustProxy: config.trustProxy,
      admission: admission(config.admission),
      routers: [createWebchatRouter(webchatDeps), ...agentRouters(services, config), ...knowledgeAdminRouters(services, secret), ...ticketRouters(services), ...setupRouters(services, config, secret),
        ...(services.orders ? [createOrderRouter({ auth: services.auth, desk: services.orders.desk })] : []), createApiDocsRouter()],
      webhooks: channels.routers,
    });
    const server = createServer(app);
    const socket = attachWebchatSocket(server, webchatDeps);
    const agentSocket = attachAgentConsoleSocket(server, services, logger);
    guardUpgrades(server, [socket.path, agentSocket.path], logger, () => gate.shuttingDown);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => resolve());
    });
    const port = (server.address() as AddressInfo).port;
    const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
    logger.info({ port, database: storage.provider }, 'Kefu is listening');
    channels.start();
    services.tickets.start();
    services.retention.start();
    const recovery = startUnansweredRecovery(services.conversations, services.clock, logger);
    let closing: Promise<void> | undefined;
    return {
      url, port, server, services, channels,
      close(graceMs = config.shutdownGraceMs) {
        closing ??= shutDown({
          logger, graceMs, gate, server, sockets: [socket, agentSocket],
          workers: [recovery, services.tickets, services.retention, channels],
          after: [() => services.knowledgeAdmin.unanswered.settled(), () => services.supervision.stop(), async () => services.pubsub.close?.(), () => storage.close()],
        });
        return closing;
      },
    };
  } catch (err) {
    await pubsub?.close?.();
    await storage.close();
    throw err;
  }
}
