import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../connect';
import type { Mailbox, SendStatus } from '../types';
import { recordAudit } from './audit';
import { DAY_MS, normalizeMailbox } from './mailboxes';

/** How far back the health figure looks: the sends of the last this many days. */
export const HEALTH_WINDOW_DAYS = 30;

/**
 * The smallest number of sends a rate is divided by. A new mailbox's first hard bounce out of 2 sends
 * would otherwise read as a 50% bounce rate and stop it on one unlucky address; below this many sends,
 * each event counts as 1 in MIN_SAMPLE (5%). It still stops a young mailbox that bounces or draws
 * complaints again and again, and a mailbox with this many sends or more is judged on its real rate.
 */
export const MIN_SAMPLE = 20;

/** Sends that reached the provider: the denominator. A cancelled, failed or not yet handed-off send reached nobody. */
export const COUNTED_SEND_STATUSES: SendStatus[] = ['sent', 'unconfirmed'];

export const MAILBOX_HEALTH_ACTOR = 'component:mailbox-health';

export interface HealthCounts {
  /** Sends from the mailbox in the window. */
  sends: number;
  /** Those that bounced hard (reported by the provider's webhook or by a DSN), plus hard bounces the provider reported for the mailbox that match none of our sends. */
  hardBounces: number;
  /** The same for spam complaints. */
  complaints: number;
}

export interface MailboxHealth extends HealthCounts {
  windowDays: number;
  since: Date;
  minSample: number;
  /** hardBounces / max(sends, minSample). */
  bounceRate: number;
  /** complaints / max(sends, minSample). */
  complaintRate: number;
}

export interface HealthLimits {
  bounceRateLimit: number;
  complaintRateLimit: number;
}

export interface HealthBreach {
  figure: 'bounce' | 'complaint';
  rate: number;
  limit: number;
  events: number;
  /** e.g. "complaint rate 0.50% over the last 30 days (1 of 200 sends) is above the limit 0.30%". */
  reason: string;
}

/** The rates from the counts, each over max(sends, MIN_SAMPLE) (see MIN_SAMPLE for why). */
export function healthFromCounts(counts: HealthCounts, since: Date, windowDays = HEALTH_WINDOW_DAYS, minSample = MIN_SAMPLE): MailboxHealth {
  const over = Math.max(counts.sends, minSample);
  return { ...counts, windowDays, since, minSample, bounceRate: counts.hardBounces / over, complaintRate: counts.complaints / over };
}

/** A rate as people read it: 0.005 → "0.50%". */
export function formatRate(rate: number): string {
  return `${(rate * 100).toFixed(2)}%`;
}

/** Every figure above its limit (strictly: a rate equal to its limit is still within it), each with a reason naming the figure and the limit. */
export function healthBreaches(health: MailboxHealth, limits: HealthLimits): HealthBreach[] {
  const breaches: HealthBreach[] = [];
  const sample =
    health.sends >= health.minSample
      ? `of ${health.sends} sends`
      : `of ${health.sends} send${health.sends === 1 ? '' : 's'}, counted as ${health.minSample} until the mailbox has sent ${health.minSample}`;
  const check = (figure: HealthBreach['figure'], label: string, rate: number, limit: number, events: number) => {
    if (rate > limit) {
      breaches.push({
        figure,
        rate,
        limit,
        events,
        reason: `${label} rate ${formatRate(rate)} over the last ${health.windowDays} days (${events} ${sample}) is above the limit ${formatRate(limit)}`,
      });
    }
  };
  check('bounce', 'hard-bounce', health.bounceRate, limits.bounceRateLimit, health.hardBounces);
  check('complaint', 'complaint', health.complaintRate, limits.complaintRateLimit, health.complaints);
  return breaches;
}

/** The mailbox's health figure at `now`, over the last HEALTH_WINDOW_DAYS days. */
export async function mailboxHealth(db: Db, address: string, now: Date): Promise<MailboxHealth> {
  const mailbox = normalizeMailbox(address);
  const since = new Date(now.getTime() - HEALTH_WINDOW_DAYS * DAY_MS);
  // A send's slot is when it went: set before the hand-off and kept once sent.
  const sent = await db
    .selectFrom('sends')
    .select([
      sql<string>`count(*)`.as('sends'),
      sql<string>`count(*) filter (where bounce_kind = 'hard')`.as('hard'),
      sql<string>`count(*) filter (where complained_at is not null)`.as('complaints'),
    ])
    .where('mailbox', '=', mailbox)
    .where('slot_at', '>', since)
    .where('slot_at', '<=', now)
    .where('status', 'in', COUNTED_SEND_STATUSES)
    .executeTakeFirstOrThrow();
  // The provider's word that the mailbox drew these, though they match none of our sends (a message sent
  // from the mailbox by hand, or a report without our Message-ID): they hurt its reputation all the same.
  const unlinked = await db
    .selectFrom('delivery_events')
    .select([
      sql<string>`count(distinct recipient) filter (where kind = 'bounce' and bounce_type = 'hard')`.as('hard'),
      sql<string>`count(distinct recipient) filter (where kind = 'complaint')`.as('complaints'),
    ])
    .where('mailbox', '=', mailbox)
    .where('send_id', 'is', null)
    .where('occurred_at', '>', since)
    .where('occurred_at', '<=', now)
    .executeTakeFirstOrThrow();
  return healthFromCounts(
    {
      sends: Number(sent.sends),
      hardBounces: Number(sent.hard) + Number(unlinked.hard),
      complaints: Number(sent.complaints) + Number(unlinked.complaints),
    },
    since,
  );
}

