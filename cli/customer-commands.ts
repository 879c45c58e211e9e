import { writeFileSync } from 'node:fs';
import { createLogger } from '../app/logger.js';
import { CustomerService, exportText } from '../core/customers/customer-service.js';
import { Privacy } from '../core/customers/privacy.js';
import { systemClock } from '../core/ports.js';
import { openStorage } from '../prisma/storage.js';
import { CliError, type CliContext } from './cli-context.js';

const CLI_ACTOR = { id: null, email: 'cli', role: 'admin' } as const;

async function withCustomers<T>(ctx: CliContext, work: (customers: CustomerService) => Promise<T>): Promise<T> {
  const storage = await openStorage(ctx.config.databaseUrl);
  try {
    const { repos } = storage;
    return await work(new CustomerService({ repos, privacy: new Privacy(ctx.config.privacy, repos.audit), clock: systemClock, logger: createLogger('silent') }));
  } finally {
    await storage.close();
  }
}

/** `kefu customer export ID [--format json|text] [--out FILE]`: everything stored about one customer (audited as "cli"). */
export async function customerExport(ctx: CliContext, id: string, options: { format: string; out?: string }): Promise<number> {
  if (options.format !== 'json' && options.format !== 'text') throw new CliError('--format must be json or text', 2);
  const doc = await withCustomers(ctx, (customers) => customers.export(CLI_ACTOR, id));
  const body = options.format === 'json' ? `${JSON.stringify(doc, null, 2)}\n` : exportText(doc);
  if (options.out) {
    writeFileSync(options.out, body, { mode: 0o600 });
    ctx.err(`wrote ${options.out} (${doc.conversations.length} conversations, ${doc.tickets.length} tickets)`);
  } else process.stdout.write(body);
  return 0;
}

/** `kefu customer erase ID --force`: the erasure an admin can also do in the console; cannot be undone. */
export async function customerErase(ctx: CliContext, id: string, options: { force: boolean }): Promise<number> {
  if (!options.force) throw new CliError('customer erase deletes the customer\'s messages and record for good; add --force to confirm', 2);
  const counts = await withCustomers(ctx, (customers) => customers.erase(CLI_ACTOR, id));
  ctx.out(`erased customer ${id}: ${counts.messages} messages in ${counts.conversations} conversations, ${counts.tickets} tickets anonymised`);
  return 0;
}
