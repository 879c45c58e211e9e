// Words that carry no intent. Question words that separate intents (多久, 哪里, 几点, where, when, which) are kept.
const ZH = `的 了 吗 呢 吧 啊 呀 哦 嘛 么 啦 哈 嗯 呐 吖 喔 哇 诶 欸 我 你 您 他 她 它 我们 你们 他们 咱 咱们 俺 是 在 有 要 想
我要 我想 想要 请问 请 问 问一下 一下 下 这个 那个 这 那 这样 那样 就 都 也 和 跟 与 及 个 一个 能 能不能 可以 可不可以 会 会不会
不 不能 不会 没 没有 得 地 着 过 又 再 还是 一 你好 您好 亲 亲亲 谢谢 麻烦 麻烦你 帮 帮我 帮忙 在吗 呗 哪 啥 嘛 咋 怎么 怎么样 怎样 如何 为什么
什么 现在 已经 那么 这么 怎么办 一直 到底 东西 我的 你家 你们家 今天 明天 昨天 刚刚 刚才 马上`;

const EN = `a an the i me my mine we us our you your yours it its is are was were be been being am do does did doing done to of in on
for at by with from and or but if so can could would should will shall may might must this that these those there here
please pls plz hi hello hey thanks thank thx just get got have has had not no yes ok okay im ive id dont cant doesnt didnt wont
isnt arent want wanted need needs like about up out u ur some any anything something let lets tell know also very really still
what how why does should shall`;

export const STOPWORDS: ReadonlySet<string> = new Set(
  [...ZH.split(/\s+/), ...EN.split(/\s+/)].filter((w) => w.length > 0),
);
