import type { ChannelCapabilities } from '../channel-adapter.js';

/** The widget shows buttons and any length of text in one bubble; pictures only as links. */
export const WEBCHAT_CAPABILITIES: ChannelCapabilities = { buttons: true, images: false, maxTextLength: 4000, selfDelivering: true };
