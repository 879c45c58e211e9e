import { Router } from 'express';
import type { AuthService } from '../../core/users/auth-service.js';
import { assertRole } from '../../core/users/access.js';
import { requireSession, signedIn } from '../agents/session-auth.js';
import type { KnowledgeAdmin } from '../compose-knowledge-admin.js';
import { addFaqRoutes } from './admin-routes-faqs.js';
import { addKbRoutes } from './admin-routes-kb.js';
import { addLearningRoutes } from './admin-routes-learning.js';
import { addStaffRoutes } from './staff-routes.js';
import type { StaffService } from '../../core/users/staff-service.js';

export interface AdminRoutesDeps {
  auth: AuthService;
  admin: KnowledgeAdmin;
  staff: StaffService;
}

/** The admin API under /api/admin (knowledge base, console accounts): signed-in admins only (401 without a session, 403 for other roles). */
export function createAdminRouter(deps: AdminRoutesDeps): Router {
  const router = Router();
  router.use('/api/admin', requireSession(deps.auth), (_req, res, next) => {
    assertRole(signedIn(res).user, ['admin']);
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  addFaqRoutes(router, deps.admin);
  addKbRoutes(router, deps.admin);
  addLearningRoutes(router, deps.admin);
  addStaffRoutes(router, deps);
  return router;
}
