import type { RequestHandler } from 'express';
import type { Services } from '../compose.js';
import type { KefuConfig } from '../config.js';
import { createDemoRouter } from './demo-routes.js';
import { createSetupRouter } from './setup-routes.js';

export function setupRouters(services: Services, config: KefuConfig, secret: string): RequestHandler[] {
  const { auth, repos, clock } = services;
  return [
    createSetupRouter({ auth, users: repos.users, clock, config, secret, session: { ttlMs: config.auth.sessionTtlMs, cookieSecure: config.auth.cookieSecure } }),
    createDemoRouter({ users: repos.users, clock, config }),
  ];
}
