import { z } from 'zod';

/** The puppet's message payload (wechaty-puppet `payloads.Message`), the parts Kefu reads. */
export const wechatMessageSchema = z.object({
  id: z.string().min(1),
  type: z.number().int(),
  text: z.string().optional(),
  talkerId: z.string().min(1),
  listenerId: z.string().optional(),
  roomId: z.string().optional(),
  mentionIdList: z.array(z.string()).optional(),
  filename: z.string().optional(),
  timestamp: z.number().optional(),
});
export type WechatMessagePayload = z.infer<typeof wechatMessageSchema>;

/** What Kefu stores as `Conversation.channelRef`: the contact, and the group when the customer wrote there. */
export const wechatRefSchema = z.object({ contactId: z.string().min(1), roomId: z.string().min(1).optional() });
export type WechatRef = z.infer<typeof wechatRefSchema>;

export const WECHAT_GROUP_MODES = ['mention', 'all', 'off'] as const;
/** Which group messages the bot answers: only those @-mentioning it, all, or none. */
export type WechatGroupMode = (typeof WECHAT_GROUP_MODES)[number];
