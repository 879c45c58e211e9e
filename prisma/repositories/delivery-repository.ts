import { DomainError } from '../../core/errors.js';
import type { OutboundMessage } from '../../core/messages.js';
import type { DeliveryRecord, DeliveryRepository } from '../../core/ports.js';
import { CHANNELS, DELIVERY_STATUSES, type ChannelId, type DeliveryStatus, type StoredMessage } from '../../core/types.js';
import { TX_OPTIONS, type Db } from '../client.js';
import type { Delivery as DeliveryRow } from '../generated/sqlite/client.js';
import { oneOf } from '../mappers.js';
import { isUniqueViolation } from '../prisma-errors.js';

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
  constructor(private readonly db: Db) {}

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

  async claimDue(input: { now: Date; leaseUntil: Date; limit: number }): Promise<DeliveryRecord[]> {
    const due = await this.db.delivery.findMany({
      where: { status: 'pending', nextAttemptAt: { lte: input.now } },
      orderBy: [{ nextAttemptAt: 'asc' }, { seq: 'asc' }],
      take: input.limit * 4,
    });
    if (due.length === 0) return [];
    const heads = await this.db.delivery.groupBy({
      by: ['conversationId'],
      where: { status: 'pending', conversationId: { in: [...new Set(due.map((r) => r.conversationId))] } },
      _min: { seq: true },
    });
    const headSeq = new Map(heads.map((h) => [h.conversationId, h._min.seq]));
    const claimed: DeliveryRecord[] = [];
    for (const row of due.filter((r) => headSeq.get(r.conversationId) === r.seq)) {
      if (claimed.length >= input.limit) break;
      // Conditional on the due time we read: if another worker leased the row first, this matches nothing.
      const { count } = await this.db.delivery.updateMany({
        where: { id: row.id, status: 'pending', nextAttemptAt: row.nextAttemptAt },
        data: { nextAttemptAt: input.leaseUntil },
      });
      if (count === 1) claimed.push(toDelivery({ ...row, nextAttemptAt: input.leaseUntil }));
    }
    return claimed;
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
    const row = await this.db.$transaction(async (tx) => {
      const { count } = await tx.delivery.updateMany({ where: { id, status: 'pending' }, data: { ...data, status, attempts: { increment: 1 } } });
      if (count === 0) return null;
      const updated = await tx.delivery.findUniqueOrThrow({ where: { id } });
      await tx.message.update({ where: { id: updated.messageId }, data: { deliveryStatus: status } });
      return updated;
    }, TX_OPTIONS);
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
