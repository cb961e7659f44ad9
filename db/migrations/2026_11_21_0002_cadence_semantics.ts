import { Kysely, sql } from 'kysely';

// Step kinds, business-time windows, A/B variants, holds (pauses), reply triage, tasks with SLAs,
// enrollment rules and owner routing. Landed migrations never change; add a new file instead.
export async function up(db: Kysely<any>): Promise<void> {
  const now = sql`now()`;

  await sql`alter table cadence_steps drop constraint if exists cadence_steps_kind_check`.execute(db);
  await sql`alter table cadence_steps add constraint cadence_steps_kind_check check (kind in ('email', 'manual_email', 'call', 'linkedin', 'meeting'))`.execute(db);
  await db.schema
    .alterTable('cadence_steps')
    .addColumn('timing', 'jsonb')
    .addColumn('task_sla_minutes', 'integer', (c) => c.check(sql`task_sla_minutes > 0`))
    .addColumn('instructions', 'text')
    .execute();
  await sql`alter table cadence_steps alter column template_id drop not null`.execute(db);

  await db.schema
    .createTable('cadence_step_variants')
    .addColumn('cadence_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('variant', 'text', (c) => c.notNull())
    .addColumn('template_id', 'text', (c) => c.notNull().references('templates.id'))
    .addPrimaryKeyConstraint('cadence_step_variants_pkey', ['cadence_id', 'position', 'variant'])
    .addForeignKeyConstraint('cadence_step_variants_step_fkey', ['cadence_id', 'position'], 'cadence_steps', ['cadence_id', 'position'])
    .execute();

  await db.schema.alterTable('accounts').addColumn('timezone', 'text').addColumn('country', 'text').addColumn('region', 'text').addColumn('segment', 'text').execute();
  await db.schema.alterTable('users').addColumn('timezone', 'text').addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true)).execute();

  await db.schema
    .createTable('holidays')
    .addColumn('calendar', 'text', (c) => c.notNull().defaultTo('default'))
    .addColumn('date', 'date', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('holidays_pkey', ['calendar', 'date'])
    .execute();

  await db.schema.alterTable('prospects').addColumn('normalized_email', 'text').execute();
  await sql`update prospects set normalized_email = lower(email)`.execute(db);
  await sql`alter table prospects alter column normalized_email set not null`.execute(db);
  await db.schema.createIndex('prospects_normalized_email_key').on('prospects').column('normalized_email').unique().execute();

  await db.schema
    .alterTable('replies')
    .addColumn('intent', 'text')
    .addColumn('sentiment', 'text')
    .addColumn('escalate', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('return_date', 'date')
    .addColumn('triage', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('raw', 'text')
    .execute();

  await db.schema
    .createTable('enrollment_holds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enrollment_id', 'text', (c) => c.notNull().references('enrollments.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('reply', 'account-reply', 'rep-pause', 'out-of-office')`))
    .addColumn('reply_id', 'text', (c) => c.references('replies.id'))
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('until', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('released_at', 'timestamptz')
    .addColumn('released_by', 'text')
    .execute();
  await db.schema
    .createIndex('enrollment_holds_active_idx')
    .on('enrollment_holds')
    .column('enrollment_id')
    .where(sql.ref('released_at'), 'is', null)
    .execute();

  await db.schema
    .alterTable('tasks')
    .addColumn('step', 'integer')
    .addColumn('sla_due_at', 'timestamptz')
    .addColumn('escalated_at', 'timestamptz')
    .addColumn('completed_at', 'timestamptz')
    .addColumn('completed_by', 'text')
    .addColumn('outcome', 'text')
    .addColumn('notes', 'text')
    .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
  await db.schema.createIndex('tasks_owner_open_idx').on('tasks').columns(['owner_id', 'due_at']).where(sql.ref('status'), '=', 'open').execute();

  await db.schema.alterTable('drafts').addColumn('variant', 'text').addColumn('kind', 'text', (c) => c.notNull().defaultTo('step')).execute();
  await db.schema.alterTable('approval_requests').addColumn('kind', 'text', (c) => c.notNull().defaultTo('step')).addColumn('reply_id', 'text').execute();
  await sql`alter table approval_requests drop constraint if exists approval_requests_enrollment_step_key`.execute(db);
  await sql`alter table drafts drop constraint if exists drafts_enrollment_step_version_key`.execute(db);
  await db.schema.createIndex('drafts_enrollment_step_kind_version_key').on('drafts').columns(['enrollment_id', 'step', 'kind', 'version']).unique().execute();

  await db.schema
    .alterTable('sends')
    .addColumn('attempt', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('bounced_at', 'timestamptz')
    .addColumn('bounce_kind', 'text')
    .execute();

  await db.schema.alterTable('enrollments').addColumn('trigger', 'jsonb').addColumn('routed_by', 'text').execute();

  await db.schema
    .createTable('enrollment_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('trigger_type', 'text', (c) => c.notNull().check(sql`trigger_type in ('form_fill', 'content_download', 'list_import')`))
    .addColumn('match', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('cadence_id', 'text', (c) => c.notNull().references('cadences.id'))
    .addColumn('priority', 'integer', (c) => c.notNull().defaultTo(100))
    .addColumn('cooldown_days', 'integer', (c) => c.notNull().defaultTo(30).check(sql`cooldown_days >= 0`))
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable('routing_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('priority', 'integer', (c) => c.notNull().defaultTo(100))
    .addColumn('match', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('pool', 'jsonb', (c) => c.notNull())
    .addColumn('next_index', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('routing_rules').execute();
  await db.schema.dropTable('enrollment_rules').execute();
  await db.schema.dropTable('enrollment_holds').execute();
  await db.schema.dropTable('holidays').execute();
  await db.schema.dropTable('cadence_step_variants').execute();
}
