import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { load } from 'js-yaml';
import { setupToken } from '../../app/setup/setup-token.js';
import { AgentClient, startAgentHarness, type AgentHarness } from '../agents/agent-harness.js';
import { SECRET, WebchatClient, type Chat } from '../webchat/webchat-harness.js';
import { mountedRoutes } from './express-routes.js';

// docs/openapi.yaml against a real server: every mounted route is documented (and nothing else), and every
// documented operation gets one real request whose answer must be a documented status with a body matching the
// documented schema. Requests are made in the document's order, with each request body's `example`; sign-out and
// deletions run last.

interface Operation {
  method: string;
  path: string;
  parameters?: Array<{ name: string; in: string; example?: unknown }>;
  requestBody?: { content: Record<string, { example?: unknown }> };
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

const spec = load(readFileSync('docs/openapi.yaml', 'utf8')) as { paths: Record<string, Record<string, unknown>>; components: unknown };
const TELEGRAM_SECRET = 'telegram-webhook-secret-for-tests';
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Answers that are the documented refusal, not success, for a reason given here. */
const EXPECTED: Record<string, number> = {
  // The fixture's admins exist already; the success path is test/setup/first-run.test.ts.
  'POST /api/setup': 409,
  // The complaint has completed one step of six; a review before the last step is refused.
  'POST /api/tickets/{id}/complaint/review': 409,
  // WeChat is off in this server.
  'GET /api/admin/channels/wechat/qr': 404,
  // The fake Telegram API is unreachable, so the channel never comes up; Telegram re-delivers after a 503.
  'POST /telegram/webhook': 503,
};

function operations(): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    const shared = (item.parameters as Operation['parameters']) ?? [];
    for (const method of METHODS) {
      const op = item[method] as Omit<Operation, 'method' | 'path'> | undefined;
      if (op) ops.push({ ...op, method, path, parameters: [...shared, ...(op.parameters ?? [])] });
    }
  }
  const rank = (op: Operation) => (op.path === '/api/auth/logout' ? 2 : op.method === 'delete' ? 1 : 0);
  return [0, 1, 2].flatMap((r) => ops.filter((op) => rank(op) === r));
}

