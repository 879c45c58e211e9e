import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../app/config.js';
import { startKefu, type RunningKefu } from '../../app/start.js';
import { SECRET } from '../webchat/webchat-harness.js';

const dir = mkdtempSync(join(tmpdir(), 'kefu-sla-restart-'));
const config = loadConfig({
  LOG_LEVEL: 'silent', KEFU_SECRET: SECRET, KEFU_DATA_DIR: dir, KEFU_BUSINESS_HOURS: 'Mon-Sun 00:00-24:00',
  KEFU_SLA_POLICY: JSON.stringify({ rules: [{ firstResponse: '2s', resolution: '1h' }] }), KEFU_SLA_POLL_MS: '100',
});
const start = () => startKefu({ ...config, port: 0, host: '127.0.0.1', databaseUrl: `file:${join(dir, 'kefu.db')}` });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let kefu: RunningKefu | undefined;

afterAll(async () => {
  await kefu?.close();
  rmSync(dir, { recursive: true, force: true });
});

it('fires an SLA breach that fell due while Kefu was stopped, once, after it starts again', async () => {
  kefu = await start();
  const sue = await kefu.services.auth.createUser({ email: 'sue@shop.test', password: 'sue-password', role: 'supervisor', displayName: 'sue' });
  const ticket = await kefu.services.tickets.service.create(sue, { type: 'inquiry', description: '重启前创建' });
  const due = ticket.firstResponseDueAt!.getTime();
  expect(due - ticket.createdAt.getTime()).toBe(2000);
  await kefu.close();
  kefu = undefined;
  // Stopped: no timer in this process can fire any more; only the database remembers the deadline.
  await sleep(Math.max(0, due - Date.now()) + 500);

  kefu = await start();
  const { repos } = kefu.services;
  const deadline = Date.now() + 5000;
  let escalated = await repos.tickets.get(ticket.id);
  while (!escalated?.escalatedAt && Date.now() < deadline) {
    await sleep(50);
    escalated = await repos.tickets.get(ticket.id);
  }
  expect(escalated?.firstResponseBreachedAt?.getTime()).toBeGreaterThanOrEqual(due);
  expect(escalated?.escalatedAt).toEqual(escalated?.firstResponseBreachedAt);
  await sleep(300);
  // The warning was due too, but a target already missed is escalated, not warned about; nothing fires twice.
  expect((await repos.tickets.events(ticket.id)).map((e) => e.action)).toEqual(['created', 'sla_breach']);
  const list = await kefu.services.tickets.queries.list(sue, { escalated: true });
  expect(list.tickets.map((t) => [t.number, t.sla.firstResponse.state])).toEqual([[ticket.number, 'breached']]);
});
