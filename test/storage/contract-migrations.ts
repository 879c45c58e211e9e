import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { migrate } from '../../prisma/migrator.js';
import { migrationsDir, readMigrations } from '../../prisma/migrations.js';
import { runPrisma } from '../../scripts/prisma-cli.mjs';
import type { ContractContext } from './storage-contract.js';

export function migrationContract(get: () => ContractContext): void {
  describe('migrator', () => {
    it('records every committed migration with the sha256 of its file, as Prisma does', async () => {
      const { storage, fixture } = get();
      const committed = readMigrations(storage.provider);
      expect(committed.length).toBeGreaterThan(0);
      const rows = await fixture.migrationRows();
      expect(rows.map((row) => row.migration_name).sort()).toEqual(committed.map((m) => m.name));
      for (const row of rows) {
        const file = readFileSync(join(migrationsDir(storage.provider), row.migration_name, 'migration.sql'));
        expect(row.checksum).toBe(createHash('sha256').update(file).digest('hex'));
        expect(row.finished_at).not.toBeNull();
        expect(row.rolled_back_at).toBeNull();
        expect(row.applied_steps_count).toBe(1);
      }
    });

    it('is a no-op when applied again, also when two start-ups race', async () => {
      const { fixture } = get();
      const before = await fixture.migrationRows();
      const results = await Promise.all([migrate(fixture.url), migrate(fixture.url)]);
      expect(results.map((r) => r.applied)).toEqual([[], []]);
      expect(await fixture.migrationRows()).toEqual(before);
    });

    it('leaves nothing for `prisma migrate deploy` to do', () => {
      const { storage, fixture } = get();
      const folder = storage.provider === 'sqlite' ? 'sqlite' : 'postgres';
      const result = runPrisma(['migrate', 'deploy', '--schema', `prisma/${folder}/schema.prisma`], {
        env: { DATABASE_URL: fixture.url },
        capture: true,
      });
      expect(result.stderr + result.stdout).toContain('No pending migrations to apply');
      expect(result.status).toBe(0);
    });
  });
}
