import { randomUUID } from 'node:crypto';
import { ApplicationFailure, Context } from '@temporalio/activity';
import { sql } from 'kysely';
import type { Db } from '../db/connect';
import { recordAudit } from '../db/repositories/audit';
import { findSuppression } from '../db/repositories/suppressions';
import type { ActivityDeps } from './deps';
import type { DraftRef, StepRef } from './drafting';
import { FailureType } from './failures';
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
}

export type SendOutcome =
  | { status: 'sent'; messageId: string; sentAt: string }
  | { status: 'cancelled'; reason: string; held?: boolean; holdKind?: string; holdUntil?: string };

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

/**
 * Why nothing automated may go to this prospect now, read from the database at the moment of sending:
 * a reply in the ledger that a rep has not released, an active hold (a pause), or a suppression.
 */
export async function sendBlocker(
  db: Db,
  enrollmentId: string,
  prospectId: string,
  email: string,
  purpose: 'step' | 'reply' = 'step',
  asOf?: Date,
): Promise<{ reason: string; held: boolean; holdKind?: string; holdUntil?: string } | null> {
  if (purpose === 'step') {
    const reply = await db
      .selectFrom('replies as r')
      .innerJoin('enrollments as e', 'e.prospect_id', 'r.prospect_id')
      .select(['r.message_id'])
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
      .executeTakeFirst();
    if (reply) return { reason: `the prospect replied (${reply.message_id})`, held: false };
    const hold = await db
      .selectFrom('enrollment_holds')
      .select(['kind', 'reason', 'until'])
      .where('enrollment_id', '=', enrollmentId)
      .where('released_at', 'is', null)
      .where((eb) => eb.or([eb('until', 'is', null), eb('until', '>', asOf ?? sql<Date>`now()`)]))
      .executeTakeFirst();
    if (hold) {
      return { reason: `the cadence is paused (${hold.kind}: ${hold.reason})`, held: true, holdKind: hold.kind, holdUntil: hold.until?.toISOString() };
    }
  }
  const suppression = await findSuppression(db, email);
  if (suppression) return { reason: `${suppression.kind} ${suppression.value} is suppressed (${suppression.reason})`, held: false };
  return null;
}

