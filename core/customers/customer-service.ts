import { DomainError } from '../errors.js';
import type { Clock, Logger, Repositories } from '../ports.js';
import type { Actor, User } from '../types.js';
import { toMessageView, type MessageView } from '../views.js';
import { assertRole } from '../users/access.js';
import { PROFILE_LISTS, type CustomerFields, type CustomerFilter, type CustomerRecord, type CustomerSuggestion, type ErasureCounts } from './customer-types.js';
import type { Privacy } from './privacy.js';

export interface CustomerExport {
  customer: CustomerRecord;
  conversations: Array<{ id: string; channel: string; status: string; createdAt: Date; closedAt: Date | null; messages: MessageView[] }>;
  tickets: Array<{ number: string; type: string; status: string; subject: string; description: string; createdAt: Date }>;
  exportedAt: Date;
}

const notFound = (id: string) => new DomainError('not_found', `customer ${id} not found`, { userMessage: 'Customer not found' });
const actorOf = (user: User): Actor => ({ id: user.id, name: user.email });

/** Customer records: the directory, edits with history, captured details, merges, export and erasure. */
export class CustomerService {
  constructor(private readonly deps: { repos: Repositories; privacy: Privacy; clock: Clock; logger: Logger }) {}

  search(filter: CustomerFilter): Promise<{ customers: CustomerRecord[]; total: number }> {
    return this.deps.repos.customerRecords.search({ ...filter, limit: Math.min(filter.limit ?? 50, 200) });
  }

  /** The record with its pending suggestions; opening it is audited. Contact details masked unless revealed. */
  async profile(user: User, id: string, reveal = false): Promise<{ customer: CustomerRecord; suggestions: CustomerSuggestion[] }> {
    const customer = await this.get(id);
    const show = await this.deps.privacy.presenter(user, reveal, `customer:${id}`);
    await this.deps.privacy.record(user, 'customer.open', `customer:${id}`, 'opened the customer record');
    const masked = { ...customer, phones: customer.phones.map(show), emails: customer.emails.map(show) };
    const suggestions = (await this.deps.repos.customerRecords.suggestions(id, 'pending')).map((s) => ({ ...s, value: show(s.value) }));
    return { customer: masked, suggestions };
  }

  async edit(user: User, id: string, version: number, fields: CustomerFields): Promise<CustomerRecord> {
    const current = await this.get(id);
    const changes = Object.entries(fields)
      .filter(([k, v]) => JSON.stringify(current[k as keyof CustomerFields]) !== JSON.stringify(v))
      .map(([field, to]) => ({ field, from: current[field as keyof CustomerFields], to }));
    if (changes.length === 0) return current;
    const updated = await this.deps.repos.customerRecords.update(id, version, fields, { actor: actorOf(user), action: 'edit', changes, createdAt: this.deps.clock.now() });
    if (!updated) throw new DomainError('conflict', `customer ${id} changed`, { userMessage: 'This customer record was changed meanwhile; reload it and try again' });
    return updated;
  }

  async history(user: User, id: string) {
    await this.get(id);
    await this.deps.privacy.record(user, 'customer.open', `customer:${id}`, 'opened the record history');
    return this.deps.repos.customerRecords.history(id);
  }

  /** An agent confirms (or dismisses) a detail captured from the chat; confirmed values are added, never replacing. */
  async decide(user: User, customerId: string, suggestionId: string, accept: boolean): Promise<CustomerRecord> {
    const { customerRecords } = this.deps.repos;
    const pending = (await customerRecords.suggestions(customerId, 'pending')).find((s) => s.id === suggestionId);
    if (!pending) throw new DomainError('conflict', `suggestion ${suggestionId} is not pending`, { userMessage: 'This suggestion was already handled' });
    await customerRecords.decide(suggestionId, accept ? 'accepted' : 'dismissed');
    const current = await this.get(customerId);
    if (!accept || current[pending.field].includes(pending.value)) return current;
    const fields = { [pending.field]: [...current[pending.field], pending.value] };
    const change = { actor: actorOf(user), action: 'accept' as const, changes: [{ field: pending.field, from: current[pending.field], to: fields[pending.field] }], createdAt: this.deps.clock.now() };
    return (await customerRecords.update(customerId, current.version, fields, change)) ?? this.get(customerId);
  }

