import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseDatabaseUrl } from '../prisma/database-url.js';
import { databaseStatus } from '../prisma/database-status.js';
import { migrate } from '../prisma/migrator.js';
import { dumpPostgres, restorePostgres } from '../prisma/postgres-backup.js';
import { backupSqlite, checkSqliteBackup, restoreSqlite } from '../prisma/sqlite-backup.js';
import { CliError, type CliContext } from './cli-context.js';
import { progressBar } from './progress.js';

export async function dbMigrate(ctx: CliContext, options: { status: boolean }): Promise<number> {
  const status = await databaseStatus(ctx.config.databaseUrl);
  if (!status.reachable) throw new CliError(`cannot open the database at ${status.location}: ${status.error}`);
  if (status.unknown.length > 0) throw new CliError(`the database has migrations this Kefu does not know (${status.unknown.join(', ')}): it was migrated by a newer version`);
  if (options.status) {
    ctx.out(`${status.applied.length} applied, ${status.pending.length} pending (${status.location})`);
    for (const name of status.pending) ctx.out(`pending   ${name}`);
    return status.pending.length > 0 ? 1 : 0;
  }
  const { applied } = await migrate(ctx.config.databaseUrl);
  for (const name of applied) ctx.out(`applied   ${name}`);
  ctx.out(applied.length > 0 ? `${applied.length} migration(s) applied to ${status.location}` : `up to date (${status.applied.length} migrations, ${status.location})`);
  return 0;
}

function stamp(): string {
  return new Date().toISOString().replace(/[:.]/g, '-').replace(/-\d{3}Z$/, 'Z');
}

export async function backup(ctx: CliContext, file: string | undefined): Promise<number> {
  const target = parseDatabaseUrl(ctx.config.databaseUrl);
  const dest = resolve(file ?? `kefu-backup-${stamp()}.${target.provider === 'sqlite' ? 'db' : 'dump'}`);
  if (existsSync(dest)) throw new CliError(`${dest} already exists; choose another file name`);
  const started = Date.now();
  if (target.provider === 'sqlite') {
    const bar = progressBar('backup');
    try {
      await backupSqlite(target.file, dest, (done, total) => bar.update(done, total));
    } finally {
      bar.done();
    }
  } else {
    await dumpPostgres(target, dest);
  }
  ctx.out(`backup written: ${dest} (${formatSize(statSync(dest).size)}, ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return 0;
}

export async function restore(ctx: CliContext, file: string, options: { force: boolean }): Promise<number> {
  const source = resolve(file);
  if (!existsSync(source)) throw new CliError(`there is no backup at ${source}`);
  const target = parseDatabaseUrl(ctx.config.databaseUrl);
  const current = await databaseStatus(ctx.config.databaseUrl);
  if (target.provider === 'sqlite') {
    try {
      await checkSqliteBackup(source);
    } catch (err) {
      throw new CliError(`restore refused, nothing was changed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  const hasData = current.reachable && current.applied.length > 0;
  if (hasData && !options.force) {
    throw new CliError(`${current.location} already holds a Kefu database. Stop Kefu, then run again with --force to replace it (it is backed up first).`);
  }
  if (hasData) {
    const safety = `${target.provider === 'sqlite' ? target.file : resolve('kefu')}.before-restore-${stamp()}.${target.provider === 'sqlite' ? 'db' : 'dump'}`;
    ctx.out(`backing up the current database to ${safety}`);
    await backup(ctx, safety);
  }
  const bar = progressBar('restore');
  try {
    if (target.provider === 'sqlite') await restoreSqlite(source, target.file, (done, total) => bar.update(done, total));
    else await restorePostgres(target, source);
  } finally {
    bar.done();
  }
  // A backup from an older Kefu is brought up to this version's schema at once.
  const { applied } = await migrate(ctx.config.databaseUrl);
  ctx.out(`restored ${source} into ${current.location}${applied.length > 0 ? ` and applied ${applied.length} newer migration(s)` : ''}`);
  return 0;
}

function formatSize(bytes: number): string {
  return bytes > 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
