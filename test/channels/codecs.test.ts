// The pure halves of the adapters: platform payload → InboundEvent, OutboundMessage → wire format.
import { types } from 'wechaty';
import { decode as decodeBot } from '../../bots/botframework/decode.js';
import { encode as encodeBot } from '../../bots/botframework/encode.js';
import { activitySchema } from '../../bots/botframework/schema.js';
import { render, splitText } from '../../bots/render.js';
import { WECHAT_CAPABILITIES } from '../../bots/wechat/channel.js';
import { decode as decodeTelegram } from '../../bots/telegram/decode.js';
import { encode as encodeTelegram } from '../../bots/telegram/encode.js';
import { telegramUpdateSchema } from '../../bots/telegram/schema.js';
import { decode as decodeWechat } from '../../bots/wechat/decode.js';
import { encode as encodeWechat } from '../../bots/wechat/encode.js';

const at = new Date('2030-01-01T00:00:00Z');
const from = { id: 42, is_bot: false, first_name: '小', last_name: '明' };
const tg = (message: Record<string, unknown>, updateId = 1) =>
  decodeTelegram(telegramUpdateSchema.parse({ update_id: updateId, message: { message_id: 9, chat: { id: -100, type: 'group' }, from, ...message } }), { botId: '777', receivedAt: at });

describe('Telegram decode/encode', () => {
  it('turns /human, /start, /ticket and /help (also addressed to the bot) into commands, in the sender’s language', () => {
    expect(tg({ text: '/human@KefuBot' })).toMatchObject({ kind: 'event', event: { type: 'command', command: 'human', label: '/human@KefuBot' } });
    expect(tg({ text: '/start', from: { ...from, language_code: 'en-GB' } })).toMatchObject({ kind: 'event', event: { type: 'command', command: 'start', lang: 'en' } });
    expect(tg({ text: '/ticket 123' })).toMatchObject({ kind: 'event', event: { type: 'command', command: 'ticket' } });
    expect(tg({ text: '/HELP' })).toMatchObject({ kind: 'event', event: { type: 'command', command: 'help' } });
    expect(tg({ text: '/unknown' })).toMatchObject({ kind: 'event', event: { type: 'text', text: '/unknown' } });
    expect(tg({ text: '转人工' })).toMatchObject({ kind: 'event', event: { type: 'text', text: '转人工' } });
  });

  it('keys updates by bot and update id, and replies to the chat, not the user', () => {
    const decoded = tg({ text: 'hi' }, 31);
    expect(decoded).toMatchObject({ kind: 'event', event: { channelMessageId: '777:31', channelRef: '{"chatId":-100}', sender: { externalId: '42' } } });
  });

  it('records stickers, voice and documents as attachments and anything else as unsupported', () => {
    expect(tg({ sticker: { file_id: 'CAAD' } })).toMatchObject({ event: { type: 'attachment', attachment: { kind: 'sticker', channelFileId: 'CAAD' } } });
    expect(tg({ voice: { file_id: 'AwAD' } })).toMatchObject({ event: { type: 'attachment', attachment: { kind: 'voice', channelFileId: 'AwAD' } } });
    expect(tg({ document: { file_id: 'BQAD', file_name: '发票.pdf' }, caption: '看看' })).toMatchObject({
      event: { type: 'attachment', attachment: { kind: 'file', channelFileId: 'BQAD', name: '发票.pdf' }, caption: '看看' },
    });
    expect(tg({ location: { latitude: 1, longitude: 2 } })).toMatchObject({ event: { type: 'unsupported' } });
  });

  it('sends a FAQ id too long for callback data as the choice number, which core resolves', () => {
    const long = 'x'.repeat(80);
    const part = encodeTelegram({ text: '哪个？', buttons: [{ faqId: 'short', question: 'A' }, { faqId: long, question: 'B' }] });
    expect(part?.reply_markup?.inline_keyboard).toEqual([[{ text: '1. A', callback_data: 'c:short' }], [{ text: '2. B', callback_data: 'n:2' }]]);
    const update = telegramUpdateSchema.parse({ update_id: 5, callback_query: { id: 'q', from, message: { message_id: 3, chat: { id: 42 } }, data: 'n:2' } });
    expect(decodeTelegram(update, { botId: '777', receivedAt: at })).toMatchObject({ callbackQueryId: 'q', event: { type: 'text', text: '2' } });
  });
});

