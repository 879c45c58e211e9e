import type { FieldChange } from '../tickets/ticket-types.js';
import type { Actor, ChannelId, Customer } from '../types.js';

/** The lists of a customer record, each a set of strings. */
export const PROFILE_LISTS = ['phones', 'emails', 'addresses', 'orderNumbers', 'tags'] as const;
export type ProfileList = (typeof PROFILE_LISTS)[number];
/** What chat capture proposes. */
export const SUGGESTED_FIELDS = ['phones', 'emails', 'orderNumbers'] as const;
export type SuggestedField = (typeof SUGGESTED_FIELDS)[number];
export const SUGGESTION_STATUSES = ['pending', 'accepted', 'dismissed'] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];
export const CUSTOMER_CHANGE_ACTIONS = ['edit', 'accept', 'merge'] as const;
export type CustomerChangeAction = (typeof CUSTOMER_CHANGE_ACTIONS)[number];

/** A customer with their record: what the store knows about the person behind the channel identities. */
export interface CustomerRecord extends Customer, Record<ProfileList, string[]> {
  notes: string | null;
  /** Bumped by every edit; edits are conditional on it. */
  version: number;
  erasedAt: Date | null;
  updatedAt: Date;
}

export type CustomerFields = Partial<Pick<CustomerRecord, 'displayName' | 'notes' | ProfileList>>;

export interface CustomerChange {
  id: string;
  customerId: string;
  actor: Actor;
  action: CustomerChangeAction;
  changes: FieldChange[];
  createdAt: Date;
}

export type NewCustomerChange = Omit<CustomerChange, 'id' | 'customerId'>;

/** A phone, e-mail or order number the customer typed, waiting for an agent to confirm it. */
export interface CustomerSuggestion {
  id: string;
  customerId: string;
  conversationId: string;
  field: SuggestedField;
  value: string;
  status: SuggestionStatus;
  createdAt: Date;
}

export interface CustomerFilter {
  /** Case-insensitive text in the name, phones, e-mails, addresses, order numbers, tags or notes. */
  search?: string;
  tag?: string;
  channel?: ChannelId;
  limit?: number;
  offset?: number;
}

/** Lower-cased text a directory search looks in. */
export const customerSearchText = (r: Pick<CustomerRecord, 'displayName' | 'notes' | ProfileList>): string =>
  [r.displayName, ...PROFILE_LISTS.flatMap((f) => r[f]), r.notes].filter(Boolean).join('\n').toLowerCase();

/** What an erasure removed; the conversations stay (without content) so reports still count them. */
export interface ErasureCounts {
  conversations: number;
  messages: number;
  tickets: number;
}
