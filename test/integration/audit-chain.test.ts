import { randomUUID } from 'node:crypto';
import { Migrator, sql, type RawBuilder } from 'kysely';
import { draftInputHash } from '../../activities/audit-details';
import { approvalActivities } from '../../activities/approvals';
import { draftingActivities } from '../../activities/drafting';
import { enrollmentActivities } from '../../activities/enrollment';
import { createDb, migrateToLatest, type Db } from '../../db/connect';
import { migrations } from '../../db/migrations';
import { recordAudit, type AuditInput } from '../../db/repositories/audit';
import { draftEditDistance } from '../../db/repositories/learning';
import type { CaptureSmtpServer } from '../../scripts/capture-smtp';
import { runCadenceCli } from '../helpers/cli';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { defaultPolicy, eventually, startCapture, testDeps } from '../helpers/harness';
import { createCadence, createProspect, createTeam, goodTemplate } from '../helpers/seed';
import { startStack, type Stack } from '../helpers/stack';

// The audit trail's hash chain on a real PostgreSQL server: appends from several connection pools, the
// database refusing changes, and `cadence verify-audit` (the real CLI, in a child process) naming the first
// event an attacker with superuser rights altered, deleted or slipped in with the triggers bypassed.

const databases: TestDatabase[] = [];
const pools: Db[] = [];
let smtp: CaptureSmtpServer | undefined;
let stack: Stack | undefined;

afterAll(async () => {
  for (const pool of pools) await pool.destroy();
  await smtp?.close();
  await stack?.stop();
  for (const database of databases) await database.drop();
});

async function freshDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase();
  databases.push(database);
  return database;
}

async function pool(database: TestDatabase): Promise<Db> {
  const db = await createDb({ databaseUrl: database.url, poolSize: 5 });
  pools.push(db);
  return db;
}

const event = (key: string, extra: Partial<AuditInput> = {}): AuditInput => ({
  key,
  occurredAt: new Date(),
  actor: 'component:test',
  action: 'test.event',
  details: { key, note: 'written by the audit-chain test' },
  ...extra,
});

/** A database whose trail is `count` events written one after another; returns them in chain order. */
async function chainOf(count: number) {
  const database = await freshDatabase();
  for (let i = 1; i <= count; i++) {
    await recordAudit(database.db, event(`event-${i}`, { step: i, details: { i, reason: `reason ${i}`, nested: { b: [1, 2], a: 'x' } } }));
  }
  return { database, events: await chain(database.db) };
}

async function chain(db: Db) {
  const rows = await db.selectFrom('audit_events').select(['id', 'seq', 'prev_hash', 'hash', 'event_key']).orderBy('seq').execute();
  return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
}

/** What a database superuser can do: switch the triggers off for one transaction and change the table. */
async function bypassingTriggers(db: Db, statement: RawBuilder<unknown>): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await sql`set local session_replication_role = replica`.execute(tx);
    await statement.execute(tx);
  });
}

const verifyAudit = (database: TestDatabase, args: string[] = []) => runCadenceCli(['verify-audit', ...args], { DATABASE_URL: database.url });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('appends from two connection pools at once form one linear chain, and verify-audit reports it intact with its head', async () => {
  const database = await freshDatabase();
  const [a, b] = [await pool(database), await pool(database)];
  // Transactions that write several events with pauses between them, interleaved across two pools.
  const writer = (db: Db, name: string) =>
    Promise.all(
      Array.from({ length: 12 }, (_, t) =>
        db.transaction().execute(async (tx) => {
          for (let e = 0; e < 3; e++) {
            await recordAudit(tx, event(`${name}-tx${t}-e${e}`));
            await sleep(Math.floor(Math.random() * 15));
          }
        }),
      ),
    );
  await Promise.all([writer(a, 'a'), writer(b, 'b'), ...Array.from({ length: 10 }, (_, i) => recordAudit(i % 2 ? a : b, event(`single-${i}`)))]);

  const rows = await chain(database.db);
  expect(rows).toHaveLength(2 * 12 * 3 + 10);
  expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
  expect(rows[0]!.prev_hash).toBe(`sha256:${'0'.repeat(64)}`);
  for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
  expect(new Set(rows.map((r) => r.prev_hash)).size).toBe(rows.length);

  const head = rows.at(-1)!.hash;
  const text = await verifyAudit(database, ['--batch-size', '7']);
  expect(text).toMatchObject({ code: 0, stdout: `audit chain intact: ${rows.length} events, head ${head}\n` });
  const json = await verifyAudit(database, ['--json']);
  expect(json.code).toBe(0);
  expect(JSON.parse(json.stdout)).toEqual({ intact: true, events: rows.length, head });
});

