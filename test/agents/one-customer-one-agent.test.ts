import type { ConversationDetail } from '../../core/handoff/agent-queries.js';
import { postgresSchemaFixture, postgresUnavailable } from '../storage/postgres-fixture.js';
import type { StorageFixture } from '../storage/storage-contract.js';
import { WebchatClient, type Chat } from '../webchat/webchat-harness.js';
import { AgentClient, startAgentHarness, type AgentHarness } from './agent-harness.js';

const pgUnavailable = await postgresUnavailable();

function describeOneAgent(label: string, database: () => Promise<StorageFixture | null>): void {
  describe(`one customer, one agent, on ${label}`, () => {
    let h: AgentHarness;
    let fixture: StorageFixture | null;
    let customers: WebchatClient;
    let ann: AgentClient;
    let bob: AgentClient;
    beforeAll(async () => {
      fixture = await database();
      h = await startAgentHarness(fixture ? { databaseUrl: fixture.url } : {});
      await Promise.all([h.addUser('ann'), h.addUser('bob')]);
      customers = new WebchatClient(h.url);
      [ann, bob] = await Promise.all([AgentClient.signIn(h.url, 'ann'), AgentClient.signIn(h.url, 'bob')]);
    });
    afterAll(async () => {
      await h?.close();
      await fixture?.cleanup();
    });

    const again = (chat: Chat) => customers.start({ visitorId: chat.visitorId, visitorToken: chat.visitorToken });
    const claim = (agent: AgentClient, chat: Chat) => agent.post(`/api/agent/conversations/${chat.conversationId}/claim`);

    it("sends the customer's new conversation to the agent serving them; another agent's claim gets 409 naming the holder", async () => {
      const first = await customers.start();
      await customers.send(first, { text: '转人工' });
      expect((await claim(ann, first)).status).toBe(200);
      const second = await again(first);
      await customers.send(second, { text: '转人工' });
      const detail = await ann.get<ConversationDetail>(`/api/agent/conversations/${second.conversationId}`);
      expect([detail.body.conversation.status, detail.body.conversation.assignee?.name]).toEqual(['agent', 'ann']);
      const refused = await claim(bob, second);
      expect([refused.status, refused.body.error?.message]).toEqual([409, 'ann has already taken this conversation']);
      // The customer panel names who has the other conversation.
      const panel = detail.body.customer.conversations.find((c) => c.id === first.conversationId);
      expect(panel).toMatchObject({ assignee: { name: 'ann' }, readable: true });
    });

    it('lets only one of two agents claiming the same customer at once win; the other hears who has the customer', async () => {
      for (let round = 0; round < 4; round++) {
        const first = await customers.start();
        const second = await again(first);
        for (const chat of [first, second]) await customers.send(chat, { text: '转人工' });
        const results = await Promise.all([claim(ann, first), claim(bob, second)]);
        expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
        const winner = results[0]!.status === 200 ? 'ann' : 'bob';
        // Refused while the other conversation waits, or after routing handed it to the winner too: either way named.
        expect(results.find((r) => r.status === 409)?.body.error?.message).toMatch(new RegExp(`^${winner} (is already serving this customer|has already taken this conversation)$`));
        const other = results[0]!.status === 200 ? second : first;
        const detail = await (winner === 'ann' ? ann : bob).get<ConversationDetail>(`/api/agent/conversations/${other.conversationId}`);
        expect(detail.body.conversation.assignee?.name).toBe(winner);
      }
    });
  });
}

describeOneAgent('SQLite', async () => null);
if (pgUnavailable === null) describeOneAgent('PostgreSQL', () => postgresSchemaFixture());
else if (process.env.CI) it('reaches PostgreSQL (required in CI)', () => { throw new Error(`PostgreSQL unreachable: ${pgUnavailable}`); });
else it.skip(`one customer, one agent on PostgreSQL (unreachable: ${pgUnavailable})`, () => undefined);
