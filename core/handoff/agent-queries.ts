import { DomainError } from '../errors.js';
import type { Repositories } from '../ports.js';
import type { Conversation, Customer, User } from '../types.js';
import { assertRole } from '../users/access.js';
import { ReadAccess } from '../users/read-access.js';
import { NO_MASKING, Privacy, type PrivacySettings } from '../customers/privacy.js';
import { toMessageView, type MessageView } from '../views.js';
import {
  customerName, iso, staffNames, toNoteView, toUserView, type ConversationSummary, type CustomerProfile, type NoteView, type UserView,
} from './agent-views.js';

export type ConversationFilter = 'queued' | 'mine' | 'all';

export interface ConversationDetail {
  conversation: ConversationSummary;
  customer: CustomerProfile;
  messages: MessageView[];
  notes: NoteView[];
  /** Names of the agents who wrote messages or notes, by user id. */
  authors: Record<string, string>;
  /** Tickets made from or linked to this conversation, so "to ticket" shows an existing one instead of a blank form. */
  tickets: Array<{ id: string; number: string; status: string; subject: string }>;
}

export interface AgentLoadView extends UserView {
  load: number;
  /** The capacity in force: the agent's own, else the default. */
  effectiveCapacity: number;
}

export interface Overview {
  queue: ConversationSummary[];
  active: ConversationSummary[];
  agents: AgentLoadView[];
}

/** What agents and supervisors read, filtered by what each may see. */
export class AgentQueries {
  private readonly access: ReadAccess;

  private readonly privacy: Privacy;

  constructor(private readonly repos: Repositories, private readonly defaultCapacity: number, privacy: PrivacySettings = NO_MASKING) {
    this.access = new ReadAccess(repos);
    this.privacy = new Privacy(privacy, repos.audit);
  }

  async list(user: User, filter: ConversationFilter): Promise<ConversationSummary[]> {
    if (filter === 'queued') return this.summaries(await this.repos.handoff.listQueued(), true);
    if (filter === 'mine') return this.summaries(await this.repos.handoff.listAssigned(user.id, 'agent'));
    assertRole(user, ['supervisor', 'admin']);
    const [queued, active] = await Promise.all([this.repos.handoff.listQueued(), this.repos.conversations.listByStatus('agent')]);
    return [...(await this.summaries(queued, true)), ...(await this.summaries(active))];
  }

  /** With `reveal`, personal data unmasked: only for the roles allowed to, and audited. */
  async detail(user: User, id: string, options: { reveal?: boolean } = {}): Promise<ConversationDetail> {
    const conversation = await this.readable(user, id);
    const show = await this.privacy.presenter(user, options.reveal === true, `customer:${conversation.customerId}`);
    const [customer, messages, notes, users, queued, history, tickets] = await Promise.all([
      this.repos.customers.get(conversation.customerId),
      this.repos.messages.listByConversation(id),
      this.repos.handoff.listNotes(id),
      this.names(),
      conversation.status === 'queued' ? this.repos.handoff.listQueued() : Promise.resolve([]),
      this.repos.conversations.listByCustomer(conversation.customerId),
      this.repos.tickets.ticketsOfConversation(id),
    ]);
    const position = queued.findIndex((c) => c.id === id) + 1;
    const authors: Record<string, string> = {};
    for (const authorId of [...messages.flatMap((m) => (m.agentId ? [m.agentId] : [])), ...notes.map((n) => n.authorId)]) {
      authors[authorId] = users.get(authorId) ?? 'agent';
    }
    return {
      conversation: this.summary(conversation, customer, users, messages.at(-1) ?? null, position || undefined, show),
      customer: await this.profile(user, customer, conversation.customerId, history, users),
      messages: messages.map((m) => ({ ...toMessageView(m), text: show(m.text) })),
      notes: notes.map((n) => toNoteView(n, users.get(n.authorId) ?? 'agent')),
      authors,
      tickets: tickets.map((t) => ({ id: t.id, number: t.number, status: t.status, subject: t.subject })),
    };
  }

