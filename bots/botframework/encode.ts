import type { OutboundMessage } from '../../core/messages.js';
import { numberedMenu, splitText } from '../render.js';

export const BOTFRAMEWORK_MAX_TEXT = 4000;

export interface CardAction {
  type: 'messageBack';
  title: string;
  text: string;
  displayText: string;
  value: { kefu: 'choice'; faqId: string };
}

/** The fields of an outgoing message Activity that Kefu sets. */
export interface BotReply {
  type: 'message';
  text: string;
  textFormat: 'plain';
  /** `to` empty: every member sees them. */
  suggestedActions?: { actions: CardAction[]; to: string[] };
}

/**
 * Choices become suggested actions; the text also lists them by number, for channels that do not show suggested
 * actions (a typed number picks one as well). A messageBack carries the FAQ id and, where a channel drops the value,
 * the number as text.
 */
export function encode(message: OutboundMessage, maxTextLength = BOTFRAMEWORK_MAX_TEXT): BotReply[] {
  switch (message.type) {
    case 'text':
      return splitText(message.text, maxTextLength).map((text) => ({ type: 'message', text, textFormat: 'plain' }));
    case 'choices': {
      const parts = splitText(numberedMenu(message.text, message.choices), maxTextLength).map((text): BotReply => ({ type: 'message', text, textFormat: 'plain' }));
      parts[parts.length - 1]!.suggestedActions = {
        to: [],
        actions: message.choices.map((c, i) => ({
          type: 'messageBack', title: `${i + 1}. ${c.question}`, text: String(i + 1), displayText: c.question,
          value: { kefu: 'choice', faqId: c.faqId },
        })),
      };
      return parts;
    }
    default:
      return unreachable(message);
  }
}

function unreachable(message: never): never {
  throw new Error(`bot framework cannot encode ${JSON.stringify(message)}`);
}
