import { ConfigError, loadConfig, type KefuConfig } from '../app/config.js';
import { databaseStatus, type DatabaseStatus } from '../prisma/database-status.js';

type Verdict = 'ok' | 'problem' | 'note';
interface Check {
  verdict: Verdict;
  what: string;
  detail: string;
  fix?: string;
}

const MIN_NODE = [20, 12];
const CLOCK_SKEW_MS = 5_000;

/** `kefu doctor`: one line per concern, each problem with its fix; exit 1 when anything needs fixing. */
export async function doctor(env: NodeJS.ProcessEnv = process.env, print: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): Promise<number> {
  const checks: Check[] = [nodeCheck()];
  let config: KefuConfig | undefined;
  try {
    config = loadConfig(env);
    checks.push({ verdict: 'ok', what: 'config', detail: 'the environment and .env are valid' });
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    const others = err.problems.filter((p) => !p.startsWith('KEFU_TIMEZONE'));
    if (others.length > 0) checks.push({ verdict: 'problem', what: 'config', detail: others.join('; '), fix: 'correct these variables in .env or the environment (each is explained in .env.example)' });
  }
  checks.push(timeZoneCheck(env));
  const databaseUrl = config?.databaseUrl ?? env.DATABASE_URL ?? `file:${(env.KEFU_DATA_DIR ?? './data').replace(/\/$/, '')}/kefu.db`;
  let status: DatabaseStatus | undefined;
  try {
    status = await databaseStatus(databaseUrl);
  } catch (err) {
    checks.push({ verdict: 'problem', what: 'database', detail: err instanceof Error ? err.message : String(err), fix: 'set DATABASE_URL to file:./data/kefu.db or postgresql://user:pass@host:5432/db' });
  }
  if (status) checks.push(...databaseChecks(status));
  if (config) checks.push(await redisCheck(config), channelsCheck(config), secretCheck(config, status));
  for (const c of checks) {
    print(`${c.verdict.padEnd(8)} ${c.what.padEnd(11)} ${c.detail}`);
    if (c.fix) print(`${' '.repeat(20)}fix: ${c.fix}`);
  }
  const problems = checks.filter((c) => c.verdict === 'problem').length;
  print(problems === 0 ? '\nAll good.' : `\n${problems} problem(s) to fix.`);
  return problems === 0 ? 0 : 1;
}

function nodeCheck(): Check {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  const ok = major > MIN_NODE[0]! || (major === MIN_NODE[0] && minor >= MIN_NODE[1]!);
  return ok
    ? { verdict: 'ok', what: 'node', detail: `Node ${process.versions.node}` }
    : { verdict: 'problem', what: 'node', detail: `Node ${process.versions.node} is too old`, fix: `install Node ${MIN_NODE.join('.')} or newer (20 LTS)` };
}

function validTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function timeZoneCheck(env: NodeJS.ProcessEnv): Check {
  const zone = env.KEFU_TIMEZONE || 'Asia/Shanghai';
  if (!validTimeZone(zone)) {
    return { verdict: 'problem', what: 'time zone', detail: `KEFU_TIMEZONE "${zone}" is not a time zone`, fix: 'set KEFU_TIMEZONE to an IANA name such as Asia/Shanghai or Europe/Berlin' };
  }
  const local = new Intl.DateTimeFormat('zh-CN', { timeZone: zone, weekday: 'short', hour: '2-digit', minute: '2-digit' }).format(new Date());
  const machine = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return { verdict: 'ok', what: 'time zone', detail: `business hours in ${zone} (there now: ${local}); this machine runs in ${machine}` };
}

