import type { RequestHandler } from 'express';
import { createWebchatFeedbackRouter } from '../../bots/webchat/webchat-feedback.js';
import type { Services } from '../compose.js';
import { createAdminRouter } from './admin-routes.js';

// The same policy as the agent console: the admin pages show what customers typed, so nothing inline may run.
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const adminHeaders: RequestHandler = (req, res, next) => {
  if (req.path === '/admin' || req.path.startsWith('/admin/')) {
    res.setHeader('Content-Security-Policy', CSP);
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Referrer-Policy', 'same-origin');
    res.setHeader('Cache-Control', 'no-cache');
  }
  next();
};

/** The admin console's headers and API, and the customers' answer ratings on web chat. */
export function knowledgeAdminRouters(services: Services, secret: string): RequestHandler[] {
  return [
    adminHeaders,
    createAdminRouter({ auth: services.auth, admin: services.knowledgeAdmin, staff: services.staff }),
    createWebchatFeedbackRouter({ feedback: services.knowledgeAdmin.feedback, secret }),
  ];
}
