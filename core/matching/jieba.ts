import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';

// Shop words the stock dictionary splits badly (7天无理由 → 天无 / 理由) or that synonyms rely on staying whole.
const SHOP_WORDS = ['无理由', '运费险', '退换货', '人工客服', '优惠券', '花呗', '价保', '保价', '换绑', '改绑',
  '收货地址', '快递单号', '物流单号', '到账', '补差价', '退差价', '发错', '漏发', '少发', '压坏', '冒领', '包邮', '专票', '开票', '换货', '不好意思'];

let instance: Jieba | undefined;
const known = new Set<string>();

/** The process-wide segmenter, built on first use (~150 ms, the dictionary is shared by every matcher). */
export function jieba(): Jieba {
  if (!instance) {
    // Read dict.txt ourselves: `@node-rs/jieba/dict` also loads and keeps the 6 MB IDF table, which we never use.
    instance = Jieba.withDict(readFileSync(createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt')));
    addWords(SHOP_WORDS);
  }
  return instance;
}

/** Teaches the segmenter words that must stay whole. Adding is global and idempotent. */
export function addWords(words: Iterable<string>): void {
  const fresh = [...words].filter((w) => w.length > 1 && !known.has(w));
  if (fresh.length === 0) return;
  for (const w of fresh) known.add(w);
  jieba().loadDict(Buffer.from(fresh.map((w) => `${w} 20000`).join('\n')));
}
