import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../app/config.js';
import { isDomainError } from '../core/errors.js';
import { kbAsk, kbEval, kbExport, kbImport } from './kb-commands.js';
import { userAdd, userList } from './user-commands.js';
import { CliError, type CliContext } from './cli-context.js';

const USAGE = `Usage: kefu <command>

  kb import FILE [--replace] [--dry-run]
                                     import FAQ entries from JSON or CSV (upsert by id, versioned as "cli");
                                     --dry-run lists what would be added, changed, removed and rejected
  kb export [--format json|csv]      print the knowledge base
  kb ask "TEXT" [--json]             show how the bot would answer TEXT
  kb eval FILE [--json]              measure the matcher on a labelled set [{q, expect}]
  user add --email E --password P --role admin|supervisor|agent [--name N] [--capacity N]
                                     create a console user (the password may come from KEFU_NEW_PASSWORD)
  user list [--json]                 list console users

Honours DATABASE_URL (default: the embedded SQLite database in KEFU_DATA_DIR).`;

async function run(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      replace: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      format: { type: 'string', default: 'json' },
      email: { type: 'string' },
      password: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
      capacity: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [group, command, arg] = positionals;
  if (values.help || !group) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const ctx: CliContext = { config: loadConfig(), out: (s) => process.stdout.write(`${s}\n`), err: (s) => process.stderr.write(`${s}\n`) };
  if (group === 'kb' && command === 'import') return kbImport(ctx, required(arg, 'FILE'), { replace: values.replace, dryRun: values['dry-run'] });
  if (group === 'kb' && command === 'export') return kbExport(ctx, { format: values.format });
  if (group === 'kb' && command === 'ask') return kbAsk(ctx, required(arg, 'TEXT'), { json: values.json });
  if (group === 'kb' && command === 'eval') return kbEval(ctx, required(arg, 'FILE'), { json: values.json });
  if (group === 'user' && command === 'add') return userAdd(ctx, values);
  if (group === 'user' && command === 'list') return userList(ctx, { json: values.json });
  throw new CliError(`unknown command "${positionals.join(' ')}"\n\n${USAGE}`, 2);
}

function required(value: string | undefined, name: string): string {
  if (!value) throw new CliError(`missing ${name}\n\n${USAGE}`, 2);
  return value;
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
