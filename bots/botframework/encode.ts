import type { RenderedPart } from '../render.js';
import { numberedMenu } from '../render.js';

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
  attachments?: { contentType: string; contentUrl: string }[];
}

/**
 * Choices become suggested actions; the text also lists them by number, for channels that do not show suggested
 * actions (a typed number picks one as well). A messageBack carries the FAQ id and, where a channel drops the value,
 * the number as text. A picture goes as an attachment by URL.
 */
export function encode(part: RenderedPart): BotReply {
  const reply: BotReply = { type: 'message', text: part.text, textFormat: 'plain' };
  if (part.image) reply.attachments = [{ contentType: imageType(part.image.url), contentUrl: part.image.url }];
  if (!part.buttons) return reply;
  return {
    ...reply,
    text: numberedMenu(part.text, part.buttons),
    suggestedActions: {
      to: [],
      actions: part.buttons.map((c, i) => ({
        type: 'messageBack', title: `${i + 1}. ${c.question}`, text: String(i + 1), displayText: c.question,
        value: { kefu: 'choice', faqId: c.faqId },
      })),
    },
  };
}

const imageType = (url: string): string => {
  const ext = /\.(png|gif|webp|jpe?g)(?:[?#]|$)/i.exec(url)?.[1]?.toLowerCase();
  return ext ? `image/${ext === 'jpg' ? 'jpeg' : ext}` : 'image/*';
};
