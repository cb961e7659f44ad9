import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import { pausesAccount, replyEffect, type ReplyEffect } from '../../workflows/policy';
import type { Db } from '../connect';
import type { HoldKind, StoredTriage } from '../types';
import type { ReplyIntent } from '../../workflows/definitions';
import type { AuditInput } from './audit';
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

type MatchedBy = NonNullable<RecordedReply['matchedBy']>;

/**
 * Whether the message is already in the ledger and, if not, which prospect it belongs to (the message it answers,
 * the message that bounced, then the sender), with that prospect's row locked and read. One statement: every way of
 * matching is looked up, the first that found someone wins, and a new message's prospect is locked as it is found.
 */
async function lookUpAndLock(tx: Db, reply: InboundReply) {
  const bouncedId = reply.triage?.bouncedMessageId;
  const bounced = bouncedId ? (bouncedId.startsWith('<') ? bouncedId : `<${bouncedId}>`) : null;
  const recipients = (reply.triage?.bouncedRecipients ?? []).map(normalizeEmail);
  const bySend = (rank: number, matchedBy: MatchedBy, ids: string[]) =>
    sql`(select ${rank}::int as rank, 0::bigint as place, prospect_id, enrollment_id, ${matchedBy}::text as matched_by
          from sends where message_id = any(${ids}::text[]) order by created_at desc limit 1)`;
  // A prospect found by address brings its newest enrollment; one never enrolled matches with none.
  const { rows } = await sql<{
    existing: boolean;
    prospect_id: string | null;
    enrollment_id: string | null;
    matched_by: MatchedBy | null;
    email: string | null;
    account_id: string | null;
  }>`
    select seen.existing, found.*, locked.email, locked.account_id
    from (select exists (select from replies where message_id = ${reply.messageId}) as existing) seen
    left join lateral (select prospect_id, enrollment_id, matched_by from (
      ${bySend(1, 'in-reply-to', reply.inReplyTo ? [reply.inReplyTo] : [])}
      union all ${bySend(2, 'references', reply.references ?? [])}
      union all ${bySend(3, 'bounced-message', bounced ? [bounced] : [])}
      union all
      select 4, r.place, x.prospect_id, x.enrollment_id, 'bounced-recipient'
        from unnest(${recipients}::text[]) with ordinality as r(address, place)
        cross join lateral (
          select p.id as prospect_id, e.id as enrollment_id from prospects p left join enrollments e on e.prospect_id = p.id
          where p.normalized_email = r.address order by e.started_at desc limit 1) x
      union all
      (select 5, 0, p.id, e.id, 'sender' from prospects p left join enrollments e on e.prospect_id = p.id
        where p.normalized_email = ${normalizeEmail(reply.from)} order by e.started_at desc limit 1)
    ) candidates order by rank, place limit 1) found on true
    left join lateral (select email, account_id from prospects where id = found.prospect_id and not seen.existing for update) locked on true`.execute(tx);
  const row = rows[0]!;
  const match = row.prospect_id ? { prospect_id: row.prospect_id, enrollment_id: row.enrollment_id, matchedBy: row.matched_by! } : null;
  const prospect = match && !row.existing ? { email: row.email!, account_id: row.account_id } : undefined;
  return { existing: row.existing, match, prospect };
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
  const triage = reply.triage;
  const effect = replyEffect(triage?.intent);
  // As few statements as the order allows (each one is a round trip, most while the prospect is locked): the match
  // with the lock, which reads the prospect; then the reply with what it acts on, read after the lock, its holds and
  // its audit event, one statement. Only an unsubscribe, a bounce or an escalation adds one of its own.
  return db.transaction().execute(async (tx) => {
    const { existing, match, prospect } = await lookUpAndLock(tx, reply);
    if (existing) return fromRow(await tx.selectFrom('replies').selectAll().where('message_id', '=', reply.messageId).executeTakeFirstOrThrow());
    const pausesPeers = pausesAccount(effect) && options.pauseAccount && match !== null;
    const replyId = randomUUID();
    const now = new Date();
    const from = normalizeEmail(reply.from);
    // The hold on the prospect's active enrollment, if the reply calls for one.
    const ownHold: { kind: HoldKind; reason: string; until: Date | null } | null =
      effect === 'hand-over'
        ? { kind: 'reply', reason: `${from} replied`, until: null }
        : effect === 'away'
          ? (() => {
              const until = triage?.returnDate ? new Date(`${triage.returnDate}T00:00:00Z`) : new Date(reply.receivedAt.getTime() + options.outOfOfficeDefaultMs);
              return { kind: 'out-of-office', reason: `out of office until ${until.toISOString().slice(0, 10)}`, until };
            })()
          : null;
    const event: AuditInput = {
      key: `reply:${reply.messageId}`,
      occurredAt: reply.receivedAt,
      actor: 'component:reply-webhook',
      action: 'reply.received',
      prospectId: match?.prospect_id ?? null,
      enrollmentId: match?.enrollment_id ?? null,
      details: {
        replyId,
        messageId: reply.messageId,
        from,
        matchedBy: match?.matchedBy ?? null,
        intent: triage?.intent ?? null,
        sentiment: triage?.sentiment ?? null,
        escalate: triage?.escalate ?? false,
        returnDate: triage?.returnDate ?? null,
        effect,
        confidence: triage?.confidence ?? null,
        evidence: triage?.reasons ?? [],
        suppressed: effect === 'unsubscribe' || effect === 'hard-bounce',
        domain: emailDomain(reply.from),
      },
    };
    const holdColumns = ['id', 'enrollment_id', 'kind', 'reply_id', 'actor', 'reason', 'until', 'created_at'] as const;
    const written = await tx
      .with('inserted', (w) =>
        w
          .insertInto('replies')
          .values({
            id: replyId,
            message_id: reply.messageId,
            prospect_id: match?.prospect_id ?? null,
            enrollment_id: match?.enrollment_id ?? null,
            matched_by: (match?.matchedBy ?? null) as 'sender' | null,
            from_address: from,
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
          .returning('id'),
      )
      .with('active', (w) =>
        w
          .selectFrom('enrollments')
          .innerJoin('users', 'users.id', 'enrollments.owner_id')
          .select(['enrollments.id', 'enrollments.owner_id', 'users.manager_id'])
          .where('enrollments.prospect_id', '=', match?.prospect_id ?? null)
          .where('enrollments.ended_at', 'is', null)
          .orderBy('enrollments.started_at', 'desc')
          .limit(1),
      )
      .with('peers', (w) =>
        w
          .selectFrom('enrollments as e')
          .innerJoin('prospects as p', 'p.id', 'e.prospect_id')
          .select(['e.id as enrollment_id', 'p.id as prospect_id'])
          .where('p.account_id', '=', pausesPeers ? prospect!.account_id : null)
          .where('p.id', '!=', match?.prospect_id ?? null)
          .where('e.ended_at', 'is', null),
      )
      // A concurrent delivery of the same message that inserted first writes the holds and the event, not this one.
      .with('holds', (w) =>
        w
          .insertInto('enrollment_holds')
          .columns(holdColumns)
          .expression((eb) =>
            eb
              .selectFrom('active')
              .select([
                sql<string>`gen_random_uuid()::text`.as('id'),
                'active.id as enrollment_id',
                sql<HoldKind>`${ownHold?.kind ?? null}::text`.as('kind'),
                sql<string>`${replyId}::text`.as('reply_id'),
                sql<string>`'component:reply-webhook'`.as('actor'),
                sql<string>`${ownHold?.reason ?? null}::text`.as('reason'),
                sql<Date | null>`${ownHold?.until ?? null}::timestamptz`.as('until'),
                sql<Date>`${now}::timestamptz`.as('created_at'),
              ])
              .where(sql<boolean>`${ownHold !== null}`)
              .where((w) => w.exists(w.selectFrom('inserted').select('inserted.id')))
              .unionAll(
                eb
                  .selectFrom('peers')
                  .select([
                    sql<string>`gen_random_uuid()::text`.as('id'),
                    'peers.enrollment_id',
                    sql<HoldKind>`'account-reply'`.as('kind'),
                    sql<string>`${replyId}::text`.as('reply_id'),
                    sql<string>`'component:reply-webhook'`.as('actor'),
                    sql<string>`${`${prospect?.email ?? from} at the same account replied`}::text`.as('reason'),
                    sql<Date | null>`null::timestamptz`.as('until'),
                    sql<Date>`${now}::timestamptz`.as('created_at'),
                  ])
                  .where((w) => w.exists(w.selectFrom('inserted').select('inserted.id'))),
              ),
          ),
      )
      .with('audit', (w) =>
        w
          .insertInto('audit_events')
          .columns(['event_key', 'occurred_at', 'actor', 'action', 'prospect_id', 'enrollment_id', 'details'])
          .expression(
            w
              .selectNoFrom([
                sql<string>`${event.key}::text`.as('event_key'),
                sql<Date>`${event.occurredAt}::timestamptz`.as('occurred_at'),
                sql<string>`${event.actor}::text`.as('actor'),
                sql<string>`${event.action}::text`.as('action'),
                sql<string | null>`${event.prospectId}::text`.as('prospect_id'),
                sql<string | null>`${event.enrollmentId}::text`.as('enrollment_id'),
                // The account peers it paused, as the holds above have them.
                sql<string>`${JSON.stringify(event.details)}::jsonb || jsonb_build_object('pausedAccountPeers', coalesce((select jsonb_agg(peers.enrollment_id) from peers), '[]'::jsonb))`.as('details'),
              ])
              .where((eb) => eb.exists(eb.selectFrom('inserted').select('inserted.id'))),
          )
          .onConflict((oc) => oc.column('event_key').doNothing()),
      )
      .selectNoFrom((eb) => [
        eb.exists(eb.selectFrom('inserted').select('id')).as('inserted'),
        jsonObjectFrom(eb.selectFrom('active').selectAll()).as('active'),
        jsonArrayFrom(eb.selectFrom('peers').selectAll()).as('peers'),
      ])
      .executeTakeFirstOrThrow();
    if (!written.inserted) {
      return fromRow(await tx.selectFrom('replies').selectAll().where('message_id', '=', reply.messageId).executeTakeFirstOrThrow());
    }
    const active = written.active ?? undefined;
    const suppress = async (address: string, reason: 'unsubscribed' | 'bounced') =>
      tx
        .insertInto('suppressions')
        .values({ id: randomUUID(), kind: 'address', value: normalizeEmail(address), reason, source: `reply:${reply.messageId}`, created_at: now })
        .onConflict((oc) => oc.columns(['kind', 'value']).doNothing())
        .execute();

    if (effect === 'unsubscribe') await suppress(prospect?.email ?? reply.from, 'unsubscribed');
    if (effect === 'hard-bounce') {
      const addresses = triage?.bouncedRecipients.length ? triage.bouncedRecipients : prospect ? [prospect.email] : [];
      for (const address of addresses) await suppress(address, 'bounced');
    }
    if ((effect === 'hard-bounce' || effect === 'soft-bounce') && triage?.bouncedMessageId) {
      const id = triage.bouncedMessageId.startsWith('<') ? triage.bouncedMessageId : `<${triage.bouncedMessageId}>`;
      await tx.updateTable('sends').set({ bounced_at: now, bounce_kind: effect === 'hard-bounce' ? 'hard' : 'soft' }).where('message_id', '=', id).execute();
    }
    const accountPeers: RecordedReply['accountPeers'] = written.peers.map((p) => ({ prospectId: p.prospect_id, enrollmentId: p.enrollment_id }));
    if (triage?.escalate && active) {
      await tx
        .insertInto('notifications')
        .values({
          id: randomUUID(),
          key: `reply:${reply.messageId}:escalated`,
          user_id: active.manager_id ?? active.owner_id,
          kind: 'reply.escalated',
          message: `${from} sent a reply a manager should see (${triage.sentiment}): ${reply.subject ?? '(no subject)'}`,
          created_at: now,
        })
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
    }
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
