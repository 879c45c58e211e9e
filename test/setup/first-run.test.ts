import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setupToken } from '../../app/setup/setup-token.js';
import { AgentClient, startAgentHarness, type AgentHarness } from '../agents/agent-harness.js';
import { SECRET } from '../webchat/webchat-harness.js';

let h: AgentHarness;
const token = setupToken(SECRET);
const admin = { email: 'owner@shop.test', password: 'owner-password' };

beforeAll(async () => {
  h = await startAgentHarness({ env: { KEFU_DEMO: 'true' } });
});
afterAll(() => h?.close());

describe('first run', () => {
  it('says setup is needed and the demo page says where the agent side is', async () => {
    const client = new AgentClient(h.url);
    expect((await client.get<{ needed: boolean }>('/api/setup')).body.needed).toBe(true);
    const demo = await client.get<{ demo: boolean; setupNeeded: boolean; consoleUrl: string; open: boolean; agentsOnline: number }>('/api/demo');
    expect(demo.body).toMatchObject({ demo: true, setupNeeded: true, consoleUrl: '/console/', open: true, agentsOnline: 0 });
  });

  it('refuses a wrong token, a bad time zone and a short password, creating nobody', async () => {
    const client = new AgentClient(h.url);
    expect((await client.post('/api/setup', { ...admin, token: 'x'.repeat(32) })).status).toBe(403);
    const zone = await client.post('/api/setup', { ...admin, token, timeZone: 'Mars/Olympus' });
    expect(zone.status).toBe(422);
    expect(zone.body.error?.message).toContain('Mars/Olympus');
    expect((await client.post('/api/setup', { ...admin, token, password: 'short' })).status).toBe(422);
    expect(await h.kefu.services.repos.users.count()).toBe(0);
  });

  it('creates the first admin, keeps the store settings and signs the admin in; then the link is spent', async () => {
    const client = new AgentClient(h.url);
    const res = await client.post<{ user: { role: string }; redirect: string }>('/api/setup', {
      ...admin, token, displayName: '店长', storeName: '猫咪用品店', businessHours: 'Mon-Sun 00:00-24:00', timeZone: 'Europe/Berlin',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ user: { role: 'admin' }, redirect: '/console/' });
    const me = await client.get<{ user: { email: string; role: string; displayName: string } }>('/api/auth/me');
    expect(me.body.user).toMatchObject({ email: admin.email, role: 'admin', displayName: '店长' });
    const stored = JSON.parse(readFileSync(join(h.dataDir, 'store.json'), 'utf8'));
    expect(stored).toEqual({ storeName: '猫咪用品店', businessHours: 'Mon-Sun 00:00-24:00', timeZone: 'Europe/Berlin' });
    const again = await new AgentClient(h.url).post('/api/setup', { email: 'intruder@shop.test', password: 'intruder-password', token });
    expect(again.status).toBe(409);
    expect(await h.kefu.services.repos.users.count()).toBe(1);
    expect((await client.get<{ setupNeeded: boolean }>('/api/demo')).body.setupNeeded).toBe(false);
  });
});
