import { detectHandoffTrigger } from '../../core/handoff/handoff-triggers.js';

describe('handoff triggers', () => {
  it.each([
    '转人工', '人工', '人工！', '人工客服', '请帮我转人工', '我要人工服务', '真人', '找客服', '客服在吗?', '客服在吗？', '有人吗', '人工，谢谢',
    'human', 'Human please', 'agent', 'real person', 'I want to talk to a human', 'can I speak with someone', 'connect me to a live agent',
    'ＨＵＭＡＮ',
  ])('hears a request for a person in %p', (text) => {
    expect(detectHandoffTrigger(text)).toBe('request');
  });

  it.each(['我要投诉', '给你们差评', '骗子', '打12315', '什么垃圾东西', 'This is a scam', 'worst service ever', 'I will file a complaint', 'WTF'])(
    'hears a complaint in %p',
    (text) => {
      expect(detectHandoffTrigger(text)).toBe('complaint');
    },
  );

  it.each([
    '怎么退货', '人工智能推荐的尺码准吗', '客服电话多少', '不用转人工了，谢谢', '不需要人工', '垃圾袋有卖吗', '买了垃圾桶', 'what does agent mean',
    'the secret agent movie', "I don't need a human", '', '   ', 'hello',
  ])('stays with the bot for %p', (text) => {
    expect(detectHandoffTrigger(text)).toBeNull();
  });
});
