import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStorage } from '../../prisma/storage.js';

// Runs the real `kefu` bin (compiled by `npm run build`, which `npm test` runs first) on a fresh SQLite file.
const dir = mkdtempSync(join(tmpdir(), 'kefu-cli-admin-'));
const url = `file:${join(dir, 'kb.db')}`;
const env = { ...process.env, DATABASE_URL: url, KEFU_DATA_DIR: dir, LOG_LEVEL: 'silent', KEFU_KB_AUTOLOAD: 'false' };
const kefu = (...args: string[]) => spawnSync(process.execPath, ['bin/kefu.js', ...args], { env, encoding: 'utf8' });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('kefu kb import --dry-run and versioning', () => {
  const file = join(dir, 'faqs.json');
  beforeAll(() => writeFileSync(file, JSON.stringify([
    { id: 'cat-food', question: '你们卖猫粮吗', answer: '卖的。' },
    { id: 'bad', question: '', answer: 'x' },
  ])));

  it('lists what would change and why rows are rejected, and changes nothing', async () => {
    const run = kefu('kb', 'import', file, '--dry-run');
    expect(run.stdout).toContain('would add    cat-food');
    expect(run.stderr).toMatch(/rejected row 2 \(bad\): question/);
    expect(run.stdout).toContain('dry run, nothing changed: 1 added, 0 updated, 0 unchanged, 0 removed, 1 rejected');
    expect(JSON.parse(kefu('kb', 'export').stdout)).toEqual([]);
  });

  it('imports versioned with the actor "cli", and a dry run then shows what an edit would change', async () => {
    expect(kefu('kb', 'import', file).stdout).toContain('added     cat-food');
    writeFileSync(file, JSON.stringify([{ id: 'cat-food', question: '你们卖猫粮吗', answer: '卖的，在宠物区。' }]));
    expect(kefu('kb', 'import', file, '--dry-run').stdout).toContain('would change cat-food  (answer)');
    expect(kefu('kb', 'import', file).status).toBe(0);
    const storage = await openStorage(url);
    try {
      const history = await storage.repos.faqs.history('cat-food');
      expect(history.map((v) => [v.version, v.action, v.actor.name, v.note])).toEqual([[2, 'import', 'cli', 'faqs.json'], [1, 'import', 'cli', 'faqs.json']]);
      expect((await storage.repos.audit.list({ target: 'faqs' }))[0]).toMatchObject({ action: 'faq.import', actor: { id: null, name: 'cli' } });
    } finally {
      await storage.close();
    }
  });
});
