import { randomUUID } from 'node:crypto';
import { ApplicationFailure, Context } from '@temporalio/activity';
import { sql } from 'kysely';
import { jsonObjectFrom } from 'kysely/helpers/postgres';
import type { Db } from '../db/connect';
import { recordAudit } from '../db/repositories/audit';
import {
  assignSendingMailbox,
  createMailboxIfMissing,
  DAY_MS,
  domainOf,
  earliestSlot,
  heldSlotsOf,
  lockMailbox,
  lockRecipientDomain,
  mailboxLimits,
} from '../db/repositories/mailboxes';
import { suppressionOf } from '../db/repositories/suppressions';
import type { Insertable, QueryCreator } from 'kysely';
import type { Database, Send, SendsTable } from '../db/types';
import type { ActivityDeps } from './deps';
import type { DraftRef, StepRef } from './drafting';
import { FailureType } from './failures';
import { senderDomainStatus } from './sender-domains';
import { signUnsubscribeToken, unsubscribeUrl } from './unsubscribe-token';

export interface SendInput extends StepRef {
  draft: DraftRef;
  from: { name: string; address: string };
  /** Message-IDs sent earlier in this cadence, so follow-ups thread under the first touch. */
  references: string[];
  /** A step's message (automation: holds and replies stop it) or the rep's approved answer to a reply. */
  purpose?: 'step' | 'reply';
  /** The prospect's message an answer replies to. */
  inReplyTo?: string;
  /** Resending after a soft bounce: 2 for the first retry. */
  attempt?: number;
  /** The cadence's own clock, against which holds with an end time are judged. */
  asOf?: string;
  /** Sent without a rep's approval: refused from a From domain that fails sender authentication. */
  automatic?: boolean;
}

export type SendOutcome =
  /** unconfirmed: an attempt died after handing the message to SMTP; it is never sent again, and the owner has a task to confirm it. */
  | { status: 'sent'; messageId: string; sentAt: string; unconfirmed?: boolean }
  | { status: 'cancelled'; reason: string; held?: boolean; holdKind?: string; holdUntil?: string }
  /** Over a cap, or the mailbox is stopped: a slot is reserved at `until` (or, when stopped, it is checked again then). */
  | { status: 'deferred'; until: string; reason: string; mailbox: string };

/** The business idempotency key of a send: one cadence, one step, one draft version (and its retry or answer). */
export function sendKey(enrollmentId: string, step: number, draftVersion: number, purpose: 'step' | 'reply' = 'step', attempt = 1): string {
  return `${enrollmentId}.step-${step}.${purpose === 'reply' ? 'answer-' : ''}v${draftVersion}${attempt > 1 ? `.a${attempt}` : ''}`;
}

/** The visible unsubscribe line under every message, pointing at the same one-click URL as List-Unsubscribe. */
export function unsubscribeFooter(url: string): string {
  return `If you'd rather not hear from me, unsubscribe: ${url}`;
}

/**
 * The text handed to SMTP: the approved text exactly as approved, then the footer. The footer is added
 * here, at send time, so the draft and its content hash stay those of what the rep approved.
 */
export function withUnsubscribeFooter(body: string, url: string): string {
  return `${body}${body.endsWith('\n') ? '\n' : '\n\n'}${unsubscribeFooter(url)}`;
}

/** Automatic messages that neither stop nor pause automation by themselves. */
const NON_BLOCKING_INTENTS = ['out_of_office', 'auto_reply_other', 'bounce_soft'];

type Blocker = { reason: string; held: boolean; holdKind?: string; holdUntil?: string };

/**
 * Why nothing automated may go to this prospect now, read from the database at the moment of sending:
 * a reply in the ledger that a rep has not released, an active hold (a pause), or a suppression. One row of
 * three JSON columns (null when there is none), read under the prospect's row lock: see sendBlocker.
 */
