import { lexiconFileSchema, libraryFileSchema, loadLexicon, loadLibrary } from '../../knowledge/index.js';

describe('domain knowledge loader', () => {
  it('loads every lexicon entry with its kind and every library intent with its domain', () => {
    const lexicon = loadLexicon();
    expect(lexicon.length).toBeGreaterThanOrEqual(2000);
    expect(new Set(lexicon.map((e) => e.kind))).toContain('courier');
    expect(lexicon.find((e) => e.term === '拉萨')).toMatchObject({ kind: 'region', isa: ['西藏'] });
    const library = loadLibrary();
    expect(library.length).toBeGreaterThanOrEqual(300);
    expect(library.every((i) => i.id.startsWith(`${i.domain}.`) && i.phrasings.zh.length >= 15)).toBe(true);
    expect(library.every((i) => Array.isArray(i.phrasings.en))).toBe(true);
  });

  it('refuses malformed files with the place of the problem', () => {
    const entry = lexiconFileSchema.safeParse({ kind: 'courier', entries: [{ term: '顺丰', synonyms: [], isa: [] }] });
    expect(entry.success).toBe(false);
    expect(entry.error?.issues[0]?.message).toMatch(/synonyms or an is-a link/);
    const blank = lexiconFileSchema.safeParse({ kind: 'courier', entries: [{ term: ' ', synonyms: ['sf'], isa: [] }] });
    expect(blank.error?.issues[0]?.path).toEqual(['entries', 0, 'term']);
    const intent = libraryFileSchema.safeParse({ domain: 'shipping', intents: [{ id: 'Shipping courier', title: { zh: '快递', en: 'courier' }, phrasings: { zh: ['发什么快递'] } }] });
    expect(intent.error?.issues[0]?.path).toEqual(['intents', 0, 'id']);
  });
});
