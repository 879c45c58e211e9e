import { z } from 'zod';
import { CUSTOMER_COMMANDS } from '../../core/messages.js';

// The parts of a Bot Framework Activity that Kefu reads; unknown fields are dropped.
const account = z.object({ id: z.string().min(1), name: z.string().optional() });
const conversation = z.object({
  id: z.string().min(1),
  isGroup: z.boolean().optional(),
  conversationType: z.string().optional(),
  tenantId: z.string().optional(),
});
const attachment = z.object({
  contentType: z.string(),
  contentUrl: z.string().optional(),
  name: z.string().optional(),
});

export const activitySchema = z.object({
  type: z.string(),
  id: z.string().optional(),
  channelId: z.string().min(1),
  serviceUrl: z.string().url(),
  from: account,
  recipient: account,
  conversation,
  text: z.string().optional(),
  value: z.unknown().optional(),
  locale: z.string().optional(),
  attachments: z.array(attachment).optional(),
  membersAdded: z.array(account).optional(),
});

export type BotActivity = z.infer<typeof activitySchema>;
export type BotAccount = z.infer<typeof account>;
export type BotAttachment = z.infer<typeof attachment>;

/** What Kefu stores as `Conversation.channelRef`: a ConversationReference without the activity it came from. */
export const botframeworkRefSchema = z.object({
  serviceUrl: z.string().url(),
  channelId: z.string(),
  conversation,
  bot: account,
  user: account,
  locale: z.string().optional(),
});
export type BotFrameworkRef = z.infer<typeof botframeworkRefSchema>;

/** The value of a card button that asks for a command (`{kefu: 'command', command: 'human'}`). */
export const commandValueSchema = z.object({ kefu: z.literal('command'), command: z.enum(CUSTOMER_COMMANDS) });

/** The value a choice's messageBack action carries. */
export const choiceValueSchema = z.object({ kefu: z.literal('choice'), faqId: z.string().min(1) });
