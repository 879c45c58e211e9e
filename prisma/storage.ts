import type { Repositories } from '../core/ports.js';
import { createClient } from './client.js';
import { parseDatabaseUrl, type Provider } from './database-url.js';
import { migrate } from './migrator.js';
import { PrismaConversationRepository } from './repositories/conversation-repository.js';
import { PrismaCustomerRepository } from './repositories/customer-repository.js';
import { PrismaFaqRepository } from './repositories/faq-repository.js';
import { PrismaMessageRepository } from './repositories/message-repository.js';

export interface Storage {
  repos: Repositories;
  provider: Provider;
  close(): Promise<void>;
}

/**
 * Opens the database named by a DATABASE_URL (`file:…` → SQLite, `postgresql://…` → PostgreSQL), applies pending
 * migrations, and returns the repositories. Throws DomainError('invalid_input') for a URL it cannot use.
 */
export async function openStorage(databaseUrl: string): Promise<Storage> {
  const target = parseDatabaseUrl(databaseUrl);
  await migrate(target);
  const db = await createClient(target);
  await db.$connect();
  return {
    provider: target.provider,
    repos: {
      customers: new PrismaCustomerRepository(db),
      conversations: new PrismaConversationRepository(db),
      messages: new PrismaMessageRepository(db),
      faqs: new PrismaFaqRepository(db),
    },
    close: () => db.$disconnect(),
  };
}
