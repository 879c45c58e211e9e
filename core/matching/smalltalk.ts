import { normalizeForMatch } from './normalize.js';

export type SmalltalkKind = 'greeting' | 'thanks' | 'goodbye';

const PHRASES: Record<SmalltalkKind, string[]> = {
  greeting: ['你好', '您好', '你好呀', '哈喽', '哈罗', '嗨', '在吗', '在么', '在不在', '有人吗', '有人在吗', '有没有人', '早上好', '上午好',
    '中午好', '下午好', '晚上好', '早安', '早', '客服', '亲', '亲亲', '老板', '掌柜', '喂', 'hi', 'hello', 'hey', 'hiya', 'yo', 'howdy',
    'good morning', 'good afternoon', 'good evening', 'anyone there', 'is anyone there', 'anybody there', 'are you there',
    // Asking who answers: the greeting says so ("I'm the store's assistant"); matched as words, "who" alone hit "Who pays…".
    'who are you', 'who r u', 'what are you', 'who is this', 'who am i talking to', 'who am i speaking to', 'are you a bot', 'are you a robot'],
  thanks: ['谢谢', '多谢', '谢了', '谢啦', '感谢', '非常感谢', '谢谢你', '辛苦了', '麻烦了', '好的', '好滴', '好嘞', '好吧', '好', '行', '嗯', '嗯嗯',
    '哦', '哦哦', '知道了', '明白了', '明白', '了解', '懂了', '收到', '没问题', '太好了', '可以了', 'thanks', 'thank you', 'thx', 'ty',
    'many thanks', 'cheers', 'great', 'cool', 'ok', 'okay', 'got it', 'perfect', 'awesome', 'nice', 'alright', 'sure', 'appreciate it',
    'much appreciated'],
  goodbye: ['再见', '拜拜', '拜', '88', '886', '回头见', '没事了', '没有了', '没别的了', '就这些', '先这样', 'bye', 'bye bye', 'goodbye',
    'see you', 'see ya', 'cya', 'thats all', 'nothing else', 'have a nice day', 'have a good day'],
};
const FILLER = /^(?:[啊呀哦呢吧啦嘛哈呵了的哇]|so much|so|very|much|a lot|you|again|[\s])/u;

const phrases = (Object.entries(PHRASES) as [SmalltalkKind, string[]][])
  .flatMap(([kind, list]) => list.map((text) => ({ kind, text })))
  .sort((a, b) => b.text.length - a.text.length);

/** Small talk is a message made only of greetings, thanks, acknowledgements and goodbyes; `你好，怎么退货` is not. */
export function detectSmalltalk(text: string): SmalltalkKind | undefined {
  return smalltalkOfNormalized(normalizeForMatch(text));
}

/** `detectSmalltalk` on text already passed through `normalizeForMatch`. */
export function smalltalkOfNormalized(normalized: string): SmalltalkKind | undefined {
  let rest = normalized;
  if (rest === '') return undefined;
  const kinds = new Set<SmalltalkKind>();
  while (rest !== '') {
    const filler = FILLER.exec(rest);
    if (filler && kinds.size > 0) {
      rest = rest.slice(filler[0].length);
      continue;
    }
    const hit = phrases.find((p) => rest.startsWith(p.text) && !/^[a-z0-9]/.test(rest.slice(p.text.length)));
    if (!hit) return undefined;
    kinds.add(hit.kind);
    rest = rest.slice(hit.text.length).trimStart();
  }
  if (kinds.has('goodbye')) return 'goodbye';
  return kinds.has('thanks') ? 'thanks' : 'greeting';
}
