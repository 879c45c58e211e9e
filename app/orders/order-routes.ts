import { Router } from 'express';
import type { OrderDesk } from '../../core/orders/order-desk.js';
import type { AuthService } from '../../core/users/auth-service.js';
import { requireSession, signedIn } from '../agents/session-auth.js';

/** The agent console's order panel: the order the customer named in the chat, and the owner's other orders. */
export function createOrderRouter(deps: { auth: AuthService; desk: OrderDesk }): Router {
  const router = Router();
  router.get('/api/agent/conversations/:id/orders', requireSession(deps.auth), async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(await deps.desk.forConversation(signedIn(res).user, String(req.params.id)));
  });
  return router;
}
