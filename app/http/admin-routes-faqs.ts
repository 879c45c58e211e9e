import type { Router } from 'express';
import { sortFaqs } from '../../core/knowledge-admin/faq-order.js';
import { tryQuestion } from '../../core/knowledge-admin/try-question.js';
import { parse } from '../agents/agent-schemas.js';
import type { KnowledgeAdmin } from '../compose-knowledge-admin.js';
import { actorOf } from './admin-actor.js';
import { diffQuery, expectedVersionBody, faqListQuery, faqPatchBody, parseNewFaq, rollbackBody, tryBody } from './admin-schemas.js';

/** FAQ entries: list, create, edit, delete, history, diff, rollback; and "try a question". */
export function addFaqRoutes(router: Router, admin: KnowledgeAdmin): void {
  const { faqs } = admin;

  router.get('/api/admin/faqs', async (req, res) => {
    const { q, category, enabled, sort, limit, offset } = parse(faqListQuery, req.query);
    const list = await faqs.list({ ...(q ? { q } : {}), ...(category !== undefined ? { category } : {}), ...(enabled !== undefined ? { enabled } : {}) });
    const sorted = sortFaqs(list, sort);
    res.json({ faqs: sorted.slice(offset, limit === undefined ? undefined : offset + limit), total: list.length, offset });
  });

  router.post('/api/admin/faqs', async (req, res) => {
    const faq = await faqs.create(parseNewFaq(req.body), actorOf(res));
    res.status(201).location(`/api/admin/faqs/${encodeURIComponent(faq.id)}`).json({ faq });
  });

  router.get('/api/admin/faqs/:id', async (req, res) => {
    res.json({ faq: await faqs.get(req.params.id) });
  });

  router.put('/api/admin/faqs/:id', async (req, res) => {
    const { expectedVersion, ...patch } = parse(faqPatchBody, req.body);
    res.json({ faq: await faqs.update(req.params.id, patch, actorOf(res), expectedVersion) });
  });

  router.delete('/api/admin/faqs/:id', async (req, res) => {
    const body = parse(expectedVersionBody, req.body);
    const fromQuery = typeof req.query.expectedVersion === 'string' ? Number(req.query.expectedVersion) : undefined;
    const expected = body?.expectedVersion ?? (Number.isInteger(fromQuery) ? fromQuery : undefined);
    const version = await faqs.delete(req.params.id, actorOf(res), expected);
    res.json({ deleted: { id: version.faqId, version: version.version } });
  });

  router.get('/api/admin/faqs/:id/history', async (req, res) => {
    res.json({ history: await faqs.history(req.params.id) });
  });

  router.get('/api/admin/faqs/:id/diff', async (req, res) => {
    const { from, to } = parse(diffQuery, req.query);
    res.json(await faqs.diff(req.params.id, from, to));
  });

  router.post('/api/admin/faqs/:id/rollback', async (req, res) => {
    const { version, expectedVersion } = parse(rollbackBody, req.body);
    res.json({ faq: await faqs.rollback(req.params.id, version, actorOf(res), expectedVersion) });
  });

  router.get('/api/admin/deleted-faqs', async (_req, res) => {
    res.json({ deleted: await faqs.listDeleted() });
  });

  router.get('/api/admin/categories', async (_req, res) => {
    res.json({ categories: await faqs.categories() });
  });

  router.post('/api/admin/kb/try', async (req, res) => {
    const { text } = parse(tryBody, req.body);
    res.json(await tryQuestion(admin.knowledge, text));
  });
}
