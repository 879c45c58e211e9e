import type { CustomerRepository } from '../../core/ports.js';
import type { ChannelId, Customer } from '../../core/types.js';
import { toCustomer } from '../mappers.js';
import { createCustomer, customerById, customerByIdentity } from '../raw/customers.js';
import type { RawDb } from '../raw/raw-db.js';
import { isUniqueViolation } from '../raw/turn-store.js';

/** Every new conversation and every outbox send reads here: prepared statements (raw/customers.ts), not compiled queries. */
export class PrismaCustomerRepository implements CustomerRepository {
  constructor(private readonly raw: RawDb) {}

  async findOrCreateByIdentity(channel: ChannelId, externalId: string, displayName?: string): Promise<Customer> {
    const existing = await this.findByIdentity(channel, externalId);
    if (existing) return existing;
    try {
      // One transaction: when the identity loses a race, the customer row goes too.
      return toCustomer(await createCustomer(this.raw, channel, externalId, displayName ?? null));
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const winner = await this.findByIdentity(channel, externalId);
      if (!winner) throw error;
      return winner;
    }
  }

  async get(id: string): Promise<Customer | null> {
    const row = await customerById(this.raw, id);
    return row ? toCustomer(row) : null;
  }

  private async findByIdentity(channel: ChannelId, externalId: string): Promise<Customer | null> {
    const row = await customerByIdentity(this.raw, channel, externalId);
    return row ? toCustomer(row) : null;
  }
}
