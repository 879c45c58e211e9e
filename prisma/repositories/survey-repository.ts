import type { SurveyRepository } from '../../core/ports.js';
import type { NewSurvey, Survey, SurveyStatus } from '../../core/tickets/ticket-types.js';
import type { Db } from '../client.js';
import { queryRows, type RawDb } from '../raw/raw-db.js';
import { toSurvey } from '../ticket-mappers.js';

const OPEN = ['pending', 'scored'];

export class PrismaSurveyRepository implements SurveyRepository {
  constructor(
    private readonly db: Db,
    private readonly raw?: RawDb,
  ) {}

  async create(survey: NewSurvey): Promise<Survey> {
    return toSurvey(await this.db.survey.create({ data: { ...survey, status: 'pending' } }));
  }

  async get(id: string): Promise<Survey | null> {
    const row = await this.db.survey.findUnique({ where: { id } });
    return row ? toSurvey(row) : null;
  }

  async openForCustomer(customerId: string): Promise<Survey | null> {
    // Asked for every customer text; almost always none, which a prepared statement answers without the query compiler.
    if (this.raw && (await queryRows(this.raw, `SELECT 1 AS "one" FROM "Survey" WHERE "customerId" = ? AND "status" IN ('pending', 'scored') LIMIT 1`, [customerId])).length === 0) return null;
    const row = await this.db.survey.findFirst({ where: { customerId, status: { in: OPEN } }, orderBy: [{ sentAt: 'desc' }, { id: 'desc' }] });
    return row ? toSurvey(row) : null;
  }

  async transition(id: string, from: SurveyStatus, patch: Partial<Pick<Survey, 'status' | 'score' | 'comment' | 'answeredAt' | 'expiresAt'>>): Promise<Survey | null> {
    const { count } = await this.db.survey.updateMany({ where: { id, status: from }, data: patch });
    return count === 0 ? null : this.get(id);
  }

  async listExpired(now: Date, limit: number): Promise<Survey[]> {
    const rows = await this.db.survey.findMany({ where: { status: { in: OPEN }, expiresAt: { lte: now } }, orderBy: [{ expiresAt: 'asc' }, { id: 'asc' }], take: limit });
    return rows.map(toSurvey);
  }

  async listByTicket(ticketId: string): Promise<Survey[]> {
    const rows = await this.db.survey.findMany({ where: { ticketId }, orderBy: [{ sentAt: 'asc' }, { id: 'asc' }] });
    return rows.map(toSurvey);
  }

  async answeredBetween(from: Date, to: Date): Promise<Survey[]> {
    const rows = await this.db.survey.findMany({ where: { answeredAt: { gte: from, lt: to }, score: { not: null } }, orderBy: { answeredAt: 'asc' } });
    return rows.map(toSurvey);
  }
}