describe('Bot Framework decode/encode', () => {
  const activity = (fields: Record<string, unknown>) => activitySchema.parse({
    type: 'message', id: 'a1', channelId: 'msteams', serviceUrl: 'https://smba.trafficmanager.net/apac/', from: { id: '29:u', name: 'Li' },
    recipient: { id: '28:bot', name: 'Kefu' }, conversation: { id: 'c1', tenantId: 't' }, ...fields,
  });

  it('strips the bot mention Teams adds and ignores its HTML copy of the text', () => {
    const decoded = decodeBot(activity({ text: '<at>Kefu</at> 怎么开发票', attachments: [{ contentType: 'text/html', content: '<p>…</p>' }] }), at);
    expect(decoded).toMatchObject({ kind: 'event', event: { type: 'text', text: '怎么开发票', sender: { externalId: 'msteams:29:u', displayName: 'Li' }, channelMessageId: 'msteams:c1:a1' } });
    expect(JSON.parse((decoded as { event: { channelRef: string } }).event.channelRef)).toEqual({
      serviceUrl: 'https://smba.trafficmanager.net/apac/', channelId: 'msteams', conversation: { id: 'c1', tenantId: 't' },
      bot: { id: '28:bot', name: 'Kefu' }, user: { id: '29:u', name: 'Li' },
    });
  });

  it('reads a picked choice from the messageBack value and files from attachments', () => {
    expect(decodeBot(activity({ text: '2', value: { kefu: 'choice', faqId: 'invoice' } }), at)).toMatchObject({ event: { type: 'choice', faqId: 'invoice' } });
    expect(decodeBot(activity({ attachments: [{ contentType: 'audio/ogg', contentUrl: 'https://x/v.ogg' }] }), at))
      .toMatchObject({ event: { type: 'attachment', attachment: { kind: 'voice', channelFileId: 'https://x/v.ogg' } } });
    expect(decodeBot(activity({ type: 'typing' }), at)).toEqual({ kind: 'ignored', reason: 'activity type typing' });
  });

  it('renders agent text as plain text and a picture as an attachment by URL', () => {
    expect(encodeBot({ text: '*不是* markdown' })).toEqual({ type: 'message', text: '*不是* markdown', textFormat: 'plain' });
    expect(encodeBot({ text: '尺码表', image: { url: 'https://shop.example/size.JPG' } })).toMatchObject({
      text: '尺码表', attachments: [{ contentType: 'image/jpeg', contentUrl: 'https://shop.example/size.JPG' }],
    });
  });

  it('turns a command card value, a typed slash command and a member joining into commands in the activity’s locale', () => {
    expect(decodeBot(activity({ text: '转人工', value: { kefu: 'command', command: 'human' }, locale: 'en-US' }), at))
      .toMatchObject({ event: { type: 'command', command: 'human', label: '转人工', lang: 'en' } });
    expect(decodeBot(activity({ text: '/ticket' }), at)).toMatchObject({ event: { type: 'command', command: 'ticket' } });
    expect(decodeBot(activity({ type: 'conversationUpdate', membersAdded: [{ id: '29:new', name: 'Wu' }], locale: 'zh-CN' }), at))
      .toMatchObject({ event: { type: 'command', command: 'start', lang: 'zh', sender: { externalId: 'msteams:29:new' } } });
  });
});

