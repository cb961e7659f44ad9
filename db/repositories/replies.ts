import { randomUUID } from 'node:crypto';
import type { Db } from '../connect';
import { recordAudit } from './audit';
import { normalizeEmail } from './prospects';

export interface InboundReply {
  messageId: string;
  from: string;
  subject?: string;
  text: string;
  inReplyTo?: string;
  references?: string[];
  receivedAt: Date;
}

export interface RecordedReply {
  replyId: string;
  duplicate: boolean;
  prospectId: string | null;
  enrollmentId: string | null;
  matchedBy: 'in-reply-to' | 'references' | 'sender' | null;
  signaledAt: Date | null;
}

/** Which prospect a reply belongs to: the message it answers first, then the sender's address. */
async function matchReply(db: Db, reply: InboundReply) {
  const bySend = async (ids: string[]) =>
    ids.length === 0
      ? undefined
      : db.selectFrom('sends').select(['prospect_id', 'enrollment_id']).where('message_id', 'in', ids).orderBy('created_at', 'desc').executeTakeFirst();
  const direct = reply.inReplyTo ? await bySend([reply.inReplyTo]) : undefined;
  if (direct) return { ...direct, matchedBy: 'in-reply-to' as const };
  const referenced = await bySend(reply.references ?? []);
  if (referenced) return { ...referenced, matchedBy: 'references' as const };
  const sender = await db
    .selectFrom('prospects')
    .leftJoin('enrollments', 'enrollments.prospect_id', 'prospects.id')
    .select(['prospects.id as prospect_id', 'enrollments.id as enrollment_id'])
    .where('prospects.email', '=', normalizeEmail(reply.from))
    .orderBy('enrollments.started_at', 'desc')
    .executeTakeFirst();
  if (sender) return { ...sender, matchedBy: 'sender' as const };
  return null;
}

/**
 * Records an inbound reply in the ledger, idempotently by Message-ID. It takes the same row lock on
 * the prospect that the send activity holds while it hands a message to SMTP, so once this returns,
 * no send that has not yet reached SMTP can miss the reply.
 */
export async function recordInboundReply(db: Db, reply: InboundReply): Promise<RecordedReply> {
  const existing = await db.selectFrom('replies').selectAll().where('message_id', '=', reply.messageId).executeTakeFirst();
  if (existing) {
    return {
      replyId: existing.id,
      duplicate: true,
      prospectId: existing.prospect_id,
      enrollmentId: existing.enrollment_id,
      matchedBy: existing.matched_by,
      signaledAt: existing.signaled_at,
    };
  }
  const match = await matchReply(db, reply);
  return db.transaction().execute(async (tx) => {
    if (match) await tx.selectFrom('prospects').select('id').where('id', '=', match.prospect_id).forUpdate().execute();
    const replyId = randomUUID();
    const inserted = await tx
      .insertInto('replies')
      .values({
        id: replyId,
        message_id: reply.messageId,
        prospect_id: match?.prospect_id ?? null,
        enrollment_id: match?.enrollment_id ?? null,
        matched_by: match?.matchedBy ?? null,
        from_address: normalizeEmail(reply.from),
        subject: reply.subject ?? null,
        body: reply.text,
        in_reply_to: reply.inReplyTo ?? null,
        references: JSON.stringify(reply.references ?? []),
        received_at: reply.receivedAt,
      })
      .onConflict((oc) => oc.column('message_id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) {
      const raced = await tx.selectFrom('replies').selectAll().where('message_id', '=', reply.messageId).executeTakeFirstOrThrow();
      return {
        replyId: raced.id,
        duplicate: true,
        prospectId: raced.prospect_id,
        enrollmentId: raced.enrollment_id,
        matchedBy: raced.matched_by,
        signaledAt: raced.signaled_at,
      };
    }
    await recordAudit(tx, {
      key: `reply:${reply.messageId}`,
      occurredAt: reply.receivedAt,
      actor: 'component:reply-webhook',
      action: 'reply.received',
      prospectId: match?.prospect_id ?? null,
      enrollmentId: match?.enrollment_id ?? null,
      details: { replyId, messageId: reply.messageId, from: normalizeEmail(reply.from), matchedBy: match?.matchedBy ?? null },
    });
    return {
      replyId,
      duplicate: false,
      prospectId: match?.prospect_id ?? null,
      enrollmentId: match?.enrollment_id ?? null,
      matchedBy: match?.matchedBy ?? null,
      signaledAt: null,
    };
  });
}

export async function markReplySignaled(db: Db, replyId: string, at: Date): Promise<void> {
  await db.updateTable('replies').set({ signaled_at: at }).where('id', '=', replyId).where('signaled_at', 'is', null).execute();
}
