import type { OutboundMessage } from '../../core/messages.js';
import { numberedMenu, splitText } from '../render.js';

// WeChat cuts long texts; stay well below its limit.
export const WECHAT_MAX_TEXT = 2000;

/** WeChat shows plain text only: choices become a numbered menu, answered with the number (core resolves it). */
export function encode(message: OutboundMessage, maxTextLength = WECHAT_MAX_TEXT): string[] {
  switch (message.type) {
    case 'text':
      return splitText(message.text, maxTextLength);
    case 'choices':
      return splitText(numberedMenu(message.text, message.choices), maxTextLength);
    default:
      return unreachable(message);
  }
}

function unreachable(message: never): never {
  throw new Error(`wechat cannot encode ${JSON.stringify(message)}`);
}
