import { ChannelError, TransportError, describeFailure } from '../channel-errors.js';

export interface WecomApiOptions {
  corpId: string;
  secret: string;
  /** `https://qyapi.weixin.qq.com` in production; a local fake in tests. */
  apiRoot: string;
  now?: () => number;
}

// Refresh a little before WeCom says the token expires, so a request never races its expiry.
const TOKEN_MARGIN_MS = 5 * 60_000;
/** The token is no longer valid (expired or replaced): fetch a new one and try once more. */
const STALE_TOKEN = new Set([40014, 42001]);
/** The customer has not written within 48 hours, or was already sent 5 messages since they last wrote. */
export const REPLY_WINDOW_CLOSED = new Set([45015, 45047, 95018]);

interface WecomAnswer {
  errcode?: number;
  errmsg?: string;
}

/** The WeCom server API: access token cached and refreshed, every answer's errcode turned into a typed failure. */
export class WecomApi {
  private token: { value: string; expiresAt: number } | undefined;
  private pending: Promise<string> | undefined;

  constructor(private readonly options: WecomApiOptions) {}

  /** Calls `path` with the access token; POSTs `body` as JSON when given. */
  async call<T extends WecomAnswer>(path: string, body?: unknown): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      const token = await this.connect();
      const answer = await this.request<T>(`${path}${path.includes('?') ? '&' : '?'}access_token=${encodeURIComponent(token)}`, body);
      if (!answer.errcode) return answer;
      if (STALE_TOKEN.has(answer.errcode) && attempt === 1) {
        this.token = undefined;
        continue;
      }
      throw failure(path, answer);
    }
  }

  /** Uploads a picture as temporary media; WeCom sends pictures by media id. */
  async uploadImage(bytes: ArrayBuffer, filename: string, type: string): Promise<string> {
    const form = new FormData();
    form.append('media', new Blob([bytes], { type }), filename);
    const answer = await this.call<WecomAnswer & { media_id?: string }>('/cgi-bin/media/upload?type=image', form);
    if (!answer.media_id) throw new ChannelError('wecom', 'media/upload answered without a media_id');
    return answer.media_id;
  }

  /** A valid access token, fetched when there is none or it is about to expire. */
  async connect(): Promise<string> {
    const now = (this.options.now ?? Date.now)();
    if (this.token && this.token.expiresAt > now) return this.token.value;
    // One refresh at a time: every sender waiting for a token shares it.
    this.pending ??= this.fetchToken(now).finally(() => (this.pending = undefined));
    return this.pending;
  }

  private async fetchToken(now: number): Promise<string> {
    const { corpId, secret } = this.options;
    const answer = await this.request<WecomAnswer & { access_token?: string; expires_in?: number }>(
      `/cgi-bin/gettoken?corpid=${encodeURIComponent(corpId)}&corpsecret=${encodeURIComponent(secret)}`,
    );
    if (answer.errcode || !answer.access_token) throw failure('gettoken', answer);
    this.token = { value: answer.access_token, expiresAt: now + (answer.expires_in ?? 7200) * 1000 - TOKEN_MARGIN_MS };
    return answer.access_token;
  }

  private async request<T>(pathAndQuery: string, body?: unknown): Promise<T> {
    const init: RequestInit = body === undefined ? {} : body instanceof FormData
      ? { method: 'POST', body }
      : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
    let res: Response;
    try {
      res = await fetch(`${this.options.apiRoot}${pathAndQuery}`, { ...init, signal: AbortSignal.timeout(15_000) });
    } catch (error) {
      throw new TransportError('wecom', describeFailure(error).replace(/access_token=[^&\s]+|corpsecret=[^&\s]+/g, '<secret>'), { cause: error });
    }
    if (!res.ok) throw new TransportError('wecom', `${pathAndQuery.split('?')[0]} answered HTTP ${res.status}`);
    return (await res.json()) as T;
  }
}

function failure(path: string, answer: WecomAnswer): ChannelError {
  const code = answer.errcode ?? -1;
  const where = path.split('?')[0];
  if (REPLY_WINDOW_CLOSED.has(code)) {
    return new ChannelError('wecom', `reply window closed (${code}): WeCom accepts at most 5 messages within 48 hours of the customer's last message`, { code, permanent: true });
  }
  // -1: WeCom is busy; 45009 and 45033: rate limits. Everything else is a request WeCom will refuse again.
  const transient = code === -1 || code === 45009 || code === 45033;
  return new ChannelError('wecom', `${where}: ${code} ${answer.errmsg ?? ''}`.trim(), { code, permanent: !transient, ...(transient ? { retryAfterMs: 2000 } : {}) });
}
