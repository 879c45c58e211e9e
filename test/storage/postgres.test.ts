import { postgresSchemaFixture, postgresUnavailable, testDatabaseLabel } from './postgres-fixture.js';
import { describeStorageContract } from './storage-contract.js';

const unavailable = await postgresUnavailable();

if (unavailable === null) {
  describeStorageContract('PostgreSQL', () => postgresSchemaFixture());
} else if (process.env.CI) {
  it('reaches PostgreSQL (required in CI)', () => {
    throw new Error(`PostgreSQL at ${testDatabaseLabel()} is unreachable: ${unavailable}`);
  });
} else {
  console.warn(
    `\n!!! SKIPPING the PostgreSQL storage contract: ${testDatabaseLabel()} is unreachable (${unavailable}).\n` +
      '!!! Start PostgreSQL or set TEST_DATABASE_URL; CI fails instead of skipping.\n',
  );
  it.skip('storage contract on PostgreSQL (database unreachable)', () => undefined);
}
