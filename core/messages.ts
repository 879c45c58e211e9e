import type { ChannelId, Choice, Lang, ReplyKind } from './types.js';

/** Who wrote an inbound event, as the channel knows them. */
export interface ChannelSender {
  /** The channel's stable user id (Telegram user id, WeChat contact id, web chat visitor id…). */
  externalId: string;
  displayName?: string;
}

interface InboundBase {
  channel: ChannelId;
  sender: ChannelSender;
  /** The platform's id for this message or update; used for de-duplication. */
  channelMessageId?: string;
  /** Kefu conversation id when the channel already knows it (web chat). */
  conversationId?: string;
  receivedAt: Date;
  /** Adapter-specific JSON saying where to reply after the turn; stored on the conversation (`Conversation.channelRef`). */
  channelRef?: string;
  /** The platform payload, kept for debugging only: core never reads it. */
  raw?: unknown;
}

export interface AttachmentInfo {
  kind: 'image' | 'sticker' | 'voice' | 'video' | 'file' | 'other';
  channelFileId: string;
  name?: string;
}

/** What a customer can ask for by button or slash command, whatever their language: data, never magic text. */
export const CUSTOMER_COMMANDS = ['human', 'ticket', 'start', 'help'] as const;
export type CustomerCommand = (typeof CUSTOMER_COMMANDS)[number];

/** How a command is shown in the transcript when the channel gives no label of its own. */
export const commandText = (command: CustomerCommand): string => `/${command}`;

/** The one normalized message every channel adapter produces. */
export type InboundEvent =
  | (InboundBase & { type: 'text'; text: string })
  | (InboundBase & { type: 'choice'; faqId: string })
  | (InboundBase & { type: 'attachment'; attachment: AttachmentInfo; caption?: string })
  | (InboundBase & {
    type: 'command';
    command: CustomerCommand;
    /** What the customer saw or typed (a button label, "/human"); stored for the transcript, never matched or detected. */
    label?: string;
    /** The customer's language as the platform knows it; used only while the conversation has no message yet. */
    lang?: Lang;
  })
  | (InboundBase & { type: 'unsupported'; description: string });

/** What core asks an adapter to deliver. `encode` in each channel must handle every variant. */
export type OutboundMessage =
  | { type: 'text'; kind: ReplyKind | 'agent'; text: string; faqId?: string }
  | { type: 'choices'; text: string; choices: Choice[] }
  | { type: 'image'; url: string; caption: string };
