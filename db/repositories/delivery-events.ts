import { randomUUID } from 'node:crypto';
import type { Db } from '../connect';
import { recordAudit } from './audit';
import { COUNTED_SEND_STATUSES } from './mailbox-health';
import { normalizeMailbox } from './mailboxes';
import { cleanEmail, normalizeEmail } from './prospects';

/** One bounce or complaint as the mail provider reported it (validated). */
export interface DeliveryEventInput {
  provider: string;
  /** The provider's event id. */
  id: string;
  type: 'bounce' | 'complaint';
  bounceType?: 'hard' | 'soft';
  recipient: string;
  /** Our Message-ID, with its angle brackets. */
  messageId?: string;
  mailbox?: string;
  occurredAt: Date;
  details?: Record<string, unknown>;
}

export interface RecordedDeliveryEvent {
  duplicate: boolean;
  sendId: string | null;
  matchedBy: 'message-id' | 'recipient' | null;
  /** The mailbox the event counts against: the send's, else the one the provider named. */
  mailbox: string | null;
  prospectId: string | null;
  /** The prospect's running enrollment that this event ends (a hard bounce or a complaint); null when none. */
  endsEnrollmentId: string | null;
  /** The Message-ID of the send it is about, for the cadence. */
  sendMessageId: string | null;
  /** A hard bounce or a complaint: the address is suppressed, the cadence ends and the mailbox's health figure counts it. */
  counts: boolean;
}

/** The action recorded in the audit trail. */
export function deliveryEventAction(type: DeliveryEventInput['type']): string {
  return type === 'complaint' ? 'delivery.complained' : 'delivery.bounced';
}

/** The provider's event as the cadence hears of it (the reply signal's id): the same across redeliveries. */
export function deliveryNoticeId(provider: string, id: string): string {
  return `delivery-event:${provider}:${id}`;
}

const countsOf = (e: { type: string; bounceType?: string | null }) => e.type === 'complaint' || e.bounceType === 'hard';

/** The send an event is about: our Message-ID, else the recipient's latest send that reached the provider (from the named mailbox, when one is named). */
async function linkSend(db: Db, e: DeliveryEventInput) {
  const columns = ['id', 'message_id', 'mailbox', 'prospect_id', 'enrollment_id', 'step'] as const;
  if (e.messageId) {
    const send = await db.selectFrom('sends').select(columns).where('message_id', '=', e.messageId).executeTakeFirst();
    if (send) return { send, matchedBy: 'message-id' as const };
  }
  let q = db.selectFrom('sends').select(columns).where('recipient', '=', cleanEmail(e.recipient)).where('status', 'in', COUNTED_SEND_STATUSES);
  if (e.mailbox) q = q.where('mailbox', '=', normalizeMailbox(e.mailbox));
  const send = await q.orderBy('slot_at', 'desc').orderBy('created_at', 'desc').executeTakeFirst();
  return send ? { send, matchedBy: 'recipient' as const } : null;
}

async function prospectByAddress(db: Db, address: string): Promise<string | null> {
  const p = await db.selectFrom('prospects').select('id').where('normalized_email', '=', normalizeEmail(address)).executeTakeFirst();
  return p?.id ?? null;
}

/** The prospect's running enrollment, if it started before `before` (a later one is not the cadence the event is about). */
async function runningEnrollment(db: Db, prospectId: string, before?: Date) {
  let q = db.selectFrom('enrollments').select('id').where('prospect_id', '=', prospectId).where('ended_at', 'is', null);
  if (before) q = q.where('started_at', '<=', before);
  return q.orderBy('started_at', 'desc').executeTakeFirst();
}

/**
 * Records a provider's bounce or complaint, idempotently by (provider, event id), and applies its meaning
 * at the data layer in the same transaction, before any cadence is told: the send is marked (bounced or
 * complained), a hard bounce suppresses the address as bounced and a complaint as complained (an earlier
 * entry keeps its reason), and the event is audited. A soft bounce is only recorded. It takes the
 * prospect's row lock, which the send activity holds while it hands a message to SMTP, so once this
 * commits no send can miss the suppression. A redelivery changes nothing; it reports what the first
 * delivery found, so the cadence can be told again if it never heard.
 */
