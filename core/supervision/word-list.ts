import { z } from 'zod';

/** block: the agent's reply is refused; warn: it is sent and flagged for QA review. */
export const WORD_ACTIONS = ['block', 'warn'] as const;
export type WordAction = (typeof WORD_ACTIONS)[number];
export const WORD_CATEGORIES = ['insult', 'attitude', 'promise', 'other'] as const;
export type WordCategory = (typeof WORD_CATEGORIES)[number];
/** Whose messages an entry checks: agents' replies, customers' messages (abuse, flagged for supervisors), or both. */
export const WORD_SCOPES = ['agent', 'customer', 'both'] as const;
export type WordScope = (typeof WORD_SCOPES)[number];

export interface SensitiveWord {
  term: string;
  action: WordAction;
  category: WordCategory;
  scope: WordScope;
  /** Other spellings that mean the term: abbreviations ("sb"), look-alikes ("傻b"). */
  variants: string[];
  /** Also catch characters that sound the same (煞笔 for 傻逼); only for terms with no innocent homophone. */
  sound: boolean;
}

export interface WordList {
  words: SensitiveWord[];
  version: number;
}

export const sensitiveWordSchema = z.object({
  term: z.string().trim().min(1).max(40),
  action: z.enum(WORD_ACTIONS),
  category: z.enum(WORD_CATEGORIES).default('other'),
  scope: z.enum(WORD_SCOPES).default('agent'),
  variants: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
  sound: z.boolean().default(false),
}).strict();

export const wordListSchema = z.array(sensitiveWordSchema).max(2000).superRefine((words, ctx) => {
  const seen = new Set<string>();
  words.forEach((w, i) => {
    const key = w.term.normalize('NFKC').toLowerCase();
    if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i, 'term'], message: `"${w.term}" is listed twice` });
    seen.add(key);
  });
});

type Entry = [term: string, variants?: string[], sound?: boolean];
const entries = (action: WordAction, category: WordCategory, scope: WordScope, list: Entry[]): SensitiveWord[] =>
  list.map(([term, variants = [], sound = false]) => ({ term, action, category, scope, variants, sound }));

/** What a store starts with until an admin edits the list: insults are refused, rudeness and promises flagged. */
export const DEFAULT_WORD_LIST: SensitiveWord[] = [
  ...entries('block', 'insult', 'both', [
    ['笨蛋'], ['傻逼', ['sb', '傻b', '傻x', '煞笔'], true], ['白痴'], ['蠢货'], ['蠢猪'], ['脑残'], ['弱智'], ['废物'],
    ['神经病'], ['混蛋'], ['滚蛋'], ['去死'], ['他妈的', ['tmd', '特么'], true], ['你妈', ['nmd', '尼玛'], true],
    ['王八蛋'], ['贱人'], ['idiot'], ['stupid'], ['moron'], ['fuck', ['f*ck', 'fck']], ['shut up'], ['dumbass'],
  ]),
  ...entries('warn', 'attitude', 'agent', [
    ['你自己不会看'], ['自己去看'], ['爱买不买'], ['不关我的事'], ['跟我没关系'], ['你听不懂吗'], ['说了多少遍'],
    ['没办法就是没办法'], ['随便你'], ['read it yourself'], ['not my problem'],
  ]),
  ...entries('warn', 'promise', 'agent', [
    ['保证退款'], ['百分之百', ['100%']], ['绝对没问题'], ['一定赔偿'], ['全额赔偿'], ['假一赔十'], ['肯定明天到'],
    ['guaranteed refund'], ['100% guaranteed'],
  ]),
];
