import type { ConversationFeed } from '../conversation-feed.js';
import type { Clock, Logger, Repositories } from '../ports.js';
import type { Actor, Conversation, Lang, Reply, StoredMessage } from '../types.js';
import { CUSTOMER_ACTOR, SYSTEM_ACTOR, type TicketStore } from './ticket-store.js';
import { DEFAULT_TICKET_TEXTS, isSkip, parseScore, type TicketTexts } from './ticket-texts.js';
import { isActive } from './ticket-transitions.js';
import type { Survey, Ticket, TicketAction } from './ticket-types.js';
import type { ResolutionListener } from './ticket-workflow.js';
import { cutAt } from '../text-rules.js';

export interface SurveySettings {
  /** A survey nobody answered expires after this; a resolved ticket then closes quietly. */
  expireMs: number;
  /** After the score, the customer's next message within this window is taken as the comment. */
  commentMs: number;
}

export interface SurveyDeps {
  repos: Repositories;
  store: TicketStore;
  feed: ConversationFeed;
  clock: Clock;
  logger: Logger;
  settings: SurveySettings;
  texts?: Record<Lang, TicketTexts>;
}

/** Hears of every score (low ones become a supervisor's follow-up); its failures are logged, never passed on. */
export type ScoreListener = (survey: Survey, conversation: Conversation) => Promise<void>;

const MAX_COMMENT = 2000;

/** Satisfaction follow-up (回访): sent in the customer's channel, answered in chat, stored against ticket and agent. */
export class SurveyService implements ResolutionListener {
  private readonly texts: Record<Lang, TicketTexts>;
  private onScored: ScoreListener | undefined;

  constructor(private readonly deps: SurveyDeps) {
    this.texts = deps.texts ?? DEFAULT_TICKET_TEXTS;
  }

  /** Set once by the composition root (the follow-up needs the ticket services built with this one). */
  listen(listener: ScoreListener): void {
    this.onScored = listener;
  }

  async ticketResolved(ticket: Ticket): Promise<void> {
    const id = (await this.deps.repos.tickets.conversationsOf(ticket.id)).at(-1);
    const conversation = id ? await this.deps.repos.conversations.get(id) : null;
    if (!conversation) return; // No channel to ask in: the ticket closes quietly after the survey period.
    await this.send(conversation, ticket, ticket.assigneeId, this.texts[conversation.lang].surveyTicket(ticket.number));
  }

  /**
   * An agent closed a chat: the customer rates the agent, unless a ticket of this conversation is still being worked
   * or its survey already went out during this chat (one question per chat).
   */
  async conversationClosed(conversation: Conversation): Promise<void> {
    if (!conversation.assigneeId) return;
    const tickets = await this.deps.repos.tickets.ticketsOfConversation(conversation.id);
    if (tickets.some((t) => isActive(t.status))) return;
    const since = conversation.assignedAt ?? conversation.createdAt;
    for (const t of tickets) if ((await this.deps.repos.surveys.listByTicket(t.id)).some((s) => s.sentAt >= since)) return;
    const agent = await this.deps.repos.users.get(conversation.assigneeId);
    await this.send(conversation, null, conversation.assigneeId, this.texts[conversation.lang].surveyConversation(agent?.displayName ?? null));
  }

  /** The reply path: a score or a comment for the customer's open survey; null when the text is neither. */
  async handle(conversation: Conversation, text: string): Promise<Reply[] | null> {
    const { repos, clock } = this.deps;
    const survey = await repos.surveys.openForCustomer(conversation.customerId);
    const now = clock.now();
    if (!survey || survey.expiresAt <= now) return null;
    const t = this.texts[conversation.lang];
    // With an agent in the chat, a digit answers the survey only if nobody wrote since it was asked.
    if (conversation.status === 'agent' && (await this.agentWroteSince(conversation.id, survey))) return null;
    if (survey.status === 'pending') {
      const score = parseScore(text);
      if (score === null || (await this.choicesShownSince(conversation.id, survey))) return null;
      const scored = await repos.surveys.transition(survey.id, 'pending', { status: 'scored', score, answeredAt: now, expiresAt: new Date(now.getTime() + this.deps.settings.commentMs) });
      if (!scored) return null;
      this.deps.logger.info({ conversationId: conversation.id, ticketId: survey.ticketId, score }, 'survey answered');
      if (survey.ticketId) await this.closeTicket(survey.ticketId, CUSTOMER_ACTOR, 'survey_answered', `${score}/5`);
      await this.onScored?.(scored, conversation).catch((err: unknown) => this.deps.logger.error({ conversationId: conversation.id, err }, 'survey listener failed'));
      return [{ kind: 'system', text: t.askComment(score) }];
    }
    const comment = isSkip(text) ? null : cutAt(text.trim(), MAX_COMMENT);
    const answered = await repos.surveys.transition(survey.id, 'scored', { status: 'answered', comment });
    if (!answered) return null;
    if (comment && survey.ticketId) {
      const ticket = await repos.tickets.get(survey.ticketId);
      if (ticket) await this.deps.store.record(ticket, CUSTOMER_ACTOR, 'survey_answered', `${answered.score}/5: ${comment}`);
    }
    return [{ kind: 'system', text: t.thanks }];
  }

