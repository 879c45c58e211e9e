import express, { type RequestHandler } from 'express';
import {
  CloudAdapter, ConfigurationBotFrameworkAuthentication, type ConfigurationBotFrameworkAuthenticationOptions, type TurnContext,
} from 'botbuilder';
import { DomainError } from '../../core/errors.js';
import type { OutboundMessage } from '../../core/messages.js';
import type { Logger } from '../../core/ports.js';
import type { ChannelAdapter, ChannelCapabilities, ChannelContext, ConversationReference } from '../channel-adapter.js';
import { BOTFRAMEWORK_CAPABILITIES } from './channel.js';
import { ChannelEdge, parseReference } from '../channel-edge.js';
import { render } from '../render.js';
import { toBotFrameworkFailure } from './botframework-errors.js';
import { decode } from './decode.js';
import { encode } from './encode.js';
import { activitySchema, botframeworkRefSchema } from './schema.js';

export interface BotFrameworkAdapterOptions {
  /** Azure Bot registration; both empty for the Bot Framework Emulator (no authentication, nothing leaves the machine). */
  appId?: string;
  appPassword?: string;
  appType?: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  tenantId?: string;
  logger: Logger;
  /** Where the Bot Connector posts activities. */
  path?: string;
  /** What this deployment shows (an SMS or email channel has no buttons); Bot Framework's own by default. */
  capabilities?: Partial<ChannelCapabilities>;
}


export class BotFrameworkAdapter implements ChannelAdapter {
  readonly channel = 'botframework' as const;
  readonly capabilities: ChannelCapabilities;
  readonly routes: RequestHandler;
  private readonly cloud: CloudAdapter;
  private readonly edge: ChannelEdge;
  private readonly logger: Logger;
  /** The turn being handled, keyed by its activity: invalid input is answered in it. */
  private readonly turns = new Map<string, TurnContext>();

  constructor(private readonly options: BotFrameworkAdapterOptions) {
    this.capabilities = { ...BOTFRAMEWORK_CAPABILITIES, ...options.capabilities };
    this.logger = options.logger.child({ channel: 'botframework' });
    // The connector posts an activity again when the bot answers 5xx.
    this.edge = new ChannelEdge({
      channel: 'botframework', logger: options.logger, redelivers: true,
      answer: async (event, text) => {
        await this.turns.get(event.channelMessageId ?? '')?.sendActivity({ type: 'message', text, textFormat: 'plain' });
      },
    });
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
    this.edge.attach(ctx);
  }

  async stop(): Promise<void> {
    this.edge.detach();
  }

  async send(ref: ConversationReference, message: OutboundMessage): Promise<void> {
    const stored = parseReference('botframework', botframeworkRefSchema, ref);
    try {
      const { bot, user, conversation, ...rest } = stored;
      // botbuilder's types want names; the connector does not need them.
      const reference = {
        ...rest, bot: { id: bot.id, name: bot.name ?? '' }, user: { id: user.id, name: user.name ?? '' },
        conversation: { ...conversation, name: '', isGroup: conversation.isGroup ?? false, conversationType: conversation.conversationType ?? '' },
      };
      await this.cloud.continueConversationAsync(this.options.appId ?? '', reference, async (turn) => {
        for (const part of render(message, this.capabilities)) await turn.sendActivity(encode(part));
      });
    } catch (error) {
      throw toBotFrameworkFailure(error);
    }
  }

  private router(path: string): RequestHandler {
    const router = express.Router();
    router.post(path, async (req, res) => {
      if (!this.edge.running) throw new DomainError('unavailable', 'botframework is not running', { userMessage: 'The Bot Framework channel is not running.' });
      // botbuilder would refuse it too, but prints a stack trace for every such request.
      if (this.options.appId && !req.headers.authorization) {
        throw new DomainError('unauthorized', 'bot framework post without authorization', { userMessage: 'Missing Bot Framework authentication.' });
      }
      // botbuilder answers a body that is not an activity with an empty 500, which the connector would retry.
      const activity = activitySchema.safeParse(req.body);
      if (!activity.success) {
        const problems = activity.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
        throw new DomainError('invalid_input', 'not a bot framework activity', { userMessage: `Not a Bot Framework activity: ${problems}` });
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

  /** One incoming activity, decoded and handed to the edge (the error boundary); replies go out by reference later. */
  private async onTurn(turn: TurnContext): Promise<void> {
    const parsed = activitySchema.safeParse(turn.activity);
    if (!parsed.success) {
      this.logger.warn({ issues: parsed.error.issues.length }, 'activity does not match the schema; ignored');
      return;
    }
    const inbound = decode(parsed.data, new Date());
    if (inbound.kind === 'ignored') return;
    const key = inbound.event.channelMessageId ?? '';
    this.turns.set(key, turn);
    try {
      await this.edge.receive(inbound.event);
    } finally {
      this.turns.delete(key);
    }
  }
}
