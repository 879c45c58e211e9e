import { ChannelError, TransportError, describeFailure, type ChannelFailure } from '../channel-errors.js';

/** The Bot Framework error boundary: a connector answer becomes a ChannelError, anything else a TransportError. */
export function toBotFrameworkFailure(error: unknown): ChannelFailure {
  if (error instanceof ChannelError || error instanceof TransportError) return error;
  const status = statusOf(error);
  if (status === undefined) return new TransportError('botframework', describeFailure(error), { cause: error });
  return new ChannelError('botframework', `${status}: ${describeFailure(error)}`, {
    code: status,
    // A 4xx other than a timeout or a rate limit (the conversation is gone, the bot was removed) will not heal.
    permanent: status >= 400 && status < 500 && status !== 408 && status !== 429,
    ...(status === 429 ? { retryAfterMs: 5000 } : {}),
    cause: error,
  });
}

// botframework-connector throws a RestError with `statusCode` once the connector has answered.
function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const status = (error as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' ? status : undefined;
}
