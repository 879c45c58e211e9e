import { randomUUID } from 'node:crypto';
import { DomainError } from '../errors.js';
import type { DeliveryRecord, DeliveryRepository } from '../ports.js';
import type { DeliveryStatus, StoredMessage } from '../types.js';

/** The in-memory outbox; `messages` is the message store whose `deliveryStatus` it keeps in step. */
export function createInMemoryDeliveries(messages: StoredMessage[]): DeliveryRepository {
  const rows = new Map<string, DeliveryRecord>();
  const copy = (r: DeliveryRecord): DeliveryRecord => ({ ...r });
  const byOrder = (a: DeliveryRecord, b: DeliveryRecord) => a.createdAt.getTime() - b.createdAt.getTime() || a.seq - b.seq;

  const setStatus = (row: DeliveryRecord, status: DeliveryStatus): void => {
    row.status = status;
    const message = messages.find((m) => m.id === row.messageId);
    if (message) message.deliveryStatus = status;
  };
  const pending = (id: string): DeliveryRecord => {
    const row = rows.get(id);
    if (!row) throw new DomainError('not_found', `delivery ${id} not found`);
    if (row.status !== 'pending') throw new DomainError('conflict', `delivery ${id} is ${row.status}, not pending`);
    return row;
  };

  return {
    async enqueue({ message, channel, payload, at }) {
      const existing = [...rows.values()].find((r) => r.messageId === message.id);
      if (existing) return copy(existing);
      const row: DeliveryRecord = {
        id: randomUUID(), messageId: message.id, conversationId: message.conversationId, seq: message.seq, channel, payload,
        status: 'pending', attempts: 0, nextAttemptAt: at, lastError: null, createdAt: at, sentAt: null,
      };
      rows.set(row.id, row);
      setStatus(row, 'pending');
      return copy(row);
    },
    async claimDue({ now, leaseUntil, limit }) {
      const heads = new Map<string, DeliveryRecord>();
      for (const row of rows.values()) {
        const head = heads.get(row.conversationId);
        if (row.status === 'pending' && (!head || row.seq < head.seq)) heads.set(row.conversationId, row);
      }
      const due = [...heads.values()].filter((r) => r.nextAttemptAt <= now).sort(byOrder).slice(0, limit);
      for (const row of due) row.nextAttemptAt = leaseUntil;
      return due.map(copy);
    },
    async markSent(id, at) {
      const row = pending(id);
      Object.assign(row, { attempts: row.attempts + 1, sentAt: at, lastError: null });
      setStatus(row, 'sent');
      return copy(row);
    },
    async markRetry(id, { error, nextAttemptAt }) {
      const row = pending(id);
      Object.assign(row, { attempts: row.attempts + 1, lastError: error, nextAttemptAt });
      return copy(row);
    },
    async markFailed(id, { error }) {
      const row = pending(id);
      Object.assign(row, { attempts: row.attempts + 1, lastError: error });
      setStatus(row, 'failed');
      return copy(row);
    },
    async rescheduleChannel(channel, at) {
      const affected = [...rows.values()].filter((r) => r.channel === channel && r.status === 'pending' && r.attempts > 0 && r.nextAttemptAt > at);
      for (const row of affected) row.nextAttemptAt = at;
      return affected.length;
    },
    async getByMessage(messageId) {
      const row = [...rows.values()].find((r) => r.messageId === messageId);
      return row ? copy(row) : null;
    },
    async listByStatus(status, options = {}) {
      const list = [...rows.values()].filter((r) => r.status === status).sort(byOrder).map(copy);
      return options.limit === undefined ? list : list.slice(0, options.limit);
    },
  };
}
