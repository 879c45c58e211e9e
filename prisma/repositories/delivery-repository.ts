import { DomainError } from '../../core/errors.js';
import type { OutboundMessage } from '../../core/messages.js';
import type { DeliveryRecord, DeliveryRepository } from '../../core/ports.js';
import { CHANNELS, DELIVERY_STATUSES, type ChannelId, type DeliveryStatus, type StoredMessage } from '../../core/types.js';
import type { Db } from '../client.js';
import type { Delivery as DeliveryRow } from '../generated/sqlite/client.js';
import { oneOf } from '../mappers.js';
import { isUniqueViolation } from '../prisma-errors.js';
import { claimDue, finishDelivery } from '../raw/outbox.js';
import type { RawDb } from '../raw/raw-db.js';

function toDelivery(row: DeliveryRow): DeliveryRecord {
  return {
    id: row.id,
    messageId: row.messageId,
    conversationId: row.conversationId,
    seq: row.seq,
    channel: oneOf(CHANNELS, row.channel, 'Delivery.channel'),
    payload: JSON.parse(row.payload) as OutboundMessage,
    status: oneOf(DELIVERY_STATUSES, row.status, 'Delivery.status'),
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt,
    lastError: row.lastError,
    createdAt: row.createdAt,
    sentAt: row.sentAt,
  };
}

const ORDER = [{ createdAt: 'asc' }, { seq: 'asc' }] as const;

/** The outbox. Every status change also writes `Message.deliveryStatus`, in the same transaction. */
export class PrismaDeliveryRepository implements DeliveryRepository {
  constructor(
    private readonly db: Db,
    private readonly raw: RawDb,
  ) {}

  async enqueue(input: { message: StoredMessage; channel: ChannelId; payload: OutboundMessage; at: Date }): Promise<DeliveryRecord> {
    const { message, channel, payload, at } = input;
    try {
      const [row] = await this.db.$transaction([
        this.db.delivery.create({
          data: {
            messageId: message.id, conversationId: message.conversationId, seq: message.seq, channel,
            payload: JSON.stringify(payload), nextAttemptAt: at, createdAt: at,
          },
        }),
        this.db.message.update({ where: { id: message.id }, data: { deliveryStatus: 'pending' } }),
      ]);
      return toDelivery(row);
    } catch (error) {
      const existing = isUniqueViolation(error) ? await this.getByMessage(message.id) : null;
      if (!existing) throw error;
      return existing;
    }
  }

  /** Read on every outbox poll: prepared statements (raw/outbox.ts), not compiled queries. */
  async claimDue(input: { now: Date; leaseUntil: Date; limit: number }): Promise<DeliveryRecord[]> {
    return (await claimDue(this.raw, input)).map(toDelivery);
  }

  markSent(id: string, at: Date): Promise<DeliveryRecord> {
    return this.finish(id, 'sent', { sentAt: at, lastError: null });
  }

  async markRetry(id: string, input: { error: string; nextAttemptAt: Date }): Promise<DeliveryRecord> {
    const { count } = await this.db.delivery.updateMany({
      where: { id, status: 'pending' },
      data: { attempts: { increment: 1 }, lastError: input.error, nextAttemptAt: input.nextAttemptAt },
    });
    if (count === 0) throw await this.notPending(id);
    return toDelivery(await this.db.delivery.findUniqueOrThrow({ where: { id } }));
  }

  markFailed(id: string, input: { error: string; at: Date }): Promise<DeliveryRecord> {
    return this.finish(id, 'failed', { lastError: input.error });
  }

  async rescheduleChannel(channel: ChannelId, at: Date): Promise<number> {
    const { count } = await this.db.delivery.updateMany({
      where: { channel, status: 'pending', attempts: { gt: 0 }, nextAttemptAt: { gt: at } },
      data: { nextAttemptAt: at },
    });
    return count;
  }

  async getByMessage(messageId: string): Promise<DeliveryRecord | null> {
    const row = await this.db.delivery.findUnique({ where: { messageId } });
    return row ? toDelivery(row) : null;
  }

  async listByStatus(status: DeliveryStatus, options: { limit?: number } = {}): Promise<DeliveryRecord[]> {
    const rows = await this.db.delivery.findMany({ where: { status }, orderBy: [...ORDER], take: options.limit });
    return rows.map(toDelivery);
  }

  private async finish(id: string, status: 'sent' | 'failed', data: { sentAt?: Date; lastError: string | null }): Promise<DeliveryRecord> {
    const row = await finishDelivery(this.raw, id, status, { ...data, at: new Date() });
    if (!row) throw await this.notPending(id);
    return toDelivery(row);
  }

  private async notPending(id: string): Promise<DomainError> {
    const row = await this.db.delivery.findUnique({ where: { id }, select: { status: true } });
    return row
      ? new DomainError('conflict', `delivery ${id} is ${row.status}, not pending`)
      : new DomainError('not_found', `delivery ${id} not found`);
  }
}
