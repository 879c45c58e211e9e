/** Spotting, in one customer message, a wish to talk to a person or a complaint. Pure and cheap: runs on every message. */

export type HandoffTrigger = 'request' | 'complaint';

const REQUEST_ZH = [
  '转人工', '人工客服', '人工服务', '人工坐席', '人工在吗', '找人工', '接人工', '要人工', '叫人工', '换人工', '转接人工',
  '真人客服', '找真人', '要真人', '找客服', '联系客服', '要客服', '叫客服', '客服在吗', '客服在不在', '客服呢', '有人吗', '有没有人',
  '有人在吗', '找个人', '找个真人',
];
/** Whole messages (after punctuation and filler words are stripped) that mean "a person, please". */
const REQUEST_ALONE = new Set(['人工', '真人', '客服', '人工客服', 'human', 'agent', 'person', 'operator', 'representative', 'a human', 'an agent', 'real person', 'human agent', 'live agent']);
const REQUEST_EN = [
  /\b(talk|speak|chat)\s+(to|with)\s+(a|an|the|some)?\s*(real\s+|live\s+|human\s+)?(human|person|agent|representative|rep|someone|somebody|operator|staff)\b/,
  /\b(real|live)\s+(person|human|agent)\b/,
  /\bhuman\s+(agent|being|support|help)\b/,
  /\b(connect|transfer|put)\s+me\s+(to|through|with)\b/,
  /\bcustomer\s+(service|support)\s+(rep|representative|agent)\b/,
];
const NEGATED = /(不要|不用|不需要|无需|别)(转|找|接)?(人工|真人|客服)|\b(don'?t|do not|no need to)\s+(need|want|talk|speak|transfer)\b/;

const COMPLAINT_ZH = [
  '投诉', '差评', '骗子', '骗人', '欺骗', '诈骗', '12315', '消协', '消费者协会', '工商局', '市场监管', '举报', '曝光你们', '起诉', '报警',
  '律师', '坑人', '坑爹', '黑店', '黑心', '气死', '太差了', '太烂了', '烂透了', '什么破', '破玩意', '恶心', '无语死了', '垃圾',
];
/** Everyday goods whose names contain a complaint word. */
const COMPLAINT_EXCEPTIONS = /垃圾(袋|桶|箱|篓|分类|处理|清理)/g;
const COMPLAINT_EN = [
  /\bcomplain(t|ts|ing|ed)?\b/, /\bscam(s|mer|mers|med)?\b/, /\bfraud\b/, /\brip[- ]?off\b/, /\bripped\s+off\b/, /\bsue\b/, /\blawyer\b/,
  /\b(terrible|awful|horrible|worst|disgusting|unacceptable|pathetic)\b/, /\bfurious\b/, /\bangry\b/, /\bwtf\b/, /\bf+u+c+k/, /\bbullshit\b/,
  /\breport\s+you\b/, /\bchargeback\b/,
];

function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Punctuation, emoji and polite filler words removed, to compare short messages whole. */
function bare(text: string): string {
  return text
    .replace(/[\p{P}\p{S}]/gu, ' ')
    .replace(/请|麻烦|谢谢|你好|您好|我要|我想|给我|帮我|一下|吧|呢|啊|呀|哈|吗/g, ' ')
    .replace(/\b(please|pls|plz|thanks|thank you|hi|hello|i want|i need|an?)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function detectHandoffTrigger(text: string): HandoffTrigger | null {
  const t = normalize(text);
  if (!t) return null;
  const withoutGoods = t.replace(COMPLAINT_EXCEPTIONS, ' ');
  if (COMPLAINT_ZH.some((w) => withoutGoods.includes(w)) || COMPLAINT_EN.some((re) => re.test(t))) return 'complaint';
  if (NEGATED.test(t)) return null;
  if (REQUEST_ZH.some((w) => t.includes(w)) || REQUEST_EN.some((re) => re.test(t))) return 'request';
  return REQUEST_ALONE.has(bare(t)) ? 'request' : null;
}
