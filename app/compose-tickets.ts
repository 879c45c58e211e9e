import type { ConversationFeed } from '../core/conversation-feed.js';
import type { Clock, Logger, PubSub, Repositories } from '../core/ports.js';
import { Poller } from '../core/tickets/poller.js';
import { ReportService } from '../core/tickets/report-service.js';
import { SlaMonitor } from '../core/tickets/sla-monitor.js';
import { SlaPlanner } from '../core/tickets/sla-schedule.js';
import { SurveyService } from '../core/tickets/survey-service.js';
import { TicketChat } from '../core/tickets/ticket-chat.js';
import { TicketConversations } from '../core/tickets/ticket-conversations.js';
import { TicketIntake } from '../core/tickets/ticket-intake.js';
import { TicketQueries } from '../core/tickets/ticket-queries.js';
import { TicketService, type TicketDeps } from '../core/tickets/ticket-service.js';
import { TicketStore } from '../core/tickets/ticket-store.js';
import { TicketWorkflow } from '../core/tickets/ticket-workflow.js';
import type { KefuConfig } from './config.js';

/** Tickets, SLA, surveys and reports (issue #5), wired once by the composition root. */
export interface TicketModule {
  store: TicketStore;
  service: TicketService;
  workflow: TicketWorkflow;
  conversations: TicketConversations;
  queries: TicketQueries;
  surveys: SurveyService;
  /** The handoff service's observer: left messages and complaints become tickets; closed chats get a survey. */
  intake: TicketIntake;
  /** The conversation service's text and command handler: survey answers, "my ticket" and /ticket before FAQ matching. */
  chat: TicketChat;
  monitor: SlaMonitor;
  reports: ReportService;
  /** Starts the SLA poller and the survey expiry; both read their work from the database. */
  start(): void;
  stop(): Promise<void>;
}

export interface TicketModuleDeps {
  repos: Repositories;
  feed: ConversationFeed;
  pubsub: PubSub;
  clock: Clock;
  logger: Logger;
}

export function composeTickets(config: KefuConfig, { repos, feed, pubsub, clock, logger }: TicketModuleDeps): TicketModule {
  const hours = config.handoff.hours;
  const store = new TicketStore(repos.tickets, pubsub, clock, logger);
  const deps: TicketDeps = { repos, store, planner: new SlaPlanner(config.tickets.slaPolicy, hours), feed, clock, logger, timeZone: hours.timeZone };
  const service = new TicketService(deps);
  const surveys = new SurveyService({ repos, store, feed, clock, logger, settings: config.tickets.survey });
  const workflow = new TicketWorkflow(deps, service, surveys);
  const conversations = new TicketConversations(deps, service);
  const monitor = new SlaMonitor({ repos, store, conversations, clock, logger });
  const slaPoller = new Poller('sla', config.tickets.slaPollMs, () => monitor.tick(), logger);
  // Surveys expire after days: checking once a minute (or at the SLA pace, if faster) is plenty.
  const surveyPoller = new Poller('surveys', Math.min(60_000, config.tickets.slaPollMs), () => surveys.expire(), logger);
  return {
    store, service, workflow, conversations, surveys, monitor,
    queries: new TicketQueries(repos, service, conversations, clock),
    intake: new TicketIntake({ repos, tickets: service, store, surveys, feed, logger }),
    chat: new TicketChat({ repos, surveys, conversations, tickets: service, hours, clock }),
    reports: new ReportService(repos, clock, hours.timeZone),
    start() {
      slaPoller.start();
      surveyPoller.start();
    },
    async stop() {
      await Promise.all([slaPoller.stop(), surveyPoller.stop()]);
    },
  };
}
