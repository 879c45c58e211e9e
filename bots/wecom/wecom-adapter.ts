import express, { type RequestHandler } from 'express';
import { z } from 'zod';
import { DomainError } from '../../core/errors.js';
import type { InboundEvent, OutboundMessage } from '../../core/messages.js';
import type { Logger } from '../../core/ports.js';
import type { ChannelAdapter, ChannelCapabilities, ChannelContext, ConversationReference } from '../channel-adapter.js';
import { ChannelEdge, parseReference } from '../channel-edge.js';
import { TransportError, describeFailure } from '../channel-errors.js';
import { render } from '../render.js';
import { WECOM_CAPABILITIES } from './channel.js';
import { decode } from './decode.js';
import { encode } from './encode.js';
import { kfCallbackEventSchema, kfMessageSchema, syncMsgAnswerSchema, wecomRefSchema } from './schema.js';
import { WecomApi } from './wecom-api.js';
import { openEnvelope, readXml, type CallbackSecrets } from './wecom-crypto.js';

export interface WecomAdapterOptions extends CallbackSecrets {
  /** The customer-service secret (微信客服 Secret) for the access token. */
  secret: string;
  apiRoot: string;
  /** Where WeCom posts its callbacks (the URL set in the WeCom admin console). */
  path?: string;
  logger: Logger;
  /** What this deployment shows (e.g. `{buttons: false}` for numbered lists instead of menu messages). */
  capabilities?: Partial<ChannelCapabilities>;
}

const signedQuery = z.object({ msg_signature: z.string().min(1), timestamp: z.string().min(1), nonce: z.string().min(1) });
const refused = () => new DomainError('unauthorized', 'wecom callback with a bad signature or ciphertext', { userMessage: 'Bad signature.' });

/**
 * 微信客服 (WeChat customer service through the WeCom kf API). WeCom posts an encrypted "messages are waiting" event to
 * the callback URL; the adapter answers at once and fetches them with `kf/sync_msg` from its cursor. Replies go out
 * with `kf/send_msg`, which WeCom accepts only within 48 hours of the customer's last message and at most 5 times.
 */
export class WecomAdapter implements ChannelAdapter {
  readonly channel = 'wecom' as const;
  readonly capabilities: ChannelCapabilities;
  readonly routes: RequestHandler;
  private readonly api: WecomApi;
  private readonly edge: ChannelEdge;
  private readonly logger: Logger;
  /** Where the next `sync_msg` starts; fetching again from an older cursor is harmless (core drops known msgids). */
  private cursor: string | undefined;
  private syncing: Promise<void> = Promise.resolve();

  constructor(private readonly options: WecomAdapterOptions) {
    this.capabilities = { ...WECOM_CAPABILITIES, ...options.capabilities };
    this.api = new WecomApi({ corpId: options.corpId, secret: options.secret, apiRoot: options.apiRoot });
    this.logger = options.logger.child({ channel: 'wecom' });
    // A fetched message is not delivered again once the cursor moved on: failures are logged, not rethrown.
    this.edge = new ChannelEdge({ channel: 'wecom', logger: options.logger, redelivers: false, answer: (event, text) => this.answer(event, text) });
    this.routes = this.router(options.path ?? '/api/wecom/callback');
  }

  async start(ctx: ChannelContext): Promise<void> {
    // Proves the corp id and secret before saying the channel is up.
    await this.api.connect();
    this.edge.attach(ctx);
  }

  async stop(): Promise<void> {
    this.edge.detach();
    await this.syncing;
  }

  async send(ref: ConversationReference, message: OutboundMessage): Promise<void> {
    const to = parseReference('wecom', wecomRefSchema, ref);
    for (const part of render(message, this.capabilities)) {
      const mediaId = part.image ? await this.upload(part.image.url) : undefined;
      await this.api.call('/cgi-bin/kf/send_msg', { touser: to.externalUserId, open_kfid: to.openKfId, ...encode(part, mediaId) });
    }
  }

  private async answer(event: InboundEvent, text: string): Promise<void> {
    const ref = { conversationId: '', externalUserId: event.sender.externalId, ...(event.channelRef ? { channelRef: event.channelRef } : {}) };
    await this.send(ref, { type: 'text', kind: 'system', text });
  }

  private async upload(url: string): Promise<string> {
    let res: Response;
    try {
      res = await fetch(url, { signal: AbortSignal.timeout(15_000) });
    } catch (error) {
      throw new TransportError('wecom', `could not fetch the picture: ${describeFailure(error)}`, { cause: error });
    }
    if (!res.ok) throw new TransportError('wecom', `could not fetch the picture: HTTP ${res.status}`);
    const name = new URL(url).pathname.split('/').pop() || 'image.png';
    return this.api.uploadImage(await res.arrayBuffer(), name, res.headers.get('content-type') ?? 'image/png');
  }

  private router(path: string): RequestHandler {
    const router = express.Router();
    const secrets: CallbackSecrets = this.options;
    // URL verification: WeCom sends an encrypted echostr and expects it back decrypted.
    router.get(path, (req, res) => {
      const query = signedQuery.extend({ echostr: z.string().min(1) }).safeParse(req.query);
      const echo = query.success ? openEnvelope(secrets, query.data, query.data.echostr) : null;
      if (echo === null) throw refused();
      res.type('text/plain').send(echo);
    });
    router.post(path, express.text({ type: ['text/xml', 'application/xml', 'text/plain'], limit: '64kb' }), (req, res) => {
      const query = signedQuery.safeParse(req.query);
      const encrypted = readXml(typeof req.body === 'string' ? req.body : '').Encrypt;
      const xml = query.success && encrypted ? openEnvelope(secrets, query.data, encrypted) : null;
      if (xml === null) throw refused();
      if (!this.edge.running) throw new DomainError('unavailable', 'wecom is not running', { userMessage: 'The WeCom channel is starting.' });
      const event = kfCallbackEventSchema.safeParse(readXml(xml));
      // WeCom wants an answer within 5 seconds; the messages are fetched after it.
      res.type('text/plain').send('success');
      if (event.success && event.data.Event === 'kf_msg_or_event') this.sync(event.data.Token, event.data.OpenKfId);
    });
    return router;
  }

  /** Fetches everything waiting since the cursor, one fetch at a time, and hands each customer message to the edge. */
  private sync(token: string | undefined, openKfId: string | undefined): void {
    this.syncing = this.syncing.then(async () => {
      try {
        for (let more = true; more && this.edge.running;) {
          const answer = syncMsgAnswerSchema.parse(await this.api.call('/cgi-bin/kf/sync_msg', {
            ...(this.cursor ? { cursor: this.cursor } : {}), ...(token ? { token } : {}), ...(openKfId ? { open_kfid: openKfId } : {}), limit: 1000,
          }));
          for (const raw of answer.msg_list) await this.receive(raw);
          if (answer.next_cursor) this.cursor = answer.next_cursor;
          more = answer.has_more === 1;
        }
      } catch (error) {
        this.logger.error({ reason: describeFailure(error) }, 'could not fetch waiting messages; the next callback fetches them');
      }
    });
  }

  private async receive(raw: unknown): Promise<void> {
    const message = kfMessageSchema.safeParse(raw);
    if (!message.success) return void this.logger.warn({ issues: message.error.issues.length }, 'wecom message does not match the schema; dropped');
    const inbound = decode(message.data, new Date());
    if (inbound.kind === 'ignored') return;
    await this.edge.receive(inbound.event);
  }
}
