import { Router } from 'express';
import { z } from 'zod';
import { FLAG_KINDS, FLAG_STATUSES } from '../../core/supervision/flag-types.js';
import type { SensitiveWordService } from '../../core/supervision/sensitive-word-service.js';
import { assertRole } from '../../core/users/access.js';
import type { AuthService } from '../../core/users/auth-service.js';
import { parse } from '../agents/agent-schemas.js';
import { requireSession, signedIn } from '../agents/session-auth.js';

const wordsBody = z.object({ words: z.array(z.unknown()).max(2000), version: z.number().int().min(0).optional() });
const flagQuery = z.object({
  status: z.enum(FLAG_STATUSES).optional(),
  kind: z.string().optional().transform((k) => (k ? k.split(',') : undefined)).pipe(z.array(z.enum(FLAG_KINDS)).optional()),
  agentId: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
const reviewBody = z.object({ note: z.string().trim().max(2000).optional() });

/** /api/supervision: the sensitive-word list (admins edit it) and the flagged messages supervisors review. */
export function createSupervisionRouter({ auth, words }: { auth: AuthService; words: SensitiveWordService }): Router {
  const router = Router();
  router.use('/api/supervision', requireSession(auth), (_req, res, next) => {
    assertRole(signedIn(res).user, ['supervisor', 'admin']);
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  router.get('/api/supervision/sensitive-words', async (_req, res) => {
    res.json(await words.list());
  });
  router.put('/api/supervision/sensitive-words', async (req, res) => {
    const body = parse(wordsBody, req.body);
    res.json(await words.replace(signedIn(res).user, body.words, body.version));
  });
  router.get('/api/supervision/flags', async (req, res) => {
    const { kind, ...query } = parse(flagQuery, req.query);
    res.json({ flags: await words.flags(signedIn(res).user, { ...query, ...(kind ? { kinds: kind } : {}) }) });
  });
  router.post('/api/supervision/flags/:id/review', async (req, res) => {
    const { note } = parse(reviewBody, req.body);
    res.json({ flag: await words.review(signedIn(res).user, req.params.id, note || null) });
  });
  return router;
}
