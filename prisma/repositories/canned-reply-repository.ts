import { DomainError } from '../../core/errors.js';
import type { CannedReplyInput, CannedReplyPatch, CannedReplyRepository } from '../../core/ports.js';
import type { CannedReply } from '../../core/types.js';
import type { Db } from '../client.js';
import { toCannedReply } from '../mappers.js';
import { isRecordNotFound, isUniqueViolation } from '../prisma-errors.js';

export class PrismaCannedReplyRepository implements CannedReplyRepository {
  constructor(private readonly db: Db) {}

  async list(ownerId?: string): Promise<CannedReply[]> {
    const rows = await this.db.cannedReply.findMany({ where: { ownerId: { in: ['', ...(ownerId ? [ownerId] : [])] } }, orderBy: [{ shortcut: 'asc' }, { ownerId: 'asc' }] });
    return rows.map(toCannedReply);
  }

  async get(id: string): Promise<CannedReply | null> {
    const row = await this.db.cannedReply.findUnique({ where: { id } });
    return row ? toCannedReply(row) : null;
  }

  async create(input: CannedReplyInput): Promise<CannedReply> {
    const data = { ...input, ownerId: input.ownerId ?? '' };
    return this.write(input.shortcut, async () => toCannedReply(await this.db.cannedReply.create({ data })));
  }

  async update(id: string, patch: CannedReplyPatch): Promise<CannedReply> {
    const { shortcut, category, title, text } = patch;
    return this.write(shortcut, async () => toCannedReply(await this.db.cannedReply.update({ where: { id }, data: { shortcut, category, title, text } })), id);
  }

  async delete(id: string): Promise<void> {
    await this.write(undefined, () => this.db.cannedReply.delete({ where: { id } }), id);
  }

  private async write<T>(shortcut: string | undefined, work: () => Promise<T>, id?: string): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new DomainError('conflict', `shortcut ${shortcut} exists`, { userMessage: `The shortcut "/${shortcut}" is already used`, cause: error });
      }
      if (isRecordNotFound(error)) throw new DomainError('not_found', `canned reply ${id} not found`, { userMessage: 'Canned reply not found', cause: error });
      throw error;
    }
  }
}
