import { loadBuiltinFaqs, loadBuiltinSynonyms, loadEvalSet } from '../../knowledge/index.js';

const squash = (s: string): string => s.replace(/[\s\p{P}]/gu, '').toLowerCase();

describe('built-in knowledge base', () => {
  const faqs = loadBuiltinFaqs();
  const ids = new Set(faqs.map((f) => f.id));

  it('has at least 45 Chinese and 12 English entries with language-tagged kebab-case ids', () => {
    expect(faqs.filter((f) => f.id.startsWith('zh-')).length).toBeGreaterThanOrEqual(45);
    expect(faqs.filter((f) => f.id.startsWith('en-')).length).toBeGreaterThanOrEqual(12);
    for (const f of faqs) expect(f.id).toMatch(/^(zh|en)-[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('gives every entry 2–5 alternates, a category and tags', () => {
    for (const f of faqs) {
      expect(f.alternates?.length).toBeGreaterThanOrEqual(2);
      expect(f.alternates?.length).toBeLessThanOrEqual(5);
      expect(f.category).toBeTruthy();
      expect(f.tags?.length).toBeGreaterThan(0);
    }
  });

  it('states the store policies: hours, 24 h replies, escalation, recording, confidentiality', () => {
    const text = faqs.map((f) => f.answer).join('\n');
    for (const fact of ['9:00–18:00', '24 小时', '主管', '存档', '保密', 'within 24 hours', 'supervisor', 'confidential']) {
      expect(text).toContain(fact);
    }
  });

  it('ships at least 25 synonym groups in both languages', () => {
    const groups = loadBuiltinSynonyms();
    expect(groups.length).toBeGreaterThanOrEqual(25);
    expect(groups.some((g) => g.some((t) => /^[a-z ]+$/.test(t)))).toBe(true);
  });

  it.each(['dev', 'test', 'holdout-2'] as const)('%s set labels only existing FAQs and does not copy the KB wording', (name) => {
    const items = loadEvalSet(name);
    const kbTexts = new Set(faqs.flatMap((f) => [f.question, ...(f.alternates ?? [])]).map(squash));
    for (const { q, expect: id } of items) {
      if (id !== null) expect(ids).toContain(id);
      expect(kbTexts.has(squash(q))).toBe(false);
    }
  });

  it('keeps the held-out test set apart from the dev set, with enough items of each kind', () => {
    const dev = loadEvalSet('dev');
    const test = loadEvalSet('test');
    expect(dev.length).toBeGreaterThanOrEqual(170);
    expect(dev.filter((i) => i.expect === null).length).toBeGreaterThanOrEqual(25);
    expect(test.length).toBeGreaterThanOrEqual(40);
    const devTexts = new Set(dev.map((i) => squash(i.q)));
    expect(test.filter((i) => devTexts.has(squash(i.q)))).toEqual([]);
  });

  it('keeps the second held-out set apart from both, with at least 200 items and 50 out of scope', () => {
    const holdout = loadEvalSet('holdout-2');
    expect(holdout.length).toBeGreaterThanOrEqual(200);
    expect(holdout.filter((i) => i.expect === null).length).toBeGreaterThanOrEqual(50);
    const seen = new Set([...loadEvalSet('dev'), ...loadEvalSet('test')].map((i) => squash(i.q)));
    expect(holdout.filter((i) => seen.has(squash(i.q)))).toEqual([]);
  });
});
