import type { SessionRepository } from '../../core/ports.js';
import type { Session } from '../../core/types.js';
import type { Db } from '../client.js';
import { toSession } from '../mappers.js';
import type { Session as SessionRow } from '../generated/sqlite/client.js';
import { SESSION } from '../raw/columns.js';
import { queryRecords, selectSql, type RawDb } from '../raw/raw-db.js';

const GET = selectSql('Session', SESSION.columns);

export class PrismaSessionRepository implements SessionRepository {
  constructor(
    private readonly db: Db,
    private readonly raw: RawDb,
  ) {}

  async create(session: Session): Promise<void> {
    await this.db.session.create({ data: session });
  }

  /** On every signed-in request: a prepared statement, not a compiled query. */
  async get(id: string): Promise<Session | null> {
    const [row] = await queryRecords<SessionRow>(this.raw, GET, [id], SESSION.dates);
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
