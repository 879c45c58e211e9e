import { ConversationService } from '../../core/conversation-service.js';
import { createInMemoryRepositories } from '../../core/in-memory/in-memory-repositories.js';
import { InProcessPubSub } from '../../core/in-memory/in-process-pubsub.js';
import { KnowledgeBase } from '../../core/knowledge-base.js';
import type { InboundEvent } from '../../core/messages.js';
import { noDelivery, type Clock, type Logger } from '../../core/ports.js';
import type { FaqInput } from '../../core/types.js';
import { loadBuiltinFaqs, loadBuiltinSynonyms } from '../../knowledge/index.js';
import { ConversationFeed } from '../../core/conversation-feed.js';

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => silentLogger };

/** A clock tests move by hand. */
export class ManualClock implements Clock {
  constructor(private t = new Date('2026-03-02T10:00:00Z')) {}
  now(): Date {
    return new Date(this.t);
  }
  advance(ms: number): void {
    this.t = new Date(this.t.getTime() + ms);
  }
}

export async function conversationHarness(faqs: FaqInput[] = loadBuiltinFaqs()) {
  const clock = new ManualClock();
  const repos = createInMemoryRepositories(() => clock.now());
  await repos.faqs.upsertMany(faqs);
  const pubsub = new InProcessPubSub();
  const knowledge = new KnowledgeBase(repos.faqs, clock, silentLogger, { synonyms: loadBuiltinSynonyms(), refreshIntervalMs: 1000 });
  const service = new ConversationService({
    repos, knowledge, feed: new ConversationFeed(repos.messages, pubsub, noDelivery, clock, silentLogger), clock, logger: silentLogger, settings: { maxTextLength: 4000 },
  });
  const conversation = await service.startConversation({ channel: 'webchat', sender: { externalId: 'visitor-1' } });
  let n = 0;
  const say = (text: string, channelMessageId?: string) => {
    const event: InboundEvent = {
      type: 'text', channel: 'webchat', sender: { externalId: 'visitor-1' }, conversationId: conversation.id,
      text, receivedAt: clock.now(), channelMessageId: channelMessageId ?? `auto-${++n}`,
    };
    return service.receive(event);
  };
  return { clock, repos, pubsub, knowledge, service, conversation, say };
}

export interface LoggedLine {
  level: string;
  obj: unknown;
  msg?: string;
}

/** Keeps what was logged, to check that failures are recorded and message text is not. */
export function recordingLogger(lines: LoggedLine[]): Logger {
  const at = (level: string) => (obj: object | string, msg?: string) => void lines.push({ level, obj, ...(msg === undefined ? {} : { msg }) });
  const logger: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), child: () => logger };
  return logger;
}
