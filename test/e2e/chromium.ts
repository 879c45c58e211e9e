import { accessSync, constants, statSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { packagedChromium } from './packaged-chromium.js';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';
// Kept off the network: no background services, and every host but 127.0.0.1 unresolvable.
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run',
  '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'];
// Long enough for the first unpack of the packaged browser (~200 MB) on a loaded machine.
export const LAUNCH_TIMEOUT_MS = 120_000;
// A whole browser flow (two or three pages, a dozen steps) on a 2-core machine shared by many test runs.
export const FLOW_TIMEOUT_MS = 90_000;

/**
 * Debian's Chromium when it is installed (faster start, system fonts), else the one shipped in the
 * `@sparticuz/chromium` devDependency. `KEFU_TEST_CHROMIUM=packaged|system` insists on one, so CI can prove
 * that the browser suites need no system package. There is no silent skip: no browser is a failure.
 */
export async function launchChromium(): Promise<Browser> {
  const wanted = process.env.KEFU_TEST_CHROMIUM ?? 'auto';
  if (!['auto', 'system', 'packaged'].includes(wanted)) throw new Error(`KEFU_TEST_CHROMIUM must be auto, system or packaged, not "${wanted}"`);
  const system = isExecutableFile(SYSTEM_CHROMIUM);
  if (wanted === 'system' && !system) throw new Error(`KEFU_TEST_CHROMIUM=system but ${SYSTEM_CHROMIUM} is missing`);
  const executablePath = wanted === 'system' || (wanted === 'auto' && system) ? SYSTEM_CHROMIUM : await packagedChromium();
  return chromium.launch({ executablePath, headless: true, args: ARGS });
}

// A bind-mounted /dev/null (how CI hides the system browser) exists but is not a file.
function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
