import { Kysely, sql } from 'kysely';

// Deliverability: sending mailboxes with caps, warmup, pacing and health; send slots counted in the
// database; the send hand-off phases that make a send exactly-once across worker crashes; provider
// bounce and complaint events; sender-domain authentication verdicts. Landed migrations never change.
export async function up(db: Kysely<any>): Promise<void> {
  const now = sql`now()`;

  await db.schema
    .createTable('mailboxes')
    .addColumn('address', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.references('users.id'))
    .addColumn('daily_cap', 'integer', (c) => c.notNull().check(sql`daily_cap > 0`))
    .addColumn('hourly_cap', 'integer', (c) => c.notNull().check(sql`hourly_cap > 0`))
    .addColumn('min_gap_seconds', 'integer', (c) => c.notNull().check(sql`min_gap_seconds >= 0`))
    .addColumn('jitter_seconds', 'integer', (c) => c.notNull().check(sql`jitter_seconds >= 0`))
    // Warmup: the daily cap starts at warmup_start_daily on warmup_started_at and rises by
    // warmup_daily_increase each day until it reaches daily_cap. Null start: no ramp.
    .addColumn('warmup_started_at', 'timestamptz')
    .addColumn('warmup_start_daily', 'integer', (c) => c.check(sql`warmup_start_daily > 0`))
    .addColumn('warmup_daily_increase', 'integer', (c) => c.check(sql`warmup_daily_increase >= 0`))
    .addColumn('bounce_rate_limit', 'double precision', (c) => c.notNull().check(sql`bounce_rate_limit > 0 and bounce_rate_limit <= 1`))
    .addColumn('complaint_rate_limit', 'double precision', (c) => c.notNull().check(sql`complaint_rate_limit > 0 and complaint_rate_limit <= 1`))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active').check(sql`status in ('active', 'stopped')`))
    .addColumn('stopped_reason', 'text')
    .addColumn('stopped_at', 'timestamptz')
    .addColumn('stopped_by', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('mailboxes_owner_idx').on('mailboxes').column('owner_id').execute();

  // scheduled: a slot is reserved (slot_at) and counted, nothing handed to SMTP yet;
  // sending: an attempt (lease) holds the send and is talking to SMTP, the message is not complete;
  // handing-off: the whole message was written and the end of DATA is going: the point of no return;
  // sent: SMTP accepted it; unconfirmed: an attempt died after the point of no return, so it is never
  // sent again automatically (a rep confirms); failed: SMTP refused it for good; cancelled: not sent.
  await sql`alter table sends drop constraint if exists sends_status_check`.execute(db);
  await sql`alter table sends add constraint sends_status_check check (status in ('scheduled', 'sending', 'handing-off', 'sent', 'unconfirmed', 'failed', 'cancelled'))`.execute(db);
  await db.schema
    .alterTable('sends')
    .addColumn('slot_at', 'timestamptz')
    .addColumn('recipient_domain', 'text')
    .addColumn('lease', 'text')
    .addColumn('handed_off_at', 'timestamptz')
    .addColumn('complained_at', 'timestamptz')
    .execute();
  await sql`update sends set slot_at = coalesce(sent_at, created_at) where status <> 'cancelled'`.execute(db);
  await sql`update sends set recipient_domain = lower(split_part(recipient, '@', 2))`.execute(db);
  await sql`alter table sends alter column recipient_domain set not null`.execute(db);
  await db.schema.createIndex('sends_mailbox_slot_idx').on('sends').columns(['mailbox', 'slot_at']).execute();
  await db.schema.createIndex('sends_recipient_domain_slot_idx').on('sends').columns(['recipient_domain', 'slot_at']).execute();

  // The mailbox a prospect's thread is sent from: chosen at the first send, kept for the thread.
  await db.schema.alterTable('enrollments').addColumn('sending_mailbox', 'text').execute();

  await db.schema
    .createTable('delivery_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('provider_event_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('bounce', 'complaint')`))
    .addColumn('bounce_type', 'text', (c) => c.check(sql`bounce_type in ('hard', 'soft')`))
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text')
    .addColumn('send_id', 'text', (c) => c.references('sends.id'))
    .addColumn('mailbox', 'text')
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull())
    .addColumn('received_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addUniqueConstraint('delivery_events_provider_event_key', ['provider', 'provider_event_id'])
    .execute();

  await db.schema
    .createTable('sender_domain_checks')
    .addColumn('domain', 'text', (c) => c.primaryKey())
    .addColumn('verdict', 'text', (c) => c.notNull().check(sql`verdict in ('pass', 'warn', 'fail')`))
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('report', 'jsonb', (c) => c.notNull())
    .addColumn('checked_at', 'timestamptz', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sender_domain_checks').execute();
  await db.schema.dropTable('delivery_events').execute();
  await db.schema.alterTable('enrollments').dropColumn('sending_mailbox').execute();
  await db.schema.dropIndex('sends_recipient_domain_slot_idx').execute();
  await db.schema.dropIndex('sends_mailbox_slot_idx').execute();
  await db.schema.alterTable('sends').dropColumn('slot_at').dropColumn('recipient_domain').dropColumn('lease').dropColumn('handed_off_at').dropColumn('complained_at').execute();
  await sql`alter table sends drop constraint if exists sends_status_check`.execute(db);
  await sql`alter table sends add constraint sends_status_check check (status in ('sending', 'sent', 'cancelled'))`.execute(db);
  await db.schema.dropTable('mailboxes').execute();
}
