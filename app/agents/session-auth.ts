import type { IncomingMessage } from 'node:http';
import type { Request, RequestHandler, Response } from 'express';
import { DomainError } from '../../core/errors.js';
import type { AuthService, Authenticated } from '../../core/users/auth-service.js';
import { parseCookies, serializeCookie } from './cookies.js';

export const SESSION_COOKIE = 'kefu_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface SessionOptions {
  ttlMs: number;
  /** 'auto': Secure when the request came over HTTPS. */
  cookieSecure: 'auto' | boolean;
}

export const sessionToken = (req: IncomingMessage): string | undefined => parseCookies(req.headers.cookie)[SESSION_COOKIE];

/** A browser sends Origin on cross-site requests; one naming another host is refused (defence in depth next to CSRF tokens). */
export function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

export function assertSameOrigin(req: Request): void {
  if (!sameOrigin(req)) throw new DomainError('forbidden', `cross-origin request from ${req.headers.origin}`, { userMessage: 'Cross-site requests are not allowed' });
}

export function setSessionCookie(req: Request, res: Response, token: string, options: SessionOptions): void {
  const secure = options.cookieSecure === 'auto' ? req.secure || req.get('x-forwarded-proto') === 'https' : options.cookieSecure;
  res.append('Set-Cookie', serializeCookie(SESSION_COOKIE, token, { maxAgeSeconds: options.ttlMs / 1000, secure }));
}

export function clearSessionCookie(res: Response): void {
  res.append('Set-Cookie', serializeCookie(SESSION_COOKIE, '', { maxAgeSeconds: 0, secure: false }));
}

/** The signed-in user of this request (set by `requireSession`). */
export function signedIn(res: Response): Authenticated {
  const auth = res.locals.auth as Authenticated | undefined;
  if (!auth) throw new DomainError('unauthorized', 'no session on this request', { userMessage: 'Please sign in' });
  return auth;
}

/** 401 without a valid session cookie; for state-changing methods also 403 without the session's X-CSRF-Token. */
export function requireSession(auth: AuthService): RequestHandler {
  return async (req, res, next) => {
    const found = await auth.authenticate(sessionToken(req));
    if (!found) throw new DomainError('unauthorized', 'not signed in', { userMessage: 'Please sign in' });
    if (!SAFE_METHODS.has(req.method)) {
      assertSameOrigin(req);
      auth.verifyCsrf(found.session, req.get('x-csrf-token'));
    }
    res.locals.auth = found;
    next();
  };
}
