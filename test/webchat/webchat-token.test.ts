import { WebchatTokens } from '../../bots/webchat/webchat-token.js';

const tokens = new WebchatTokens('0123456789abcdef0123456789abcdef');
const grant = { conversationId: 'conv-1', visitorId: 'v-1' };

describe('WebchatTokens', () => {
  it('verifies its own tokens on another instance with the same secret (stateless)', () => {
    const token = tokens.issue(grant);
    expect(new WebchatTokens('0123456789abcdef0123456789abcdef').verify(token)).toEqual(grant);
  });

  it('rejects tokens signed with another secret', () => {
    expect(new WebchatTokens('another-secret-another-secret!!').verify(tokens.issue(grant))).toBeNull();
  });

  it('rejects a token whose conversation id was swapped', () => {
    const [v, , visitor, expires, sig] = tokens.issue(grant).split('.');
    const swapped = [v, Buffer.from('conv-2').toString('base64url'), visitor, expires, sig].join('.');
    expect(tokens.verify(swapped)).toBeNull();
  });

  it('rejects every other spelling of the signature, including base64 padding bits', () => {
    const token = tokens.issue(grant);
    const sig = token.split('.')[4] ?? '';
    const last = sig.at(-1) ?? 'A';
    // The last of 43 base64url characters carries 2 unused bits; flipping one keeps the decoded bytes equal.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const twin = alphabet[alphabet.indexOf(last) ^ 1] ?? '';
    expect(Buffer.from(sig.slice(0, -1) + twin, 'base64url')).toEqual(Buffer.from(sig, 'base64url'));
    expect(tokens.verify(token.slice(0, -1) + twin)).toBeNull();
    expect(tokens.verify(`${token}x`)).toBeNull();
  });

  it('expires after its lifetime, and an extended expiry breaks the signature', () => {
    let now = Date.UTC(2026, 0, 1);
    const short = new WebchatTokens('0123456789abcdef0123456789abcdef', { ttlMs: 60_000, now: () => now });
    const { token, expiresAt } = short.issueWithExpiry(grant);
    expect(expiresAt.toISOString()).toBe('2026-01-01T00:01:00.000Z');
    now += 59_000;
    expect(short.verify(token)).toEqual(grant);
    now += 1_000;
    expect(short.verify(token)).toBeNull();
    const parts = token.split('.');
    parts[3] = (parseInt(parts[3] ?? '0', 36) + 3600).toString(36);
    expect(short.verify(parts.join('.'))).toBeNull();
  });

  it('refuses the tokens of the previous format, which never expired', () => {
    const legacy = `wc1.${Buffer.from('conv-1').toString('base64url')}.${Buffer.from('v-1').toString('base64url')}.sig`;
    expect(tokens.verify(legacy)).toBeNull();
  });

  it.each(['', 'abc', 'wc1.a.b', 'wc2.a.b.c', 'wc2.a.b.c.d', 'wc1...'])('rejects malformed token %p', (token) => {
    expect(tokens.verify(token)).toBeNull();
  });

  it('refuses a short secret', () => {
    expect(() => new WebchatTokens('short')).toThrow(/secret/);
  });
});
