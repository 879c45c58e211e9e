import type { ChannelCapabilities } from '../channel-adapter.js';
import { WECOM_MAX_TEXT } from './encode.js';

/** Menu messages are WeCom's buttons; pictures go as uploaded media. */
export const WECOM_CAPABILITIES: ChannelCapabilities = { buttons: true, images: true, maxTextLength: WECOM_MAX_TEXT, selfDelivering: false };