export async function recordDeliveryEvent(db: Db, e: DeliveryEventInput, receivedAt: Date, deliveredBy: string): Promise<RecordedDeliveryEvent> {
  const known = await db.selectFrom('delivery_events').selectAll().where('provider', '=', e.provider).where('provider_event_id', '=', e.id).executeTakeFirst();
  if (known) return redelivered(db, known);

  const link = await linkSend(db, e);
  const prospectId = link?.send.prospect_id ?? (await prospectByAddress(db, e.recipient));
  const mailbox = link?.send.mailbox ?? (e.mailbox ? normalizeMailbox(e.mailbox) : null);
  const counts = countsOf(e);
  const recipient = cleanEmail(e.recipient);

  return db.transaction().execute(async (tx) => {
    if (prospectId) await tx.selectFrom('prospects').select('id').where('id', '=', prospectId).forUpdate().execute();
    const inserted = await tx
      .insertInto('delivery_events')
      .values({
        id: randomUUID(),
        provider: e.provider,
        provider_event_id: e.id,
        kind: e.type,
        bounce_type: e.type === 'bounce' ? (e.bounceType ?? null) : null,
        recipient,
        message_id: e.messageId ?? null,
        send_id: link?.send.id ?? null,
        mailbox,
        occurred_at: e.occurredAt,
        received_at: receivedAt,
        details: JSON.stringify(e.details ?? {}),
      })
      .onConflict((oc) => oc.columns(['provider', 'provider_event_id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) {
      // A concurrent delivery of the same event got there first.
      const row = await tx.selectFrom('delivery_events').selectAll().where('provider', '=', e.provider).where('provider_event_id', '=', e.id).executeTakeFirstOrThrow();
      return redelivered(tx, row);
    }

    const sendId = link?.send.id;
    if (sendId && e.type === 'complaint') {
      await tx.updateTable('sends').set({ complained_at: e.occurredAt }).where('id', '=', sendId).where('complained_at', 'is', null).execute();
    } else if (sendId && e.bounceType === 'hard') {
      // A hard bounce overrides an earlier soft one.
      await tx
        .updateTable('sends')
        .set({ bounced_at: e.occurredAt, bounce_kind: 'hard' })
        .where('id', '=', sendId)
        .where((eb) => eb.or([eb('bounce_kind', 'is', null), eb('bounce_kind', '!=', 'hard')]))
        .execute();
    } else if (sendId) {
      await tx.updateTable('sends').set({ bounced_at: e.occurredAt, bounce_kind: 'soft' }).where('id', '=', sendId).where('bounce_kind', 'is', null).execute();
    }

    let earlier: { reason: string; source: string } | undefined;
    if (counts) {
      const value = normalizeEmail(recipient);
      const added = await tx
        .insertInto('suppressions')
        .values({
          id: randomUUID(),
          kind: 'address',
          value,
          reason: e.type === 'complaint' ? 'complained' : 'bounced',
          source: deliveryNoticeId(e.provider, e.id),
          created_at: receivedAt,
        })
        .onConflict((oc) => oc.columns(['kind', 'value']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!added) earlier = await tx.selectFrom('suppressions').select(['reason', 'source']).where('kind', '=', 'address').where('value', '=', value).executeTakeFirst();
    }

    const running = counts && prospectId ? await runningEnrollment(tx, prospectId) : undefined;
    await recordAudit(tx, {
      key: deliveryNoticeId(e.provider, e.id),
      occurredAt: e.occurredAt,
      actor: 'component:delivery-webhook',
      action: deliveryEventAction(e.type),
      prospectId,
      enrollmentId: running?.id ?? link?.send.enrollment_id ?? null,
      step: link?.send.step ?? null,
      details: {
        provider: e.provider,
        eventId: e.id,
        type: e.type,
        bounceType: e.type === 'bounce' ? (e.bounceType ?? null) : null,
        recipient,
        messageId: e.messageId ?? null,
        sendId: sendId ?? null,
        matchedBy: link?.matchedBy ?? null,
        mailbox,
        suppressed: counts,
        alreadySuppressed: earlier ?? null,
        endsCadence: running !== undefined,
        deliveredBy,
        providerDetails: e.details ?? {},
      },
    });
    return {
      duplicate: false,
      sendId: sendId ?? null,
      matchedBy: link?.matchedBy ?? null,
      mailbox,
      prospectId,
      endsEnrollmentId: running?.id ?? null,
      sendMessageId: link?.send.message_id ?? null,
      counts,
    };
  });
}

/** What a redelivered event found the first time; the enrollment it ends only if that one was running when the event first came. */
async function redelivered(
  db: Db,
  row: { kind: 'bounce' | 'complaint'; bounce_type: 'hard' | 'soft' | null; recipient: string; send_id: string | null; mailbox: string | null; received_at: Date },
): Promise<RecordedDeliveryEvent> {
  const send = row.send_id ? await db.selectFrom('sends').select(['prospect_id', 'message_id']).where('id', '=', row.send_id).executeTakeFirst() : undefined;
  const prospectId = send?.prospect_id ?? (await prospectByAddress(db, row.recipient));
  const counts = countsOf({ type: row.kind, bounceType: row.bounce_type });
  const running = counts && prospectId ? await runningEnrollment(db, prospectId, row.received_at) : undefined;
  return {
    duplicate: true,
    sendId: row.send_id,
    matchedBy: null,
    mailbox: row.mailbox,
    prospectId,
    endsEnrollmentId: running?.id ?? null,
    sendMessageId: send?.message_id ?? null,
    counts,
  };
}
