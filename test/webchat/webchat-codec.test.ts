import { decode, encode } from '../../bots/webchat/webchat-codec.js';

describe('web chat decode', () => {
  const ctx = { conversationId: 'c1', visitorId: 'v1', receivedAt: new Date('2025-01-01T00:00:00Z') };

  it('makes a command event from a button press, its text only a label', () => {
    expect(decode({ command: 'human', text: '转人工' }, ctx)).toMatchObject({ type: 'command', command: 'human', label: '转人工' });
  });

  it('makes a text event keyed by conversation and client message id', () => {
    expect(decode({ text: '怎么退货', clientMessageId: 'm1' }, ctx)).toEqual({
      type: 'text', channel: 'webchat', sender: { externalId: 'v1' }, conversationId: 'c1',
      channelMessageId: 'c1:m1', text: '怎么退货', receivedAt: ctx.receivedAt,
    });
  });

  it('leaves channelMessageId out when the client gave none', () => {
    expect(decode({ text: 'hi' }, ctx)).not.toHaveProperty('channelMessageId');
  });
});

describe('web chat encode', () => {
  it('encodes bot answers, agent texts and choices for the widget', () => {
    expect(encode({ type: 'text', kind: 'answer', text: 'A', faqId: 'f1' }, { text: 'A' })).toEqual({ author: 'bot', kind: 'answer', text: 'A', faqId: 'f1' });
    expect(encode({ type: 'text', kind: 'agent', text: 'Hi, I am Li' }, { text: 'Hi, I am Li' })).toEqual({ author: 'agent', kind: 'text', text: 'Hi, I am Li' });
    const choices = [{ faqId: 'f1', question: 'Q1' }, { faqId: 'f2', question: 'Q2' }];
    expect(encode({ type: 'choices', text: 'Which?', choices }, { text: 'Which?', buttons: choices })).toEqual({ author: 'bot', kind: 'choices', text: 'Which?', choices });
  });
});
