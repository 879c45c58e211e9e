import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../app/config.js';
import { startKefu } from '../../app/start.js';
import { WebchatClient } from '../webchat/webchat-harness.js';

// The real `kefu` bin (compiled by `npm run build`, which `npm test` runs first) on a SQLite store with data.
const dir = mkdtempSync(join(tmpdir(), 'kefu-db-cli-'));
const databaseUrl = `file:${join(dir, 'kefu.db')}`;
const env = { ...process.env, DATABASE_URL: databaseUrl, KEFU_DATA_DIR: dir, LOG_LEVEL: 'silent', KEFU_SECRET: 'db-cli-test-secret-0123456789abcdef' };
const kefu = (...args: string[]) => spawnSync(process.execPath, ['bin/kefu.js', ...args], { env, encoding: 'utf8' });

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs a real server on the store for `work`, then stops it. */
async function withServer<T>(work: (server: Awaited<ReturnType<typeof startKefu>>) => Promise<T>): Promise<T> {
  const config = loadConfig({ LOG_LEVEL: 'silent', KEFU_SECRET: env.KEFU_SECRET, KEFU_DATA_DIR: dir, KEFU_BUSINESS_HOURS: 'Mon-Sun 00:00-24:00' });
  const server = await startKefu({ ...config, port: 0, host: '127.0.0.1', databaseUrl });
  try {
    return await work(server);
  } finally {
    await server.close();
  }
}

describe('kefu backup and restore (SQLite)', () => {
  const backupFile = join(dir, 'before.db');

  it('round-trips conversations, tickets and the knowledge base', async () => {
    const kbFile = join(dir, 'kb.json');
    writeFileSync(kbFile, JSON.stringify([{ id: 'cat-food', question: '你们卖猫粮吗', answer: '卖的，在宠物专区。' }]));
    expect(kefu('kb', 'import', kbFile).status).toBe(0);
    const before = await withServer(async (server) => {
      const client = new WebchatClient(server.url);
      const chat = await client.start();
      expect((await client.send(chat, { text: '你们卖猫粮吗' })).status).toBe(200);
      const ticket = await server.services.tickets.service.create(null, { type: 'inquiry', subject: '猫粮缺货', description: '顾客想要 2kg 装' });
      return { conversationId: chat.conversationId, ticketNumber: ticket.number };
    });

    const backup = kefu('backup', backupFile);
    expect(backup.stderr).toBe('');
    expect(backup.stdout).toContain(`backup written: ${backupFile}`);

    // Lose everything after the backup: a new FAQ and a wiped conversation.
    writeFileSync(kbFile, JSON.stringify([{ id: 'dog-food', question: '你们卖狗粮吗', answer: '卖的。' }]));
    expect(kefu('kb', 'import', kbFile, '--replace').status).toBe(0);

    const refused = kefu('restore', backupFile);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('--force');

    const restored = kefu('restore', backupFile, '--force');
    expect(restored.status).toBe(0);
    expect(restored.stdout).toMatch(/backing up the current database to .*before-restore/);
    expect(JSON.parse(kefu('kb', 'export').stdout).map((e: { id: string }) => e.id)).toEqual(['cat-food']);
    await withServer(async (server) => {
      const messages = await server.services.repos.messages.listByConversation(before.conversationId);
      expect(messages.map((m) => m.text)).toContain('你们卖猫粮吗');
      const { tickets } = await server.services.repos.tickets.list({});
      expect(tickets.map((t) => t.number)).toContain(before.ticketNumber);
    });
  }, 180_000); // eight CLI runs and two server starts, on a shared 2-core machine

  it('refuses a file that is not a Kefu database and changes nothing', () => {
    const junk = join(dir, 'junk.db');
    writeFileSync(junk, 'not a database at all');
    const run = kefu('restore', junk, '--force');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('nothing was changed');
    expect(JSON.parse(kefu('kb', 'export').stdout).map((e: { id: string }) => e.id)).toEqual(['cat-food']);
  });
});

describe('kefu db migrate and doctor', () => {
  it('reports the database up to date', () => {
    const run = kefu('db', 'migrate', '--status');
    expect(run.stdout).toMatch(/\d+ applied, 0 pending/);
    expect(run.status).toBe(0);
  });

  it('names a stopped PostgreSQL and a bad time zone, each with its fix', () => {
    const run = spawnSync(process.execPath, ['bin/kefu.js', 'doctor'], {
      env: { ...env, DATABASE_URL: 'postgresql://kefu@127.0.0.1:1/kefu', KEFU_TIMEZONE: 'Mars/Olympus' },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/problem\s+time zone\s+KEFU_TIMEZONE "Mars\/Olympus" is not a time zone\n\s+fix: set KEFU_TIMEZONE/);
    expect(run.stdout).toMatch(/problem\s+database\s+cannot open PostgreSQL at 127\.0\.0\.1:1\/kefu.*ECONNREFUSED[^\n]*\n\s+fix: start PostgreSQL/);
  });

  it('is all good on a healthy store', () => {
    const run = kefu('doctor');
    expect(run.stdout).toContain('All good.');
    expect(run.status).toBe(0);
  });
});
