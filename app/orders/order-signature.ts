import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * `X-Kefu-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">` with KEFU_ORDERS_SECRET (docs/orders-api.md).
 * The timestamp inside the signed text lets the store refuse replays older than a few minutes.
 */
export function signOrderRequest(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
}

/** The store's side of the check (used by the fake store in tests, and a reference for store developers). */
export function verifyOrderSignature(secret: string, header: string | undefined, body: string, now: Date, toleranceSeconds = 300): boolean {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header ?? '');
  if (!match) return false;
  const t = Number(match[1]);
  if (Math.abs(now.getTime() / 1000 - t) > toleranceSeconds) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  return timingSafeEqual(expected, Buffer.from(match[2]!, 'hex'));
}
