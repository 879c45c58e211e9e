import type { Clock, CustomerRecordRepository, Logger } from '../ports.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Empties conversations closed more than `days` ago (0: keep for ever). Run on a schedule by a Poller. */
export class RetentionPurge {
  constructor(
    private readonly records: Pick<CustomerRecordRepository, 'purgeBefore'>,
    private readonly days: number,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  async run(): Promise<number> {
    if (this.days <= 0) return 0;
    const purged = await this.records.purgeBefore(new Date(this.clock.now().getTime() - this.days * DAY_MS));
    if (purged > 0) this.logger.info({ purged, days: this.days }, 'retention: old conversations emptied');
    return purged;
  }
}
