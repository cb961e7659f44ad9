import { Kysely, sql } from 'kysely';

// The audit trail becomes tamper-evident: every event gets a position in one hash chain (seq, prev_hash,
// hash), and the database refuses UPDATE, DELETE and TRUNCATE on audit_events.
//
// Where the chain is computed: in the database, by a trigger, so every writer is covered (recordAudit, raw
// SQL, a future service), and at COMMIT, by a deferred constraint trigger, not at INSERT. Linking an event to
// the previous one needs a lock that serializes appends until the appending transaction commits (else two
// transactions link to the same head). Taken at INSERT, that lock would be held through the rest of the
// writer's transaction and deadlocks: the send activity holds the prospect's row lock (FOR UPDATE) and then
// writes audit, while another transaction that holds the chain lock (from an event it inserted earlier, or
// from this very insert under a BEFORE INSERT trigger) inserts an event for that prospect and waits on its
// row for the foreign-key check (FOR KEY SHARE). Taken at COMMIT, the chain lock is the last lock every
// transaction takes and it waits for nothing while holding it, so no cycle can form; appends serialize only
// for the moment of sealing. seq then follows commit order, the order in which events became visible.
//
// So a row is inserted with seq, prev_hash and hash NULL and sealed at its transaction's commit (its only
// permitted UPDATE, made by the sealing trigger itself); no committed row is unsealed, and `cadence
// verify-audit` reports one that is (it was written with triggers disabled). That is why the three columns
// are not declared NOT NULL: NOT NULL cannot be deferred to commit. A retried write that hits ON CONFLICT
// (event_key) DO NOTHING inserts nothing, so it is never sealed and takes no seq.
//
// Appends are correct in READ COMMITTED (PostgreSQL's default, used by this code base): after the chain lock
// is granted, the head is read with a fresh snapshot that includes the previous holder's commit. In a
// REPEATABLE READ or SERIALIZABLE transaction the head may be stale; the unique seq then fails the commit
// with a serialization failure (retry), never forks the chain. SET CONSTRAINTS audit_events_seal IMMEDIATE
// would bring back the lock at insert, and with it the deadlock above.
//
// The canonical form hashed (the verifier in db/repositories/audit.ts builds the same text independently):
//   [seq,prev_hash,event_key,occurred_at,actor,action,prospect_id,enrollment_id,step,content_hash,details]
// one JSON array, no whitespace; strings JSON-escaped, SQL NULL as null; occurred_at in UTC as
// YYYY-MM-DDTHH:MM:SS.ffffffZ (microseconds, PostgreSQL's precision); details as canonical JSON (object keys
// sorted by code point, no whitespace, numbers and strings as jsonb renders them). The first event's
// prev_hash is the genesis value sha256: followed by 64 zeros. hash = "sha256:" + hex(sha256(UTF-8 text)).
// Migrations import no app code, so the SQL here is the database's half of that contract.

