import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { pausesAccount, replyEffect, type ReplyEffect } from '../../workflows/policy';
import type { Db } from '../connect';
import type { HoldKind, StoredTriage } from '../types';
import type { ReplyIntent } from '../../workflows/definitions';
import { recordAudit } from './audit';
import { emailDomain, normalizeEmail } from './prospects';

export interface InboundReply {
  messageId: string;
  from: string;
  subject?: string;
  text: string;
  inReplyTo?: string;
  references?: string[];
  receivedAt: Date;
  /** What the classifier made of the whole message; absent means a human reply (the fail-safe). */
  triage?: StoredTriage;
  raw?: string;
}

export interface ReplyOptions {
  /** A human reply from one contact pauses the other active cadences at the same account. */
  pauseAccount: boolean;
  /** An out-of-office without a return date pauses this long. */
  outOfOfficeDefaultMs: number;
}

export interface RecordedReply {
  replyId: string;
  duplicate: boolean;
  prospectId: string | null;
  enrollmentId: string | null;
  matchedBy: 'in-reply-to' | 'references' | 'bounced-message' | 'bounced-recipient' | 'sender' | null;
  signaledAt: Date | null;
  effect: ReplyEffect;
  /** Other active cadences at the same account that this reply paused. */
  accountPeers: Array<{ prospectId: string; enrollmentId: string }>;
}

/** Which prospect a message belongs to: the message it answers, the message that bounced, then the sender. */
async function matchReply(db: Db, reply: InboundReply) {
  const bySend = async (ids: string[]) =>
    ids.length === 0
      ? undefined
      : db.selectFrom('sends').select(['prospect_id', 'enrollment_id']).where('message_id', 'in', ids).orderBy('created_at', 'desc').executeTakeFirst();
  const direct = reply.inReplyTo ? await bySend([reply.inReplyTo]) : undefined;
  if (direct) return { ...direct, matchedBy: 'in-reply-to' as const };
  const referenced = await bySend(reply.references ?? []);
  if (referenced) return { ...referenced, matchedBy: 'references' as const };
  const bouncedId = reply.triage?.bouncedMessageId;
  const bounced = bouncedId ? await bySend([bouncedId.startsWith('<') ? bouncedId : `<${bouncedId}>`]) : undefined;
  if (bounced) return { ...bounced, matchedBy: 'bounced-message' as const };
  const byAddress = async (address: string) =>
    db
      .selectFrom('prospects')
      .leftJoin('enrollments', 'enrollments.prospect_id', 'prospects.id')
      .select(['prospects.id as prospect_id', 'enrollments.id as enrollment_id'])
      .where('prospects.normalized_email', '=', normalizeEmail(address))
      .orderBy('enrollments.started_at', 'desc')
      .executeTakeFirst();
  for (const recipient of reply.triage?.bouncedRecipients ?? []) {
    const found = await byAddress(recipient);
    if (found) return { ...found, matchedBy: 'bounced-recipient' as const };
  }
  const sender = await byAddress(reply.from);
  if (sender) return { ...sender, matchedBy: 'sender' as const };
  return null;
}

function fromRow(row: { id: string; prospect_id: string | null; enrollment_id: string | null; matched_by: string | null; signaled_at: Date | null; intent: string | null }): RecordedReply {
  return {
    replyId: row.id,
    duplicate: true,
    prospectId: row.prospect_id,
    enrollmentId: row.enrollment_id,
    matchedBy: row.matched_by as RecordedReply['matchedBy'],
    signaledAt: row.signaled_at,
    effect: replyEffect((row.intent ?? undefined) as ReplyIntent | undefined),
    accountPeers: [],
  };
}

/**
 * Records an inbound message in the ledger, idempotently by Message-ID, and applies what it means at the
 * data layer in the same transaction, before any cadence is told: a human reply holds the cadence (and,
 * by policy, the account's other cadences), an out-of-office holds it until the return date, an
 * unsubscribe or a hard bounce suppresses the address, a soft bounce marks the send, and an angry reply
 * notifies the manager. It takes the same row lock on the prospect that the send activity holds while it
 * hands a message to SMTP, so once this returns, no send that has not yet reached SMTP can miss it.
 */
