import type { ChannelCapabilities } from '../channel-adapter.js';
import { BOTFRAMEWORK_MAX_TEXT } from './encode.js';

export const BOTFRAMEWORK_CAPABILITIES: ChannelCapabilities = { buttons: true, images: true, maxTextLength: BOTFRAMEWORK_MAX_TEXT, selfDelivering: false };
