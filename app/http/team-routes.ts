import { Router } from 'express';
import type { AuthService } from '../../core/users/auth-service.js';
import type { TicketModule } from '../compose-tickets.js';
import { requireSession, signedIn } from '../agents/session-auth.js';
import { parse, teamBody } from './ticket-schemas.js';

/** /api/teams: everyone signed in reads the teams; supervisors and admins set their members. */
export function createTeamRouter({ auth, tickets }: { auth: AuthService; tickets: TicketModule }): Router {
  const router = Router();
  router.use('/api/teams', requireSession(auth), (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  router.get('/api/teams', async (_req, res) => {
    res.json({ teams: await tickets.queries.teams() });
  });
  router.put('/api/teams/:team', async (req, res) => {
    const { userIds } = parse(teamBody, req.body);
    await tickets.queries.setTeam(signedIn(res).user, req.params.team, userIds);
    res.json({ teams: await tickets.queries.teams() });
  });
  return router;
}
