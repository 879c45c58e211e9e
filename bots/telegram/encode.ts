import type { Choice } from '../../core/types.js';
import type { RenderedPart } from '../render.js';

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

/** One rendered part as a sendMessage call; choices become an inline keyboard, one button a row. */
export function encode(part: RenderedPart): TelegramSend {
  if (!part.buttons) return { text: part.text };
  return { text: part.text, reply_markup: { inline_keyboard: part.buttons.map((choice, i) => [button(choice, i)]) } };
}

function button(choice: Choice, index: number): InlineButton {
  const data = `c:${choice.faqId}`;
  const fits = Buffer.byteLength(data, 'utf8') <= MAX_CALLBACK_DATA_BYTES;
  return { text: `${index + 1}. ${choice.question}`, callback_data: fits ? data : `n:${index + 1}` };
}
