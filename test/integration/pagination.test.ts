import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { approvalQueuePage, taskListPage } from '../../db/repositories/pages';
import { eventually, pendingApproval } from '../helpers/harness';
import { createCadence, createProspect, createUser, goodTemplate, type TestUser } from '../helpers/seed';
import { startStack, type Stack } from '../helpers/stack';

// Every list is walked with `limit` and `cursor` to its end: each item once, in order, whatever is inserted
// meanwhile; a cursor that is not one, or belongs to another list, is 400 naming it; and a page deep into
// 100k items is an index range scan, not a sort of the whole table (EXPLAIN).

let stack: Stack;
let admin: TestUser;

beforeAll(async () => {
  stack = await startStack();
  admin = await createUser(stack.database.db, 'admin', 'Ada Admin');
});

afterAll(async () => {
  await stack?.stop();
});

/** Follows nextCursor from the first page to the last: every item, and the pages' sizes. */
async function walk(path: string, token: string, field = 'items', limit = 2) {
  const items: any[] = [];
  const sizes: number[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const res: { status: number; body: any } = await stack.api('GET', `${path}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`, { token });
    expect(res.status).toBe(200);
    items.push(...res.body[field]);
    sizes.push(res.body[field].length);
    cursor = res.body.nextCursor;
  } while (cursor);
  return { items, sizes };
}

async function enrollOne() {
  const cadenceId = await createCadence(stack.database.db, [{ delaySeconds: 0, template: goodTemplate }]);
  const id = randomUUID().slice(0, 8);
  const res = await stack.api('POST', '/v1/enrollments', {
    body: { cadenceId, prospect: { email: `lee.${id}@page-${id}.test`, firstName: 'Lee', title: 'COO' }, account: { name: `Page ${id}`, domain: `page-${id}.test`, industry: 'retail' } },
  });
  expect(res.status).toBe(201);
  return res.body as { enrollmentId: string; prospectId: string };
}

test('the approval queue is walked page by page; items queued meanwhile come at the end and nothing is served twice', async () => {
  const enrolled = [];
  for (let i = 0; i < 5; i++) enrolled.push(await enrollOne());
  for (const e of enrolled) await pendingApproval(stack.database.db, e.enrollmentId, 1);
  // Queue order: oldest request first (each cadence queues its own when its draft is ready).
  const queued = await stack.database.db.selectFrom('approval_requests').select('id').where('owner_id', '=', stack.team.rep.id).where('status', '=', 'pending').orderBy('created_at').orderBy('id').execute();
  const ids = queued.map((r) => r.id);
  expect(ids).toHaveLength(5);

  const first = await stack.api('GET', '/v1/approvals?limit=2');
  expect(first.body.items.map((i: any) => i.id)).toEqual(ids.slice(0, 2));
  expect(first.body.nextCursor).toEqual(expect.any(String));
  // Queued between two pages: served after the five, once.
  const late = await enrollOne();
  const lateId = (await pendingApproval(stack.database.db, late.enrollmentId, 1)).id;
  const rest: string[] = [];
  let cursor = first.body.nextCursor;
  while (cursor) {
    const page = await stack.api('GET', `/v1/approvals?limit=2&cursor=${cursor}`);
    expect(page.status).toBe(200);
    rest.push(...page.body.items.map((i: any) => i.id));
    cursor = page.body.nextCursor;
  }
  expect([...first.body.items.map((i: any) => i.id), ...rest]).toEqual([...ids, lateId]);
  // A manager walks the same queue (their rep's), an admin too.
  expect((await walk('/v1/approvals', stack.team.manager.token)).items.map((i) => i.id)).toEqual([...ids, lateId]);
  expect((await walk('/v1/approvals', admin.token, 'items', 4)).items.map((i) => i.id)).toEqual([...ids, lateId]);
});

