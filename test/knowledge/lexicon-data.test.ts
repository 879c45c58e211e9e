import { readdirSync, readFileSync } from 'node:fs';
import { knowledgePath } from '../../knowledge/index.js';

// Structure and completeness checks on the domain lexicon, read with plain JSON.parse so they hold whatever the
// loader does.

interface Entry {
  term: string;
  synonyms: string[];
  isa: string[];
}
interface LexiconFile {
  kind: string;
  entries: Entry[];
}

const KINDS = [
  'courier', 'payment', 'region', 'category', 'size', 'colour', 'invoice', 'slang', 'promotion', 'service',
  'product-attr', 'english',
];
// Prefecture-level divisions per province (2024: 293 cities, 7 prefectures, 30 autonomous prefectures, 3 leagues).
const PREFECTURES: Record<string, number> = {
  河北: 11, 山西: 11, 内蒙古: 12, 辽宁: 14, 吉林: 9, 黑龙江: 13, 江苏: 13, 浙江: 11, 安徽: 16, 福建: 9, 江西: 11,
  山东: 16, 河南: 17, 湖北: 13, 湖南: 14, 广东: 21, 广西: 14, 海南: 4, 四川: 21, 贵州: 9, 云南: 16, 西藏: 7,
  陕西: 10, 甘肃: 14, 青海: 8, 宁夏: 5, 新疆: 14,
};
const OTHER_PROVINCIAL = ['北京', '天津', '上海', '重庆', '台湾', '香港', '澳门'];
const REMOTE = ['新疆', '西藏', '青海', '内蒙古', '甘肃', '宁夏'];

const norm = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
const dir = knowledgePath('lexicon');
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const lexicon = new Map(files.map((f) => {
  const data = JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')) as LexiconFile;
  return [data.kind, { file: f, data }] as const;
}));
const entriesOf = (kind: string): Entry[] => lexicon.get(kind)?.data.entries ?? [];

/** Every term reachable from `term` through is-a links, `term` excluded. */
function ancestors(kind: string, term: string): Set<string> {
  const byTerm = new Map(entriesOf(kind).map((e) => [e.term, e]));
  const seen = new Set<string>();
  const stack = [...(byTerm.get(term)?.isa ?? [])];
  while (stack.length > 0) {
    const t = stack.pop() as string;
    if (seen.has(t)) continue;
    seen.add(t);
    stack.push(...(byTerm.get(t)?.isa ?? []));
  }
  return seen;
}

