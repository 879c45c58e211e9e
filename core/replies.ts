import type { Lang } from './types.js';

/** Fixed texts the bot says; overridable from configuration so a store can use its own voice. */
export interface BotTexts {
  greeting: string;
  thanks: string;
  goodbye: string;
  choicesIntro: string;
  fallback: string;
  unreadable: string;
  /** The answer to /help (and to /ticket where tickets are off): what the customer can ask for. */
  help: string;
  /** The customer asked for a person where no one takes chats. */
  noAgents: string;
}

export const DEFAULT_BOT_TEXTS: Record<Lang, BotTexts> = {
  zh: {
    greeting: '您好！我是智能客服，请问有什么可以帮您？',
    thanks: '不客气！还有其他问题随时问我。',
    goodbye: '感谢您的咨询，祝您购物愉快，再见！',
    choicesIntro: '您想问的是下面哪个问题？请回复数字选择：',
    fallback: '抱歉，这个问题我暂时没有找到准确答案。您可以换个说法再问一次，或回复「人工」转接人工客服。',
    unreadable: '抱歉，我暂时无法识别图片、语音或文件。请用文字描述您的问题，或回复「人工」联系人工客服。',
    help: '直接输入您的问题即可，我会尽力解答。\n/human 转人工客服\n/ticket 查询或登记工单\n/help 查看本帮助',
    noAgents: '抱歉，目前没有人工客服在线服务。请直接描述您的问题，我会尽力解答。',
  },
  en: {
    greeting: "Hi! I'm the store's assistant. How can I help you?",
    thanks: "You're welcome! Ask me anything else any time.",
    goodbye: 'Thanks for contacting us. Have a great day!',
    choicesIntro: 'Which of these did you mean? Reply with a number:',
    fallback: 'Sorry, I could not find a reliable answer to that. You can rephrase it, or reply "human" to talk to a person.',
    unreadable: 'Sorry, I cannot read images, voice or files yet. Please describe your question in words, or reply "human" to talk to a person.',
    help: 'Just type your question and I will do my best to answer it.\n/human talk to a person\n/ticket check or open a ticket\n/help show this help',
    noAgents: 'Sorry, no one is taking chats here. Please describe your question and I will do my best to answer it.',
  },
};

/** "1", "２", "①", "第2个", "#3" → 1-based index; anything else → null. */
export function parseChoiceNumber(text: string): number | null {
  const t = text.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  const circled = '①②③④⑤⑥⑦⑧⑨'.indexOf(t);
  if (t.length === 1 && circled >= 0) return circled + 1;
  const m = /^(?:#|第)?\s*([1-9])\s*(?:个|条|項|项)?[.。!！]?$/.exec(t);
  return m ? Number(m[1]) : null;
}
