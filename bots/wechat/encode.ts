import type { RenderedPart } from '../render.js';

// WeChat cuts long texts; stay well below its limit.
export const WECHAT_MAX_TEXT = 2000;

/** WeChat (through wechaty) shows plain text: the adapter declares no buttons and no images, so a part is its text. */
export function encode(part: RenderedPart): string {
  return part.text;
}
