import { composeServices } from '../../app/compose.js';
import { loadConfig } from '../../app/config.js';
import { createInMemoryRepositories } from '../../core/in-memory/in-memory-repositories.js';
import type { ChannelId, Conversation, Role, StoredMessage, User } from '../../core/types.js';
import { loadBuiltinFaqs } from '../../knowledge/index.js';
import { ManualClock, silentLogger } from '../core/conversation-harness.js';
import { CHEAP_PASSWORD_COST } from '../webchat/webchat-harness.js';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/**
 * The real composition root (app/compose.ts) on in-memory repositories and a hand-moved clock. Default start:
 * Monday 23 Nov 2026, 10:00 in Shanghai; service hours Mon-Fri 09:00-18:00.
 */
export async function ticketHarness(options: { env?: Record<string, string>; now?: string } = {}) {
  const clock = new ManualClock(new Date(options.now ?? '2026-11-23T02:00:00Z'));
  const repos = createInMemoryRepositories(() => clock.now());
  await repos.faqs.upsertMany(loadBuiltinFaqs());
  const config = loadConfig({ LOG_LEVEL: 'silent', KEFU_PASSWORD_COST: CHEAP_PASSWORD_COST, KEFU_BUSINESS_HOURS: 'Mon-Fri 09:00-18:00', KEFU_TIMEZONE: 'Asia/Shanghai', ...options.env });
  const services = composeServices(config, repos, silentLogger, clock);
  let n = 0;

  async function customer(channel: ChannelId = 'webchat', externalId = `visitor-${++n}`, displayName = `客户${n}`) {
    const conversation = await services.conversations.startConversation({ channel, sender: { externalId, displayName } });
    const say = async (text: string) => {
      clock.advance(1000);
      return services.conversations.receive({
        type: 'text', channel, sender: { externalId, displayName }, conversationId: channel === 'webchat' ? conversation.id : undefined,
        text, receivedAt: clock.now(), channelMessageId: `m-${++n}`,
      });
    };
    const current = async () => (await repos.conversations.get(conversation.id)) as Conversation;
    const transcript = () => repos.messages.listByConversation(conversation.id);
    const lastText = async () => (await transcript()).at(-1)?.text ?? '';
    return { conversation, say, current, transcript, lastText };
  }

  async function user(name: string, role: Role = 'agent'): Promise<User> {
    const created = await repos.users.create({ email: `${name}@shop.test`, displayName: name, role, passwordHash: 'not-used' });
    return repos.users.update(created.id, { presence: 'online' });
  }

  const advance = (ms: number) => clock.advance(ms);
  return { clock, repos, config, services, t: services.tickets, customer, user, advance };
}

export const texts = (messages: StoredMessage[]) => messages.map((m) => `${m.author}: ${m.text}`);
