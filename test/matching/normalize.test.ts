import { normalizeForMatch, normalizeText, toHalfWidth, toSimplified } from '../../core/matching/index.js';
import { clausesForMatch } from '../../core/matching/normalize.js';

describe('normalization', () => {
  it('turns full-width letters, digits and spaces into ASCII', () => {
    expect(toHalfWidth('ＶＩＰ　７天')).toBe('VIP 7天');
    expect(normalizeForMatch('ｒｅｆｕｎｄ？')).toBe('refund');
  });

  it('converts traditional Chinese to simplified', () => {
    expect(toSimplified('退貨要怎麼辦')).toBe('退货要怎么办');
    expect(normalizeForMatch('發票怎麼開？')).toBe('发票怎么开');
  });

  it('leaves text without Chinese alone', () => {
    expect(toSimplified('Where is my parcel?')).toBe('Where is my parcel?');
  });

  it('lower-cases and collapses whitespace but keeps punctuation in normalizeText', () => {
    expect(normalizeText('  Hello\n\tWORLD!  ')).toBe('hello world!');
  });

  it('strips emoji, punctuation and apostrophes for matching', () => {
    expect(normalizeForMatch('退款😭😭！！怎么还没到👍🏻')).toBe('退款 怎么还没到');
    expect(normalizeForMatch("What's your   return policy?!")).toBe('whats your return policy');
    expect(normalizeForMatch('🙏🙏')).toBe('');
  });

  it('writes Chinese day counts with digits so 七天 and 7天 agree', () => {
    expect(normalizeForMatch('七天无理由')).toBe(normalizeForMatch('7天无理由'));
  });

  it('converts text whose only traditional form sits inside a phrase, and leaves simplified text as it is', () => {
    expect(toSimplified('一目瞭然')).toBe('一目了然');
    expect(toSimplified('怎么退货，发票呢')).toBe('怎么退货，发票呢');
  });

  it('splits a message into clauses at sentence punctuation and at spaces between Chinese words', () => {
    expect(clausesForMatch('你好，我的快递 还没到！单价3.5元, 共1,000件\nthanks. ok')).toEqual(['你好', '我的快递', '还没到', '单价3 5元', '共1 000件', 'thanks', 'ok']);
    expect(clausesForMatch('？？？')).toEqual([]);
  });
});
