import { randomUUID } from 'node:crypto';
import { assignVariant } from '../../activities/drafting';
import type { Triage } from '../../activities/triage';
import { acceptInboundReply } from '../../api/use-cases/accept-reply';
import type { Db } from '../../db/connect';
import type { CaptureSmtpServer } from '../../scripts/capture-smtp';
import { nextTouchAt, type StepTiming } from '../../workflows/business-time';
import type { cadenceWorkflow } from '../../workflows/cadence';
import { controlUpdate, decideUpdate, stateQuery, taskUpdate, type CadenceInput } from '../../workflows/definitions';
import { eventually, newEnrollment, pendingApproval, replyFrom, testReplyOptions } from '../helpers/harness';
import { createCadence, createProspect, goodTemplate, weakTemplate, type ProspectSpec, type StepSpec, type Team } from '../helpers/seed';
import { startTimeSkippingStack, type TimeSkippingStack } from '../helpers/time-skipping';

// How cadences behave the way sales teams expect: step kinds, business time, variants, pauses,
// out-of-office, SLAs and long-cadence hygiene. On the time-skipping server, with real PostgreSQL and SMTP.
let stack: TimeSkippingStack;
let db: Db;
let smtp: CaptureSmtpServer;
let team: Team;
let taskQueue: string;

// Each test gets its own time-skipping server: a test that skips days must not move another test's clock.
beforeEach(async () => {
  stack = await startTimeSkippingStack();
  ({ db, smtp, team } = stack);
  taskQueue = await stack.addWorker();
});

afterEach(async () => {
  await stack?.stop();
});

async function enroll(steps: StepSpec[], prospect: ProspectSpec = {}, extra: Partial<CadenceInput> = {}) {
  const cadenceId = await createCadence(db, steps);
  const { prospectId, email } = await createProspect(db, prospect);
  const input = { ...newEnrollment(prospectId, cadenceId, team.rep.id), ...extra };
  const handle = await stack.env.client.workflow.start<typeof cadenceWorkflow>('cadenceWorkflow', {
    taskQueue,
    workflowId: `cadence-${prospectId}`,
    args: [input],
  });
  return { handle, input, email, cadenceId, prospectId };
}

const approve = async (handle: Awaited<ReturnType<typeof enroll>>['handle'], approvalId: string) =>
  handle.executeUpdate(decideUpdate, {
    args: [{ approvalId, draftVersion: 1, actorId: team.rep.id, action: 'approve', decidedAt: new Date().toISOString() }],
  });

const openTask = (enrollmentId: string, kind: string) =>
  eventually(
    () => db.selectFrom('tasks').selectAll().where('enrollment_id', '=', enrollmentId).where('kind', '=', kind).where('status', '=', 'open').executeTakeFirst(),
    `an open ${kind} task`,
  );

const sentTo = (email: string) => smtp.messages.filter((m) => m.envelopeTo.includes(email));

