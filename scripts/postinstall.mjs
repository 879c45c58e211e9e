#!/usr/bin/env node
// `npm install` in a checkout: generate the Prisma clients, then compile dist/. Needs no devDependency, so
// `npm ci --omit=dev` (how a production image installs) works too. An installed package (`npm install -g
// ./kefu-*.tgz`) ships both compiled and has no model source: nothing to do then.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (existsSync(join(root, 'prisma', 'models.prisma'))) {
  const generate = spawnSync(process.execPath, [join(root, 'scripts', 'prisma-generate.mjs')], { cwd: root, stdio: 'inherit' });
  if (generate.status !== 0) process.exit(generate.status ?? 1);
  const { build } = await import('./build.mjs');
  process.exit(build());
}