  /** One person's identities across channels become one customer (their conversations and tickets follow). */
  async merge(user: User, intoId: string, fromId: string): Promise<CustomerRecord> {
    if (intoId === fromId) throw new DomainError('invalid_input', 'merging a customer into itself', { userMessage: 'Choose two different customers' });
    const [into, from] = [await this.get(intoId), await this.get(fromId)];
    const changes = [{ field: 'identities', from: into.identities, to: [...into.identities, ...from.identities] }];
    const merged = await this.deps.repos.customerRecords.merge(intoId, fromId, { actor: actorOf(user), action: 'merge', changes, createdAt: this.deps.clock.now() });
    this.deps.logger.info({ customerId: intoId, merged: fromId }, 'customers merged');
    return merged;
  }

  /** Everything stored about the customer, unmasked (PIPL/GDPR access request); supervisors and admins, audited. */
  async export(actor: User | { id: null; email: string; role: 'admin' }, id: string): Promise<CustomerExport> {
    if ('status' in actor) assertRole(actor, ['supervisor', 'admin']);
    const { repos } = this.deps;
    const customer = await this.get(id);
    const conversations = [];
    for (const c of await repos.conversations.listByCustomer(id)) {
      const messages = (await repos.messages.listByConversation(c.id)).map(toMessageView);
      conversations.push({ id: c.id, channel: c.channel, status: c.status, createdAt: c.createdAt, closedAt: c.closedAt, messages });
    }
    const { tickets } = await repos.tickets.list({ customerId: id, limit: 10_000 });
    await this.deps.privacy.record(actor, 'customer.export', `customer:${id}`, `exported ${conversations.length} conversations`);
    return {
      customer, conversations, exportedAt: this.deps.clock.now(),
      tickets: tickets.map((t) => ({ number: t.number, type: t.type, status: t.status, subject: t.subject, description: t.description, createdAt: t.createdAt })),
    };
  }

  /** Erasure on request (admins): content and record gone, conversations kept empty for reports; audited. */
  async erase(actor: User | { id: null; email: string; role: 'admin' }, id: string): Promise<ErasureCounts> {
    if ('status' in actor) assertRole(actor, ['admin']);
    await this.get(id);
    const counts = await this.deps.repos.customerRecords.erase(id, this.deps.clock.now());
    await this.deps.privacy.record(actor, 'customer.erase', `customer:${id}`, `erased ${counts.messages} messages in ${counts.conversations} conversations, ${counts.tickets} tickets`);
    this.deps.logger.info({ customerId: id, ...counts }, 'customer erased');
    return counts;
  }

  private async get(id: string): Promise<CustomerRecord> {
    const found = await this.deps.repos.customerRecords.get(id);
    if (!found || found.erasedAt) throw notFound(id);
    return found;
  }
}

/** The readable transcript of an export: one block per conversation. */
export function exportText(doc: CustomerExport): string {
  const c = doc.customer;
  const head = [`Customer ${c.id}`, `Name: ${c.displayName ?? '-'}`, ...PROFILE_LISTS.map((f) => `${f}: ${c[f].join(', ') || '-'}`), `Notes: ${c.notes ?? '-'}`];
  const chats = doc.conversations.map((v) =>
    [`\n== ${v.channel} conversation ${v.id} (${v.createdAt.toISOString()}, ${v.status}) ==`, ...v.messages.map((m) => `[${m.createdAt}] ${m.author}: ${m.text}`)].join('\n'));
  const tickets = doc.tickets.map((t) => `\nTicket ${t.number} (${t.type}, ${t.status}): ${t.subject}\n${t.description}`);
  return [...head, ...chats, ...tickets].join('\n') + '\n';
}
