import { Router } from 'express';
import type { AgentDesk } from '../../core/handoff/agent-desk.js';
import type { AgentQueries } from '../../core/handoff/agent-queries.js';
import { toUserView } from '../../core/handoff/agent-views.js';
import type { AuthService } from '../../core/users/auth-service.js';
import type { Reassignment } from '../../core/users/reassign.js';
import { assertRole } from '../../core/users/access.js';
import { capacityBody, parse, transferBody } from './agent-schemas.js';
import { requireSession, signedIn } from './session-auth.js';

export interface SupervisorRoutesDeps {
  auth: AuthService;
  desk: AgentDesk;
  queries: AgentQueries;
  reassign: Reassignment;
}

/** Live queues, agents' load and reassignment: supervisors and admins only (403 for agents). */
export function createSupervisorRouter(deps: SupervisorRoutesDeps): Router {
  const router = Router();
  router.use('/api/supervisor', requireSession(deps.auth), (_req, res, next) => {
    assertRole(signedIn(res).user, ['supervisor', 'admin']);
    res.setHeader('Cache-Control', 'no-store');
    next();
  });

  router.get('/api/supervisor/overview', async (_req, res) => {
    res.json(await deps.queries.overview(signedIn(res).user));
  });
  router.post('/api/supervisor/conversations/:id/assign', async (req, res) => {
    const { agentId } = parse(transferBody, req.body);
    const c = await deps.desk.transfer(signedIn(res).user, req.params.id, agentId);
    res.json({ conversation: { id: c.id, status: c.status, assigneeId: c.assigneeId } });
  });
  router.put('/api/supervisor/agents/:id', async (req, res) => {
    const { capacity } = parse(capacityBody, req.body);
    res.json({ user: toUserView(await deps.desk.setCapacity(signedIn(res).user, req.params.id, capacity)) });
  });
  router.post('/api/supervisor/agents/:id/reassign', async (req, res) => {
    const { agentId } = parse(transferBody, req.body);
    res.json(await deps.reassign.moveAll(signedIn(res).user, req.params.id, agentId));
  });
  return router;
}
