import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Kysely, Migrator, PostgresDialect, type MigrationResultSet } from 'kysely';
import { PGlite } from '@electric-sql/pglite';
import { Client, Pool, types } from 'pg';
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

/**
 * Every statement with parameters is prepared once per connection and executed by name after that: PostgreSQL
 * parses and plans it once (after five runs it may keep a generic plan, as for any prepared statement). Parsing
 * and planning were a third of PostgreSQL's time per cadence step (the reply ledger's match, a union of five
 * lookups, planned in 3 ms and ran in 0.2). A connection keeps at most this many texts (a list of n values is a
 * text per n); past that, a new text is parsed and planned on each run, as before.
 */
export const PREPARED_PER_CONNECTION = 500;

/** PostgreSQL refuses to run a prepared statement whose result columns changed under it (a migration added a column). */
function isStalePlan(err: unknown): boolean {
  return (err as { code?: string }).code === '0A000' && /cached plan must not change result type/.test((err as Error).message);
}

class PreparingClient extends Client {
  /** Statement name by text; a stale statement gets a new name, and the old one is left to the session. */
  private readonly names = new Map<string, string>();
  private renamed = 0;

  // pg's query() has many overloads; this only turns (text, values) without a callback into a named statement.
  override query(...args: any[]): any {
    const [text, values, callback] = args;
    if (typeof text !== 'string' || !Array.isArray(values) || callback !== undefined) return (super.query as any)(...args);
    let name = this.names.get(text);
    if (name === undefined) {
      if (this.names.size >= PREPARED_PER_CONNECTION) return (super.query as any)(text, values);
      name = `prepared-${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
      this.names.set(text, name);
    }
    return ((super.query as any)({ name, text, values }) as Promise<unknown>).catch((err: unknown) => {
      // This run fails (its transaction, if any, is aborted anyway); the next one prepares the text afresh.
      if (isStalePlan(err)) this.names.set(text, `${name}-${++this.renamed}`);
      throw err;
    });
  }
}

export async function createDb(options: DbOptions): Promise<Db> {
  if (options.databaseUrl) {
    // JIT off for our sessions: the reports' queries read tens of thousands of rows, enough for the planner to
    // compile them, and compiling took longer than running them (boundary report at 100k pending approvals and
    // 1M audit events: 5.3 s with JIT, 3.3 s without; the admin's review metrics 1.1 s and 0.9 s).
    const pool = new Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10, options: '-c jit=off', Client: PreparingClient });
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
