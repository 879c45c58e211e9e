#!/usr/bin/env node
// Generates the Prisma client for both providers into prisma/generated/<provider> (gitignored). Needs no database.
import { runPrisma } from './prisma-cli.mjs';
import { PROVIDERS } from './prisma-schemas.mjs';

for (const dir of Object.keys(PROVIDERS)) {
  const { status } = runPrisma(['generate', '--schema', `prisma/${dir}/schema.prisma`], {
    env: { KEFU_PRISMA_OFFLINE: '1', KEFU_PRISMA_PROVIDER: dir },
  });
  if (status !== 0) process.exit(status);
}
