import type { Router } from 'express';
import { parse } from '../agents/agent-schemas.js';
import type { KnowledgeAdmin } from '../compose-knowledge-admin.js';
import { actorOf } from './admin-actor.js';
import { dashboardQuery, dismissBody, parseNewFaq, resolveBody, unansweredQuery } from './admin-schemas.js';

/** Unanswered questions (grouped) and the dashboard. */
export function addLearningRoutes(router: Router, admin: KnowledgeAdmin): void {
  router.get('/api/admin/unanswered', async (req, res) => {
    const { days } = parse(unansweredQuery, req.query);
    res.json(await admin.unanswered.groups(days ? { days } : {}));
  });

  router.post('/api/admin/unanswered/resolve', async (req, res) => {
    const body = parse(resolveBody, req.body);
    const actor = actorOf(res);
    const result = 'create' in body
      ? await admin.unanswered.createFaq(body.questionIds, parseNewFaq(body.create), actor)
      : await admin.unanswered.addAlternates(body.questionIds, body.faqId, body.alternates, actor, body.expectedVersion);
    res.json(result);
  });

  router.post('/api/admin/unanswered/dismiss', async (req, res) => {
    const { questionIds } = parse(dismissBody, req.body);
    res.json({ dismissed: await admin.unanswered.dismiss(questionIds, actorOf(res)) });
  });

  router.get('/api/admin/dashboard', async (req, res) => {
    res.json(await admin.dashboard.summary(parse(dashboardQuery, req.query)));
  });
}
