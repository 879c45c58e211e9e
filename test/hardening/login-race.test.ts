import { request } from 'node:http';
import { startAgentHarness, type AgentHarness } from '../agents/agent-harness.js';

// The sign-in limit must hold when guesses arrive all at once, not only one after another: scrypt takes long enough
// for a whole batch to pass a check that only counts finished failures.
let h: AgentHarness;

beforeAll(async () => {
  // Each case comes from its own address (through a trusted proxy), so one case's failures do not limit the other.
  h = await startAgentHarness({ env: { KEFU_LOGIN_MAX_FAILURES: '5', KEFU_TRUST_PROXY: 'loopback' } });
  await h.addUser('ann', 'agent', 'the-right-password');
  await h.addUser('bob', 'agent', 'bobs-right-password');
});
afterAll(() => h.close());

/** One sign-in on its own TCP connection (fetch in jest may queue requests on one), so a batch really is parallel. */
function login(email: string, password: string, from: string): Promise<number> {
  const body = JSON.stringify({ email, password });
  return new Promise((resolve, reject) => {
    const req = request(`${h.url}/api/auth/login`, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-forwarded-for': from } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

it('lets at most the limit of 30 parallel sign-ins be checked, so a right password late in the batch is refused too', async () => {
  const passwords = [...Array.from({ length: 29 }, (_, i) => `wrong-${i}`), 'the-right-password'];
  const statuses = await Promise.all(passwords.map((p) => login('ann@shop.test', p, '198.51.100.1')));
  const checked = statuses.filter((s) => s === 200 || s === 401);
  expect(checked.length).toBeLessThanOrEqual(5);
  expect(statuses.filter((s) => s === 429)).toHaveLength(30 - checked.length);
  // The right password is last in the batch: it arrived after the limit was taken.
  expect(statuses[29]).toBe(429);
});

it('checks at most 5 of 200 parallel wrong passwords', async () => {
  const statuses = await Promise.all(Array.from({ length: 200 }, (_, i) => login('bob@shop.test', `guess-${i}`, '198.51.100.2')));
  expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
  expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
});
