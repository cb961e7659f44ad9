import { randomUUID } from 'node:crypto';
import { contentHash } from '../../db/content-hash';
import { eventually } from '../helpers/harness';
import { createUser, goodTemplate, type TestUser } from '../helpers/seed';
import { startStack, type Stack } from '../helpers/stack';

// A manager defines cadences, templates and holidays over HTTP; what is stored is what the workflow runs.
let stack: Stack;
let admin: TestUser;

beforeAll(async () => {
  stack = await startStack();
  admin = await createUser(stack.database.db, 'admin', 'Ada Admin');
});

afterAll(async () => {
  await stack?.stop();
});

const ALL_WEEK = [1, 2, 3, 4, 5, 6, 7];
const variantA = { subject: 'A: an idea for {{company}}', body: goodTemplate.body };
const variantB = { subject: 'B: {{company}} and {{industry}}, a quick idea', body: goodTemplate.body };

/** An email step, a business-day step with a window, a call step and an A/B step. The business-day step
 * waits 0 business days in a window open all week, so the test need not wait for days to pass. */
interface StepBody {
  kind: string;
  delay?: { amount: number; unit: string };
  window?: { days: number[]; start: string; end: string };
  taskSlaMinutes?: number;
  instructions?: string;
  template?: { subject: string; body: string };
  variants?: Array<{ variant: string; template: { subject: string; body: string } }>;
}

function definition(name = 'Outbound, defined over HTTP'): { name: string; steps: StepBody[] } {
  return {
    name,
    steps: [
      { kind: 'email', template: { subject: 'Hello {{company}} from the API', body: goodTemplate.body } },
      {
        kind: 'email',
        delay: { amount: 0, unit: 'business_days' },
        window: { days: ALL_WEEK, start: '00:00', end: '24:00' },
        template: { subject: '{{firstName|Hi}}, following up on {{company}}', body: goodTemplate.body },
      },
      { kind: 'call', taskSlaMinutes: 240, instructions: 'Call about the two emails; ask who owns follow-up.' },
      { kind: 'email', variants: [{ variant: 'B', template: variantB }, { variant: 'A', template: variantA }] },
    ],
  };
}

const newId = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

async function auditEvents(action: string) {
  return stack.database.db.selectFrom('audit_events').selectAll().where('action', '=', action).orderBy('id').execute();
}

