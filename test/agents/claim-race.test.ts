import { postgresSchemaFixture, postgresUnavailable } from '../storage/postgres-fixture.js';
import type { StorageFixture } from '../storage/storage-contract.js';
import { WebchatClient } from '../webchat/webchat-harness.js';
import { AgentClient, startAgentHarness, type AgentHarness } from './agent-harness.js';

const pgUnavailable = await postgresUnavailable();

function describeClaimRace(label: string, database: () => Promise<StorageFixture | null>): void {
  describe(`two agents claiming at the same moment on ${label}`, () => {
    let h: AgentHarness;
    let fixture: StorageFixture | null;
    beforeAll(async () => {
      fixture = await database();
      h = await startAgentHarness(fixture ? { databaseUrl: fixture.url } : {});
      await Promise.all([h.addUser('ann'), h.addUser('bob')]);
    });
    afterAll(async () => {
      await h?.close();
      await fixture?.cleanup();
    });

    it('gives each queued conversation to exactly one of them; the other gets 409', async () => {
      const customers = new WebchatClient(h.url);
      const [ann, bob] = await Promise.all([AgentClient.signIn(h.url, 'ann'), AgentClient.signIn(h.url, 'bob')]);
      const chats = await Promise.all(Array.from({ length: 8 }, () => customers.start()));
      for (const chat of chats) await customers.send(chat, { text: '转人工' });
      for (const chat of chats) {
        const path = `/api/agent/conversations/${chat.conversationId}/claim`;
        const results = await Promise.all([ann.post<{ conversation: { assigneeId: string } }>(path), bob.post<{ conversation: { assigneeId: string } }>(path)]);
        expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
        const winner = results.find((r) => r.status === 200);
        const detail = await (winner === results[0] ? ann : bob).get<{ conversation: { assignee: { id: string } } }>(`/api/agent/conversations/${chat.conversationId}`);
        expect(detail.body.conversation.assignee.id).toBe(winner?.body.conversation.assigneeId);
        const greetings = (await customers.transcript(chat)).filter((m) => m.author === 'system' && m.text.includes('为您服务'));
        expect(greetings).toHaveLength(1);
        expect(results.find((r) => r.status === 409)?.body.error?.code).toBe('conflict');
      }
    });
  });
}

describeClaimRace('SQLite', async () => null);
if (pgUnavailable === null) describeClaimRace('PostgreSQL', () => postgresSchemaFixture());
else if (process.env.CI) it('reaches PostgreSQL (required in CI)', () => { throw new Error(`PostgreSQL unreachable: ${pgUnavailable}`); });
else it.skip(`claim race on PostgreSQL (unreachable: ${pgUnavailable})`, () => undefined);
