import type { OrderIntent } from './order-types.js';

/**
 * What order question a message asks, by rules over `orderText` output (homophones already mapped to one character:
 * 定→订, 获→货, 宽→款…). Each intent needs its topic word and a cue of the customer's own case; a policy question
 * that shares the words (怎么取消订单, 下单后多久发货, 退款多久到账) is left to the FAQ unless it is about "my" order.
 * Tuned on the intent library and the FAQ dev set only (bench/orders/).
 */
interface Rule {
  intent: OrderIntent;
  /** Matches the question itself. */
  asks: RegExp;
  /** When set and matched, the question is a general one unless the message is about the customer's own order. */
  general?: RegExp;
  /** Another need that shares the words (被自动取消, 换货地址, 退款被拒): never this intent. */
  not?: RegExp;
}

const HOW_TO = /(怎么|如何|怎样|咋|在哪里?|哪里|哪儿)(?!还|没|回事|一直|样了|不|才|这么|搞|弄的)|\bhow (do|can|to|does|long|soon)\b|\bcan i\b|\bis it possible\b|\bdo you\b|多久|多长时间|几天|一般|会不会|影响/;
const OWN = /订单号|显示|我的|我买|我下|我拍|我那|我这|帮我|给我|帮忙|麻烦|我刚|我昨|我前|我上|我今|我都|我等|我订|我急|俺|单号|尾号|\bmy\b|\bmine\b|\bi ordered\b|\bi bought\b|\bi placed\b|\bme\b/;

