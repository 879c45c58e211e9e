import type { Router } from 'express';
import type { TicketModule } from '../compose-tickets.js';
import { signedIn } from '../agents/session-auth.js';
import { parse, reviewBody, stepBody } from './ticket-schemas.js';

/** The complaint process on a ticket router (behind its session check): steps in order, then a supervisor's review. */
export function addComplaintRoutes(router: Router, { workflow, queries }: TicketModule): void {
  router.post('/api/tickets/:id/complaint/steps', async (req, res) => {
    const { step, version, ...input } = parse(stepBody, req.body);
    res.json({ ticket: await queries.view(await workflow.completeStep(signedIn(res).user, req.params.id, step, input, version)) });
  });
  router.post('/api/tickets/:id/complaint/review', async (req, res) => {
    const { version, ...input } = parse(reviewBody, req.body);
    res.json({ ticket: await queries.view(await workflow.review(signedIn(res).user, req.params.id, input, version)) });
  });
}
