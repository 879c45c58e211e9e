import { randomUUID } from 'node:crypto';
import type { ChannelId } from '../../core/types.js';
import { insertSql, numbered, queryRecords, type RawDb, sqlDate, statementName } from './raw-db.js';

/** A customer with its identities (oldest first), one row per identity, for mappers.toCustomer. */
export interface CustomerFields {
  id: string;
  displayName: string | null;
  createdAt: Date;
  identities: { channel: string; externalId: string }[];
}

interface JoinedRow {
  id: string;
  displayName: string | null;
  createdAt: Date;
  channel: string | null;
  externalId: string | null;
}

const JOINED = `SELECT c."id", c."displayName", c."createdAt", i."channel", i."externalId" FROM "Customer" c
  LEFT JOIN "CustomerIdentity" i ON i."customerId" = c."id"`;
const BY_ID = `${JOINED} WHERE c."id" = ? ORDER BY i."createdAt", i."id"`;
const BY_IDENTITY = `${JOINED} WHERE c."id" = (SELECT "customerId" FROM "CustomerIdentity" WHERE "channel" = ? AND "externalId" = ?)
  ORDER BY i."createdAt", i."id"`;
const INSERT_CUSTOMER = insertSql('Customer', ['id', 'displayName', 'createdAt', 'updatedAt']);
const INSERT_IDENTITY = insertSql('CustomerIdentity', ['id', 'customerId', 'channel', 'externalId', 'createdAt']);
// One statement on PostgreSQL: the identity's unique violation takes the customer row with it.
const INSERT_BOTH_POSTGRES = numbered(`WITH c AS (INSERT INTO "Customer" ("id", "displayName", "createdAt", "updatedAt")
  VALUES (?, ?, ?::timestamp(3), ?::timestamp(3)) RETURNING "id")
  INSERT INTO "CustomerIdentity" ("id", "customerId", "channel", "externalId", "createdAt") SELECT ?, c."id", ?, ?, ?::timestamp(3) FROM c`);

function customer(rows: JoinedRow[]): CustomerFields | null {
  const [first] = rows;
  if (!first) return null;
  const identities = rows.flatMap((r) => (r.channel !== null && r.externalId !== null ? [{ channel: r.channel, externalId: r.externalId }] : []));
  return { id: first.id, displayName: first.displayName, createdAt: first.createdAt, identities };
}

export async function customerById(db: RawDb, id: string): Promise<CustomerFields | null> {
  return customer(await queryRecords<JoinedRow>(db, BY_ID, [id], ['createdAt']));
}

export async function customerByIdentity(db: RawDb, channel: ChannelId, externalId: string): Promise<CustomerFields | null> {
  return customer(await queryRecords<JoinedRow>(db, BY_IDENTITY, [channel, externalId], ['createdAt']));
}

/** A new customer with its one identity, in one transaction; a unique violation when the identity exists is thrown as is. */
export async function createCustomer(db: RawDb, channel: ChannelId, externalId: string, displayName: string | null): Promise<CustomerFields> {
  const id = randomUUID();
  const createdAt = new Date();
  const at = sqlDate(db, createdAt);
  if (db.dialect === 'sqlite') {
    await db.transaction(() => {
      db.statement(INSERT_CUSTOMER).run(id, displayName, at, at);
      db.statement(INSERT_IDENTITY).run(randomUUID(), id, channel, externalId, at);
    });
  } else {
    const values = [id, displayName, at, at, randomUUID(), channel, externalId, at];
    await db.pool.query({ name: statementName(INSERT_BOTH_POSTGRES), text: INSERT_BOTH_POSTGRES, values });
  }
  return { id, displayName, createdAt, identities: [{ channel, externalId }] };
}
