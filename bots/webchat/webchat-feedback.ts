import { Router } from 'express';
import { z } from 'zod';
import type { FeedbackService } from '../../core/knowledge-admin/feedback-service.js';
import { RATINGS } from '../../core/types.js';
import { authorize, bearerToken, parseInput } from './webchat-auth.js';
import { WebchatTokens } from './webchat-token.js';

const feedbackBody = z.object({ rating: z.enum(RATINGS) });

/** 👍/👎 on a bot answer, with the conversation's web chat token (CORS comes from the web chat router). */
export function createWebchatFeedbackRouter(deps: { feedback: Pick<FeedbackService, 'rate'>; secret: string }): Router {
  const router = Router();
  const tokens = new WebchatTokens(deps.secret);
  router.post('/api/webchat/conversations/:id/messages/:messageId/feedback', async (req, res) => {
    const grant = authorize(tokens, bearerToken(req.get('authorization')), req.params.id);
    const { rating } = parseInput(feedbackBody, req.body);
    const result = await deps.feedback.rate(grant.conversationId, req.params.messageId, rating);
    res.json({ messageId: req.params.messageId, ...result });
  });
  return router;
}
