import { Router } from 'express';
import type { AgentDesk } from '../../core/handoff/agent-desk.js';
import { toUserView } from '../../core/handoff/agent-views.js';
import type { PubSub } from '../../core/ports.js';
import { sessionTopic, type AuthService } from '../../core/users/auth-service.js';
import { loginBody, parse } from './agent-schemas.js';
import { assertSameOrigin, clearSessionCookie, requireSession, sessionToken, setSessionCookie, signedIn, type SessionOptions } from './session-auth.js';

export interface AuthRoutesDeps {
  auth: AuthService;
  desk: AgentDesk;
  pubsub: PubSub;
  session: SessionOptions;
}


export function createAuthRouter(deps: AuthRoutesDeps): Router {
  const router = Router();
  router.use('/api/auth', (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });

  router.post('/api/auth/login', async (req, res) => {
    assertSameOrigin(req);
    const body = parse(loginBody, req.body);
    const result = await deps.auth.login(body.email, body.password, req.ip ?? req.socket.remoteAddress ?? 'unknown');
    setSessionCookie(req, res, result.token, deps.session);
    res.json({ user: toUserView(result.user), csrfToken: result.csrfToken, expiresAt: result.expiresAt.toISOString() });
  });

  router.get('/api/auth/me', requireSession(deps.auth), (_req, res) => {
    const { user, session } = signedIn(res);
    res.json({ user: toUserView(user), csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString() });
  });

  router.post('/api/auth/logout', requireSession(deps.auth), async (req, res) => {
    const { user } = signedIn(res);
    const ended = await deps.auth.logout(sessionToken(req));
    if (ended) await deps.pubsub.publish(sessionTopic(ended.id), { type: 'session-ended' });
    await deps.desk.setPresence(user, 'offline');
    clearSessionCookie(res);
    res.status(204).end();
  });

  return router;
}
