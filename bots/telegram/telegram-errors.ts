import { TelegramError } from 'telegraf';
import { ChannelError, TransportError, describeFailure, type ChannelFailure } from '../channel-errors.js';

/** The Telegram error boundary: every Bot API failure leaves the adapter as a ChannelError or a TransportError. */
export function toTelegramFailure(error: unknown): ChannelFailure {
  if (error instanceof ChannelError || error instanceof TransportError) return error;
  if (error instanceof TelegramError) {
    const code = error.code;
    const retryAfter = error.parameters?.retry_after;
    return new ChannelError('telegram', `${code}: ${error.description || error.message}`, {
      code,
      // 400 (chat not found, bad markup) and 403 (blocked by the user) will not change by retrying.
      permanent: code === 400 || code === 403,
      ...(retryAfter !== undefined ? { retryAfterMs: retryAfter * 1000 } : {}),
      cause: error,
    });
  }
  return new TransportError('telegram', describeFailure(error), { cause: error });
}

/** Bot API answers that mean the token or the setup is wrong: polling cannot go on until the adapter restarts. */
export const isFatalForPolling = (f: ChannelFailure): boolean =>
  f instanceof ChannelError && (f.code === 401 || f.code === 404 || f.code === 409);
