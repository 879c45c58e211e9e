import type { HandoffReason, Lang } from '../types.js';

/** What the customer is told while a conversation passes between the bot and people. */
export interface HandoffTexts {
  queued(reason: HandoffReason, position: number): string;
  position(position: number): string;
  /** `reply`: the promise for left messages (service-promise.ts), already formatted for the customer. */
  afterHours(hours: string, back: string | null, reply: { within: string; by: string } | null): string;
  /** Queued, and the bot could not answer: an agent will. */
  passedOn(position: number): string;
  /** Outside service hours, and the bot could not answer: the message waits for people. */
  keptForLater(back: string | null): string;
  assigned(agentName: string): string;
  transferred(agentName: string): string;
  closed: string;
}

const ZH_OPENERS: Record<HandoffReason, string> = {
  request: '好的，正在为您转接人工客服。',
  fallbacks: '抱歉这个问题我没能帮到您，正在为您转接人工客服。',
  complaint: '非常抱歉给您带来不好的体验，正在为您转接人工客服。',
  order_check: '抱歉，暂时无法核实订单信息，正在为您转接人工客服。',
};
const EN_OPENERS: Record<HandoffReason, string> = {
  request: 'Sure, connecting you to a person.',
  fallbacks: 'Sorry I could not help with that; connecting you to a person.',
  complaint: 'We are very sorry about your experience; connecting you to a person.',
  order_check: 'I could not verify the order; connecting you to a person.',
};

export const DEFAULT_HANDOFF_TEXTS: Record<Lang, HandoffTexts> = {
  zh: {
    queued: (reason, n) => `${ZH_OPENERS[reason]}您目前排在第 ${n} 位，请稍候，您发送的消息客服都能看到。`,
    position: (n) => `您目前排在第 ${n} 位，请稍候。`,
    afterHours: (hours, back, reply) =>
      `现在是非人工服务时间（服务时间：${hours}）。${back ? `人工客服将于${back}上线，` : ''}您的留言已记录，` +
      (reply ? `我们会在 ${reply.within}内（${reply.by} 前）回复您。` : '客服上线后会第一时间回复您。'),
    passedOn: (n) => `这个问题我暂时回答不了，人工客服接入后会为您解答。您目前排在第 ${n} 位，其他问题也可以继续问我。`,
    keptForLater: (back) =>
      `这个问题我暂时回答不了，已为您记录，人工客服${back ? `${back}上线后` : '上线后'}会回复您。其他问题也可以继续问我，回复「人工」可随时查看人工客服状态。`,
    assigned: (name) => `人工客服「${name}」为您服务，请问有什么可以帮您？`,
    transferred: (name) => `已为您转接给客服「${name}」，请稍候。`,
    closed: '人工客服已结束本次服务，感谢您的耐心。如还有问题可以直接问我（智能客服），或回复「人工」再次联系人工客服。',
  },
  en: {
    queued: (reason, n) => `${EN_OPENERS[reason]} You are number ${n} in the queue; an agent will see everything you write here.`,
    position: (n) => `You are now number ${n} in the queue. Thanks for waiting.`,
    afterHours: (hours, back, reply) =>
      `Our agents are away right now (service hours: ${hours}).${back ? ` They are back ${back}.` : ''} Your message has been kept` +
      (reply ? ` and we will reply within ${reply.within} (by ${reply.by}).` : ' and an agent will reply as soon as they are back.'),
    passedOn: (n) => `I cannot answer that one myself; an agent will when they join. You are number ${n} in the queue, and you can keep asking me other questions meanwhile.`,
    keptForLater: (back) =>
      `I cannot answer that one myself; it has been kept for our agents, who will reply ${back ? `when they are back ${back}` : 'when they are back'}. You can keep asking me other questions, or reply "human" at any time to check on a person.`,
    assigned: (name) => `${name} from our team is here to help you.`,
    transferred: (name) => `You have been transferred to ${name}. One moment please.`,
    closed: 'The agent has closed this conversation. Thank you! Ask me (the bot) anything else, or reply "human" to reach a person again.',
  },
};
