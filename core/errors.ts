export const ERROR_CODES = [
  'invalid_input',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'rate_limited',
  /** An agent's reply holds a word the store's list blocks (core/supervision). */
  'sensitive_word',
  'unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The one error type of the domain. `userMessage` is what customers and API clients may see. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly userMessage: string;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, options: { userMessage?: string; cause?: unknown; details?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'DomainError';
    this.code = code;
    this.userMessage = options.userMessage ?? message;
    this.details = options.details;
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;

/** A dependency out of reach (the database, say): the same answer as an overload, safe to resend. */
export const dependencyUnavailable = (cause: unknown): DomainError => new DomainError('unavailable', 'a dependency is unavailable', {
  cause, userMessage: 'The service is temporarily unavailable. Please try again in a moment.', details: { retryAfterSeconds: 2 },
});
