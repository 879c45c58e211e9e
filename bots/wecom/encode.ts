import type { Choice } from '../../core/types.js';
import type { RenderedPart } from '../render.js';

// WeCom takes up to 2048 bytes of text; Chinese characters are three bytes each in UTF-8.
export const WECOM_MAX_TEXT = 680;
const MAX_MENU_ID_BYTES = 64;

export type KfSend =
  | { msgtype: 'text'; text: { content: string } }
  | { msgtype: 'msgmenu'; msgmenu: { head_content: string; list: { type: 'click'; click: { id: string; content: string } }[] } }
  | { msgtype: 'image'; image: { media_id: string } };

/** One rendered part as a `kf/send_msg` body (without touser and open_kfid); a picture needs its uploaded media id. */
export function encode(part: RenderedPart, mediaId?: string): KfSend {
  if (part.image && mediaId) return { msgtype: 'image', image: { media_id: mediaId } };
  if (!part.buttons) return { msgtype: 'text', text: { content: part.text } };
  return { msgtype: 'msgmenu', msgmenu: { head_content: part.text, list: part.buttons.map((c, i) => ({ type: 'click', click: item(c, i) })) } };
}

function item(choice: Choice, index: number): { id: string; content: string } {
  const id = `c:${choice.faqId}`;
  return { id: Buffer.byteLength(id, 'utf8') <= MAX_MENU_ID_BYTES ? id : `n:${index + 1}`, content: `${index + 1}. ${choice.question}` };
}
