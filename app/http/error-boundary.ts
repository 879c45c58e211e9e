import type { ErrorRequestHandler, RequestHandler } from 'express';
import { dependencyUnavailable, isDomainError } from '../../core/errors.js';
import type { Logger } from '../../core/ports.js';
import { statusForCode } from './error-status.js';

export interface ErrorBody {
  error: { code: string; message: string };
}

const GENERIC_500 = 'Something went wrong. Please try again later.';
const body = (code: string, message: string): ErrorBody => ({ error: { code, message } });

/** Errors body-parser raises before any route runs; they carry `type` and a 4xx `status`. */
const PARSER_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  'entity.parse.failed': { status: 400, code: 'invalid_json', message: 'The request body is not valid JSON.' },
  'entity.too.large': { status: 413, code: 'payload_too_large', message: 'The request body is too large.' },
  'encoding.unsupported': { status: 415, code: 'unsupported_encoding', message: 'The request body encoding is not supported.' },
  'charset.unsupported': { status: 415, code: 'unsupported_encoding', message: 'The request body charset is not supported.' },
  'encoding.invalid': { status: 400, code: 'invalid_encoding', message: 'The request body is not valid UTF-8.' },
};

function parserError(err: unknown): { status: number; code: string; message: string } | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const { type, status } = err as { type?: unknown; status?: unknown };
  if (typeof type === 'string' && PARSER_ERRORS[type]) return PARSER_ERRORS[type];
  // A gzip or brotli body that does not decompress reaches us as a plain 400 with no `type`.
  const { expose } = err as { expose?: unknown };
  if ((typeof type === 'string' || expose === true) && typeof status === 'number' && status >= 400 && status < 500) {
    return { status, code: 'bad_request', message: 'The request could not be read.' };
  }
  return undefined;
}

export const apiNotFound: RequestHandler = (req, res) => {
  res.status(404).json(body('not_found', `No API route for ${req.method} ${req.originalUrl.split('?')[0]}`));
};

/** The HTTP error boundary: API clients see a code and the user-safe message, never internals. */
export function errorBoundary(logger: Logger, isUnavailable: (error: unknown) => boolean = () => false): ErrorRequestHandler {
  return (raw, req, res, next) => {
    if (res.headersSent) return next(raw);
    const err: unknown = !isDomainError(raw) && isUnavailable(raw) ? dependencyUnavailable(raw) : raw;
    if (isDomainError(err)) {
      const status = statusForCode(err.code);
      // An overload or an outage is expected and says nothing new per request: one line, no stack.
      if (err.code === 'unavailable') logger.warn({ path: req.path, reason: err.message, cause: describeCause(err.cause) }, 'request refused: unavailable');
      else if (status >= 500) logger.error({ err, path: req.path, code: err.code }, 'request failed');
      else logger.debug({ path: req.path, code: err.code, reason: err.message }, 'request rejected');
      const retryAfter = (err.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
      if ((err.code === 'rate_limited' || err.code === 'unavailable') && typeof retryAfter === 'number') res.setHeader('Retry-After', String(retryAfter));
      // An internal error's message is never trusted to be user-safe, whoever wrote it.
      res.status(status).json(body(err.code, err.code === 'internal' ? GENERIC_500 : err.userMessage));
      return;
    }
    const parsed = parserError(err);
    if (parsed) {
      res.status(parsed.status).json(body(parsed.code, parsed.message));
      return;
    }
    logger.error({ err, method: req.method, path: req.path }, 'unexpected error');
    res.status(500).json(body('internal', GENERIC_500));
  };
}

function describeCause(cause: unknown): string | undefined {
  if (!(cause instanceof Error)) return undefined;
  return cause.message.split('\n').find((line) => line.trim() !== '')?.slice(0, 200);
}
