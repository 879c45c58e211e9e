import type { OutboundMessage } from '../core/messages.js';
import { cutAt } from '../core/text-rules.js';
import type { Choice } from '../core/types.js';
import type { ChannelCapabilities } from './channel-adapter.js';

/** One message as a channel sends it: text within its limit, and tappable choices where it has buttons. */
export interface RenderedPart {
  text: string;
  /** Only on the last part, and only for a channel with buttons. */
  buttons?: Choice[];
  /** A picture to send as media (`text` is its caption); only for a channel with images. */
  image?: { url: string };
}

/**
 * An outbound message shaped by what the channel declares it can show: choices as buttons or as a numbered list to
 * answer with the number, long texts split into parts the channel accepts.
 */
export function render(message: OutboundMessage, capabilities: Pick<ChannelCapabilities, 'buttons' | 'images' | 'maxTextLength'>): RenderedPart[] {
  switch (message.type) {
    case 'text':
      return splitText(message.text, capabilities.maxTextLength).map((text) => ({ text }));
    case 'choices': {
      if (!capabilities.buttons) return splitText(numberedMenu(message.text, message.choices), capabilities.maxTextLength).map((text) => ({ text }));
      const parts: RenderedPart[] = splitText(message.text, capabilities.maxTextLength).map((text) => ({ text }));
      parts[parts.length - 1]!.buttons = message.choices;
      return parts;
    }
    case 'image':
      if (capabilities.images) return [{ text: message.caption, image: { url: message.url } }];
      return splitText(`${message.caption}\n${message.url}`.trim(), capabilities.maxTextLength).map((text) => ({ text }));
    default:
      return unreachable(message);
  }
}

function unreachable(message: never): never {
  throw new Error(`cannot render ${JSON.stringify(message)}`);
}

/** Choices as plain text: "1. …" per line, for channels without buttons (the customer answers with the number). */
export function numberedMenu(intro: string, choices: readonly Choice[]): string {
  return [intro, ...choices.map((c, i) => `${i + 1}. ${c.question}`)].join('\n');
}

/** Splits text into parts of at most `max` characters, preferring line breaks, then spaces. */
export function splitText(text: string, max: number): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = cutAt(rest, max);
    const cut = Math.max(window.lastIndexOf('\n'), window.lastIndexOf(' '));
    const at = cut > max / 2 ? cut : window.length;
    parts.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  if (rest.length > 0 || parts.length === 0) parts.push(rest);
  return parts;
}
