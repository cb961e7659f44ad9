import { sql } from 'kysely';
import type { Db } from '../connect';
import type { Mailbox, SendStatus } from '../types';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** Settings a mailbox gets when it is first used to send. */
export interface MailboxDefaults {
  dailyCap: number;
  hourlyCap: number;
  minGapSeconds: number;
  jitterSeconds: number;
  /** A new mailbox starts at startDaily a day and rises by dailyIncrease each day up to dailyCap; null: no ramp. */
  warmup: { startDaily: number; dailyIncrease: number } | null;
  bounceRateLimit: number;
  complaintRateLimit: number;
}

export interface SendingLimits {
  mailboxDefaults: MailboxDefaults;
  /** Messages a day to one recipient domain, across every mailbox. */
  recipientDomainDailyCap: number;
}

/** Sends that hold a slot: everything but a cancelled one (a refused send was still an attempt the provider counted). */
export const SLOT_HOLDING: SendStatus[] = ['scheduled', 'sending', 'handing-off', 'sent', 'unconfirmed', 'failed'];

export function normalizeMailbox(address: string): string {
  return address.trim().toLowerCase();
}

export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

/** The mailbox row, created with the defaults the first time the address sends. */
export async function ensureMailbox(db: Db, address: string, ownerId: string | null, defaults: MailboxDefaults, now: Date): Promise<Mailbox> {
  await createMailboxIfMissing(db, address, ownerId, defaults, now);
  return db.selectFrom('mailboxes').selectAll().where('address', '=', normalizeMailbox(address)).executeTakeFirstOrThrow();
}