function blockerQuery(db: Db, enrollmentId: string, prospectId: string, email: string, purpose: 'step' | 'reply', asOf?: Date) {
  // An answer to a reply is checked against suppressions only.
  const stepChecks = sql.lit(purpose === 'step');
  return db.selectNoFrom([
    jsonObjectFrom(
      db
        .selectFrom('replies as r')
        .innerJoin('enrollments as e', 'e.prospect_id', 'r.prospect_id')
        .select(['r.message_id'])
        .where(stepChecks)
        .where('e.id', '=', enrollmentId)
        .where('r.prospect_id', '=', prospectId)
        .where(sql<boolean>`r.received_at >= e.started_at`)
        .where((eb) => eb.or([eb('r.intent', 'is', null), eb('r.intent', 'not in', NON_BLOCKING_INTENTS)]))
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('enrollment_holds as h')
                .select('h.id')
                .whereRef('h.reply_id', '=', 'r.id')
                .whereRef('h.enrollment_id', '=', 'e.id')
                .where('h.released_at', 'is not', null),
            ),
          ),
        )
        .limit(1),
    ).as('reply'),
    jsonObjectFrom(
      db
        .selectFrom('enrollment_holds')
        .select(['kind', 'reason', 'until'])
        .where(stepChecks)
        .where('enrollment_id', '=', enrollmentId)
        .where('released_at', 'is', null)
        .where((eb) => eb.or([eb('until', 'is', null), eb('until', '>', asOf ?? sql<Date>`now()`)]))
        .limit(1),
    ).as('hold'),
    jsonObjectFrom(suppressionOf(db, email)).as('suppression'),
  ]);
}

type BlockerRow = Awaited<ReturnType<ReturnType<typeof blockerQuery>['executeTakeFirstOrThrow']>>;

/** A reply wins over a hold, a hold over a suppression. */
function blockerOf({ reply, hold, suppression }: BlockerRow): Blocker | null {
  if (reply) return { reason: `the prospect replied (${reply.message_id})`, held: false };
  if (hold) {
    // Read as JSON: the time is text here (to the microsecond), a Date (to the millisecond) everywhere else.
    const holdUntil = hold.until === null ? undefined : new Date(hold.until as unknown as string).toISOString();
    return { reason: `the cadence is paused (${hold.kind}: ${hold.reason})`, held: true, holdKind: hold.kind, holdUntil };
  }
  if (suppression) return { reason: `${suppression.kind} ${suppression.value} is suppressed (${suppression.reason})`, held: false };
  return null;
}

/**
 * The blocker of a send (see blockerQuery), in one statement. It must start after the prospect's row lock is
 * taken, in a statement of its own: a statement reads what was committed when it began, and the reply webhook
 * commits its ledger row under the same lock.
 */
export async function sendBlocker(
  db: Db,
  enrollmentId: string,
  prospectId: string,
  email: string,
  purpose: 'step' | 'reply' = 'step',
  asOf?: Date,
): Promise<Blocker | null> {
  return blockerOf(await blockerQuery(db, enrollmentId, prospectId, email, purpose, asOf).executeTakeFirstOrThrow());
}

/** A slot this close ahead is taken now: the workflow's timer and the worker's clock never agree to the millisecond. */
const SLOT_TOLERANCE_MS = 2000;
/** A stopped mailbox is looked at again this often: it resumes when a manager resumes it. */
const STOPPED_RECHECK_MS = 3_600_000;

/** The outcome a send row already settled on, if it has. */
function settledOutcome(row: Pick<Send, 'status' | 'message_id' | 'sent_at' | 'handed_off_at' | 'created_at' | 'cancel_reason'>): SendOutcome | null {
  switch (row.status) {
    case 'sent':
      return { status: 'sent', messageId: row.message_id, sentAt: row.sent_at!.toISOString() };
    case 'unconfirmed':
      return { status: 'sent', messageId: row.message_id, sentAt: (row.handed_off_at ?? row.created_at).toISOString(), unconfirmed: true };
    case 'cancelled':
    case 'failed':
      return { status: 'cancelled', reason: row.cancel_reason ?? row.status };
    default:
      return null;
  }
}

/** Why the hand-off was stopped before the end of the message: nothing was delivered. */
class HandOffRefused extends Error {}

/** A send row's content: what is sent, to whom, from which mailbox; the status is the caller's. */
function sendRow(input: SendInput, key: string, messageId: string, mailbox: string, recipient: string, existing: { id: string; created_at: Date }): Omit<Insertable<SendsTable>, 'status'> {
  return {
    id: existing.id,
    idempotency_key: key,
    message_id: messageId,
    enrollment_id: input.enrollmentId,
    prospect_id: input.prospectId,
    step: input.step,
    draft_id: input.draft.draftId,
    draft_version: input.draft.version,
    mailbox,
    recipient,
    recipient_domain: domainOf(recipient),
    subject: input.draft.subject,
    body: input.draft.body,
    content_hash: input.draft.contentHash,
    attempt: input.attempt ?? 1,
    created_at: existing.created_at,
  };
}

