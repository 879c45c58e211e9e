// Prisma CLI configuration. The CLI runs its WebAssembly schema engine through a driver adapter because the native
// engines cannot be downloaded here. The schema follows DATABASE_URL's provider, or KEFU_PRISMA_PROVIDER
// (sqlite | postgres) when set; `--schema prisma/<provider>/schema.prisma` overrides both.
// KEFU_PRISMA_OFFLINE=1 gives the engine an in-memory SQLite connection: enough for `generate` and for
// `migrate diff` between two datamodels (of either provider), which touch no database.
import { defineConfig } from 'prisma/config';

const url = process.env.DATABASE_URL ?? 'file:./data/kefu.db';
const isPostgres = /^postgres(ql)?:\/\//.test(url);
const provider = process.env.KEFU_PRISMA_PROVIDER ?? (isPostgres ? 'postgres' : 'sqlite');

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: `prisma/${provider}/schema.prisma`,
  // Drivers are imported lazily so that a SQLite command never loads pg and vice versa.
  async adapter() {
    if (isPostgres && process.env.KEFU_PRISMA_OFFLINE !== '1') {
      const { PrismaPg } = await import('@prisma/adapter-pg');
      const parsed = new URL(url);
      const schema = parsed.searchParams.get('schema') ?? 'public';
      parsed.searchParams.delete('schema');
      // `schema` qualifies the client's queries; the engine's migration SQL is unqualified and needs search_path.
      const options = `-c search_path="${schema.replaceAll('"', '""')}"`;
      return new PrismaPg({ connectionString: parsed.toString(), options }, { schema });
    }
    const { PrismaBetterSQLite3 } = await import('@prisma/adapter-better-sqlite3');
    return new PrismaBetterSQLite3({ url: process.env.KEFU_PRISMA_OFFLINE === '1' ? ':memory:' : url });
  },
});