  /** Expires unanswered surveys, ends comment windows, and closes resolved tickets nobody rated. Returns how many changed. */
  async expire(): Promise<number> {
    const { repos, clock, settings } = this.deps;
    const now = clock.now();
    let changed = 0;
    for (const survey of await repos.surveys.listExpired(now, 100)) {
      const done = survey.status === 'pending'
        ? await repos.surveys.transition(survey.id, 'pending', { status: 'expired' })
        : await repos.surveys.transition(survey.id, 'scored', { status: 'answered' });
      if (!done) continue;
      changed++;
      if (survey.status === 'pending' && survey.ticketId) await this.closeTicket(survey.ticketId, SYSTEM_ACTOR, 'survey_expired', null);
    }
    const { tickets } = await repos.tickets.list({ statuses: ['resolved'], limit: 500 });
    for (const ticket of tickets) {
      if (!ticket.resolvedAt || ticket.resolvedAt.getTime() + settings.expireMs > now.getTime()) continue;
      if ((await repos.surveys.listByTicket(ticket.id)).some((s) => s.status === 'pending')) continue;
      await this.closeTicket(ticket.id, SYSTEM_ACTOR, 'survey_expired', 'no survey answer');
      changed++;
    }
    return changed;
  }

  private async send(conversation: Conversation, ticket: Ticket | null, agentId: string | null, text: string): Promise<void> {
    const { repos, clock, feed } = this.deps;
    const open = await repos.surveys.openForCustomer(conversation.customerId);
    // A newer survey replaces the open one: a digit answers the question the customer saw last.
    if (open) await repos.surveys.transition(open.id, open.status, { status: open.status === 'pending' ? 'expired' : 'answered' });
    const now = clock.now();
    await repos.surveys.create({
      ticketId: ticket?.id ?? null, conversationId: conversation.id, customerId: conversation.customerId, agentId,
      channel: conversation.channel, lang: conversation.lang, sentAt: now, expiresAt: new Date(now.getTime() + this.deps.settings.expireMs),
    });
    await feed.post(conversation, { author: 'system', kind: 'system', text });
    if (ticket) await this.deps.store.record(ticket, SYSTEM_ACTOR, 'survey_sent', null);
    this.deps.logger.info({ conversationId: conversation.id, ticketId: ticket?.id, channel: conversation.channel }, 'survey sent');
  }

  /** The bot offered numbered choices after the survey: a digit picks one of those instead. */
  private async choicesShownSince(conversationId: string, survey: Survey): Promise<boolean> {
    const last: StoredMessage | null = await this.deps.repos.messages.lastBotMessage(conversationId);
    return last !== null && last.kind === 'choices' && last.createdAt > survey.sentAt;
  }

  private async agentWroteSince(conversationId: string, survey: Survey): Promise<boolean> {
    return (await this.deps.repos.messages.listByConversation(conversationId)).some((m) => m.author === 'agent' && m.createdAt > survey.sentAt);
  }

  private async closeTicket(ticketId: string, actor: Actor, action: TicketAction, text: string | null): Promise<void> {
    const { store, clock } = this.deps;
    await store.retrying(ticketId, async (ticket) => {
      if (ticket.status !== 'resolved') return store.record(ticket, actor, action, text).then(() => ticket);
      return store.change(ticket, actor, { status: 'closed', closedAt: clock.now() }, { action, text });
    });
  }
}
