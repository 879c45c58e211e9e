// The one repository contract suite; sqlite.test.ts and postgres.test.ts run it against their database.
import { openStorage, type Storage } from '../../prisma/storage.js';
import { customerAndConversationContract } from './contract-customers.js';
import { deliveryContract } from './contract-deliveries.js';
import { ticketContract } from './contract-tickets.js';
import { faqContract } from './contract-faqs.js';
import { knowledgeAdminContract } from './contract-knowledge-admin.js';
import { cannedReplyContract, userAndSessionContract } from './contract-users.js';
import { handoffContract } from './contract-handoff.js';
import { messageContract } from './contract-messages.js';
import { migrationContract } from './contract-migrations.js';
import { turnContract } from './contract-turns.js';
import { supervisionContract } from './contract-supervision.js';
import { orderContract } from './contract-orders.js';
import { customerRecordContract } from './contract-customer-records.js';

export interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  rolled_back_at: unknown;
  applied_steps_count: number;
}

/** A fresh, empty database for one test file, plus direct driver access for what the ports do not expose. */
export interface StorageFixture {
  url: string;
  migrationRows(): Promise<MigrationRow[]>;
  countRows(table: string): Promise<number>;
  cleanup(): Promise<void>;
}

export interface ContractContext {
  storage: Storage;
  fixture: StorageFixture;
}

export function describeStorageContract(label: string, makeFixture: () => Promise<StorageFixture>): void {
  describe(`storage contract on ${label}`, () => {
    let context: ContractContext | undefined;
    const get = (): ContractContext => {
      if (!context) throw new Error('storage fixture did not start');
      return context;
    };

    beforeAll(async () => {
      const fixture = await makeFixture();
      try {
        context = { fixture, storage: await openStorage(fixture.url) };
      } catch (error) {
        await fixture.cleanup();
        throw error;
      }
    });

    afterAll(async () => {
      await context?.storage.close();
      await context?.fixture.cleanup();
    });

    migrationContract(get);
    customerAndConversationContract(get);
    customerRecordContract(get);
    messageContract(get);
    turnContract(() => get().storage.repos);
    faqContract(get);
    knowledgeAdminContract(() => get().storage.repos);
    userAndSessionContract(get);
    handoffContract(get);
    cannedReplyContract(get);
    deliveryContract(() => get().storage.repos);
    ticketContract(() => get().storage.repos);
    supervisionContract(() => get().storage.repos);
    orderContract(() => get().storage.repos);
  });
}
