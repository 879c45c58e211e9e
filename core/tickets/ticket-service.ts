import { DomainError } from '../errors.js';
import type { ConversationFeed } from '../conversation-feed.js';
import type { Clock, Logger, Repositories } from '../ports.js';
import type { Actor, Conversation, User } from '../types.js';
import { assertCanRead, isSupervisor } from '../users/access.js';
import { newComplaint } from './complaint-process.js';
import { assertCanSeeTicket, assertCanWorkTicket } from './ticket-access.js';
import { LIMITS, optionalText, requiredText, subjectFrom, tagList, teamName } from './ticket-input.js';
import { formatTicketNumber, numberDay } from './ticket-numbers.js';
import { actorOf, SYSTEM_ACTOR, type TicketStore } from './ticket-store.js';
import type { SlaPlanner } from './sla-schedule.js';
import type { NewTicket, Ticket, TicketPatch, TicketPriority, TicketSource, TicketType } from './ticket-types.js';

export interface TicketDeps {
  repos: Repositories;
  store: TicketStore;
  planner: SlaPlanner;
  feed: ConversationFeed;
  clock: Clock;
  logger: Logger;
  /** Ticket numbers carry the local date of this zone. */
  timeZone: string;
}

export interface TicketFields {
  type?: TicketType;
  priority?: TicketPriority;
  subject?: string;
  description?: string;
  customerName?: string | null;
  contact?: string | null;
  orderNumber?: string | null;
  tags?: string[];
}

export interface CreateTicketInput extends TicketFields {
  type: TicketType;
  description: string;
  assigneeId?: string | null;
  team?: string | null;
  /** From this conversation: its customer, channel and language, and it is linked to the ticket. */
  conversationId?: string;
}

const forbidden = (userMessage: string) => new DomainError('forbidden', userMessage, { userMessage });

/** Creating tickets, editing their fields and assigning them. */
export class TicketService {
  constructor(private readonly deps: TicketDeps) {}

  /** By an agent or supervisor (`user`), or by the system for a left message or a complaint (`user` null). */
  async create(user: User | null, input: CreateTicketInput, source: TicketSource = 'manual'): Promise<Ticket> {
    const { repos, clock, planner } = this.deps;
    const now = clock.now();
    const description = requiredText(input.description, 'description', LIMITS.description);
    const conversation = input.conversationId ? await this.conversation(user, input.conversationId) : null;
    const customer = conversation ? await repos.customers.get(conversation.customerId) : null;
    const assigneeId = input.assigneeId ?? null;
    if (user && assigneeId) await this.assertAssignable(user, assigneeId, null);
    const base = { type: input.type, priority: input.priority ?? 'normal', source: conversation && user ? 'conversation' : source } as const;
    const sla = planner.initial(base, now);
    const day = numberDay(now, this.deps.timeZone);
    const ticket: NewTicket = {
      ...base,
      number: formatTicketNumber(day, await repos.tickets.nextNumber(day)),
      status: 'new',
      subject: optionalText(input.subject, 'subject', LIMITS.subject) ?? subjectFrom(description),
      description,
      customerId: conversation?.customerId ?? null,
      customerName: optionalText(input.customerName, 'customerName', LIMITS.field) ?? customer?.displayName ?? null,
      contact: optionalText(input.contact, 'contact', LIMITS.field) ?? null,
      orderNumber: optionalText(input.orderNumber, 'orderNumber', LIMITS.field) ?? null,
      channel: conversation?.channel ?? null,
      lang: conversation?.lang ?? 'zh',
      assigneeId,
      team: teamName(input.team) ?? null,
      tags: tagList(input.tags) ?? [],
      createdById: user?.id ?? null,
      firstResponseDueAt: null, resolutionDueAt: null, firstRespondedAt: null, firstResponseWarnedAt: null, firstResponseBreachedAt: null,
      resolutionWarnedAt: null, resolutionBreachedAt: null, slaPausedAt: null, escalatedAt: null, resolvedAt: null, closedAt: null,
      complaint: input.type === 'complaint' ? newComplaint() : null,
      reviewStatus: null,
      createdAt: now,
      updatedAt: now,
      ...sla.patch,
    };
    const actor: Actor = user ? actorOf(user) : SYSTEM_ACTOR;
    const created = await repos.tickets.create(ticket, { actor, action: 'created', changes: [], text: null, createdAt: now }, {
      ...(conversation ? { conversationId: conversation.id } : {}), timers: sla.timers,
    });
    this.deps.logger.info({ ticketId: created.id, conversationId: conversation?.id, source: created.source, type: created.type }, 'ticket created');
    await this.deps.store.publish(created, 'created');
    return created;
  }

