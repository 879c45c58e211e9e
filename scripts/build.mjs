#!/usr/bin/env node
// `npm run build`: compiles every file of tsconfig.build.json into dist/ one file at a time (ts.transpileModule, which
// `isolatedModules` makes exact). It type-checks nothing and so needs no @types package: `npm run typecheck` (part
// of `npm test`) is the type check. That keeps `npm ci --omit=dev` able to build, and a build takes seconds.
// With --if-stale it compiles only when a source is newer than the last build (how `npm start` calls it).
// An installed package ships dist/ without its TypeScript sources: there is nothing to build then.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const CONFIG = join(root, 'tsconfig.build.json');
const STAMP = join(root, 'dist', '.build-stamp');

function loadProject(ts) {
  const read = ts.readConfigFile(CONFIG, ts.sys.readFile);
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, root, undefined, CONFIG);
  if (parsed.errors.length > 0) throw new Error(parsed.errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')).join('\n'));
  return parsed;
}

// Walks the folders tsconfig.build.json includes, without loading TypeScript (which alone takes a second).
function newestInput() {
  let newest = Math.max(statSync(CONFIG).mtimeMs, statSync(join(root, 'tsconfig.json')).mtimeMs);
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) visit(join(dir, entry.name));
      else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(join(dir, entry.name)).mtimeMs);
    }
  };
  for (const dir of JSON.parse(readFileSync(CONFIG, 'utf8')).include) if (existsSync(join(root, dir))) visit(join(root, dir));
  return newest;
}

function outputPath(file, options) {
  return join(options.outDir, relative(options.rootDir, file)).replace(/\.([cm]?)ts$/, '.$1js');
}

export function build({ ifStale = false } = {}) {
  if (!existsSync(CONFIG)) return 0;
  const started = Date.now();
  if (ifStale && existsSync(STAMP) && statSync(STAMP).mtimeMs >= newestInput()) return 0;
  const ts = createRequire(join(root, 'package.json'))('typescript');
  const { fileNames, options: projectOptions } = loadProject(ts);
  // Every source is an ES module ("type": "module"); one file alone cannot tell NodeNext that.
  const options = { ...projectOptions, module: ts.ModuleKind.ES2022, moduleResolution: ts.ModuleResolutionKind.Bundler };
  const files = fileNames.filter((f) => !f.endsWith('.d.ts'));
  const failures = [];
  for (const file of files) {
    const result = ts.transpileModule(readFileSync(file, 'utf8'), { compilerOptions: options, fileName: file, reportDiagnostics: true });
    for (const d of result.diagnostics ?? []) failures.push(`${relative(root, file)}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    const out = outputPath(file, options);
    mkdirSync(dirname(out), { recursive: true });
    // Renamed into place: a server or CLI starting meanwhile reads the old file or the new one, never half of one.
    writeFileSync(`${out}.${process.pid}.tmp`, result.outputText);
    renameSync(`${out}.${process.pid}.tmp`, out);
  }
  if (failures.length > 0) {
    console.error(failures.join('\n'));
    return 1;
  }
  // The stamp carries the start time, so a source saved during the build still counts as newer.
  writeFileSync(STAMP, `${files.length} files\n`);
  utimesSync(STAMP, started / 1000, started / 1000);
  if (ifStale) console.error(`kefu: compiled ${files.length} files in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exit(build({ ifStale: process.argv.includes('--if-stale') }));
