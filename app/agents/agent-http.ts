import type { Server } from 'node:http';
import type { RequestHandler } from 'express';
import type { Logger } from '../../core/ports.js';
import type { Services } from '../compose.js';
import type { KefuConfig } from '../config.js';
import { createAgentRouter } from './agent-routes.js';
import { attachAgentSocket, type AgentSocketHandle } from './agent-socket.js';
import { createAuthRouter } from './auth-routes.js';
import { consoleHeaders } from './console-headers.js';
import { createSupervisorRouter } from './supervisor-routes.js';
import { createCustomerRouter } from '../http/customer-routes.js';

/** Everything the agent console needs over HTTP: sign-in, the agent and supervisor APIs, and security headers. */
export function agentRouters(services: Services, config: KefuConfig): RequestHandler[] {
  const { auth, desk, queries, canned, pubsub, clock, reassign } = services;
  return [
    consoleHeaders,
    createAuthRouter({ auth, desk, pubsub, session: { ttlMs: config.auth.sessionTtlMs, cookieSecure: config.auth.cookieSecure } }),
    createAgentRouter({ auth, desk, queries, canned, clock, timeZone: config.handoff.hours.timeZone }),
    createSupervisorRouter({ auth, desk, queries, reassign }),
    createCustomerRouter({ auth, customers: services.customers }),
  ];
}

export function attachAgentConsoleSocket(server: Server, services: Services, logger: Logger): AgentSocketHandle {
  const { auth, queries, desk, pubsub, repos } = services;
  return attachAgentSocket(server, { auth, queries, desk, pubsub, users: repos.users, messages: repos.messages, logger });
}
