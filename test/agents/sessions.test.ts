import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postgresSchemaFixture, postgresUnavailable } from '../storage/postgres-fixture.js';
import { WebchatClient } from '../webchat/webchat-harness.js';
import { AgentClient, startAgentHarness } from './agent-harness.js';

const pgUnavailable = await postgresUnavailable();

describe('console sessions live in the database', () => {
  it('survive a restart of Kefu (SQLite)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kefu-restart-'));
    const databaseUrl = `file:${join(dir, 'kefu.db')}`;
    try {
      const first = await startAgentHarness({ databaseUrl });
      await first.addUser('ann');
      const ann = await AgentClient.signIn(first.url, 'ann');
      await first.close();

      const second = await startAgentHarness({ databaseUrl });
      try {
        const again = new AgentClient(second.url);
        again.cookie = ann.cookie;
        again.csrfToken = ann.csrfToken;
        expect((await again.get<{ user: { email: string } }>('/api/auth/me')).body.user.email).toBe('ann@shop.test');
        expect((await again.call('PUT', '/api/agent/presence', { status: 'away' })).status).toBe(200);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  (pgUnavailable === null ? it : it.skip)('work across two instances sharing PostgreSQL', async () => {
    const fixture = await postgresSchemaFixture();
    const a = await startAgentHarness({ databaseUrl: fixture.url });
    const b = await startAgentHarness({ databaseUrl: fixture.url });
    try {
      await a.addUser('ann');
      const onA = await AgentClient.signIn(a.url, 'ann');
      const onB = new AgentClient(b.url);
      onB.cookie = onA.cookie;
      onB.csrfToken = onA.csrfToken;
      const chat = await new WebchatClient(a.url).start();
      await new WebchatClient(a.url).send(chat, { text: '转人工' });
      // Signed in on A, claiming on B: the session and the queue are in the shared database.
      expect((await onB.post(`/api/agent/conversations/${chat.conversationId}/claim`)).status).toBe(200);
      expect((await onA.post(`/api/agent/conversations/${chat.conversationId}/claim`)).status).toBe(409);
      await onA.post('/api/auth/logout');
      expect((await onB.get('/api/auth/me')).status).toBe(401);
    } finally {
      await a.close();
      await b.close();
      await fixture.cleanup();
    }
  });
});
