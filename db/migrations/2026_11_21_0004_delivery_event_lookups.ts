import { Kysely } from 'kysely';

// What the delivery-event webhook and the mailbox health figure look up: a provider event that does not
// name our Message-ID is linked by its recipient's latest send, and the health figure counts a mailbox's
// events that match none of our sends. Without these, each event of a webhook batch scans its table.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('sends_recipient_idx').on('sends').column('recipient').execute();
  await db.schema.createIndex('delivery_events_mailbox_occurred_idx').on('delivery_events').columns(['mailbox', 'occurred_at']).execute();
  await db.schema.createIndex('delivery_events_send_idx').on('delivery_events').column('send_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('delivery_events_send_idx').execute();
  await db.schema.dropIndex('delivery_events_mailbox_occurred_idx').execute();
  await db.schema.dropIndex('sends_recipient_idx').execute();
}