describe('domain lexicon data', () => {
  it('has one file per kind, named after it, and at least 2,000 entries', () => {
    expect([...lexicon.keys()].sort()).toEqual([...KINDS].sort());
    for (const [kind, { file }] of lexicon) expect(file).toBe(`${kind}.json`);
    expect(KINDS.reduce((n, k) => n + entriesOf(k).length, 0)).toBeGreaterThanOrEqual(2000);
  });

  it('makes every entry a synonym group or an is-a link, with no empty or padded strings', () => {
    const bad = KINDS.flatMap((kind) => entriesOf(kind).filter((e) => {
      const strings = [e.term, ...e.synonyms, ...e.isa];
      const padded = strings.some((s) => typeof s !== 'string' || s !== s.trim() || s === '');
      return padded || e.synonyms.length + e.isa.length === 0 || e.isa.includes(e.term);
    }).map((e) => `${kind}: ${e.term}`));
    expect(bad).toEqual([]);
  });

  it('gives every surface form (term or synonym) one entry per kind, ignoring case', () => {
    const clashes: string[] = [];
    for (const kind of KINDS) {
      const owner = new Map<string, string>();
      for (const e of entriesOf(kind)) {
        for (const s of new Set([e.term, ...e.synonyms].map(norm))) {
          const first = owner.get(s);
          if (first !== undefined) clashes.push(`${kind}: ${s} (${first} / ${e.term})`);
          else owner.set(s, e.term);
        }
      }
      const terms = entriesOf(kind).map((e) => norm(e.term));
      expect(new Set(terms).size).toBe(terms.length);
    }
    expect(clashes).toEqual([]);
  });

  it('points every is-a link at an entry of the same kind, without cycles', () => {
    const dangling: string[] = [];
    const cycles: string[] = [];
    for (const kind of KINDS) {
      const terms = new Set(entriesOf(kind).map((e) => e.term));
      for (const e of entriesOf(kind)) {
        for (const t of e.isa) if (!terms.has(t)) dangling.push(`${kind}: ${e.term} -> ${t}`);
        if (ancestors(kind, e.term).has(e.term)) cycles.push(`${kind}: ${e.term}`);
      }
    }
    expect(dangling).toEqual([]);
    expect(cycles).toEqual([]);
  });

  it('lists all 34 provincial-level divisions and every prefecture-level division under its province', () => {
    const terms = new Set(entriesOf('region').map((e) => e.term));
    for (const p of [...Object.keys(PREFECTURES), ...OTHER_PROVINCIAL]) expect(terms).toContain(p);
    expect(Object.keys(PREFECTURES).length + OTHER_PROVINCIAL.length).toBe(34);
    expect(Object.values(PREFECTURES).reduce((a, b) => a + b, 0)).toBe(333);
    const short = Object.entries(PREFECTURES).filter(([province, count]) =>
      entriesOf('region').filter((e) => e.isa.includes(province)).length < count);
    expect(short).toEqual([]);
    expect([...ancestors('region', '朝阳市')]).toContain('辽宁');
    expect([...ancestors('region', '吉林市')]).toContain('吉林');
    expect([...ancestors('region', '海南州')]).toContain('青海');
  });

  it('classes regions the way shops do: remote regions, Hong Kong/Macau/Taiwan, overseas', () => {
    for (const p of REMOTE) expect([p, ancestors('region', p).has('偏远地区')]).toEqual([p, true]);
    for (const p of ['香港', '澳门', '台湾']) expect([p, ancestors('region', p).has('港澳台')]).toEqual([p, true]);
    expect(ancestors('region', '拉萨')).toEqual(new Set(['西藏', '西南', '中国大陆', '偏远地区']));
    expect(ancestors('region', '杭州').has('偏远地区')).toBe(false);
    const roots = ['中国大陆', '港澳台', '海外', '偏远地区'];
    const countries = entriesOf('region').filter((e) => ancestors('region', e.term).has('海外'));
    expect(countries.length).toBeGreaterThanOrEqual(60);
    const homeless = entriesOf('region').filter((e) => !roots.includes(e.term)
      && !['中国大陆', '港澳台', '海外'].some((r) => ancestors('region', e.term).has(r)));
    expect(homeless.map((e) => e.term)).toEqual([]);
  });

  it('roots every product category in 商品 and knows the parents customers rely on', () => {
    const orphans = entriesOf('category').filter((e) => e.term !== '商品' && !ancestors('category', e.term).has('商品'));
    expect(orphans.map((e) => e.term)).toEqual([]);
    expect([...ancestors('category', '电吹风')]).toEqual(expect.arrayContaining(['小家电', '家电']));
    expect([...ancestors('category', '面霜')]).toEqual(expect.arrayContaining(['护肤品', '美妆']));
    for (const t of ['衣柜', '床', '沙发', '书桌']) expect([t, ancestors('category', t).has('家具')]).toEqual([t, true]);
  });

  it('carries the couriers, payment methods and invoice kinds of Chinese e-commerce', () => {
    const find = (kind: string, term: string): Entry | undefined => entriesOf(kind).find((e) => e.term === term);
    expect(find('courier', '顺丰')?.synonyms).toEqual(expect.arrayContaining(['sf', '顺丰速运']));
    for (const c of ['中通', '圆通', '申通', '韵达', '极兔', '邮政', '京东快递', '德邦']) {
      expect([c, ancestors('courier', c).has('快递公司')]).toEqual([c, true]);
    }
    for (const p of ['云闪付', '支付宝', '微信支付', '花呗', '信用卡', '数字人民币']) {
      expect([p, ancestors('payment', p).has('支付方式')]).toEqual([p, true]);
    }
    expect(find('invoice', '专票')?.synonyms).toContain('增值税专用发票');
    expect(find('invoice', '普票')?.synonyms).toContain('增值税普通发票');
    expect(find('slang', '七天无理由')?.synonyms).toContain('7天无理由');
    expect(find('promotion', '价保')?.synonyms).toContain('保价');
    expect(find('english', 'refund')?.synonyms).toContain('退款');
  });
});
