import { detectHandoffTrigger } from '../../core/handoff/handoff-triggers.js';
import { Matcher } from '../../core/matching/index.js';
import { loadBuiltinFaqs, loadBuiltinSynonyms, loadEvalSet } from '../../knowledge/index.js';
import type { BenchRequest } from './load.js';
import { postJson } from './processes.js';

export const BENCH_AGENT = { email: 'bench-agent@kefu.test', password: 'bench-password-0123456789' };
export const TELEGRAM_WEBHOOK_PATH = '/bench/telegram-webhook';
export const TELEGRAM_WEBHOOK_SECRET = 'kefu-bench-secret';

export interface BenchPath {
  name: string;
  /** Sets up what the requests need on the running server and returns the request maker. */
  prepare(base: string): Promise<() => BenchRequest>;
}

const CONVERSATIONS = 200;
let serial = 0;
const nextSerial = (): number => ++serial;

/**
 * Dev-set questions the bot answers directly and that ask for no person, so every conversation stays the bot's and
 * every message takes the bot-answer path (a fallback streak or "转人工" would hand it to the queue).
 */
export function answeredQuestions(): string[] {
  const matcher = Matcher.build(loadBuiltinFaqs(), { synonyms: loadBuiltinSynonyms() });
  return loadEvalSet('dev')
    .map((item) => item.q)
    .filter((q) => matcher.match(q).decision === 'answer' && detectHandoffTrigger(q) === null);
}

interface WebchatConversation {
  conversationId: string;
  token: string;
}

/** Runs `work` for 0..n-1, eight at a time. */
async function inParallel<T>(n: number, work: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array<T>(n);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < n) {
      const i = next++;
      out[i] = await work(i);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return out;
}

function startConversations(base: string, n: number): Promise<WebchatConversation[]> {
  return inParallel(n, async () => {
    const res = await fetch(`${base}/api/webchat/conversations`, postJson({}));
    if (res.status !== 201) throw new Error(`starting a conversation answered ${res.status}`);
    return (await res.json()) as WebchatConversation;
  });
}

const pick = <T>(items: T[], i: number): T => items[i % items.length] as T;

export function benchPaths(questions: string[]): BenchPath[] {
  return [
    {
      name: 'web chat message → bot answer',
      async prepare(base) {
        const conversations = await startConversations(base, CONVERSATIONS);
        return () => {
          const i = nextSerial();
          const c = pick(conversations, i);
          return {
            path: `/api/webchat/conversations/${c.conversationId}/messages`,
            headers: { authorization: `Bearer ${c.token}` },
            body: JSON.stringify({ text: pick(questions, i), clientMessageId: `bench-${i}` }),
          };
        };
      },
    },
    {
      name: 'Telegram webhook update → stored + outbox row',
      async prepare(base) {
        const update = (i: number, user: number): BenchRequest => ({
          path: TELEGRAM_WEBHOOK_PATH, headers: { 'x-telegram-bot-api-secret-token': TELEGRAM_WEBHOOK_SECRET },
          body: JSON.stringify({
            update_id: i,
            message: { message_id: i, date: Math.floor(Date.now() / 1000), chat: { id: user, type: 'private' }, from: { id: user, is_bot: false, first_name: '顾客' }, text: pick(questions, i) },
          }),
        });
        // Each chat's first message makes its customer and conversation (the "new conversation" path measures that).
        await inParallel(CONVERSATIONS, async (n) => {
          const r = update(nextSerial(), 10_000 + n);
          const res = await fetch(`${base}${r.path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...r.headers }, body: r.body });
          if (!res.ok) throw new Error(`a Telegram update answered ${res.status}`);
        });
        return () => {
          const i = nextSerial();
          return update(i, 10_000 + (i % CONVERSATIONS));
        };
      },
    },
    {
      name: "agent's reply",
      async prepare(base) {
        const login = await fetch(`${base}/api/auth/login`, postJson(BENCH_AGENT));
        if (!login.ok) throw new Error(`agent sign-in answered ${login.status}`);
        const { csrfToken } = (await login.json()) as { csrfToken: string };
        const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
        const headers = { cookie, 'x-csrf-token': csrfToken };
        const conversations = await startConversations(base, CONVERSATIONS);
        await inParallel(conversations.length, async (i) => {
          const c = pick(conversations, i);
          const asked = await fetch(`${base}/api/webchat/conversations/${c.conversationId}/messages`, postJson({ text: '转人工' }, { authorization: `Bearer ${c.token}` }));
          if (!asked.ok) throw new Error(`asking for a person answered ${asked.status}`);
          const claimed = await fetch(`${base}/api/agent/conversations/${c.conversationId}/claim`, postJson({}, headers));
          if (!claimed.ok) throw new Error(`claiming answered ${claimed.status}`);
        });
        return () => {
          const i = nextSerial();
          const c = pick(conversations, i);
          return { path: `/api/agent/conversations/${c.conversationId}/messages`, headers, body: JSON.stringify({ text: `您好，订单已经为您查询，第 ${i} 条回复。` }) };
        };
      },
    },
    {
      name: 'new conversation',
      async prepare() {
        return () => ({ path: '/api/webchat/conversations', headers: {}, body: JSON.stringify({ lang: nextSerial() % 2 ? 'zh' : 'en' }) });
      },
    },
  ];
}
