import { Kysely, sql } from 'kysely';

// Versions of the gate policy made by accepting boundary-report recommendations. The newest one is in
// force; each records the whole policy as it stood, what changed and why (the evidence), and who.
// Landed migrations never change; add a new file instead.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('gate_policy_versions')
    .addColumn('version', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull().unique().check(sql`seq >= 1`))
    .addColumn('policy', 'jsonb', (c) => c.notNull())
    .addColumn('based_on', 'text')
    .addColumn('change', 'jsonb', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // The learning loop reads decisions and sends by time and by template.
  await db.schema.createIndex('approval_decisions_decided_idx').on('approval_decisions').column('decided_at').execute();
  await db.schema.createIndex('drafts_template_idx').on('drafts').column('template_id').execute();
  await db.schema.createIndex('approval_requests_draft_idx').on('approval_requests').column('draft_id').execute();
  await db.schema.createIndex('replies_enrollment_idx').on('replies').columns(['enrollment_id', 'received_at']).execute();
  await db.schema.createIndex('sends_enrollment_sent_idx').on('sends').columns(['enrollment_id', 'sent_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('sends_enrollment_sent_idx').execute();
  await db.schema.dropIndex('replies_enrollment_idx').execute();
  await db.schema.dropIndex('approval_requests_draft_idx').execute();
  await db.schema.dropIndex('drafts_template_idx').execute();
  await db.schema.dropIndex('approval_decisions_decided_idx').execute();
  await db.schema.dropTable('gate_policy_versions').execute();
}
