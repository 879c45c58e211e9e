import type { ErrorCode } from '../../core/errors.js';

/** The one place where domain error codes become HTTP statuses. */
export const ERROR_STATUS: Record<ErrorCode, number> = {
  invalid_input: 422,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  sensitive_word: 422,
  unavailable: 503,
  internal: 500,
};

export const statusForCode = (code: ErrorCode): number => ERROR_STATUS[code];
