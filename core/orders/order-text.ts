import { canonicalHomophones } from '../matching/homophones.js';
import { normalizeForMatch } from '../matching/normalize.js';
import { editDistance } from '../matching/spelling.js';

/** Typos that pinyin input makes in the words order questions hinge on (beyond the matcher's homophone groups). */
const HAN_TYPOS: Array<[RegExp, string]> = [
  [/快底|快第|快弟/g, '快递'], [/地扯|地止|地趾/g, '地址'], [/取晓|取销|去消/g, '取消'], [/物留|无流|物刘/g, '物流'],
  [/包过|包果/g, '包裹'], [/发漂/g, '发票'], [/进杜|进渡/g, '进度'], [/状太|壮态/g, '状态'],
];

/** Chat shorthand and pinyin for the same words. */
const SHORTHAND: Array<[RegExp, string]> = [
  [/\bkd\b/g, '快递'], [/\bwuliu\b/g, '物流'], [/\btk\b/g, '退款'], [/\btuikuan\b/g, '退款'], [/\bfp\b/g, '发票'], [/\bfapiao\b/g, '发票'],
  [/\bfahuo\b/g, '发货'], [/\bdingdan\b/g, '订单'], [/\bquxiao\b/g, '取消'], [/\bdizhi\b/g, '地址'], [/\bkuaidi\b/g, '快递'],
  [/\bbaoguo\b/g, '包裹'], [/\bjindu\b/g, '进度'], [/\bkaipiao\b/g, '开票'], [/\bcui\b/g, '催'], [/\bchaxun\b/g, '查询'], [/\bgai\b/g, '改'], [/\bchenggong\b/g, '成功'], [/\bmei ?shoudao\b/g, '没收到'], [/\bshijian\b/g, '时间'], [/\bxiugai\b/g, '修改'], [/\bdianhua\b/g, '电话'],
  [/\bxiadan\b/g, '下单'], [/\bmei ?ren\b/g, '没人'], [/\bchuli\b/g, '处理'], [/\bbu ?dong\b/g, '不动'], [/\bdanhao\b/g, '单号'],
];

/** English words the rules look for; a word one or two edits away (by length) is read as the word. */
const ENGLISH = [
  'where', 'parcel', 'package', 'order', 'orders', 'tracking', 'track', 'delivery', 'delivered', 'refund', 'refunded', 'invoice',
  'receipt', 'cancel', 'cancelled', 'address', 'shipped', 'shipping', 'ship', 'status', 'dispatched', 'shipment', 'arrive', 'arrived',
  'received', 'change', 'update', 'wrong', 'money', 'issued', 'processed', 'pending', 'approved', 'yet', 'when', 'still',
  'receiver', 'recipient', 'number', 'phone', 'confirm', 'confirmation', 'payment', 'email', 'urgent', 'urgently', 'stuck', 'sorting',
  'center', 'changed', 'pickup', 'processing', 'typed', 'apartment', 'updates', 'ordered', 'contact', 'stock', 'store', 'return', 'returned', 'stack', 'recover',
];

function correctWord(word: string): string {
  if (word.length < 4 || ENGLISH.includes(word)) return word;
  const max = word.length >= 9 ? 2 : 1;
  let best: string | null = null;
  let bestDistance = max + 1;
  for (const known of ENGLISH) {
    const d = editDistance(word, known, max);
    if (d < bestDistance) [best, bestDistance] = [known, d];
  }
  return best ?? word;
}

/** A message as the order rules read it: normalized, typos and shorthand mended, digits kept. */
export function orderText(text: string): string {
  let t = canonicalHomophones(normalizeForMatch(text));
  for (const [typo, word] of HAN_TYPOS) t = t.replace(typo, word);
  for (const [short, word] of SHORTHAND) t = t.replace(short, word);
  return t.replace(/[a-z]+/g, correctWord);
}