test('a retried write with an existing event key is a no-op: it takes no place in the chain and forks nothing', async () => {
  const database = await freshDatabase();
  const db = database.db;
  await recordAudit(db, event('first'));
  await recordAudit(db, event('second'));
  await recordAudit(db, event('first', { actor: 'component:retry', details: { retried: true } }));
  await db.transaction().execute(async (tx) => {
    await recordAudit(tx, event('second'));
    await recordAudit(tx, event('third'));
  });
  // Two pools retrying the same key at once: one row, one place.
  const [a, b] = [await pool(database), await pool(database)];
  await Promise.all([recordAudit(a, event('fourth')), recordAudit(b, event('fourth')), recordAudit(a, event('third'))]);

  const rows = await chain(db);
  expect(rows.map((r) => [r.seq, r.event_key])).toEqual([
    [1, 'first'],
    [2, 'second'],
    [3, 'third'],
    [4, 'fourth'],
  ]);
  const first = await db.selectFrom('audit_events').select(['actor', 'details']).where('event_key', '=', 'first').executeTakeFirstOrThrow();
  expect(first).toEqual({ actor: 'component:test', details: { key: 'first', note: 'written by the audit-chain test' } });
  expect((await verifyAudit(database)).code).toBe(0);
});

test('UPDATE, DELETE and TRUNCATE through SQL are refused by the database, and so are made-up chain fields', async () => {
  const { database, events } = await chainOf(3);
  const db = database.db;
  await expect(sql`update audit_events set actor = 'user:mallory' where seq = 2`.execute(db)).rejects.toThrow('audit_events is append-only: UPDATE refused');
  await expect(sql`update audit_events set hash = 'sha256:beef'`.execute(db)).rejects.toThrow('audit_events is append-only: UPDATE refused');
  await expect(sql`delete from audit_events where seq = 2`.execute(db)).rejects.toThrow('audit_events is append-only: DELETE refused');
  await expect(sql`truncate audit_events`.execute(db)).rejects.toThrow('audit_events is append-only: TRUNCATE refused');
  await expect(
    sql`insert into audit_events (event_key, occurred_at, actor, action, seq, prev_hash, hash) values ('forged', now(), 'x', 'y', 4, ${events[2]!.hash}, 'sha256:00')`.execute(db),
  ).rejects.toThrow('seq, prev_hash and hash are assigned by the database');

  expect(await chain(db)).toEqual(events);
  const row = await db.selectFrom('audit_events').select('actor').where('seq', '=', '2').executeTakeFirstOrThrow();
  expect(row.actor).toBe('component:test');
  expect((await verifyAudit(database)).code).toBe(0);
});

