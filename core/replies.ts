import type { Lang } from './types.js';

/** Fixed texts the bot says; overridable from configuration so a store can use its own voice. */
export interface BotTexts {
  greeting: string;
  thanks: string;
  goodbye: string;
  choicesIntro: string;
  fallback: string;
  unreadable: string;
}

export const DEFAULT_BOT_TEXTS: Record<Lang, BotTexts> = {
  zh: {
    greeting: '您好！我是智能客服，请问有什么可以帮您？',
    thanks: '不客气！还有其他问题随时问我。',
    goodbye: '感谢您的咨询，祝您购物愉快，再见！',
    choicesIntro: '您想问的是下面哪个问题？请回复数字选择：',
    fallback: '抱歉，这个问题我暂时没有找到准确答案。您可以换个说法再问一次，或回复「人工」转接人工客服。',
    unreadable: '抱歉，我暂时无法识别图片、语音或文件。请用文字描述您的问题，或回复「人工」联系人工客服。',
  },
  en: {
    greeting: "Hi! I'm the store's assistant. How can I help you?",
    thanks: "You're welcome! Ask me anything else any time.",
    goodbye: 'Thanks for contacting us. Have a great day!',
    choicesIntro: 'Which of these did you mean? Reply with a number:',
    fallback: 'Sorry, I could not find a reliable answer to that. You can rephrase it, or reply "human" to talk to a person.',
    unreadable: 'Sorry, I cannot read images, voice or files yet. Please describe your question in words, or reply "human" to talk to a person.',
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
