import { createHash } from 'node:crypto';
import { createInMemoryRepositories } from '../../core/in-memory/in-memory-repositories.js';
import { AuthService } from '../../core/users/auth-service.js';
import { hashPassword, verifyPassword } from '../../core/users/password.js';
import { ManualClock, silentLogger } from '../core/conversation-harness.js';

const HOUR = 3_600_000;

function setup() {
  const clock = new ManualClock();
  const repos = createInMemoryRepositories(() => clock.now());
  const auth = new AuthService(repos.users, repos.sessions, clock, silentLogger, {
    sessionTtlMs: 12 * HOUR,
    throttle: { maxFailures: 3, windowMs: 15 * 60_000 },
  });
  return { clock, repos, auth };
}

describe('passwords', () => {
  it('hashes at the configured cost, and verifies a stored hash by the cost it carries', async () => {
    const cheap = await hashPassword('correct horse', 10);
    expect(cheap.split('$').slice(0, 4)).toEqual(['scrypt', '1024', '8', '1']);
    expect(await verifyPassword('correct horse', cheap)).toBe(true);
    expect(await verifyPassword('correct horsf', cheap)).toBe(false);
    const clock = new ManualClock();
    const repos = createInMemoryRepositories(() => clock.now());
    const auth = new AuthService(repos.users, repos.sessions, clock, silentLogger, { sessionTtlMs: HOUR, throttle: { maxFailures: 3, windowMs: 60_000 }, passwordCost: 11 });
    await auth.createUser({ email: 'dot@shop.test', password: 'dot-password', role: 'agent' });
    expect((await repos.users.findByEmail('dot@shop.test'))?.passwordHash.split('$')[1]).toBe('2048');
    expect((await auth.login('dot@shop.test', 'dot-password', 'ip-1')).user.email).toBe('dot@shop.test');
  });

  it('hashes with scrypt and a fresh salt, and verifies only the right password', async () => {
    const [a, b] = await Promise.all([hashPassword('correct horse'), hashPassword('correct horse')]);
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse', a)).toBe(true);
    expect(await verifyPassword('correct horsf', a)).toBe(false);
    expect(await verifyPassword('correct horse', 'plain-text')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$99999999999$8$1$AAAA$BBBB')).toBe(false);
  });
});

describe('AuthService', () => {
  it('creates users with checked input and never stores the password', async () => {
    const { repos, auth } = setup();
    const user = await auth.createUser({ email: ' Li.Lei@Shop.TEST ', password: 'secret-pass', role: 'agent' });
    expect(user).toMatchObject({ email: 'li.lei@shop.test', displayName: 'li.lei', role: 'agent', presence: 'offline' });
    const stored = await repos.users.findByEmail('LI.LEI@shop.test');
    expect(stored?.passwordHash).toMatch(/^scrypt\$/);
    expect(stored?.passwordHash).not.toContain('secret-pass');
    await expect(auth.createUser({ email: 'li.lei@shop.test', password: 'another-pass', role: 'agent' })).rejects.toMatchObject({ code: 'conflict' });
    await expect(auth.createUser({ email: 'not-an-email', password: 'secret-pass', role: 'agent' })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(auth.createUser({ email: 'a@b.cn', password: 'short', role: 'agent' })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(auth.createUser({ email: 'a@b.cn', password: 'long-enough', role: 'boss' as never })).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('signs in, stores only a hash of the session token, and signs out', async () => {
    const { repos, auth } = setup();
    await auth.createUser({ email: 'ann@shop.test', password: 'ann-password', role: 'supervisor', displayName: 'Ann' });
    const signedIn = await auth.login('ANN@shop.test', 'ann-password', '10.0.0.1');
    expect(signedIn.user).toMatchObject({ displayName: 'Ann', role: 'supervisor' });
    expect(await repos.sessions.get(signedIn.token)).toBeNull();
    const id = createHash('sha256').update(signedIn.token).digest('hex');
    expect(await repos.sessions.get(id)).toMatchObject({ csrfToken: signedIn.csrfToken });
    const me = await auth.authenticate(signedIn.token);
    expect(me?.user.id).toBe(signedIn.user.id);
    expect(() => auth.verifyCsrf(me!.session, signedIn.csrfToken)).not.toThrow();
    expect(() => auth.verifyCsrf(me!.session, undefined)).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(() => auth.verifyCsrf(me!.session, `${signedIn.csrfToken}x`)).toThrow(expect.objectContaining({ code: 'forbidden' }));
    await auth.logout(signedIn.token);
    expect(await auth.authenticate(signedIn.token)).toBeNull();
    expect(await auth.authenticate('forged')).toBeNull();
  });

  it('rejects wrong passwords and unknown users alike, and expires idle sessions', async () => {
    const { clock, auth } = setup();
    await auth.createUser({ email: 'bob@shop.test', password: 'bob-password', role: 'agent' });
    await expect(auth.login('bob@shop.test', 'wrong-password', 'ip-1')).rejects.toMatchObject({ code: 'unauthorized', userMessage: 'Wrong e-mail address or password' });
    await expect(auth.login('nobody@shop.test', 'bob-password', 'ip-1')).rejects.toMatchObject({ code: 'unauthorized', userMessage: 'Wrong e-mail address or password' });
    const { token } = await auth.login('bob@shop.test', 'bob-password', 'ip-1');
    clock.advance(7 * HOUR); // second half of the 12 h: extended
    expect(await auth.authenticate(token)).not.toBeNull();
    clock.advance(11 * HOUR);
    expect(await auth.authenticate(token)).not.toBeNull();
    clock.advance(13 * HOUR);
    expect(await auth.authenticate(token)).toBeNull();
  });

  it('rate-limits guessing per account and per client address', async () => {
    const { clock, auth } = setup();
    await auth.createUser({ email: 'cat@shop.test', password: 'cat-password', role: 'agent' });
    for (let i = 0; i < 3; i++) await expect(auth.login('cat@shop.test', `guess-${i}`, 'ip-1')).rejects.toMatchObject({ code: 'unauthorized' });
    // Even the right password is refused now, from any address.
    await expect(auth.login('cat@shop.test', 'cat-password', 'ip-2')).rejects.toMatchObject({ code: 'rate_limited', details: { retryAfterSeconds: 900 } });
    clock.advance(15 * 60_000);
    expect((await auth.login('cat@shop.test', 'cat-password', 'ip-2')).user.email).toBe('cat@shop.test');
    // One address trying many accounts: 4 × 3 failures.
    for (let i = 0; i < 12; i++) await expect(auth.login(`u${i}@shop.test`, 'nope-nope', 'ip-9')).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(auth.login('cat@shop.test', 'cat-password', 'ip-9')).rejects.toMatchObject({ code: 'rate_limited' });
  }, 120_000); // about 17 real scrypt hashes, each 32 MiB of work: slow on a busy machine
});
