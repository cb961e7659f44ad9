import { sql, type Kysely } from 'kysely';

// The boundary report compares a template's outcome rates with those of the other templates in the cadences it sent
// in, so its count of the window's sends (learning.ts sendOutcomeRows) groups every send by its cadence. That came
// from a hash join of the window's 73 000 sends with all 110 000 enrollments, and the query's one other big cost,
// sorting 73 000 joined rows by five text keys, came from the planner not knowing the join would leave 24 groups.
// A send's cadence is fixed when the row is written (an enrollment never changes cadence), so the row keeps it, as it
// keeps its template, step kind and drafter (migration 0017), and the count reads the sends table alone.
//
// Measured on scripts/bench-volume.ts's seed (73 336 sends, 110 000 enrollments, 1 756 replies), PostgreSQL 15,
// jit off, the same 48 rows from both, six runs each: 617–805 ms -> 279–352 ms. EXPLAIN (ANALYZE) of the new query:
// Seq Scan on sends (73 307 rows) feeding a HashAggregate by touch, no Hash Join on enrollments (its build alone was
// 121–152 ms), the per-cadence tally a HashAggregate of 24 groups instead of a Sort of 73 307 rows.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table sends add column cadence_id text`.execute(db);
  await sql`create or replace function send_facts() returns trigger language plpgsql as $$
    begin
      select case when d.kind = 'step' then d.template_id end, cs.kind, d1.drafter, e.cadence_id,
          exists (select 1 from approval_requests ar where ar.enrollment_id = new.enrollment_id and ar.step = new.step and ar.kind = 'step')
        into new.template_id, new.step_kind, new.drafter, new.cadence_id, new.gated
      from drafts d
      join enrollments e on e.id = new.enrollment_id
      left join cadence_steps cs on cs.cadence_id = e.cadence_id and cs.position = new.step
      left join drafts d1 on d1.enrollment_id = new.enrollment_id and d1.step = new.step and d1.kind = 'step' and d1.version = 1
      where d.id = new.draft_id;
      return new;
    end $$`.execute(db);
  await sql`update sends s set cadence_id = e.cadence_id from enrollments e where e.id = s.enrollment_id`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`create or replace function send_facts() returns trigger language plpgsql as $$
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
  await sql`alter table sends drop column if exists cadence_id`.execute(db);
}
