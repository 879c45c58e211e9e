import type { BusinessHours } from '../handoff/business-hours.js';
import type { CustomerCommand } from '../messages.js';
import type { Clock, CustomerCommandHandler, CustomerTextHandler, Repositories } from '../ports.js';
import type { Conversation, Lang, Reply } from '../types.js';
import type { SurveyService } from './survey-service.js';
import type { TicketConversations } from './ticket-conversations.js';
import { customerWords } from './ticket-intake.js';
import type { TicketService } from './ticket-service.js';
import { findTicketNumber } from './ticket-numbers.js';
import { asksForTickets, DEFAULT_TICKET_TEXTS, type TicketTexts } from './ticket-texts.js';
import { isActive } from './ticket-transitions.js';
import type { Ticket } from './ticket-types.js';

export interface TicketChatDeps {
  repos: Repositories;
  surveys: SurveyService;
  conversations: TicketConversations;
  /** Opens a ticket on /ticket. */
  tickets: Pick<TicketService, 'create'>;
  hours: BusinessHours;
  clock: Clock;
  texts?: Record<Lang, TicketTexts>;
}

/**
 * What the customer says about tickets, before the bot looks for an FAQ: a survey score or comment, "我的工单" /
 * "my ticket" or a ticket number (answered with the status), and any message on a ticket waiting for them. With an
 * agent in the chat only a survey answer is taken. The /ticket command lists open tickets or opens one.
 */
export class TicketChat implements CustomerTextHandler, CustomerCommandHandler {
  private readonly texts: Record<Lang, TicketTexts>;

  constructor(private readonly deps: TicketChatDeps) {
    this.texts = deps.texts ?? DEFAULT_TICKET_TEXTS;
  }

  async handle(input: { conversation: Conversation; text: string; lang: Lang }): Promise<Reply[] | null> {
    const { conversation, text, lang } = input;
    const answered = await this.deps.surveys.handle(conversation, text);
    if (answered) return answered;
    // With an agent, the agent answers everything else.
    if (conversation.status === 'agent') return null;
    const number = findTicketNumber(text);
    if (number || asksForTickets(text)) return [{ kind: 'system', text: await this.status(conversation.customerId, number, lang) }];
    await this.deps.conversations.customerWrote(conversation);
    return null;
  }

  /** /ticket: the customer's open tickets; without one, a new ticket from what they said in this chat. */
  async command(input: { conversation: Conversation; command: CustomerCommand; lang: Lang }): Promise<Reply[] | null> {
    if (input.command !== 'ticket') return null;
    const { conversation, lang } = input;
    const t = this.texts[lang];
    const { tickets } = await this.deps.repos.tickets.list({ customerId: conversation.customerId, limit: 20 });
    const active = tickets.filter((x) => isActive(x.status)).slice(0, 3);
    if (active.length > 0) return [{ kind: 'system', text: active.map((x) => this.line(x, t, lang)).join('\n') }];
    const description = await customerWords(this.deps.repos.messages, conversation.id);
    if (!description) return [{ kind: 'system', text: t.describeFirst }];
    const ticket = await this.deps.tickets.create(null, { type: 'inquiry', description, conversationId: conversation.id }, 'conversation');
    return [{ kind: 'system', text: t.created(ticket.number) }];
  }

  private async status(customerId: string, number: string | null, lang: Lang): Promise<string> {
    const t = this.texts[lang];
    if (number) {
      const ticket = await this.deps.repos.tickets.getByNumber(number);
      // Someone else's ticket number gets the same answer as a wrong one.
      return ticket && ticket.customerId === customerId ? this.line(ticket, t, lang) : t.notFound(number);
    }
    const { tickets } = await this.deps.repos.tickets.list({ customerId, limit: 20 });
    const active = tickets.filter((x) => isActive(x.status));
    const shown = active.length > 0 ? active.slice(0, 3) : tickets.slice(0, 1);
    return shown.length > 0 ? shown.map((x) => this.line(x, t, lang)).join('\n') : t.noTickets;
  }

  private line(ticket: Ticket, t: TicketTexts, lang: Lang): string {
    const due = !isActive(ticket.status) || ticket.slaPausedAt ? null : ticket.firstRespondedAt ? ticket.resolutionDueAt : ticket.firstResponseDueAt;
    const now = this.deps.clock.now();
    const when = due && due > now ? this.deps.hours.formatMoment(due, now, lang) : null;
    return t.line(ticket.number, t.types[ticket.type], t.status[ticket.status], when);
  }
}
