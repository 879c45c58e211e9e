import { composeAuth } from '../app/compose-auth.js';
import { createLogger } from '../app/logger.js';
import { systemClock } from '../core/ports.js';
import { ROLES, type Role } from '../core/types.js';
import { openStorage } from '../prisma/storage.js';
import { InProcessPubSub } from '../core/in-memory/in-process-pubsub.js';
import { StaffService } from '../core/users/staff-service.js';
import { CliError, type CliContext } from './cli-context.js';

export interface UserAddOptions {
  email?: string;
  password?: string;
  role?: string;
  name?: string;
  capacity?: string;
}

export async function userAdd(ctx: CliContext, options: UserAddOptions): Promise<number> {
  const { email, role } = options;
  // The password may come from the environment so it stays out of shell history and `ps`.
  const password = options.password ?? process.env.KEFU_NEW_PASSWORD;
  if (!email || !password || !role) throw new CliError('user add needs --email, --password (or KEFU_NEW_PASSWORD) and --role', 2);
  if (!(ROLES as readonly string[]).includes(role)) throw new CliError(`--role must be one of ${ROLES.join(', ')}, not "${role}"`, 2);
  const capacity = options.capacity === undefined ? null : Number(options.capacity);
  if (capacity !== null && !(Number.isInteger(capacity) && capacity >= 0 && capacity <= 100)) throw new CliError('--capacity must be a whole number from 0 to 100', 2);
  const storage = await openStorage(ctx.config.databaseUrl);
  try {
    const { repos } = storage;
    const auth = composeAuth(ctx.config, repos, systemClock, createLogger('silent'));
    let user = await auth.createUser({ email, password, role: role as Role, ...(options.name ? { displayName: options.name } : {}) });
    if (capacity !== null) user = await repos.users.update(user.id, { capacity });
    ctx.out(`created ${user.role} ${user.email} (${user.displayName})${capacity !== null ? `, capacity ${capacity}` : ''}`);
    return 0;
  } finally {
    await storage.close();
  }
}

export async function userList(ctx: CliContext, options: { json: boolean }): Promise<number> {
  const storage = await openStorage(ctx.config.databaseUrl);
  try {
    const users = await storage.repos.users.list();
    if (options.json) {
      ctx.out(JSON.stringify(users.map(({ id, email, displayName, role, presence, capacity, status }) => ({ id, email, displayName, role, presence, capacity, status }))));
      return 0;
    }
    if (users.length === 0) ctx.out('no users yet: kefu user add --email E --password P --role admin');
    for (const u of users) ctx.out(`${u.role.padEnd(10)} ${u.email.padEnd(32)} ${u.displayName.padEnd(16)} ${u.presence.padEnd(7)} capacity ${u.capacity ?? ctx.config.handoff.agentCapacity}${u.status === 'active' ? '' : ` ${u.status}`}`);
    return 0;
  } finally {
    await storage.close();
  }
}

export type StaffCommand = 'disable' | 'enable' | 'remove' | 'set-role' | 'reset-password';

const CLI_ACTOR = { id: null, name: 'cli' };

/**
 * `kefu user disable|enable|remove|set-role|reset-password EMAIL`. The sessions end in the database at once; a
 * running server's open console sockets notice within a minute (their periodic session check).
 */
export async function userStaff(ctx: CliContext, command: StaffCommand, who: string, options: { role?: string; password?: string }): Promise<number> {
  if (command === 'set-role' && !(ROLES as readonly string[]).includes(options.role ?? '')) throw new CliError(`--role must be one of ${ROLES.join(', ')}`, 2);
  const password = options.password ?? process.env.KEFU_NEW_PASSWORD;
  if (command === 'reset-password' && !password) throw new CliError('user reset-password needs --password (or KEFU_NEW_PASSWORD)', 2);
  const storage = await openStorage(ctx.config.databaseUrl);
  try {
    const { repos } = storage;
    const logger = createLogger('silent');
    const auth = composeAuth(ctx.config, repos, systemClock, logger);
    const staff = new StaffService({ users: repos.users, sessions: repos.sessions, audit: repos.audit, auth, pubsub: new InProcessPubSub(), clock: systemClock, logger });
    const user = await staff.find(who);
    const done =
      command === 'disable' ? await staff.disable(CLI_ACTOR, user.id)
      : command === 'enable' ? await staff.enable(CLI_ACTOR, user.id)
      : command === 'remove' ? await staff.remove(CLI_ACTOR, user.id)
      : command === 'set-role' ? await staff.setRole(CLI_ACTOR, user.id, options.role as Role)
      : await staff.resetPassword(CLI_ACTOR, user.id, password ?? '');
    const what = command === 'set-role' ? `role ${done.role}` : command === 'reset-password' ? 'password reset, signed out everywhere' : done.status;
    ctx.out(`${done.email} (${done.displayName}): ${what}`);
    return 0;
  } finally {
    await storage.close();
  }
}
