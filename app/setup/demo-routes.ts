import { Router } from 'express';
import type { Clock, UserRepository } from '../../core/ports.js';
import type { KefuConfig } from '../config.js';
import { needsSetup } from './setup-routes.js';

/**
 * What the demo store page tells a visitor: where the agent side is, whether it has been set up, and whether a
 * person would answer right now (service hours and agents online). Off outside demo mode.
 */
export function createDemoRouter(deps: { users: UserRepository; clock: Clock; config: KefuConfig }): Router {
  const router = Router();
  router.get('/api/demo', async (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    if (!deps.config.demo) {
      res.json({ demo: false, storeName: deps.config.storeName });
      return;
    }
    const { hours } = deps.config.handoff;
    const users = await deps.users.list();
    res.json({
      demo: true,
      storeName: deps.config.storeName,
      consoleUrl: '/console/',
      setupNeeded: await needsSetup(deps.users),
      open: hours.isOpen(deps.clock.now()),
      hours: { zh: hours.describe('zh'), en: hours.describe('en'), timeZone: hours.timeZone },
      agentsOnline: users.filter((u) => u.presence === 'online').length,
    });
  });
  return router;
}
