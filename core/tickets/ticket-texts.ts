import type { Lang } from '../types.js';
import type { TicketStatus, TicketType } from './ticket-types.js';

/** What customers read about their tickets and surveys; overridable like the bot's own texts. */
export interface TicketTexts {
  created(number: string): string;
  status: Record<TicketStatus, string>;
  types: Record<TicketType, string>;
  /** One ticket: "T-… (投诉): 处理中, 预计 … 前回复". `due` is already formatted for the customer. */
  line(number: string, type: string, status: string, due: string | null): string;
  noTickets: string;
  /** /ticket with nothing said yet to put in a ticket. */
  describeFirst: string;
  notFound(number: string): string;
  surveyTicket(number: string): string;
  surveyConversation(agent: string | null): string;
  askComment(score: number): string;
  thanks: string;
}

export const DEFAULT_TICKET_TEXTS: Record<Lang, TicketTexts> = {
  zh: {
    created: (n) => `已为您登记工单 ${n}，我们会尽快跟进。随时回复「我的工单」可查询进度。`,
    status: { new: '已受理，等待处理', open: '处理中', pending_customer: '等待您的回复', resolved: '已解决', closed: '已关闭' },
    types: { inquiry: '咨询', complaint: '投诉', return_exchange: '退换货', logistics: '物流', suggestion: '建议', other: '其他' },
    line: (n, type, status, due) => `工单 ${n}（${type}）：${status}${due ? `，预计 ${due} 前给您答复` : ''}。`,
    noTickets: '您目前没有工单。如需人工帮助，请回复「人工」。',
    describeFirst: '您目前没有进行中的工单。请先简单描述您的问题，再发送 /ticket，我们会为您登记工单。',
    notFound: (n) => `没有找到您名下的工单 ${n}，请核对工单号。`,
    surveyTicket: (n) => `您好，您的工单 ${n} 已处理完毕。请为我们的服务打分：回复 1-5 的数字（5 = 非常满意，1 = 非常不满意）。`,
    surveyConversation: (agent) => `感谢您的咨询！请为${agent ? `客服 ${agent} ` : '本次'}的服务打分：回复 1-5 的数字（5 = 非常满意，1 = 非常不满意）。`,
    askComment: (s) => `感谢您的评分（${s} 分）！还有什么想告诉我们的吗？直接回复即可，或回复「跳过」。`,
    thanks: '感谢您的反馈，我们会继续改进！',
  },
  en: {
    created: (n) => `We have opened ticket ${n} for you and will follow up soon. Reply "my ticket" any time to check on it.`,
    status: { new: 'received, waiting to be handled', open: 'being handled', pending_customer: 'waiting for your reply', resolved: 'resolved', closed: 'closed' },
    types: { inquiry: 'inquiry', complaint: 'complaint', return_exchange: 'return/exchange', logistics: 'delivery', suggestion: 'suggestion', other: 'other' },
    line: (n, type, status, due) => `Ticket ${n} (${type}): ${status}${due ? `; we will get back to you by ${due}` : ''}.`,
    noTickets: 'You have no tickets with us. Reply "human" to talk to a person.',
    describeFirst: 'You have no open tickets. Describe your problem first, then send /ticket again and we will open one for you.',
    notFound: (n) => `We could not find a ticket ${n} of yours; please check the number.`,
    surveyTicket: (n) => `Your ticket ${n} has been resolved. How did we do? Reply with a number from 1 to 5 (5 = very satisfied, 1 = very dissatisfied).`,
    surveyConversation: (agent) => `Thanks for contacting us! How was ${agent ? `${agent}'s` : 'our'} service? Reply with a number from 1 to 5 (5 = very satisfied, 1 = very dissatisfied).`,
    askComment: (s) => `Thanks for your rating (${s}/5)! Anything else you would like to tell us? Just reply, or say "skip".`,
    thanks: 'Thank you for your feedback!',
  },
};

const DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5 };

/** "5", "５", "4分", "五星", "3 stars" → the score; anything else → null. */
export function parseScore(text: string): number | null {
  const t = text.normalize('NFKC').trim().toLowerCase();
  const m = /^([1-5]|[一二两三四五])\s*(分|星|颗星|stars?|points?|\/\s*5)?\s*[.。!！]?$/.exec(t);
  if (!m?.[1]) return null;
  return DIGITS[m[1]] ?? Number(m[1]);
}

export const isSkip = (text: string): boolean => /^(跳过|不用了?|没有了?|无|算了|skip|no|nope|nothing|no thanks?)[.。!！]?$/i.test(text.trim());

/** "我的工单", "工单进度", "查工单", "my ticket", "ticket status". */
export const asksForTickets = (text: string): boolean =>
  /我的工单|工单(进度|状态|处理|怎么样|到哪)|查(询|看|一下)?(我的)?工单/.test(text) ||
  /\bmy\s+(support\s+)?tickets?\b|\bticket\s+(status|progress)\b|\bstatus\s+of\s+my\s+ticket\b/i.test(text);
