import type { RequestHandler } from 'express';
import type { Logger } from '../core/ports.js';
import { dependencyUnavailable, isDomainError } from '../core/errors.js';
import { CHANNELS, type ChannelId } from '../core/types.js';
import type { ChannelAdapter } from '../bots/channel-adapter.js';
import { OutboxWorker } from '../bots/delivery/outbox-worker.js';
import { WebchatAdapter } from '../bots/webchat/webchat-adapter.js';
import type { WechatAdapter } from '../bots/wechat/wechat-adapter.js';
import { ChannelSupervisor, type ChannelHealth } from './channel-supervisor.js';
import type { ChannelsConfig } from './channels-config.js';
import type { Services } from './compose.js';
import type { KefuConfig } from './config.js';
import { createChannelAdminRouter } from './http/channel-admin-routes.js';

/** Which setting switches each channel on, for the one start-up line about channels that are off. */
const SWITCH: Record<Exclude<ChannelId, 'webchat'>, string> = {
  telegram: 'TELEGRAM_BOT_TOKEN',
  wechat: 'WECHATY_PUPPET',
  botframework: 'BOTFRAMEWORK_ENABLED or MICROSOFT_APP_ID',
  wecom: 'WECOM_CORP_ID',
};

export interface RunningChannels {
  /** Webhook endpoints and the channel admin API; mount before the HTTP app's 404. */
  routers: RequestHandler[];
  /** Starts the channels (each in the background, retried on failure) and the outbox worker. Call once listening. */
  start(): void;
  health(): { status: 'ok' | 'degraded'; channels: Record<string, ChannelHealth> };
  adapter(channel: ChannelId): ChannelAdapter | undefined;
  /** Always on; its router and socket (mounted by start.ts) hand visitors' messages to it. */
  webchat: WebchatAdapter;
  stop(): Promise<void>;
}

/**
 * Builds the configured channel adapters, their supervisor and the outbox worker that sends replies through them.
 * `isUnavailable` says whether an error means the database is out of reach: such a failure enters the edge as an
 * `unavailable` refusal (a 503 with Retry-After on webhooks), not as an internal error with a stack per message.
 */
export async function createChannels(
  config: KefuConfig, services: Services, logger: Logger, isUnavailable: (error: unknown) => boolean = () => false,
): Promise<RunningChannels> {
  // Web chat runs under the supervisor too, so its visitors' messages enter core through the same ChannelContext.
  const webchat = new WebchatAdapter(services.pubsub, { maxTextLength: config.maxMessageLength, logger });
  const adapters: ChannelAdapter[] = [webchat, ...(await buildAdapters(config.channels, logger))];
  const off = CHANNELS.filter((c): c is Exclude<ChannelId, 'webchat'> => c !== 'webchat' && !adapters.some((a) => a.channel === c));
  for (const channel of off) logger.info({ channel }, `${channel} is off (set ${SWITCH[channel]} to turn it on)`);

  const worker = new OutboxWorker({
    repos: services.repos, pubsub: services.pubsub, clock: services.clock, logger,
    adapterFor: (channel) => supervisor.adapterFor(channel),
    options: { pollMs: config.delivery.pollMs, maxAttempts: config.delivery.maxAttempts, retryBaseMs: config.delivery.retryBaseMs },
  });
  const supervisor = new ChannelSupervisor({
    adapters, off, logger, retry: config.channels.retry,
    receive: (event) => services.conversations.receive(event).catch((error: unknown) => {
      throw !isDomainError(error) && isUnavailable(error) ? dependencyUnavailable(error) : error;
    }),
    onUp: (channel) => void worker.channelUp(channel).catch((err: unknown) => logger.warn({ channel, err }, 'could not reschedule deliveries')),
    onDown: (channel, reason) => void services.supervision.alerts.raise({
      kind: 'channel_down', severity: 'critical', title: `渠道中断：${channel}`,
      text: `${channel} 渠道已断开（${reason}），正在自动重连；期间该渠道的回复会排队等待发送。`,
    }),
  });
  const unsubscribe = services.delivery.onQueued(() => worker.kick());
  const health = () => {
    const channels: Record<string, ChannelHealth> = supervisor.health();
    return { status: Object.values(channels).some((c) => c.status === 'down') ? 'degraded' as const : 'ok' as const, channels };
  };
  const wechat = adapters.find((a): a is WechatAdapter => a.channel === 'wechat');

  return {
    routers: [
      ...adapters.flatMap((a) => (a.routes ? [a.routes] : [])),
      createChannelAdminRouter({
        auth: services.auth, health: () => health().channels, ...(wechat ? { wechatLogin: () => wechat.loginState() } : {}),
      }),
    ],
    start() {
      worker.start();
      supervisor.start();
    },
    health,
    adapter: (channel) => supervisor.adapterFor(channel),
    webchat,
    async stop() {
      unsubscribe();
      await supervisor.stop();
      await worker.stop();
    },
  };
}

// SDKs load only for channels that are on: wechaty alone takes about a second to import.
async function buildAdapters(channels: ChannelsConfig, logger: Logger): Promise<ChannelAdapter[]> {
  const adapters: ChannelAdapter[] = [];
  if (channels.telegram) {
    const { TelegramAdapter } = await import('../bots/telegram/telegram-adapter.js');
    adapters.push(new TelegramAdapter({ ...channels.telegram, logger }));
  }
  if (channels.wechat) {
    const { WechatAdapter } = await import('../bots/wechat/wechat-adapter.js');
    adapters.push(new WechatAdapter({ ...channels.wechat, logger }));
  }
  if (channels.botframework) {
    const { BotFrameworkAdapter } = await import('../bots/botframework/botframework-adapter.js');
    adapters.push(new BotFrameworkAdapter({ ...channels.botframework, logger }));
  }
  if (channels.wecom) {
    const { WecomAdapter } = await import('../bots/wecom/wecom-adapter.js');
    adapters.push(new WecomAdapter({ ...channels.wecom, logger }));
  }
  return adapters;
}
