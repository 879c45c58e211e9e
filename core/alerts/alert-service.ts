import { randomUUID } from 'node:crypto';
import type { Clock, Logger, PubSub } from '../ports.js';
import type { Alert, AlertRouting, AlertSender, AlertTarget, NewAlert } from './alert-types.js';
import { ALERTS_TOPIC } from './alert-types.js';

export interface AlertServiceDeps {
  routing: AlertRouting;
  sender: AlertSender;
  pubsub: PubSub;
  clock: Clock;
  logger: Logger;
}

/**
 * Tells people: every alert kind that is switched on goes live to the console and to the outside targets routed
 * for it. Outside delivery runs off the caller's path (an alert raised while answering a customer must not wait
 * for a mail server); a failed target is logged and the others still get it.
 */
export class AlertService {
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly deps: AlertServiceDeps) {}

  async raise(input: NewAlert): Promise<Alert | null> {
    const { routing, pubsub, clock, logger } = this.deps;
    const route = routing.routes[input.kind];
    if (route === false) return null;
    const alert: Alert = { ticketId: null, ticketNumber: null, conversationId: null, ...input, id: randomUUID(), at: clock.now() };
    logger.info({ alertId: alert.id, kind: alert.kind, ticketId: alert.ticketId, conversationId: alert.conversationId }, 'alert raised');
    await pubsub.publish(ALERTS_TOPIC, { type: 'alert', alert: toAlertView(alert) }).catch((err: unknown) => logger.warn({ err }, 'alert publish failed'));
    const targets = route === undefined ? routing.targets : routing.targets.filter((t) => route.includes(t.name));
    for (const target of targets) this.track(this.deliver(target, alert));
    return alert;
  }

  /** Resolves when every outside delivery started so far has finished (for shutdown and tests). */
  async flush(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  private async deliver(target: AlertTarget, alert: Alert): Promise<void> {
    try {
      await this.deps.sender.send(target, alert);
    } catch (err) {
      this.deps.logger.error({ err, target: target.name, alertId: alert.id, kind: alert.kind }, 'alert not delivered');
    }
  }

  private track(work: Promise<void>): void {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }
}

export interface AlertView extends Omit<Alert, 'at'> {
  at: string;
}

export const toAlertView = (alert: Alert): AlertView => ({ ...alert, at: alert.at.toISOString() });
