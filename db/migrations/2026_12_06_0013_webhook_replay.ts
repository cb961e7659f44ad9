import { sql, type Kysely } from 'kysely';

// Replaying a webhook subscription's backlog from a point in time looks up the first audit event at or after
// that time (db/repositories/webhooks.ts requeueFrom): a range scan on occurred_at, not a walk of the chain.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index audit_events_occurred_idx on audit_events (occurred_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index audit_events_occurred_idx`.execute(db);
}
