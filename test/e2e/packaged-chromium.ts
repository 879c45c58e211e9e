import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const PACKAGE = '@sparticuz/chromium';
const STALE_MS = 60 * 60_000;

/**
 * The Chromium build shipped inside the `@sparticuz/chromium` npm package, unpacked once per machine and version.
 * The package itself unpacks straight into the shared temp folder (/tmp/chromium) and trusts whatever file it finds
 * there, so two jest workers unpacking at once, or one killed half-way, would leave a broken browser for everyone.
 * We unpack in a child process whose TMPDIR is a private folder, then move the finished folder into place with one
 * rename: the loser of a race uses the winner's copy.
 */
export async function packagedChromium(): Promise<string> {
  const entry = resolvePackage();
  const { version } = JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version: string };
  const home = join(tmpdir(), `kefu-chromium-${version}`);
  const binary = join(home, 'chromium');
  if (existsSync(binary)) return binary;
  sweepStalePartials(home);
  const staging = mkdtempSync(`${home}.partial-`);
  try {
    const script = `import c from ${JSON.stringify(pathToFileURL(entry).href)}; await c.executablePath();`;
    await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, TMPDIR: staging } });
    if (!existsSync(join(staging, 'chromium'))) throw new Error(`${PACKAGE} did not unpack a chromium binary into ${staging}`);
    try {
      renameSync(staging, home);
    } catch (err) {
      if (!existsSync(binary)) throw err;
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return binary;
}

function resolvePackage(): string {
  try {
    return createRequire(import.meta.url).resolve(PACKAGE);
  } catch (err) {
    throw new Error(`No /usr/bin/chromium and ${PACKAGE} is not installed: run npm install (it is a devDependency)`, { cause: err });
  }
}

// Only a killed process leaves a partial folder behind; each is ~200 MB.
function sweepStalePartials(home: string): void {
  const prefix = `${home.slice(home.lastIndexOf('/') + 1)}.partial-`;
  for (const name of readdirSync(dirname(home))) {
    if (!name.startsWith(prefix)) continue;
    const path = join(dirname(home), name);
    try {
      if (Date.now() - statSync(path).mtimeMs > STALE_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      // another process swept it first
    }
  }
}
