import type { OutboundMessage } from '../../core/messages.js';
import type { Choice } from '../../core/types.js';
import { splitText } from '../render.js';

export const TELEGRAM_MAX_TEXT = 4096;
const MAX_CALLBACK_DATA_BYTES = 64;

export interface InlineButton {
  text: string;
  callback_data: string;
}

/** One Bot API sendMessage call, without the chat id. */
export interface TelegramSend {
  text: string;
  reply_markup?: { inline_keyboard: InlineButton[][] };
}

/** Text longer than Telegram allows goes out in several messages; a keyboard rides on the last one. */
export function encode(message: OutboundMessage, maxTextLength = TELEGRAM_MAX_TEXT): TelegramSend[] {
  switch (message.type) {
    case 'text':
      return splitText(message.text, maxTextLength).map((text) => ({ text }));
    case 'choices': {
      const parts = splitText(message.text, maxTextLength).map((text): TelegramSend => ({ text }));
      const last = parts[parts.length - 1]!;
      last.reply_markup = { inline_keyboard: message.choices.map((choice, i) => [button(choice, i)]) };
      return parts;
    }
    default:
      return unreachable(message);
  }
}

function button(choice: Choice, index: number): InlineButton {
  const data = `c:${choice.faqId}`;
  const fits = Buffer.byteLength(data, 'utf8') <= MAX_CALLBACK_DATA_BYTES;
  return { text: `${index + 1}. ${choice.question}`, callback_data: fits ? data : `n:${index + 1}` };
}

function unreachable(message: never): never {
  throw new Error(`telegram cannot encode ${JSON.stringify(message)}`);
}
