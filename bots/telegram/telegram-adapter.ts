import { timingSafeEqual } from 'node:crypto';
import express, { type RequestHandler } from 'express';
import { Telegram } from 'telegraf';
import { DomainError } from '../../core/errors.js';
import type { InboundEvent, OutboundMessage } from '../../core/messages.js';
import type { Logger } from '../../core/ports.js';
import type { ChannelAdapter, ChannelCapabilities, ChannelContext, ConversationReference } from '../channel-adapter.js';
import { TELEGRAM_CAPABILITIES } from './channel.js';
import { describeFailure } from '../channel-errors.js';
import { ChannelEdge, parseReference } from '../channel-edge.js';
import { render } from '../render.js';
import { SendQueue, type SendQueueOptions } from '../send-queue.js';
import { decode } from './decode.js';
import { encode, type TelegramSend } from './encode.js';
import { ALLOWED_UPDATES, telegramRefSchema, telegramUpdateSchema } from './schema.js';
import { toTelegramFailure } from './telegram-errors.js';
import { TelegramPoller } from './telegram-poller.js';

export interface TelegramAdapterOptions {
  token: string;
  /** Bot API address; a local fake in tests, a self-hosted Bot API server in some deployments. */
  apiRoot?: string;
  /** Webhook mode: Telegram posts updates to `url`, sending `secret` in X-Telegram-Bot-Api-Secret-Token. */
  webhook?: { url: string; secret: string };
  logger: Logger;
  pollTimeoutSeconds?: number;
  /** First wait after a failed poll (doubled on each failure in a row). */
  pollRetryBaseMs?: number;
  queue?: Partial<SendQueueOptions>;
  /** What this deployment shows (e.g. `{buttons: false}` for numbered lists); Telegram's own by default. */
  capabilities?: Partial<ChannelCapabilities>;
}


// Telegram's documented limits: about one message a second per chat, 30 a second in all.
const DEFAULT_QUEUE: SendQueueOptions = { perChatIntervalMs: 1000, perSecond: 30, maxRateLimitRetries: 3, maxRetryAfterMs: 60_000 };

export class TelegramAdapter implements ChannelAdapter {
  readonly channel = 'telegram' as const;
  readonly capabilities: ChannelCapabilities;
  readonly routes: RequestHandler | undefined;
  private readonly telegram: Telegram;
  private readonly queue: SendQueue;
  private readonly edge: ChannelEdge;
  private readonly botId: string;
  private readonly logger: Logger;
  private poller: TelegramPoller | undefined;

  constructor(private readonly options: TelegramAdapterOptions) {
    this.capabilities = { ...TELEGRAM_CAPABILITIES, ...options.capabilities };
    this.telegram = new Telegram(options.token, options.apiRoot ? { apiRoot: options.apiRoot } : {});
    this.queue = new SendQueue({ ...DEFAULT_QUEUE, ...options.queue });
    this.botId = options.token.split(':')[0] ?? 'bot';
    this.logger = options.logger.child({ channel: 'telegram' });
    // Telegram sends an update again when the webhook fails; the poller then stops at it.
    this.edge = new ChannelEdge({ channel: 'telegram', logger: options.logger, redelivers: true, answer: (event, text) => this.answer(event, text) });
    this.routes = options.webhook ? this.webhookRouter(options.webhook) : undefined;
  }

