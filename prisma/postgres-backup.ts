import { spawn } from 'node:child_process';
import type { DatabaseTarget } from './database-url.js';

type PostgresTarget = Extract<DatabaseTarget, { provider: 'postgresql' }>;

export class MissingToolError extends Error {
  constructor(readonly tool: string) {
    super(
      `${tool} was not found on PATH. Install the PostgreSQL client tools of your server's major version ` +
        `(Debian/Ubuntu: apt-get install postgresql-client) or use your database provider's backups.`,
    );
    this.name = 'MissingToolError';
  }
}

/** `pg_dump --format=custom` of Kefu's schema only, so other schemas in the same database are left alone. */
export function dumpPostgres(target: PostgresTarget, dest: string): Promise<void> {
  return runTool('pg_dump', ['--format=custom', `--schema=${target.schema}`, '--no-owner', `--file=${dest}`], target);
}

/** Drops and recreates every object of the dump in one transaction: a failed restore changes nothing. */
export function restorePostgres(target: PostgresTarget, source: string): Promise<void> {
  return runTool('pg_restore', ['--clean', '--if-exists', '--no-owner', '--single-transaction', '--exit-on-error', source], target);
}

// The password travels in PGPASSWORD, never on the command line where `ps` would show it.
function runTool(tool: string, args: string[], target: PostgresTarget): Promise<void> {
  const url = new URL(target.connectionString);
  const password = decodeURIComponent(url.password);
  url.password = '';
  const env = { ...process.env, ...(password ? { PGPASSWORD: password } : {}) };
  return new Promise((resolve, reject) => {
    const child = spawn(tool, [...args, `--dbname=${url.toString()}`], { env, stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (err: NodeJS.ErrnoException) => reject(err.code === 'ENOENT' ? new MissingToolError(tool) : err));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${tool} failed (exit ${code}): ${stderr.trim()}`))));
  });
}
