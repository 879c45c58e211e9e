import { normalizeForMatch, normalizeText, toHalfWidth, toSimplified } from '../../core/matching/index.js';

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
});