test('a cadence defined over HTTP is stored as defined, and the workflow runs exactly that definition', async () => {
  const cadenceId = newId('api-outbound');
  const put = await stack.api('PUT', `/v1/cadences/${cadenceId}`, { token: stack.team.manager.token, body: definition() });
  expect(put.status).toBe(201);
  expect(put.body).toMatchObject({ id: cadenceId, name: 'Outbound, defined over HTTP' });
  const [s1, s2, s3, s4] = put.body.steps;
  expect(s1).toMatchObject({ position: 1, kind: 'email', delay: null, window: null, delaySeconds: 0, timing: null, variants: [] });
  expect(s1.template).toMatchObject({ version: 1, approved: true, subject: 'Hello {{company}} from the API', contentHash: contentHash({ subject: 'Hello {{company}} from the API', body: goodTemplate.body }) });
  expect(s2).toMatchObject({
    position: 2,
    delaySeconds: 0,
    timing: { delay: { amount: 0, unit: 'business_days' }, window: { days: ALL_WEEK, start: '00:00', end: '24:00' } },
    delay: { amount: 0, unit: 'business_days' },
  });
  expect(s3).toMatchObject({ position: 3, kind: 'call', template: null, variants: [], taskSlaMinutes: 240, instructions: 'Call about the two emails; ask who owns follow-up.' });
  expect(s4).toMatchObject({ position: 4, kind: 'email', template: null, delaySeconds: 0, timing: null, delay: null });
  expect(s4.variants.map((v: any) => [v.variant, v.template.subject, v.template.approved])).toEqual([
    ['A', variantA.subject, true],
    ['B', variantB.subject, true],
  ]);

  // The rows the workflow reads.
  const db = stack.database.db;
  const rows = await db.selectFrom('cadence_steps').selectAll().where('cadence_id', '=', cadenceId).orderBy('position').execute();
  expect(rows.map((r) => [r.kind, r.delay_seconds, r.timing === null, r.template_id !== null])).toEqual([
    ['email', 0, true, true],
    ['email', 0, false, true],
    ['call', 0, true, false],
    ['email', 0, true, false],
  ]);
  expect(await db.selectFrom('cadence_step_variants').select(['position', 'variant']).where('cadence_id', '=', cadenceId).orderBy('variant').execute()).toEqual([
    { position: 4, variant: 'A' },
    { position: 4, variant: 'B' },
  ]);

  // Defining is the approval: one template.approved per template, bound to its content by hash; one cadence.defined.
  const approvals = (await auditEvents('template.approved')).filter((e) => (e.details as any).cadenceId === cadenceId);
  expect(approvals).toHaveLength(4);
  for (const e of approvals) expect(e.actor).toBe(`user:${stack.team.manager.id}`);
  expect(approvals.map((e) => e.content_hash).sort()).toEqual(
    [s1.template.contentHash, s2.template.contentHash, s4.variants[0].template.contentHash, s4.variants[1].template.contentHash].sort(),
  );
  expect(approvals.map((e) => e.content_hash)).toContain(contentHash(variantB));
  const defined = (await auditEvents('cadence.defined')).filter((e) => (e.details as any).cadenceId === cadenceId);
  expect(defined).toHaveLength(1);
  expect(defined[0]).toMatchObject({ actor: `user:${stack.team.manager.id}` });

  // GET shows the same definition, to a rep too; the list names it.
  const got = await stack.api('GET', `/v1/cadences/${cadenceId}`);
  expect(got).toMatchObject({ status: 200, body: put.body });
  const list = await stack.api('GET', '/v1/cadences');
  expect(list.status).toBe(200);
  expect(list.body.items).toContainEqual(expect.objectContaining({ id: cadenceId, name: 'Outbound, defined over HTTP', steps: 4 }));

  // The rep enrolls a prospect into it over HTTP.
  const email = 'morgan.blake@tailspin-toys.test';
  const enrolled = await stack.api('POST', '/v1/enrollments', {
    body: {
      cadenceId,
      prospect: { email, firstName: 'Morgan', lastName: 'Blake', title: 'VP Revenue' },
      account: { name: 'Tailspin Toys', domain: 'tailspin-toys.test', industry: 'toys', dealValue: 15_000 },
    },
  });
  expect(enrolled.status).toBe(201);

  // Step 1, a first touch, waits for approval with the subject of the defined template.
  const item = await eventually(async () => (await stack.api('GET', '/v1/approvals')).body.items.find((i: any) => i.prospect.email === email), 'the first touch in the queue');
  expect(item).toMatchObject({ step: 1, draft: { subject: 'Hello Tailspin Toys from the API' }, whyGated: [{ rule: 'first-touch' }] });
  const approved = await stack.api('POST', `/v1/approvals/${item.id}/decision`, { body: { action: 'approve', draftVersion: item.draft.version } });
  expect(approved.status).toBe(200);
  await stack.smtp.waitFor((m) => m.envelopeTo.includes(email) && m.subject === 'Hello Tailspin Toys from the API');

  // Step 2: 0 business days, in a window open all week: confident, not a first touch, so it goes out by itself.
  await stack.smtp.waitFor((m) => m.envelopeTo.includes(email) && m.subject === 'Morgan, following up on Tailspin Toys');

  // Step 3, the call, is a task in the rep's list with the defined instructions and SLA.
  const task = await eventually(
    async () => (await stack.api('GET', '/v1/tasks')).body.items.find((t: any) => t.enrollmentId === enrolled.body.enrollmentId),
    'the call task',
  );
  expect(task).toMatchObject({ kind: 'call', step: 3, status: 'open', notes: 'Call about the two emails; ask who owns follow-up.' });
  const slaMinutes = (new Date(task.slaDueAt).getTime() - new Date(task.dueAt).getTime()) / 60_000;
  expect(slaMinutes).toBeCloseTo(240, 0);

  // Once the call is done, step 4 draws one of the defined variants, and the cadence is finished.
  const done = await stack.api('POST', `/v1/tasks/${task.id}/complete`, { body: { outcome: 'connected' } });
  expect(done.status).toBe(200);
  const subjects = { A: 'A: an idea for Tailspin Toys', B: 'B: Tailspin Toys and toys, a quick idea' };
  const [fourth] = await stack.smtp.waitFor((m) => m.envelopeTo.includes(email) && Object.values(subjects).includes(m.subject ?? ''));
  const draft = await db.selectFrom('drafts').select(['variant', 'template_id']).where('enrollment_id', '=', enrolled.body.enrollmentId).where('step', '=', 4).executeTakeFirstOrThrow();
  expect(fourth!.subject).toBe(subjects[draft.variant as 'A' | 'B']);
  expect(draft.template_id).toBe(s4.variants.find((v: any) => v.variant === draft.variant).template.id);
  await eventually(
    async () => (await db.selectFrom('enrollments').select('ended_at').where('id', '=', enrolled.body.enrollmentId).executeTakeFirst())?.ended_at,
    'the end of the cadence',
  );
  const sent = await db.selectFrom('sends').select(['step', 'subject']).where('prospect_id', '=', enrolled.body.prospectId).orderBy('step').execute();
  expect(sent).toEqual([
    { step: 1, subject: 'Hello Tailspin Toys from the API' },
    { step: 2, subject: 'Morgan, following up on Tailspin Toys' },
    { step: 4, subject: fourth!.subject },
  ]);
});

