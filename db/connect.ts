import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Kysely, Migrator, PostgresDialect, type MigrationResultSet } from 'kysely';
import { PGlite } from '@electric-sql/pglite';
import { Pool, types } from 'pg';
import { migrations } from './migrations';
import { PGliteDialect } from './pglite-dialect';
import type { Database } from './types';

// bigint (audit ids) and numeric stay strings; int8 counts are parsed where used.
types.setTypeParser(types.builtins.INT8, (v) => v);

export type Db = Kysely<Database>;

export interface DbOptions {
  /** PostgreSQL connection string; without it an embedded PGlite database under dataDir is used. */
  databaseUrl?: string;
  dataDir?: string;
  poolSize?: number;
}

export async function createDb(options: DbOptions): Promise<Db> {
  if (options.databaseUrl) {
    // JIT off for our sessions: the reports' queries read tens of thousands of rows, enough for the planner to
    // compile them, and compiling took longer than running them (boundary report at 100k pending approvals and
    // 1M audit events: 5.3 s with JIT, 3.3 s without; the admin's review metrics 1.1 s and 0.9 s).
    const pool = new Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10, options: '-c jit=off' });
    // An idle client that loses its server (a restart, a failover) must not take the process down;
    // the pool replaces it on the next query.
    pool.on('error', (err) => console.warn(`PostgreSQL idle client error: ${err.message}`));
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  const dir = path.resolve(options.dataDir ?? '.data', 'pglite');
  mkdirSync(dir, { recursive: true });
  const pglite = await PGlite.create(dir);
  return new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
}

export async function migrateToLatest(db: Kysely<any>): Promise<MigrationResultSet> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed: ${(result.error as Error).message ?? String(result.error)}`);
  }
  return result;
}
