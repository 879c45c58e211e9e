import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../app/config.js';
import { RedisPubSub } from '../../app/redis-pubsub.js';
import { startKefu, type RunningKefu } from '../../app/start.js';
import { silentLogger } from '../core/conversation-harness.js';
import { postgresSchemaFixture, postgresUnavailable } from '../storage/postgres-fixture.js';
import type { StorageFixture } from '../storage/storage-contract.js';
import { SECRET, SocketProbe, WebchatClient } from '../webchat/webchat-harness.js';
import { redisUnavailable, TEST_REDIS_URL as REDIS_URL } from './redis-fixture.js';

const unavailable = (await redisUnavailable()) ?? (await postgresUnavailable());

function describeAcrossInstances(): void {
  describe('real-time fan-out through Redis', () => {
    it('delivers a payload published by one instance to subscribers of another, until they unsubscribe', async () => {
      const topic = `test:${Date.now()}:${Math.random()}`;
      const [a, b] = await Promise.all([RedisPubSub.connect(REDIS_URL, silentLogger), RedisPubSub.connect(REDIS_URL, silentLogger)]);
      try {
        const got: unknown[] = [];
        const unsubscribe = b.subscribe(topic, (p) => got.push(p));
        await b.ready();
        await a.publish(topic, { type: 'message', n: 1, text: '你好' });
        await waitFor(() => got.length === 1);
        expect(got).toEqual([{ type: 'message', n: 1, text: '你好' }]);
        unsubscribe();
        await b.ready();
        await a.publish(topic, { n: 2 });
        await a.publish(`${topic}:other`, { n: 3 });
        await new Promise((r) => setTimeout(r, 200));
        expect(got).toHaveLength(1);
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
    });

    it('stops start-up with a clear error when Redis cannot be reached', async () => {
      await expect(RedisPubSub.connect('redis://127.0.0.1:1', silentLogger)).rejects.toThrow(/REDIS_URL/);
    });

    describe('two Kefu instances on one PostgreSQL database', () => {
      let fixture: StorageFixture;
      let instances: RunningKefu[] = [];
      let dir: string;
      beforeAll(async () => {
        fixture = await postgresSchemaFixture();
        dir = mkdtempSync(join(tmpdir(), 'kefu-redis-'));
        const config = loadConfig({
          LOG_LEVEL: 'silent', KEFU_SECRET: SECRET, KEFU_DATA_DIR: dir, KEFU_PUBSUB: 'redis', REDIS_URL, DATABASE_URL: fixture.url,
        });
        instances = [await startKefu({ ...config, port: 0, host: '127.0.0.1' })];
        instances.push(await startKefu({ ...config, port: 0, host: '127.0.0.1' }));
      });
      afterAll(async () => {
        for (const k of instances) await k.close();
        await fixture?.cleanup();
        rmSync(dir, { recursive: true, force: true });
      });

      it('shows a message sent through instance A live on a widget socket held by instance B', async () => {
        const [a, b] = instances as [RunningKefu, RunningKefu];
        const chat = await new WebchatClient(a.url).start();
        const socket = SocketProbe.forChat(b.url, chat);
        try {
          await socket.until(() => socket.ready);
          const sent = await new WebchatClient(a.url).send(chat, { text: '怎么退货', clientMessageId: 'm1' });
          expect(sent.status).toBe(200);
          await socket.until(() => socket.messages.length === 2);
          expect(socket.messages.map((m) => [m.seq, m.author, m.kind])).toEqual([[1, 'customer', 'text'], [2, 'bot', 'answer']]);
        } finally {
          socket.close();
        }
      });
    });
  });
}

async function waitFor(done: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

if (unavailable === null) describeAcrossInstances();
else if (process.env.CI) it('reaches Redis and PostgreSQL (required in CI)', () => { throw new Error(`unreachable: ${unavailable}`); });
else it.skip(`Redis fan-out (unreachable: ${unavailable})`, () => undefined);
