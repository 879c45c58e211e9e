import type { ChannelCapabilities } from '../channel-adapter.js';
import { TELEGRAM_MAX_TEXT } from './encode.js';

export const TELEGRAM_CAPABILITIES: ChannelCapabilities = { buttons: true, images: false, maxTextLength: TELEGRAM_MAX_TEXT, selfDelivering: false };
