import { DomainError } from '../../core/errors.js';
import type { CustomerRecordRepository } from '../../core/ports.js';
import {
  PROFILE_LISTS, type CustomerChange, type CustomerFields, type CustomerFilter, type CustomerRecord, type CustomerSuggestion, type ErasureCounts,
  type NewCustomerChange, type SuggestionStatus,
} from '../../core/customers/customer-types.js';
import { TX_OPTIONS, type Db } from '../client.js';
import { recordData, toCustomerChange, toCustomerRecord, toSuggestion } from '../customer-record-mappers.js';
import { isUniqueViolation } from '../prisma-errors.js';
import type { Prisma } from '../generated/sqlite/client.js';
import { eraseCustomer, purgeConversationsBefore } from './customer-erasure.js';

type Tx = Prisma.TransactionClient;
const withIdentities = { identities: { orderBy: { createdAt: 'asc' } } } as const;
const changeRow = (customerId: string, c: NewCustomerChange) => ({
  customerId, actorId: c.actor.id, actorName: c.actor.name, action: c.action, changes: JSON.stringify(c.changes), createdAt: c.createdAt,
});

export class PrismaCustomerRecordRepository implements CustomerRecordRepository {
  constructor(private readonly db: Db) {}

  async get(id: string): Promise<CustomerRecord | null> {
    const row = await this.db.customer.findUnique({ where: { id }, include: withIdentities });
    return row ? toCustomerRecord(row) : null;
  }

  async search(filter: CustomerFilter): Promise<{ customers: CustomerRecord[]; total: number }> {
    const and: Prisma.CustomerWhereInput[] = [{ erasedAt: null }];
    if (filter.search?.trim()) and.push({ searchText: { contains: filter.search.trim().toLowerCase() } });
    // Tags are a JSON array of strings: the quoted value matches one whole tag.
    if (filter.tag) and.push({ tags: { contains: JSON.stringify(filter.tag) } });
    if (filter.channel) and.push({ identities: { some: { channel: filter.channel } } });
    const where = { AND: and };
    const [rows, total] = await Promise.all([
      this.db.customer.findMany({ where, include: withIdentities, orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }], take: filter.limit ?? 50, skip: filter.offset ?? 0 }),
      this.db.customer.count({ where }),
    ]);
    return { customers: rows.map(toCustomerRecord), total };
  }

  async update(id: string, version: number, fields: CustomerFields, change: NewCustomerChange): Promise<CustomerRecord | null> {
    return this.db.$transaction(async (tx) => {
      const current = await this.load(tx, id);
      if (!current || current.version !== version) return null;
      const { count } = await tx.customer.updateMany({ where: { id, version }, data: { ...recordData(current, fields), version: version + 1 } });
      if (count === 0) return null;
      await tx.customerChange.create({ data: changeRow(id, change) });
      return this.load(tx, id);
    }, TX_OPTIONS);
  }

  async history(id: string): Promise<CustomerChange[]> {
    const rows = await this.db.customerChange.findMany({ where: { customerId: id }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
    return rows.map(toCustomerChange);
  }

  async suggest(input: Omit<CustomerSuggestion, 'id' | 'status'>): Promise<boolean> {
    try {
      await this.db.customerSuggestion.create({ data: input });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  async suggestions(customerId: string, status?: SuggestionStatus): Promise<CustomerSuggestion[]> {
    const rows = await this.db.customerSuggestion.findMany({ where: { customerId, ...(status ? { status } : {}) }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
    return rows.map(toSuggestion);
  }

  async decide(id: string, status: 'accepted' | 'dismissed'): Promise<CustomerSuggestion | null> {
    const { count } = await this.db.customerSuggestion.updateMany({ where: { id, status: 'pending' }, data: { status, decidedAt: new Date() } });
    if (count === 0) return null;
    const row = await this.db.customerSuggestion.findUnique({ where: { id } });
    return row ? toSuggestion(row) : null;
  }

  async merge(intoId: string, fromId: string, change: NewCustomerChange): Promise<CustomerRecord> {
    return this.db.$transaction(async (tx) => {
      const [into, from] = [await this.load(tx, intoId), await this.load(tx, fromId)];
      if (!into || !from) throw new DomainError('not_found', `customer ${into ? fromId : intoId} not found`, { userMessage: 'Customer not found' });
      const moved = { customerId: intoId };
      await tx.customerIdentity.updateMany({ where: { customerId: fromId }, data: moved });
      await tx.conversation.updateMany({ where: { customerId: fromId }, data: moved });
      await tx.ticket.updateMany({ where: { customerId: fromId }, data: moved });
      await tx.survey.updateMany({ where: { customerId: fromId }, data: moved });
      await tx.customerChange.updateMany({ where: { customerId: fromId }, data: moved });
      // A value both had suggested keeps the survivor's decision.
      const known = new Set((await tx.customerSuggestion.findMany({ where: { customerId: intoId } })).map((s) => `${s.field}\n${s.value}`));
      for (const s of await tx.customerSuggestion.findMany({ where: { customerId: fromId } })) {
        if (!known.has(`${s.field}\n${s.value}`)) await tx.customerSuggestion.update({ where: { id: s.id }, data: moved });
      }
      await tx.customer.delete({ where: { id: fromId } });
      const fields: CustomerFields = Object.fromEntries(PROFILE_LISTS.map((f) => [f, [...new Set([...into[f], ...from[f]])]]));
      fields.displayName = into.displayName ?? from.displayName;
      fields.notes = [into.notes, from.notes].filter(Boolean).join('\n') || null;
      await tx.customer.update({ where: { id: intoId }, data: { ...recordData(into, fields), version: into.version + 1 } });
      await tx.customerChange.create({ data: changeRow(intoId, change) });
      return (await this.load(tx, intoId))!;
    }, TX_OPTIONS);
  }

  erase(id: string, at: Date): Promise<ErasureCounts> {
    return this.db.$transaction((tx) => eraseCustomer(tx, id, at), TX_OPTIONS);
  }

  purgeBefore(before: Date): Promise<number> {
    return purgeConversationsBefore(this.db, before);
  }

  private async load(tx: Tx, id: string): Promise<CustomerRecord | null> {
    const row = await tx.customer.findUnique({ where: { id }, include: withIdentities });
    return row ? toCustomerRecord(row) : null;
  }
}