test('a pending request keeps its queue item but status and thread; decided, it drops it and the decided list builds the same item', async () => {
  const db = stack.database.db;
  const e = await enrollOne();
  const request = await pendingApproval(db, e.enrollmentId, 1);
  const kept = JSON.parse(request.queue_item!) as Record<string, unknown>;
  expect(kept).not.toHaveProperty('status');
  expect(kept).not.toHaveProperty('thread');
  const pending = (await walk('/v1/approvals', stack.team.rep.token, 'items', 100)).items.find((i) => i.id === request.id);
  expect(pending).toEqual({ ...kept, status: 'pending', thread: [] });

  expect((await stack.api('POST', `/v1/approvals/${request.id}/decision`, { body: { action: 'approve', draftVersion: 1 } })).status).toBe(200);
  // The cadence records the decision (its activity); the request then drops its kept item.
  const decided = await eventually(
    () => db.selectFrom('approval_requests').select(['status', 'queue_item']).where('id', '=', request.id).where('status', '=', 'approved').executeTakeFirst(),
    'the approval recorded',
  );
  expect(decided.queue_item).toBeNull();
  const listed = (await walk('/v1/approvals?status=approved', stack.team.rep.token, 'items', 100)).items.find((i) => i.id === request.id);
  const { status, thread, ...rest } = listed;
  expect(status).toBe('approved');
  expect(Array.isArray(thread)).toBe(true);
  expect(rest).toEqual(kept);
});

test('a cursor that is not one, or from another list or filter, is 400 naming the field', async () => {
  const bad = await stack.api('GET', '/v1/approvals?cursor=bm90LWEtY3Vyc29y');
  expect(bad).toMatchObject({ status: 400, body: { error: 'invalid-request', issues: [{ field: 'query.cursor' }] } });
  await enrollOne();
  await enrollOne();
  const page = await stack.api('GET', '/v1/approvals?limit=1');
  const other = await stack.api('GET', `/v1/approvals?status=approved&cursor=${page.body.nextCursor}`);
  expect(other).toMatchObject({ status: 400, body: { issues: [{ field: 'query.cursor' }] } });
  expect(other.body.message).toContain('approvals:pending');
  const elsewhere = await stack.api('GET', `/v1/tasks?cursor=${page.body.nextCursor}`);
  expect(elsewhere.status).toBe(400);
});