describe('step kinds', () => {
  test('a call step becomes a task for the owner; the cadence waits for it and moves on when it is completed', async () => {
    const { handle, input, email } = await enroll([{ template: goodTemplate }, { kind: 'call' }, { template: goodTemplate, delaySeconds: 60 }]);
    await approve(handle, (await pendingApproval(db, input.enrollmentId, 1)).id);
    const task = await openTask(input.enrollmentId, 'call');
    expect(task).toMatchObject({ owner_id: team.rep.id, step: 2 });
    expect(task.sla_due_at).not.toBeNull();
    expect(await handle.query(stateQuery)).toMatchObject({ status: 'awaiting-task', awaitingTask: { taskId: task.id, kind: 'call' } });

    await handle.executeUpdate(taskUpdate, { args: [{ taskId: task.id, action: 'complete', actorId: team.rep.id, outcome: 'connected', at: new Date().toISOString() }] });
    const result = await handle.result();
    expect(result.steps.map((s) => [s.kind, s.status])).toEqual([
      ['email', 'sent'],
      ['call', 'done'],
      ['email', 'sent'],
    ]);
    expect(result.steps[1]!.outcome).toBe('connected');
    expect(sentTo(email)).toHaveLength(2);
    const row = await db.selectFrom('tasks').select(['status', 'completed_by', 'outcome']).where('id', '=', task.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'done', completed_by: team.rep.id, outcome: 'connected' });
  });

  test('a LinkedIn task not done within its SLA escalates to the manager, then expires and the cadence moves on', async () => {
    const { handle, input } = await enroll([{ kind: 'linkedin', taskSlaMinutes: 120 }, { kind: 'call', taskSlaMinutes: 120 }]);
    const linkedin = await openTask(input.enrollmentId, 'linkedin');
    const result = await handle.result(); // time skips through both SLAs and expiries

    expect(result.steps.map((s) => s.status)).toEqual(['expired', 'expired']);
    const notes = await db.selectFrom('notifications').select(['kind', 'user_id']).where('key', 'like', `task:${linkedin.id}:%`).orderBy('created_at').execute();
    expect(notes).toEqual([
      { kind: 'task.escalated', user_id: team.manager.id },
      { kind: 'task.expired', user_id: team.manager.id },
    ]);
    const row = await db.selectFrom('tasks').select(['status', 'escalated_at']).where('id', '=', linkedin.id).executeTakeFirstOrThrow();
    expect(row.status).toBe('expired');
    expect(row.escalated_at).not.toBeNull();
  });

  test('a meeting step is completed only with the meeting time the rep confirmed; nothing is booked by the machine', async () => {
    const { handle, input, email } = await enroll([{ kind: 'meeting' }]);
    const task = await openTask(input.enrollmentId, 'meeting');
    await expect(
      handle.executeUpdate(taskUpdate, { args: [{ taskId: task.id, action: 'complete', actorId: team.rep.id, at: new Date().toISOString() }] }),
    ).rejects.toThrow();
    const meetingAt = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 + 7 * 86_400_000).toISOString();
    await handle.executeUpdate(taskUpdate, { args: [{ taskId: task.id, action: 'complete', actorId: team.rep.id, meetingAt, at: new Date().toISOString() }] });
    const result = await handle.result();
    expect(result.steps[0]).toMatchObject({ kind: 'meeting', status: 'done', outcome: `meeting confirmed for ${meetingAt}` });
    expect(sentTo(email)).toHaveLength(0);
    const audit = await db.selectFrom('audit_events').select(['action', 'actor', 'details']).where('enrollment_id', '=', input.enrollmentId).where('action', '=', 'meeting.confirmed').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor: `user:${team.rep.id}`, details: { meetingAt } });
  });

  test('a manual email step always goes to a rep, even after the first touch and at full confidence', async () => {
    const { handle, input } = await enroll([{ template: goodTemplate }, { kind: 'manual_email', template: goodTemplate }]);
    await approve(handle, (await pendingApproval(db, input.enrollmentId, 1)).id);
    const second = await pendingApproval(db, input.enrollmentId, 2);
    expect(second.gate_rules.map((r) => r.rule)).toEqual(['manual-step']);
    expect((second.context as { confidence: number }).confidence).toBe(1);
    await handle.terminate('test done');
  });
});

test('A/B variants are assigned per prospect from approved templates only, stably, and recorded', async () => {
  const variants = [
    { variant: 'A', template: goodTemplate },
    { variant: 'B', template: { ...goodTemplate, subject: 'B: {{company}} and {{industry}}, a quick idea' } },
    { variant: 'C', template: { ...weakTemplate, subject: 'C: unapproved' }, approved: false },
  ];
  const cadenceId = await createCadence(db, [{ template: goodTemplate, variants }]);
  const seen = new Set<string>();
  for (let i = 0; i < 8; i++) {
    const { prospectId } = await createProspect(db);
    const input = newEnrollment(prospectId, cadenceId, team.rep.id);
    const handle = await stack.env.client.workflow.start<typeof cadenceWorkflow>('cadenceWorkflow', { taskQueue, workflowId: `cadence-${prospectId}`, args: [input] });
    const approval = await pendingApproval(db, input.enrollmentId, 1);
    const draft = await db.selectFrom('drafts').select(['variant', 'template_id', 'subject']).where('id', '=', (approval.context as { draft: { draftId: string } }).draft.draftId).executeTakeFirstOrThrow();
    const expected = assignVariant(prospectId, cadenceId, 1, [{ variant: 'A' }, { variant: 'B' }])!.variant;
    expect(draft.variant).toBe(expected);
    expect(draft.template_id).toBe(`${cadenceId}-t1-${expected}`);
    seen.add(draft.variant!);
    const audit = await db.selectFrom('audit_events').select('details').where('enrollment_id', '=', input.enrollmentId).where('action', '=', 'draft.created').executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ variant: { assigned: expected, among: ['A', 'B'] } });
    await handle.terminate('test done');
  }
  expect([...seen].every((v) => v === 'A' || v === 'B')).toBe(true);
});

