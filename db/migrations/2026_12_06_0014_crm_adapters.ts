import { sql, type Kysely } from 'kysely';

// CRM adapters (HubSpot, Salesforce) ride the webhook feed: a subscription of kind 'hubspot' or 'salesforce' is
// made from the worker's settings and delivered through the vendor's SDK instead of a signed POST, so ordering,
// retries, pausing, resume and replay are the same. crm_links remembers what each CRM calls our objects (the
// contact or lead of a prospect, the task of a task, the record made for an event) so a retry or a later event
// finds it instead of making another.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('webhook_subscriptions')
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('webhook').check(sql`kind in ('webhook', 'hubspot', 'salesforce')`))
    .execute();
  // A CRM subscription signs nothing: it has no secret.
  await sql`alter table webhook_subscriptions alter column secret drop not null`.execute(db);
  await sql`alter table webhook_subscriptions add constraint webhook_subscriptions_secret_check check (kind <> 'webhook' or secret is not null)`.execute(db);
  await db.schema
    .createTable('crm_links')
    .addColumn('system', 'text', (c) => c.notNull().check(sql`system in ('hubspot', 'salesforce')`))
    .addColumn('local_kind', 'text', (c) => c.notNull().check(sql`local_kind in ('prospect', 'task', 'event')`))
    .addColumn('local_id', 'text', (c) => c.notNull())
    .addColumn('external_type', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('crm_links_pkey', ['system', 'local_kind', 'local_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('crm_links').execute();
  await sql`alter table webhook_subscriptions drop constraint webhook_subscriptions_secret_check`.execute(db);
  await sql`delete from webhook_subscriptions where secret is null`.execute(db);
  await sql`alter table webhook_subscriptions alter column secret set not null`.execute(db);
  await db.schema.alterTable('webhook_subscriptions').dropColumn('kind').execute();
}
