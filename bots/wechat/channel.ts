import type { ChannelCapabilities } from '../channel-adapter.js';
import { WECHAT_MAX_TEXT } from './encode.js';

export const WECHAT_CAPABILITIES: ChannelCapabilities = { buttons: false, images: false, maxTextLength: WECHAT_MAX_TEXT, selfDelivering: false };
