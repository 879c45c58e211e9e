import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../app/config.js';
import { withStoreFile } from '../app/setup/store-file.js';
import { isDomainError } from '../core/errors.js';
import { CliError, type CliContext } from './cli-context.js';

const USAGE = `Usage: kefu <command>

  start                              run the server (PORT, DATABASE_URL… from the environment or .env)
  doctor                             check configuration, database, migrations, Redis, channels, clock and time zone
  db migrate [--status]              apply pending database migrations (or only list them)
  backup [FILE]                      copy the database to FILE (default: ./kefu-backup-<time>.db or .dump)
  restore FILE [--force]             replace the database with a backup (the current one is backed up first)
  kb import FILE [--replace] [--dry-run]
                                     import FAQ entries from JSON or CSV (upsert by id, versioned as "cli");
                                     --dry-run lists what would be added, changed, removed and rejected
  kb export [--format json|csv]      print the knowledge base
  kb ask "TEXT" [--json]             show how the bot would answer TEXT
  kb eval FILE [--json]              measure the matcher on a labelled set [{q, expect}]
  user add --email E --password P --role admin|supervisor|agent [--name N] [--capacity N]
                                     create a console user (the password may come from KEFU_NEW_PASSWORD)
  user list [--json]                 list console users
  canned list [--json]               list the team's canned replies
  canned add --shortcut S --title T --text X [--category C]
                                     add a team canned reply (text may hold {客户名} {订单号} {客服名})
  canned remove SHORTCUT             delete a team canned reply
  canned import FILE                 add or update team canned replies from a JSON array [{shortcut, title, text, category}]
  user disable|enable|remove EMAIL   stop (and sign out everywhere) or restore an account; remove keeps the
                                     history under the name, shown as former staff
  user set-role EMAIL --role R       change the role (the last active admin stays admin)
  user reset-password EMAIL --password P
                                     set a new password (or KEFU_NEW_PASSWORD) and end every session
  customer export ID [--format json|text] [--out FILE]
                                     everything stored about one customer (PIPL/GDPR request; audited)
  customer erase ID --force          delete the customer's messages, record and ticket contact fields for good;
                                     the conversations stay, empty, so reports still count them

Honours DATABASE_URL (default: the embedded SQLite database in KEFU_DATA_DIR).`;

type Values = ReturnType<typeof parse>['values'];

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      replace: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      status: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      format: { type: 'string', default: 'json' },
      out: { type: 'string' },
      email: { type: 'string' },
      password: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
      capacity: { type: 'string' },
      shortcut: { type: 'string' },
      title: { type: 'string' },
      text: { type: 'string' },
      category: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}

// Each command loads only its own modules: `kefu user list` must not pay for the matcher and every service.
const COMMANDS: Record<string, (ctx: () => CliContext, args: Array<string | undefined>, values: Values) => Promise<number>> = {
  doctor: async () => (await import('./doctor.js')).doctor(withStoreFile(process.env)),
  'db migrate': async (ctx, _args, v) => (await import('./db-commands.js')).dbMigrate(ctx(), { status: v.status }),
  backup: async (ctx, [file]) => (await import('./db-commands.js')).backup(ctx(), file),
  restore: async (ctx, [file], v) => (await import('./db-commands.js')).restore(ctx(), required(file, 'FILE'), { force: v.force }),
  'kb import': async (ctx, [file], v) => (await import('./kb-commands.js')).kbImport(ctx(), required(file, 'FILE'), { replace: v.replace, dryRun: v['dry-run'] }),
  'kb export': async (ctx, _args, v) => (await import('./kb-commands.js')).kbExport(ctx(), { format: v.format }),
  'kb ask': async (ctx, [text], v) => (await import('./kb-commands.js')).kbAsk(ctx(), required(text, 'TEXT'), { json: v.json }),
  'kb eval': async (ctx, [file], v) => (await import('./kb-commands.js')).kbEval(ctx(), required(file, 'FILE'), { json: v.json }),
  'user add': async (ctx, _args, v) => (await import('./user-commands.js')).userAdd(ctx(), v),
  'user list': async (ctx, _args, v) => (await import('./user-commands.js')).userList(ctx(), { json: v.json }),
  'canned list': async (ctx, _args, v) => (await import('./canned-commands.js')).cannedList(ctx(), { json: v.json }),
  'canned add': async (ctx, _args, v) => (await import('./canned-commands.js')).cannedAdd(ctx(), v),
  'canned remove': async (ctx, [shortcut]) => (await import('./canned-commands.js')).cannedRemove(ctx(), required(shortcut, 'SHORTCUT')),
  'canned import': async (ctx, [file]) => (await import('./canned-commands.js')).cannedImport(ctx(), required(file, 'FILE')),
  'customer export': async (ctx, [id], v) => (await import('./customer-commands.js')).customerExport(ctx(), required(id, 'ID'), { format: v.format, ...(v.out ? { out: v.out } : {}) }),
  'customer erase': async (ctx, [id], v) => (await import('./customer-commands.js')).customerErase(ctx(), required(id, 'ID'), { force: v.force }),
  ...Object.fromEntries(
    (['disable', 'enable', 'remove', 'set-role', 'reset-password'] as const).map((c) => [
      `user ${c}`,
      async (ctx: () => CliContext, [who]: Array<string | undefined>, v: Values) =>
        (await import('./user-commands.js')).userStaff(ctx(), c, required(who, 'EMAIL'), { ...(v.role ? { role: v.role } : {}), ...(v.password ? { password: v.password } : {}) }),
    ]),
  ),
};

async function run(argv: string[]): Promise<number> {
  const { positionals, values } = parse(argv);
  if (values.help || positionals.length === 0) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const context = (): CliContext => ({ config: loadConfig(withStoreFile(process.env)), out: (s) => process.stdout.write(`${s}\n`), err: (s) => process.stderr.write(`${s}\n`) });
  for (const words of [2, 1]) {
    const command = COMMANDS[positionals.slice(0, words).join(' ')];
    if (command && positionals.length >= words) return command(context, positionals.slice(words), values);
  }
  throw new CliError(`unknown command "${positionals.join(' ')}"\n\n${USAGE}`, 2);
}

function required(value: string | undefined, name: string): string {
  if (!value) throw new CliError(`missing ${name}\n\n${USAGE}`, 2);
  return value;
}

try {
  process.loadEnvFile();
} catch {
  // no .env file: the environment alone configures Kefu
}
run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof CliError) console.error(`kefu: ${err.message}`);
    else if (err instanceof ConfigError) console.error(`kefu: ${err.message}`);
    else if (isDomainError(err)) console.error(`kefu: ${err.userMessage}`);
    else if (err instanceof Error && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS')) console.error(`kefu: ${err.message}\n\n${USAGE}`);
    else console.error('kefu: unexpected error:', err);
    process.exit(err instanceof CliError ? err.exitCode : 1);
  },
);
