import type { ConversationFeed } from '../conversation-feed.js';
import type { HandoffObserver } from '../handoff/handoff-service.js';
import { CUSTOMER_COMMANDS, commandText } from '../messages.js';
import type { Logger, MessageRepository, Repositories } from '../ports.js';
import type { Conversation, HandoffReason, Lang } from '../types.js';
import type { SurveyService } from './survey-service.js';
import type { TicketService } from './ticket-service.js';
import { CUSTOMER_ACTOR, type TicketStore } from './ticket-store.js';
import { DEFAULT_TICKET_TEXTS, type TicketTexts } from './ticket-texts.js';
import { isActive } from './ticket-transitions.js';

export interface TicketIntakeDeps {
  repos: Repositories;
  tickets: TicketService;
  store: TicketStore;
  surveys: SurveyService;
  feed: ConversationFeed;
  logger: Logger;
  texts?: Record<Lang, TicketTexts>;
}

/**
 * Tickets from chat: a message left outside service hours and a complaint become tickets linked to their
 * conversation; an agent closing a chat sends the customer a survey. Driven by the handoff service's hooks.
 */
export class TicketIntake implements HandoffObserver {
  private readonly texts: Record<Lang, TicketTexts>;

  constructor(private readonly deps: TicketIntakeDeps) {
    this.texts = deps.texts ?? DEFAULT_TICKET_TEXTS;
  }

  /** After a conversation went to people: queued, or kept as a left message (`leftMessageAt` set). */
  async handedOff(conversation: Conversation, reason: HandoffReason): Promise<void> {
    const leftMessage = conversation.leftMessageAt !== null;
    if (!leftMessage && reason !== 'complaint') return;
    const { repos, tickets, store, feed } = this.deps;
    const open = (await repos.tickets.ticketsOfConversation(conversation.id)).find((t) => isActive(t.status));
    if (open) {
      await store.record(open, CUSTOMER_ACTOR, 'customer_wrote', reason === 'complaint' ? 'complained again' : 'asked for a person again');
      return;
    }
    const ticket = await tickets.create(null, {
      type: reason === 'complaint' ? 'complaint' : 'inquiry',
      priority: reason === 'complaint' ? 'high' : 'normal',
      description: await this.describe(conversation),
      conversationId: conversation.id,
      // The order the customer named in this chat, if any.
      orderNumber: (await repos.orderChats.get(conversation.id))?.orderNumber ?? null,
    }, leftMessage ? 'left_message' : 'complaint');
    await feed.post(conversation, { author: 'system', kind: 'system', text: this.texts[conversation.lang].created(ticket.number) });
  }

  /** After an agent (or supervisor) closed the conversation. */
  closed(conversation: Conversation): Promise<void> {
    return this.deps.surveys.conversationClosed(conversation);
  }

  private async describe(conversation: Conversation): Promise<string> {
    return (await customerWords(this.deps.repos.messages, conversation.id)) || '(no message)';
  }
}

/** The customer's recent words in a conversation, newest last: the problem as they put it (choices and commands left out). */
export async function customerWords(messages: Pick<MessageRepository, 'listByConversation'>, conversationId: string): Promise<string> {
  const all = await messages.listByConversation(conversationId);
  const said = all.filter((m) => m.author === 'customer' && !m.text.startsWith('[choice ') && !isCommandText(m.text));
  return said.slice(-8).map((m) => m.text).join('\n');
}

const isCommandText = (text: string): boolean => CUSTOMER_COMMANDS.some((c) => commandText(c) === text);