function databaseChecks(s: DatabaseStatus): Check[] {
  const name = s.provider === 'sqlite' ? 'SQLite' : 'PostgreSQL';
  if (!s.reachable) {
    const fix = s.provider === 'postgresql'
      ? 'start PostgreSQL (systemctl start postgresql, or pg_ctlcluster <version> main start) or correct host, port and credentials in DATABASE_URL'
      : 'check that the folder of the SQLite file exists and is writable by this user, or correct DATABASE_URL';
    return [{ verdict: 'problem', what: 'database', detail: `cannot open ${name} at ${s.location}: ${s.error}`, fix }];
  }
  const checks: Check[] = [{ verdict: 'ok', what: 'database', detail: `${name} at ${s.location}` }];
  if (s.unknown.length > 0) {
    checks.push({ verdict: 'problem', what: 'migrations', detail: `applied by a newer Kefu: ${s.unknown.join(', ')}`, fix: 'run the Kefu version that migrated this database, or restore a backup made by this version' });
  } else if (s.failed.length > 0) {
    checks.push({ verdict: 'problem', what: 'migrations', detail: `failed earlier: ${s.failed.join(', ')}`, fix: 'see prisma/README.md (prisma migrate resolve), then kefu db migrate' });
  } else if (s.pending.length > 0) {
    const fresh = s.applied.length === 0;
    checks.push({ verdict: fresh ? 'note' : 'problem', what: 'migrations', detail: fresh ? 'a new database: Kefu creates its tables at first start' : `${s.pending.length} pending: ${s.pending.join(', ')}`, ...(fresh ? {} : { fix: 'kefu db migrate (kefu start also migrates)' }) });
  } else {
    checks.push({ verdict: 'ok', what: 'migrations', detail: `${s.applied.length} applied, none pending` });
  }
  checks.push(clockCheck(s));
  return checks;
}

function clockCheck(s: DatabaseStatus): Check {
  const now = new Date();
  if (now.getUTCFullYear() < 2024) return { verdict: 'problem', what: 'clock', detail: `this machine says it is ${now.toISOString()}`, fix: 'set the clock and enable NTP (timedatectl set-ntp true)' };
  if (!s.serverTime) return { verdict: 'ok', what: 'clock', detail: now.toISOString() };
  const skew = now.getTime() - s.serverTime.getTime();
  if (Math.abs(skew) > CLOCK_SKEW_MS) {
    return { verdict: 'problem', what: 'clock', detail: `this machine and PostgreSQL differ by ${(skew / 1000).toFixed(1)} s`, fix: 'enable NTP on both machines (timedatectl set-ntp true); SLA timers and sessions depend on one time' };
  }
  return { verdict: 'ok', what: 'clock', detail: `agrees with PostgreSQL (within ${Math.max(1, Math.ceil(Math.abs(skew) / 1000))} s)` };
}

async function redisCheck(config: KefuConfig): Promise<Check> {
  if (config.pubsub.kind !== 'redis') return { verdict: 'ok', what: 'redis', detail: 'not used (KEFU_PUBSUB=memory: one instance)' };
  const where = new URL(config.pubsub.url).host;
  const { Redis } = await import('ioredis');
  const redis = new Redis(config.pubsub.url, { lazyConnect: true, connectTimeout: 3_000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
    return { verdict: 'ok', what: 'redis', detail: `reachable at ${where}` };
  } catch (err) {
    return { verdict: 'problem', what: 'redis', detail: `cannot reach Redis at ${where}: ${err instanceof Error ? err.message : String(err)}`, fix: 'start Redis (systemctl start redis-server) or correct REDIS_URL' };
  } finally {
    redis.disconnect();
  }
}

function channelsCheck(config: KefuConfig): Check {
  const on = Object.keys(config.channels).filter((k) => k !== 'retry');
  return { verdict: 'ok', what: 'channels', detail: `web chat${on.length > 0 ? `, ${on.join(', ')}` : ''} configured; the others are off` };
}

function secretCheck(config: KefuConfig, status: DatabaseStatus | undefined): Check {
  if (config.secret) return { verdict: 'ok', what: 'secret', detail: 'KEFU_SECRET is set' };
  if (status?.provider === 'postgresql' || config.pubsub.kind === 'redis') {
    return { verdict: 'problem', what: 'secret', detail: 'KEFU_SECRET is not set, so each instance makes its own and tokens fail across instances', fix: 'set the same KEFU_SECRET (openssl rand -hex 32) on every instance' };
  }
  return { verdict: 'ok', what: 'secret', detail: `generated and kept in ${config.dataDir} (set KEFU_SECRET when running several instances)` };
}