test('a business-day step waits for the send window in the prospect time zone, skipping weekends and holidays', async () => {
  const timing: StepTiming = { delay: { amount: 1, unit: 'business_days' }, window: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' } };
  const timeZone = 'America/New_York';
  // Make the next business day a holiday, so the touch must skip it too.
  const now = new Date(await stack.env.currentTimeMs());
  const naive = nextTouchAt(now, timing, { timeZone, holidays: [] });
  const holiday = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(naive);
  await db.insertInto('holidays').values({ date: holiday, name: 'Test holiday' }).onConflict((oc) => oc.doNothing()).execute();

  const { handle, input, email } = await enroll([{ template: goodTemplate }, { template: goodTemplate, timing }], { timezone: timeZone });
  await approve(handle, (await pendingApproval(db, input.enrollmentId, 1)).id);
  const waiting = await eventually(async () => {
    const state = await handle.query(stateQuery);
    return state.status === 'waiting' ? state : null;
  }, 'the wait before step 2');
  expect(waiting.timeZone).toBe(timeZone);
  const touch = new Date(waiting.nextTouchAt!);
  const local = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(touch);
  const part = (t: string) => local.find((p) => p.type === t)!.value;
  expect(['Mon', 'Tue', 'Wed', 'Thu', 'Fri']).toContain(part('weekday'));
  expect(Number(part('hour'))).toBeGreaterThanOrEqual(9);
  expect(Number(part('hour'))).toBeLessThan(17);
  expect(`${part('year')}-${part('month')}-${part('day')}`).not.toBe(holiday);
  expect(touch.getTime()).toBeGreaterThan(naive.getTime());

  // A minute before its moment, step 2 has not gone out; then it does.
  await stack.env.sleep(touch.getTime() - (await stack.env.currentTimeMs()) - 60_000);
  expect(sentTo(email)).toHaveLength(1);
  const result = await handle.result();
  expect(result.steps.map((s) => s.status)).toEqual(['sent', 'sent']);
  expect(sentTo(email)).toHaveLength(2);
});

test('a rep pause holds the next touch until the rep resumes it', async () => {
  const { handle, input, email } = await enroll([{ template: goodTemplate }, { template: goodTemplate, delaySeconds: 3600 }]);
  await approve(handle, (await pendingApproval(db, input.enrollmentId, 1)).id);
  await smtp.waitFor((m) => m.envelopeTo.includes(email));
  await handle.executeUpdate(controlUpdate, { args: [{ action: 'pause', actorId: team.rep.id, reason: 'customer asked for a week', at: new Date().toISOString() }] });
  await stack.env.sleep('3 hours');
  expect(await handle.query(stateQuery)).toMatchObject({ status: 'paused', pauses: [{ kind: 'rep-pause', reason: 'customer asked for a week' }] });
  expect(sentTo(email)).toHaveLength(1);

  await handle.executeUpdate(controlUpdate, { args: [{ action: 'resume', actorId: team.rep.id, at: new Date().toISOString() }] });
  const result = await handle.result();
  expect(result.steps.map((s) => s.status)).toEqual(['sent', 'sent']);
  expect(sentTo(email)).toHaveLength(2);
});

test('an out-of-office pauses the cadence until the return date; no step goes out while the prospect is away', async () => {
  const { handle, input, email, prospectId } = await enroll([{ template: goodTemplate }, { template: goodTemplate, delaySeconds: 3600 }]);
  await approve(handle, (await pendingApproval(db, input.enrollmentId, 1)).id);
  const [first] = await smtp.waitFor((m) => m.envelopeTo.includes(email));
  const now = await stack.env.currentTimeMs();
  const returnDate = new Date(now + 5 * 86_400_000).toISOString().slice(0, 10);
  const triage: Triage = {
    intent: 'out_of_office',
    sentiment: 'neutral',
    escalate: false,
    returnDate,
    confidence: 0.95,
    reasons: ['Auto-Submitted: auto-replied'],
    message: { messageId: null, from: email, to: [], subject: 'Abwesenheitsnotiz', date: null, inReplyTo: first!.messageId, references: [] },
    newText: `Ich bin bis zum ${returnDate} nicht im Büro.`,
    bouncedRecipients: [],
    bouncedMessageId: null,
  };
  const recorded = await acceptInboundReply(
    db,
    stack.env.client,
    { messageId: `<ooo-${randomUUID()}@acme.test>`, from: email, text: triage.newText, inReplyTo: first!.messageId!, receivedAt: new Date(now), triage },
    testReplyOptions,
  );
  expect(recorded.effect).toBe('away');
  const hold = await db.selectFrom('enrollment_holds').selectAll().where('enrollment_id', '=', input.enrollmentId).executeTakeFirstOrThrow();
  expect(hold).toMatchObject({ kind: 'out-of-office', released_at: null });
  expect(hold.until!.toISOString().slice(0, 10)).toBe(returnDate);

  await stack.env.sleep('2 days');
  expect(await handle.query(stateQuery)).toMatchObject({ status: 'paused', pauses: [{ kind: 'out-of-office' }] });
  expect(sentTo(email)).toHaveLength(1);

  await stack.env.sleep('2 days');
  expect(sentTo(email)).toHaveLength(1); // four days away, one to go

  const result = await handle.result(); // the pause ends by itself on the return date
  expect(result.steps.map((s) => s.status)).toEqual(['sent', 'sent']);
  expect(await stack.env.currentTimeMs()).toBeGreaterThanOrEqual(new Date(`${returnDate}T00:00:00Z`).getTime());
  expect(sentTo(email)).toHaveLength(2);
  expect(prospectId).toBeTruthy();
});

test('a reply the owner does not handle within its SLA is escalated to the manager', async () => {
  const { handle, input, email } = await enroll([{ template: goodTemplate }, { template: goodTemplate, delaySeconds: 86_400 }]);
  await approve(handle, (await pendingApproval(db, input.enrollmentId, 1)).id);
  await smtp.waitFor((m) => m.envelopeTo.includes(email));
  // The time-skipping server cannot take a cancellation racing an activity's completion: reply once the send is done.
  await eventually(async () => (await handle.query(stateQuery)).status === 'waiting', 'the wait before step 2');
  await replyFrom(db, stack.env.client, email);
  const task = await openTask(input.enrollmentId, 'reply');
  await stack.env.sleep('5 hours'); // past the 4-hour reply SLA

  const escalation = await eventually(
    () => db.selectFrom('notifications').select(['kind', 'user_id']).where('key', '=', `task:${task.id}:escalation`).executeTakeFirst(),
    'the SLA escalation',
  );
  expect(escalation).toEqual({ kind: 'task.escalated', user_id: team.manager.id });
  expect(await handle.query(stateQuery)).toMatchObject({ status: 'replied', awaitingTask: { taskId: task.id, escalated: true } });

  await handle.executeUpdate(taskUpdate, { args: [{ taskId: task.id, action: 'complete', actorId: team.rep.id, outcome: 'answered', at: new Date().toISOString() }] });
  const result = await handle.result();
  expect(result.status).toBe('replied');
  expect(sentTo(email)).toHaveLength(1);
});

test('a long cadence continues as new with its state carried over, and a reply after that is not lost', async () => {
  const steps: StepSpec[] = [{ template: goodTemplate }, ...[1, 2, 3].map(() => ({ template: goodTemplate, delaySeconds: 3600 }))];
  const { handle, input, email } = await enroll(steps, {}, { historyLimit: 30 });
  await approve(handle, (await pendingApproval(db, input.enrollmentId, 1)).id);
  await stack.env.sleep('90 minutes');
  const continued = await eventually(async () => {
    const state = await handle.query(stateQuery);
    return state.runs >= 2 && state.status === 'waiting' ? state : null;
  }, 'a continued run waiting for its next step');
  expect(continued.steps[0]).toMatchObject({ status: 'sent' });
  expect(continued.steps.filter((s) => s.status === 'sent').length).toBeGreaterThanOrEqual(2);
  const sentBefore = sentTo(email).length;

  await replyFrom(db, stack.env.client, email);
  const task = await openTask(input.enrollmentId, 'reply');
  await handle.executeUpdate(taskUpdate, { args: [{ taskId: task.id, action: 'complete', actorId: team.rep.id, at: new Date().toISOString() }] });
  const result = await handle.result();
  expect(result.status).toBe('replied');
  expect(sentTo(email)).toHaveLength(sentBefore);
  const description = await handle.describe();
  expect(description.runId).not.toBe(handle.firstExecutionRunId);
});
