// Webhook subscriptions and the outbox of their deliveries (migration 2026_12_06_0012).
import { sql } from 'kysely';
import { FEED_AUDIT_ACTIONS, subscribedTo, toOutboundEvent, webhookPayload, type FeedAuditEvent } from '../webhook-events';
import type { Db } from '../connect';
import type { CrmSystem } from '../types';
import type { PageRequest } from './pages';

const micros = (column: string) => sql<string>`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export async function createSubscription(
  db: Db,
  input: { id: string; url: string; events: string[]; description: string | null; secret: string; createdBy: string },
) {
  // The feed starts after the newest audit event in the chain now: a new subscriber is not sent the past.
  const newest = await db.selectFrom('audit_events').select(sql<string | null>`max(seq)::text`.as('seq')).executeTakeFirst();
  return db
    .insertInto('webhook_subscriptions')
    .values({
      id: input.id,
      url: input.url,
      events: JSON.stringify(input.events),
      description: input.description,
      secret: input.secret,
      start_seq: newest?.seq ?? '0',
      created_by: input.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The subscription id of a CRM adapter's feed: one per CRM, made from the worker's settings. */
export const crmSubscriptionId = (system: CrmSystem) => `crm_${system}`;

/**
 * Makes the CRM's subscription if it is not there (all events, starting after the newest audit event: a CRM
 * connected today is not sent the past unless a replay asks), and keeps its url current. A paused one stays paused.
 */
export async function ensureCrmSubscription(db: Db, input: { system: CrmSystem; url: string }) {
  const id = crmSubscriptionId(input.system);
  const newest = await db.selectFrom('audit_events').select(sql<string | null>`max(seq)::text`.as('seq')).executeTakeFirst();
  return db
    .insertInto('webhook_subscriptions')
    .values({ id, kind: input.system, url: input.url, events: JSON.stringify(['*']), description: `${input.system} adapter (worker settings)`, secret: null, start_seq: newest?.seq ?? '0', created_by: 'system' })
    .onConflict((oc) => oc.column('id').doUpdateSet({ url: input.url }))
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function getSubscription(db: Db, id: string) {
  return db.selectFrom('webhook_subscriptions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A paused subscription made active again, its failure count cleared; undefined when it was not paused. */
export function resumeSubscription(db: Db, id: string) {
  return db
    .updateTable('webhook_subscriptions')
    .set({ status: 'active', paused_reason: null, paused_at: null, consecutive_failures: 0, failing_since: null })
    .where('id', '=', id)
    .where('status', '=', 'paused')
    .returningAll()
    .executeTakeFirst();
}

/**
 * Replay from a point in time: the feed's backlog starts again at the first audit event at or after `from` (chain
 * order). Deliveries already made from there are pending again (the same event ids and bytes: a receiver that
 * dedupes by webhook-id keeps one), and a point before the subscription's start widens the feed to take those
 * events too. Returns the audit seq the feed reads after, and how many deliveries were made pending again.
 */
export async function requeueFrom(db: Db, input: { subscriptionId: string; from: Date }): Promise<{ afterSeq: string; requeued: number } | undefined> {
  return db.transaction().execute(async (tx) => {
    const sub = await tx.selectFrom('webhook_subscriptions').select(['id']).where('id', '=', input.subscriptionId).forUpdate().executeTakeFirst();
    if (!sub) return undefined;
    const first = await tx
      .selectFrom('audit_events')
      .select(sql<string | null>`(min(seq) - 1)::text`.as('before'))
      .where('occurred_at', '>=', input.from)
      .executeTakeFirst();
    const newest = await tx.selectFrom('audit_events').select(sql<string>`coalesce(max(seq), 0)::text`.as('seq')).executeTakeFirstOrThrow();
    const afterSeq = first?.before ?? newest.seq;
    const requeued = await tx
      .updateTable('webhook_deliveries')
      .set({ status: 'pending', delivered_at: null })
      .where('subscription_id', '=', input.subscriptionId)
      .where(sql<boolean>`audit_seq > ${afterSeq}::bigint`)
      .where('status', '=', 'delivered')
      .executeTakeFirst();
    await tx
      .updateTable('webhook_subscriptions')
      .set({ start_seq: sql`least(start_seq, ${afterSeq}::bigint)` })
      .where('id', '=', input.subscriptionId)
      .execute();
    return { afterSeq, requeued: Number(requeued.numUpdatedRows) };
  });
}

/** Subscriptions, oldest first. */
export function subscriptionListPage(db: Db, input: PageRequest) {
  let q = db.selectFrom('webhook_subscriptions').selectAll().select(micros('created_at').as('page_at'));
  if (input.after) q = q.where(sql<boolean>`(created_at, id) > (${input.after[0]}::timestamptz, ${input.after[1]})`);
  return q.orderBy('created_at').orderBy('id').limit(input.fetch);
}

export function deleteSubscription(db: Db, id: string) {
  return db.deleteFrom('webhook_subscriptions').where('id', '=', id).returningAll().executeTakeFirst();
}

export interface FeedBatch {
  /** The subscription is gone or paused: the feed stops. */
  stop: 'deleted' | 'paused' | null;
  /** The deliveries to make, in audit order (already delivered ones are left out). */
  pending: Array<{ eventId: string; type: string; seq: string; prospectId: string | null }>;
  /** The audit seq the next batch starts after. */
  nextSeq: string;
}

/**
 * The outbox step: reads up to `limit` audit events after `afterSeq` (chain order), turns those the
 * subscription takes into outbound events and records each as a delivery with its payload frozen (a second
 * read of the same event inserts nothing), then returns the ones not yet delivered.
 */
export async function loadFeedBatch(db: Db, input: { subscriptionId: string; afterSeq: string; limit: number }): Promise<FeedBatch> {
  const sub = await getSubscription(db, input.subscriptionId);
  if (!sub) return { stop: 'deleted', pending: [], nextSeq: input.afterSeq };
  if (sub.status === 'paused') return { stop: 'paused', pending: [], nextSeq: input.afterSeq };
  const after = BigInt(input.afterSeq) > BigInt(sub.start_seq) ? input.afterSeq : sub.start_seq;
  const rows = await db
    .selectFrom('audit_events as a')
    .leftJoin('prospects as p', 'p.id', 'a.prospect_id')
    .leftJoin('sends as s', (j) => j.on(sql<boolean>`a.action = 'send.sent' and s.message_id = a.details->>'messageId'`))
    .select(['a.id', 'a.occurred_at', 'a.actor', 'a.action', 'a.prospect_id', 'a.enrollment_id', 'a.step', 'a.details', 'p.email as prospect_email', 's.subject', 's.body'])
    .select(sql<string>`a.seq::text`.as('seq'))
    .select(
      sql<Record<string, string> | null>`(select jsonb_object_agg(l.system, l.external_id) from crm_links l where l.local_kind = 'prospect' and l.local_id = a.prospect_id)`.as('crm_ids'),
    )
    .where(sql<boolean>`a.seq > ${after}::bigint`)
    .where('a.action', 'in', [...FEED_AUDIT_ACTIONS])
    .orderBy('a.seq')
    .limit(input.limit)
    .execute();
  const events = sub.events;
  const values = [];
  for (const r of rows) {
    const feed: FeedAuditEvent = {
      id: String(r.id),
      occurredAt: r.occurred_at,
      actor: r.actor,
      action: r.action,
      prospectId: r.prospect_id,
      enrollmentId: r.enrollment_id,
      step: r.step,
      details: r.details,
      prospectEmail: r.prospect_email ?? null,
      prospectCrmIds: r.crm_ids,
      send: r.subject !== null && r.body !== null ? { subject: r.subject, body: r.body } : null,
    };
    const event = toOutboundEvent(feed);
    if (!event || !subscribedTo(events, event.type)) continue;
    values.push({ subscription_id: sub.id, event_id: event.id, event_type: event.type, audit_seq: r.seq, prospect_id: r.prospect_id, payload: webhookPayload(event) });
  }
  if (values.length) await db.insertInto('webhook_deliveries').values(values).onConflict((oc) => oc.columns(['subscription_id', 'event_id']).doNothing()).execute();
  const ids = values.map((v) => v.event_id);
  const pending = ids.length
    ? await db
        .selectFrom('webhook_deliveries')
        .select(['event_id', 'event_type', 'prospect_id', sql<string>`audit_seq::text`.as('seq')])
        .where('subscription_id', '=', sub.id)
        .where('event_id', 'in', ids)
        .where('status', '=', 'pending')
        .orderBy('audit_seq')
        .execute()
    : [];
  const last = rows[rows.length - 1];
  return { stop: null, pending: pending.map((p) => ({ eventId: p.event_id, type: p.event_type, seq: p.seq, prospectId: p.prospect_id })), nextSeq: last ? last.seq : after };
}

export function getDelivery(db: Db, subscriptionId: string, eventId: string) {
  return db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhook_subscriptions as s', 's.id', 'd.subscription_id')
    .select(['d.payload', 'd.status', 'd.attempts', 's.kind', 's.url', 's.secret', 's.status as subscription_status', 's.consecutive_failures', 's.failing_since'])
    .where('d.subscription_id', '=', subscriptionId)
    .where('d.event_id', '=', eventId)
    .executeTakeFirst();
}

/**
 * Marks a delivery delivered. A subscription that was failing (as its row read before the attempt) has its streak
 * ended first: each update is its own statement, so neither holds one row while waiting for the other, whatever
 * order a DELETE of the subscription (and its cascade) takes. A delivery to a subscription with no streak, the
 * usual case, is one statement. (A failure on another lane between that read and this success keeps its count:
 * the streak it starts is a real one.)
 */
export async function recordDelivered(db: Db, input: { subscriptionId: string; eventId: string; at: Date; subscriptionFailing: boolean }): Promise<void> {
  if (input.subscriptionFailing) {
    await db.updateTable('webhook_subscriptions').set({ consecutive_failures: 0, failing_since: null }).where('id', '=', input.subscriptionId).execute();
  }
  await db
    .updateTable('webhook_deliveries')
    .set((eb) => ({ status: 'delivered', delivered_at: input.at, last_attempt_at: input.at, attempts: eb('attempts', '+', 1), last_error: null }))
    .where('subscription_id', '=', input.subscriptionId)
    .where('event_id', '=', input.eventId)
    .execute();
}

/**
 * Records a failed attempt. The subscription is paused (with the reason) once it has failed `maxFailures`
 * times in a row over at least `pauseAfterMs`; returns whether it is now paused.
 */
export async function recordFailedAttempt(
  db: Db,
  input: { subscriptionId: string; eventId: string; at: Date; error: string; maxFailures: number; pauseAfterMs: number },
): Promise<{ paused: boolean; reason: string | null }> {
  // Subscription row first, then the delivery: the lock order of a DELETE of the subscription (and its cascade), so an
  // attempt failing while an admin deletes the subscription waits instead of deadlocking.
  return db.transaction().execute(async (tx) => {
    const sub = await tx
      .updateTable('webhook_subscriptions')
      .set((eb) => ({ consecutive_failures: eb('consecutive_failures', '+', 1), failing_since: sql`coalesce(failing_since, ${input.at})` }))
      .where('id', '=', input.subscriptionId)
      .returning(['consecutive_failures', 'failing_since', 'status'])
      .executeTakeFirst();
    await tx
      .updateTable('webhook_deliveries')
      .set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: input.error, last_attempt_at: input.at }))
      .where('subscription_id', '=', input.subscriptionId)
      .where('event_id', '=', input.eventId)
      .execute();
    if (!sub || sub.status === 'paused') return { paused: true, reason: null };
    const since = sub.failing_since ? new Date(sub.failing_since) : input.at;
    if (sub.consecutive_failures >= input.maxFailures && input.at.getTime() - since.getTime() >= input.pauseAfterMs) {
      const reason = `${sub.consecutive_failures} consecutive failed deliveries since ${since.toISOString()}; last: ${input.error}`;
      await tx.updateTable('webhook_subscriptions').set({ status: 'paused', paused_reason: reason, paused_at: input.at }).where('id', '=', input.subscriptionId).execute();
      return { paused: true, reason };
    }
    return { paused: false, reason: null };
  });
}
