import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStorage } from '../../prisma/storage.js';
import { postgresSchemaFixture, postgresUnavailable, TEST_DATABASE_URL } from '../storage/postgres-fixture.js';
import { SECRET, SocketProbe, WebchatClient, type Chat } from '../webchat/webchat-harness.js';
import { freePort, launch, waitUntilHealthy, type How } from './server-process.js';

// SIGTERM under load (issue #18): 16 web chat clients writing, a widget socket open, then SIGTERM — to the server
// itself (twice, as a process manager that repeats itself would) or to the whole process group of `npm start` (as
// systemd or `kill -- -PID` does). The process must exit 0 on its own within the grace period, tell the socket to
// reconnect, answer every request either fully or with a clean 503, store every acknowledged message once with its
// reply, and leave no PostgreSQL session behind (none "idle in transaction").

const GRACE_MS = 5000;
const QUESTIONS = ['怎么退货？', '运费多少钱', '什么时候发货', '可以开发票吗', '支持哪些支付方式'];

interface Sent {
  chat: Chat;
  clientMessageId: string;
  outcome: 'ok' | 'refused' | 'connection' | string;
}

/** Gone, or a zombie nobody has reaped yet: either way it has exited. */
function gone(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return true;
  }
  try {
    return /^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

async function shutdownCase(how: How, databaseUrl: string, sessions?: () => Promise<Array<{ state: string }>>): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kefu-sigterm-'));
  const server = launch(how, await freePort(), {
    DATABASE_URL: databaseUrl, KEFU_DATA_DIR: dataDir, KEFU_SECRET: SECRET, LOG_LEVEL: 'info', LOG_FORMAT: 'json', KEFU_SHUTDOWN_GRACE_MS: String(GRACE_MS),
    KEFU_WEBCHAT_CONVERSATIONS_PER_MINUTE: '10000', KEFU_WEBCHAT_MESSAGES_PER_MINUTE: '10000',
  });
  try {
    await waitUntilHealthy(server);
    const client = new WebchatClient(server.url);
    const chats = await Promise.all(Array.from({ length: 16 }, () => client.start()));
    const socket = SocketProbe.forChat(server.url, chats[0] as Chat);
    await socket.until(() => socket.ready, 20_000);

    const sent: Sent[] = [];
    let stopping = false;
    const writers = chats.map(async (chat, c) => {
      for (let m = 0; !stopping || m < 1000; m += 1) {
        const item: Sent = { chat, clientMessageId: `c${c}-m${m}`, outcome: 'pending' };
        sent.push(item);
        try {
          const res = await fetch(`${server.url}/api/webchat/conversations/${chat.conversationId}/messages`, {
            method: 'POST', signal: AbortSignal.timeout(60_000),
            headers: { 'content-type': 'application/json', authorization: `Bearer ${chat.token}` },
            body: JSON.stringify({ text: QUESTIONS[(c + m) % QUESTIONS.length], clientMessageId: item.clientMessageId }),
          });
          const body = (await res.json()) as { replies?: unknown[] };
          if (res.status === 200) item.outcome = (body.replies?.length ?? 0) > 0 ? 'ok' : 'ok without replies';
          else item.outcome = res.status === 503 && res.headers.get('retry-after') ? 'refused' : `status ${res.status}`;
        } catch {
          item.outcome = 'connection'; // the listener is closed: refused before any request reached the server
        }
        if (item.outcome !== 'ok') return;
      }
    });
    while (sent.filter((s) => s.outcome === 'ok').length < 48) await new Promise((r) => setTimeout(r, 10));

    const signalledAt = Date.now();
    stopping = true;
    if (how === 'direct') {
      // Twice, as a process manager that repeats itself would: the second one changes nothing.
      server.child.kill('SIGTERM');
      server.child.kill('SIGTERM');
    } else {
      process.kill(-(server.child.pid as number), 'SIGTERM');
      await new Promise((r) => setTimeout(r, 100));
      process.kill(-(server.child.pid as number), 'SIGTERM');
    }
    // Far past the grace period and the forced-exit deadline: only a process that never exits gets here.
    const killer = setTimeout(() => server.child.pid && process.kill(-server.child.pid, 'SIGKILL'), GRACE_MS + 60_000);
    const exit = await server.exited;
    // npm and `kefu start` run the server as a child: it is the one whose exit matters (its pid is on every log line).
    const lines = () => server.output().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { level: number; msg: string; pid: number });
    const serverPid = lines()[0]?.pid as number;
    while (!gone(serverPid)) await new Promise((r) => setTimeout(r, 20));
    const serverGoneAt = Date.now();
    await server.outputClosed;
    await socket.until(() => socket.closeCode !== undefined, 10_000);
    clearTimeout(killer);
    await Promise.all(writers);
    console.log(`${how}: exit ${exit.code ?? exit.signal} after ${exit.at - signalledAt} ms, server gone after ${serverGoneAt - signalledAt} ms; outcomes ${JSON.stringify(count(sent.map((s) => s.outcome)))}`);

    // npm itself dies of the SIGTERM it is sent (npm's own behaviour) without waiting for its child, so under a
    // process manager run `kefu start`, which waits and exits with the server's status.
    if (how === 'npm start') expect([0, 'SIGTERM']).toContain(exit.code ?? exit.signal);
    else expect({ code: exit.code, signal: exit.signal }).toEqual({ code: 0, signal: null });
    expect(socket.closeCode).toBe(1001);
    expect(sent.filter((s) => !['ok', 'refused', 'connection'].includes(s.outcome))).toEqual([]);
    expect(lines().filter((l) => l.level >= 50).map((l) => l.msg)).toEqual([]);
    expect(lines().filter((l) => l.msg === 'refusing new requests while shutting down').length).toBeLessThanOrEqual(1);
    expect(lines().filter((l) => l.msg === 'shut down')).toHaveLength(1);
    if (sessions) expect(await sessions()).toEqual([]);

    const storage = await openStorage(databaseUrl);
    try {
      for (const chat of chats) {
        const transcript = await storage.repos.messages.listByConversation(chat.conversationId);
        const keys = transcript.filter((m) => m.author === 'customer').map((m) => m.channelMessageId);
        expect(new Set(keys).size).toBe(keys.length);
        for (const item of sent.filter((s) => s.chat === chat && s.outcome === 'ok')) {
          const stored = transcript.find((m) => m.channelMessageId === `${chat.conversationId}:${item.clientMessageId}`);
          expect({ id: item.clientMessageId, answered: transcript.some((r) => r.replyToId === stored?.id) }).toEqual({ id: item.clientMessageId, answered: true });
        }
      }
    } finally {
      await storage.close();
    }
  } finally {
    try {
      if (server.child.pid) process.kill(-server.child.pid, 'SIGKILL');
    } catch {
      // the whole group has exited, as it should
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function count(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}

const postgres = await postgresUnavailable();

async function onPostgres(how: How): Promise<void> {
  const fixture = await postgresSchemaFixture();
  const applicationName = `kefu_sigterm_${Date.now()}`;
  const url = new URL(fixture.url);
  url.searchParams.set('application_name', applicationName);
  const sessions = async () => {
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    try {
      return (await admin.query<{ state: string }>('SELECT state FROM pg_stat_activity WHERE application_name = $1', [applicationName])).rows;
    } finally {
      await admin.end();
    }
  };
  try {
    await shutdownCase(how, url.toString(), sessions);
  } finally {
    await fixture.cleanup();
  }
}

async function onSqlite(how: How): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kefu-sigterm-db-'));
  try {
    await shutdownCase(how, `file:${join(dir, 'kefu.db')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('SIGTERM under load', () => {
  it('SQLite, the server process signalled twice: exits 0 within the grace period, nothing acknowledged lost', () => onSqlite('direct'), 300_000);
  it('SQLite, `npm start` and its whole process group signalled: the same', () => onSqlite('npm start'), 300_000);
  (postgres === null ? it : it.skip)('PostgreSQL, the server process signalled twice: the same, and no session left open', () => onPostgres('direct'), 300_000);
  (postgres === null ? it : it.skip)('PostgreSQL, `kefu start` and its whole process group signalled: the same, and no session left open', () => onPostgres('kefu start'), 300_000);
  (postgres === null ? it : it.skip)('PostgreSQL, `npm start` and its whole process group signalled: the server exits 0 the same, no session left open', () => onPostgres('npm start'), 300_000);
});