const RULES: Rule[] = [
  {
    intent: 'refund_status',
    asks: /退款.{0,6}(进度|到哪|怎么样|处理|审核|状态|还没|没到|没收到|到账了|退了|退没退|到了吗|呢|通过|查|一直|没动静)|(我的|帮我看?一?下|查一?下).{0,3}退款|钱.{0,4}(还没|怎么还|没)(退|到|收到)|我的钱呢|退款.{0,4}(什么时候|啥时候|几时|多久).{0,3}(到|退)|\brefund\b.{0,20}\b(status|progress|processed|approved|pending|yet|received|stuck)\b|\bmy refund\b|\bwhere.{0,12}\brefund\b|\bmoney back\b.{0,12}\b(yet|still)\b|\brefunded\b.{0,30}\b(not|havent|didnt|never)\b|退款.{0,8}(没动静|没人|不处理|没回复|显示|成功.{0,8}没|完成.{0,8}没)|(没收到|没看到|没到|找不到).{0,4}(退款|钱)|钱退到哪|退哪去|说退了|不退|拖着|石沉大海|(商家|你们).{0,6}(不处理|不同意|拖)|待商家处理|\brefund\b.{0,30}\b(marked|successful|completed|unchanged|havent|didnt|respond)\b|\bno refund\b|退款.{0,6}找不到|一分钱都没|不同意也不拒绝|没人同意/,
    general: HOW_TO,
    not: /积分|优惠券|红包|(被|已|为什么).{0,3}(拒绝|驳回)|拒绝了|\brejected\b|\bdeclined\b/,
  },
  {
    intent: 'invoice',
    asks: /(发票|开票).{0,8}(开了|开好|没开|还没|没收到|寄了|寄出|进度|什么时候|啥时候|几时|多久|到了|呢|收到|找不到|没看到|没有|在哪|开没开|寄丢|单号|开出来|着急|急用)|(没收到|(?<!有)没有|没看到|找不到|漏).{0,6}发票|\binvoice\b.{0,30}\b(issued|yet|received|sent|when|where|missing|status|still|ready|urgent)\b|\b(when|where|missing|didnt|havent|not received|no)\b.{0,30}\binvoice\b|(发票|开票).{0,3}(多久能开|开具|开出)|(什么时候|啥时候|几时)开(发)?票|\binvoic(e|ing)\b.{0,20}\b(take|urgent|urgently|long|tracking|find)\b|发票.{0,6}(急|着急)/,
    general: /怎么开|如何开|(?<!多久)能开|可以开|开不开|在哪下载|在哪里下载|要加钱|是正规|抬头|税号|专票|专用发票|纸质发票能|有没有发票|有发票吗|\bcan (i|you) (get|issue|have)\b|\bdo you (provide|issue)\b/,
  },
  {
    intent: 'cancel',
    asks: /取消|撤销|撤单|关闭订单|不要了|不想要了|退单|后悔|\bcancel(led)?\b/,
    not: /退货|退回|账号|帐号|会员|续费|订阅|被.{0,4}取消|自动取消|怎么(就)?取消了|为什么.{0,4}取消|\b(was|got|been) cancelled\b|\bsubscription\b|\bmembership\b|退款申请|退货申请/,
    general: /(怎么|如何|怎样|在哪).{0,3}取消|取消.{0,6}(影响|会不会|多久|钱|流程)|\bhow (do|can) i cancel\b|\bcan i cancel\b.{0,20}\b(before|after)\b/,
  },
  {
    intent: 'change_address',
    asks: /(改|修改|更改|换|更换|变更|填错|写错|错了|不对|少写|漏写|写成).{0,8}(地址|收货人|收件人|门牌|小区|驿站|电话|手机号|号码)|(地址|电话|手机号|号码|收件人|收货人|名字|姓名|门牌|小区).{0,6}(写错|错了|打错|有误|改|换|少打|写措|写成|停机|不对)|地址.{0,6}(填错|写错|错了|不对|改|换|更新|搬家)|搬家了|\b(change|update|wrong|correct|modify|edit)\b.{0,20}\b(address|recipient)\b|\baddress\b.{0,20}\b(wrong|change|update|incorrect)\b|\bsend it to\b|\b(phone|contact) number\b.{0,20}\b(wrong|change|update)\b|\b(wrong|change|update)\b.{0,20}\b(phone|contact) number\b|\b(change|update)\b.{0,20}\b(receiver|recipient)\b|\baddress\b.{0,6}(写错|错了|改)|\bapartment\b|\btyped\b.{0,15}\bwrong\b|改成.{0,8}(名字|姓名)/,
    general: /(怎么|如何|怎样|在哪).{0,3}(改|修改|更改)|收货地址管理|地址簿|\bhow (do|can) i (change|update)\b/,
    not: /换货|换的|换回|\bexchange\b|绑定|注册|账号|帐号|登录/,
  },
  {
    intent: 'ship_time',
    asks: /(还没|怎么还不|还不|没|未|不)发货|(催|快点|赶紧|尽快).{0,4}发|发货(了吗|没|呢|了没)|发了(吗|没)|(什么时候|啥时候|几时|哪天|多会).{0,4}(发货|发出|给我发|能发|发啊|发呢)|待发货|漏发|(没|不)发\b|\b(ship|send|dispatch)\b.{0,15}\b(my|yet)\b|\b(shipped|dispatched|sent)\b.{0,15}\b(yet|still)\b|\bnot (been )?(shipped|dispatched|sent)\b|\bwhen will\b.{0,20}\b(ship|shipped|dispatched|send)\b|还不发|还没发(?!票)|不发货|发不发|快发货|今天.{0,3}发出|单.{0,3}漏了|\bawaiting shipment\b|\bhasnt (been )?(shipped|dispatched|sent)\b|\bwhy hasnt\b/,
    general: HOW_TO,
    not: /换成|改成|退款|退钱|\brefund\b|换的|换货|\bexchange\b|预售/,
  },
  {
    intent: 'track',
    asks: /(快递|物流|包裹|件|东西|(?<!收|退)货|单子|订单).{0,6}(到哪|在哪(?!点|里点|提交|申请|操作|填|下载|看|查)|哪了|走到|到了吗|到没|不更新|没更新|没动|不动|停了|停在|停滞|卡|什么时候到|啥时候到|多久到|几天到|还没到|怎么还没|送到|没信息)|(什么时候|啥时候|几时).{0,3}(能)?到我|没动了|物流停|单号.{0,4}(查不到|没有|呢|发我|多少)|(没有|没给).{0,3}单号|^(物流|快递|包裹)(呢|信息)?$|(物流|快递|包裹|单号).{0,8}(断了|死了|不走|没变化|一样|无信息|查不到|假的|错了|不对|不符)|(物流|快递|包裹|件).{0,6}卡在|卡在(中转|分拨|转运)|一直在运输|(中转站|分拨中心).{0,6}(不动|没动|好几天|停)|没信息了|没单号|(运)?单号在哪|\bstuck\b|\b(status|tracking|it)\b.{0,10}\bhasnt changed\b|\bno updates?\b|(查|看).{0,3}(物流|快递|包裹)|物流(信息|进度|状态|到)|\bwhere\b.{0,20}\b(parcel|package|order|delivery|shipment|stuff|item)\b|\btrack(ing)?\b|\b(parcel|package|delivery|shipment)\b.{0,20}\b(status|where|arrive|stuck|yet|now)\b|\bhasnt arrived\b|\bnot arrived\b|(?<!寄)到哪(了|里了|儿|啦)/,
    general: /(怎么|如何|怎样|在哪里?|哪里).{0,2}(查|看)(物流|快递)?|物流信息怎么看|(多久|几天|多长时间)(能到|到)|\bhow (do|can) i track\b|\bhow long\b/,
    not: /拦截|截住|单号.{0,4}填|\bintercept\b|退货|寄回|退回|换的|换货|\bexchange\b|\breturn\b|维修|返修|确认收货|发票|\binvoice\b/,
  },
  {
    intent: 'status',
    asks: /(订单|单子|我的单|这单|那单|这个单|那个单).{0,8}(状态|怎么样|咋样|情况|进度|处理|啥情况|什么情况|到哪一步|有没有问题|呢|成功)|(查|看|找).{0,4}(订单|单子|我的单|一下单)|下单成功了吗|订单处理|\border\b.{0,20}\b(status|processing|happening|look ?up|check|confirmed|went through)\b|\b(check|look up|status of)\b.{0,20}\border\b|(订单|单子|下单).{0,8}(什么进度|啥进度|进度)|(帮|麻烦).{0,3}(看看|看下|查查|查下|核对)|有我的单|确认一下我的订单|收到我的订单|下单成.{0,2}(了|没)|\bhappening with\b.{0,10}\border\b|\bdid (my|you receive my) order\b|\bconfirm\b.{0,15}\border\b|(拍了|拍好了|已拍|下单了|买了.{0,3}).{0,8}(看到|查收|确认|看下|看一下)|没收到.{0,4}(通知|确认(短信|邮件|信息))|买没买上|付款成功了吗|\bdid you (receive|get) my order\b|\bjust ordered\b|\bconfirmation (email|message|sms|text)\b|\bpayment\b.{0,10}\b(successful|go through|went through)\b/,
    general: /(怎么|如何|怎样|在哪里?|哪里).{0,3}(查|看)(订单|我的订单)?|订单号在哪|\bwhere can i (see|find)\b/,
    not: /扣(了|款|钱)|付款|支付|退货|退款|换货|维修|发票/,
  },
];

export function orderIntentOf(text: string, hasNumber: boolean): OrderIntent | null {
  const own = hasNumber || OWN.test(text);
  for (const rule of RULES) {
    if (!rule.asks.test(text)) continue;
    if (rule.not?.test(text)) continue;
    if (rule.general && !own && rule.general.test(text)) return null;
    return rule.intent;
  }
  return null;
}