const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
ajv.addSchema({ $id: 'kefu', components: spec.components });
const validators = new Map<unknown, ReturnType<typeof ajv.compile>>();
function validate(schema: unknown, body: unknown): string | null {
  if (!validators.has(schema)) validators.set(schema, ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"kefu#/components/'))));
  const check = validators.get(schema)!;
  return check(body) ? null : ajv.errorsText(check.errors);
}

let h: AgentHarness;
let admin: AgentClient;
let chat: Chat;
const ids: Record<string, string> = {};

beforeAll(async () => {
  h = await startAgentHarness({
    env: {
      KEFU_DEMO: 'true',
      BOTFRAMEWORK_ENABLED: 'true',
      TELEGRAM_BOT_TOKEN: '123456:TEST',
      TELEGRAM_API_ROOT: 'http://127.0.0.1:9',
      TELEGRAM_WEBHOOK_URL: 'https://shop.example/telegram/webhook',
      TELEGRAM_WEBHOOK_SECRET: TELEGRAM_SECRET,
    },
  });
  const ada = await h.addUser('ada', 'admin');
  await h.addUser('sue', 'supervisor');
  const ann = await h.addUser('ann');
  // Zed's account is disabled, enabled, changed and removed by the staff routes.
  const zed = await h.addUser('zed');
  Object.assign(ids, { adaId: ada.id, annId: ann.id, zedId: zed.id });
  admin = await AgentClient.signIn(h.url, 'ada');
  // Transfers and assignments go to agents who are online.
  await admin.call('PUT', '/api/agent/presence', { status: 'online' });
  await (await AgentClient.signIn(h.url, 'ann')).call('PUT', '/api/agent/presence', { status: 'online' });
  const customers = new WebchatClient(h.url);
  // W: a customer's own chat (web chat routes); A and B: two customers waiting for a person (agent routes).
  chat = await customers.start();
  await customers.send(chat, { text: '怎么退货' });
  await customers.send(chat, { text: '你们卖火箭吗' });
  // The same customer's second chat, to link to the ticket made from the first.
  ids.conversationId = (await customers.start({ visitorId: chat.visitorId, visitorToken: chat.visitorToken })).conversationId;
  for (const name of ['A', 'B']) {
    const waiting = await customers.start();
    await customers.send(waiting, { text: '转人工' });
    ids[name] = waiting.conversationId;
  }
  // An abusive customer message: a flag for the review route.
  await customers.send(chat, { text: '你们都是白痴' });
  for (let tries = 0; !ids.flagId && tries < 100; tries++) {
    ids.flagId = (await admin.get<{ flags: Array<{ id: string }> }>('/api/supervision/flags?kind=abuse')).body.flags[0]?.id ?? '';
    if (!ids.flagId) await new Promise((r) => setTimeout(r, 50));
  }
  // Contact details in the chat become suggestions on the customer's record (accepted and dismissed by the routes).
  await customers.send(chat, { text: '手机 13912345678 邮箱 li@shop.test' });
  const customerOf = async (id: string) => (await admin.get<{ customer: { id: string } }>(`/api/agent/conversations/${id}`)).body.customer.id;
  ids.customerId = await customerOf(chat.conversationId);
  ids.otherCustomerId = await customerOf(ids.A!);
  const record = await admin.get<{ suggestions: Array<{ id: string; field: string }> }>(`/api/customers/${ids.customerId}`);
  ids.phoneSuggestionId = record.body.suggestions.find((s) => s.field === 'phones')!.id;
  ids.emailSuggestionId = record.body.suggestions.find((s) => s.field === 'emails')!.id;
  const bot = (await customers.transcript(chat)).find((m) => m.author === 'bot' && m.kind === 'answer');
  ids.botMessageId = bot!.id;
  const canned = await admin.post<{ cannedReply: { id: string } }>('/api/agent/canned-replies', { shortcut: '退货说明', title: '退货流程', text: '七天无理由退货。' });
  ids.cannedId = canned.body.cannedReply.id;
  const ticket = await admin.post<{ ticket: { id: string } }>('/api/tickets', { type: 'inquiry', subject: '火箭', description: '顾客问火箭', conversationId: chat.conversationId });
  ids.ticketId = ticket.body.ticket.id;
  const complaint = await admin.post<{ ticket: { id: string } }>('/api/tickets', { type: 'complaint', subject: '发错货', description: '收到的颜色不对' });
  ids.complaintId = complaint.body.ticket.id;
  const unanswered = await admin.get<{ groups: Array<{ questionIds: string[] }> }>('/api/admin/unanswered');
  ids.unansweredId = unanswered.body.groups[0]!.questionIds[0]!;
}, 120_000);
afterAll(() => h?.close());

async function version(ticketId: string): Promise<number> {
  return (await admin.get<{ ticket: { version: number } }>(`/api/tickets/${ticketId}`)).body.ticket.version;
}

/** The value of a `{placeholder}` in a documented example. */
async function placeholder(name: string): Promise<unknown> {
  if (name === 'setupToken') return setupToken(SECRET);
  if (name === 'ticketVersion') return version(ids.ticketId!);
  if (name === 'complaintVersion') return version(ids.complaintId!);
  if (ids[name]) return ids[name];
  throw new Error(`no fixture value for {${name}}`);
}

async function fill(value: unknown): Promise<unknown> {
  if (typeof value === 'string') {
    const whole = /^\{(\w+)\}$/.exec(value);
    return whole ? placeholder(whole[1]!) : value;
  }
  if (Array.isArray(value)) return Promise.all(value.map(fill));
  if (value && typeof value === 'object') {
    return Object.fromEntries(await Promise.all(Object.entries(value).map(async ([k, v]) => [k, await fill(v)])));
  }
  return value;
}

/** Which fixture object a path parameter names, by route. */
function pathValue(path: string, name: string): string {
  if (name === 'messageId') return ids.botMessageId!;
  if (name === 'suggestionId') return path.endsWith('/accept') ? ids.phoneSuggestionId! : ids.emailSuggestionId!;
  if (path.startsWith('/api/customers/')) return ids.customerId!;
  if (name === 'team') return 'support';
  if (path.startsWith('/api/webchat/')) return chat.conversationId;
  if (path === '/api/supervisor/conversations/{id}/assign' || path === '/api/agent/conversations/{id}/close') return ids.B!;
  if (path.startsWith('/api/agent/conversations/')) return ids.A!;
  if (path.startsWith('/api/supervisor/agents/')) return ids.annId!;
  if (path.startsWith('/api/admin/users/')) return ids.zedId!;
  if (path.startsWith('/api/agent/canned-replies/')) return ids.cannedId!;
  if (path.startsWith('/api/admin/faqs/')) return 'cat-food';
  if (path.startsWith('/api/supervision/flags/')) return ids.flagId!;
  if (path.startsWith('/api/tickets/{id}/complaint/')) return ids.complaintId!;
  if (path.startsWith('/api/tickets/')) return ids.ticketId!;
  throw new Error(`no fixture value for ${name} in ${path}`);
}

/** A file upload: the raw text as the body, with the admin's session. */
async function sendFile(path: string, text: string) {
  const res = await fetch(`${h.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', cookie: admin.cookie!, 'x-csrf-token': admin.csrfToken! },
    body: text,
  });
  return { status: res.status, headers: res.headers, body: JSON.parse(await res.text()) as unknown };
}

it('documents exactly the routes the server mounts', () => {
  const mounted = mountedRoutes(h.kefu.server).map((r) => `${r.method.toUpperCase()} ${r.path}`).sort();
  const documented = operations().map((op) => `${op.method.toUpperCase()} ${op.path}`).sort();
  expect({ undocumented: mounted.filter((r) => !documented.includes(r)), notMounted: documented.filter((r) => !mounted.includes(r)) })
    .toEqual({ undocumented: [], notMounted: [] });
});

it('answers every documented operation as documented', async () => {
  const problems: string[] = [];
  for (const op of operations()) {
    const key = `${op.method.toUpperCase()} ${op.path}`;
    const url = new URL(h.url + op.path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(pathValue(op.path, name))));
    const headers: Record<string, string> = {};
    for (const p of op.parameters ?? []) {
      if (p.in === 'query' && p.example !== undefined) url.searchParams.set(p.name, String(p.example));
    }
    if (op.path === '/telegram/webhook') headers['x-telegram-bot-api-secret-token'] = TELEGRAM_SECRET;
    if (op.path.startsWith('/api/webchat/conversations/')) headers.authorization = `Bearer ${chat.token}`;
    const file = op.requestBody?.content['text/csv']?.example;
    const example = op.requestBody?.content['application/json']?.example;
    const body = example === undefined ? (op.method === 'get' ? undefined : {}) : await fill(example);
    const res = typeof file === 'string'
      ? await sendFile(url.pathname + url.search, file)
      : await admin.call<unknown>(op.method.toUpperCase(), url.pathname + url.search, body, headers);
    // Signing in again starts a new session with its own CSRF token.
    if (key === 'POST /api/auth/login' && res.status === 200) admin.csrfToken = (res.body as { csrfToken: string }).csrfToken;
    const expected = EXPECTED[key];
    const ok = expected === undefined ? res.status >= 200 && res.status < 300 : res.status === expected;
    const documented = op.responses[String(res.status)];
    if (!ok || !documented) {
      problems.push(`${key}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}${documented ? '' : ' (status not documented)'}`);
      continue;
    }
    const type = (res.headers.get('content-type') ?? '').split(';')[0]!;
    if (!documented.content) continue;
    const media = documented.content[type];
    if (!media) {
      problems.push(`${key}: content-type ${type} not documented`);
      continue;
    }
    if (type === 'application/json' && media.schema) {
      const error = validate(media.schema, res.body);
      if (error) problems.push(`${key}: ${error}`);
    }
  }
  expect(problems).toEqual([]);
}, 180_000);