export function sendingActivities({ db, clock, mailer, pacer, messageIdDomain, unsubscribe }: ActivityDeps) {
  /** Hands one message to SMTP under the prospect's row lock, after the last checks. */
  async function deliver(input: SendInput, key: string, messageId: string, previousId: string | undefined): Promise<SendOutcome> {
    return db.transaction().execute(async (tx) => {
      const prospect = await tx
        .selectFrom('prospects')
        .select(['email'])
        .where('id', '=', input.prospectId)
        .forUpdate()
        .executeTakeFirstOrThrow();
      // An earlier attempt may have finished while this one waited for the lock.
      const settled = await tx.selectFrom('sends').select(['status', 'sent_at']).where('idempotency_key', '=', key).executeTakeFirst();
      if (settled?.status === 'sent') return { status: 'sent' as const, messageId, sentAt: settled.sent_at!.toISOString() };
      const blocker = await sendBlocker(tx, input.enrollmentId, input.prospectId, prospect.email, input.purpose, input.asOf ? new Date(input.asOf) : undefined);
      const now = clock();
      const row = {
        id: previousId ?? randomUUID(),
        idempotency_key: key,
        message_id: messageId,
        enrollment_id: input.enrollmentId,
        prospect_id: input.prospectId,
        step: input.step,
        draft_id: input.draft.draftId,
        draft_version: input.draft.version,
        mailbox: input.from.address,
        recipient: prospect.email,
        subject: input.draft.subject,
        body: input.draft.body,
        content_hash: input.draft.contentHash,
        attempt: input.attempt ?? 1,
        created_at: now,
      };
      if (blocker?.held) {
        // A pause is not an outcome: the cadence sends this same message once it is resumed.
        await recordAudit(tx, {
          key: `send:${key}:held:${now.getTime()}`,
          occurredAt: now,
          actor: 'component:sender',
          action: 'send.held',
          prospectId: input.prospectId,
          enrollmentId: input.enrollmentId,
          step: input.step,
          contentHash: input.draft.contentHash,
          details: { messageId, reason: blocker.reason },
        });
        return { status: 'cancelled' as const, reason: blocker.reason, held: true, holdKind: blocker.holdKind, holdUntil: blocker.holdUntil };
      }
      if (blocker) {
        await tx
          .insertInto('sends')
          .values({ ...row, status: 'cancelled', cancel_reason: blocker.reason })
          .onConflict((oc) => oc.column('idempotency_key').doUpdateSet({ status: 'cancelled', cancel_reason: blocker.reason }))
          .execute();
        await recordAudit(tx, {
          key: `send:${key}:cancelled`,
          occurredAt: now,
          actor: 'component:sender',
          action: 'send.cancelled',
          prospectId: input.prospectId,
          enrollmentId: input.enrollmentId,
          step: input.step,
          contentHash: input.draft.contentHash,
          details: { messageId, reason: blocker.reason },
        });
        return { status: 'cancelled' as const, reason: blocker.reason };
      }
      await tx
        .insertInto('sends')
        .values({ ...row, status: 'sending' })
        .onConflict((oc) => oc.column('idempotency_key').doNothing())
        .execute();
      // One-click unsubscribe (RFC 8058) on every message, automatic, approved or an answer to a reply.
      const unsubscribeLink = unsubscribeUrl(
        unsubscribe.baseUrl,
        signUnsubscribeToken(unsubscribe.keyring, { prospectId: input.prospectId, enrollmentId: input.enrollmentId, recipient: prospect.email, issuedAt: now }),
      );
      try {
        await mailer.send({
          from: input.from,
          to: prospect.email,
          subject: input.draft.subject,
          text: withUnsubscribeFooter(input.draft.body, unsubscribeLink),
          messageId,
          inReplyTo: input.inReplyTo ?? input.references.at(-1),
          references: input.references,
          headers: {
            'X-Cadence-Send-Key': key,
            'List-Unsubscribe': `<${unsubscribeLink}>`,
            'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          },
        });
      } catch (err) {
        const code = (err as { responseCode?: number }).responseCode;
        if (code !== undefined && code >= 500) {
          throw ApplicationFailure.create({
            type: FailureType.smtpRejected,
            message: `SMTP refused the message to ${prospect.email}: ${(err as Error).message}`,
            nonRetryable: true,
          });
        }
        throw err;
      }
      const sentAt = clock();
      await tx.updateTable('sends').set({ status: 'sent', sent_at: sentAt }).where('idempotency_key', '=', key).execute();
      await recordAudit(tx, {
        key: `send:${key}:sent`,
        occurredAt: sentAt,
        actor: 'component:sender',
        action: 'send.sent',
        prospectId: input.prospectId,
        enrollmentId: input.enrollmentId,
        step: input.step,
        contentHash: input.draft.contentHash,
        details: {
          messageId,
          draftVersion: input.draft.version,
          mailbox: input.from.address,
          recipient: prospect.email,
          // The content hash is the approved text's; what went out also carried this footer and these headers.
          unsubscribe: {
            footer: unsubscribeFooter('<one-click link>'),
            headers: ['List-Unsubscribe', 'List-Unsubscribe-Post'],
            keyId: unsubscribe.keyring.currentKeyId,
            issuedAt: now.toISOString(),
          },
        },
      });
      return { status: 'sent' as const, messageId, sentAt: sentAt.toISOString() };
    });
  }

  return {
    /**
     * Sends one approved or automatic email, at most once per key. Right before the message is handed
     * to SMTP it re-reads the reply ledger and the suppression list under a lock on the prospect row,
     * the same lock the reply webhook takes, so a recorded reply always wins.
     */
    async sendEmail(input: SendInput): Promise<SendOutcome> {
      const key = sendKey(input.enrollmentId, input.step, input.draft.version, input.purpose, input.attempt);
      const messageId = `<${key}@${messageIdDomain}>`;
      const previous = await db.selectFrom('sends').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
      if (previous?.status === 'sent') return { status: 'sent', messageId, sentAt: previous.sent_at!.toISOString() };
      if (previous?.status === 'cancelled') return { status: 'cancelled', reason: previous.cancel_reason ?? 'cancelled' };

      const ctx = Context.current();
      // Heartbeats for the whole attempt: they carry a reply's cancellation to the wait below, and a slow
      // SMTP hand-off must not look like a dead worker (which would start a second attempt).
      const beat = setInterval(() => ctx.heartbeat(), 1000);
      try {
        await pacer.waitTurn(input.from.address, ctx.cancellationSignal);
        ctx.cancellationSignal.throwIfAborted();
        return await deliver(input, key, messageId, previous?.id);
      } finally {
        clearInterval(beat);
      }
    },
  };
}
