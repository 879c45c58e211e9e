import type { FaqEntry } from '../../core/types.js';
import { AgentClient, startAgentHarness, type AgentHarness } from '../agents/agent-harness.js';
import { postgresSchemaFixture, postgresUnavailable } from '../storage/postgres-fixture.js';
import type { StorageFixture } from '../storage/storage-contract.js';

const pgUnavailable = await postgresUnavailable();

function describePutRace(label: string, database: () => Promise<StorageFixture | null>): void {
  describe(`two admins saving the same FAQ version at once on ${label}`, () => {
    let h: AgentHarness;
    let fixture: StorageFixture | null;
    beforeAll(async () => {
      fixture = await database();
      h = await startAgentHarness(fixture ? { databaseUrl: fixture.url } : {});
      await Promise.all([h.addUser('ada', 'admin'), h.addUser('max', 'admin')]);
    });
    afterAll(async () => {
      await h?.close();
      await fixture?.cleanup();
    });

    it('keeps exactly one edit per version; the other admin gets 409 and the history has no lost update', async () => {
      const [ada, max] = await Promise.all([AgentClient.signIn(h.url, 'ada'), AgentClient.signIn(h.url, 'max')]);
      for (let round = 1; round <= 5; round++) {
        const current = (await ada.get<{ faq: FaqEntry }>('/api/admin/faqs/zh-stock')).body.faq;
        const results = await Promise.all([ada, max].map((client, i) =>
          client.call<{ faq: FaqEntry }>('PUT', '/api/admin/faqs/zh-stock', { answer: `round ${round} by ${i}`, expectedVersion: current.version })));
        expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
        expect(results.find((r) => r.status === 409)?.body.error?.code).toBe('conflict');
        const after = (await ada.get<{ faq: FaqEntry }>('/api/admin/faqs/zh-stock')).body.faq;
        expect(after).toMatchObject({ version: current.version + 1, answer: results.find((r) => r.status === 200)?.body.faq.answer });
      }
      const history = await ada.get<{ history: { version: number }[] }>('/api/admin/faqs/zh-stock/history');
      expect(history.body.history.map((v) => v.version)).toEqual([6, 5, 4, 3, 2, 1]);
    });
  });
}

describePutRace('SQLite', async () => null);
if (pgUnavailable === null) describePutRace('PostgreSQL', () => postgresSchemaFixture());
else if (process.env.CI) it('reaches PostgreSQL (required in CI)', () => { throw new Error(`PostgreSQL unreachable: ${pgUnavailable}`); });
else it.skip(`PUT race on PostgreSQL (unreachable: ${pgUnavailable})`, () => undefined);
