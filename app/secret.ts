import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../core/ports.js';

/** The signing secret: KEFU_SECRET, else one generated once and kept in the data folder (single-instance setups). */
export function resolveSecret(configured: string | undefined, dataDir: string, logger: Logger): string {
  if (configured) return configured;
  const file = join(dataDir, 'secret');
  try {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored.length >= 32) return stored;
  } catch {
    // no stored secret yet
  }
  const secret = randomBytes(32).toString('hex');
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, secret, { mode: 0o600 });
  logger.warn({ file }, 'KEFU_SECRET is not set: generated one in the data folder (set KEFU_SECRET when running several instances)');
  return secret;
}
