import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Runs the real `kefu` bin (compiled by `npm run build`, which `npm test` runs first) on a fresh SQLite file.
const dir = mkdtempSync(join(tmpdir(), 'kefu-cli-'));
const env = { ...process.env, DATABASE_URL: `file:${join(dir, 'kb.db')}`, KEFU_DATA_DIR: dir, LOG_LEVEL: 'silent' };
const kefu = (...args: string[]) => spawnSync(process.execPath, ['bin/kefu.js', ...args], { env, encoding: 'utf8' });

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const csv = [
  'id,question,answer,category,alternates',
  'cat-food,你们卖猫粮吗,卖的，在宠物专区。,pre-sale,有猫粮吗|猫粮有货吗',
  ',,no question,,',
  '"dog-food","你们卖狗粮吗, 大包装","卖的，""大包装""有货",pre-sale,',
].join('\n');

describe('kefu kb', () => {
  const file = join(dir, 'faqs.csv');
  beforeAll(() => writeFileSync(file, csv));

  it('imports a CSV into a fresh database, listing added and rejected rows with reasons', () => {
    const run = kefu('kb', 'import', file);
    expect(run.stdout).toContain('added     cat-food');
    expect(run.stdout).toContain('added     dog-food');
    expect(run.stderr).toMatch(/rejected row 3: question/);
    expect(run.stdout).toContain('2 added, 0 updated, 0 unchanged, 0 removed, 1 rejected');
    expect(run.status).toBe(1);
  });

  it('is idempotent on re-import', () => {
    expect(kefu('kb', 'import', file).stdout).toContain('0 added, 0 updated, 2 unchanged');
  });

  it('refuses --replace while rows are rejected, changing nothing', () => {
    const run = kefu('kb', 'import', file, '--replace');
    expect(run.stderr).toContain('Nothing was changed');
    expect(JSON.parse(kefu('kb', 'export').stdout)).toHaveLength(2);
  });

  it('answers with the imported entry and exports it with quoting intact', () => {
    const ask = JSON.parse(kefu('kb', 'ask', '有猫粮吗', '--json').stdout);
    expect(ask).toMatchObject({ decision: 'answer', faqId: 'cat-food' });
    expect(ask.matches[0]).toMatchObject({ faqId: 'cat-food' });
    const exported = kefu('kb', 'export', '--format', 'csv').stdout;
    expect(exported).toContain('"卖的，""大包装""有货"');
  });

  it('replaces the whole knowledge base from a clean JSON file', () => {
    const json = join(dir, 'one.json');
    writeFileSync(json, JSON.stringify([{ id: 'only', question: '只有这一条吗', answer: '是的' }]));
    const run = kefu('kb', 'import', json, '--replace');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('removed   cat-food');
    expect(JSON.parse(kefu('kb', 'export').stdout).map((e: { id: string }) => e.id)).toEqual(['only']);
  });

  it('evaluates a labelled set and reports the three rates as JSON', () => {
    const set = join(dir, 'eval.json');
    writeFileSync(set, JSON.stringify([{ q: '只有这一条吗?', expect: 'only' }, { q: '今天天气怎么样', expect: null }]));
    const report = JSON.parse(kefu('kb', 'eval', set, '--json').stdout);
    expect(report).toMatchObject({ total: 2, top1Accuracy: 1, correctDeclineRate: 1, confidentWrongRate: 0 });
  });

  it('explains bad usage and bad configuration with a non-zero exit', () => {
    expect(kefu('kb', 'frobnicate').status).toBe(2);
    const bad = spawnSync(process.execPath, ['bin/kefu.js', 'kb', 'export'], { env: { ...env, DATABASE_URL: 'mysql://x' }, encoding: 'utf8' });
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain('DATABASE_URL');
  });
});