  async update(user: User, id: string, fields: TicketFields, version?: number): Promise<Ticket> {
    const ticket = await this.writable(user, id, version);
    const patch: TicketPatch = {};
    if (fields.type !== undefined) patch.type = fields.type;
    if (fields.priority !== undefined) patch.priority = fields.priority;
    if (fields.subject !== undefined) patch.subject = requiredText(fields.subject, 'subject', LIMITS.subject);
    if (fields.description !== undefined) patch.description = requiredText(fields.description, 'description', LIMITS.description);
    for (const key of ['customerName', 'contact', 'orderNumber'] as const) {
      const value = optionalText(fields[key], key, LIMITS.field);
      if (value !== undefined) patch[key] = value;
    }
    if (fields.tags !== undefined) patch.tags = tagList(fields.tags) ?? [];
    let timers;
    const type = patch.type ?? ticket.type;
    const priority = patch.priority ?? ticket.priority;
    if (type !== ticket.type || priority !== ticket.priority) {
      const sla = this.deps.planner.retarget(ticket, { type, priority });
      Object.assign(patch, sla.patch);
      timers = sla.timers;
      if (type === 'complaint' && !ticket.complaint) patch.complaint = newComplaint();
    }
    return this.deps.store.change(ticket, actorOf(user), patch, { action: 'updated', ...(timers ? { timers } : {}) });
  }

  /**
   * Supervisors assign anyone and any team. Agents take an unassigned ticket they can see, or hand their own to
   * another agent or back to the team (`assigneeId` null).
   */
  async assign(user: User, id: string, input: { assigneeId?: string | null; team?: string | null }, version?: number): Promise<Ticket> {
    const ticket = await this.visible(user, id, version);
    const patch: TicketPatch = {};
    if (input.assigneeId !== undefined) {
      if (input.assigneeId) await this.assertAssignable(user, input.assigneeId, ticket.assigneeId);
      else if (!isSupervisor(user) && ticket.assigneeId !== user.id) throw forbidden('Only its assignee or a supervisor can unassign this ticket');
      patch.assigneeId = input.assigneeId;
    }
    if (input.team !== undefined) {
      if (!isSupervisor(user) && ticket.assigneeId !== user.id && input.assigneeId !== user.id) throw forbidden('Take the ticket first to change its team');
      patch.team = teamName(input.team) ?? null;
    }
    return this.deps.store.change(ticket, actorOf(user), patch, { action: 'assigned' });
  }

  async visible(user: User, id: string, version?: number): Promise<Ticket> {
    const ticket = await this.deps.store.get(id);
    assertCanSeeTicket(user, await this.deps.repos.teams.teamsOf(user.id), ticket);
    if (version !== undefined && version !== ticket.version) {
      throw new DomainError('conflict', `ticket at version ${ticket.version}, not ${version}`, { userMessage: 'This ticket was changed meanwhile; reload it and try again' });
    }
    return ticket;
  }

  async writable(user: User, id: string, version?: number): Promise<Ticket> {
    const ticket = await this.visible(user, id, version);
    assertCanWorkTicket(user, ticket);
    return ticket;
  }

  private async assertAssignable(user: User, assigneeId: string, current: string | null): Promise<void> {
    const agent = await this.deps.repos.users.get(assigneeId);
    if (!agent) throw new DomainError('not_found', `user ${assigneeId} not found`, { userMessage: 'Agent not found' });
    if (agent.status !== 'active') throw new DomainError('conflict', `user ${assigneeId} is ${agent.status}`, { userMessage: `${agent.displayName} cannot take tickets (account ${agent.status})` });
    if (isSupervisor(user)) return;
    const takes = assigneeId === user.id && current === null;
    const handsOn = current === user.id;
    if (!takes && !handsOn) throw forbidden('Agents can take unassigned tickets or hand on their own; ask a supervisor to reassign');
  }

  private async conversation(user: User | null, id: string): Promise<Conversation> {
    const conversation = await this.deps.repos.conversations.get(id);
    if (!conversation) throw new DomainError('not_found', `conversation ${id} not found`, { userMessage: 'Conversation not found' });
    if (user) assertCanRead(user, conversation);
    return conversation;
  }
}
