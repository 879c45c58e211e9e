import { DomainError } from '../errors.js';
import type { User } from '../types.js';
import { assertRole, isSupervisor } from '../users/access.js';
import { completeStep, reopenComplaint, reviewComplaint, type StepInput } from './complaint-process.js';
import type { SlaChange } from './sla-schedule.js';
import type { TicketDeps, TicketService } from './ticket-service.js';
import { actorOf } from './ticket-store.js';
import { assertTransition } from './ticket-transitions.js';
import type { ComplaintStep, Ticket, TicketPatch, TicketStatus, TimerPlan } from './ticket-types.js';

/** Told when a ticket is resolved: the satisfaction survey goes out. */
export interface ResolutionListener {
  ticketResolved(ticket: Ticket): Promise<void>;
}

const NO_TIMERS = (...targets: TimerPlan['targets']): TimerPlan => ({ targets, timers: [] });

/** Status changes, the complaint process and its supervisor review. */
export class TicketWorkflow {
  constructor(
    private readonly deps: TicketDeps,
    private readonly tickets: TicketService,
    private readonly listener: ResolutionListener,
  ) {}

  async setStatus(user: User, id: string, status: TicketStatus, version?: number): Promise<Ticket> {
    const ticket = await this.tickets.writable(user, id, version);
    assertTransition(ticket, status, { supervisor: isSupervisor(user) });
    return this.move(user, ticket, status, {});
  }

  async completeStep(user: User, id: string, step: ComplaintStep, input: StepInput, version?: number): Promise<Ticket> {
    const ticket = await this.tickets.writable(user, id, version);
    if (ticket.type !== 'complaint' || !ticket.complaint) throw new DomainError('conflict', 'not a complaint', { userMessage: 'Only complaints follow the complaint process' });
    const complaint = completeStep(ticket.complaint, step, input, actorOf(user), this.deps.clock.now());
    const patch: TicketPatch = { complaint, ...(complaint.step === 'review' ? { reviewStatus: 'pending' as const } : {}) };
    if (ticket.status === 'new') patch.status = 'open';
    return this.deps.store.change(ticket, actorOf(user), patch, { action: 'complaint_step', text: `${step}: ${input.text.trim()}` });
  }

  /** Supervisors only: approving resolves the complaint (and sends the survey); rejecting sends it back a step. */
  async review(user: User, id: string, input: { decision: 'approved' | 'rejected'; comment?: string | null; returnTo?: ComplaintStep }, version?: number): Promise<Ticket> {
    assertRole(user, ['supervisor', 'admin']);
    const ticket = await this.tickets.visible(user, id, version);
    if (ticket.type !== 'complaint' || !ticket.complaint) throw new DomainError('conflict', 'not a complaint', { userMessage: 'Only complaints are reviewed' });
    const comment = input.comment?.trim() || null;
    const complaint = reviewComplaint(ticket.complaint, input.decision, actorOf(user), this.deps.clock.now(), comment, input.returnTo);
    const patch: TicketPatch = { complaint, reviewStatus: input.decision };
    const text = `${input.decision}${comment ? `: ${comment}` : ''}`;
    if (input.decision === 'rejected') return this.deps.store.change(ticket, actorOf(user), patch, { action: 'review', text });
    assertTransition(ticket, 'resolved', { supervisor: true, approval: true });
    return this.move(user, ticket, 'resolved', patch, text);
  }

  private async move(user: User, ticket: Ticket, status: TicketStatus, extra: TicketPatch, reviewText?: string): Promise<Ticket> {
    const now = this.deps.clock.now();
    const { planner } = this.deps;
    let sla: SlaChange = { patch: {}, timers: NO_TIMERS() };
    if (ticket.status === 'pending_customer') sla = planner.resume(ticket, now);
    const patch: TicketPatch = { ...sla.patch, ...extra, status };
    let timers = sla.timers;
    // Asking the customer something, or solving the problem, answers them.
    if ((status === 'pending_customer' || status === 'resolved') && !ticket.firstRespondedAt) patch.firstRespondedAt = now;
    if (status === 'pending_customer') {
      Object.assign(patch, planner.pause(now).patch);
      timers = NO_TIMERS('resolution', ...(patch.firstRespondedAt ? (['first_response'] as const) : []));
    } else if (status === 'resolved' || status === 'closed') {
      if (status === 'resolved') patch.resolvedAt = now;
      if (status === 'closed') patch.closedAt = now;
      patch.slaPausedAt = null;
      timers = NO_TIMERS('first_response', 'resolution');
    } else if (status === 'open' && (ticket.status === 'resolved' || ticket.status === 'closed')) {
      const reopened = planner.reopen(ticket, now);
      Object.assign(patch, reopened.patch, { resolvedAt: null, closedAt: null });
      timers = reopened.timers;
      if (ticket.complaint) Object.assign(patch, { complaint: reopenComplaint(ticket.complaint), reviewStatus: null });
    }
    if (patch.firstRespondedAt && !timers.targets.includes('first_response')) timers = { ...timers, targets: [...timers.targets, 'first_response'] };
    const action = reviewText ? 'review' : 'status';
    const changed = await this.deps.store.change(ticket, actorOf(user), patch, { action, text: reviewText ?? null, timers });
    if (status === 'resolved') await this.listener.ticketResolved(changed);
    return changed;
  }
}
