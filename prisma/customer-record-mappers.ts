import {
  CUSTOMER_CHANGE_ACTIONS, PROFILE_LISTS, SUGGESTED_FIELDS, SUGGESTION_STATUSES, type CustomerChange, type CustomerFields, type CustomerRecord,
  type CustomerSuggestion, customerSearchText,
} from '../core/customers/customer-types.js';
import type { FieldChange } from '../core/tickets/ticket-types.js';
import type { CustomerChange as ChangeRow, Customer as CustomerRow, CustomerIdentity as IdentityRow, CustomerSuggestion as SuggestionRow } from './generated/sqlite/client.js';
import { oneOf, toCustomer } from './mappers.js';

const list = (json: string): string[] => JSON.parse(json) as string[];

export function toCustomerRecord(row: CustomerRow & { identities: IdentityRow[] }): CustomerRecord {
  return {
    ...toCustomer(row),
    phones: list(row.phones), emails: list(row.emails), addresses: list(row.addresses), orderNumbers: list(row.orderNumbers), tags: list(row.tags),
    notes: row.notes, version: row.version, erasedAt: row.erasedAt, updatedAt: row.updatedAt,
  };
}

/** The columns for a record after `fields` were applied, search text included. */
export function recordData(current: CustomerRecord, fields: CustomerFields) {
  const next = { ...current, ...fields };
  return {
    displayName: next.displayName, notes: next.notes, searchText: customerSearchText(next),
    ...Object.fromEntries(PROFILE_LISTS.map((f) => [f, JSON.stringify(next[f])])),
  };
}

export const toCustomerChange = (row: ChangeRow): CustomerChange => ({
  id: row.id, customerId: row.customerId, actor: { id: row.actorId, name: row.actorName },
  action: oneOf(CUSTOMER_CHANGE_ACTIONS, row.action, 'CustomerChange.action'), changes: JSON.parse(row.changes) as FieldChange[], createdAt: row.createdAt,
});

export const toSuggestion = (row: SuggestionRow): CustomerSuggestion => ({
  id: row.id, customerId: row.customerId, conversationId: row.conversationId, field: oneOf(SUGGESTED_FIELDS, row.field, 'CustomerSuggestion.field'),
  value: row.value, status: oneOf(SUGGESTION_STATUSES, row.status, 'CustomerSuggestion.status'), createdAt: row.createdAt,
});