test('a rep may read definitions but not write them; neither may an integration', async () => {
  const id = newId('rep-try');
  const rep = await stack.api('PUT', `/v1/cadences/${id}`, { body: definition() });
  expect(rep).toMatchObject({ status: 403, body: { error: 'forbidden' } });
  expect((await stack.api('PUT', `/v1/cadences/${id}`, { token: stack.team.integration.token, body: definition() })).status).toBe(403);
  expect((await stack.api('PUT', '/v1/holidays/2031-01-01', { body: { name: 'New Year' } })).status).toBe(403);
  expect((await stack.api('GET', `/v1/cadences/${id}`)).status).toBe(404);
  expect(await stack.database.db.selectFrom('cadences').select('id').where('id', '=', id).executeTakeFirst()).toBeUndefined();
  expect((await stack.api('GET', '/v1/cadences', { token: null })).status).toBe(401);
});

test('a bad definition is 400 naming the step and field, and stores nothing', async () => {
  const id = newId('bad');
  const put = (body: unknown) => stack.api('PUT', `/v1/cadences/${id}`, { token: stack.team.manager.token, body });
  const fields = (res: { body: any }) => res.body.issues.map((i: any) => i.field);
  const steps = definition().steps;

  const endBeforeStart = await put({ name: 'x', steps: [steps[0], { ...steps[1], window: { days: [1, 2, 3, 4, 5], start: '17:00', end: '09:00' } }] });
  expect(endBeforeStart.status).toBe(400);
  expect(fields(endBeforeStart)).toEqual(['body.steps.1.window.end']);
  expect(endBeforeStart.body.message).toContain('body.steps.1.window.end');

  const fractionalDays = await put({ name: 'x', steps: [{ ...steps[0], delay: { amount: 1.5, unit: 'business_days' } }] });
  expect(fractionalDays.status).toBe(400);
  expect(fields(fractionalDays)).toEqual(['body.steps.0.delay.amount']);

  const unbalanced = await put({ name: 'x', steps: [steps[0], { kind: 'email', template: { subject: 'Hi {{firstName', body: goodTemplate.body } }] });
  expect(unbalanced.status).toBe(400);
  expect(fields(unbalanced)).toEqual(['body.steps.1.template.subject']);
  expect(unbalanced.body.message).toContain('unbalanced merge field');
  const strayClose = await put({ name: 'x', steps: [{ kind: 'email', variants: [{ variant: 'A', template: { subject: 'Hi', body: 'Hello firstName}} and {{company}}' } }] }] });
  expect(fields(strayClose)).toEqual(['body.steps.0.variants.0.template.body']);

  const noTemplate = await put({ name: 'x', steps: [{ kind: 'email' }] });
  expect(noTemplate.status).toBe(400);
  expect(fields(noTemplate)).toEqual(['body.steps.0.template']);
  expect(noTemplate.body.message).toContain('needs a template');

  const callWithTemplate = await put({ name: 'x', steps: [{ kind: 'call', template: goodTemplate }] });
  expect(fields(callWithTemplate)).toEqual(['body.steps.0.template']);

  const none = await put({ name: 'x', steps: [] });
  expect(fields(none)).toEqual(['body.steps']);
  const tooMany = await put({ name: 'x', steps: Array.from({ length: 31 }, () => steps[2]) });
  expect(fields(tooMany)).toEqual(['body.steps']);
  const badKind = await put({ name: 'x', steps: [{ kind: 'fax' }] });
  expect(fields(badKind)).toEqual(['body.steps.0.kind']);
  const badId = await stack.api('PUT', '/v1/cadences/no%20spaces', { token: stack.team.manager.token, body: definition() });
  expect(badId.status).toBe(400);
  expect(fields(badId)).toEqual(['params.id']);

  const db = stack.database.db;
  expect(await db.selectFrom('cadences').select('id').where('id', '=', id).executeTakeFirst()).toBeUndefined();
  expect(await db.selectFrom('templates').select('id').where('id', 'like', `${id}%`).execute()).toEqual([]);
});

