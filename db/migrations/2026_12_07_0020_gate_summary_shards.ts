import { sql, type Kysely } from 'kysely';

// gate_request_days had one row per day, template, step kind, drafter, rules and floor side, and every step approval
// request added 1 to it in the writer's transaction: every first touch of one template on one day updated the same
// row, so their transactions queued on its lock until each committed (and a commit with audit events waits its turn
// for the audit chain's seal). In `npm run bench` 150 cadences gating their first touch at once spent up to 195 ms
// each in that INSERT (the log's durations: 1 ms alone, 40–195 ms in the queue); a team's morning enrollment import
// is the same shape. Each count is now split over 16 rows, chosen by the writing session (pg_backend_pid() % 16:
// a pool's connections have consecutive pids, so concurrent writers take different rows); the report sums the rows
// and takes the greatest confidence, which is what it did with one.
const SHARDS = 16;

const KEY = 'day, template_id, step_kind, drafter, rules, at_or_below_floor';

function countingTrigger(shard: string) {
  return sql.raw(`create or replace function gate_request_counted() returns trigger language plpgsql as $$
    begin
      if new.kind = 'step' then
        -- A send written before its step's request (a seeder's order, not the cadence's) learns it was gated.
        update sends set gated = true where enrollment_id = new.enrollment_id and step = new.step and gated is distinct from true;
        insert into gate_request_days (${KEY}, shard, max_confidence, requests)
        select (new.created_at at time zone 'UTC')::date, d.template_id, coalesce(cs.kind, 'email'), coalesce(d1.drafter, 'template'),
          gate_rule_names(new.gate_rules), coalesce(d.confidence <= gate_summary_confidence_floor(), false), ${shard}, d.confidence, 1
        from drafts d
        join enrollments e on e.id = new.enrollment_id
        left join cadence_steps cs on cs.cadence_id = e.cadence_id and cs.position = new.step
        left join drafts d1 on d1.enrollment_id = new.enrollment_id and d1.step = new.step and d1.kind = 'step' and d1.version = 1
        where d.id = new.draft_id and d.template_id is not null
        on conflict (${KEY}, shard) do update
          set requests = gate_request_days.requests + 1,
              max_confidence = greatest(gate_request_days.max_confidence, excluded.max_confidence);
      end if;
      return new;
    end $$`);
}

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table gate_request_days add column shard smallint not null default 0`.execute(db);
  await sql`alter table gate_request_days drop constraint gate_request_days_pkey`.execute(db);
  await sql.raw(`alter table gate_request_days add primary key (${KEY}, shard)`).execute(db);
  await countingTrigger(`(pg_backend_pid() % ${SHARDS})::smallint`).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await countingTrigger('0::smallint').execute(db);
  await sql.raw(`create temp table gate_request_days_merged on commit drop as
    select ${KEY}, max(max_confidence) as max_confidence, sum(requests)::int as requests from gate_request_days group by ${KEY}`).execute(db);
  await sql`delete from gate_request_days`.execute(db);
  await sql`alter table gate_request_days drop constraint gate_request_days_pkey`.execute(db);
  await sql`alter table gate_request_days drop column shard`.execute(db);
  await sql.raw(`alter table gate_request_days add primary key (${KEY})`).execute(db);
  await sql.raw(`insert into gate_request_days (${KEY}, max_confidence, requests) select * from gate_request_days_merged`).execute(db);
}
