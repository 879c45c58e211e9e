import { Router } from 'express';
import { z } from 'zod';
import { exportText, type CustomerService } from '../../core/customers/customer-service.js';
import type { AuthService } from '../../core/users/auth-service.js';
import { CHANNELS } from '../../core/types.js';
import { parse } from '../agents/agent-schemas.js';
import { requireSession, signedIn } from '../agents/session-auth.js';

const item = z.string().trim().min(1).max(300);
const editBody = z.object({
  version: z.number().int().min(1),
  displayName: z.string().trim().max(80).nullable().optional(),
  phones: z.array(item).max(20).optional(),
  emails: z.array(item).max(20).optional(),
  addresses: z.array(item).max(20).optional(),
  orderNumbers: z.array(item).max(100).optional(),
  tags: z.array(z.string().trim().min(1).max(40)).max(30).optional(),
  notes: z.string().max(4000).nullable().optional(),
});
const searchQuery = z.object({
  q: z.string().max(200).optional(),
  tag: z.string().max(40).optional(),
  channel: z.enum(CHANNELS).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});
const revealQuery = z.object({ reveal: z.enum(['true', 'false']).default('false').transform((v) => v === 'true') });
const mergeBody = z.object({ customerId: z.string().min(1).max(100) });
const exportQuery = z.object({ format: z.enum(['json', 'text']).default('json') });

/** The customer directory under /api/customers (console session); the service checks roles for export and erasure. */
export function createCustomerRouter(deps: { auth: AuthService; customers: CustomerService }): Router {
  const { customers } = deps;
  const router = Router();
  router.use('/api/customers', requireSession(deps.auth), (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  const user = (res: Parameters<typeof signedIn>[0]) => signedIn(res).user;

  router.get('/api/customers', async (req, res) => {
    const { q, ...rest } = parse(searchQuery, req.query);
    res.json(await customers.search({ ...rest, ...(q ? { search: q } : {}) }));
  });
  router.get('/api/customers/:id', async (req, res) => {
    res.json(await customers.profile(user(res), req.params.id, parse(revealQuery, req.query).reveal));
  });
  router.patch('/api/customers/:id', async (req, res) => {
    const { version, ...fields } = parse(editBody, req.body);
    res.json({ customer: await customers.edit(user(res), req.params.id, version, fields) });
  });
  router.get('/api/customers/:id/history', async (req, res) => {
    res.json({ history: await customers.history(user(res), req.params.id) });
  });
  router.post('/api/customers/:id/suggestions/:suggestionId/accept', async (req, res) => {
    res.json({ customer: await customers.decide(user(res), req.params.id, req.params.suggestionId, true) });
  });
  router.post('/api/customers/:id/suggestions/:suggestionId/dismiss', async (req, res) => {
    res.json({ customer: await customers.decide(user(res), req.params.id, req.params.suggestionId, false) });
  });
  router.post('/api/customers/:id/merge', async (req, res) => {
    const { customerId } = parse(mergeBody, req.body);
    res.json({ customer: await customers.merge(user(res), req.params.id, customerId) });
  });
  router.get('/api/customers/:id/export', async (req, res) => {
    const { format } = parse(exportQuery, req.query);
    const doc = await customers.export(user(res), req.params.id);
    res.setHeader('Content-Disposition', `attachment; filename="kefu-customer-${req.params.id}.${format === 'json' ? 'json' : 'txt'}"`);
    if (format === 'json') res.json(doc);
    else res.type('text/plain; charset=utf-8').send(exportText(doc));
  });
  router.delete('/api/customers/:id', async (req, res) => {
    res.json({ erased: await customers.erase(user(res), req.params.id) });
  });
  return router;
}