test('tasks, suppressions, cadences, mailboxes and a timeline page the same way, each item once and in order', async () => {
  const { db } = stack.database;
  const { prospectId } = await createProspect(db);
  // Tasks: two share a due time, one has none (last).
  const due = new Date(Date.now() + 86_400_000);
  const taskIds = ['t-a', 't-b', 't-c', 't-d', 't-e'].map((t) => `${t}-${randomUUID().slice(0, 6)}`);
  const dues = [due, due, new Date(due.getTime() + 1000), null, new Date(due.getTime() - 1000)];
  for (const [i, id] of taskIds.entries()) {
    await db.insertInto('tasks').values({ id, key: id, owner_id: stack.team.otherRep.id, prospect_id: prospectId, kind: 'call', title: `Call ${i}`, status: 'open', due_at: dues[i] }).execute();
  }
  const tasks = await walk('/v1/tasks', stack.team.otherRep.token);
  const expectedTasks = [taskIds[4], ...[taskIds[0]!, taskIds[1]!].sort(), taskIds[2], taskIds[3]];
  expect(tasks.items.map((t) => t.id)).toEqual(expectedTasks);
  expect(tasks.sizes).toEqual([2, 2, 1]);

  // Suppressions: the whole list without a value; the lookup with one is unchanged.
  const before = (await walk('/v1/suppressions', admin.token, 'items', 50)).items.length;
  for (let i = 0; i < 5; i++) {
    await db.insertInto('suppressions').values({ id: randomUUID(), kind: 'address', value: `gone${i}-${randomUUID().slice(0, 6)}@page.test`, reason: 'unsubscribed', source: 'test' }).execute();
  }
  const suppressions = await walk('/v1/suppressions', admin.token);
  expect(suppressions.items).toHaveLength(before + 5);
  expect(new Set(suppressions.items.map((s) => s.value)).size).toBe(before + 5);
  expect((await stack.api('GET', '/v1/suppressions?value=nobody@page.test', { token: admin.token })).body).toMatchObject({ value: 'nobody@page.test', suppressed: false, items: [], nextCursor: null });

  const cadences = await walk('/v1/cadences', admin.token);
  const allCadences = await db.selectFrom('cadences').select('id').orderBy('created_at').orderBy('id').execute();
  expect(cadences.items.map((c) => c.id)).toEqual(allCadences.map((c) => c.id));

  for (const name of ['c', 'a', 'e', 'b', 'd']) {
    const res = await stack.api('PUT', `/v1/mailboxes/${name}-${prospectId.slice(0, 6)}@page.test`, { token: admin.token, body: { dailyCap: 50, hourlyCap: 10, minGapSeconds: 60, jitterSeconds: 0, bounceRateLimit: 0.05, complaintRateLimit: 0.003 } });
    expect([res.status, res.body.message ?? '']).toEqual([expect.any(Number), '']);
  }
  const mailboxes = await walk('/v1/mailboxes', admin.token);
  const addresses = mailboxes.items.map((m) => m.address);
  expect(addresses).toEqual([...addresses].sort());
  expect(addresses.filter((a) => a.endsWith(`${prospectId.slice(0, 6)}@page.test`))).toHaveLength(5);

  const { prospectId: told, enrollmentId } = await enrollOne();
  await pendingApproval(db, enrollmentId, 1);
  const whole = (await stack.api('GET', `/v1/prospects/${told}/timeline?limit=200`)).body.events;
  expect(whole.length).toBeGreaterThan(3);
  const timeline = await walk(`/v1/prospects/${told}/timeline`, stack.team.rep.token, 'events');
  expect(timeline.items.map((e) => e.id)).toEqual(whole.map((e: any) => e.id));
  expect(timeline.items.map((e) => e.seq)).toEqual([...timeline.items.map((e) => e.seq)].sort((a, b) => a - b));
});

test('rows that share a timestamp to the microsecond, or differ below the millisecond, are each served once', async () => {
  const { db } = stack.database;
  const owner = await createUser(db, 'rep', 'Tie Rep', stack.team.manager.id);
  const { prospectId } = await createProspect(db);
  for (const [i, at] of ['2026-01-01 10:00:00.123456+00', '2026-01-01 10:00:00.123456+00', '2026-01-01 10:00:00.123457+00', '2026-01-01 10:00:00.123+00', '2026-01-01 10:00:00.124+00'].entries()) {
    await sql`insert into tasks (id, key, owner_id, prospect_id, kind, title, status, due_at) values (${`tie-${i}`}, ${`tie-${randomUUID()}`}, ${owner.id}, ${prospectId}, 'call', 'Call', 'open', ${at}::timestamptz)`.execute(db);
  }
  const served: string[] = [];
  let after: string[] | null = null;
  for (;;) {
    const rows = await taskListPage(db, { status: 'open', scope: { kind: 'owner', userId: owner.id }, after, fetch: 2 }).execute();
    const page = rows.slice(0, 1);
    served.push(...page.map((r) => r.id));
    if (rows.length < 2) break;
    after = [page[0]!.page_at, page[0]!.id];
  }
  expect(served).toEqual(['tie-3', 'tie-0', 'tie-1', 'tie-2', 'tie-4']);
});

