import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStorage } from '../../prisma/storage.js';

// The real `kefu` bin (compiled by `npm run build`) on a fresh SQLite file holding one customer's chat.
const dir = mkdtempSync(join(tmpdir(), 'kefu-customer-cli-'));
const url = `file:${join(dir, 'customers.db')}`;
const env = { ...process.env, DATABASE_URL: url, KEFU_DATA_DIR: dir, LOG_LEVEL: 'silent' };
const kefu = (args: string[]) => spawnSync(process.execPath, ['bin/kefu.js', ...args], { env, encoding: 'utf8' });
let customerId: string;

beforeAll(async () => {
  const storage = await openStorage(url);
  try {
    const { repos } = storage;
    const customer = await repos.customers.findOrCreateByIdentity('telegram', 'tg-42', '李雷');
    const c = await repos.conversations.create({ customerId: customer.id, channel: 'telegram' });
    await repos.messages.append({ conversationId: c.id, direction: 'inbound', author: 'customer', kind: 'text', text: '手机 13912345678', faqId: null, choices: null, channelMessageId: null, replyToId: null });
    customerId = customer.id;
  } finally {
    await storage.close();
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('kefu customer', () => {
  it('exports a customer as JSON or readable text, then erases them only with --force', async () => {
    const json = kefu(['customer', 'export', customerId]);
    expect(json.status).toBe(0);
    const doc = JSON.parse(json.stdout) as { customer: { displayName: string }; conversations: Array<{ messages: Array<{ text: string }> }> };
    expect([doc.customer.displayName, doc.conversations[0]?.messages[0]?.text]).toEqual(['李雷', '手机 13912345678']);
    const file = join(dir, 'export.txt');
    expect(kefu(['customer', 'export', customerId, '--format', 'text', '--out', file]).status).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('customer: 手机 13912345678');

    const unconfirmed = kefu(['customer', 'erase', customerId]);
    expect([unconfirmed.status, unconfirmed.stderr]).toEqual([2, expect.stringContaining('--force')]);
    const erase = kefu(['customer', 'erase', customerId, '--force']);
    expect([erase.status, erase.stdout]).toEqual([0, expect.stringContaining('1 messages in 1 conversations')]);
    expect(kefu(['customer', 'export', customerId]).stderr).toContain('Customer not found');
    const storage = await openStorage(url);
    try {
      const [kept] = await storage.repos.conversations.listByCustomer(customerId);
      expect(await storage.repos.messages.listByConversation(kept!.id)).toEqual([]);
      expect((await storage.repos.audit.list({ target: `customer:${customerId}` })).map((a) => a.action)).toEqual(['customer.erase', 'customer.export', 'customer.export']);
    } finally {
      await storage.close();
    }
  }, 180_000);
});
