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
    const [v, , visitor, sig] = tokens.issue(grant).split('.');
    const swapped = [v, Buffer.from('conv-2').toString('base64url'), visitor, sig].join('.');
    expect(tokens.verify(swapped)).toBeNull();
  });

  it('rejects every other spelling of the signature, including base64 padding bits', () => {
    const token = tokens.issue(grant);
    const sig = token.split('.')[3] ?? '';
    const last = sig.at(-1) ?? 'A';
    // The last of 43 base64url characters carries 2 unused bits; flipping one keeps the decoded bytes equal.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const twin = alphabet[alphabet.indexOf(last) ^ 1] ?? '';
    expect(Buffer.from(sig.slice(0, -1) + twin, 'base64url')).toEqual(Buffer.from(sig, 'base64url'));
    expect(tokens.verify(token.slice(0, -1) + twin)).toBeNull();
    expect(tokens.verify(`${token}x`)).toBeNull();
  });

  it.each(['', 'abc', 'wc1.a.b', 'wc2.a.b.c', 'wc1...'])('rejects malformed token %p', (token) => {
    expect(tokens.verify(token)).toBeNull();
  });

  it('refuses a short secret', () => {
    expect(() => new WebchatTokens('short')).toThrow(/secret/);
  });
});
