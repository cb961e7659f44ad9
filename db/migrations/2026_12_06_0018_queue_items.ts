import { sql, type Kysely } from 'kysely';

// The rep's queue (GET /v1/approvals) is the API's most frequent read, and building each item's JSON was most of
// its cost in PostgreSQL: for a page of 50, json_build_object over the request's context (jsonb: draft, prospect,
// account, confidence reasons, spam findings) and its draft's drafter took 1.9 of the query's 2.9 ms (EXPLAIN
// ANALYZE on scripts/bench-volume.ts's seed, 100 000 pending approvals: the top node 0.29..3.03 ms over inputs
// that finish in 1.1 ms). Everything in an item but its status and the conversation so far is fixed once the
// request is written (activities/approvals.ts writes the context once; later updates set status, reminder and
// escalation times), so a pending request keeps that part of its JSON, written by a trigger; the query adds the
// status and the thread. A decided request drops it (the queue of decided requests is rare and builds it per row
// from the same function), so the copy costs space only for what is pending.
//
// approval_queue_item is the item's JSON (api/schemas.ts approvalItem) without status and thread: a change to
// that shape is a new migration that replaces this function and rewrites queue_item of the pending requests.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table approval_requests add column queue_item text`.execute(db);
  const iso = (column: string) => sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
  await sql`create function approval_queue_item(ar approval_requests) returns text language sql stable as $$
    select json_build_object(
      'id', ar.id, 'step', ar.step, 'ownerId', ar.owner_id, 'workflowId', ar.workflow_id,
      'createdAt', ${iso('ar.created_at')}, 'remindAt', ${iso('ar.remind_at')}, 'policyVersion', ar.policy_version,
      'draft', json_build_object('version', ar.draft_version, 'subject', ar.context #> '{draft,subject}', 'body', ar.context #> '{draft,body}', 'contentHash', ar.context #> '{draft,contentHash}'),
      'whyGated', ar.gate_rules,
      'confidence', ar.context -> 'confidence',
      'confidenceReasons', ar.context -> 'confidenceReasons',
      'drafter', coalesce(
        (select json_build_object(
          'name', coalesce(d.drafter, 'template'),
          'ai', case when jsonb_typeof(d.ai) = 'object' then json_build_object('provider', d.ai -> 'provider', 'model', d.ai -> 'model', 'version', d.ai -> 'version', 'slots', d.ai -> 'slots') end)
        from drafts d where d.id = ar.draft_id),
        json_build_object('name', 'template', 'ai', null)),
      'spamFindings', coalesce(ar.context -> 'spamFindings', '[]'::jsonb),
      'prospect', ar.context -> 'prospect',
      'account', ar.context -> 'account'
    )::text
  $$`.execute(db);
  await sql`create function approval_queue_item_kept() returns trigger language plpgsql as $$
    begin
      new.queue_item := case when new.status = 'pending' then approval_queue_item(new) end;
      return new;
    end $$`.execute(db);
  await sql`create trigger approval_queue_item_kept before insert or update on approval_requests for each row execute function approval_queue_item_kept()`.execute(db);
  // The trigger writes it: this update only makes each pending request pass through it.
  await sql`update approval_requests set queue_item = null where status = 'pending'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger if exists approval_queue_item_kept on approval_requests`.execute(db);
  await sql`drop function if exists approval_queue_item_kept()`.execute(db);
  await sql`drop function if exists approval_queue_item(approval_requests)`.execute(db);
  await sql`alter table approval_requests drop column if exists queue_item`.execute(db);
}
