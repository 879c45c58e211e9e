import { DomainError } from '../errors.js';
import type { Clock, Repositories } from '../ports.js';
import type { ChannelId, ConversationStatus, User } from '../types.js';
import { assertRole, isSupervisor } from '../users/access.js';
import { ReadAccess } from '../users/read-access.js';
import { staffNames } from '../handoff/agent-views.js';
import { toMessageView, type MessageView } from '../views.js';
import type { TicketConversations } from './ticket-conversations.js';
import { teamName } from './ticket-input.js';
import type { TicketService } from './ticket-service.js';
import type { Ticket, TicketFilter } from './ticket-types.js';
import { toEventView, toSurveyView, toTicketView, type SurveyView, type TicketEventView, type TicketView } from './ticket-views.js';

export interface TicketConversationView {
  id: string;
  channel: ChannelId;
  status: ConversationStatus;
  createdAt: string;
  /** False for a conversation now with another agent: its messages are not shown. */
  readable: boolean;
  messages: MessageView[];
}

export interface TicketDetail {
  ticket: TicketView;
  history: TicketEventView[];
  conversations: TicketConversationView[];
  surveys: SurveyView[];
}

/** What agents and supervisors read about tickets, filtered by what each may see. */
export class TicketQueries {
  constructor(
    private readonly repos: Repositories,
    private readonly tickets: TicketService,
    private readonly conversations: TicketConversations,
    private readonly clock: Clock,
  ) {}

  async list(user: User, filter: Omit<TicketFilter, 'visibleTo'>): Promise<{ tickets: TicketView[]; total: number }> {
    const visibleTo = isSupervisor(user) ? undefined : { userId: user.id, teams: await this.repos.teams.teamsOf(user.id) };
    const found = await this.repos.tickets.list({ ...filter, ...(visibleTo ? { visibleTo } : {}), limit: Math.min(filter.limit ?? 50, 200) });
    const names = await this.names();
    return { tickets: found.tickets.map((t) => toTicketView(t, names)), total: found.total };
  }

  async detail(user: User, id: string): Promise<TicketDetail> {
    const ticket = await this.conversations.syncFirstResponse(await this.tickets.visible(user, id));
    const [events, ids, surveys, names] = await Promise.all([
      this.repos.tickets.events(ticket.id), this.repos.tickets.conversationsOf(ticket.id), this.repos.surveys.listByTicket(ticket.id), this.names(),
    ]);
    const conversations: TicketConversationView[] = [];
    for (const conversationId of ids) {
      const c = await this.repos.conversations.get(conversationId);
      if (!c) continue;
      const readable = await new ReadAccess(this.repos).canRead(user, c);
      const messages = readable ? (await this.repos.messages.listByConversation(c.id)).map(toMessageView) : [];
      conversations.push({ id: c.id, channel: c.channel, status: c.status, createdAt: c.createdAt.toISOString(), readable, messages });
    }
    return { ticket: toTicketView(ticket, names), history: events.map(toEventView), conversations, surveys: surveys.map(toSurveyView) };
  }

  async view(ticket: Ticket): Promise<TicketView> {
    return toTicketView(ticket, await this.names());
  }

  async teams(): Promise<Array<{ team: string; members: Array<{ id: string; name: string }> }>> {
    const names = await this.names();
    return (await this.repos.teams.list()).map((t) => ({ team: t.team, members: t.userIds.map((id) => ({ id, name: names.get(id) ?? 'agent' })) }));
  }

  async setTeam(user: User, team: string, userIds: string[]): Promise<void> {
    assertRole(user, ['supervisor', 'admin']);
    const name = teamName(team);
    if (!name) throw new DomainError('invalid_input', 'team name must not be empty');
    for (const id of userIds) {
      if (!(await this.repos.users.get(id))) throw new DomainError('not_found', `user ${id} not found`, { userMessage: 'Agent not found' });
    }
    await this.repos.teams.setMembers(name, [...new Set(userIds)], this.clock.now());
  }

  private async names(): Promise<Map<string, string>> {
    return staffNames(await this.repos.users.list());
  }
}
