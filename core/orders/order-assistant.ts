import { DomainError } from '../errors.js';
import type { BotReply } from '../bot-responder.js';
import type { Clock, Logger } from '../ports.js';
import type { Conversation, Lang } from '../types.js';
import { isShipped, orderAnswer } from './order-answer.js';
import { canonicalOrderNumber, lastFourDigits } from './order-number.js';
import type { OrderChatRepository, OrderChatState, OrderFollowUp, OrderPort, OrderTurn, OrderTurnHandler } from './order-ports.js';
import type { OrderQuestionReader } from './order-question-reader.js';
import { DEFAULT_ORDER_TEXTS, type OrderTexts } from './order-texts.js';
import type { Order, OrderIntent } from './order-types.js';

export interface OrderAssistantDeps {
  orders: OrderPort;
  chats: OrderChatRepository;
  reader: OrderQuestionReader;
  followUp: OrderFollowUp;
  clock: Clock;
  logger: Logger;
  settings: { maxAttempts: number; timeZone: string };
  texts?: Record<Lang, OrderTexts>;
}

/**
 * Order questions in chat: asks for the number when it is missing and remembers it for the conversation, has the
 * customer prove ownership with the last four digits of the order's phone (a wrong owner, wrong digits and an
 * unknown number get the same answer; after `maxAttempts` wrong answers a person takes over), then answers from the
 * store's records. Logs carry the conversation and the intent, never the order's details.
 */
export class OrderAssistant implements OrderTurnHandler {
  private readonly texts: Record<Lang, OrderTexts>;

  constructor(private readonly deps: OrderAssistantDeps) {
    this.texts = deps.texts ?? DEFAULT_ORDER_TEXTS;
  }

  async handle({ conversation, text, lang }: { conversation: Conversation; text: string; lang: Lang }): Promise<OrderTurn | null> {
    const question = this.deps.reader.read(text);
    const before = await this.deps.chats.get(conversation.id);
    const state = before ? { ...before } : this.fresh(conversation.id);
    // Kept as the customer typed it (shown back, put on tickets); compared and looked up canonical.
    const number = question.orderNumber?.raw ?? null;
    if (number) state.orderNumber = number;
    const turn = await this.next(state, conversation, text, lang, question.intent, number !== null && question.intent === null);
    if (turn || number || before?.awaiting) await this.deps.chats.save({ ...state, updatedAt: this.deps.clock.now() });
    return turn;
  }

  private async next(state: OrderChatState, conversation: Conversation, text: string, lang: Lang, intent: OrderIntent | null, bareNumber: boolean): Promise<OrderTurn | null> {
    const t = this.texts[lang];
    const digits = intent === null && !bareNumber ? lastFourDigits(text) : null;
    if (state.awaiting === 'digits' && digits && state.orderNumber) return this.verify(state, conversation, digits, lang);
    if (intent) {
      state.intent = intent;
      state.questions += 1;
    } else if (bareNumber && (state.awaiting === 'number' || state.awaiting === null)) {
      // A number alone, or a number where one was asked for: the question asked before, or its status.
      state.intent ??= 'status';
      if (state.awaiting === null) state.questions += 1;
    } else {
      state.awaiting = null;
      return null;
    }
    if (!state.orderNumber) {
      state.awaiting = 'number';
      return say(t.askNumber);
    }
    if (sameOrder(state.verifiedNumber, state.orderNumber)) return this.answer(state, conversation, lang);
    state.awaiting = 'digits';
    return say(t.askDigits(state.orderNumber));
  }

  private async verify(state: OrderChatState, conversation: Conversation, digits: string, lang: Lang): Promise<OrderTurn> {
    const order = await this.lookup(state.orderNumber!);
    if (order === 'unavailable') return say(this.texts[lang].unavailable);
    const phone = order?.customer.phone?.replace(/\D/g, '') ?? '';
    if (order && phone.length >= 4 && phone.slice(-4) === digits) {
      state.verifiedNumber = state.orderNumber;
      return this.answer(state, conversation, lang, order);
    }
    state.failures += 1;
    this.deps.logger.info({ conversationId: conversation.id, failures: state.failures }, 'order ownership not proven');
    if (state.failures >= this.deps.settings.maxAttempts) {
      state.awaiting = null;
      state.handedOff += 1;
      return { kind: 'handoff' };
    }
    return say(this.texts[lang].notMatched(this.deps.settings.maxAttempts - state.failures));
  }

  private async answer(state: OrderChatState, conversation: Conversation, lang: Lang, known?: Order | null): Promise<OrderTurn> {
    const t = this.texts[lang];
    state.awaiting = null;
    const order = known ?? (await this.lookup(state.orderNumber!));
    if (order === 'unavailable') return say(t.unavailable);
    if (!order) return say(t.notMatched(Math.max(0, this.deps.settings.maxAttempts - state.failures)));
    const intent = state.intent ?? 'status';
    const lines = [orderAnswer(order, intent, t, this.deps.settings.timeZone, order.number)];
    if (intent === 'cancel' || intent === 'change_address') {
      if (isShipped(order)) lines.push(t.tooLate(intent));
      else {
        const description = `${intent === 'cancel' ? 'Cancel' : 'Change the delivery address of'} order ${order.number} (asked in chat).`;
        const ticket = await this.deps.followUp.open({ conversation, kind: intent, orderNumber: order.number, description });
        lines.push(t.followUp(intent, ticket));
      }
    }
    state.answered += 1;
    this.deps.logger.info({ conversationId: conversation.id, intent }, 'order question answered');
    return say(lines.join('\n'));
  }

  private async lookup(number: string): Promise<Order | null | 'unavailable'> {
    try {
      return await this.deps.orders.find(number);
    } catch (err) {
      if (err instanceof DomainError && err.code === 'unavailable') {
        this.deps.logger.warn({ err: err.message }, 'order store unavailable');
        return 'unavailable';
      }
      throw err;
    }
  }

  private fresh(conversationId: string): OrderChatState {
    return {
      conversationId, orderNumber: null, intent: null, awaiting: null, failures: 0, verifiedNumber: null,
      questions: 0, answered: 0, handedOff: 0, updatedAt: this.deps.clock.now(),
    };
  }
}

export function sameOrder(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && canonicalOrderNumber(a) === canonicalOrderNumber(b);
}

function say(text: string): OrderTurn {
  const reply: BotReply = { kind: 'answer', text };
  return { kind: 'reply', replies: [reply] };
}
