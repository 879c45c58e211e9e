import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../app/config.js';
import { startKefu, type RunningKefu } from '../../app/start.js';
import { postgresSchemaFixture, postgresUnavailable } from '../storage/postgres-fixture.js';
import type { StorageFixture } from '../storage/storage-contract.js';
import { SECRET, WebchatClient, type Chat } from './webchat-harness.js';

const QUESTIONS = ['怎么退货？', '运费多少钱', '什么时候发货', '可以开发票吗', '支持哪些支付方式'];

/**
 * Many clients writing to the same conversations at once, each message sent twice at the same moment (a retry racing
 * the original): every message is stored exactly once, seqs have no gaps, and each one's answer follows it directly.
 */
async function concurrencyCase(kefu: RunningKefu): Promise<void> {
  const client = new WebchatClient(kefu.url);
  const chats: Chat[] = [];
  for (let i = 0; i < 6; i += 1) chats.push(await client.start());
  const sends = chats.flatMap((chat, c) => Array.from({ length: 8 }, (_, m) => ({ chat, body: { text: QUESTIONS[(c + m) % QUESTIONS.length], clientMessageId: `c${c}-m${m}` } })));
  const results = await Promise.all([...sends, ...sends].map(({ chat, body }) => client.send(chat, body).then((res) => ({ res, id: body.clientMessageId }))));
  expect(results.filter(({ res }) => res.status !== 200)).toEqual([]);
  const byId = new Map<string, typeof results>();
  for (const r of results) byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
  for (const pair of byId.values()) {
    // Both answers name the same stored message, and neither comes back without the bot's reply.
    expect(new Set(pair.map(({ res }) => res.body.message.id)).size).toBe(1);
    for (const { res } of pair) expect(res.body.replyMessages.map((m) => m.seq)).toEqual([res.body.message.seq + 1]);
    expect(pair.filter(({ res }) => !res.body.duplicate)).toHaveLength(1);
  }
  for (const chat of chats) {
    const transcript = await client.transcript(chat);
    expect(transcript.map((m) => m.seq)).toEqual(transcript.map((_, i) => i + 1));
    const customer = transcript.filter((m) => m.author === 'customer');
    expect(customer).toHaveLength(8);
    for (const m of customer) expect(transcript[m.seq]?.author).toBe('bot');
  }
}

describe('concurrent customer messages on SQLite', () => {
  let kefu: RunningKefu;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kefu-concurrency-'));
    kefu = await startKefu({ ...loadConfig({ LOG_LEVEL: 'silent', KEFU_SECRET: SECRET, KEFU_DATA_DIR: dir }), port: 0, host: '127.0.0.1', databaseUrl: `file:${join(dir, 't.db')}` });
  });
  afterAll(async () => {
    await kefu?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  it('stores each message once, in gapless seq order, each followed by its answer', () => concurrencyCase(kefu), 60_000);
});

const pgUnavailable = await postgresUnavailable();
(pgUnavailable === null ? describe : describe.skip)('concurrent customer messages on PostgreSQL', () => {
  let kefu: RunningKefu;
  let fixture: StorageFixture;
  let dir: string;
  beforeAll(async () => {
    fixture = await postgresSchemaFixture();
    dir = mkdtempSync(join(tmpdir(), 'kefu-concurrency-'));
    kefu = await startKefu({ ...loadConfig({ LOG_LEVEL: 'silent', KEFU_SECRET: SECRET, KEFU_DATA_DIR: dir }), port: 0, host: '127.0.0.1', databaseUrl: fixture.url });
  });
  afterAll(async () => {
    await kefu?.close();
    await fixture?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });
  it('stores each message once, in gapless seq order, each followed by its answer', () => concurrencyCase(kefu), 60_000);
});
