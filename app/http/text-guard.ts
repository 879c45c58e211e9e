import { isUtf8 } from 'node:buffer';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import { DomainError } from '../../core/errors.js';
import { unstorableText } from '../../core/text-rules.js';

/** body-parser `verify`: bytes that are not UTF-8 are refused, instead of being stored as U+FFFD. */
export function verifyUtf8(_req: IncomingMessage, _res: ServerResponse, body: Buffer): void {
  if (!isUtf8(body)) throw Object.assign(new Error('request body is not valid UTF-8'), { status: 400, type: 'encoding.invalid' });
}

/** The first string in a parsed JSON value (or query) that cannot be stored, and why; iterative, so depth costs no stack. */
function findUnstorable(value: unknown): { path: string; problem: string } | null {
  const stack: Array<[unknown, string]> = [[value, '']];
  while (stack.length > 0) {
    const [item, path] = stack.pop()!;
    if (typeof item === 'string') {
      const problem = unstorableText(item);
      if (problem) return { path, problem };
    } else if (typeof item === 'object' && item !== null) {
      for (const [key, child] of Object.entries(item)) {
        const problem = unstorableText(key);
        if (problem) return { path, problem: `has a key that ${problem}` };
        stack.push([child, path ? `${path}.${key}` : key]);
      }
    }
  }
  return null;
}

/**
 * Refuses NUL and unpaired surrogates in the URL, query and JSON body of every route mounted after it: no field may
 * hold them (PostgreSQL refuses NUL, Prisma refuses broken UTF-16), so the client hears which field is wrong.
 * Channel webhooks are mounted before it: their adapters answer the customer in the chat instead.
 */
export const rejectUnstorableText: RequestHandler = (req, _res, next) => {
  const where = /%00/.test(req.originalUrl) ? { path: 'url', problem: 'contains a NUL character (%00)' } : findUnstorable(req.query) ?? findUnstorable(req.body);
  if (!where) return next();
  const message = where.path ? `${where.path}: ${where.problem}` : where.problem;
  next(new DomainError('invalid_input', `unstorable text in request: ${message}`, { userMessage: message }));
};
