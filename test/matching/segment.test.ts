import { detectLang, segment } from '../../core/matching/index.js';

const words = (text: string): string[] => segment(text).map((p) => p.surface);

describe('language detection', () => {
  it('is zh when the text has any Chinese character, en otherwise', () => {
    expect(detectLang('怎么退货')).toBe('zh');
    expect(detectLang('我想return这个')).toBe('zh');
    expect(detectLang('where is my parcel')).toBe('en');
    expect(detectLang('12345')).toBe('en');
  });
});

describe('segmentation', () => {
  it('keeps shop words such as 发货 and 退货 whole', () => {
    expect(words('什么时候发货')).toContain('发货');
    expect(words('我想退货')).toContain('退货');
    expect(words('能不能7天无理由退货')).toEqual(expect.arrayContaining(['无理由', '退货']));
  });

  it('splits mixed Chinese and English text and stems the English words', () => {
    const pieces = segment('我想return这个 shipping');
    expect(pieces.map((p) => p.surface)).toEqual(expect.arrayContaining(['我', '想', 'return', '这个', 'shipping']));
    expect(pieces.find((p) => p.surface === 'shipping')?.key).toBe('ship');
    expect(pieces.find((p) => p.surface === 'return')?.han).toBe(false);
  });

  it('stems English inflections to one key', () => {
    const keys = (text: string): string[] => segment(text).map((p) => p.key);
    expect(keys('refunds refunded refunding')).toEqual(['refund', 'refund', 'refund']);
  });
});
