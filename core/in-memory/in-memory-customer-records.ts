import { randomUUID } from 'node:crypto';
import { DomainError } from '../errors.js';
import type { CustomerRecordRepository } from '../ports.js';
import { customerSearchText, PROFILE_LISTS, type CustomerChange, type CustomerRecord, type CustomerSuggestion } from '../customers/customer-types.js';
import type { Conversation, Customer, StoredMessage } from '../types.js';

type Extra = Omit<CustomerRecord, keyof Customer>;

/**
 * Customer records over the in-memory customers, conversations and messages. Tickets live in their own in-memory
 * store, so merge and erasure here leave tickets alone (the storage contract suite checks prisma/ for those).
 */
export function createInMemoryCustomerRecords(
  customers: Map<string, Customer>, conversations: Map<string, Conversation>, messages: StoredMessage[], now: () => Date,
): CustomerRecordRepository {
  const extras = new Map<string, Extra>();
  const changes: CustomerChange[] = [];
  const suggestions: CustomerSuggestion[] = [];
  const extra = (c: Customer): Extra =>
    extras.get(c.id) ?? { phones: [], emails: [], addresses: [], orderNumbers: [], tags: [], notes: null, version: 1, erasedAt: null, updatedAt: c.createdAt };
  const record = (c: Customer): CustomerRecord => structuredClone({ ...c, ...extra(c) });
  const must = (id: string) => {
    const c = customers.get(id);
    if (!c) throw new DomainError('not_found', `customer ${id} not found`, { userMessage: 'Customer not found' });
    return c;
  };
  const apply = (c: Customer, fields: Partial<CustomerRecord>) => {
    const { displayName, ...rest } = fields;
    if (displayName !== undefined) c.displayName = displayName;
    const current = extra(c);
    extras.set(c.id, { ...current, ...rest, version: current.version + 1, updatedAt: now() } as Extra);
  };

  return {
    async get(id) {
      const c = customers.get(id);
      return c ? record(c) : null;
    },
    async search(filter) {
      const text = filter.search?.trim().toLowerCase();
      const all = [...customers.values()].map(record).filter((r) =>
        !r.erasedAt && (!text || customerSearchText(r).includes(text)) && (!filter.tag || r.tags.includes(filter.tag)) &&
        (!filter.channel || r.identities.some((i) => i.channel === filter.channel)));
      all.sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime());
      const from = filter.offset ?? 0;
      return { customers: all.slice(from, from + (filter.limit ?? 50)), total: all.length };
    },
    async update(id, version, fields, change) {
      const c = customers.get(id);
      if (!c || extra(c).version !== version) return null;
      apply(c, fields);
      changes.push({ ...change, id: randomUUID(), customerId: id });
      return record(c);
    },
    async history(id) {
      return changes.filter((c) => c.customerId === id).reverse();
    },
    async suggest(input) {
      if (suggestions.some((s) => s.customerId === input.customerId && s.field === input.field && s.value === input.value)) return false;
      suggestions.push({ ...input, id: randomUUID(), status: 'pending' });
      return true;
    },
    async suggestions(customerId, status) {
      return suggestions.filter((s) => s.customerId === customerId && (!status || s.status === status)).map((s) => ({ ...s }));
    },
    async decide(id, status) {
      const s = suggestions.find((x) => x.id === id && x.status === 'pending');
      if (!s) return null;
      s.status = status;
      return { ...s };
    },
    async merge(intoId, fromId, change) {
      const [into, from] = [record(must(intoId)), record(must(fromId))];
      must(intoId).identities.push(...from.identities);
      for (const c of conversations.values()) if (c.customerId === fromId) c.customerId = intoId;
      for (const s of suggestions) if (s.customerId === fromId) s.customerId = intoId;
      for (const c of changes) if (c.customerId === fromId) c.customerId = intoId;
      customers.delete(fromId);
      const lists = Object.fromEntries(PROFILE_LISTS.map((f) => [f, [...new Set([...into[f], ...from[f]])]]));
      apply(must(intoId), { ...lists, displayName: into.displayName ?? from.displayName, notes: [into.notes, from.notes].filter(Boolean).join('\n') || null });
      changes.push({ ...change, id: randomUUID(), customerId: intoId });
      return record(must(intoId));
    },
    async erase(id, at) {
      const c = must(id);
      const ids = new Set([...conversations.values()].filter((x) => x.customerId === id).map((x) => x.id));
      const before = messages.length;
      messages.splice(0, messages.length, ...messages.filter((m) => !ids.has(m.conversationId)));
      for (const old of ids) {
        const conversation = conversations.get(old)!;
        conversations.delete(old);
        const fresh = { ...conversation, id: randomUUID(), channelRef: null };
        conversations.set(fresh.id, fresh);
      }
      c.identities = [];
      apply(c, { displayName: null, phones: [], emails: [], addresses: [], orderNumbers: [], tags: [], notes: null, erasedAt: at });
      suggestions.splice(0, suggestions.length, ...suggestions.filter((s) => s.customerId !== id));
      changes.splice(0, changes.length, ...changes.filter((x) => x.customerId !== id));
      return { conversations: ids.size, messages: before - messages.length, tickets: 0 };
    },
    async purgeBefore(before) {
      const old = new Set([...conversations.values()]
        .filter((c) => (c.status === 'closed' && c.closedAt && c.closedAt < before) || (c.status === 'bot' && c.updatedAt < before)).map((c) => c.id));
      const kept = messages.filter((m) => !old.has(m.conversationId));
      const purged = messages.length - kept.length;
      messages.splice(0, messages.length, ...kept);
      return purged;
    },
  };
}