  /** A live message as the console shows it (masked unless masking is off). */
  present(view: MessageView): MessageView {
    return this.privacy.message(view);
  }

  async overview(user: User): Promise<Overview> {
    assertRole(user, ['supervisor', 'admin']);
    const [queued, active, users, load] = await Promise.all([
      this.repos.handoff.listQueued(), this.repos.conversations.listByStatus('agent'), this.repos.users.list(), this.repos.handoff.activeLoad(),
    ]);
    return {
      queue: await this.summaries(queued, true),
      active: await this.summaries(active),
      agents: users.map((u) => ({ ...toUserView(u), load: load[u.id] ?? 0, effectiveCapacity: u.capacity ?? this.defaultCapacity })),
    };
  }

  /** Everyone a conversation can be transferred to (active accounts), with their load. */
  async agents(): Promise<AgentLoadView[]> {
    const [users, load] = await Promise.all([this.repos.users.list(), this.repos.handoff.activeLoad()]);
    return users.filter((u) => u.status === 'active').map((u) => ({ ...toUserView(u), load: load[u.id] ?? 0, effectiveCapacity: u.capacity ?? this.defaultCapacity }));
  }

  async readable(user: User, id: string): Promise<Conversation> {
    const conversation = await this.repos.conversations.get(id);
    if (!conversation) throw new DomainError('not_found', `conversation ${id} not found`, { userMessage: 'Conversation not found' });
    await this.access.assertCanRead(user, conversation);
    return conversation;
  }

  private async summaries(conversations: Conversation[], queued = false): Promise<ConversationSummary[]> {
    const users = await this.names();
    const customers = new Map<string, Customer | null>();
    return Promise.all(
      conversations.map(async (c, i) => {
        if (!customers.has(c.customerId)) customers.set(c.customerId, await this.repos.customers.get(c.customerId));
        const [last] = c.lastSeq > 0 ? await this.repos.messages.listByConversation(c.id, { afterSeq: c.lastSeq - 1, limit: 1 }) : [];
        return this.summary(c, customers.get(c.customerId) ?? null, users, last ?? null, queued ? i + 1 : undefined);
      }),
    );
  }

  private summary(
    c: Conversation, customer: Customer | null, users: Map<string, string>, last: { author: MessageView['author']; text: string; createdAt: Date } | null, position?: number, show: (text: string) => string = (t) => this.privacy.text(t),
  ): ConversationSummary {
    return {
      id: c.id, channel: c.channel, status: c.status, lang: c.lang,
      customer: { id: c.customerId, name: customerName(customer) },
      assignee: c.assigneeId ? { id: c.assigneeId, name: users.get(c.assigneeId) ?? 'agent' } : null,
      handoffReason: c.handoffReason, ...(position ? { position } : {}),
      queuedAt: iso(c.queuedAt), assignedAt: iso(c.assignedAt), leftMessageAt: iso(c.leftMessageAt), closedAt: iso(c.closedAt),
      createdAt: c.createdAt.toISOString(), updatedAt: c.updatedAt.toISOString(), lastSeq: c.lastSeq,
      lastMessage: last ? { author: last.author, text: show(last.text), createdAt: last.createdAt.toISOString() } : null,
    };
  }

  private async names(): Promise<Map<string, string>> {
    return staffNames(await this.repos.users.list());
  }

  private async profile(user: User, customer: Customer | null, customerId: string, history: Conversation[], users: Map<string, string>): Promise<CustomerProfile> {
    return {
      id: customerId,
      name: customerName(customer),
      identities: customer?.identities ?? [],
      createdAt: (customer?.createdAt ?? new Date(0)).toISOString(),
      conversations: await Promise.all([...history].reverse().map(async (c) => ({
        id: c.id, channel: c.channel, status: c.status, createdAt: c.createdAt.toISOString(), closedAt: iso(c.closedAt),
        assignee: c.assigneeId ? { id: c.assigneeId, name: users.get(c.assigneeId) ?? 'agent' } : null,
        readable: await this.access.canRead(user, c),
      }))),
    };
  }
}
