import type { OrderChatRepository, OrderChatState, OrderChatTally } from '../../core/orders/order-ports.js';
import { ORDER_INTENTS } from '../../core/orders/order-types.js';
import type { Db } from '../client.js';
import { oneOf } from '../mappers.js';
import type { OrderChat as OrderChatRow } from '../generated/sqlite/client.js';
import { execute, insertSql, queryRecords, selectSql, sqlDate, type RawDb } from '../raw/raw-db.js';

const AWAITING = ['number', 'digits'] as const;

const COLUMNS = ['conversationId', 'orderNumber', 'intent', 'awaiting', 'failures', 'verifiedNumber', 'questions', 'answered', 'handedOff', 'updatedAt'] as const;
const GET = selectSql('OrderChat', COLUMNS, 'conversationId');
const SAVE = `${insertSql('OrderChat', COLUMNS)} ON CONFLICT ("conversationId") DO UPDATE SET ${COLUMNS.filter((c) => c !== 'conversationId').map((c) => `"${c}" = excluded."${c}"`).join(', ')}`;

export class PrismaOrderChatRepository implements OrderChatRepository {
  constructor(
    private readonly db: Db,
    private readonly raw: RawDb,
  ) {}

  /** Asked on every customer message: a prepared statement, not a compiled query. */
  async get(conversationId: string): Promise<OrderChatState | null> {
    const [row] = await queryRecords<OrderChatRow>(this.raw, GET, [conversationId], ['updatedAt']);
    if (!row) return null;
    return {
      ...row,
      intent: row.intent === null ? null : oneOf(ORDER_INTENTS, row.intent, 'OrderChat.intent'),
      awaiting: row.awaiting === null ? null : oneOf(AWAITING, row.awaiting, 'OrderChat.awaiting'),
    };
  }

  /** After every order question: a prepared upsert, not a compiled query. */
  async save(state: OrderChatState): Promise<void> {
    await execute(this.raw, SAVE, COLUMNS.map((c) => (c === 'updatedAt' ? sqlDate(this.raw, state.updatedAt) : state[c])));
  }

  async tally(from: Date, to: Date): Promise<OrderChatTally> {
    const where = { updatedAt: { gte: from, lt: to }, questions: { gt: 0 } };
    const sum = await this.db.orderChat.aggregate({ where, _count: { _all: true }, _sum: { questions: true, answered: true, handedOff: true } });
    return { conversations: sum._count._all, questions: sum._sum.questions ?? 0, answered: sum._sum.answered ?? 0, handedOff: sum._sum.handedOff ?? 0 };
  }
}
