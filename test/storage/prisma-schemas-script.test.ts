import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { packageRoot } from '../../prisma/package-root.js';

const root = packageRoot();
const FILES = ['scripts/prisma-schemas.mjs', 'prisma/models.prisma', 'prisma/migrated-models.prisma', 'prisma/sqlite/schema.prisma', 'prisma/postgres/schema.prisma'];

function run(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [join(cwd, 'scripts', 'prisma-schemas.mjs'), ...args], { encoding: 'utf8' });
  return { status: result.status, output: result.stdout + result.stderr };
}

describe('scripts/prisma-schemas.mjs', () => {
  it('--check passes on the committed files', () => {
    expect(run(root, '--check')).toMatchObject({ status: 0 });
  });

  describe('on a copy of the project', () => {
    let copy: string;
    beforeEach(() => {
      copy = mkdtempSync(join(tmpdir(), 'kefu-schemas-'));
      for (const file of FILES) {
        mkdirSync(dirname(join(copy, file)), { recursive: true });
        copyFileSync(join(root, file), join(copy, file));
      }
    });
    afterEach(() => rmSync(copy, { recursive: true, force: true }));

    it('--check fails on stale schema files, and writing them leaves only the missing migration to report', () => {
      const models = join(copy, 'prisma', 'models.prisma');
      writeFileSync(models, `${readFileSync(models, 'utf8')}\nmodel Tag {\n  id String @id\n}\n`);
      const stale = run(copy, '--check');
      expect(stale.status).toBe(1);
      expect(stale.output).toContain('sqlite/schema.prisma is stale');
      expect(stale.output).toContain('postgres/schema.prisma is stale');

      expect(run(copy).status).toBe(0);
      expect(readFileSync(join(copy, 'prisma', 'postgres', 'schema.prisma'), 'utf8')).toContain('model Tag {');
      const unmigrated = run(copy, '--check');
      expect(unmigrated.status).toBe(1);
      expect(unmigrated.output).not.toContain('is stale');
      expect(unmigrated.output).toContain('changed since the newest migration');
    });
  });
});
