import type { RequestHandler } from 'express';

/**
 * The console shows what customers typed; a strict Content-Security-Policy makes sure nothing they type can ever run
 * there, even if a rendering bug slipped through (scripts and styles only from our own files, no framing).
 */
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

export const consoleHeaders: RequestHandler = (req, res, next) => {
  if (req.path === '/console' || req.path.startsWith('/console/')) {
    res.setHeader('Content-Security-Policy', CSP);
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Referrer-Policy', 'same-origin');
    res.setHeader('Cache-Control', 'no-cache');
  }
  next();
};