export async function recordInboundReply(db: Db, reply: InboundReply, options: ReplyOptions): Promise<RecordedReply> {
  const existing = await db.selectFrom('replies').selectAll().where('message_id', '=', reply.messageId).executeTakeFirst();
  if (existing) return fromRow(existing);
  const match = await matchReply(db, reply);
  const triage = reply.triage;
  const effect = replyEffect(triage?.intent);
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
        matched_by: (match?.matchedBy ?? null) as 'sender' | null,
        from_address: normalizeEmail(reply.from),
        subject: reply.subject ?? null,
        body: triage?.newText || reply.text,
        in_reply_to: reply.inReplyTo ?? null,
        references: JSON.stringify(reply.references ?? []),
        received_at: reply.receivedAt,
        intent: triage?.intent ?? null,
        sentiment: triage?.sentiment ?? null,
        escalate: triage?.escalate ?? false,
        return_date: triage?.returnDate ?? null,
        triage: JSON.stringify(triage ? { confidence: triage.confidence, reasons: triage.reasons, bouncedRecipients: triage.bouncedRecipients } : {}),
        raw: reply.raw ?? null,
      })
      .onConflict((oc) => oc.column('message_id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) {
      return fromRow(await tx.selectFrom('replies').selectAll().where('message_id', '=', reply.messageId).executeTakeFirstOrThrow());
    }
    const now = new Date();
    const active = match
      ? await tx
          .selectFrom('enrollments')
          .select(['id', 'owner_id'])
          .where('prospect_id', '=', match.prospect_id)
          .where('ended_at', 'is', null)
          .orderBy('started_at', 'desc')
          .executeTakeFirst()
      : undefined;
    const prospect = match
      ? await tx.selectFrom('prospects').select(['email', 'account_id']).where('id', '=', match.prospect_id).executeTakeFirstOrThrow()
      : undefined;
    const hold = async (enrollmentId: string, kind: HoldKind, reason: string, until: Date | null = null) =>
      tx
        .insertInto('enrollment_holds')
        .values({ id: randomUUID(), enrollment_id: enrollmentId, kind, reply_id: replyId, actor: 'component:reply-webhook', reason, until, created_at: now })
        .execute();
    const suppress = async (address: string, reason: 'unsubscribed' | 'bounced') =>
      tx
        .insertInto('suppressions')
        .values({ id: randomUUID(), kind: 'address', value: normalizeEmail(address), reason, source: `reply:${reply.messageId}`, created_at: now })
        .onConflict((oc) => oc.columns(['kind', 'value']).doNothing())
        .execute();

    const accountPeers: RecordedReply['accountPeers'] = [];
    if (effect === 'hand-over' && active) await hold(active.id, 'reply', `${normalizeEmail(reply.from)} replied`);
    if (effect === 'away' && active) {
      const until = triage?.returnDate ? new Date(`${triage.returnDate}T00:00:00Z`) : new Date(reply.receivedAt.getTime() + options.outOfOfficeDefaultMs);
      await hold(active.id, 'out-of-office', `out of office until ${until.toISOString().slice(0, 10)}`, until);
    }
    if (effect === 'unsubscribe') await suppress(prospect?.email ?? reply.from, 'unsubscribed');
    if (effect === 'hard-bounce') {
      const addresses = triage?.bouncedRecipients.length ? triage.bouncedRecipients : prospect ? [prospect.email] : [];
      for (const address of addresses) await suppress(address, 'bounced');
    }
    if ((effect === 'hard-bounce' || effect === 'soft-bounce') && triage?.bouncedMessageId) {
      const id = triage.bouncedMessageId.startsWith('<') ? triage.bouncedMessageId : `<${triage.bouncedMessageId}>`;
      await tx.updateTable('sends').set({ bounced_at: now, bounce_kind: effect === 'hard-bounce' ? 'hard' : 'soft' }).where('message_id', '=', id).execute();
    }
    if (pausesAccount(effect) && options.pauseAccount && prospect && match) {
      const peers = await tx
        .selectFrom('enrollments as e')
        .innerJoin('prospects as p', 'p.id', 'e.prospect_id')
        .select(['e.id as enrollment_id', 'p.id as prospect_id'])
        .where('p.account_id', '=', prospect.account_id)
        .where('p.id', '!=', match.prospect_id)
        .where('e.ended_at', 'is', null)
        .execute();
      for (const peer of peers) {
        await hold(peer.enrollment_id, 'account-reply', `${prospect.email} at the same account replied`);
        accountPeers.push({ prospectId: peer.prospect_id, enrollmentId: peer.enrollment_id });
      }
    }
    if (triage?.escalate && active) {
      const owner = await tx.selectFrom('users').select(['id', 'manager_id']).where('id', '=', active.owner_id).executeTakeFirstOrThrow();
      await tx
        .insertInto('notifications')
        .values({
          id: randomUUID(),
          key: `reply:${reply.messageId}:escalated`,
          user_id: owner.manager_id ?? owner.id,
          kind: 'reply.escalated',
          message: `${normalizeEmail(reply.from)} sent a reply a manager should see (${triage.sentiment}): ${reply.subject ?? '(no subject)'}`,
          created_at: now,
        })
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
    }
    await recordAudit(tx, {
      key: `reply:${reply.messageId}`,
      occurredAt: reply.receivedAt,
      actor: 'component:reply-webhook',
      action: 'reply.received',
      prospectId: match?.prospect_id ?? null,
      enrollmentId: match?.enrollment_id ?? null,
      details: {
        replyId,
        messageId: reply.messageId,
        from: normalizeEmail(reply.from),
        matchedBy: match?.matchedBy ?? null,
        intent: triage?.intent ?? null,
        sentiment: triage?.sentiment ?? null,
        escalate: triage?.escalate ?? false,
        returnDate: triage?.returnDate ?? null,
        effect,
        confidence: triage?.confidence ?? null,
        evidence: triage?.reasons ?? [],
        pausedAccountPeers: accountPeers.map((p) => p.enrollmentId),
        suppressed: effect === 'unsubscribe' || effect === 'hard-bounce',
        domain: emailDomain(reply.from),
      },
    });
    return {
      replyId,
      duplicate: false,
      prospectId: match?.prospect_id ?? null,
      enrollmentId: active?.id ?? match?.enrollment_id ?? null,
      matchedBy: match?.matchedBy ?? null,
      signaledAt: null,
      effect,
      accountPeers,
    };
  });
}

