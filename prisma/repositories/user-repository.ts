import { DomainError } from '../../core/errors.js';
import type { NewUser, UserPatch, UserRepository } from '../../core/ports.js';
import type { User } from '../../core/types.js';
import type { Db } from '../client.js';
import { toUser, type UserFields } from '../mappers.js';
import { USER } from '../raw/columns.js';
import { queryRecords, selectSql, type RawDb } from '../raw/raw-db.js';
import { isRecordNotFound, isUniqueViolation } from '../prisma-errors.js';

const GET = selectSql('User', USER.columns);

export class PrismaUserRepository implements UserRepository {
  constructor(
    private readonly db: Db,
    private readonly raw: RawDb,
  ) {}

  async create(input: NewUser): Promise<User> {
    const email = input.email.toLowerCase();
    try {
      return toUser(await this.db.user.create({ data: { ...input, email } }));
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new DomainError('conflict', `user ${email} exists`, { userMessage: 'A user with this e-mail address already exists', cause: error });
      }
      throw error;
    }
  }

  /** On every signed-in request: a prepared statement, not a compiled query. */
  async get(id: string): Promise<User | null> {
    const [row] = await queryRecords<UserFields>(this.raw, GET, [id], USER.dates);
    return row ? toUser(row) : null;
  }

  async findByEmail(email: string): Promise<{ user: User; passwordHash: string } | null> {
    const row = await this.db.user.findUnique({ where: { email: email.toLowerCase() } });
    return row ? { user: toUser(row), passwordHash: row.passwordHash } : null;
  }

  async list(): Promise<User[]> {
    const rows = await this.db.user.findMany({ orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
    return rows.map(toUser);
  }

  count(): Promise<number> {
    return this.db.user.count();
  }

  async update(id: string, patch: UserPatch): Promise<User> {
    const { displayName, role, presence, capacity, lastAssignedAt, passwordHash, status } = patch;
    try {
      return toUser(await this.db.user.update({ where: { id }, data: { displayName, role, presence, capacity, lastAssignedAt, passwordHash, status } }));
    } catch (error) {
      if (isRecordNotFound(error)) throw new DomainError('not_found', `user ${id} not found`, { userMessage: 'User not found', cause: error });
      throw error;
    }
  }
}
