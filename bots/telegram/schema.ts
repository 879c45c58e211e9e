import { z } from 'zod';

// The parts of a Bot API Update that Kefu reads; unknown fields are dropped.
const user = z.object({
  id: z.number(),
  is_bot: z.boolean().optional(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  username: z.string().optional(),
  language_code: z.string().optional(),
});
const chat = z.object({ id: z.number(), type: z.string().optional() });
const file = z.object({ file_id: z.string(), file_name: z.string().optional() });

const message = z.object({
  message_id: z.number(),
  chat,
  from: user.optional(),
  text: z.string().optional(),
  caption: z.string().optional(),
  photo: z.array(file).optional(),
  sticker: file.optional(),
  voice: file.optional(),
  audio: file.optional(),
  video: file.optional(),
  video_note: file.optional(),
  animation: file.optional(),
  document: file.optional(),
});

const callbackQuery = z.object({
  id: z.string(),
  from: user,
  message: z.object({ message_id: z.number(), chat: chat.optional() }).optional(),
  data: z.string().optional(),
});

export const telegramUpdateSchema = z.object({
  update_id: z.number().int(),
  message: message.optional(),
  callback_query: callbackQuery.optional(),
});

export type TelegramUpdate = z.infer<typeof telegramUpdateSchema>;
export type TelegramMessage = z.infer<typeof message>;
export type TelegramUser = z.infer<typeof user>;

/** What Kefu stores as `Conversation.channelRef` for a Telegram conversation. */
export const telegramRefSchema = z.object({ chatId: z.number() });
export type TelegramRef = z.infer<typeof telegramRefSchema>;

/** The updates Kefu asks Telegram for. */
export const ALLOWED_UPDATES = ['message', 'callback_query'] as const;
