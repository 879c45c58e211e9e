import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * What the first-run page saved about the store, kept in the data folder as `store.json`. It only fills in what the
 * environment leaves unset: an operator's KEFU_BUSINESS_HOURS or KEFU_TIMEZONE always wins.
 */
export const storeFileSchema = z.object({
  storeName: z.string().trim().min(1).max(80).optional(),
  businessHours: z.string().trim().min(1).max(200).optional(),
  timeZone: z.string().trim().min(1).max(64).optional(),
});
export type StoreFile = z.infer<typeof storeFileSchema>;

const FILE = 'store.json';

export function readStoreFile(dataDir: string): StoreFile {
  let text: string;
  try {
    text = readFileSync(join(dataDir, FILE), 'utf8');
  } catch {
    return {};
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${join(dataDir, FILE)} is not valid JSON: fix or delete it (it holds the store settings of the first-run page)`);
  }
  const parsed = storeFileSchema.safeParse(json);
  if (!parsed.success) throw new Error(`${join(dataDir, FILE)} is not valid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

export function writeStoreFile(dataDir: string, store: StoreFile): void {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, FILE);
  writeFileSync(`${path}.tmp`, `${JSON.stringify(store, null, 2)}\n`);
  renameSync(`${path}.tmp`, path);
}

/** The environment with the store file's values under it, ready for loadConfig. */
export function withStoreFile(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const store = readStoreFile(env.KEFU_DATA_DIR || './data');
  return {
    ...(store.storeName ? { KEFU_STORE_NAME: store.storeName } : {}),
    ...(store.businessHours ? { KEFU_BUSINESS_HOURS: store.businessHours } : {}),
    ...(store.timeZone ? { KEFU_TIMEZONE: store.timeZone } : {}),
    ...Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '' && v !== undefined)),
  };
}
