import type { ChannelId } from '../core/types.js';
import type { ChannelCapabilities } from './channel-adapter.js';
import { BOTFRAMEWORK_CAPABILITIES } from './botframework/channel.js';
import { TELEGRAM_CAPABILITIES } from './telegram/channel.js';
import { WEBCHAT_CAPABILITIES } from './webchat/channel.js';
import { WECHAT_CAPABILITIES } from './wechat/channel.js';
import { WECOM_CAPABILITIES } from './wecom/channel.js';

/** What each channel declares it can show; read by the outbox (`selfDelivering`) before any adapter exists. */
export const CHANNEL_CAPABILITIES: Record<ChannelId, ChannelCapabilities> = {
  webchat: WEBCHAT_CAPABILITIES,
  telegram: TELEGRAM_CAPABILITIES,
  wechat: WECHAT_CAPABILITIES,
  botframework: BOTFRAMEWORK_CAPABILITIES,
  wecom: WECOM_CAPABILITIES,
};