test('the same definition again is 200 and changes nothing; a different one for the same id is 409', async () => {
  const id = newId('idempotent');
  const withPlainDelay = (name: string, delay: { amount: number; unit: string }) => {
    const d = definition(name);
    d.steps.push({ kind: 'linkedin', delay });
    return d;
  };
  const first = await stack.api('PUT', `/v1/cadences/${id}`, { token: admin.token, body: withPlainDelay('Idempotent', { amount: 90, unit: 'minutes' }) });
  expect(first.status).toBe(201);
  expect(first.body.steps[4]).toMatchObject({ kind: 'linkedin', delaySeconds: 5400, timing: null, delay: { amount: 90, unit: 'minutes' } });
  const eventsBefore = (await stack.database.db.selectFrom('audit_events').select('id').execute()).length;

  // The same content: variants in another order, the window's days unsorted, 1.5 hours for 90 minutes.
  const same = withPlainDelay('Idempotent', { amount: 1.5, unit: 'hours' });
  same.steps[3]!.variants!.reverse();
  same.steps[1]!.window!.days = [7, 6, 5, 4, 3, 2, 1];
  const again = await stack.api('PUT', `/v1/cadences/${id}`, { token: stack.team.manager.token, body: same });
  expect(again).toMatchObject({ status: 200, body: first.body });

  const changed = withPlainDelay('Idempotent', { amount: 90, unit: 'minutes' });
  changed.steps[0]!.template!.subject = 'Hello again {{company}}';
  const conflict = await stack.api('PUT', `/v1/cadences/${id}`, { token: admin.token, body: changed });
  expect(conflict).toMatchObject({ status: 409, body: { error: 'cadence-exists' } });
  expect(conflict.body.differences).toEqual(['steps.0.template.subject']);
  expect(conflict.body.message).toContain('new cadence id');
  const renamed = await stack.api('PUT', `/v1/cadences/${id}`, { token: admin.token, body: withPlainDelay('Renamed', { amount: 90, unit: 'minutes' }) });
  expect(renamed).toMatchObject({ status: 409, body: { error: 'cadence-exists', differences: ['name'] } });

  expect((await stack.database.db.selectFrom('audit_events').select('id').execute()).length).toBe(eventsBefore);
  expect((await stack.api('GET', `/v1/cadences/${id}`)).body).toEqual(first.body);
  expect((await stack.api('GET', '/v1/cadences/no-such-cadence')).status).toBe(404);
});

