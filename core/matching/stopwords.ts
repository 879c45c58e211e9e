// Words that carry no intent. Question words that separate intents (多久, 哪里, 几点, where, when, which) are kept.
const ZH = `的 了 吗 呢 吧 啊 呀 哦 嘛 么 啦 哈 嗯 呐 吖 喔 哇 诶 欸 我 你 您 他 她 它 我们 你们 他们 咱 咱们 俺 是 在 有 要 想
我要 我想 想要 请问 请 问 问一下 一下 下 这个 那个 这 那 这样 那样 就 都 也 和 跟 与 及 个 一个 能 能不能 可以 可不可以 会 会不会
不 不能 不会 没 没有 得 地 着 过 又 再 还是 一 你好 您好 亲 亲亲 谢谢 麻烦 麻烦你 帮 帮我 帮忙 在吗 呗 啥 嘛 咋 怎么 怎么样 怎样 如何 为什么
什么 现在 已经 那么 这么 怎么办 一直 到底 东西 我的 你家 你们家 今天 明天 昨天 刚刚 刚才 马上
还 但 但是 可是 而且 然后 因为 所以 如果 的话 不过 就是 其实 自己 不好意思 怎么弄 咋弄 咋办 怎么搞 弄 搞
这件 那件 这款 那款 这双 那双 这种 那种 前天 上周 上个月 最近 之前 以前 本来 刚 朋友 家里人 老公 老婆 孩子 我妈
把 给 被 让 说 对 从 向 往 一点 有点 过来 过去 起来 出来 下来 里 里面 上 看 看看 操作`;

const EN = `a an the i me my mine we us our you your yours it its is are was were be been being am do does did doing done to of in on
for at by with from and or but if so can could would should will shall may might must this that these those there here
please pls plz hi hello hey thanks thank thx just get got have has had not no yes ok okay im ive id dont cant doesnt didnt wont
isnt arent want wanted need needs like about up out u ur some any anything something let lets tell know also very really still
what how why does should shall ago yet already guys hasnt havent wasnt r take takes taking stuff`;

export const STOPWORDS: ReadonlySet<string> = new Set(
  [...ZH.split(/\s+/), ...EN.split(/\s+/)].filter((w) => w.length > 0),
);

/**
 * Words that name what is asked about rather than what is asked (衣服怎么退货 asks how to return). They still tell
 * two FAQs apart (衣服 vs 鞋子), so they stay words, but weigh little in a message.
 */
export const WEAK_WORDS: ReadonlySet<string> = new Set(['衣服', '商品', '产品', '宝贝', '货品']);
