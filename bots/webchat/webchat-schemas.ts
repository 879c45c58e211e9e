import { z } from 'zod';
import { CUSTOMER_COMMANDS } from '../../core/messages.js';
import { messageTextProblem } from '../../core/text-rules.js';

const ID = /^[A-Za-z0-9._:-]+$/;

export const startConversationBody = z
  .object({
    lang: z.enum(['zh', 'en']).optional(),
    visitorId: z.string().min(8).max(64).regex(ID, 'may contain only letters, digits and . _ : -').optional(),
    visitorToken: z.string().min(1).max(200).optional(),
  });
export type StartConversationBody = z.infer<typeof startConversationBody>;

function messageFields(maxTextLength: number) {
  return z.object({
    text: z
      .string()
      .trim()
      .superRefine((text, ctx) => {
        const problem = messageTextProblem(text, maxTextLength);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      })
      .optional(),
    /** A button's command (the widget's "talk to a person": `human`); `text` is then only its label for the transcript. */
    command: z.enum(CUSTOMER_COMMANDS).optional(),
    clientMessageId: z.string().min(1).max(64).regex(ID, 'may contain only letters, digits and . _ : -').optional(),
  });
}

const textOrCommand = (body: { text?: string | undefined; command?: unknown }): boolean => body.text !== undefined || body.command !== undefined;
const TEXT_OR_COMMAND = { message: 'text is required (or a command)', path: ['text'] };

export function sendMessageBody(maxTextLength: number) {
  return messageFields(maxTextLength).refine(textOrCommand, TEXT_OR_COMMAND);
}
export type SendMessageBody = z.infer<ReturnType<typeof sendMessageBody>>;

export const transcriptQuery = z.object({
  afterSeq: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
});

export const socketQuery = z.object({
  conversationId: z.string().min(1).max(200),
  token: z.string().min(1).max(1000),
  afterSeq: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
});

/** Frames a browser may send over the socket. */
export function socketInbound(maxTextLength: number) {
  return z.discriminatedUnion('type', [
    messageFields(maxTextLength).extend({ type: z.literal('message') }).refine(textOrCommand, TEXT_OR_COMMAND),
    z.object({ type: z.literal('ping') }),
  ]);
}