  async start(ctx: ChannelContext): Promise<void> {
    const me = await this.call(() => this.telegram.getMe());
    this.logger.info({ bot: me.username, mode: this.options.webhook ? 'webhook' : 'polling' }, 'telegram bot connected');
    await this.call(() => this.telegram.setMyCommands([
      { command: 'start', description: '开始 / Start' },
      { command: 'human', description: '转人工客服 / Talk to a person' },
      { command: 'ticket', description: '工单 / Ticket' },
      { command: 'help', description: '帮助 / Help' },
    ])).catch((error: unknown) => this.logger.debug({ reason: describeFailure(error) }, 'setMyCommands failed (the menu is optional)'));
    if (this.options.webhook) {
      const { url, secret } = this.options.webhook;
      await this.call(() => this.telegram.setWebhook(url, { secret_token: secret, allowed_updates: [...ALLOWED_UPDATES] }));
      this.edge.attach(ctx);
      return;
    }
    await this.call(() => this.telegram.deleteWebhook());
    this.edge.attach(ctx);
    this.poller = new TelegramPoller({
      telegram: this.telegram,
      timeoutSeconds: this.options.pollTimeoutSeconds ?? 30,
      retryBaseMs: this.options.pollRetryBaseMs ?? 1000,
      handle: (update) => this.handle(update).catch(() => undefined),
      onStatus: (status, reason) => ctx.setStatus?.(status, reason),
      onFatal: (failure) => ctx.fail?.(failure),
    });
    this.poller.start();
  }

  async stop(): Promise<void> {
    this.edge.detach();
    await this.poller?.stop();
    this.poller = undefined;
  }

  async send(ref: ConversationReference, message: OutboundMessage): Promise<void> {
    // In a private chat the chat id is the user id.
    const { chatId } = parseReference('telegram', telegramRefSchema, ref, () => ({ chatId: Number(ref.externalUserId) }));
    for (const part of render(message, this.capabilities)) await this.sendPart(chatId, encode(part));
  }

  private async answer(event: InboundEvent, text: string): Promise<void> {
    const { chatId } = parseReference('telegram', telegramRefSchema, { conversationId: '', externalUserId: event.sender.externalId, ...(event.channelRef ? { channelRef: event.channelRef } : {}) });
    await this.sendPart(chatId, { text });
  }

  private sendPart(chatId: number, part: TelegramSend): Promise<void> {
    return this.queue.run(String(chatId), async () => {
      await this.call(() => this.telegram.sendMessage(chatId, part.text, part.reply_markup ? { reply_markup: part.reply_markup } : {}));
    });
  }

  /** The adapter's error boundary for Bot API calls. */
  private async call<T>(request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      throw toTelegramFailure(error);
    }
  }

  /** One update, from polling or the webhook. Rejects only when a retry of the same update could succeed. */
  private async handle(raw: unknown): Promise<void> {
    const parsed = telegramUpdateSchema.safeParse(raw);
    if (!parsed.success) {
      this.logger.warn({ issues: parsed.error.issues.length }, 'telegram update does not match the schema; dropped');
      return;
    }
    const update = parsed.data;
    const inbound = decode(update, { botId: this.botId, receivedAt: new Date() });
    if (inbound.callbackQueryId) {
      // Stops the button's spinner; the answer itself arrives as a message.
      void this.call(() => this.telegram.answerCbQuery(inbound.callbackQueryId!)).catch(() => undefined);
    }
    if (inbound.kind === 'ignored') {
      this.logger.debug({ updateId: update.update_id, reason: inbound.reason }, 'telegram update ignored');
      return;
    }
    await this.edge.receive(inbound.event);
  }

  private webhookRouter(webhook: { url: string; secret: string }): RequestHandler {
    const router = express.Router();
    const expected = Buffer.from(webhook.secret);
    router.post(new URL(webhook.url).pathname, (req, res) => {
      const given = Buffer.from(req.get('x-telegram-bot-api-secret-token') ?? '');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        throw new DomainError('unauthorized', 'bad telegram webhook secret', { userMessage: 'Bad webhook secret.' });
      }
      if (!this.edge.running) throw new DomainError('unavailable', 'telegram is not running', { userMessage: 'The Telegram channel is starting.' });
      // A failure answers 500, so Telegram delivers the update again later.
      this.handle(req.body).then(() => res.sendStatus(200), () => res.sendStatus(500));
    });
    return router;
  }
}
