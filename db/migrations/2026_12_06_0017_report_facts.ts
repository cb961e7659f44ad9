import { distance } from 'fastest-levenshtein';
import { sql, type Kysely } from 'kysely';

// What the boundary report and the review metrics read about each decision, send and gate request, kept where
// they read it. Each request joined every decision, send and approval request of the 90-day window to drafts
// (174 MB here, twice: the draft shown and the step's first draft, which names the drafter), approval requests
// (195 MB), enrollments and cadence steps, to learn facts that are fixed once the row is written: which template
// and step kind a decision or send is evidence about, who drafted the step, how long the draft shown was, which
// rules gated it. The rows now carry those facts, filled by triggers from the same joins at insert (so every
// writer, the activities and the seeders alike, stores them), and the gate requests are counted per day in a
// summary kept by a trigger, because the report needs only how many requests each group of rules gated.
//
// Measured on scripts/bench-volume.ts's seed (100 000 pending approvals, 60 000 decided, 160 000 requests,
// 73 336 sends, 183 386 drafts, 1 000 000 audit events), PostgreSQL 15, EXPLAIN (ANALYZE), jit off, both sides with the
// soak running beside them (load ~7 on 2 cores, so each is about twice its idle time):
//   decisions of the window (learning.ts)        8 joins, 3 scans of drafts            940 ms -> Seq Scan on approval_decisions   57 ms
//   theater flags' decisions (review-metrics.ts)  joins + a subquery per decision       659 ms -> the same read, shared
//   gate requests grouped (learning.ts)           approval_requests (195 MB) + drafts x2 1388 ms -> gate_request_days + 2 part-days 130 ms
//   sends of the window (learning.ts)             drafts x2, enrollments, cadence steps  868 ms -> the outcomes counted in SQL   600 ms
// The whole report in-process under that load: 5.9 s -> 1.2 s, the same JSON at a fixed time. This migration on
// that seed: 11 s.
//
// The facts are what was true when the row was written: a step whose cadence later changes its kind keeps the kind
// it had when the rep decided or the message went out, which is what the evidence was about.
//
// GATE_SUMMARY_FLOOR is workflows/policy.ts GRADUATED_CONFIDENCE_FLOOR when this was written: the summary splits
// requests at or below it from those above, as the report's graduation test needs (a graduated template never sends
// unseen a draft at or below the floor). test/integration/boundary-report.test.ts checks the two are still equal.
const GATE_SUMMARY_FLOOR = 0.5;

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table approval_decisions
    add column template_id text, add column step_kind text, add column drafter text, add column words integer,
    add column gate_rules text[], add column edit_distance integer`.execute(db);
  await sql`alter table sends add column template_id text, add column step_kind text, add column drafter text, add column gated boolean`.execute(db);

  // The rules of a request's gate_rules, in order.
  await sql`create function gate_rule_names(rules jsonb) returns text[] language sql immutable as $$
    select coalesce(array(select g.r ->> 'rule' from jsonb_array_elements(coalesce(rules, '[]'::jsonb)) with ordinality as g(r, i) order by g.i), '{}')
  $$`.execute(db);
  await sql`create function gate_summary_confidence_floor() returns double precision language sql immutable as $$ select ${sql.lit(GATE_SUMMARY_FLOOR)}::double precision $$`.execute(db);

  // A decision: the template of a step's draft shown (null for an answer to a reply) and the step's kind, the
  // drafter of the first draft, the words of the draft shown and the rules that gated it. The edit distance is the
  // deciding activity's: it has both texts.
  await sql`create function approval_decision_facts() returns trigger language plpgsql as $$
    begin
      select case when ar.kind = 'step' then d.template_id end, cs.kind, d1.drafter, d.words, gate_rule_names(ar.gate_rules)
        into new.template_id, new.step_kind, new.drafter, new.words, new.gate_rules
      from approval_requests ar
      join drafts d on d.id = ar.draft_id
      join enrollments e on e.id = ar.enrollment_id
      left join cadence_steps cs on cs.cadence_id = e.cadence_id and cs.position = ar.step
      left join drafts d1 on d1.enrollment_id = ar.enrollment_id and d1.step = ar.step and d1.kind = ar.kind and d1.version = 1
      where ar.id = new.approval_request_id;
      return new;
    end $$`.execute(db);
  await sql`create trigger approval_decision_facts before insert on approval_decisions for each row execute function approval_decision_facts()`.execute(db);

  // A send of a cadence step (not an answer to a reply): the template of its draft, the step's kind and drafter, and
  // whether a rep was asked to approve the step (a step approval request exists; the cadence sends a step after its
  // decision, and a request written after the send sets it, below).
  await sql`create function send_facts() returns trigger language plpgsql as $$
    begin
      select case when d.kind = 'step' then d.template_id end, cs.kind, d1.drafter,
          exists (select 1 from approval_requests ar where ar.enrollment_id = new.enrollment_id and ar.step = new.step and ar.kind = 'step')
        into new.template_id, new.step_kind, new.drafter, new.gated
      from drafts d
      join enrollments e on e.id = new.enrollment_id
      left join cadence_steps cs on cs.cadence_id = e.cadence_id and cs.position = new.step
      left join drafts d1 on d1.enrollment_id = new.enrollment_id and d1.step = new.step and d1.kind = 'step' and d1.version = 1
      where d.id = new.draft_id;
      return new;
    end $$`.execute(db);
  await sql`create trigger send_facts before insert on sends for each row execute function send_facts()`.execute(db);

  // Step approval requests counted per UTC day, template, step kind, drafter, rules, and whether the draft's
  // confidence was at or below the floor (with the highest confidence among them). Unknown step kinds and drafters
  // are stored as the report reads them ('email', 'template'), so they can be part of the key.
  await sql`create table gate_request_days (
    day date not null,
    template_id text not null references templates(id),
    step_kind text not null,
    drafter text not null,
    rules text[] not null,
    at_or_below_floor boolean not null,
    max_confidence double precision,
    requests integer not null,
    primary key (day, template_id, step_kind, drafter, rules, at_or_below_floor)
  )`.execute(db);
  const summaryRow = (ar: string) => sql.raw(`
      select (${ar}.created_at at time zone 'UTC')::date, d.template_id, coalesce(cs.kind, 'email'), coalesce(d1.drafter, 'template'),
        gate_rule_names(${ar}.gate_rules), coalesce(d.confidence <= gate_summary_confidence_floor(), false), d.confidence
      from drafts d
      join enrollments e on e.id = ${ar}.enrollment_id
      left join cadence_steps cs on cs.cadence_id = e.cadence_id and cs.position = ${ar}.step
      left join drafts d1 on d1.enrollment_id = ${ar}.enrollment_id and d1.step = ${ar}.step and d1.kind = 'step' and d1.version = 1
      where d.id = ${ar}.draft_id and d.template_id is not null`);
  await sql`create function gate_request_counted() returns trigger language plpgsql as $$
    begin
      if new.kind = 'step' then
        -- A send written before its step's request (a seeder's order, not the cadence's) learns it was gated.
        update sends set gated = true where enrollment_id = new.enrollment_id and step = new.step and gated is distinct from true;
        insert into gate_request_days (day, template_id, step_kind, drafter, rules, at_or_below_floor, max_confidence, requests)
        select f.*, 1 from (${summaryRow('new')}) f
        on conflict (day, template_id, step_kind, drafter, rules, at_or_below_floor) do update
          set requests = gate_request_days.requests + 1,
              max_confidence = greatest(gate_request_days.max_confidence, excluded.max_confidence);
      end if;
      return new;
    end $$`.execute(db);
  // The summary can't be told of a request written in place of another: refuse the changes that would move one.
  await sql`create function gate_request_fixed() returns trigger language plpgsql as $$
    begin
      raise exception 'approval request %: kind, draft, enrollment, step, gate rules and creation time are fixed once written (gate_request_days counts them)', old.id;
    end $$`.execute(db);
  await sql`create trigger gate_request_counted after insert on approval_requests for each row execute function gate_request_counted()`.execute(db);
  await sql`create trigger gate_request_fixed before update on approval_requests for each row
    when (old.kind is distinct from new.kind or old.draft_id is distinct from new.draft_id or old.enrollment_id is distinct from new.enrollment_id
      or old.step is distinct from new.step or old.gate_rules is distinct from new.gate_rules or old.created_at is distinct from new.created_at)
    execute function gate_request_fixed()`.execute(db);
  await sql`create trigger gate_request_not_deleted before delete on approval_requests for each row execute function gate_request_fixed()`.execute(db);
  // The report counts the partial days at each end of its window from the requests themselves.
  await sql`create index approval_requests_step_created_idx on approval_requests (created_at) where kind = 'step'`.execute(db);

  // What is already there.
  await sql`update approval_decisions ad set template_id = f.template_id, step_kind = f.kind, drafter = f.drafter, words = f.words, gate_rules = f.rules
    from (
      select ar.id, case when ar.kind = 'step' then d.template_id end as template_id, cs.kind, d1.drafter, d.words, gate_rule_names(ar.gate_rules) as rules
      from approval_requests ar
      join drafts d on d.id = ar.draft_id
      join enrollments e on e.id = ar.enrollment_id
      left join cadence_steps cs on cs.cadence_id = e.cadence_id and cs.position = ar.step
      left join drafts d1 on d1.enrollment_id = ar.enrollment_id and d1.step = ar.step and d1.kind = ar.kind and d1.version = 1
    ) f
    where f.id = ad.approval_request_id`.execute(db);
  await sql`update sends s set template_id = f.template_id, step_kind = f.kind, drafter = f.drafter, gated = f.gated
    from (
      select s2.id, case when d.kind = 'step' then d.template_id end as template_id, cs.kind, d1.drafter,
        exists (select 1 from approval_requests ar where ar.enrollment_id = s2.enrollment_id and ar.step = s2.step and ar.kind = 'step') as gated
      from sends s2
      join drafts d on d.id = s2.draft_id
      join enrollments e on e.id = s2.enrollment_id
      left join cadence_steps cs on cs.cadence_id = e.cadence_id and cs.position = s2.step
      left join drafts d1 on d1.enrollment_id = s2.enrollment_id and d1.step = s2.step and d1.kind = 'step' and d1.version = 1
    ) f
    where f.id = s.id`.execute(db);
  await sql`insert into gate_request_days (day, template_id, step_kind, drafter, rules, at_or_below_floor, max_confidence, requests)
    select f.day, f.template_id, f.kind, f.drafter, f.rules, f.low, max(f.confidence), count(*)
    from approval_requests ar
    cross join lateral (${summaryRow('ar')}) as f(day, template_id, kind, drafter, rules, low, confidence)
    where ar.kind = 'step'
    group by 1, 2, 3, 4, 5, 6`.execute(db);
  // The rep's text of an edit is the draft version after the one shown (activities/approvals.ts recordDecision).
  for (;;) {
    const edits = await sql<{ id: string; shown_subject: string; shown_body: string; edited_subject: string; edited_body: string }>`
      select ad.id, d.subject as shown_subject, d.body as shown_body, ed.subject as edited_subject, ed.body as edited_body
      from approval_decisions ad
      join approval_requests ar on ar.id = ad.approval_request_id
      join drafts d on d.id = ar.draft_id
      join drafts ed on ed.enrollment_id = ar.enrollment_id and ed.step = ar.step and ed.kind = ar.kind and ed.version = ad.draft_version + 1
      where ad.action = 'edit' and ad.edit_distance is null
      limit 2000`.execute(db);
    if (edits.rows.length === 0) break;
    const values = edits.rows.map((r) => sql`(${r.id}, ${distance(`${r.shown_subject}\n\n${r.shown_body}`, `${r.edited_subject}\n\n${r.edited_body}`)}::integer)`);
    await sql`update approval_decisions ad set edit_distance = v.distance from (values ${sql.join(values)}) as v(id, distance) where ad.id = v.id`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists approval_requests_step_created_idx`.execute(db);
  await sql`drop trigger if exists gate_request_not_deleted on approval_requests`.execute(db);
  await sql`drop trigger if exists gate_request_fixed on approval_requests`.execute(db);
  await sql`drop trigger if exists gate_request_counted on approval_requests`.execute(db);
  await sql`drop function if exists gate_request_fixed()`.execute(db);
  await sql`drop function if exists gate_request_counted()`.execute(db);
  await sql`drop table if exists gate_request_days`.execute(db);
  await sql`drop trigger if exists send_facts on sends`.execute(db);
  await sql`drop function if exists send_facts()`.execute(db);
  await sql`drop trigger if exists approval_decision_facts on approval_decisions`.execute(db);
  await sql`drop function if exists approval_decision_facts()`.execute(db);
  await sql`drop function if exists gate_summary_confidence_floor()`.execute(db);
  await sql`drop function if exists gate_rule_names(jsonb)`.execute(db);
  await sql`alter table sends drop column if exists template_id, drop column if exists step_kind, drop column if exists drafter, drop column if exists gated`.execute(db);
  await sql`alter table approval_decisions drop column if exists template_id, drop column if exists step_kind, drop column if exists drafter,
    drop column if exists words, drop column if exists gate_rules, drop column if exists edit_distance`.execute(db);
}
