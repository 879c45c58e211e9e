import express, { type RequestHandler } from 'express';
import {
  CloudAdapter, ConfigurationBotFrameworkAuthentication, type ConfigurationBotFrameworkAuthenticationOptions, type TurnContext,
} from 'botbuilder';
import { isDomainError } from '../../core/errors.js';
import type { OutboundMessage } from '../../core/messages.js';
import type { Logger } from '../../core/ports.js';
import type { ChannelAdapter, ChannelCapabilities, ChannelContext, ConversationReference } from '../channel-adapter.js';
import { ChannelError } from '../channel-errors.js';
import { RecentIds } from '../recent-ids.js';
import { toBotFrameworkFailure } from './botframework-errors.js';
import { decode } from './decode.js';
import { BOTFRAMEWORK_MAX_TEXT, encode } from './encode.js';
import { activitySchema, botframeworkRefSchema, type BotActivity } from './schema.js';

export interface BotFrameworkAdapterOptions {
  /** Azure Bot registration; both empty for the Bot Framework Emulator (no authentication, nothing leaves the machine). */
  appId?: string;
  appPassword?: string;
  appType?: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  tenantId?: string;
  logger: Logger;
  /** Where the Bot Connector posts activities. */
  path?: string;
}

export class BotFrameworkAdapter implements ChannelAdapter {
  readonly channel = 'botframework' as const;
  readonly capabilities: ChannelCapabilities = { buttons: true, choices: true, images: false, maxTextLength: BOTFRAMEWORK_MAX_TEXT };
  readonly routes: RequestHandler;
  private readonly cloud: CloudAdapter;
  private readonly seen = new RecentIds();
  private readonly logger: Logger;
  private ctx: ChannelContext | undefined;

  constructor(private readonly options: BotFrameworkAdapterOptions) {
    this.logger = options.logger.child({ channel: 'botframework' });
    // Only the settings given: the environment as a whole is never handed to botbuilder.
    const settings: ConfigurationBotFrameworkAuthenticationOptions = {
      ...(options.appId ? { MicrosoftAppId: options.appId } : {}),
      ...(options.appPassword ? { MicrosoftAppPassword: options.appPassword } : {}),
      ...(options.appType ? { MicrosoftAppType: options.appType } : {}),
      ...(options.tenantId ? { MicrosoftAppTenantId: options.tenantId } : {}),
    };
    this.cloud = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(settings));
    this.cloud.onTurnError = async (_turn, error) => {
      this.logger.error({ err: error }, 'bot framework turn failed');
      throw error;
    };
    this.routes = this.router(options.path ?? '/api/messages');
  }

  async start(ctx: ChannelContext): Promise<void> {
    this.ctx = ctx;
  }

  async stop(): Promise<void> {
    this.ctx = undefined;
  }

  async send(ref: ConversationReference, message: OutboundMessage): Promise<void> {
    const parsed = botframeworkRefSchema.safeParse(ref.channelRef ? JSON.parse(ref.channelRef) : null);
    if (!parsed.success) throw new ChannelError('botframework', `no conversation reference for ${ref.conversationId}`, { permanent: true });
    try {
      const { bot, user, conversation, ...rest } = parsed.data;
      // botbuilder's types want names; the connector does not need them.
      const reference = {
        ...rest, bot: { id: bot.id, name: bot.name ?? '' }, user: { id: user.id, name: user.name ?? '' },
        conversation: { ...conversation, name: '', isGroup: conversation.isGroup ?? false, conversationType: conversation.conversationType ?? '' },
      };
      await this.cloud.continueConversationAsync(this.options.appId ?? '', reference, async (turn) => {
        for (const activity of encode(message, this.capabilities.maxTextLength)) await turn.sendActivity(activity);
      });
    } catch (error) {
      throw toBotFrameworkFailure(error);
    }
  }

  private router(path: string): RequestHandler {
    const router = express.Router();
    router.post(path, async (req, res) => {
      if (!this.ctx) {
        res.status(503).json({ error: { code: 'unavailable', message: 'The Bot Framework channel is not running.' } });
        return;
      }
      // botbuilder would refuse it too, but prints a stack trace for every such request.
      if (this.options.appId && !req.headers.authorization) {
        res.status(401).json({ error: { code: 'unauthorized', message: 'Missing Bot Framework authentication.' } });
        return;
      }
      // botbuilder answers a body that is not an activity with an empty 500, which the connector would retry.
      const activity = activitySchema.safeParse(req.body);
      if (!activity.success) {
        const problems = activity.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
        res.status(400).json({ error: { code: 'invalid_input', message: `Not a Bot Framework activity: ${problems}` } });
        return;
      }
      try {
        await this.cloud.process(req, res, (turn) => this.onTurn(turn));
      } catch {
        // The turn error is logged by onTurnError; the connector retries on a 5xx.
        if (!res.headersSent) res.status(500).end();
      }
    });
    return router;
  }

  /** The adapter's error boundary for one incoming activity. */
  private async onTurn(turn: TurnContext): Promise<void> {
    const parsed = activitySchema.safeParse(turn.activity);
    if (!parsed.success) {
      this.logger.warn({ issues: parsed.error.issues.length }, 'activity does not match the schema; ignored');
      return;
    }
    const activity = parsed.data;
    const key = `${activity.channelId}:${activity.conversation.id}:${activity.id ?? ''}`;
    if (activity.id && !this.seen.add(key)) return;
    try {
      await this.handle(turn, activity);
    } catch (error) {
      if (isDomainError(error) && error.code === 'invalid_input') {
        await turn.sendActivity(error.userMessage);
        return;
      }
      this.seen.delete(key);
      throw error;
    }
  }

  private async handle(turn: TurnContext, activity: BotActivity): Promise<void> {
    const inbound = decode(activity, new Date());
    switch (inbound.kind) {
      case 'ignored':
        return;
      case 'event': {
        if (!this.ctx) throw new ChannelError('botframework', 'adapter is not started');
        // Replies go out through the outbox by conversation reference, after this request has been answered.
        await this.ctx.receive(inbound.event);
      }
    }
  }
}
