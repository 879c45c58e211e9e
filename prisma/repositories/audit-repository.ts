import type { AuditInput, AuditRepository } from '../../core/ports.js';
import type { AuditEntry } from '../../core/types.js';
import type { Db } from '../client.js';
import { auditColumns, toAuditEntry } from '../knowledge-mappers.js';

export class PrismaAuditRepository implements AuditRepository {
  constructor(private readonly db: Db) {}

  async record(input: AuditInput): Promise<AuditEntry> {
    return toAuditEntry(await this.db.auditLog.create({ data: auditColumns(input) }));
  }

  async list(options: { limit?: number; before?: Date; target?: string } = {}): Promise<AuditEntry[]> {
    const { limit = 100, before, target } = options;
    const byTarget = !target ? {} : target.endsWith('*') ? { target: { startsWith: target.slice(0, -1) } } : { target };
    const rows = await this.db.auditLog.findMany({
      where: { ...byTarget, ...(before ? { createdAt: { lt: before } } : {}) },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit,
    });
    return rows.map(toAuditEntry);
  }
}
