import { timingSafeEqual } from 'node:crypto';
import { decrypt, getSignature } from '@wecom/crypto';

export interface CallbackSecrets {
  corpId: string;
  token: string;
  encodingAesKey: string;
}

export interface SignedQuery {
  msg_signature: string;
  timestamp: string;
  nonce: string;
}

/** Checks `msg_signature` over (token, timestamp, nonce, ciphertext) and decrypts; null when either fails. */
export function openEnvelope(secrets: CallbackSecrets, query: SignedQuery, encrypted: string): string | null {
  const expected = Buffer.from(getSignature(secrets.token, query.timestamp, query.nonce, encrypted));
  const given = Buffer.from(query.msg_signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const { message, id } = decrypt(secrets.encodingAesKey, encrypted);
    // The receiver id inside the ciphertext is our corp id: a message for another corp is not ours to read.
    return id === secrets.corpId ? message : null;
  } catch {
    return null;
  }
}

/** The text of each `<Tag>` of a flat WeCom XML document (CDATA or plain). */
export function readXml(xml: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const m of xml.matchAll(/<(\w+)>(?:<!\[CDATA\[([\s\S]*?)\]\]>|([^<]*))<\/\1>/g)) fields[m[1]!] = m[2] ?? m[3] ?? '';
  return fields;
}
