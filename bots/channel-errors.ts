import type { ChannelId } from '../core/types.js';

/** The platform answered and refused (bad request, blocked by the user, rate limited…). */
export class ChannelError extends Error {
  override readonly name = 'ChannelError';
  readonly code: string | number | undefined;
  /** Retrying cannot help (the chat is gone, the bot was blocked, the request is malformed). */
  readonly permanent: boolean;
  /** The platform asked us to wait this long before trying again. */
  readonly retryAfterMs: number | undefined;

  constructor(
    readonly channel: ChannelId,
    message: string,
    options: { code?: string | number; permanent?: boolean; retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.code = options.code;
    this.permanent = options.permanent ?? false;
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** The platform could not be reached or did not answer (DNS, refused connection, timeout, 5xx, logged out). */
export class TransportError extends Error {
  override readonly name = 'TransportError';

  constructor(readonly channel: ChannelId, message: string, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause });
  }
}

export type ChannelFailure = ChannelError | TransportError;

export const isChannelFailure = (e: unknown): e is ChannelFailure => e instanceof ChannelError || e instanceof TransportError;

export const isPermanentFailure = (e: unknown): boolean => e instanceof ChannelError && e.permanent;

// Telegram puts the bot token in every URL; errors quoting a URL must not carry it into logs or the database.
const TOKEN_IN_URL = /bot\d+:[\w-]+/g;

/** A short description safe to log and to store as `lastError` (no tokens). */
export function describeFailure(e: unknown): string {
  const text = e instanceof Error ? `${e.name === 'Error' ? '' : `${e.name}: `}${e.message}` : String(e);
  return text.replace(TOKEN_IN_URL, 'bot<token>').slice(0, 500);
}
