import { createHmac, timingSafeEqual } from 'node:crypto';

export interface WebchatGrant {
  conversationId: string;
  visitorId: string;
}

const VERSION = 'wc2';
/** How long a conversation token is valid unless configured (KEFU_WEBCHAT_TOKEN_TTL_HOURS); the widget refreshes it. */
export const DEFAULT_TOKEN_TTL_MS = 24 * 3_600_000;
const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64url');
const unb64 = (s: string): string => Buffer.from(s, 'base64url').toString('utf8');

/**
 * Stateless bearer tokens for one web chat conversation: the ids and the expiry ride in the token, signed with
 * HMAC-SHA256, so any instance holding the secret can verify them, also after a restart. A token expires after
 * `ttlMs`; while still valid it can be exchanged for a fresh one. Erasing a customer gives their conversations new ids,
 * which is what revokes the tokens naming them.
 */
export class WebchatTokens {
  private readonly key: Buffer;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(secret: string, options: { ttlMs?: number; now?: () => number } = {}) {
    if (secret.length < 16) throw new Error('web chat token secret must be at least 16 characters');
    this.key = Buffer.from(secret, 'utf8');
    this.ttlMs = options.ttlMs ?? DEFAULT_TOKEN_TTL_MS;
    // Wall-clock time, not the services' clock: expiry is a security property of real time.
    this.now = options.now ?? Date.now;
  }

  issue(grant: WebchatGrant): string {
    return this.issueWithExpiry(grant).token;
  }

  issueWithExpiry(grant: WebchatGrant): { token: string; expiresAt: Date } {
    const expires = Math.ceil((this.now() + this.ttlMs) / 1000);
    const payload = `${VERSION}.${b64(grant.conversationId)}.${b64(grant.visitorId)}.${expires.toString(36)}`;
    return { token: `${payload}.${this.mac(payload).toString('base64url')}`, expiresAt: new Date(expires * 1000) };
  }

  /** The grant the token proves, or null when it is malformed, expired or not signed with our secret. */
  verify(token: string): WebchatGrant | null {
    const parts = token.split('.');
    if (parts.length !== 5 || parts[0] !== VERSION) return null;
    const [, conv, visitor, expires, sig] = parts as [string, string, string, string, string];
    // Compare the encoded text, not decoded bytes: base64 has several spellings of the same bytes.
    const given = Buffer.from(sig, 'utf8');
    const expected = Buffer.from(this.mac(`${VERSION}.${conv}.${visitor}.${expires}`).toString('base64url'), 'utf8');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    if (!/^[0-9a-z]{1,11}$/.test(expires) || parseInt(expires, 36) * 1000 <= this.now()) return null;
    return { conversationId: unb64(conv), visitorId: unb64(visitor) };
  }

  /** Proof that the holder was given this visitor id, so a new conversation may join that visitor's history. */
  visitorToken(visitorId: string): string {
    return this.mac(`visitor.${b64(visitorId)}`).toString('base64url');
  }

  verifyVisitor(visitorId: string, token: string): boolean {
    const given = Buffer.from(token, 'utf8');
    const expected = Buffer.from(this.visitorToken(visitorId), 'utf8');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private mac(payload: string): Buffer {
    return createHmac('sha256', this.key).update(`kefu-webchat:${payload}`).digest();
  }
}
