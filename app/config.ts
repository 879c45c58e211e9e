import { z } from 'zod';
import { BusinessHours } from '../core/handoff/business-hours.js';
import { ROUTING_MODES, type RoutingMode } from '../core/handoff/routing.js';
import type { Role } from '../core/types.js';
import { DEFAULT_PASSWORD_COST, PASSWORD_COST_RANGE } from '../core/users/password.js';
import { channelConfigProblems, channelEnvShape, channelsConfig, deliveryConfig, type ChannelsConfig, type DeliveryConfig } from './channels-config.js';
import { ticketEnvShape, ticketsConfig, type TicketsConfig } from './tickets-config.js';
import { orderEnvShape, ordersConfig, type OrdersConfig } from './orders/orders-config.js';
import { alertEnvShape, alertsConfig, type AlertsConfig } from './alerts-config.js';

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => ['true', '1', 'yes'].includes(v));
const optionalNumber = (min: number, max: number) => z.coerce.number().min(min).max(max).optional();

/** Every setting Kefu reads from the environment; `.env.example` documents each one. */
export const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  KEFU_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, 'must start with file: (SQLite) or postgresql:// (PostgreSQL)')
    .optional(),
  KEFU_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['auto', 'json', 'pretty']).default('auto'),
  KEFU_STORE_NAME: z.string().trim().min(1).max(80).default('Kefu 演示商店'),
  KEFU_DEMO: bool.optional(),
  KEFU_TRUST_PROXY: z
    .string()
    .regex(/^(false|true|loopback|\d{1,2}|[0-9a-f.:/]+(\s*,\s*[0-9a-f.:/]+)*)$/i, 'must be false, true, loopback, a hop count, or proxy addresses/CIDRs separated by commas')
    .default('false'),
  KEFU_MAX_MESSAGE_LENGTH: z.coerce.number().int().min(1).max(100_000).default(4000),
  KEFU_KB_AUTOLOAD: bool.default(true),
  KEFU_INTENT_LIBRARY: bool.default(false),
  KEFU_KB_REFRESH_MS: z.coerce.number().int().min(0).max(3_600_000).default(2000),
  KEFU_WEBCHAT_CONVERSATIONS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(20),
  KEFU_WEBCHAT_MESSAGES_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(30),
  KEFU_MAX_IN_FLIGHT: z.coerce.number().int().min(1).max(100_000).default(64),
  KEFU_MAX_QUEUED: z.coerce.number().int().min(0).max(1_000_000).default(1024),
  KEFU_QUEUE_WAIT_MS: z.coerce.number().int().min(1).max(60_000).default(1000),
  KEFU_WEBCHAT_TOKEN_TTL_HOURS: z.coerce.number().min(0.01).max(8760).default(24),
  KEFU_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  KEFU_PUBSUB: z.enum(['memory', 'redis']).default('memory'),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must start with redis:// or rediss://').default('redis://127.0.0.1:6379'),
  KEFU_MATCH_ANSWER_THRESHOLD: optionalNumber(0, 1),
  KEFU_MATCH_SUGGEST_THRESHOLD: optionalNumber(0, 1),
  KEFU_MATCH_MIN_MARGIN: optionalNumber(0, 1),
  KEFU_UNANSWERED_MIN_CONFIDENCE: z.coerce.number().min(0).max(1).default(0.5),
  KEFU_HANDOFF_FALLBACKS: z.coerce.number().int().min(0).max(20).default(2),
  KEFU_BUSINESS_HOURS: z.string().min(1).default('Mon-Fri 09:00-18:00'),
  KEFU_TIMEZONE: z.string().min(1).default('Asia/Shanghai'),
  KEFU_HOLIDAYS: z
    .string()
    .regex(/^\s*(\d{4}-\d{2}-\d{2}\s*(,\s*\d{4}-\d{2}-\d{2}\s*)*)?$/, 'must be YYYY-MM-DD dates separated by commas')
    .default(''),
  KEFU_ROUTING: z.enum(ROUTING_MODES).default('manual'),
  KEFU_AGENT_CAPACITY: z.coerce.number().int().min(1).max(100).default(5),
  KEFU_SESSION_TTL_HOURS: z.coerce.number().min(0.01).max(720).default(12),
  KEFU_COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  KEFU_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
  KEFU_PASSWORD_COST: z.coerce.number().int().min(PASSWORD_COST_RANGE.min).max(PASSWORD_COST_RANGE.max).default(DEFAULT_PASSWORD_COST),
  KEFU_MASK_PERSONAL_DATA: bool.default(true),
  KEFU_REVEAL_ROLES: z
    .string()
    .regex(/^\s*(admin|supervisor|agent)(\s*,\s*(admin|supervisor|agent))*\s*$/, 'must be roles (admin, supervisor, agent) separated by commas')
    .default('supervisor,admin'),
  KEFU_RETENTION_DAYS: z.coerce.number().int().min(0).max(36500).default(0),
  KEFU_RETENTION_POLL_MS: z.coerce.number().int().min(1000).default(3_600_000),
  ...channelEnvShape,
  ...ticketEnvShape,
  ...orderEnvShape,
  ...alertEnvShape,
});

