/**
 * Pinyin-input typos: customers pick a same-sounding character (退获, 发祸, 包油, 优惠卷, 定单).
 * Each group maps to its first character, on both the index and the query side, so the mapping is
 * symmetric and harmless for text without typos. Groups hold the characters of common shop words and
 * leave out very frequent function characters (由, 还, 几, 吗) whose merging would blur meaning.
 */
const GROUPS = [
  '货获祸或伙活惑霍',
  '退推腿褪',
  '款宽',
  '票漂飘瓢',
  '运云允孕',
  '邮油游尤',
  '券卷劝',
  '账帐胀',
  '订定',
  '快块筷',
  '费废飞肥',
  '换唤焕患',
  '密蜜',
  '诉素塑',
  '址纸',
  '寄既继',
];

const CANON = new Map<string, string>();
for (const group of GROUPS) {
  const [head] = group;
  for (const ch of group) if (head) CANON.set(ch, head);
}

/** True for a character that stands for another one of its group (获 for 货); false for group heads. */
export function isHomophoneVariant(ch: string): boolean {
  const head = CANON.get(ch);
  return head !== undefined && head !== ch;
}

export function canonicalHomophones(text: string): string {
  let i = 0;
  for (const ch of text) {
    if (isHomophoneVariant(ch)) break;
    i += ch.length;
  }
  if (i === text.length) return text;
  let out = text.slice(0, i);
  for (const ch of text.slice(i)) out += CANON.get(ch) ?? ch;
  return out;
}
