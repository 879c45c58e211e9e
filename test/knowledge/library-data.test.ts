import { readdirSync, readFileSync } from 'node:fs';
import { knowledgePath } from '../../knowledge/index.js';

// Structure checks on the shipped intent library, read with plain JSON.parse so they hold whatever the loader does.

interface Intent {
  id: string;
  title: { zh: string; en: string };
  phrasings: { zh: string[]; en?: string[] };
}
interface IntentFile {
  domain: string;
  intents: Intent[];
}

const DOMAINS = [
  'presale', 'product', 'order-payment', 'shipping', 'returns', 'exchanges', 'refunds', 'warranty', 'invoices',
  'promotions', 'membership', 'account-privacy', 'complaints', 'service', 'after-sales-misc',
];
const MIN_INTENTS = 300;
const MIN_WITH_ENGLISH = 120;
// The misses quoted in the issue come from an evaluation run; the library must not simply contain them.
const QUOTED_MISSES = [
  '能给我发顺丰吗', '我在拉萨能给我寄过来吗', '你们收不收云闪付', '公司报销需要专票', '裤子买大了能换小一码吗',
  '买的电吹风用了一周就不转了', '不知道选m还是l', '领的满减券怎么用', '床需要自己组装吗',
];

const squash = (s: string): string => s.normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '').toLowerCase();
const CJK = /\p{Script=Han}/u;

const dir = knowledgePath('library', 'intents');
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const library = files.map((f) => ({ file: f, data: JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')) as IntentFile }));
const intents = library.flatMap((l) => l.data.intents);
const phrasingsOf = (i: Intent): string[] => [...i.phrasings.zh, ...(i.phrasings.en ?? [])];

describe('intent library data', () => {
  it('has one file per known domain, named after it', () => {
    expect(files.map((f) => f.replace(/\.json$/, '')).sort()).toEqual([...DOMAINS].sort());
    for (const { file, data } of library) {
      expect(DOMAINS).toContain(data.domain);
      expect(file).toBe(`${data.domain}.json`);
      expect(data.intents.length).toBeGreaterThan(0);
    }
  });

  it(`ships at least ${MIN_INTENTS} intents with unique <domain>.<kebab-name> ids and both titles`, () => {
    expect(intents.length).toBeGreaterThanOrEqual(MIN_INTENTS);
    const badIds = library.flatMap(({ data }) => {
      const idPattern = new RegExp(`^${data.domain}\\.[a-z0-9]+(-[a-z0-9]+)*$`);
      return data.intents.filter((i) => !idPattern.test(i.id) || !i.title.zh.trim() || !i.title.en.trim()).map((i) => i.id);
    });
    expect(badIds).toEqual([]);
    const ids = intents.map((i) => i.id);
    expect(ids.filter((id, n) => ids.indexOf(id) !== n)).toEqual([]);
  });

  it('gives every intent at least 15 Chinese phrasings and, where it has English, at least 5', () => {
    const short = intents.filter((i) => i.phrasings.zh.length < 15 || (i.phrasings.en?.length ?? 5) < 5);
    expect(short.map((i) => i.id)).toEqual([]);
    expect(intents.filter((i) => (i.phrasings.en?.length ?? 0) >= 5).length).toBeGreaterThanOrEqual(MIN_WITH_ENGLISH);
  });

  it('has no empty, padded or wrongly scripted phrasings', () => {
    const bad = intents.flatMap((i) => [
      ...phrasingsOf(i).filter((p) => typeof p !== 'string' || p !== p.trim() || squash(p) === ''),
      ...(i.phrasings.en ?? []).filter((p) => CJK.test(p)),
    ].map((p) => `${i.id}: ${JSON.stringify(p)}`));
    expect(bad).toEqual([]);
  });

  it('never repeats a phrasing, within an intent or across intents (ignoring case, spaces and punctuation)', () => {
    const owner = new Map<string, string>();
    const repeats: string[] = [];
    for (const i of intents) {
      for (const p of phrasingsOf(i)) {
        const key = squash(p);
        if (owner.has(key)) repeats.push(`${p} (${owner.get(key)} / ${i.id})`);
        else owner.set(key, i.id);
      }
    }
    expect(repeats).toEqual([]);
  });

  it('writes as customers write: pinyin or abbreviations, mixed English and long messages all occur', () => {
    const zh = intents.flatMap((i) => i.phrasings.zh);
    const asciiOnly = zh.filter((p) => !CJK.test(p));
    const mixed = zh.filter((p) => CJK.test(p) && /[a-z]{2,}/i.test(p));
    const long = zh.filter((p) => [...p].length >= 25);
    expect(asciiOnly.length).toBeGreaterThanOrEqual(intents.length / 2);
    expect(mixed.length).toBeGreaterThanOrEqual(intents.length / 2);
    expect(long.length).toBeGreaterThanOrEqual(intents.length / 2);
  });

  it('does not contain the issue\'s quoted evaluation misses', () => {
    const all = new Set(intents.flatMap(phrasingsOf).map(squash));
    expect(QUOTED_MISSES.filter((q) => all.has(squash(q)))).toEqual([]);
  });
});