/** ensureMailbox without reading the row back, for a caller that locks it next (the send path, once per send). */
export async function createMailboxIfMissing(db: Db, address: string, ownerId: string | null, defaults: MailboxDefaults, now: Date): Promise<void> {
  await db
    .insertInto('mailboxes')
    .values({
      address: normalizeMailbox(address),
      owner_id: ownerId,
      daily_cap: defaults.dailyCap,
      hourly_cap: defaults.hourlyCap,
      min_gap_seconds: defaults.minGapSeconds,
      jitter_seconds: defaults.jitterSeconds,
      warmup_started_at: defaults.warmup ? now : null,
      warmup_start_daily: defaults.warmup?.startDaily ?? null,
      warmup_daily_increase: defaults.warmup?.dailyIncrease ?? null,
      bounce_rate_limit: defaults.bounceRateLimit,
      complaint_rate_limit: defaults.complaintRateLimit,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.column('address').doNothing())
    .execute();
}

/** Locks the mailbox row: every slot reservation for one mailbox is serialized by the database. */
export async function lockMailbox(tx: Db, address: string): Promise<Mailbox> {
  return tx.selectFrom('mailboxes').selectAll().where('address', '=', normalizeMailbox(address)).forUpdate().executeTakeFirstOrThrow();
}

/** Serializes reservations to one recipient domain across mailboxes, until the transaction ends. */
export async function lockRecipientDomain(tx: Db, domain: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`recipient-domain:${domain}`}, 0))`.execute(tx);
}

/** Slot times held by a mailbox's sends, or by sends to a recipient domain, from `since` on (future reservations included). */
export async function heldSlots(db: Db, by: { mailbox: string } | { recipientDomain: string }, since: Date): Promise<Date[]> {
  let q = db.selectFrom('sends').select('slot_at').where('slot_at', '>', since).where('status', 'in', SLOT_HOLDING);
  q = 'mailbox' in by ? q.where('mailbox', '=', normalizeMailbox(by.mailbox)) : q.where('recipient_domain', '=', by.recipientDomain);
  const rows = await q.orderBy('slot_at').execute();
  return rows.map((r) => r.slot_at!);
}

/** heldSlots of a mailbox and of a recipient domain, read in one statement (the send path's claim needs both). */
export async function heldSlotsOf(db: Db, by: { mailbox: string; recipientDomain: string }, since: Date): Promise<{ mailbox: Date[]; recipientDomain: Date[] }> {
  const mailbox = normalizeMailbox(by.mailbox);
  const rows = await db
    .selectFrom('sends')
    .select(['slot_at', 'mailbox', 'recipient_domain'])
    .where('slot_at', '>', since)
    .where('status', 'in', SLOT_HOLDING)
    .where((eb) => eb.or([eb('mailbox', '=', mailbox), eb('recipient_domain', '=', by.recipientDomain)]))
    .orderBy('slot_at')
    .execute();
  return {
    mailbox: rows.filter((r) => r.mailbox === mailbox).map((r) => r.slot_at!),
    recipientDomain: rows.filter((r) => r.recipient_domain === by.recipientDomain).map((r) => r.slot_at!),
  };
}

/** What the slot computation needs to know about a mailbox. */
export interface MailboxLimits {
  dailyCap: number;
  hourlyCap: number;
  minGapMs: number;
  warmup: { startedAt: Date; startDaily: number; dailyIncrease: number } | null;
}

export function mailboxLimits(m: Mailbox): MailboxLimits {
  return {
    dailyCap: m.daily_cap,
    hourlyCap: m.hourly_cap,
    minGapMs: m.min_gap_seconds * 1000,
    warmup:
      m.warmup_started_at && m.warmup_start_daily !== null
        ? { startedAt: m.warmup_started_at, startDaily: m.warmup_start_daily, dailyIncrease: m.warmup_daily_increase ?? 0 }
        : null,
  };
}

/** The daily cap in force at `at`: the warmup ramp (day 0 = startDaily, then +dailyIncrease a day), never above the cap. */
export function dailyCapAt(limits: MailboxLimits, at: Date): number {
  const w = limits.warmup;
  if (!w) return limits.dailyCap;
  const day = Math.max(0, Math.floor((at.getTime() - w.startedAt.getTime()) / DAY_MS));
  return Math.min(limits.dailyCap, w.startDaily + w.dailyIncrease * day);
}

export interface SlotRequest {
  notBefore: Date;
  mailbox: MailboxLimits;
  /** Slots the mailbox already holds (past sends within a day of notBefore, and future reservations). */
  mailboxSlots: Date[];
  recipientDomain: string;
  domainSlots: Date[];
  domainDailyCap: number;
  /** Added to the minimum gap for this send only (0 ≤ jitter ≤ the mailbox's jitter), so sends do not fall on a grid. */
  jitterMs: number;
}

export interface Slot {
  at: Date;
  /** Why the send cannot go at notBefore; null when it can. */
  limitedBy: string | null;
}

/**
 * The earliest moment at or after notBefore when one more send keeps every rolling window within its
 * cap (hourly and daily per mailbox, with the warmup ramp; daily per recipient domain) and stays the
 * minimum gap (plus this send's jitter) away from the mailbox's other sends. A cap C over a rolling
 * window L holds when every window (t − L, t] contains at most C sends; adding a send at T can only
 * break the windows ending at T or at a later send within L, so those are the ones checked.
 */
export function earliestSlot(req: SlotRequest): Slot {
  const mine = [...req.mailboxSlots].map((d) => d.getTime()).sort((a, b) => a - b);
  const theirs = [...req.domainSlots].map((d) => d.getTime()).sort((a, b) => a - b);
  const gap = req.mailbox.minGapMs + req.jitterMs;
  const from = req.notBefore.getTime();

  const windowViolation = (slots: number[], T: number, length: number, cap: (t: number) => number): boolean => {
    const within = (lo: number, hi: number) => upperBound(slots, hi) - upperBound(slots, lo); // slots in (lo, hi]
    if (within(T - length, T) + 1 > cap(T)) return true;
    for (let i = upperBound(slots, T); i < slots.length && slots[i]! < T + length; i++) {
      const t = slots[i]!;
      if (within(t - length, t) + 1 > cap(t)) return true;
    }
    return false;
  };
  const violation = (T: number): string | null => {
    if (gap > 0 && mine.some((s) => Math.abs(T - s) < gap)) {
      return `minimum gap of ${Math.round(req.mailbox.minGapMs / 1000)} s between sends (this one ${Math.round(gap / 1000)} s with jitter)`;
    }
    if (windowViolation(mine, T, HOUR_MS, () => req.mailbox.hourlyCap)) return `hourly cap of ${req.mailbox.hourlyCap} reached`;
    if (windowViolation(mine, T, DAY_MS, (t) => dailyCapAt(req.mailbox, new Date(t)))) {
      const cap = dailyCapAt(req.mailbox, new Date(T));
      return cap < req.mailbox.dailyCap ? `daily cap of ${cap} reached (warming up toward ${req.mailbox.dailyCap})` : `daily cap of ${cap} reached`;
    }
    if (windowViolation(theirs, T, DAY_MS, () => req.domainDailyCap)) return `daily cap of ${req.domainDailyCap} for ${req.recipientDomain} reached`;
    return null;
  };

  const limitedBy = violation(from);
  if (!limitedBy) return { at: new Date(from), limitedBy: null };

  // The answer is a moment when some constraint stops binding: a send leaving a window, a gap ending, the ramp rising.
  const candidates = new Set<number>();
  for (const s of mine) [s + gap, s + HOUR_MS, s + DAY_MS].forEach((c) => candidates.add(c));
  for (const s of theirs) candidates.add(s + DAY_MS);
  const w = req.mailbox.warmup;
  if (w) {
    const firstDay = Math.max(0, Math.ceil((from - w.startedAt.getTime()) / DAY_MS));
    for (let d = firstDay; d < firstDay + 60; d++) candidates.add(w.startedAt.getTime() + d * DAY_MS);
  }
  for (const c of [...candidates].filter((c) => c > from).sort((a, b) => a - b)) {
    if (!violation(c)) return { at: new Date(c), limitedBy };
  }
  // Past every send held, all windows are empty: always room.
  const last = Math.max(from, ...mine, ...theirs);
  return { at: new Date(last + Math.max(gap, DAY_MS)), limitedBy };
}

/** The number of sorted values ≤ x. */
function upperBound(sorted: number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A mailbox's use of its caps at `now`: sends in the last hour and day, the cap in force, and reservations still ahead. */
export async function mailboxUsage(db: Db, m: Mailbox, now: Date) {
  const slots = await heldSlots(db, { mailbox: m.address }, new Date(now.getTime() - DAY_MS));
  const t = now.getTime();
  const limits = mailboxLimits(m);
  return {
    lastHour: slots.filter((s) => s.getTime() > t - HOUR_MS && s.getTime() <= t).length,
    lastDay: slots.filter((s) => s.getTime() <= t).length,
    hourlyCap: m.hourly_cap,
    dailyCapNow: dailyCapAt(limits, now),
    dailyCap: m.daily_cap,
    scheduledAhead: slots.filter((s) => s.getTime() > t).length,
    warmupDay: limits.warmup ? Math.max(0, Math.floor((t - limits.warmup.startedAt.getTime()) / DAY_MS)) + 1 : null,
  };
}

/**
 * The mailbox a cadence sends from, chosen once and kept for its whole thread: the one the prospect
 * heard from before if it is still the owner's, else the owner's active mailbox with the fewest sends
 * in the last day, else the owner's own address (`ownerAddress`, by default the owner's email; created with the
 * defaults on first use). With the enrollment's owner, read in the same statement.
 */
export async function assignSendingMailbox(
  db: Db,
  enrollmentId: string,
  now: Date,
  ownerAddress?: string,
): Promise<{ address: string; ownerId: string; /** The mailbox already has its row (its caps and health). */ hasRow: boolean }> {
  const e = await db
    .selectFrom('enrollments')
    .innerJoin('users', 'users.id', 'enrollments.owner_id')
    .leftJoin('mailboxes', 'mailboxes.address', 'enrollments.sending_mailbox')
    .select(['enrollments.sending_mailbox', 'enrollments.prospect_id', 'enrollments.owner_id', 'users.email as owner_email', 'mailboxes.address as mailbox_row'])
    .where('enrollments.id', '=', enrollmentId)
    .executeTakeFirstOrThrow();
  if (e.sending_mailbox) return { address: e.sending_mailbox, ownerId: e.owner_id, hasRow: e.mailbox_row !== null };
  const owned = await db.selectFrom('mailboxes').select(['address', 'status']).where('owner_id', '=', e.owner_id).execute();
  const earlier = await db
    .selectFrom('enrollments')
    .select('sending_mailbox')
    .where('prospect_id', '=', e.prospect_id)
    .where('sending_mailbox', 'is not', null)
    .orderBy('started_at', 'desc')
    .executeTakeFirst();
  let choice = normalizeMailbox(ownerAddress ?? e.owner_email);
  if (earlier?.sending_mailbox && (earlier.sending_mailbox === choice || owned.some((m) => m.address === earlier.sending_mailbox))) {
    choice = earlier.sending_mailbox;
  } else {
    const active = owned.filter((m) => m.status === 'active').map((m) => m.address);
    if (active.length > 0) {
      const since = new Date(now.getTime() - DAY_MS);
      const counts = await Promise.all(active.map(async (address) => ({ address, used: (await heldSlots(db, { mailbox: address }, since)).length })));
      choice = counts.sort((a, b) => a.used - b.used || a.address.localeCompare(b.address))[0]!.address;
    }
  }
  await db.updateTable('enrollments').set({ sending_mailbox: choice }).where('id', '=', enrollmentId).where('sending_mailbox', 'is', null).execute();
  const kept = await db.selectFrom('enrollments').select('sending_mailbox').where('id', '=', enrollmentId).executeTakeFirstOrThrow();
  return { address: kept.sending_mailbox!, ownerId: e.owner_id, hasRow: false };
}
