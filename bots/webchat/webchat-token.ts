import { createHmac, timingSafeEqual } from 'node:crypto';

export interface WebchatGrant {
  conversationId: string;
  visitorId: string;
}

const VERSION = 'wc1';
const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64url');
const unb64 = (s: string): string => Buffer.from(s, 'base64url').toString('utf8');

/**
 * Stateless bearer tokens for one web chat conversation: the ids ride in the token, signed with HMAC-SHA256, so any
 * instance holding the secret can verify them, also after a restart.
 */
export class WebchatTokens {
  private readonly key: Buffer;

  constructor(secret: string) {
    if (secret.length < 16) throw new Error('web chat token secret must be at least 16 characters');
    this.key = Buffer.from(secret, 'utf8');
  }

  issue(grant: WebchatGrant): string {
    const payload = `${VERSION}.${b64(grant.conversationId)}.${b64(grant.visitorId)}`;
    return `${payload}.${this.mac(payload).toString('base64url')}`;
  }

  /** The grant the token proves, or null when it is malformed or not signed with our secret. */
  verify(token: string): WebchatGrant | null {
    const parts = token.split('.');
    if (parts.length !== 4 || parts[0] !== VERSION) return null;
    const [, conv, visitor, sig] = parts as [string, string, string, string];
    // Compare the encoded text, not decoded bytes: base64 has several spellings of the same bytes.
    const given = Buffer.from(sig, 'utf8');
    const expected = Buffer.from(this.mac(`${VERSION}.${conv}.${visitor}`).toString('base64url'), 'utf8');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
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
