#!/usr/bin/env node
// The `kefu` command: `kefu start` runs the server, every other command is the compiled CLI (dist/cli/main.js).
// In a checkout both first compile what changed since the last build; an installed package ships dist/ compiled.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const builder = new URL('../scripts/build.mjs', import.meta.url);
if (existsSync(fileURLToPath(builder))) {
  const { build } = await import(builder.href);
  const status = build({ ifStale: true });
  if (status !== 0) process.exit(status);
}

if (process.argv[2] === 'start') startServer();
else await runCli();

async function runCli() {
  const entry = new URL('../dist/cli/main.js', import.meta.url);
  if (!existsSync(fileURLToPath(entry))) {
    console.error('kefu: the compiled CLI is missing. Run `npm install` (or `npm run build`) in the Kefu folder first.');
    process.exit(1);
  }
  await import(entry.href);
}

// The server runs in a child so that it gets the memory settings kept in package.json's `config` (a small V8 young
// generation, and MALLOC_ARENA_MAX, which glibc reads only when a process starts).
function startServer() {
  const { config = {} } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const flags = (config.serverNodeFlags ?? '').split(/\s+/).filter(Boolean);
  const env = { ...process.env, MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? config.mallocArenaMax ?? '' };
  const child = spawn(process.execPath, [...flags, join(root, 'dist', 'app', 'main.js'), ...process.argv.slice(3)], { stdio: 'inherit', env });
  // Ctrl-C on a terminal reaches the whole process group, the server included: forwarding it too would be a second
  // SIGINT. A supervisor's SIGTERM (or a SIGINT sent to this process alone) is passed on.
  const forward = (signal) => () => {
    if (signal !== 'SIGINT' || !process.stdin.isTTY) child.kill(signal);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, forward(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal === 'SIGINT' ? 130 : 143)));
}
