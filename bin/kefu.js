#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  console.error('kefu: the compiled CLI is missing. Run `npm install` (or `npm run build`) in the Kefu folder first.');
  process.exit(1);
}
await import(entry.href);