describe('WeChat decode/encode', () => {
  const self = { id: 'bot', name: 'Kefu客服' };
  const msg = (fields: Record<string, unknown>) => ({ id: 'm1', type: types.Message.Text, talkerId: 'alice', ...fields });

  it('takes the @-mention out of a group message and ignores the bot’s own messages', () => {
    const decoded = decodeWechat(msg({ roomId: 'r1', text: '@Kefu客服\u2005怎么开发票', mentionIdList: [] }), { self, groupMode: 'mention', receivedAt: at });
    expect(decoded).toMatchObject({ kind: 'event', event: { type: 'text', text: '怎么开发票', channelRef: '{"contactId":"alice","roomId":"r1"}' } });
    expect(decodeWechat(msg({ talkerId: 'bot', text: 'x' }), { self, groupMode: 'all', receivedAt: at })).toMatchObject({ kind: 'ignored' });
  });

  it('maps emoticons, voice and files to attachments keyed by message id', () => {
    expect(decodeWechat(msg({ type: types.Message.Emoticon }), { self, groupMode: 'mention', receivedAt: at }))
      .toMatchObject({ event: { type: 'attachment', attachment: { kind: 'sticker', channelFileId: 'm1' } } });
    expect(decodeWechat(msg({ type: types.Message.Attachment, filename: '合同.pdf' }), { self, groupMode: 'mention', receivedAt: at }))
      .toMatchObject({ event: { type: 'attachment', attachment: { kind: 'file', name: '合同.pdf' } } });
    expect(decodeWechat(msg({ type: types.Message.Location }), { self, groupMode: 'mention', receivedAt: at }))
      .toMatchObject({ event: { type: 'unsupported', description: 'wechat message type Location' } });
  });

  it('degrades choices to a numbered menu, by its declared capabilities', () => {
    const choices = { type: 'choices' as const, text: '请回复数字选择：', choices: [{ faqId: 'a', question: '退货' }, { faqId: 'b', question: '换货' }] };
    expect(render(choices, WECHAT_CAPABILITIES).map(encodeWechat)).toEqual(['请回复数字选择：\n1. 退货\n2. 换货']);
  });

  it('turns a typed slash command into a command and leaves 「转人工」 as text', () => {
    expect(decodeWechat(msg({ text: '/human' }), { self, groupMode: 'mention', receivedAt: at })).toMatchObject({ event: { type: 'command', command: 'human' } });
    expect(decodeWechat(msg({ text: '转人工' }), { self, groupMode: 'mention', receivedAt: at })).toMatchObject({ event: { type: 'text', text: '转人工' } });
  });
});

describe('render', () => {
  const choices = { type: 'choices' as const, text: 'Which?', choices: [{ faqId: 'a', question: 'A' }, { faqId: 'b', question: 'B' }] };

  it('puts choices on buttons where the channel has them, else numbers them in the text', () => {
    expect(render(choices, { buttons: true, images: false, maxTextLength: 100 })).toEqual([{ text: 'Which?', buttons: choices.choices }]);
    expect(render(choices, { buttons: false, images: false, maxTextLength: 100 })).toEqual([{ text: 'Which?\n1. A\n2. B' }]);
  });

  it('sends a picture as media where the channel shows images, else as a link under the caption', () => {
    const image = { type: 'image' as const, url: 'https://shop.example/a.png', caption: '尺码表' };
    expect(render(image, { buttons: true, images: true, maxTextLength: 100 })).toEqual([{ text: '尺码表', image: { url: image.url } }]);
    expect(render(image, { buttons: true, images: false, maxTextLength: 100 })).toEqual([{ text: `尺码表\n${image.url}` }]);
  });
});

describe('splitText', () => {
  it('cuts at line breaks or spaces within the limit and loses nothing', () => {
    expect(splitText('一二三\n四五六 七八九', 5)).toEqual(['一二三', '四五六', '七八九']);
    expect(splitText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(splitText('', 10)).toEqual(['']);
  });
});
