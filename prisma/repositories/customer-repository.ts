import type { CustomerRepository } from '../../core/ports.js';
import type { ChannelId, Customer } from '../../core/types.js';
import type { Db } from '../client.js';
import { toCustomer } from '../mappers.js';
import { isUniqueViolation } from '../prisma-errors.js';

const withIdentities = { identities: { orderBy: { createdAt: 'asc' } } } as const;

export class PrismaCustomerRepository implements CustomerRepository {
  constructor(private readonly db: Db) {}

  async findOrCreateByIdentity(channel: ChannelId, externalId: string, displayName?: string): Promise<Customer> {
    const existing = await this.findByIdentity(channel, externalId);
    if (existing) return existing;
    try {
      // A nested create runs in one transaction: when the identity loses a race, the customer row goes too.
      const row = await this.db.customer.create({
        data: { displayName: displayName ?? null, identities: { create: { channel, externalId } } },
        include: withIdentities,
      });
      return toCustomer(row);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const winner = await this.findByIdentity(channel, externalId);
      if (!winner) throw error;
      return winner;
    }
  }

  async get(id: string): Promise<Customer | null> {
    const row = await this.db.customer.findUnique({ where: { id }, include: withIdentities });
    return row ? toCustomer(row) : null;
  }

  private async findByIdentity(channel: ChannelId, externalId: string): Promise<Customer | null> {
    const identity = await this.db.customerIdentity.findUnique({
      where: { channel_externalId: { channel, externalId } },
      include: { customer: { include: withIdentities } },
    });
    return identity ? toCustomer(identity.customer) : null;
  }
}
