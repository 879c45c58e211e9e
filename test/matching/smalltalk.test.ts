import { detectSmalltalk } from '../../core/matching/index.js';

describe('small talk', () => {
  it.each([
    ['你好', 'greeting'],
    ['在吗？', 'greeting'],
    ['您好，在不在', 'greeting'],
    ['hi', 'greeting'],
    ['Hello!', 'greeting'],
    ['谢谢', 'thanks'],
    ['好的谢谢', 'thanks'],
    ['thanks a lot', 'thanks'],
    ['Thank you so much!!', 'thanks'],
    ['ok', 'thanks'],
    ['拜拜', 'goodbye'],
    ['谢谢，再见', 'goodbye'],
    ['bye', 'goodbye'],
    ['who are you', 'greeting'],
    ['Who are you?', 'greeting'],
    ['hi, who am I talking to?', 'greeting'],
    ['are you a bot', 'greeting'],
  ])('%s → %s', (text, kind) => {
    expect(detectSmalltalk(text)).toBe(kind);
  });

  it.each(['你好，怎么退货', 'hi, where is my parcel', 'who pays for return shipping', 'who are you shipping with', '好评返现吗', 'his order is late', '谢谢，发票怎么开', '人工', ''])(
    '%s is not small talk',
    (text) => {
      expect(detectSmalltalk(text)).toBeUndefined();
    },
  );
});
