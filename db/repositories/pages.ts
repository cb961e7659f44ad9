// Keyset queries behind the API's paginated lists. Each orders by a key that ends in a unique column and
// starts strictly after the previous page's last key, so an index range scan serves any page (migration
// 2026_12_06_0011_list_indexes); each selects its key as text (timestamps to the microsecond PostgreSQL
// keeps, which a JS Date would round away and so repeat or skip a row).
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../connect';
import type { ApprovalStatus } from '../types';

/** Whose items: one owner's, a manager's own and their reps', or everyone's. */
export type OwnerScope = { kind: 'owner'; userId: string } | { kind: 'team'; managerId: string } | { kind: 'all' };

export interface PageRequest {
  /** The previous page's last key (as the list's `keyOf` gives it); null for the first page. */
  after: string[] | null;
  /** Rows to fetch: the page size plus one, to know whether there is more. */
  fetch: number;
}

const micros = (column: string) => sql<string>`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
/** A task with no due date sorts after every dated one. */
const taskDue = sql`coalesce(due_at, 'infinity'::timestamptz)`;
/** An audit event outside the chain (no seq) sorts after the chain. */
const chainSeq = sql`coalesce(seq, 9223372036854775807)`;

function ownedBy(scope: OwnerScope): (eb: any) => Expression<SqlBool> {
  return (eb) =>
    scope.kind === 'owner'
      ? eb('owner_id', '=', scope.userId)
      : scope.kind === 'team'
        ? eb.or([eb('owner_id', '=', scope.managerId), eb('owner_id', 'in', eb.selectFrom('users').select('id').where('manager_id', '=', scope.managerId))])
        : eb.lit(true);
}

/** Approval requests of one status, oldest first: the queue. */
export function approvalQueuePage(db: Db, input: PageRequest & { status: ApprovalStatus; scope: OwnerScope }) {
  let q = db.selectFrom('approval_requests').selectAll().select(micros('created_at').as('page_at')).where('status', '=', input.status).where(ownedBy(input.scope));
  if (input.after) q = q.where(sql<boolean>`(created_at, id) > (${input.after[0]}::timestamptz, ${input.after[1]})`);
  return q.orderBy('created_at').orderBy('id').limit(input.fetch);
}

const iso = (column: string) => sql<string>`to_char(${sql.raw(column)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The same page as approvalQueuePage, each item already as the API's JSON (api/schemas.ts approvalItem): its
 * draft, why it was gated, the drafter, the prospect and the conversation so far, built by PostgreSQL in one
 * query. The queue is the rep's most frequent read; building ~2 KB of JSON per item in the API process was most
 * of its CPU. A pending request keeps the part of its item that never changes (`queue_item`, migration 0018);
 * the status and the thread are added here, as text, so the kept part is not parsed again. Timestamps as
 * Date.prototype.toISOString writes them (milliseconds, Z). `spam_checked` is false for requests opened before the
 * spam check existed: the caller checks their text.
 */
export async function approvalQueueItemsJson(db: Db, input: PageRequest & { status: ApprovalStatus; scope: OwnerScope }) {
  const page = approvalQueuePage(db, input)
    .clearSelect()
    .select(['id', 'kind', 'prospect_id', 'created_at', 'status', 'queue_item', micros('created_at').as('page_at'), sql<boolean>`context ? 'spamFindings'`.as('spam_checked')]);
  const { rows } = await sql<{ id: string; kind: 'step' | 'reply'; page_at: string; spam_checked: boolean; item: string }>`
    select q.id, q.kind, q.page_at, q.spam_checked,
      '{"status" : ' || to_json(q.status)::text || ', "thread" : ' || coalesce(th.entries, '[]'::json)::text || ', '
        || substr(coalesce(q.queue_item, (select approval_queue_item(ar) from approval_requests ar where ar.id = q.id)), 2) as item
    from (${page}) q
    left join lateral (
      select json_agg(e.entry order by e.at, e.inbound) as entries
      from (
        select coalesce(s.sent_at, 'epoch'::timestamptz) as at, false as inbound,
          json_build_object('direction', 'outbound', 'at', ${iso("coalesce(s.sent_at, 'epoch'::timestamptz)")}, 'subject', s.subject, 'body', s.body, 'messageId', s.message_id) as entry
        from sends s where s.prospect_id = q.prospect_id and s.status = 'sent'
        union all
        select r.received_at, true,
          json_build_object('direction', 'inbound', 'at', ${iso('r.received_at')}, 'subject', r.subject, 'body', r.body, 'messageId', r.message_id)
        from replies r where r.prospect_id = q.prospect_id
      ) e
    ) th on true
    order by q.created_at, q.id`.execute(db);
  return rows;
}

/** Tasks of one status, soonest due first (undated last). */
export function taskListPage(db: Db, input: PageRequest & { status: string; scope: OwnerScope }) {
  let q = db.selectFrom('tasks').selectAll().select(sql<string>`coalesce(${micros('due_at')}, 'infinity')`.as('page_at')).where('status', '=', input.status).where(ownedBy(input.scope));
  if (input.after) q = q.where(sql<boolean>`(${taskDue}, id) > (${input.after[0]}::timestamptz, ${input.after[1]})`);
  return q.orderBy(taskDue).orderBy('id').limit(input.fetch);
}

/** Every suppression, oldest first. */
export function suppressionListPage(db: Db, input: PageRequest) {
  let q = db.selectFrom('suppressions').select(['id', 'kind', 'value', 'reason', 'source', 'created_at']).select(micros('created_at').as('page_at'));
  if (input.after) q = q.where(sql<boolean>`(created_at, id) > (${input.after[0]}::timestamptz, ${input.after[1]})`);
  return q.orderBy('created_at').orderBy('id').limit(input.fetch);
}

/** Cadences, oldest first, with their step counts. */
export function cadenceListPage(db: Db, input: PageRequest) {
  let q = db
    .selectFrom('cadences as c')
    .select(['c.id', 'c.name', 'c.created_at', micros('c.created_at').as('page_at')])
    .select((eb) => eb.selectFrom('cadence_steps as s').select(sql<string>`count(*)`.as('n')).whereRef('s.cadence_id', '=', 'c.id').as('steps'));
  if (input.after) q = q.where(sql<boolean>`(c.created_at, c.id) > (${input.after[0]}::timestamptz, ${input.after[1]})`);
  return q.orderBy('c.created_at').orderBy('c.id').limit(input.fetch);
}

/** Sending mailboxes by address. */
export function mailboxListPage(db: Db, input: PageRequest) {
  let q = db.selectFrom('mailboxes').selectAll();
  if (input.after) q = q.where('address', '>', input.after[0]!);
  return q.orderBy('address').limit(input.fetch);
}

/** A prospect's audit events in chain order. */
export function timelinePage(db: Db, input: PageRequest & { prospectId: string }) {
  let q = db.selectFrom('audit_events').selectAll().select(sql<string>`${chainSeq}::text`.as('page_seq')).where('prospect_id', '=', input.prospectId);
  if (input.after) q = q.where(sql<boolean>`(${chainSeq}, id) > (${input.after[0]}::bigint, ${input.after[1]}::bigint)`);
  return q.orderBy(chainSeq).orderBy('id').limit(input.fetch);
}
