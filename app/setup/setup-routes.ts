import { Router } from 'express';
import { z } from 'zod';
import { BusinessHours } from '../../core/handoff/business-hours.js';
import { DomainError } from '../../core/errors.js';
import type { Clock, UserRepository } from '../../core/ports.js';
import type { AuthService } from '../../core/users/auth-service.js';
import { parse } from '../agents/agent-schemas.js';
import { assertSameOrigin, setSessionCookie, type SessionOptions } from '../agents/session-auth.js';
import type { KefuConfig } from '../config.js';
import { isSetupToken } from './setup-token.js';
import { readStoreFile, writeStoreFile } from './store-file.js';

export interface SetupDeps {
  auth: AuthService;
  users: UserRepository;
  clock: Clock;
  config: KefuConfig;
  secret: string;
  session: SessionOptions;
}

const setupBody = z.object({
  token: z.string().min(1).max(200),
  email: z.string().trim().min(3).max(254),
  password: z.string().min(1).max(200),
  displayName: z.string().trim().min(1).max(80).optional(),
  storeName: z.string().trim().min(1).max(80).optional(),
  businessHours: z.string().trim().min(1).max(200).optional(),
  timeZone: z.string().trim().min(1).max(64).optional(),
});

/** Is there an admin yet? Until there is, the first-run page may create one. */
export async function needsSetup(users: UserRepository): Promise<boolean> {
  return !(await users.list()).some((u) => u.role === 'admin');
}

function checkStoreSettings(hours: string | undefined, timeZone: string | undefined, fallback: BusinessHours): void {
  if (!hours && !timeZone) return;
  try {
    new BusinessHours({ hours: hours ?? 'Mon-Fri 09:00-18:00', timeZone: timeZone ?? fallback.timeZone });
  } catch (err) {
    const message = err instanceof RangeError ? `unknown time zone "${timeZone}"` : err instanceof Error ? err.message : String(err);
    throw new DomainError('invalid_input', `setup: ${message}`, { userMessage: message });
  }
}

/**
 * The first-run page's API: with the token printed at start-up, create the first admin, keep the optional store
 * settings in the data folder, and sign the new admin in.
 */
export function createSetupRouter(deps: SetupDeps): Router {
  const router = Router();
  let busy = false;

  router.get('/api/setup', async (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ needed: await needsSetup(deps.users), timeZone: deps.config.handoff.hours.timeZone, storeName: deps.config.storeName });
  });

  router.post('/api/setup', async (req, res) => {
    assertSameOrigin(req);
    const body = parse(setupBody, req.body);
    if (!isSetupToken(deps.secret, body.token)) throw new DomainError('forbidden', 'setup: wrong token', { userMessage: 'This setup link is not valid. Use the link Kefu printed when it started.' });
    checkStoreSettings(body.businessHours, body.timeZone, deps.config.handoff.hours);
    // One at a time in this process, so a double click cannot create two admins.
    if (busy) throw new DomainError('conflict', 'setup: already in progress', { userMessage: 'Setup is already in progress.' });
    busy = true;
    try {
      if (!(await needsSetup(deps.users))) throw new DomainError('conflict', 'setup: an admin exists', { userMessage: 'Kefu is already set up: sign in at /console/.' });
      const user = await deps.auth.createUser({ email: body.email, password: body.password, role: 'admin', ...(body.displayName ? { displayName: body.displayName } : {}) });
      const store = { ...readStoreFile(deps.config.dataDir), ...(body.storeName ? { storeName: body.storeName } : {}), ...(body.businessHours ? { businessHours: body.businessHours } : {}), ...(body.timeZone ? { timeZone: body.timeZone } : {}) };
      if (body.storeName || body.businessHours || body.timeZone) writeStoreFile(deps.config.dataDir, store);
      const signed = await deps.auth.login(body.email, body.password, req.ip ?? req.socket.remoteAddress ?? 'unknown');
      setSessionCookie(req, res, signed.token, deps.session);
      res.status(201).json({ user: { id: user.id, email: user.email, role: user.role }, redirect: '/console/', storeSettingsSaved: Object.keys(store).length > 0 });
    } finally {
      busy = false;
    }
  });

  return router;
}
