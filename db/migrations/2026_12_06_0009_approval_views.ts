import { Kysely, sql } from 'kysely';

// Review time is time spent reviewing: when the rep page first showed an approval to a reviewer, and how long it
// stayed in view, per reviewer. A decision keeps its decider's view as it stood when the decision was recorded,
// so the reports read one immutable figure (null: decided without a view, "not viewed").
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('approval_views')
    .addColumn('approval_request_id', 'text', (c) => c.notNull().references('approval_requests.id').onDelete('cascade'))
    .addColumn('viewer_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('first_viewed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_reported_at', 'timestamptz', (c) => c.notNull())
    .addColumn('visible_ms', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('approval_views_pkey', ['approval_request_id', 'viewer_id'])
    .execute();
  await db.schema
    .alterTable('approval_decisions')
    .addColumn('first_viewed_at', 'timestamptz')
    .addColumn('visible_ms', 'integer')
    .execute();
  await sql`comment on column approval_decisions.first_viewed_at is 'the decider''s first view of the approval; null: decided without a view'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('approval_decisions').dropColumn('visible_ms').dropColumn('first_viewed_at').execute();
  await db.schema.dropTable('approval_views').execute();
}
