import { DomainError, isDomainError } from '../errors.js';
import type { Clock, Logger, PubSub, TicketRepository } from '../ports.js';
import type { Actor, User } from '../types.js';
import type { FieldChange, NewTicketEvent, Ticket, TicketAction, TicketEvent, TicketPatch, TimerPlan } from './ticket-types.js';

/** Every ticket change is published here (instance-local fan-out; the console also polls). */
export const TICKETS_TOPIC = 'tickets';

export interface TicketPublished {
  type: 'ticket';
  action: TicketAction;
  ticketId: string;
  number: string;
  status: Ticket['status'];
  assigneeId: string | null;
  team: string | null;
}

export const SYSTEM_ACTOR: Actor = { id: null, name: 'system' };
export const CUSTOMER_ACTOR: Actor = { id: null, name: 'customer' };
export const actorOf = (user: User): Actor => ({ id: user.id, name: user.displayName });

export interface ChangeOptions {
  action: TicketAction;
  text?: string | null;
  /** Further history lines written in the same transaction. */
  more?: NewTicketEvent[];
  timers?: TimerPlan;
}

const NOT_RECORDED = new Set(['updatedAt', 'complaint']);

function comparable(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return JSON.stringify(value);
  return value ?? null;
}

/** What the patch changes, field by field (the complaint record as its step). */
export function diff(ticket: Ticket, patch: TicketPatch): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const [field, to] of Object.entries(patch)) {
    if (NOT_RECORDED.has(field)) continue;
    const from = (ticket as unknown as Record<string, unknown>)[field];
    if (comparable(from) !== comparable(to)) changes.push({ field, from: comparable(from), to: comparable(to) });
  }
  if (patch.complaint !== undefined && patch.complaint?.step !== ticket.complaint?.step) {
    changes.push({ field: 'complaint.step', from: ticket.complaint?.step ?? null, to: patch.complaint?.step ?? null });
  }
  return changes;
}

/** Hears of every ticket change in the process that made it (alerts); must not throw. */
export type TicketListener = (ticket: Ticket, action: TicketAction) => Promise<void>;

/** Loads tickets and writes every change with its history line, conditional on the version read. */
export class TicketStore {
  private listener: TicketListener | undefined;

  constructor(readonly repo: TicketRepository, private readonly pubsub: PubSub, private readonly clock: Clock, private readonly logger: Logger) {}

  /** Set once by the composition root: the alert module is built after the ticket module it listens to. */
  listen(listener: TicketListener): void {
    this.listener = listener;
  }

  /** By id or by number (T-20261126-0001). */
  async get(idOrNumber: string): Promise<Ticket> {
    const ticket = /^T-\d{8}-\d+$/i.test(idOrNumber) ? await this.repo.getByNumber(idOrNumber.toUpperCase()) : await this.repo.get(idOrNumber);
    if (!ticket) throw new DomainError('not_found', `ticket ${idOrNumber} not found`, { userMessage: 'Ticket not found' });
    return ticket;
  }

  async change(ticket: Ticket, actor: Actor, patch: TicketPatch, options: ChangeOptions): Promise<Ticket> {
    const now = this.clock.now();
    const event: NewTicketEvent = { actor, action: options.action, changes: diff(ticket, patch), text: options.text ?? null, createdAt: now };
    const updated = await this.repo.update(ticket.id, ticket.version, { ...patch, updatedAt: now }, [event, ...(options.more ?? [])], options.timers);
    if (!updated) throw new DomainError('conflict', `ticket ${ticket.id} changed since version ${ticket.version}`, { userMessage: 'This ticket was changed meanwhile; reload it and try again' });
    this.logger.info({ ticketId: ticket.id, action: options.action, status: updated.status }, 'ticket changed');
    await this.publish(updated, options.action);
    return updated;
  }

  /** A history line that changes nothing else (a note, a reply, a linked conversation). */
  async record(ticket: Ticket, actor: Actor, action: TicketAction, text: string | null): Promise<TicketEvent> {
    const event = await this.repo.addEvent(ticket.id, { actor, action, changes: [], text, createdAt: this.clock.now() });
    await this.publish(ticket, action);
    return event;
  }

  /** For the system's own changes: reloads and tries again when someone changed the ticket in between. */
  async retrying(id: string, work: (ticket: Ticket) => Promise<Ticket | null>): Promise<Ticket | null> {
    for (let attempt = 1; ; attempt++) {
      const ticket = await this.repo.get(id);
      if (!ticket) return null;
      try {
        return await work(ticket);
      } catch (err) {
        if (!(isDomainError(err) && err.code === 'conflict' && attempt < 3)) throw err;
      }
    }
  }

  async publish(ticket: Ticket, action: TicketAction): Promise<void> {
    const payload: TicketPublished = { type: 'ticket', action, ticketId: ticket.id, number: ticket.number, status: ticket.status, assigneeId: ticket.assigneeId, team: ticket.team };
    try {
      await this.pubsub.publish(TICKETS_TOPIC, payload);
    } catch (err) {
      this.logger.warn({ ticketId: ticket.id, err }, 'ticket publish failed');
    }
    await this.listener?.(ticket, action).catch((err: unknown) => this.logger.error({ ticketId: ticket.id, err }, 'ticket listener failed'));
  }
}
