import { sql, type Kysely } from 'kysely';

// Indexes that serve the API's paginated lists (db/repositories/pages.ts) as range scans in their sort order,
// so a page deep into a queue of 100k items costs what the first one does. The expressions must stay exactly
// as the queries write them (coalesce(due_at, 'infinity'), coalesce(seq, max bigint)) for the planner to match them.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index approval_requests_status_page_idx on approval_requests (status, created_at, id)`.execute(db);
  await sql`create index approval_requests_owner_page_idx on approval_requests (owner_id, status, created_at, id)`.execute(db);
  await sql`create index tasks_status_page_idx on tasks (status, (coalesce(due_at, 'infinity'::timestamptz)), id)`.execute(db);
  await sql`create index tasks_owner_page_idx on tasks (owner_id, status, (coalesce(due_at, 'infinity'::timestamptz)), id)`.execute(db);
  await sql`create index suppressions_page_idx on suppressions (created_at, id)`.execute(db);
  await sql`create index cadences_page_idx on cadences (created_at, id)`.execute(db);
  await sql`create index audit_events_timeline_page_idx on audit_events (prospect_id, (coalesce(seq, 9223372036854775807)), id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const index of [
    'audit_events_timeline_page_idx',
    'cadences_page_idx',
    'suppressions_page_idx',
    'tasks_owner_page_idx',
    'tasks_status_page_idx',
    'approval_requests_owner_page_idx',
    'approval_requests_status_page_idx',
  ]) {
    await sql`drop index if exists ${sql.id(index)}`.execute(db);
  }
}
