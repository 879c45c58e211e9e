import { Router, type Response } from 'express';
import type { TicketFilter } from '../../core/tickets/ticket-types.js';
import type { User } from '../../core/types.js';
import { toMessageView } from '../../core/views.js';
import { toEventView } from '../../core/tickets/ticket-views.js';
import type { AuthService } from '../../core/users/auth-service.js';
import type { TicketModule } from '../compose-tickets.js';
import { requireSession, signedIn } from '../agents/session-auth.js';
import { addComplaintRoutes } from './ticket-routes-complaints.js';
import { assignBody, linkBody, parse, statusBody, ticketCreateBody, ticketListQuery, ticketPatchBody, ticketTextBody } from './ticket-schemas.js';

export interface TicketRoutesDeps {
  auth: AuthService;
  tickets: TicketModule;
}

const user = (res: Response): User => signedIn(res).user;

function filterOf(q: ReturnType<typeof ticketListQuery.parse>, me: User): Omit<TicketFilter, 'visibleTo'> {
  return {
    ...(q.status ? { statuses: q.status } : {}), ...(q.type ? { types: q.type } : {}), ...(q.priority ? { priorities: q.priority } : {}),
    ...(q.assignee ? { assigneeId: q.assignee === 'me' ? me.id : q.assignee === 'none' ? null : q.assignee } : {}),
    ...(q.team ? { team: q.team } : {}), ...(q.q ? { search: q.q } : {}), ...(q.sla ? { sla: q.sla } : {}),
    ...(q.escalated !== undefined ? { escalated: q.escalated } : {}), ...(q.review ? { reviewStatus: q.review } : {}),
    ...(q.customer ? { customerId: q.customer } : {}), limit: q.limit, offset: q.offset,
  };
}

/** /api/tickets: every route needs a session (CSRF on writes); the services check role, team and ownership. */
export function createTicketRouter({ auth, tickets }: TicketRoutesDeps): Router {
  const router = Router();
  const { service, workflow, conversations, queries } = tickets;
  router.use('/api/tickets', requireSession(auth), (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });

  router.get('/api/tickets', async (req, res) => {
    res.json(await queries.list(user(res), filterOf(parse(ticketListQuery, req.query), user(res))));
  });
  router.post('/api/tickets', async (req, res) => {
    const body = parse(ticketCreateBody, req.body);
    res.status(201).json({ ticket: await queries.view(await service.create(user(res), body)) });
  });
  router.get('/api/tickets/:id', async (req, res) => {
    res.json(await queries.detail(user(res), req.params.id));
  });
  router.patch('/api/tickets/:id', async (req, res) => {
    const { version, ...fields } = parse(ticketPatchBody, req.body);
    res.json({ ticket: await queries.view(await service.update(user(res), req.params.id, fields, version)) });
  });
  router.post('/api/tickets/:id/status', async (req, res) => {
    const { status, version } = parse(statusBody, req.body);
    res.json({ ticket: await queries.view(await workflow.setStatus(user(res), req.params.id, status, version)) });
  });
  router.post('/api/tickets/:id/assign', async (req, res) => {
    const { version, ...input } = parse(assignBody, req.body);
    res.json({ ticket: await queries.view(await service.assign(user(res), req.params.id, input, version)) });
  });
  router.post('/api/tickets/:id/notes', async (req, res) => {
    const { text } = parse(ticketTextBody, req.body);
    res.status(201).json({ event: toEventView(await conversations.note(user(res), req.params.id, text)) });
  });
  router.post('/api/tickets/:id/replies', async (req, res) => {
    const { text } = parse(ticketTextBody, req.body);
    const { ticket, message } = await conversations.reply(user(res), req.params.id, text);
    res.status(201).json({ ticket: await queries.view(ticket), message: toMessageView(message) });
  });
  router.post('/api/tickets/:id/links', async (req, res) => {
    const { conversationId } = parse(linkBody, req.body);
    res.json({ ticket: await queries.view(await conversations.link(user(res), req.params.id, conversationId)) });
  });
  addComplaintRoutes(router, tickets);
  return router;
}
