import { Kysely, sql } from 'kysely';

// The API's rate-limit counters (api/rate-limit.ts), shared by every API process: rate-limiter-flexible's
// RateLimiterPostgres table, created here so no API process creates it at run time (tableCreated: true). Its
// shape is the library's: it inserts positionally (key, points, expire), so the columns and their order must stay.
// `key` is the limiter's prefix and the user or client address; `expire` the end of its window in epoch ms.
// Unlogged: counters that live for minutes need no WAL; a crash or a failover only resets them.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create unlogged table rate_limits (
    key varchar(255) primary key,
    points integer not null default 0,
    expire bigint
  )`.execute(db);
  // The API deletes rows that expired an hour ago every five minutes.
  await db.schema.createIndex('rate_limits_expire_idx').on('rate_limits').column('expire').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rate_limits').execute();
}