type Claim =
  | { kind: 'settled'; outcome: SendOutcome }
  | { kind: 'go'; recipient: string };

export function sendingActivities({ db, clock, mailer, pacer, messageIdDomain, unsubscribe, limits, senderAuth, random = Math.random }: ActivityDeps) {
  function audit<DB extends Database>(tx: QueryCreator<DB>, input: SendInput, key: string, what: string, at: Date, details: Record<string, unknown>, eventKey = `send:${key}:${what}`) {
    return recordAudit(tx, {
      key: eventKey,
      occurredAt: at,
      actor: 'component:sender',
      action: `send.${what}`,
      prospectId: input.prospectId,
      enrollmentId: input.enrollmentId,
      step: input.step,
      contentHash: input.draft.contentHash,
      details,
    });
  }

  async function cancel(tx: Db, input: SendInput, key: string, messageId: string, row: Omit<Insertable<SendsTable>, 'status'>, reason: string, now: Date): Promise<SendOutcome> {
    await tx
      .insertInto('sends')
      .values({ ...row, status: 'cancelled', cancel_reason: reason, lease: null })
      .onConflict((oc) => oc.column('idempotency_key').doUpdateSet({ status: 'cancelled', cancel_reason: reason, lease: null }))
      .execute();
    await audit(tx, input, key, 'cancelled', now, { messageId, reason });
    return { status: 'cancelled', reason };
  }

  /**
   * An attempt stopped after the end of the message may have reached the server: the message may be
   * delivered, so it is never sent again. The owner gets a task to confirm it in the mailbox's sent
   * items (or the provider's log) and to resend by hand if it is not there.
   */
  async function markUnconfirmed(tx: Db, input: SendInput, key: string, row: Pick<Send, 'message_id' | 'mailbox' | 'recipient' | 'handed_off_at' | 'created_at'>, why: string, now: Date): Promise<SendOutcome> {
    await tx.updateTable('sends').set({ status: 'unconfirmed', lease: null }).where('idempotency_key', '=', key).where('status', '=', 'handing-off').execute();
    const enrollment = await tx.selectFrom('enrollments').select(['owner_id']).where('id', '=', input.enrollmentId).executeTakeFirstOrThrow();
    await tx
      .insertInto('tasks')
      .values({
        id: randomUUID(),
        key: `confirm-delivery:${key}`,
        owner_id: enrollment.owner_id,
        prospect_id: input.prospectId,
        enrollment_id: input.enrollmentId,
        step: input.step,
        kind: 'confirm-delivery',
        title: `Confirm that step ${input.step} reached ${row.recipient}: check ${row.mailbox}'s sent items for ${row.message_id}; resend by hand only if it is not there`,
        due_at: now,
        details: JSON.stringify({ messageId: row.message_id, mailbox: row.mailbox, why }),
        created_at: now,
      })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    await audit(tx, input, key, 'unconfirmed', now, { messageId: row.message_id, mailbox: row.mailbox, reason: why });
    return { status: 'sent', messageId: row.message_id, sentAt: (row.handed_off_at ?? now).toISOString(), unconfirmed: true };
  }

  /**
   * The last checks before SMTP, in one short transaction under the prospect's row lock (which the reply
   * webhook takes too): the reply ledger, holds and suppressions; the mailbox's state; and a slot within
   * every cap, reserved in the database under the mailbox's row lock so two workers cannot both take
   * the last one. Ends with the send row in 'sending', leased to this attempt, or with an outcome.
   */
  async function claim(input: SendInput, key: string, messageId: string, mailbox: string, lease: string, now: Date): Promise<Claim> {
    return db.transaction().execute(async (tx): Promise<Claim> => {
      const prospect = await tx.selectFrom('prospects').select(['email']).where('id', '=', input.prospectId).forUpdate().executeTakeFirstOrThrow();
      const row = await tx.selectFrom('sends').selectAll().where('idempotency_key', '=', key).forUpdate().executeTakeFirst();
      const settled = row && settledOutcome(row);
      if (settled) return { kind: 'settled', outcome: settled };
      if (row?.status === 'handing-off') {
        return { kind: 'settled', outcome: await markUnconfirmed(tx, input, key, row, 'an earlier attempt stopped after handing the message to SMTP', now) };
      }
      const recipientDomain = domainOf(prospect.email);
      const values = sendRow(input, key, messageId, row?.mailbox ?? mailbox, prospect.email, row ?? { id: randomUUID(), created_at: now });
      const release = async () => {
        if (row) await tx.updateTable('sends').set({ status: 'scheduled', slot_at: null, lease: null }).where('id', '=', row.id).execute();
      };

      const blocker = await sendBlocker(tx, input.enrollmentId, input.prospectId, prospect.email, input.purpose, input.asOf ? new Date(input.asOf) : undefined);
      if (blocker?.held) {
        // A pause is not an outcome: the cadence sends this same message once it is resumed (and then takes a new slot).
        await release();
        await audit(tx, input, key, 'held', now, { messageId, reason: blocker.reason }, `send:${key}:held:${now.getTime()}`);
        return { kind: 'settled', outcome: { status: 'cancelled', reason: blocker.reason, held: true, holdKind: blocker.holdKind, holdUntil: blocker.holdUntil } };
      }
      if (blocker) return { kind: 'settled', outcome: await cancel(tx, input, key, messageId, values, blocker.reason, now) };

      const mb = await lockMailbox(tx, values.mailbox);
      if (mb.status === 'stopped') {
        await release();
        const until = new Date(now.getTime() + STOPPED_RECHECK_MS);
        const reason = `mailbox ${mb.address} is stopped (${mb.stopped_reason ?? 'by a manager'})`;
        await audit(tx, input, key, 'deferred', now, { messageId, mailbox: mb.address, until: until.toISOString(), reason }, `send:${key}:stopped:${now.getTime()}`);
        return { kind: 'settled', outcome: { status: 'deferred', until: until.toISOString(), reason, mailbox: mb.address } };
      }
      await lockRecipientDomain(tx, recipientDomain);

      let slotAt: Date;
      let limitedBy: string | null = null;
      if (row?.slot_at && (row.status === 'scheduled' || row.status === 'sending')) {
        // Reserved earlier (this send was deferred to it), or held by an attempt that died before the end of the message.
        slotAt = row.slot_at;
      } else {
        const held = await heldSlotsOf(tx, { mailbox: mb.address, recipientDomain }, new Date(now.getTime() - DAY_MS));
        const slot = earliestSlot({
          notBefore: now,
          mailbox: mailboxLimits(mb),
          mailboxSlots: held.mailbox,
          recipientDomain,
          domainSlots: held.recipientDomain,
          domainDailyCap: limits.recipientDomainDailyCap,
          jitterMs: Math.floor(random() * mb.jitter_seconds * 1000),
        });
        slotAt = slot.at;
        limitedBy = slot.limitedBy;
      }
      const due = slotAt.getTime() <= now.getTime() + SLOT_TOLERANCE_MS;
      const state = { status: due ? ('sending' as const) : ('scheduled' as const), slot_at: slotAt, lease: due ? lease : null, cancel_reason: null };
      await tx
        .insertInto('sends')
        .values({ ...values, ...state })
        .onConflict((oc) => oc.column('idempotency_key').doUpdateSet({ ...state, attempt: values.attempt }))
        .execute();
      if (due) return { kind: 'go', recipient: prospect.email };
      const reason = `${mb.address}: ${limitedBy ?? 'waiting for its reserved slot'}; deferred to ${slotAt.toISOString()}`;
      await audit(tx, input, key, 'deferred', now, { messageId, mailbox: mb.address, until: slotAt.toISOString(), reason }, `send:${key}:deferred:${slotAt.getTime()}`);
      return { kind: 'settled', outcome: { status: 'deferred', until: slotAt.toISOString(), reason, mailbox: mb.address } };
    });
  }

  /**
   * Hands the message to SMTP. Just before the end of DATA, in one short transaction, the send is
   * checked once more (reply ledger, holds, suppressions) and moved to 'handing-off' if this attempt
   * still holds its lease: that commit is the point of no return. Before it, a crash or an error
   * leaves the server with an incomplete message it discards, and a retry sends again; after it, a
   * retry never sends (see markUnconfirmed).
   */
  async function handOff(input: SendInput, key: string, messageId: string, mailbox: string, lease: string, recipient: string, signal: AbortSignal): Promise<SendOutcome> {
    const issuedAt = clock();
    const unsubscribeLink = unsubscribeUrl(
      unsubscribe.baseUrl,
      signUnsubscribeToken(unsubscribe.keyring, { prospectId: input.prospectId, enrollmentId: input.enrollmentId, recipient, issuedAt }),
    );
    let refused: { reason: string; held?: boolean; holdKind?: string; holdUntil?: string; leaseLost?: boolean } | undefined;
    let pointOfNoReturn = false;
    try {
      await mailer.send(
        {
          // The owner's name on the thread's mailbox.
          from: { name: input.from.name, address: mailbox },
          to: recipient,
          subject: input.draft.subject,
          text: withUnsubscribeFooter(input.draft.body, unsubscribeLink),
          messageId,
          inReplyTo: input.inReplyTo ?? input.references.at(-1),
          references: input.references,
          headers: {
            'X-Cadence-Send-Key': key,
            // One-click unsubscribe (RFC 8058) on every message, automatic, approved or an answer to a reply.
            'List-Unsubscribe': `<${unsubscribeLink}>`,
            'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          },
        },
        {
          beforeEndOfData: async () => {
            if (signal.aborted) {
              refused = { reason: `the cadence cancelled the send (${String((signal.reason as Error)?.message ?? signal.reason)})` };
              throw new HandOffRefused(refused.reason);
            }
            refused = await db.transaction().execute(async (tx) => {
              const prospect = await tx.selectFrom('prospects').select(['email']).where('id', '=', input.prospectId).forUpdate().executeTakeFirstOrThrow();
              // The last check and the move to 'handing-off' in one statement: the move happens only if nothing blocks.
              const checked = await tx
                .with('blocker', () => blockerQuery(tx, input.enrollmentId, input.prospectId, prospect.email, input.purpose ?? 'step', input.asOf ? new Date(input.asOf) : undefined))
                .with('moved', (qc) =>
                  qc
                    .updateTable('sends')
                    .set({ status: 'handing-off', handed_off_at: clock() })
                    .where('idempotency_key', '=', key)
                    .where('status', '=', 'sending')
                    .where('lease', '=', lease)
                    .where(sql<boolean>`(select reply is null and hold is null and suppression is null from blocker)`)
                    .returning('id'),
                )
                .selectFrom('blocker')
                .selectAll('blocker')
                .select(sql<boolean>`exists (select 1 from moved)`.as('moved'))
                .executeTakeFirstOrThrow();
              const blocker = blockerOf(checked);
              if (blocker) return blocker;
              return checked.moved ? undefined : { reason: 'another attempt took this send over', leaseLost: true };
            });
            if (refused) throw new HandOffRefused(refused.reason);
            pointOfNoReturn = true;
          },
        },
      );
    } catch (err) {
      const code = (err as { responseCode?: number }).responseCode;
      if (refused) {
        if (refused.leaseLost) throw err;
        const why = refused;
        return db.transaction().execute(async (tx) => {
          if (why.held) {
            await tx.updateTable('sends').set({ status: 'scheduled', slot_at: null, lease: null }).where('idempotency_key', '=', key).where('lease', '=', lease).execute();
            return { status: 'cancelled' as const, reason: why.reason, held: true, holdKind: why.holdKind, holdUntil: why.holdUntil };
          }
          const row = await tx.selectFrom('sends').selectAll().where('idempotency_key', '=', key).executeTakeFirstOrThrow();
          return cancel(tx, input, key, messageId, row, why.reason, clock());
        });
      }
      if (pointOfNoReturn && code === undefined) {
        // No answer to the end of the message: the server may have it. Never send it again.
        return db.transaction().execute(async (tx) => {
          const row = await tx.selectFrom('sends').selectAll().where('idempotency_key', '=', key).executeTakeFirstOrThrow();
          return markUnconfirmed(tx, input, key, row, `no answer from SMTP after the end of the message: ${(err as Error).message}`, clock());
        });
      }
      if (code !== undefined && code >= 500) {
        const reason = `SMTP refused the message to ${recipient}: ${(err as Error).message}`;
        await db.updateTable('sends').set({ status: 'failed', cancel_reason: reason, lease: null }).where('idempotency_key', '=', key).where('lease', '=', lease).execute();
        await audit(db, input, key, 'failed', clock(), { messageId, reason });
        throw ApplicationFailure.create({ type: FailureType.smtpRejected, message: reason, nonRetryable: true });
      }
      // Not delivered (refused for now, or cut off before the end of the message): the next attempt sends it.
      if (pointOfNoReturn) await db.updateTable('sends').set({ status: 'sending' }).where('idempotency_key', '=', key).where('lease', '=', lease).execute();
      throw err;
    }

    const sentAt = clock();
    // The send's new state and its audit event in one statement (atomic as a transaction was, one round trip).
    const markSent = db.with('sent', (w) =>
      w.updateTable('sends').set({ status: 'sent', sent_at: sentAt, lease: null }).where('idempotency_key', '=', key).where('status', 'in', ['handing-off', 'unconfirmed']),
    );
    await audit(markSent, input, key, 'sent', sentAt, {
      messageId,
      draftVersion: input.draft.version,
      mailbox,
      recipient,
      // The content hash is the approved text's; what went out also carried this footer and these headers.
      unsubscribe: {
        footer: unsubscribeFooter('<one-click link>'),
        headers: ['List-Unsubscribe', 'List-Unsubscribe-Post'],
        keyId: unsubscribe.keyring.currentKeyId,
        issuedAt: issuedAt.toISOString(),
      },
    });
    return { status: 'sent' as const, messageId, sentAt: sentAt.toISOString() };
  }

  return {
    /**
     * Sends one approved or automatic email, at most once per key, within its mailbox's caps: over a
     * cap it reserves the next slot with room and returns 'deferred' (the workflow sleeps until then).
     * Exactly once across crashes: see claim and handOff.
     */
    async sendEmail(input: SendInput): Promise<SendOutcome> {
      const key = sendKey(input.enrollmentId, input.step, input.draft.version, input.purpose, input.attempt);
      const messageId = `<${key}@${messageIdDomain}>`;
      const previous = await db.selectFrom('sends').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
      const settled = previous && settledOutcome(previous);
      if (settled) return settled;

      const ctx = Context.current();
      const lease = `${ctx.info.activityId}#${ctx.info.attempt}:${randomUUID()}`;
      // Heartbeats for the whole attempt: they carry a reply's cancellation here, and a slow SMTP
      // hand-off must not look like a dead worker (which would start a second attempt).
      const beat = setInterval(() => ctx.heartbeat(), 1000);
      try {
        await pacer.waitTurn(input.from.address, ctx.cancellationSignal);
        ctx.cancellationSignal.throwIfAborted();
        // The cadence's clock when it is ahead (a test server skipping time), else the worker's.
        const now = new Date(Math.max(clock().getTime(), input.asOf ? new Date(input.asOf).getTime() : 0));
        const assigned = previous ? undefined : await assignSendingMailbox(db, input.enrollmentId, now, input.from.address);
        const mailbox = previous?.mailbox ?? assigned!.address;
        if (input.automatic) {
          const sender = await senderDomainStatus(db, senderAuth, domainOf(mailbox), now);
          if (!sender.automaticAllowed) {
            const reason = `automatic sending from ${sender.domain} is refused: its sender authentication fails (${sender.summary}); a rep can approve the message, or SENDER_AUTH_OVERRIDE can allow the domain`;
            return await db.transaction().execute(async (tx) => {
              const prospect = await tx.selectFrom('prospects').select(['email']).where('id', '=', input.prospectId).executeTakeFirstOrThrow();
              const row = sendRow(input, key, messageId, mailbox, prospect.email, previous ?? { id: randomUUID(), created_at: now });
              return cancel(tx, input, key, messageId, row, reason, now);
            });
          }
        }
        const ownerId = assigned?.ownerId ?? (await db.selectFrom('enrollments').select('owner_id').where('id', '=', input.enrollmentId).executeTakeFirstOrThrow()).owner_id;
        // The first send from a mailbox writes its row (caps and health from the defaults); later ones find it.
        if (!assigned?.hasRow) await createMailboxIfMissing(db, mailbox, ownerId, limits.mailboxDefaults, now);
        const claimed = await claim(input, key, messageId, mailbox, lease, now);
        if (claimed.kind === 'settled') return claimed.outcome;
        return await handOff(input, key, messageId, mailbox, lease, claimed.recipient, ctx.cancellationSignal);
      } finally {
        clearInterval(beat);
      }
    },

    /** A deferred send the cadence no longer wants (a reply, a stop): its reserved slot goes back to the mailbox. */
    async releaseSendSlot(input: { enrollmentId: string; step: number; draftVersion: number; purpose?: 'step' | 'reply'; attempt?: number }): Promise<void> {
      const key = sendKey(input.enrollmentId, input.step, input.draftVersion, input.purpose, input.attempt);
      await db.updateTable('sends').set({ status: 'scheduled', slot_at: null }).where('idempotency_key', '=', key).where('status', '=', 'scheduled').execute();
    },
  };
}
