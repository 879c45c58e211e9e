import type { FaqInput } from '../core/types.js';

const PRODUCTS_ZH = ['保温杯', '蓝牙耳机', '电饭煲', '跑步鞋', '羽绒服', '空气净化器', '电动牙刷', '吹风机', '行李箱', '台灯', '扫地机器人',
  '咖啡机', '榨汁机', '智能手表', '婴儿推车', '瑜伽垫', '电热水壶', '加湿器', '登山包', '机械键盘'];
const PARTS_ZH = ['滤网', '电池', '充电器', '拉链', '内胆', '刷头', '表带', '轮子', '开关', '指示灯', '底座', '密封圈'];
const ACTIONS_ZH = ['清洗', '更换', '安装', '拆下来', '保养', '调节', '重置', '检查'];
const MODELS = ['A1', 'B2', 'C3', 'X5', 'Pro', 'Max', 'Mini', 'S7'];
const PRODUCTS_EN = ['kettle', 'headphones', 'rice cooker', 'running shoes', 'air purifier', 'toothbrush', 'hair dryer', 'suitcase',
  'desk lamp', 'coffee machine', 'smart watch', 'humidifier'];
const PARTS_EN = ['filter', 'battery', 'charger', 'zipper', 'lid', 'brush head', 'strap', 'wheels', 'power button', 'seal ring'];
const ACTIONS_EN = ['clean', 'replace', 'install', 'remove', 'reset', 'adjust'];

/** Deterministic product-support FAQs ("A1型号的保温杯的密封圈怎么清洗"), distinct from each other and from the built-ins. */
export function syntheticFaqs(count: number): FaqInput[] {
  const out: FaqInput[] = [];
  const pick = (list: readonly string[], n: number): string => list[n % list.length] ?? '';
  for (let i = 0, zh = 0, en = 0; out.length < count; i++) {
    // Mixed-radix counters walk product × part × action without repeating a combination.
    if (i % 4 === 3) {
      const [product, part, action] = [pick(PRODUCTS_EN, en), pick(PARTS_EN, Math.floor(en / 12)), pick(ACTIONS_EN, Math.floor(en / 120))];
      const model = pick(MODELS, en * 3);
      out.push({
        id: `en-syn-${en}`,
        question: `How do I ${action} the ${part} of the ${model} ${product}?`,
        alternates: [`${model} ${product} ${part} ${action}`, `Can I ${action} the ${part} on my ${product} ${model} myself?`],
        answer: `To ${action} the ${part} of the ${model} ${product}, follow section ${en % 9} of the manual.`,
      });
      en++;
    } else {
      const [product, part, action] = [pick(PRODUCTS_ZH, zh), pick(PARTS_ZH, Math.floor(zh / 20)), pick(ACTIONS_ZH, Math.floor(zh / 240))];
      const model = pick(MODELS, zh * 7);
      out.push({
        id: `zh-syn-${zh}`,
        question: `${model}型号的${product}的${part}怎么${action}？`,
        alternates: [`${product}${model}的${part}要怎么${action}`, `${part}${action}方法（${product} ${model}）`],
        answer: `${model}型号${product}的${part}${action}步骤请参见说明书第 ${zh % 9} 章。`,
      });
      zh++;
    }
  }
  const questions = new Set(out.map((e) => e.question));
  if (questions.size !== out.length) throw new Error('synthetic FAQ questions are not distinct');
  return out;
}