test('a page deep into a queue of 100k approvals, and of 100k tasks, is an index range scan with no sort (EXPLAIN)', async () => {
  const { db } = stack.database;
  const owner = await createUser(db, 'rep', 'Busy Rep', stack.team.manager.id);
  const { prospectId } = await createProspect(db);
  const enrollmentId = randomUUID();
  const cadenceId = await createCadence(db, [{ delaySeconds: 0, template: goodTemplate }]);
  await db.insertInto('enrollments').values({ id: enrollmentId, workflow_id: `bulk-${enrollmentId}`, prospect_id: prospectId, cadence_id: cadenceId, owner_id: owner.id, status: 'running' }).execute();
  const draftId = `bulk-draft-${enrollmentId}`;
  await db.insertInto('drafts').values({ id: draftId, enrollment_id: enrollmentId, step: 1, version: 1, author: 'test', subject: 's', body: 'b', content_hash: 'h' }).execute();
  await sql`insert into approval_requests (id, enrollment_id, workflow_id, prospect_id, owner_id, step, draft_id, draft_version, status, gate_rules, policy_version, context, created_at)
    select 'bulk-' || g, ${enrollmentId}, ${`bulk-${enrollmentId}`}, ${prospectId}, ${owner.id}, g, ${draftId}, 1,
      case when g % 10 = 0 then 'approved' else 'pending' end, '[]', 'v1', '{}', now() - make_interval(secs => g)
    from generate_series(1, 100000) g`.execute(db);
  await sql`insert into tasks (id, key, owner_id, prospect_id, kind, title, status, due_at)
    select 'bulk-task-' || g, 'bulk-task-' || g, ${owner.id}, ${prospectId}, 'call', 'Call', case when g % 10 = 0 then 'done' else 'open' end,
      case when g % 7 = 0 then null else now() + make_interval(secs => g) end
    from generate_series(1, 100000) g`.execute(db);
  await sql`analyze approval_requests`.execute(db);
  await sql`analyze tasks`.execute(db);

  // The cursor of a page 80k items in, as a client would hold it.
  const deepApproval = await db.selectFrom('approval_requests').select([sql<string>`to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('at'), 'id']).where('owner_id', '=', owner.id).where('status', '=', 'pending').orderBy('created_at').orderBy('id').offset(80_000).limit(1).executeTakeFirstOrThrow();
  const deepTask = await db.selectFrom('tasks').select([sql<string>`coalesce(to_char(due_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), 'infinity')`.as('at'), 'id']).where('owner_id', '=', owner.id).where('status', '=', 'open').orderBy(sql`coalesce(due_at, 'infinity'::timestamptz)`).orderBy('id').offset(80_000).limit(1).executeTakeFirstOrThrow();

  const plans = {
    'approvals (rep)': approvalQueuePage(db, { status: 'pending', scope: { kind: 'owner', userId: owner.id }, after: [deepApproval.at, deepApproval.id], fetch: 51 }),
    'approvals (admin)': approvalQueuePage(db, { status: 'pending', scope: { kind: 'all' }, after: [deepApproval.at, deepApproval.id], fetch: 51 }),
    'tasks (rep)': taskListPage(db, { status: 'open', scope: { kind: 'owner', userId: owner.id }, after: [deepTask.at, deepTask.id], fetch: 51 }),
    'tasks (admin)': taskListPage(db, { status: 'open', scope: { kind: 'all' }, after: [deepTask.at, deepTask.id], fetch: 51 }),
  };
  for (const [name, query] of Object.entries(plans)) {
    const [{ 'QUERY PLAN': [plan] }] = (await query.explain('json', sql`analyze`)) as any;
    const nodes: any[] = [];
    const collect = (n: any) => {
      nodes.push(n);
      for (const child of n.Plans ?? []) collect(child);
    };
    collect(plan.Plan);
    const scans = nodes.filter((n) => n['Relation Name'] === (name.startsWith('approvals') ? 'approval_requests' : 'tasks'));
    console.log(`${name}: ${scans.map((n) => `${n['Node Type']} on ${n['Index Name'] ?? n['Relation Name']}`).join(', ')}; ${plan['Execution Time']} ms; ${plan.Plan['Actual Rows']} rows`);
    expect([name, scans.map((n) => n['Node Type'])]).toEqual([name, [expect.stringMatching(/^Index (Only )?Scan$/)]]);
    expect([name, scans[0]['Index Name']]).toEqual([name, expect.stringMatching(/_page_idx$/)]);
    expect([name, nodes.filter((n) => n['Node Type'] === 'Sort')]).toEqual([name, []]);
    expect(plan.Plan['Actual Rows']).toBe(51);
  }
});
