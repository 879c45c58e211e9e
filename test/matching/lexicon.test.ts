import { Matcher } from '../../core/matching/index.js';
import type { FaqInput } from '../../core/types.js';
import { loadLexicon } from '../../knowledge/index.js';

// A small store KB in its own words; the customer messages share no content word with the entry they mean.
const entries: FaqInput[] = [
  { id: 'courier', question: '发什么快递？', alternates: ['用哪家快递发货'], answer: '默认中通。' },
  { id: 'remote', question: '偏远地区能发货吗？', alternates: ['偏远地区包邮吗'], answer: '可以，需补运费。' },
  { id: 'pay', question: '支持哪些付款方式？', alternates: ['可以用什么支付'], answer: '支付宝、微信、银行卡。' },
  { id: 'install', question: '家具需要自己安装吗？', alternates: ['家具包安装吗'], answer: '同城免费上门安装。' },
  { id: 'invoice', question: '可以开增值税专用发票吗？', alternates: [], answer: '可以，请提供税号。' },
];

describe('domain lexicon in the matcher', () => {
  const lexicon = loadLexicon();
  const withLexicon = Matcher.build(entries, { lexicon });
  const without = Matcher.build(entries);
  const first = (m: Matcher, text: string): string | undefined => m.rank(text).ranked[0]?.faqId;
  const score = (m: Matcher, text: string, id: string): number => m.rank(text).ranked.find((x) => x.faqId === id)?.score ?? 0;

  it.each([
    ['韵达可以吗', 'courier'],
    ['乌鲁木齐送得到不', 'remote'],
    ['收不收云闪付', 'pay'],
    ['衣柜送货上门装不装', 'install'],
    ['专票能开不', 'invoice'],
  ])('reaches the entry through is-a links and synonyms: %s → %s', (text, id) => {
    expect(first(withLexicon, text)).toBe(id);
    expect(score(withLexicon, text, id)).toBeGreaterThan(score(without, text, id));
  });

  it('shows the implied word it matched on', () => {
    expect(withLexicon.rank('韵达可以吗').ranked[0]?.matchedTerms).toContain('快递');
  });

  it('leaves a message with no lexicon word scored as before', () => {
    expect(withLexicon.rank('发什么快递').ranked).toEqual(without.rank('发什么快递').ranked);
  });
});
