import type { SessionRepository } from '../../core/ports.js';
import type { Session } from '../../core/types.js';
import type { Db } from '../client.js';
import { toSession } from '../mappers.js';

export class PrismaSessionRepository implements SessionRepository {
  constructor(private readonly db: Db) {}

  async create(session: Session): Promise<void> {
    await this.db.session.create({ data: session });
  }

  async get(id: string): Promise<Session | null> {
    const row = await this.db.session.findUnique({ where: { id } });
    return row ? toSession(row) : null;
  }

  async extend(id: string, expiresAt: Date): Promise<void> {
    await this.db.session.updateMany({ where: { id }, data: { expiresAt } });
  }

  async delete(id: string): Promise<void> {
    await this.db.session.deleteMany({ where: { id } });
  }

  async deleteExpired(now: Date): Promise<number> {
    return (await this.db.session.deleteMany({ where: { expiresAt: { lte: now } } })).count;
  }

  async deleteForUser(userId: string): Promise<string[]> {
    const rows = await this.db.session.findMany({ where: { userId }, select: { id: true } });
    await this.db.session.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } });
    return rows.map((r) => r.id);
  }
}
