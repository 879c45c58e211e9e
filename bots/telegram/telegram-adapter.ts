import { timingSafeEqual } from 'node:crypto';
import express, { type RequestHandler } from 'express';
import { Telegram } from 'telegraf';
import { isDomainError } from '../../core/errors.js';
import type { OutboundMessage } from '../../core/messages.js';
import type { Logger } from '../../core/ports.js';
import type { ChannelAdapter, ChannelCapabilities, ChannelContext, ConversationReference } from '../channel-adapter.js';
import { ChannelError, describeFailure } from '../channel-errors.js';
import { RecentIds } from '../recent-ids.js';
import { SendQueue, type SendQueueOptions } from '../send-queue.js';
import { decode, type TelegramInbound } from './decode.js';
import { encode, TELEGRAM_MAX_TEXT, type TelegramSend } from './encode.js';
import { ALLOWED_UPDATES, telegramRefSchema, telegramUpdateSchema, type TelegramUpdate } from './schema.js';
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
}

// Telegram's documented limits: about one message a second per chat, 30 a second in all.
const DEFAULT_QUEUE: SendQueueOptions = { perChatIntervalMs: 1000, perSecond: 30, maxRateLimitRetries: 3, maxRetryAfterMs: 60_000 };

export class TelegramAdapter implements ChannelAdapter {
  readonly channel = 'telegram' as const;
  readonly capabilities: ChannelCapabilities = { buttons: true, choices: true, images: false, maxTextLength: TELEGRAM_MAX_TEXT };
  readonly routes: RequestHandler | undefined;
  private readonly telegram: Telegram;
  private readonly queue: SendQueue;
  private readonly seen = new RecentIds();
  private readonly botId: string;
  private readonly logger: Logger;
  private ctx: ChannelContext | undefined;
  private poller: TelegramPoller | undefined;

  constructor(private readonly options: TelegramAdapterOptions) {
    this.telegram = new Telegram(options.token, options.apiRoot ? { apiRoot: options.apiRoot } : {});
    this.queue = new SendQueue({ ...DEFAULT_QUEUE, ...options.queue });
    this.botId = options.token.split(':')[0] ?? 'bot';
    this.logger = options.logger.child({ channel: 'telegram' });
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
      this.ctx = ctx;
      return;
    }
    await this.call(() => this.telegram.deleteWebhook());
    this.ctx = ctx;
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
    this.ctx = undefined;
    await this.poller?.stop();
    this.poller = undefined;
  }

  async send(ref: ConversationReference, message: OutboundMessage): Promise<void> {
    const chatId = this.chatIdOf(ref);
    for (const part of encode(message, this.capabilities.maxTextLength)) await this.sendPart(chatId, part);
  }

  private chatIdOf(ref: ConversationReference): number {
    const parsed = telegramRefSchema.safeParse(ref.channelRef ? JSON.parse(ref.channelRef) : null);
    if (parsed.success) return parsed.data.chatId;
    // In a private chat the chat id is the user id.
    const userId = Number(ref.externalUserId);
    if (Number.isSafeInteger(userId)) return userId;
    throw new ChannelError('telegram', `no chat to reply to for conversation ${ref.conversationId}`, { permanent: true });
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
    const key = String(update.update_id);
    if (!this.seen.add(key)) return;
    const inbound = decode(update, { botId: this.botId, receivedAt: new Date() });
    try {
      await this.dispatch(inbound, update);
    } catch (error) {
      await this.onHandleError(error, update, key);
    }
  }

  private async dispatch(inbound: TelegramInbound, update: TelegramUpdate): Promise<void> {
    if (inbound.callbackQueryId) {
      // Stops the button's spinner; the answer itself arrives as a message.
      void this.call(() => this.telegram.answerCbQuery(inbound.callbackQueryId!)).catch(() => undefined);
    }
    switch (inbound.kind) {
      case 'ignored':
        this.logger.debug({ updateId: update.update_id, reason: inbound.reason }, 'telegram update ignored');
        return;
      case 'event': {
        const ctx = this.ctx;
        if (!ctx) throw new ChannelError('telegram', 'adapter is not started');
        await ctx.receive(inbound.event);
      }
    }
  }

  private async onHandleError(error: unknown, update: TelegramUpdate, key: string): Promise<void> {
    const chatId = update.message?.chat.id ?? update.callback_query?.message?.chat?.id ?? update.callback_query?.from.id;
    if (isDomainError(error) && error.code === 'invalid_input' && chatId !== undefined) {
      await this.sendPart(chatId, { text: error.userMessage }).catch(() => undefined);
      return;
    }
    this.seen.delete(key);
    this.logger.error({ updateId: update.update_id, err: error }, 'telegram update failed');
    throw error;
  }

  private webhookRouter(webhook: { url: string; secret: string }): RequestHandler {
    const router = express.Router();
    const expected = Buffer.from(webhook.secret);
    router.post(new URL(webhook.url).pathname, (req, res) => {
      const given = Buffer.from(req.get('x-telegram-bot-api-secret-token') ?? '');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        res.status(401).json({ error: { code: 'unauthorized', message: 'Bad webhook secret.' } });
        return;
      }
      if (!this.ctx) {
        res.status(503).json({ error: { code: 'unavailable', message: 'Telegram channel is starting.' } });
        return;
      }
      // A failure answers 500, so Telegram delivers the update again later.
      this.handle(req.body).then(() => res.sendStatus(200), () => res.sendStatus(500));
    });
    return router;
  }
}
