import { WechatyBuilder, type Message, type Wechaty } from 'wechaty';
import type * as PUPPET from 'wechaty-puppet';
import type { InboundEvent, OutboundMessage } from '../../core/messages.js';
import type { Logger } from '../../core/ports.js';
import type { ChannelAdapter, ChannelCapabilities, ChannelContext, ConversationReference } from '../channel-adapter.js';
import { WECHAT_CAPABILITIES } from './channel.js';
import { ChannelError, TransportError, describeFailure } from '../channel-errors.js';
import { ChannelEdge, parseReference } from '../channel-edge.js';
import { render } from '../render.js';
import { SendQueue, type SendQueueOptions } from '../send-queue.js';
import { decode } from './decode.js';
import { encode } from './encode.js';
import { wechatMessageSchema, wechatRefSchema, type WechatGroupMode, type WechatRef } from './schema.js';
import { printToTerminal, WechatLogin, type WechatLoginState } from './wechat-login.js';

export interface WechatAdapterOptions {
  /** A puppet's npm name (wechaty-puppet-service, wechaty-puppet-wechat4u, wechaty-puppet-mock…) or an instance. */
  puppet: string | PUPPET.impls.PuppetInterface;
  puppetToken?: string;
  groupMode: WechatGroupMode;
  /** Keeps the login session across restarts (`<name>.memory-card.json`); none: log in again after a restart. */
  sessionName?: string;
  logger: Logger;
  /** Where the login QR code art goes; the terminal by default. */
  printQr?: (art: string) => void;
  queue?: Partial<SendQueueOptions>;
}

// WeChat flags accounts that send in bursts: space replies out.
const DEFAULT_QUEUE: SendQueueOptions = { perChatIntervalMs: 700, perSecond: 5, maxRateLimitRetries: 0, maxRetryAfterMs: 0 };

export class WechatAdapter implements ChannelAdapter {
  readonly channel = 'wechat' as const;
  readonly capabilities: ChannelCapabilities = WECHAT_CAPABILITIES;
  private readonly login: WechatLogin;
  private readonly edge: ChannelEdge;
  private readonly queue: SendQueue;
  private readonly logger: Logger;
  private bot: Wechaty | undefined;

  constructor(private readonly options: WechatAdapterOptions) {
    this.logger = options.logger.child({ channel: 'wechat' });
    // wechaty emits each message once: nothing would deliver it again, so failures are logged, not rethrown.
    this.edge = new ChannelEdge({ channel: 'wechat', logger: options.logger, redelivers: false, answer: (event, text) => this.answer(event, text) });
    this.login = new WechatLogin(options.printQr ?? printToTerminal);
    this.queue = new SendQueue({ ...DEFAULT_QUEUE, ...options.queue });
  }

  /** For the admin console: the QR code to scan, or who is logged in. */
  loginState(): WechatLoginState {
    return this.login.current;
  }

  async start(ctx: ChannelContext): Promise<void> {
    const { puppet, puppetToken, sessionName } = this.options;
    const bot = typeof puppet === 'string'
      ? WechatyBuilder.build({ ...(sessionName ? { name: sessionName } : {}), puppet: puppet as never, ...(puppetToken ? { puppetOptions: { token: puppetToken } } : {}) })
      : WechatyBuilder.build({ ...(sessionName ? { name: sessionName } : {}), puppet });
    bot.on('scan', (code, status) => {
      this.login.scanned(code, status);
      ctx.setStatus?.('down', 'waiting for the WeChat login QR code to be scanned');
    });
    bot.on('login', (user) => {
      this.login.loggedIn({ id: user.id, name: user.name() });
      this.logger.info({ user: user.id }, 'wechat logged in');
      ctx.setStatus?.('up');
    });
    bot.on('logout', (user, reason) => {
      this.login.loggedOut();
      this.logger.warn({ user: user.id, reason }, 'wechat logged out; replies wait in the outbox until it logs in again');
      ctx.setStatus?.('down', 'logged out of WeChat');
    });
    bot.on('error', (error) => this.logger.warn({ reason: describeFailure(error) }, 'wechaty reported an error'));
    bot.on('message', (message) => void this.onMessage(message));
    this.edge.attach(ctx);
    this.bot = bot;
    // Never `await bot.ready()`: some puppets (the mock among them) never emit 'ready', and messages flow without it.
    try {
      await bot.start();
    } catch (error) {
      throw new TransportError('wechat', `wechaty could not start: ${describeFailure(error)}`, { cause: error });
    }
    if (!bot.isLoggedIn) ctx.setStatus?.('down', 'waiting for WeChat login');
  }

  async stop(): Promise<void> {
    const bot = this.bot;
    this.bot = undefined;
    this.edge.detach();
    this.login.stopped();
    await bot?.stop();
  }

  async send(ref: ConversationReference, message: OutboundMessage): Promise<void> {
    const target = parseReference('wechat', wechatRefSchema, ref, () => ({ contactId: ref.externalUserId }));
    const bot = this.bot;
    // Retryable: the outbox keeps the reply and sends it once the account is logged in again.
    if (!bot?.isLoggedIn) throw new TransportError('wechat', 'WeChat is not logged in');
    for (const part of render(message, this.capabilities)) {
      await this.queue.run(target.roomId ?? target.contactId, () => this.say(bot, target, encode(part)));
    }
  }

  private answer(event: InboundEvent, text: string): Promise<void> {
    const ref = { conversationId: '', externalUserId: event.sender.externalId, ...(event.channelRef ? { channelRef: event.channelRef } : {}) };
    return this.send(ref, { type: 'text', kind: 'system', text });
  }

  /** The adapter's error boundary for sending. */
  private async say(bot: Wechaty, target: WechatRef, text: string): Promise<void> {
    try {
      if (target.roomId) {
        const room = await bot.Room.find({ id: target.roomId });
        if (!room) throw new ChannelError('wechat', `group ${target.roomId} not found`, { permanent: true });
        const talker = await bot.Contact.find({ id: target.contactId });
        await (talker ? room.say(text, talker) : room.say(text));
        return;
      }
      const contact = await bot.Contact.find({ id: target.contactId });
      if (!contact) throw new ChannelError('wechat', `contact ${target.contactId} not found`, { permanent: true });
      await contact.say(text);
    } catch (error) {
      if (error instanceof ChannelError) throw error;
      throw new TransportError('wechat', describeFailure(error), { cause: error });
    }
  }

  /** One incoming message, decoded and handed to the edge (which is the error boundary). */
  private async onMessage(message: Message): Promise<void> {
    const bot = this.bot;
    if (!bot || !this.edge.running || message.self()) return;
    const payload = wechatMessageSchema.safeParse(message.payload);
    if (!payload.success) return;
    const inbound = decode(payload.data, {
      self: { id: bot.currentUser.id, name: bot.currentUser.name() },
      talkerName: message.talker().name(),
      groupMode: this.options.groupMode,
      receivedAt: new Date(),
    });
    if (inbound.kind === 'ignored') return;
    await this.edge.receive(inbound.event);
  }
}

