import type { Logger, Repositories } from '../ports.js';
import type { TicketService } from '../tickets/ticket-service.js';
import type { TicketStore } from '../tickets/ticket-store.js';
import type { TicketWorkflow } from '../tickets/ticket-workflow.js';
import type { Survey, Ticket } from '../tickets/ticket-types.js';
import type { Conversation, User } from '../types.js';
import type { AlertService } from './alert-service.js';

export interface FollowUpDeps {
  repos: Repositories;
  tickets: TicketService;
  workflow: TicketWorkflow;
  store: TicketStore;
  alerts: AlertService;
  logger: Logger;
  /** A score at or below this is followed up. */
  lowScore: number;
}

/**
 * A low satisfaction score becomes a supervisor's task: the rated ticket is reopened and given to a supervisor, or,
 * for a chat without a ticket, a call-back ticket is opened for one; and supervisors are alerted.
 */
export class SatisfactionFollowUp {
  constructor(private readonly deps: FollowUpDeps) {}

  async scored(survey: Survey, conversation: Conversation): Promise<Ticket | null> {
    if (survey.score === null || survey.score > this.deps.lowScore) return null;
    const supervisor = await this.supervisor();
    const agent = survey.agentId ? await this.deps.repos.users.get(survey.agentId) : null;
    const rated = `满意度 ${survey.score}/5${agent ? `（客服 ${agent.displayName}）` : ''}`;
    const ticket = survey.ticketId ? await this.reopen(survey.ticketId, supervisor, rated) : await this.callBack(conversation, supervisor, rated);
    if (!ticket) return null;
    this.deps.logger.info({ ticketId: ticket.id, conversationId: conversation.id, score: survey.score }, 'low satisfaction: follow-up opened');
    await this.deps.alerts.raise({
      kind: 'low_satisfaction', severity: 'warning', ticketId: ticket.id, ticketNumber: ticket.number, conversationId: conversation.id,
      title: `低满意度 ${survey.score}/5：工单 ${ticket.number} 待回访`,
      text: `顾客给出${rated}。${survey.ticketId ? '工单已重新打开' : '已创建回访工单'} ${ticket.number}，` +
        `${supervisor ? `由主管 ${supervisor.displayName} 跟进` : '请主管认领跟进'}。`,
    });
    return ticket;
  }

  private async reopen(ticketId: string, supervisor: User | null, rated: string): Promise<Ticket | null> {
    const { tickets, workflow, store } = this.deps;
    const ticket = await this.deps.repos.tickets.get(ticketId);
    if (!ticket) return null;
    if (!supervisor) {
      await store.record(ticket, { id: null, name: 'system' }, 'note', `${rated}：需要主管回访`);
      return ticket;
    }
    const open = ticket.status === 'resolved' || ticket.status === 'closed' ? await workflow.setStatus(supervisor, ticket.id, 'open') : ticket;
    const assigned = await tickets.assign(supervisor, open.id, { assigneeId: supervisor.id });
    const tagged = await tickets.update(supervisor, assigned.id, { priority: 'high', tags: [...new Set([...assigned.tags, '回访'])] });
    await store.record(tagged, { id: null, name: 'system' }, 'note', `${rated}：已重新打开，由主管回访`);
    return tagged;
  }

  private callBack(conversation: Conversation, supervisor: User | null, rated: string): Promise<Ticket> {
    return this.deps.tickets.create(supervisor, {
      type: 'inquiry', priority: 'high', subject: `回访：${rated}`, tags: ['回访'], conversationId: conversation.id,
      description: `顾客在聊天结束后给出${rated}，请主管回电或在原渠道回访，了解不满意的原因。`,
      ...(supervisor ? { assigneeId: supervisor.id } : {}),
    }, 'conversation');
  }

  /** Who follows up: a supervisor who is online, else any supervisor, else an admin; null when there is none. */
  private async supervisor(): Promise<User | null> {
    const users = (await this.deps.repos.users.list()).filter((u) => u.status === 'active');
    const supervisors = users.filter((u) => u.role === 'supervisor');
    return supervisors.find((u) => u.presence === 'online') ?? supervisors[0] ?? users.find((u) => u.role === 'admin') ?? null;
  }
}
