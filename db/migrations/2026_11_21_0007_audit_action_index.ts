import { Kysely } from 'kysely';

// The review metrics (gated share by rule) and the boundary report read audit events by action over a
// time window; without this each request and each Prometheus scrape scans the whole trail.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('audit_events_action_occurred_idx').on('audit_events').columns(['action', 'occurred_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('audit_events_action_occurred_idx').execute();
}