export async function markReplySignaled(db: Db, replyId: string, at: Date): Promise<void> {
  await db.updateTable('replies').set({ signaled_at: at }).where('id', '=', replyId).where('signaled_at', 'is', null).execute();
}

/** Used by tests and tools that need to know whether a hold exists for an enrollment. */
export async function activeHolds(db: Db, enrollmentId: string) {
  return db
    .selectFrom('enrollment_holds')
    .selectAll()
    .where('enrollment_id', '=', enrollmentId)
    .where('released_at', 'is', null)
    .where((eb) => eb.or([eb('until', 'is', null), eb('until', '>', sql<Date>`now()`)]))
    .execute();
}

/** The reply behind each reply task (by the replyId its details carry), with how the triage read it. */
export async function repliesForTasks(db: Db, tasks: Array<{ id: string; kind: string; details: Record<string, unknown> }>) {
  const byTask = new Map<string, string>();
  for (const t of tasks) if (t.kind === 'reply' && typeof t.details.replyId === 'string') byTask.set(t.id, t.details.replyId);
  const out = new Map<string, ReplyForTask>();
  if (byTask.size === 0) return out;
  const rows = await db
    .selectFrom('replies')
    .select(['id', 'from_address', 'subject', 'body', 'received_at', 'intent', 'sentiment', 'escalate', 'triage'])
    .where('id', 'in', [...new Set(byTask.values())])
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const [taskId, replyId] of byTask) {
    const r = byId.get(replyId);
    if (!r) continue;
    const triage = r.triage as { confidence?: unknown; reasons?: unknown };
    out.set(taskId, {
      id: r.id,
      from: r.from_address,
      subject: r.subject,
      body: r.body,
      receivedAt: r.received_at.toISOString(),
      intent: r.intent,
      sentiment: r.sentiment,
      escalate: r.escalate,
      confidence: typeof triage.confidence === 'number' ? triage.confidence : null,
      reasons: Array.isArray(triage.reasons) ? triage.reasons.map(String) : [],
    });
  }
  return out;
}

export interface ReplyForTask {
  id: string;
  from: string;
  subject: string | null;
  body: string;
  receivedAt: string;
  intent: string | null;
  sentiment: string | null;
  escalate: boolean;
  confidence: number | null;
  reasons: string[];
}
