import type { z } from 'zod';
import { DomainError } from '../../core/errors.js';
import type { WebchatGrant, WebchatTokens } from './webchat-token.js';

/** The grant for `conversationId`, or a DomainError a client can act on (401: get a new token; 403: wrong chat). */
export function authorize(tokens: WebchatTokens, token: string | undefined, conversationId: string): WebchatGrant {
  const grant = token ? tokens.verify(token) : null;
  if (!grant) {
    throw new DomainError('unauthorized', 'missing or invalid web chat token', { userMessage: 'A valid conversation token is required' });
  }
  if (grant.conversationId !== conversationId) {
    throw new DomainError('forbidden', 'web chat token belongs to another conversation', {
      userMessage: 'This token is not valid for this conversation',
    });
  }
  return grant;
}

export function bearerToken(header: string | undefined): string | undefined {
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}

/** Parses with zod, turning every issue into one user-readable invalid_input error. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message));
  throw new DomainError('invalid_input', `invalid web chat input: ${problems.join('; ')}`, { userMessage: problems.join('; ') });
}
