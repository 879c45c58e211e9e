// A fake WeCom (企业微信) kf API written from the public spec: gettoken, kf/sync_msg (cursor), kf/send_msg (text,
// msgmenu, image; the 48-hour / 5-message reply window), media/upload, and the customer's side, which posts
// kf_msg_or_event callbacks to Kefu signed and AES-encrypted for real (its own node:crypto code, not @wecom/crypto).
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const WECOM = { corpId: 'wwkefu0123456789', secret: 'kf-secret', token: 'KefuToken123', encodingAesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG', openKfId: 'wkKEFU01' };

export interface KfSent {
  touser: string;
  open_kfid: string;
  msgtype: 'text' | 'msgmenu' | 'image';
  text?: { content: string };
  msgmenu?: { head_content: string; list: { type: string; click: { id: string; content: string } }[] };
  image?: { media_id: string };
}

const key = Buffer.from(`${WECOM.encodingAesKey}=`, 'base64');

/** The spec's envelope: AES-256-CBC (IV = first 16 key bytes, PKCS#7 to 32) of random(16) + length(4, BE) + msg + corp id. */
export function encryptForKefu(message: string): string {
  const body = Buffer.from(message);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  const plain = Buffer.concat([randomBytes(16), length, body, Buffer.from(WECOM.corpId)]);
  const pad = 32 - (plain.length % 32);
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(Buffer.concat([plain, Buffer.alloc(pad, pad)])), cipher.final()]).toString('base64');
}

export const sign = (timestamp: string, nonce: string, encrypted: string, token = WECOM.token): string =>
  createHash('sha1').update([token, timestamp, nonce, encrypted].sort().join('')).digest('hex');

export function signedQuery(encrypted: string, token?: string): URLSearchParams {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = randomBytes(6).toString('hex');
  return new URLSearchParams({ msg_signature: sign(timestamp, nonce, encrypted, token), timestamp, nonce });
}

const read = async (req: IncomingMessage): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
};

export class WecomFake {
  readonly sent: KfSent[] = [];
  readonly calls: { path: string; errcode: number }[] = [];
  readonly uploads: { bytes: number }[] = [];
  /** Kefu's callback URL, set by the test. */
  callbackUrl = '';
  private readonly messages: { seq: number; msg: Record<string, unknown> }[] = [];
  private readonly window = new Map<string, { at: number; left: number }>();
  private tokens = 0;
  private validToken = '';
  private seq = 0;
  private lastBody: Record<string, unknown> | undefined;
  now = (): number => Date.now();

  private constructor(private readonly server: Server) {}

  static async start(): Promise<WecomFake> {
    const server = createServer();
    const fake = new WecomFake(server);
    server.on('request', (req, res) => void fake.route(req).then(
      (body) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body)),
      () => res.writeHead(500).end(),
    ));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get apiRoot(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Every later request with the current token gets 42001 (expired), as after two hours. */
  expireToken(): void {
    this.validToken = `expired-${this.validToken}`;
  }

  get tokensIssued(): number {
    return this.tokens;
  }

  /** The customer writes (or clicks a menu item): stored for sync_msg, then WeCom tells Kefu through the callback. */
  async customerSends(externalUserId: string, content: Record<string, unknown>): Promise<number> {
    const msg = { msgid: `msg${++this.seq}`, open_kfid: WECOM.openKfId, external_userid: externalUserId, send_time: Math.floor(this.now() / 1000), origin: 3, ...content };
    this.lastBody = msg;
    return this.deliver(msg, externalUserId);
  }

  /** The same message again (WeCom's retry of a callback after a slow answer, with the same msgid). */
  async redeliverLast(): Promise<number> {
    if (!this.lastBody) throw new Error('nothing to deliver again');
    return this.deliver(this.lastBody, String(this.lastBody.external_userid));
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async deliver(msg: Record<string, unknown>, externalUserId: string): Promise<number> {
    this.messages.push({ seq: this.messages.length + 1, msg });
    this.window.set(externalUserId, { at: this.now(), left: 5 });
    const event = `<xml><ToUserName><![CDATA[${WECOM.corpId}]]></ToUserName><CreateTime>${Math.floor(this.now() / 1000)}</CreateTime>`
      + `<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[kf_msg_or_event]]></Event><Token><![CDATA[sync-${this.seq}]]></Token>`
      + `<OpenKfId><![CDATA[${WECOM.openKfId}]]></OpenKfId></xml>`;
    const encrypted = encryptForKefu(event);
    const body = `<xml><ToUserName><![CDATA[${WECOM.corpId}]]></ToUserName><Encrypt><![CDATA[${encrypted}]]></Encrypt><AgentID><![CDATA[]]></AgentID></xml>`;
    const res = await fetch(`${this.callbackUrl}?${signedQuery(encrypted)}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body });
    return res.status;
  }

  private async route(req: IncomingMessage): Promise<Record<string, unknown>> {
    const url = new URL(req.url ?? '/', 'http://x');
    const raw = await read(req);
    const answer = this.answer(url, raw, req.headers['content-type'] ?? '');
    this.calls.push({ path: url.pathname, errcode: Number(answer.errcode ?? 0) });
    return answer;
  }

  private answer(url: URL, raw: Buffer, contentType: string): Record<string, unknown> {
    if (url.pathname === '/cgi-bin/gettoken') {
      if (url.searchParams.get('corpid') !== WECOM.corpId || url.searchParams.get('corpsecret') !== WECOM.secret) return { errcode: 40001, errmsg: 'invalid credential' };
      this.validToken = `token-${++this.tokens}`;
      return { errcode: 0, errmsg: 'ok', access_token: this.validToken, expires_in: 7200 };
    }
    if (url.searchParams.get('access_token') !== this.validToken) return { errcode: 42001, errmsg: 'access_token expired' };
    if (url.pathname === '/cgi-bin/media/upload') {
      if (!contentType.startsWith('multipart/form-data')) return { errcode: 40004, errmsg: 'invalid media type' };
      this.uploads.push({ bytes: raw.length });
      return { errcode: 0, errmsg: 'ok', type: 'image', media_id: `media-${this.uploads.length}` };
    }
    const body = JSON.parse(raw.toString() || '{}') as Record<string, unknown>;
    if (url.pathname === '/cgi-bin/kf/sync_msg') {
      const from = Number(body.cursor ?? 0);
      const page = this.messages.filter((m) => m.seq > from);
      return { errcode: 0, errmsg: 'ok', next_cursor: String(this.messages.length), has_more: 0, msg_list: page.map((m) => m.msg) };
    }
    if (url.pathname === '/cgi-bin/kf/send_msg') {
      const sent = body as unknown as KfSent;
      if (sent.open_kfid !== WECOM.openKfId) return { errcode: 95000, errmsg: 'invalid open_kfid' };
      const window = this.window.get(sent.touser);
      if (!window || this.now() - window.at > 48 * 3600_000) return { errcode: 45015, errmsg: 'response out of time limit' };
      if (window.left <= 0) return { errcode: 45047, errmsg: 'out of response count limit' };
      window.left -= 1;
      this.sent.push(sent);
      return { errcode: 0, errmsg: 'ok', msgid: `out${this.sent.length}` };
    }
    return { errcode: 40058, errmsg: `unknown api ${url.pathname}` };
  }
}
