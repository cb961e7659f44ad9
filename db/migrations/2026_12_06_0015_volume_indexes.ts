import { sql, type Kysely } from 'kysely';

// Two lookups that scan a whole table once the queue and its history are large. Measured with scripts/bench-volume.ts's
// seed (100 000 pending approvals, 60 000 decided, 73 279 sends, 428 unsubscribes, 1 000 000 audit events) on
// PostgreSQL 15, EXPLAIN (ANALYZE, BUFFERS), jit off, each without and with its index. Each expression must stay
// exactly as the query writes it for the planner to match it.
//
// sends_recipient_lower_sent_idx: the boundary report counts a one-click unsubscribe against the recipient's latest
// send before it (db/repositories/learning.ts templateLearning: `lower(s.recipient) = su.value … order by
// coalesce(s.sent_at, s.handed_off_at, s.created_at) desc limit 1`, once per unsubscribed address in the window).
// sends_recipient_idx is on recipient, not lower(recipient), so each unsubscribe scanned every send:
//   without: Nested Loop (rows=428) -> Limit -> Sort -> Seq Scan on sends s (loops=428)
//              Filter: (status = ANY ('{sent,unconfirmed}')) AND (COALESCE(sent_at, handed_off_at, created_at) <= su.created_at) AND (lower(recipient) = su.value)
//              Rows Removed by Filter: 73278; Buffers: shared hit=729323 read=2599244; Execution Time: 15935 ms
//   with:    Nested Loop (rows=428) -> Limit -> Index Scan Backward using sends_recipient_lower_sent_idx on sends s (loops=428)
//              Index Cond: (lower(recipient) = su.value) AND (COALESCE(sent_at, handed_off_at, created_at) <= su.created_at)
//              Buffers: shared hit=1720; Execution Time: 5.6 ms
// The whole report (buildBoundaryReport in-process, same database, alternating): 25.8 s and 28.4 s without, 12.4 s
// and 16.7 s with (1-minute load 3.4–5.3 on 2 cores). What is left is the per-decision word count (regexp_matches
// over every decided draft, twice) and JIT compilation, not a scan an index can remove.
//
// approval_requests_enrollment_step_idx: when a prospect replies, the hand-over withdraws the enrollment's pending
// step approvals (activities/replies.ts: `update approval_requests … where enrollment_id = $1 and kind = 'step' and
// status = 'pending'`). The unique (enrollment_id, step) of the first migration was dropped in 0002, so nothing
// indexed enrollment_id and every reply scanned every approval request (195 MB here) inside its transaction:
//   without: Update on approval_requests -> Seq Scan on approval_requests
//              Filter: (enrollment_id = '…') AND (kind = 'step') AND (status = 'pending'); Rows Removed by Filter: 159999
//              Buffers: shared hit=2874 read=22135; Execution Time: 112.5 ms
//   with:    Update on approval_requests -> Index Scan using approval_requests_enrollment_step_idx
//              Index Cond: (enrollment_id = '…'); Buffers: shared hit=28 read=20; Execution Time: 1.3 ms
// The boundary report's "was this send gated" test (learning.ts: exists (… where ar.enrollment_id = s.enrollment_id
// and ar.step = s.step …)) can use it too (it keeps a hashed subplan at this size).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index sends_recipient_lower_sent_idx on sends (lower(recipient), (coalesce(sent_at, handed_off_at, created_at)))`.execute(db);
  await sql`create index approval_requests_enrollment_step_idx on approval_requests (enrollment_id, step)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists approval_requests_enrollment_step_idx`.execute(db);
  await sql`drop index if exists sends_recipient_lower_sent_idx`.execute(db);
}