const GENESIS = `'sha256:${'0'.repeat(64)}'`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('audit_events')
    .addColumn('seq', 'bigint')
    .addColumn('prev_hash', 'text')
    .addColumn('hash', 'text')
    .execute();

  await sql`
    create function audit_chain_canonical_json(j jsonb) returns text
    language plpgsql immutable strict as $fn$
    declare
      out text;
    begin
      case jsonb_typeof(j)
        when 'object' then
          select '{' || coalesce(string_agg(to_jsonb(k)::text || ':' || audit_chain_canonical_json(v), ',' order by k collate "C"), '') || '}'
            into out from jsonb_each(j) as e(k, v);
        when 'array' then
          select '[' || coalesce(string_agg(audit_chain_canonical_json(v), ',' order by i), '') || ']'
            into out from jsonb_array_elements(j) with ordinality as a(v, i);
        else
          out := j::text;
      end case;
      return out;
    end
    $fn$`.execute(db);

  await sql`
    create function audit_chain_hash(e audit_events) returns text
    language sql stable as $fn$
      select 'sha256:' || encode(sha256(convert_to(
        '[' || coalesce(e.seq::text, 'null')
        || ',' || coalesce(to_jsonb(e.prev_hash)::text, 'null')
        || ',' || coalesce(to_jsonb(e.event_key)::text, 'null')
        || ',' || coalesce(to_jsonb(to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))::text, 'null')
        || ',' || coalesce(to_jsonb(e.actor)::text, 'null')
        || ',' || coalesce(to_jsonb(e.action)::text, 'null')
        || ',' || coalesce(to_jsonb(e.prospect_id)::text, 'null')
        || ',' || coalesce(to_jsonb(e.enrollment_id)::text, 'null')
        || ',' || coalesce(e.step::text, 'null')
        || ',' || coalesce(to_jsonb(e.content_hash)::text, 'null')
        || ',' || coalesce(audit_chain_canonical_json(e.details), 'null')
        || ']', 'UTF8')), 'hex')
    $fn$`.execute(db);

  // The events written so far, chained in the order they were written.
  await sql
    .raw(
      `do $fn$
      declare
        e audit_events;
        prev text := ${GENESIS};
        n bigint := 0;
      begin
        for e in select * from audit_events order by id loop
          n := n + 1;
          e.seq := n;
          e.prev_hash := prev;
          e.hash := audit_chain_hash(e);
          update audit_events set seq = e.seq, prev_hash = e.prev_hash, hash = e.hash where id = e.id;
          prev := e.hash;
        end loop;
      end
      $fn$`,
    )
    .execute(db);

  await db.schema.alterTable('audit_events').addUniqueConstraint('audit_events_seq_key', ['seq']).execute();
  await sql`
    alter table audit_events add constraint audit_events_sealed_check
      check ((seq is null and prev_hash is null and hash is null) or (seq is not null and prev_hash is not null and hash is not null))
  `.execute(db);

  await sql`
    create function audit_events_refuse_chain_fields() returns trigger
    language plpgsql as $fn$
    begin
      if new.seq is not null or new.prev_hash is not null or new.hash is not null then
        raise exception 'audit_events: seq, prev_hash and hash are assigned by the database when the transaction commits; insert the event without them';
      end if;
      return new;
    end
    $fn$`.execute(db);
  await sql`
    create trigger audit_events_insert before insert on audit_events
      for each row execute function audit_events_refuse_chain_fields()
  `.execute(db);

  // The transaction-scoped advisory lock serializes sealing; the two-key form keeps it out of the one-key
  // space the sending code's recipient-domain locks use.
  await sql
    .raw(
      `create function audit_events_seal() returns trigger
      language plpgsql as $fn$
      declare
        e audit_events;
        head record;
      begin
        perform pg_advisory_xact_lock(hashtext('cadence'), hashtext('audit_events.chain'));
        select seq, hash into head from audit_events where seq is not null order by seq desc limit 1;
        e := new;
        e.seq := coalesce(head.seq, 0) + 1;
        e.prev_hash := coalesce(head.hash, ${GENESIS});
        e.hash := audit_chain_hash(e);
        if current_setting('transaction_isolation') = 'read committed' then
          update audit_events set seq = e.seq, prev_hash = e.prev_hash, hash = e.hash where id = new.id;
        else
          -- This snapshot may predate another transaction's append: then the seq is taken.
          begin
            update audit_events set seq = e.seq, prev_hash = e.prev_hash, hash = e.hash where id = new.id;
          exception when unique_violation then
            raise exception 'audit_events: another transaction appended to the audit chain after this % transaction took its snapshot; retry it (audit events are best written in READ COMMITTED)',
              upper(current_setting('transaction_isolation'))
              using errcode = 'serialization_failure';
          end;
        end if;
        return null;
      end
      $fn$`,
    )
    .execute(db);
  await sql`
    create constraint trigger audit_events_seal after insert on audit_events
      deferrable initially deferred
      for each row execute function audit_events_seal()
  `.execute(db);

  // The one UPDATE allowed is the seal: made from inside the sealing trigger (trigger depth > 1), on a row
  // not yet sealed (only its own transaction can see one), changing nothing but the chain fields.
  await sql`
    create function audit_events_append_only() returns trigger
    language plpgsql as $fn$
    begin
      if tg_op = 'UPDATE' and pg_trigger_depth() > 1 then
        if old.seq is null and new.seq is not null
          and (new.id, new.event_key, new.occurred_at, new.actor, new.action, new.prospect_id, new.enrollment_id, new.step, new.content_hash, new.details)
            is not distinct from
              (old.id, old.event_key, old.occurred_at, old.actor, old.action, old.prospect_id, old.enrollment_id, old.step, old.content_hash, old.details)
        then
          return new;
        end if;
      end if;
      raise exception 'audit_events is append-only: % refused', tg_op
        using hint = 'audit events are never changed or removed; record a new event instead';
    end
    $fn$`.execute(db);
  await sql`
    create trigger audit_events_no_update before update on audit_events
      for each row execute function audit_events_append_only()
  `.execute(db);
  await sql`
    create trigger audit_events_no_delete before delete on audit_events
      for each statement execute function audit_events_append_only()
  `.execute(db);
  await sql`
    create trigger audit_events_no_truncate before truncate on audit_events
      for each statement execute function audit_events_append_only()
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const trigger of ['audit_events_no_truncate', 'audit_events_no_delete', 'audit_events_no_update', 'audit_events_seal', 'audit_events_insert']) {
    await sql`drop trigger ${sql.id(trigger)} on audit_events`.execute(db);
  }
  await sql`drop function audit_events_append_only()`.execute(db);
  await sql`drop function audit_events_seal()`.execute(db);
  await sql`drop function audit_events_refuse_chain_fields()`.execute(db);
  await sql`drop function audit_chain_hash(audit_events)`.execute(db);
  await sql`drop function audit_chain_canonical_json(jsonb)`.execute(db);
  await db.schema.alterTable('audit_events').dropConstraint('audit_events_sealed_check').execute();
  await db.schema.alterTable('audit_events').dropConstraint('audit_events_seq_key').execute();
  await db.schema.alterTable('audit_events').dropColumn('hash').dropColumn('prev_hash').dropColumn('seq').execute();
}
