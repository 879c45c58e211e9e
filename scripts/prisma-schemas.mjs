#!/usr/bin/env node
// Writes prisma/<provider>/schema.prisma from prisma/models.prisma. With --check it writes nothing and exits 1 when
// a committed schema file is stale or when the models changed without a migration (CI runs it).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Folder name under prisma/ → datasource provider. */
export const PROVIDERS = { sqlite: 'sqlite', postgres: 'postgresql' };

export const MODELS_PATH = join(root, 'prisma', 'models.prisma');
export const SNAPSHOT_PATH = join(root, 'prisma', 'migrated-models.prisma');
export const SNAPSHOT_HEADER =
  '// Snapshot of prisma/models.prisma as of the newest migration, written by scripts/prisma-migration.mjs. Do not edit.\n';

export function readSnapshot() {
  if (!existsSync(SNAPSHOT_PATH)) return null;
  return readFileSync(SNAPSHOT_PATH, 'utf8').replace(SNAPSHOT_HEADER, '');
}

export function schemaPath(dir) {
  return join(root, 'prisma', dir, 'schema.prisma');
}

export function renderSchema(dir, models) {
  return `// Generated from prisma/models.prisma by scripts/prisma-schemas.mjs. Do not edit; run \`npm run db:schemas\`.

generator client {
  provider               = "prisma-client"
  output                 = "../generated/${dir}"
  engineType             = "client"
  runtime                = "nodejs"
  moduleFormat           = "esm"
  generatedFileExtension = "ts"
  importFileExtension    = "js"
}

datasource db {
  provider = "${PROVIDERS[dir]}"
  url      = env("DATABASE_URL")
}

${models.trim()}
`;
}

function readOrNull(path) {
  return existsSync(path) ? readFileSync(path, 'utf8') : null;
}

function main() {
  const check = process.argv.includes('--check');
  const models = readFileSync(MODELS_PATH, 'utf8');
  const stale = Object.keys(PROVIDERS).filter((dir) => readOrNull(schemaPath(dir)) !== renderSchema(dir, models));
  if (!check) {
    for (const dir of stale) {
      mkdirSync(dirname(schemaPath(dir)), { recursive: true });
      writeFileSync(schemaPath(dir), renderSchema(dir, models));
    }
    console.log(stale.length ? `Wrote ${stale.map(schemaPath).join(', ')}` : 'Prisma schema files are up to date.');
    return;
  }
  const problems = stale.map((dir) => `${schemaPath(dir)} is stale: run \`npm run db:schemas\``);
  if (readSnapshot() !== models) {
    problems.push('prisma/models.prisma changed since the newest migration: run `npm run db:migration -- <name>`');
  }
  if (problems.length > 0) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
  console.log('Prisma schema files and migrations match prisma/models.prisma.');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
