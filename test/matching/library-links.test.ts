import { IntentLibrary, Matcher, proposeLinks, withLinkedPhrasings } from '../../core/matching/index.js';
import type { FaqInput } from '../../core/types.js';
import { loadBuiltinSynonyms, loadLexicon, loadLibrary } from '../../knowledge/index.js';

// A new store's own entries, two phrasings each.
const entries: FaqInput[] = [
  { id: 'ship-when', question: '下单后多久发货？', alternates: ['几天内发货'], answer: '48 小时内。' },
  { id: 'courier', question: '发什么快递？', alternates: ['默认哪家快递'], answer: '中通，可补差价发顺丰。' },
  { id: 'special-vat', question: '能开增值税专用发票吗？', alternates: ['可以开专票吗'], answer: '可以。' },
  { id: 'hours', question: '客服几点上班？', alternates: ['客服工作时间'], answer: '9:00–22:00。' },
];

describe('linking store entries to the intent library', () => {
  const options = { synonyms: loadBuiltinSynonyms(), lexicon: loadLexicon() };
  const library = IntentLibrary.build(loadLibrary(), options);
  const links = proposeLinks(entries, library);

  it('proposes the library intent each entry means, with its score', () => {
    const byFaq = new Map(links.map((l) => [l.faqId, l]));
    expect(byFaq.get('ship-when')).toMatchObject({ intentId: 'shipping.dispatch-time', status: 'proposed' });
    expect(byFaq.get('courier')).toMatchObject({ intentId: 'shipping.choose-courier' });
    expect(byFaq.get('special-vat')).toMatchObject({ intentId: 'invoices.vat-special' });
    for (const l of links) expect(l.score).toBeGreaterThanOrEqual(0.8);
    expect(new Set(links.map((l) => l.intentId)).size).toBe(links.length);
  });

  it('lets a linked intent phrasing match its entry, marked as coming from the library', () => {
    const linked = Matcher.build(withLinkedPhrasings(entries, links, library), options);
    const plain = Matcher.build(entries, options);
    const [top] = linked.rank('今天拍的今天能发不').ranked;
    expect(top).toMatchObject({ faqId: 'ship-when', viaLibrary: true });
    expect(top?.score ?? 0).toBeGreaterThan(plain.rank('今天拍的今天能发不').ranked.find((m) => m.faqId === 'ship-when')?.score ?? 0);
  });

  it("keeps the store's own wording ahead: its phrasing scores as before and is not marked", () => {
    const linked = Matcher.build(withLinkedPhrasings(entries, links, library), options);
    const plain = Matcher.build(entries, options);
    expect(linked.rank('发什么快递').ranked[0]).toEqual(plain.rank('发什么快递').ranked[0]);
  });

  it('drops a rejected link and keeps decided links as they were', () => {
    const rejected = links.map((l) => (l.faqId === 'ship-when' ? { ...l, status: 'rejected' as const } : l));
    const again = proposeLinks(entries, library, rejected.filter((l) => l.status === 'rejected'));
    expect(again.filter((l) => l.faqId === 'ship-when')).toEqual(rejected.filter((l) => l.faqId === 'ship-when'));
    const matcher = Matcher.build(withLinkedPhrasings(entries, again, library), options);
    expect(matcher.rank('今天拍的今天能发不').ranked.some((m) => m.viaLibrary && m.faqId === 'ship-when')).toBe(false);
  });
});
