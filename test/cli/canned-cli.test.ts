import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Runs the real `kefu` bin (compiled by `npm run build`, which `npm test` runs first) on a fresh SQLite file.
const dir = mkdtempSync(join(tmpdir(), 'kefu-canned-cli-'));
const env = { ...process.env, DATABASE_URL: `file:${join(dir, 'canned.db')}`, KEFU_DATA_DIR: dir, LOG_LEVEL: 'silent' };
const kefu = (args: string[]) => spawnSync(process.execPath, ['bin/kefu.js', ...args], { env, encoding: 'utf8' });
type Listed = Array<{ shortcut: string; category: string; title: string; text: string }>;
const listed = (): Listed => JSON.parse(kefu(['canned', 'list', '--json']).stdout) as Listed;

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('kefu canned', () => {
  it('lists the default set of a fresh install, adds, removes and imports team replies', () => {
    expect(listed()).toContainEqual(expect.objectContaining({ shortcut: '退货', category: '售后' }));
    const add = kefu(['canned', 'add', '--shortcut', '/会员', '--category', '会员', '--title', '会员权益', '--text', '{客户名}您好，会员享 95 折。']);
    expect([add.status, add.stdout.trim()]).toEqual([0, 'added /会员 (会员权益)']);
    expect(kefu(['canned', 'list']).stdout).toMatch(/\/会员\s+会员\s+会员权益/);
    const file = join(dir, 'replies.json');
    writeFileSync(file, JSON.stringify([{ shortcut: '会员', title: '会员权益', text: '会员享 9 折。' }, { shortcut: '尺码', category: '商品', title: '尺码建议', text: '请告诉我身高体重。' }]));
    expect(kefu(['canned', 'import', file]).stdout.trim()).toBe('1 added, 1 updated');
    expect(listed().filter((r) => ['会员', '尺码'].includes(r.shortcut))).toEqual([
      { shortcut: '会员', category: '', title: '会员权益', text: '会员享 9 折。' },
      { shortcut: '尺码', category: '商品', title: '尺码建议', text: '请告诉我身高体重。' },
    ]);
    expect(kefu(['canned', 'remove', '/尺码']).status).toBe(0);
    expect(listed().some((r) => r.shortcut === '尺码')).toBe(false);
  }, 120_000); // several CLI runs, each a fresh Node process, on a shared 2-core machine

  it('refuses bad input with a message and changes nothing', () => {
    const before = listed();
    const missing = kefu(['canned', 'add', '--shortcut', 'x']);
    expect([missing.status, missing.stderr]).toEqual([1, expect.stringContaining('title')]);
    const spaced = kefu(['canned', 'add', '--shortcut', 'two words', '--title', 't', '--text', 'x']);
    expect(spaced.stderr).toContain('must be one word');
    const taken = kefu(['canned', 'add', '--shortcut', '退货', '--title', 't', '--text', 'x']);
    expect([taken.status, taken.stderr]).toEqual([1, expect.stringContaining('already used')]);
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify([{ shortcut: '新的', title: 'ok', text: 'ok' }, { shortcut: '', title: '', text: '' }]));
    const bad = kefu(['canned', 'import', file]);
    expect([bad.status, bad.stderr]).toEqual([1, expect.stringContaining('rejected row 2')]);
    writeFileSync(file, '{not json');
    expect(kefu(['canned', 'import', file]).stderr).toContain('is not a JSON array');
    expect(kefu(['canned', 'remove', 'nope']).stderr).toContain('no team canned reply /nope');
    expect(listed()).toEqual(before);
  }, 120_000);
});
