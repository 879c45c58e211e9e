import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The first-run link's token: derived from the instance secret, so every instance sharing KEFU_SECRET accepts the
 * same link and nothing has to be stored. It opens nothing once an admin exists.
 */
export function setupToken(secret: string): string {
  return createHmac('sha256', secret).update('kefu first-run setup').digest('base64url').slice(0, 32);
}

export function isSetupToken(secret: string, candidate: unknown): boolean {
  if (typeof candidate !== 'string') return false;
  const expected = Buffer.from(setupToken(secret));
  const given = Buffer.from(candidate);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