test('an event whose details or actor were changed with the triggers bypassed is named as the first bad event', async () => {
  const { database, events } = await chainOf(6);
  await bypassingTriggers(database.db, sql`update audit_events set actor = 'user:mallory' where seq = 5`);
  await bypassingTriggers(database.db, sql`update audit_events set details = jsonb_set(details, '{reason}', '"approved by the manager"') where seq = 3`);

  const result = await verifyAudit(database);
  expect(result.code).toBe(1);
  const third = events[2]!;
  expect(result.stdout).toContain(`audit chain broken: first bad event is seq 3 (id ${third.id}), event key "event-3"\n`);
  expect(result.stdout).toContain(`  altered: stored hash ${third.hash} does not match the event's content`);
  expect(result.stdout).toContain('  the 2 events before it are intact\n');

  const json = JSON.parse((await verifyAudit(database, ['--json'])).stdout);
  expect(json).toMatchObject({ intact: false, eventsBefore: 2, firstBad: { problem: 'altered', seq: '3', id: third.id, eventKey: 'event-3' } });
});

test('an actor changed on the last event alone is caught too', async () => {
  const { database, events } = await chainOf(4);
  await bypassingTriggers(database.db, sql`update audit_events set actor = 'user:mallory' where seq = 4`);
  const json = JSON.parse((await verifyAudit(database, ['--json'])).stdout);
  expect(json).toMatchObject({ intact: false, firstBad: { problem: 'altered', seq: '4', id: events[3]!.id } });
});

test('a deleted event is found: the event after the gap is named, with the missing seq', async () => {
  const { database, events } = await chainOf(6);
  await bypassingTriggers(database.db, sql`delete from audit_events where seq = 3`);

  const result = await verifyAudit(database, ['--batch-size', '2']);
  expect(result.code).toBe(1);
  expect(result.stdout).toContain(`audit chain broken: first bad event is seq 4 (id ${events[3]!.id}), event key "event-4"\n`);
  expect(result.stdout).toContain('  missing-before: seq 4 follows seq 2: the event with seq 3 is missing (deleted)\n');
});

test('an event altered and rehashed by the attacker is caught at the next link', async () => {
  const { database, events } = await chainOf(5);
  await bypassingTriggers(database.db, sql`update audit_events set details = '{"i": 3, "reason": "rewritten"}' where seq = 3`);
  // The attacker recomputes the altered event's own hash (with the database's function), but cannot
  // rewrite every later event without it showing against a head recorded earlier.
  await bypassingTriggers(database.db, sql`update audit_events e set hash = audit_chain_hash(e) where seq = 3`);

  const json = JSON.parse((await verifyAudit(database, ['--json'])).stdout);
  expect(json).toMatchObject({ intact: false, eventsBefore: 3, firstBad: { problem: 'relinked', seq: '4', id: events[3]!.id } });
  expect(json.firstBad.message).toContain('is not the hash of the event before it (seq 3');
});

test('an event slipped in with the triggers bypassed has no place in the chain and is reported', async () => {
  const { database } = await chainOf(2);
  await bypassingTriggers(database.db, sql`insert into audit_events (event_key, occurred_at, actor, action) values ('slipped-in', now(), 'user:mallory', 'approval.decided')`);
  const slipped = await database.db.selectFrom('audit_events').select('id').where('event_key', '=', 'slipped-in').executeTakeFirstOrThrow();

  const result = await verifyAudit(database);
  expect(result.code).toBe(1);
  expect(result.stdout).toContain(`audit chain broken: first bad event is event id ${slipped.id}, event key "slipped-in"\n`);
  expect(result.stdout).toContain('  unsealed: the event has no place in the chain');
});

