import { AlertService } from '../core/alerts/alert-service.js';
import { QueueWatch } from '../core/alerts/queue-watch.js';
import { SatisfactionFollowUp } from '../core/alerts/satisfaction-follow-up.js';
import { ticketAlerts } from '../core/alerts/ticket-alerts.js';
import { AGENT_EVENTS_TOPIC } from '../core/handoff/agent-views.js';
import type { HandoffObserver } from '../core/handoff/handoff-service.js';
import type { Clock, Logger, PubSub, Repositories } from '../core/ports.js';
import { SensitiveWordService } from '../core/supervision/sensitive-word-service.js';
import { OutsideAlertSender } from './alerts/alert-sender.js';
import type { TicketModule } from './compose-tickets.js';
import type { KefuConfig } from './config.js';

/** Supervision (issue #16): sensitive words and flagged messages, alerts and the follow-up of low scores. */
export interface SupervisionModule {
  words: SensitiveWordService;
  alerts: AlertService;
  followUp: SatisfactionFollowUp;
  /** The handoff service's observer: the ticket intake, then the queue alert. */
  handoffObserver: HandoffObserver;
  stop(): Promise<void>;
}

export interface SupervisionDeps {
  repos: Repositories;
  pubsub: PubSub;
  clock: Clock;
  logger: Logger;
  tickets: TicketModule;
}

export function composeSupervision(config: KefuConfig, { repos, pubsub, clock, logger, tickets }: SupervisionDeps): SupervisionModule {
  const sender = new OutsideAlertSender();
  const alerts = new AlertService({ routing: config.alerts.routing, sender, pubsub, clock, logger });
  const words = new SensitiveWordService({
    words: repos.sensitiveWords, flags: repos.messageFlags, clock, logger,
    onFlag: async (flag) => {
      if (flag.kind !== 'abuse') return;
      await alerts.raise({
        kind: 'abuse', severity: 'info', conversationId: flag.conversationId, title: '顾客辱骂',
        text: `一位顾客的消息包含：${flag.hits.map((h) => `「${h.term}」`).join('')}，请主管关注该会话。`,
      });
    },
  });
  const followUp = new SatisfactionFollowUp({
    repos, tickets: tickets.service, workflow: tickets.workflow, store: tickets.store, alerts, logger, lowScore: config.alerts.lowScore,
  });
  tickets.store.listen(ticketAlerts(alerts));
  tickets.surveys.listen(async (survey, conversation) => {
    await followUp.scored(survey, conversation);
  });
  const queue = new QueueWatch(repos.handoff, alerts, config.alerts.queueThreshold);
  const unsubscribe = pubsub.subscribe(AGENT_EVENTS_TOPIC, () => {
    queue.settle().catch((err: unknown) => logger.warn({ err }, 'queue check failed'));
  });
  const handoffObserver: HandoffObserver = {
    async handedOff(conversation, reason) {
      await tickets.intake.handedOff(conversation, reason);
      await queue.check();
    },
    closed: (conversation) => tickets.intake.closed(conversation),
  };
  return {
    words, alerts, followUp, handoffObserver,
    async stop() {
      unsubscribe();
      await alerts.flush();
      sender.close();
    },
  };
}
