import type { HandoffRepository } from '../ports.js';
import type { AlertService } from './alert-service.js';

/** Alerts once when the waiting queue reaches the threshold, and again only after it fell below it. */
export class QueueWatch {
  private over = false;

  constructor(private readonly handoff: HandoffRepository, private readonly alerts: AlertService, private readonly threshold: number) {}

  /** After the queue may have shrunk (a claim, an assignment): re-arms the alert once it is below the threshold. */
  async settle(): Promise<void> {
    if (this.over && (await this.handoff.listQueued()).length < this.threshold) this.over = false;
  }

  /** After anything that may have grown the queue. */
  async check(): Promise<void> {
    const waiting = (await this.handoff.listQueued()).length;
    if (waiting < this.threshold) {
      this.over = false;
      return;
    }
    if (this.over) return;
    this.over = true;
    await this.alerts.raise({
      kind: 'queue_over', severity: 'warning', title: `排队人数过多：${waiting} 人等待`,
      text: `当前有 ${waiting} 位顾客在排队等待人工客服（阈值 ${this.threshold}），请安排更多客服上线。`,
    });
  }
}