test('a transaction holding a prospect row lock while it writes audit does not deadlock with audit writes that wait for that row', async () => {
  // The send activity locks the prospect (FOR UPDATE) and then writes audit; an audit write for that
  // prospect from another transaction waits on the row for its foreign-key check. Were the chain lock taken
  // when an event is inserted, the other transaction (here: one event for another prospect of the account,
  // then one for this prospect) would hold it while it waits, and the sender would wait for it: a deadlock.
  // It is taken at commit.
  const database = await freshDatabase();
  const { prospectId } = await createProspect(database.db);
  const { prospectId: colleagueId } = await createProspect(database.db);
  const sender = await pool(database);
  let locked!: () => void;
  const isLocked = new Promise<void>((r) => (locked = r));
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  const holder = sender.transaction().execute(async (tx) => {
    await tx.selectFrom('prospects').select('id').where('id', '=', prospectId).forUpdate().execute();
    locked();
    await released;
    await recordAudit(tx, event('send.claimed', { prospectId }));
  });
  await isLocked;
  const other = database.db.transaction().execute(async (tx) => {
    await recordAudit(tx, event('cadence.paused:colleague', { prospectId: colleagueId }));
    await recordAudit(tx, event('cadence.paused:prospect', { prospectId }));
  });
  await eventually(async () => {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from pg_stat_activity
      where datname = current_database() and wait_event_type = 'Lock' and query like 'insert into "audit_events"%'`.execute(database.db);
    return rows[0]!.n === 1;
  }, 'the other audit write to wait on the prospect row');
  release();
  await Promise.all([holder, other]);

  expect((await chain(database.db)).map((r) => [r.seq, r.event_key])).toEqual([
    [1, 'send.claimed'],
    [2, 'cadence.paused:colleague'],
    [3, 'cadence.paused:prospect'],
  ]);
  expect((await verifyAudit(database)).code).toBe(0);
});

test('a REPEATABLE READ transaction whose snapshot predates another append fails its commit as a serialization failure, forking nothing', async () => {
  const database = await freshDatabase();
  const other = await pool(database);
  await recordAudit(database.db, event('before'));
  const stale = database.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (tx) => {
      await sql`select count(*) from audit_events`.execute(tx);
      await recordAudit(other, event('concurrent'));
      await recordAudit(tx, event('stale'));
    });
  await expect(stale).rejects.toMatchObject({ code: '40001', message: expect.stringContaining('another transaction appended to the audit chain after this REPEATABLE READ transaction took its snapshot') });
  await recordAudit(database.db, event('stale'));
  expect((await chain(database.db)).map((r) => [r.seq, r.event_key])).toEqual([
    [1, 'before'],
    [2, 'concurrent'],
    [3, 'stale'],
  ]);
});

test('migrating an existing trail chains its events in the order they were written, and the migration reverts', async () => {
  const database = await freshDatabase();
  const migrator = new Migrator({ db: database.db, provider: { getMigrations: async () => migrations } });
  const down = await migrator.migrateTo('2026_11_21_0004_delivery_event_lookups');
  expect(down.error).toBeUndefined();
  expect(down.results?.map((r) => [r.migrationName, r.direction, r.status])).toContainEqual(['2026_11_21_0005_audit_chain', 'Down', 'Success']);
  for (const key of ['before-1', 'before-2', 'before-3']) {
    await sql`insert into audit_events (event_key, occurred_at, actor, action, details) values (${key}, now(), 'component:test', 'test.event', '{"b": 1, "a": [true, null]}')`.execute(database.db);
  }
  await migrateToLatest(database.db);
  await recordAudit(database.db, event('after-1'));

  const rows = await chain(database.db);
  expect(rows.map((r) => [r.seq, r.event_key])).toEqual([
    [1, 'before-1'],
    [2, 'before-2'],
    [3, 'before-3'],
    [4, 'after-1'],
  ]);
  expect(rows.map((r) => Number(r.id))).toEqual([...rows.map((r) => Number(r.id))].sort((x, y) => x - y));
  expect(await verifyAudit(database)).toMatchObject({ code: 0, stdout: `audit chain intact: 4 events, head ${rows[3]!.hash}\n` });
});

test('verify-audit names a bad option, and an empty trail is intact', async () => {
  const database = await freshDatabase();
  const bad = await verifyAudit(database, ['--batch-size', 'ten']);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('cadence verify-audit: --batch-size: "ten" is not a whole number from 1 to 100000');
  const unknown = await verifyAudit(database, ['--fast']);
  expect(unknown.code).toBe(2);
  expect(unknown.stderr).toContain("Unknown option '--fast'");
  expect(await verifyAudit(database)).toMatchObject({ code: 0, stdout: 'audit chain intact: 0 events (the audit trail is empty)\n' });
});

/** A fresh database with a team, a one-step cadence and a prospect enrolled in it, for activities called directly. */
async function enrolledInOneStep(clock?: () => Date) {
  const database = await freshDatabase();
  const db = database.db;
  const capture = await startCapture();
  smtp = capture.smtp;
  const team = await createTeam(db);
  const cadenceId = await createCadence(db, [{ delaySeconds: 0, template: goodTemplate }]);
  const { prospectId } = await createProspect(db);
  const deps = testDeps(db, capture.port, clock ? { clock } : {});
  const enrollmentId = randomUUID();
  const ref = { enrollmentId, prospectId, ownerId: team.rep.id, step: 1 };
  const started = await enrollmentActivities(deps).startEnrollment({ enrollmentId, prospectId, cadenceId, ownerId: team.rep.id, workflowId: `audit-chain-${enrollmentId}` });
  return { database, db, team, cadenceId, deps, enrollmentId, ref, started };
}

test("a draft records its drafter input's hash; an edit decision records the line diff from the shown draft and the time to decide", async () => {
  // The activities read the injected clock; it starts an hour before the real now, as a request would have.
  const requestedAt = new Date(Date.now() - 3_600_000);
  let now = requestedAt;
  const { database, db, team, cadenceId, deps, enrollmentId, ref } = await enrolledInOneStep(() => now);
  const drafting = draftingActivities(deps);
  const enrichment = await drafting.enrichProspect(ref);
  const draft = await drafting.draftAndScore({ ...ref, cadenceId, templateId: `${cadenceId}-t1`, enrichment });
  const approvals = approvalActivities(deps);
  const approvalId = randomUUID();
  await approvals.openApprovalRequest({
    ...ref,
    approvalId,
    workflowId: `audit-chain-${enrollmentId}`,
    draft,
    gate: { gated: true, rules: [{ rule: 'first-touch', detail: 'a first touch is always reviewed' }], policyVersion: defaultPolicy.version },
    remindAt: new Date(requestedAt.getTime() + 4 * 3_600_000).toISOString(),
  });

  const lines = draft.body.split('\n');
  const editedBody = [...lines.slice(0, 2), 'I saw your team is hiring SDRs this quarter.', ...lines.slice(2, -1), 'Dana (your account rep)'].join('\n');
  now = new Date(requestedAt.getTime() + 95_000);
  await approvals.recordDecision({
    ...ref,
    shown: draft,
    decision: { approvalId, draftVersion: 1, actorId: team.rep.id, action: 'edit', subject: 'Pat, a thought on follow-up', body: editedBody, decidedAt: now.toISOString() },
  });

  const audit = async (action: string) =>
    db.selectFrom('audit_events').select(['details', 'content_hash', 'actor', 'seq']).where('enrollment_id', '=', enrollmentId).where('action', '=', action).executeTakeFirstOrThrow();
  const created = await audit('draft.created');
  expect(created.details.inputHash).toBe(draftInputHash({ template: { subject: goodTemplate.subject, body: goodTemplate.body }, enrichment: enrichment.fields }));
  expect(created.details.inputHash).toMatch(/^sha256:[0-9a-f]{64}$/);

  const decided = await audit('approval.decided');
  expect(decided.actor).toBe(`user:${team.rep.id}`);
  expect(decided.details.secondsToDecide).toBe(95);
  // What the reports read about the decision is stored with it: the evidence's template, step kind and drafter, the
  // words shown, the gate's rules, and how far the rep's text is from the draft.
  const facts = await db
    .selectFrom('approval_decisions')
    .select(['template_id', 'step_kind', 'drafter', 'words', 'gate_rules', 'edit_distance'])
    .where('approval_request_id', '=', approvalId)
    .executeTakeFirstOrThrow();
  expect(facts).toEqual({
    template_id: `${cadenceId}-t1`,
    step_kind: 'email',
    drafter: 'template',
    words: `${draft.subject} ${draft.body}`.split(/\s+/).filter(Boolean).length,
    gate_rules: ['first-touch'],
    edit_distance: draftEditDistance(draft, { subject: 'Pat, a thought on follow-up', body: editedBody }),
  });
  expect(facts.edit_distance).toBeGreaterThan(40);
  expect(decided.details.edit).toEqual({
    subject: { from: draft.subject, to: 'Pat, a thought on follow-up' },
    body: [
      '@@ -2,2 +2,3 @@',
      ` ${lines[1]}`,
      '+I saw your team is hiring SDRs this quarter.',
      ` ${lines[2]}`,
      `@@ -${lines.length - 1},2 +${lines.length},2 @@`,
      ` ${lines.at(-2)}`,
      `-${lines.at(-1)}`,
      '+Dana (your account rep)',
    ].join('\n'),
    linesAdded: 2,
    linesRemoved: 1,
  });
  expect(Number(decided.seq)).toBeGreaterThan(Number(created.seq));
  expect((await verifyAudit(database)).code).toBe(0);
});

test('the timeline API returns the prospect\'s events in chain order with their seq and hash, an edit with its diff among them', async () => {
  stack = await startStack();
  const cadenceId = await createCadence(stack.database.db, [{ delaySeconds: 0, template: goodTemplate }]);
  const enrolled = await stack.api('POST', '/v1/enrollments', {
    body: { cadenceId, prospect: { email: 'quinn.ames@harbor-line.test', firstName: 'Quinn', lastName: 'Ames', title: 'COO' }, account: { name: 'Harbor Line', domain: 'harbor-line.test', industry: 'shipping', dealValue: 12_000 } },
  });
  expect(enrolled.status).toBe(201);
  const item = await eventually(async () => (await stack!.api('GET', '/v1/approvals')).body.items.find((i: any) => i.prospect.email === 'quinn.ames@harbor-line.test'), 'the approval item');
  const body = `${item.draft.body}\nPS: I can send the case study first.`;
  const decided = await stack.api('POST', `/v1/approvals/${item.id}/decision`, { body: { action: 'edit', draftVersion: 1, subject: item.draft.subject, body } });
  expect(decided.status).toBe(200);
  await stack.smtp.waitFor((m) => m.envelopeTo.includes('quinn.ames@harbor-line.test'));

  const timeline = await eventually(async () => {
    const t = await stack!.api('GET', `/v1/prospects/${enrolled.body.prospectId}/timeline`);
    return t.body.events.some((e: any) => e.action === 'send.sent') && t;
  }, 'send.sent in the timeline');
  const events = timeline.body.events;
  const stored = await stack.database.db
    .selectFrom('audit_events')
    .select(['id', 'seq', 'hash'])
    .where('prospect_id', '=', enrolled.body.prospectId)
    .orderBy('seq')
    .execute();
  expect(events.map((e: any) => [e.id, e.seq, e.hash])).toEqual(stored.map((r) => [r.id, Number(r.seq), r.hash]));
  expect(events.map((e: any) => e.seq)).toEqual([...events.map((e: any) => e.seq)].sort((a: number, b: number) => a - b));
  expect(events.map((e: any) => e.action)).toEqual(expect.arrayContaining(['draft.created', 'approval.decided', 'send.sent']));
  const decision = events.find((e: any) => e.action === 'approval.decided');
  const lastLine = item.draft.body.split('\n').at(-1);
  expect(decision.details.edit).toEqual({
    subject: null,
    body: `@@ -${item.draft.body.split('\n').length},1 +${item.draft.body.split('\n').length},2 @@\n ${lastLine}\n+PS: I can send the case study first.`,
    linesAdded: 1,
    linesRemoved: 0,
  });
  expect(decision.details.secondsToDecide).toEqual(expect.any(Number));
  expect(events.find((e: any) => e.action === 'draft.created').details.inputHash).toMatch(/^sha256:[0-9a-f]{64}$/);
  expect((await verifyAudit(stack.database)).code).toBe(0);
});

test('--expect-head catches deleted newest events, which leave a shorter chain that verifies on its own', async () => {
  const database = await freshDatabase();
  for (const key of ['one', 'two', 'three', 'four']) await recordAudit(database.db, event(key));
  const before = await verifyAudit(database);
  const head = /head (sha256:[0-9a-f]{64})/.exec(before.stdout)![1]!;
  expect(await verifyAudit(database, ['--expect-head', head])).toMatchObject({ code: 0 });

  await bypassingTriggers(database.db, sql`delete from audit_events where seq >= 3`);
  // Alone, the two remaining events are a valid chain.
  expect(await verifyAudit(database)).toMatchObject({ code: 0, stdout: expect.stringContaining('audit chain intact: 2 events') });
  const checked = await verifyAudit(database, ['--expect-head', head]);
  expect(checked.code).toBe(1);
  expect(checked.stdout).toContain(`audit chain broken: the head ${head} recorded by an earlier run is not in the chain: events were deleted from its end, or the chain was rebuilt`);
  const json = await verifyAudit(database, ['--expect-head', head, '--json']);
  expect(JSON.parse(json.stdout)).toMatchObject({ intact: false, events: 2, expectedHead: head, problem: 'head-missing' });

  const bad = await verifyAudit(database, ['--expect-head', 'abc']);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('--expect-head: "abc" is not a head as verify-audit prints it');
});

test("an email step's drafting and gate in one activity: the enrollment shows drafting, the enrichment, draft, score and gate decision are sealed in that order, and a retry decides on the same draft without a second record", async () => {
  const { database, db, cadenceId, deps, enrollmentId, ref, started } = await enrolledInOneStep();
  expect(started.policy).toEqual(defaultPolicy);
  const drafting = draftingActivities(deps);
  const input = { ...ref, cadenceId, templateId: `${cadenceId}-t1`, gateInput: { stepKind: 'email' as const, isFirstTouch: true, account: started.profile.account } };

  const first = await drafting.draftScoreAndGate(input);
  expect(first.policy).toEqual(defaultPolicy);
  expect(first.gate).toMatchObject({ gated: true, rules: [expect.objectContaining({ rule: 'first-touch' })], policyVersion: defaultPolicy.version });
  expect(await db.selectFrom('enrollments').select(['status', 'current_step']).where('id', '=', enrollmentId).executeTakeFirstOrThrow()).toEqual({ status: 'drafting', current_step: 1 });
  const events = () =>
    db.selectFrom('audit_events').select(['action', 'details', 'content_hash']).where('enrollment_id', '=', enrollmentId).where('step', '=', 1).orderBy('seq').execute();
  const written = await events();
  expect(written.map((e) => e.action)).toEqual(['prospect.enriched', 'draft.created', 'draft.scored', 'gate.decided']);
  expect(written[3]).toMatchObject({ content_hash: first.draft.contentHash, details: { draftId: first.draft.draftId, gated: true, policyVersion: defaultPolicy.version } });

  // A retry (the worker died after the write): the same draft, the same decision, nothing recorded twice.
  const again = await drafting.draftScoreAndGate(input);
  expect(again.draft).toEqual(first.draft);
  expect(again.gate).toEqual(first.gate);
  expect((await events()).map((e) => e.action)).toEqual(['prospect.enriched', 'draft.created', 'draft.scored', 'gate.decided']);
  expect(await verifyAudit(database)).toMatchObject({ code: 0 });
});
