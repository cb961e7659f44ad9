import { sql } from 'kysely';
import { draftEdit, draftInputHash, unifiedLineDiff } from '../../activities/audit-details';
import type { Db } from '../../db/connect';
import { auditEventHash, canonicalJson, isoWithMicros, recordAudit, verifyAuditChain } from '../../db/repositories/audit';
import { createEmbeddedTestDatabase } from '../helpers/database';

// The audit chain on the local stack's embedded database (PGlite, through db/pglite-dialect.ts): the
// migration's triggers and functions run there too, and the TypeScript verifier's canonical form matches
// the database's byte for byte on awkward values.
let database: Awaited<ReturnType<typeof createEmbeddedTestDatabase>>;
let db: Db;

beforeAll(async () => {
  database = await createEmbeddedTestDatabase();
  db = database.db;
});

afterAll(async () => {
  await database?.drop();
});

const event = (key: string, details: Record<string, unknown> = {}) => ({ key, occurredAt: new Date(), actor: 'component:test', action: 'test.event', details });

describe('on PGlite', () => {
  test('events are chained at commit, in and out of transactions; a retry takes no place; the chain verifies', async () => {
    await recordAudit(db, event('pglite-1', { a: 1 }));
    await db.transaction().execute(async (tx) => {
      await recordAudit(tx, event('pglite-2'));
      await recordAudit(tx, event('pglite-3', { nested: { z: [1, { y: null }] } }));
    });
    await recordAudit(db, event('pglite-1', { retried: true }));

    const rows = await db.selectFrom('audit_events').select([sql<string>`seq::text`.as('seq'), 'prev_hash', 'hash', 'event_key']).orderBy('audit_events.seq').execute();
    expect(rows.map((r) => [r.seq, r.event_key])).toEqual([
      ['1', 'pglite-1'],
      ['2', 'pglite-2'],
      ['3', 'pglite-3'],
    ]);
    expect(rows[1]!.prev_hash).toBe(rows[0]!.hash);
    expect(rows[2]!.prev_hash).toBe(rows[1]!.hash);
    expect(await verifyAuditChain(db, { batchSize: 2 })).toEqual({ intact: true, events: 3, head: rows[2]!.hash });
  });

  test('UPDATE, DELETE and TRUNCATE are refused', async () => {
    await expect(sql`update audit_events set actor = 'user:mallory'`.execute(db)).rejects.toThrow('audit_events is append-only: UPDATE refused');
    await expect(sql`delete from audit_events`.execute(db)).rejects.toThrow('audit_events is append-only: DELETE refused');
    await expect(sql`truncate audit_events`.execute(db)).rejects.toThrow('audit_events is append-only: TRUNCATE refused');
    expect((await verifyAuditChain(db)).intact).toBe(true);
  });

  test("the verifier's canonical form and hash equal the database's on awkward details and microsecond times", async () => {
    const awkward = [
      // jsonb orders keys by length first; the canonical form by code point (U+1F600 after U+FFFF, unlike UTF-16).
      '{"b": 1, "a": 2, "aa": 3, "B": 4, "é": 5, "\uffff": 6, "😀": 7, "": 8}',
      '{"n": [1.0, 1e-7, 12345678901234567890, -0, 0.30000000000000004, 2E+3, -1.50]}',
      '{"s": "line\\nbreak\\ttab \\"quoted\\" back\\\\slash \\u0001 / ü 😀", "t": true, "f": false, "z": null}',
      '{"deep": {"y": [{"b": [], "a": {}}], "x": {"d": 1, "c": [3, 2, 1]}}}',
      '{}',
    ];
    const times = ['2026-11-21 14:00:00.123456+00', '1969-12-31 23:59:59.999999+00', '2026-03-29 01:30:00+01'];
    for (const [i, details] of awkward.entries()) {
      await sql`insert into audit_events (event_key, occurred_at, actor, action, prospect_id, step, content_hash, details)
        values (${`awkward-${i}`}, ${times[i % times.length]}::timestamptz, 'component:test', 'test.awkward', null, ${i}, ${i % 2 ? 'sha256:abc' : null}, ${details}::jsonb)`.execute(db);
    }
    const rows = await db
      .selectFrom('audit_events')
      .select([
        sql<string>`seq::text`.as('seq'),
        'prev_hash',
        'hash',
        'event_key',
        sql<string>`(extract(epoch from occurred_at) * 1000000)::bigint::text`.as('micros'),
        sql<string>`to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('iso'),
        'actor',
        'action',
        'prospect_id',
        'enrollment_id',
        'step',
        'content_hash',
        sql<string>`details::text`.as('details'),
        sql<string>`audit_chain_canonical_json(details)`.as('canonical'),
      ])
      .where('action', '=', 'test.awkward')
      .orderBy('audit_events.seq')
      .execute();
    expect(rows).toHaveLength(awkward.length);
    for (const row of rows) {
      expect(canonicalJson(row.details)).toBe(row.canonical);
      expect(isoWithMicros(BigInt(row.micros))).toBe(row.iso);
      const fields = {
        seq: row.seq,
        prevHash: row.prev_hash,
        eventKey: row.event_key,
        occurredAtMicros: row.micros,
        actor: row.actor,
        action: row.action,
        prospectId: row.prospect_id,
        enrollmentId: row.enrollment_id,
        step: row.step,
        contentHash: row.content_hash,
        details: row.details,
      };
      expect(auditEventHash(fields)).toBe(row.hash);
    }
    expect(rows[0]!.canonical).toBe('{"":8,"B":4,"a":2,"aa":3,"b":1,"é":5,"\uffff":6,"😀":7}');
    expect(rows[1]!.canonical).toBe('{"n":[1.0,0.0000001,12345678901234567890,0,0.30000000000000004,2000,-1.50]}');
    expect(rows.map((r) => r.iso)).toEqual(['2026-11-21T14:00:00.123456Z', '1969-12-31T23:59:59.999999Z', '2026-03-29T00:30:00.000000Z', '2026-11-21T14:00:00.123456Z', '1969-12-31T23:59:59.999999Z']);
    expect((await verifyAuditChain(db)).intact).toBe(true);
  });

  test('an event altered with the triggers bypassed is named', async () => {
    const target = await db.selectFrom('audit_events').select([sql<string>`seq::text`.as('seq'), sql<string>`id::text`.as('id')]).where('event_key', '=', 'pglite-2').executeTakeFirstOrThrow();
    await db.transaction().execute(async (tx) => {
      await sql`set local session_replication_role = replica`.execute(tx);
      await sql`update audit_events set details = '{"approved": true}' where event_key = 'pglite-2'`.execute(tx);
    });
    expect(await verifyAuditChain(db)).toMatchObject({ intact: false, eventsBefore: 1, firstBad: { problem: 'altered', seq: target.seq, id: target.id, eventKey: 'pglite-2' } });
  });
});

describe('canonical JSON', () => {
  test('sorts keys by code point at every depth and keeps scalar tokens as written', () => {
    expect(canonicalJson(' { "b" : [ 1.10 , {"d": 1, "c": 2} ], "a": "x\\u00e9" } ')).toBe('{"a":"x\\u00e9","b":[1.10,{"c":2,"d":1}]}');
  });

  test('names what is wrong with text that is not JSON', () => {
    expect(() => canonicalJson('{"a": 1')).toThrow("not valid JSON: expected ',' or '}' at offset 7");
    expect(() => canonicalJson('{"a": 1} x')).toThrow('not valid JSON: unexpected text after the value at offset 9');
    expect(() => canonicalJson('{a: 1}')).toThrow('not valid JSON: expected a key at offset 1');
  });
});

describe('audit details of drafts and decisions', () => {
  test('the input hash ignores key order and changes with any input', () => {
    const input = { template: { subject: 'Hi {{firstName}}', body: 'At {{company}}' }, enrichment: { firstName: 'Pat', company: 'Acme' } };
    const reordered = { enrichment: { company: 'Acme', firstName: 'Pat' }, template: { body: 'At {{company}}', subject: 'Hi {{firstName}}' } };
    expect(draftInputHash(input)).toBe(draftInputHash(reordered));
    expect(draftInputHash(input)).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(draftInputHash({ ...input, enrichment: { ...input.enrichment, company: 'Acme Inc' } })).not.toBe(draftInputHash(input));
  });

  test('an edit is the subject before and after and a unified line diff of the body', () => {
    const shown = { subject: 'Quick question', body: 'Hi Pat,\n\nline one\nline two\nline three\nline four\nline five\n\nBest,\nDana' };
    const edited = { subject: 'Quick question', body: 'Hi Pat,\n\nline one\nline 2\nline three\nline four\nline five\n\nBest,\nDana\nPS: see you' };
    expect(draftEdit(shown, edited)).toEqual({
      subject: null,
      body: ['@@ -3,3 +3,3 @@', ' line one', '-line two', '+line 2', ' line three', '@@ -10,1 +10,2 @@', ' Dana', '+PS: see you'].join('\n'),
      linesAdded: 2,
      linesRemoved: 1,
    });
    expect(draftEdit(shown, { ...shown, subject: 'Re: follow-up' })).toEqual({ subject: { from: 'Quick question', to: 'Re: follow-up' }, body: null, linesAdded: 0, linesRemoved: 0 });
  });

  test('changes close together share one hunk; a body emptied or written from nothing diffs whole', () => {
    expect(unifiedLineDiff('a\nb\nc\nd\ne', 'A\nb\nc\nD\ne')).toBe(['@@ -1,5 +1,5 @@', '-a', '+A', ' b', ' c', '-d', '+D', ' e'].join('\n'));
    expect(unifiedLineDiff('one\ntwo', '')).toBe(['@@ -1,2 +1,1 @@', '-one', '-two', '+'].join('\n'));
    expect(unifiedLineDiff('same', 'same')).toBe('');
  });
});
