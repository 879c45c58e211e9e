import { openStorage, type Storage } from '../prisma/storage.js';
import type { CliContext } from './cli-context.js';

/** Opens the configured database for one command and always closes it. */
export async function withStorage<T>(ctx: CliContext, work: (storage: Storage) => Promise<T>): Promise<T> {
  const storage = await openStorage(ctx.config.databaseUrl);
  try {
    return await work(storage);
  } finally {
    await storage.close();
  }
}
