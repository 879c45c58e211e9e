import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStorage } from '../../prisma/storage.js';
import { verifyPassword } from '../../core/users/password.js';

// Runs the real `kefu` bin (compiled by `npm run build`, which `npm test` runs first) on a fresh SQLite file.
const dir = mkdtempSync(join(tmpdir(), 'kefu-user-cli-'));
const url = `file:${join(dir, 'users.db')}`;
const env = { ...process.env, DATABASE_URL: url, KEFU_DATA_DIR: dir, LOG_LEVEL: 'silent' };
const kefu = (args: string[], extra: Record<string, string> = {}) => spawnSync(process.execPath, ['bin/kefu.js', ...args], { env: { ...env, ...extra }, encoding: 'utf8' });

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('kefu user', () => {
  it('says how to add the first user when there is none', () => {
    const run = kefu(['user', 'list']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('kefu user add');
  });

  it('adds users with a hashed password and lists them', async () => {
    const add = kefu(['user', 'add', '--email', 'Boss@Shop.test', '--password', 'a-long-password', '--role', 'admin', '--name', '老板']);
    expect(add.stderr).toBe('');
    expect(add.stdout).toContain('created admin boss@shop.test (老板)');
    expect(kefu(['user', 'add', '--email', 'li@shop.test', '--role', 'agent', '--capacity', '3'], { KEFU_NEW_PASSWORD: 'li-password-1' }).status).toBe(0);
    const list = JSON.parse(kefu(['user', 'list', '--json']).stdout);
    expect(list).toEqual([
      expect.objectContaining({ email: 'boss@shop.test', role: 'admin', displayName: '老板', presence: 'offline', capacity: null }),
      expect.objectContaining({ email: 'li@shop.test', role: 'agent', capacity: 3 }),
    ]);
    expect(kefu(['user', 'list']).stdout).toMatch(/agent\s+li@shop\.test\s+li\s+offline\s+capacity 3/);
    const storage = await openStorage(url);
    try {
      const stored = await storage.repos.users.findByEmail('boss@shop.test');
      expect(stored?.passwordHash).toMatch(/^scrypt\$/);
      expect(await verifyPassword('a-long-password', stored?.passwordHash ?? '')).toBe(true);
    } finally {
      await storage.close();
    }
  }, 120_000); // five CLI runs, each a fresh Node process, on a shared 2-core machine

  it('refuses duplicates, bad roles, short passwords and missing options with a message', () => {
    const dup = kefu(['user', 'add', '--email', 'boss@shop.test', '--password', 'another-password', '--role', 'agent']);
    expect([dup.status, dup.stderr]).toEqual([1, expect.stringContaining('already exists')]);
    const role = kefu(['user', 'add', '--email', 'x@shop.test', '--password', 'another-password', '--role', 'boss']);
    expect([role.status, role.stderr]).toEqual([2, expect.stringContaining('--role must be one of admin, supervisor, agent')]);
    const short = kefu(['user', 'add', '--email', 'x@shop.test', '--password', 'short', '--role', 'agent']);
    expect([short.status, short.stderr]).toEqual([1, expect.stringContaining('password must be 8 to 200 characters')]);
    expect(kefu(['user', 'add', '--email', 'x@shop.test']).status).toBe(2);
  }, 120_000);

  it('disables, enables, removes, changes roles and resets passwords; never the last admin', async () => {
    const disable = kefu(['user', 'disable', 'li@shop.test']);
    expect([disable.status, disable.stdout.trim()]).toEqual([0, 'li@shop.test (li): disabled']);
    expect(kefu(['user', 'list']).stdout).toMatch(/li@shop\.test .* disabled/);
    expect(kefu(['user', 'enable', 'li@shop.test']).stdout).toContain('li@shop.test (li): active');
    expect(kefu(['user', 'set-role', 'li@shop.test', '--role', 'supervisor']).stdout).toContain('role supervisor');
    const lastAdmin = kefu(['user', 'remove', 'boss@shop.test']);
    expect([lastAdmin.status, lastAdmin.stderr]).toEqual([1, expect.stringContaining('Cannot remove the last active admin')]);
    expect(kefu(['user', 'reset-password', 'li@shop.test'], { KEFU_NEW_PASSWORD: 'li-new-password' }).status).toBe(0);
    expect(kefu(['user', 'remove', 'li@shop.test']).stdout).toContain('li@shop.test (li): removed');
    expect(kefu(['user', 'disable', 'nobody@shop.test']).stderr).toContain('User not found');
    const storage = await openStorage(url);
    try {
      const li = await storage.repos.users.findByEmail('li@shop.test');
      expect([li?.user.status, li?.user.role, await verifyPassword('li-new-password', li?.passwordHash ?? '')]).toEqual(['removed', 'supervisor', true]);
      const audit = await storage.repos.audit.list({ target: `user:${li?.user.id}` });
      expect(audit.map((a) => a.action)).toEqual(['user.remove', 'user.password', 'user.role', 'user.enable', 'user.disable']);
    } finally {
      await storage.close();
    }
  }, 180_000);
});
