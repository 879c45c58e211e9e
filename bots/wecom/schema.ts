import { z } from 'zod';

/** One message of a `kf/sync_msg` answer, the parts Kefu reads. `origin`: 3 the customer, 4 a system event, 5 a servicer. */
export const kfMessageSchema = z.object({
  msgid: z.string().min(1),
  open_kfid: z.string().min(1),
  external_userid: z.string().optional(),
  send_time: z.number().optional(),
  origin: z.number().int(),
  msgtype: z.string(),
  text: z.object({ content: z.string(), menu_id: z.string().optional() }).optional(),
  image: z.object({ media_id: z.string() }).optional(),
  voice: z.object({ media_id: z.string() }).optional(),
  video: z.object({ media_id: z.string() }).optional(),
  file: z.object({ media_id: z.string() }).optional(),
  event: z.object({ event_type: z.string(), external_userid: z.string().optional(), open_kfid: z.string().optional() }).passthrough().optional(),
});
export type KfMessage = z.infer<typeof kfMessageSchema>;

export const syncMsgAnswerSchema = z.object({
  errcode: z.number(),
  errmsg: z.string().optional(),
  next_cursor: z.string().optional(),
  has_more: z.number().optional(),
  msg_list: z.array(z.unknown()).default([]),
});

/** The event WeCom posts (encrypted) to the callback URL: "messages are waiting, fetch them with this token". */
export const kfCallbackEventSchema = z.object({
  MsgType: z.literal('event'),
  Event: z.string(),
  Token: z.string().optional(),
  OpenKfId: z.string().optional(),
});

/** What Kefu stores as `Conversation.channelRef`: the customer and the customer-service account they wrote to. */
export const wecomRefSchema = z.object({ externalUserId: z.string().min(1), openKfId: z.string().min(1) });
export type WecomRef = z.infer<typeof wecomRefSchema>;