export interface HealthEvaluation {
  address: string;
  health: MailboxHealth;
  /** True when this evaluation stopped the mailbox (it was active and a figure is above its limit). */
  stopped: boolean;
  reason: string | null;
  /** Who was alerted (user ids). */
  notified: string[];
}

/**
 * Re-evaluates a mailbox after new bounces or complaints: when it is active and a figure is above its
 * limit, it is stopped (the sender then defers every send from it), the stop is audited and the owner's
 * manager and every admin get one alert. Under the mailbox's row lock, so concurrent webhook deliveries
 * stop it once and alert once; a mailbox already stopped is left as it is. Null for an unknown mailbox.
 */
export async function stopIfUnhealthy(db: Db, address: string, now: Date): Promise<HealthEvaluation | null> {
  const key = normalizeMailbox(address);
  return db.transaction().execute(async (tx) => {
    const mailbox = await tx.selectFrom('mailboxes').selectAll().where('address', '=', key).forUpdate().executeTakeFirst();
    if (!mailbox) return null;
    const health = await mailboxHealth(tx, key, now);
    const breaches = healthBreaches(health, { bounceRateLimit: mailbox.bounce_rate_limit, complaintRateLimit: mailbox.complaint_rate_limit });
    if (mailbox.status !== 'active' || breaches.length === 0) return { address: key, health, stopped: false, reason: null, notified: [] };

    const reason = breaches.map((b) => b.reason).join('; ');
    await tx
      .updateTable('mailboxes')
      .set({ status: 'stopped', stopped_reason: reason, stopped_at: now, stopped_by: MAILBOX_HEALTH_ACTOR, updated_at: now })
      .where('address', '=', key)
      .execute();
    const notified = await alertRecipients(tx, mailbox);
    const stopKey = `${key}:${now.getTime()}`;
    for (const userId of notified) {
      await tx
        .insertInto('notifications')
        .values({
          id: randomUUID(),
          key: `mailbox-stopped:${stopKey}:${userId}`,
          user_id: userId,
          kind: 'mailbox-stopped',
          message: `Mailbox ${key} stopped sending: ${reason}. Its sends wait until a manager resumes it (POST /v1/mailboxes/${key}/resume).`,
          created_at: now,
        })
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
    }
    await recordAudit(tx, {
      key: `mailbox.stopped:${stopKey}`,
      occurredAt: now,
      actor: MAILBOX_HEALTH_ACTOR,
      action: 'mailbox.stopped',
      details: {
        address: key,
        ownerId: mailbox.owner_id,
        reason,
        breaches: breaches.map(({ figure, rate, limit, events }) => ({ figure, rate, limit, events })),
        health: healthJson(health),
        notified,
      },
    });
    return { address: key, health, stopped: true, reason, notified };
  });
}

/** The owner's manager and every active admin; the owner alone when there is neither. */
async function alertRecipients(db: Db, mailbox: Mailbox): Promise<string[]> {
  const owner = mailbox.owner_id ? await db.selectFrom('users').select(['id', 'manager_id']).where('id', '=', mailbox.owner_id).executeTakeFirst() : undefined;
  const admins = await db.selectFrom('users').select('id').where('role', '=', 'admin').where('active', '=', true).orderBy('id').execute();
  const recipients = new Set<string>();
  if (owner?.manager_id) recipients.add(owner.manager_id);
  for (const a of admins) recipients.add(a.id);
  if (recipients.size === 0 && owner) recipients.add(owner.id);
  return [...recipients];
}

/** The figure as the API and the audit trail show it. */
export function healthJson(h: MailboxHealth) {
  return {
    windowDays: h.windowDays,
    since: h.since.toISOString(),
    sends: h.sends,
    hardBounces: h.hardBounces,
    complaints: h.complaints,
    minSample: h.minSample,
    bounceRate: h.bounceRate,
    complaintRate: h.complaintRate,
  };
}