export interface KefuConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string;
  secret?: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  /** JSON lines, or readable lines for a person; `auto` is readable on a terminal. */
  logFormat: z.infer<typeof envSchema>['LOG_FORMAT'];
  storeName: string;
  /** Express's `trust proxy`: whose X-Forwarded-For to believe for the client address (rate limits, login throttle). */
  trustProxy: boolean | number | string;
  /** The demo store's hints for visitors (how to reach the agent side); on by default with the embedded database. */
  demo: boolean;
  maxMessageLength: number;
  kbAutoload: boolean;
  kbRefreshMs: number;
  /** Link each FAQ entry to the shipped intent library, whose phrasings then match it as weaker alternates. */
  intentLibrary: boolean;
  /** Public web chat API budget per client address (new conversations) and per conversation (messages). */
  webchatLimits: { conversationsPerMinute: number; messagesPerMinute: number };
  /** How long a web chat conversation token is valid; the widget exchanges it for a fresh one before then. */
  webchatTokenTtlMs: number;
  /** Back-pressure: requests that change something, at work at once / waiting / longest wait before a 503. */
  admission: { maxInFlight: number; maxQueued: number; maxWaitMs: number };
  /** On SIGTERM/SIGINT, how long requests at work and workers get to finish before they are cut. */
  shutdownGraceMs: number;
  /** Real-time fan-out: in this process only, or across instances through Redis. */
  pubsub: { kind: 'memory' } | { kind: 'redis'; url: string };
  matcher: { answerThreshold?: number; suggestThreshold?: number; minMargin?: number };
  /** A direct answer scoring below `lowConfidence` is collected as an unanswered question. */
  unanswered: { lowConfidence: number };
  handoff: { fallbackLimit: number; routing: RoutingMode; agentCapacity: number; hours: BusinessHours };
  auth: { sessionTtlMs: number; cookieSecure: 'auto' | boolean; loginMaxFailures: number; passwordCost: number };
  /** Personal data masked for agents; who may reveal it (every reveal is audited). */
  privacy: { mask: boolean; revealRoles: Role[] };
  /** Closed conversations older than `days` lose their messages (0: kept for ever); checked every `pollMs`. */
  retention: { days: number; pollMs: number };
  /** Telegram, WeChat and Bot Framework: each present only when configured (web chat is always on). */
  channels: ChannelsConfig;
  /** The outbox worker that sends replies through the channel adapters. */
  delivery: DeliveryConfig;
  /** SLA policy and poller, satisfaction surveys. */
  tickets: TicketsConfig;
  /** Where order questions are answered from (KEFU_ORDERS). */
  orders: OrdersConfig;
  /** Which alerts go where (console, webhooks, e-mail), and when the queue and survey alerts fire. */
  alerts: AlertsConfig;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): KefuConfig {
  // An empty value (`KEY=` in .env) means "not set", not zero or an empty string.
  const raw = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = envSchema.safeParse(raw);
  // One pass: every problem is reported at once, field by field and then each group's settings taken together.
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`);
  const group = <S extends z.ZodRawShape, R>(shape: S, check: (e: z.infer<z.ZodObject<S>>) => R & { problems: string[] }): R | undefined => {
    const part = z.object(shape).safeParse(raw);
    if (!part.success) return undefined;
    const result = check(part.data);
    problems.push(...result.problems);
    return result;
  };
  group(channelEnvShape, (e) => ({ problems: channelConfigProblems(e) }));
  const tickets = group(ticketEnvShape, ticketsConfig);
  const orders = group(orderEnvShape, ordersConfig);
  const alerts = group(alertEnvShape, alertsConfig);
  let hours: BusinessHours | undefined;
  if (parsed.success) {
    try {
      hours = businessHours(parsed.data.KEFU_BUSINESS_HOURS, parsed.data.KEFU_TIMEZONE, parsed.data.KEFU_HOLIDAYS);
    } catch (err) {
      problems.push(...(err instanceof ConfigError ? err.problems : [String(err)]));
    }
  }
  if (!parsed.success || !tickets || !orders || !alerts || !hours || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.KEFU_DATA_DIR,
    databaseUrl: e.DATABASE_URL ?? `file:${e.KEFU_DATA_DIR.replace(/\/$/, '')}/kefu.db`,
    ...(e.KEFU_SECRET ? { secret: e.KEFU_SECRET } : {}),
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    storeName: e.KEFU_STORE_NAME,
    trustProxy: trustProxy(e.KEFU_TRUST_PROXY),
    demo: e.KEFU_DEMO ?? !(e.DATABASE_URL ?? 'file:').startsWith('postgres'),
    maxMessageLength: e.KEFU_MAX_MESSAGE_LENGTH,
    kbAutoload: e.KEFU_KB_AUTOLOAD,
    kbRefreshMs: e.KEFU_KB_REFRESH_MS,
    intentLibrary: e.KEFU_INTENT_LIBRARY,
    webchatLimits: { conversationsPerMinute: e.KEFU_WEBCHAT_CONVERSATIONS_PER_MINUTE, messagesPerMinute: e.KEFU_WEBCHAT_MESSAGES_PER_MINUTE },
    webchatTokenTtlMs: Math.round(e.KEFU_WEBCHAT_TOKEN_TTL_HOURS * 3_600_000),
    admission: { maxInFlight: e.KEFU_MAX_IN_FLIGHT, maxQueued: e.KEFU_MAX_QUEUED, maxWaitMs: e.KEFU_QUEUE_WAIT_MS },
    shutdownGraceMs: e.KEFU_SHUTDOWN_GRACE_MS,
    pubsub: e.KEFU_PUBSUB === 'redis' ? { kind: 'redis', url: e.REDIS_URL } : { kind: 'memory' },
    matcher: dropUndefined({
      answerThreshold: e.KEFU_MATCH_ANSWER_THRESHOLD,
      suggestThreshold: e.KEFU_MATCH_SUGGEST_THRESHOLD,
      minMargin: e.KEFU_MATCH_MIN_MARGIN,
    }),
    unanswered: { lowConfidence: e.KEFU_UNANSWERED_MIN_CONFIDENCE },
    handoff: { fallbackLimit: e.KEFU_HANDOFF_FALLBACKS, routing: e.KEFU_ROUTING, agentCapacity: e.KEFU_AGENT_CAPACITY, hours },
    privacy: { mask: e.KEFU_MASK_PERSONAL_DATA, revealRoles: e.KEFU_REVEAL_ROLES.split(',').map((r) => r.trim() as Role) },
    retention: { days: e.KEFU_RETENTION_DAYS, pollMs: e.KEFU_RETENTION_POLL_MS },
    auth: {
      sessionTtlMs: Math.round(e.KEFU_SESSION_TTL_HOURS * 3_600_000),
      cookieSecure: e.KEFU_COOKIE_SECURE === 'auto' ? 'auto' : e.KEFU_COOKIE_SECURE === 'true',
      loginMaxFailures: e.KEFU_LOGIN_MAX_FAILURES,
      passwordCost: e.KEFU_PASSWORD_COST,
    },
    channels: channelsConfig(e, e.KEFU_DATA_DIR),
    delivery: deliveryConfig(e),
    tickets: tickets.config,
    orders: orders.config,
    alerts: alerts.config,
  };
}

function businessHours(hours: string, timeZone: string, holidays: string): BusinessHours {
  try {
    return new BusinessHours({ hours, timeZone, holidays: holidays.split(',').map((h) => h.trim()).filter(Boolean) });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new ConfigError([err instanceof RangeError ? `KEFU_TIMEZONE: unknown time zone "${timeZone}"` : `KEFU_BUSINESS_HOURS: ${message}`]);
  }
}

function trustProxy(value: string): boolean | number | string {
  if (value === 'true' || value === 'false') return value === 'true';
  return /^\d+$/.test(value) ? Number(value) : value;
}

function dropUndefined<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
