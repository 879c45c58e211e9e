import { join } from 'node:path';
import { DomainError } from '../../core/errors.js';
import { parseDatabaseUrl } from '../../prisma/database-url.js';
import { openStorage } from '../../prisma/storage.js';

describe('parseDatabaseUrl', () => {
  it('resolves a relative SQLite file against the working directory', () => {
    expect(parseDatabaseUrl('file:./data/kefu.db', '/srv/kefu')).toEqual({ provider: 'sqlite', file: join('/srv/kefu', 'data', 'kefu.db') });
    expect(parseDatabaseUrl('file:/var/lib/kefu.db?connection_limit=1')).toEqual({ provider: 'sqlite', file: '/var/lib/kefu.db' });
    expect(parseDatabaseUrl('file:///var/lib/kefu.db')).toEqual({ provider: 'sqlite', file: '/var/lib/kefu.db' });
  });

  it('takes the PostgreSQL schema from ?schema= and keeps the other parameters', () => {
    expect(parseDatabaseUrl('postgres://u:p@db:5432/kefu?schema=shop_1&sslmode=require')).toEqual({
      provider: 'postgresql',
      connectionString: 'postgres://u:p@db:5432/kefu?sslmode=require',
      schema: 'shop_1',
      poolSize: 10,
      poolTimeoutMs: 10_000,
      statementTimeoutMs: 15_000,
    });
    expect(parseDatabaseUrl('postgresql://db/kefu')).toMatchObject({ schema: 'public' });
  });

  it('sizes the PostgreSQL pool from connection_limit and pool_timeout, as Prisma URLs do, and bounds statements by statement_timeout', () => {
    expect(parseDatabaseUrl('postgresql://db/kefu?connection_limit=24&pool_timeout=3&statement_timeout=2500')).toEqual({
      provider: 'postgresql', connectionString: 'postgresql://db/kefu', schema: 'public', poolSize: 24, poolTimeoutMs: 3000, statementTimeoutMs: 2500,
    });
  });

  it.each([
    ['mysql://u:secret@db/kefu', 'scheme mysql:'],
    ['./kefu.db', 'scheme (none)'],
    ['file::memory:', 'SQLite file'],
    ['postgresql://db/kefu?schema=bad;name', 'invalid schema name'],
    ['postgresql://db/kefu?connection_limit=0', 'connection_limit=0'],
    ['postgresql://db/kefu?pool_timeout=soon', 'pool_timeout=soon'],
    ['postgresql://db/kefu?statement_timeout=5', 'statement_timeout=5'],
  ])('refuses %s with an invalid_input DomainError naming DATABASE_URL', (url, detail) => {
    let error: unknown;
    try {
      parseDatabaseUrl(url);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'invalid_input' });
    expect((error as DomainError).message).toContain('DATABASE_URL');
    expect((error as DomainError).message).toContain(detail);
    expect((error as DomainError).message).not.toContain('secret');
  });

  it('makes openStorage fail the same way before touching any database', async () => {
    await expect(openStorage('mongodb://localhost/kefu')).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