test('holidays: added, renamed, listed by range and calendar, removed; every change audited', async () => {
  const manager = stack.team.manager;
  const put = (date: string, body: unknown, token = manager.token) => stack.api('PUT', `/v1/holidays/${date}`, { token, body });

  const added = await put('2031-12-25', { name: 'Christmas Day' });
  expect(added).toMatchObject({ status: 201, body: { date: '2031-12-25', name: 'Christmas Day', calendar: 'default' } });
  expect((await put('2031-12-25', { name: 'Christmas Day' })).status).toBe(200);
  expect((await put('2031-12-26', { name: 'Boxing Day', calendar: 'uk' }, admin.token)).status).toBe(201);
  expect((await put('2031-01-01', { name: 'New Year' })).status).toBe(201);
  const renamed = await put('2031-01-01', { name: "New Year's Day" });
  expect(renamed).toMatchObject({ status: 200, body: { name: "New Year's Day" } });

  const all = await stack.api('GET', '/v1/holidays?from=2031-01-01&to=2031-12-31');
  expect(all).toMatchObject({ status: 200 });
  expect(all.body.items).toEqual([
    { date: '2031-01-01', name: "New Year's Day", calendar: 'default' },
    { date: '2031-12-25', name: 'Christmas Day', calendar: 'default' },
    { date: '2031-12-26', name: 'Boxing Day', calendar: 'uk' },
  ]);
  expect((await stack.api('GET', '/v1/holidays?from=2031-12-01&calendar=uk')).body.items).toEqual([{ date: '2031-12-26', name: 'Boxing Day', calendar: 'uk' }]);
  expect((await stack.api('GET', '/v1/holidays?from=2031-02-01&to=2031-11-30')).body.items).toEqual([]);

  expect((await stack.api('DELETE', '/v1/holidays/2031-12-26', { token: manager.token })).status).toBe(404);
  expect((await stack.api('DELETE', '/v1/holidays/2031-12-26?calendar=uk', { token: manager.token })).status).toBe(204);
  expect((await stack.api('DELETE', '/v1/holidays/2031-12-25', { token: stack.team.rep.token })).status).toBe(403);
  expect((await stack.api('GET', '/v1/holidays?from=2031-12-01')).body.items).toEqual([{ date: '2031-12-25', name: 'Christmas Day', calendar: 'default' }]);

  const events = async (action: string) =>
    (await auditEvents(action)).map((e) => ({ actor: e.actor, ...(e.details as Record<string, unknown>) }));
  expect(await events('holiday.added')).toEqual([
    { actor: `user:${manager.id}`, calendar: 'default', date: '2031-12-25', name: 'Christmas Day' },
    { actor: `user:${admin.id}`, calendar: 'uk', date: '2031-12-26', name: 'Boxing Day' },
    { actor: `user:${manager.id}`, calendar: 'default', date: '2031-01-01', name: 'New Year' },
  ]);
  expect(await events('holiday.renamed')).toEqual([{ actor: `user:${manager.id}`, calendar: 'default', date: '2031-01-01', name: "New Year's Day", previousName: 'New Year' }]);
  expect(await events('holiday.removed')).toEqual([{ actor: `user:${manager.id}`, calendar: 'uk', date: '2031-12-26', name: 'Boxing Day' }]);

  // A bad date names params.date; a bad range names query.to.
  for (const bad of ['25-12-2031', '2031-02-30', 'christmas']) {
    const res = await put(bad, { name: 'Nope' });
    expect(res.status).toBe(400);
    expect(res.body.issues.map((i: any) => i.field)).toEqual(['params.date']);
    expect(res.body.message).toContain('params.date');
  }
  expect((await stack.api('DELETE', '/v1/holidays/2031-13-01', { token: manager.token })).body.issues[0].field).toBe('params.date');
  const backwards = await stack.api('GET', '/v1/holidays?from=2031-12-31&to=2031-01-01');
  expect(backwards.status).toBe(400);
  expect(backwards.body.message).toContain('query.to');
  expect((await put('2031-05-01', {})).body.issues.map((i: any) => i.field)).toEqual(['body.name']);
});
