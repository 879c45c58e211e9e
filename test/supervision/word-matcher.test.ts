import { WordMatcher } from '../../core/supervision/word-matcher.js';
import { DEFAULT_WORD_LIST, wordListSchema, type SensitiveWord } from '../../core/supervision/word-list.js';

const matcher = new WordMatcher(DEFAULT_WORD_LIST);
const terms = (text: string, author: 'agent' | 'customer' = 'agent') => matcher.find(text, author).map((h) => h.term);

describe('sensitive word matching', () => {
  it('finds the insult in the reply the issue quotes, and refuses it', () => {
    const hits = matcher.find('你自己不会看订单页吗？笨蛋', 'agent');
    expect(hits.map((h) => [h.term, h.action])).toEqual([['笨蛋', 'block'], ['你自己不会看', 'warn']]);
  });

  it('sees through full-width letters, traditional characters and gaps between characters', () => {
    expect(terms('ＳＢ')).toEqual(['傻逼']);
    expect(terms('這是白癡')).toEqual(['白痴']);
    expect(terms('笨 蛋')).toEqual(['笨蛋']);
    expect(terms('笨*蛋')).toEqual(['笨蛋']);
    expect(terms('傻\u3000逼')).toEqual(['傻逼']);
    expect(terms('s.b')).toEqual(['傻逼']);
    expect(terms('Ｆ*ck off')).toEqual(['fuck']);
  });

  it('catches a term written in pinyin, and homophones where the entry asks for them', () => {
    expect(terms('你就是个bendan')).toEqual(['笨蛋']);
    expect(terms('ben dan')).toEqual(['笨蛋']);
    expect(terms('你是沙比吗')).toEqual(['傻逼']);
  });

  it('leaves innocent words alone: a term inside a longer Latin word, a homophone of a term without sound matching', () => {
    expect(terms('usb接口坏了')).toEqual([]);
    expect(terms('stupidity is not a word we use')).toEqual([]);
    expect(terms('本单已发货，请注意查收')).toEqual([]);
    expect(terms('您好，请问有什么可以帮您？')).toEqual([]);
  });

  it('checks customers only against entries for customers: abuse, not an agent-only phrase', () => {
    expect(terms('你们客服都是白痴', 'customer')).toEqual(['白痴']);
    expect(terms('保证退款吗', 'customer')).toEqual([]);
    expect(terms('保证退款', 'agent')).toEqual(['保证退款']);
  });

  it('takes an admin list: a custom entry blocks, and an empty list finds nothing', () => {
    const list: SensitiveWord[] = wordListSchema.parse([{ term: '差评', action: 'block' }]);
    expect(new WordMatcher(list).find('别给差 评', 'agent').map((h) => h.action)).toEqual(['block']);
    expect(new WordMatcher([]).find('笨蛋', 'agent')).toEqual([]);
  });

  it('refuses a list with the same term twice or an unknown action', () => {
    expect(wordListSchema.safeParse([{ term: '笨蛋', action: 'block' }, { term: ' 笨蛋', action: 'warn' }]).success).toBe(false);
    expect(wordListSchema.safeParse([{ term: '笨蛋', action: 'ban' }]).success).toBe(false);
  });
});
