import { unsubscribeFooter } from '../../activities/sending';
import type { Db } from '../../db/connect';
import type { CaptureSmtpServer, CapturedMessage } from '../../scripts/capture-smtp';
import type { cadenceWorkflow } from '../../workflows/cadence';
import { decideUpdate, stateQuery, type CadenceResult, type DecisionInput } from '../../workflows/definitions';
import { defaultPolicy, newEnrollment, pendingApproval } from '../helpers/harness';
import { createCadence, createProspect, goodTemplate, weakTemplate, type Team } from '../helpers/seed';
import { startTimeSkippingStack, type TimeSkippingStack } from '../helpers/time-skipping';

// Every branch of the approval gate, on the time-skipping server: reminder, escalation and expiry
// take their production durations (4h, 20h, 48h) and are skipped through, not waited out.
let stack: TimeSkippingStack;
let db: Db;
let smtp: CaptureSmtpServer;
let team: Team;
let taskQueue: string;

beforeAll(async () => {
  stack = await startTimeSkippingStack();
  ({ db, smtp, team } = stack);
  taskQueue = await stack.addWorker();
});

afterAll(async () => {
  await stack?.stop();
});

async function enroll(steps: Parameters<typeof createCadence>[1], prospect: Parameters<typeof createProspect>[1] = {}) {
  const cadenceId = await createCadence(db, steps);
  const { prospectId, email } = await createProspect(db, prospect);
  const input = newEnrollment(prospectId, cadenceId, team.rep.id);
  const handle = await stack.env.client.workflow.start<typeof cadenceWorkflow>('cadenceWorkflow', {
    taskQueue,
    workflowId: `gate-test-${input.enrollmentId}`,
    args: [input],
  });
  return { handle, input, email };
}

function decide(approvalId: string, action: DecisionInput['action'], extra: Partial<DecisionInput> = {}): DecisionInput {
  return { approvalId, draftVersion: 1, actorId: team.rep.id, action, decidedAt: new Date().toISOString(), ...extra };
}

const sentTo = (email: string) => smtp.messages.filter((m) => m.envelopeTo.includes(email));

/** A message's text is the approved text, then the unsubscribe footer the sender adds at send time (with the message's own link). */
const withFooter = (m: CapturedMessage, approved: string) => `${approved}\n\n${unsubscribeFooter(m.headers['list-unsubscribe']!.slice(1, -1))}`;

test('an approved first touch sends exactly the approved draft, once', async () => {
  const { handle, input, email } = await enroll([{ delaySeconds: 0, template: goodTemplate }]);
  const approval = await pendingApproval(db, input.enrollmentId, 1);
  expect(approval.gate_rules.map((r) => r.rule)).toEqual(['first-touch']);
  expect(sentTo(email)).toHaveLength(0);

  await handle.executeUpdate(decideUpdate, { args: [decide(approval.id, 'approve')] });
  const result: CadenceResult = await handle.result();

  expect(result.status).toBe('completed');
  const [message, ...more] = sentTo(email);
  expect(more).toHaveLength(0);
  const draft = (approval.context as any).draft;
  expect(message!.subject).toBe(draft.subject);
  expect(message!.text).toBe(withFooter(message!, draft.body));
  expect(message!.messageId).toBe(`<${input.enrollmentId}.step-1.v1@cadence.test>`);
  const decision = await db.selectFrom('approval_decisions').selectAll().where('approval_request_id', '=', approval.id).executeTakeFirstOrThrow();
  expect(decision).toMatchObject({ action: 'approve', actor_id: team.rep.id, content_hash: draft.contentHash });
});

test('an edited draft sends exactly the edited text as draft version 2', async () => {
  const { handle, input, email } = await enroll([{ delaySeconds: 0, template: goodTemplate }]);
  const approval = await pendingApproval(db, input.enrollmentId, 1);
  const edited = { subject: 'Pat, a thought on logistics follow-up', body: 'Hi Pat,\n\nRewritten by Dana with care.\n\nDana' };
  await handle.executeUpdate(decideUpdate, { args: [decide(approval.id, 'edit', edited)] });
  await handle.result();

  const messages = sentTo(email);
  expect(messages).toHaveLength(1);
  expect(messages[0]!.subject).toBe(edited.subject);
  expect(messages[0]!.text).toBe(withFooter(messages[0]!, edited.body));
  expect(messages[0]!.messageId).toBe(`<${input.enrollmentId}.step-1.v2@cadence.test>`);
  const drafts = await db.selectFrom('drafts').select(['version', 'author', 'body']).where('enrollment_id', '=', input.enrollmentId).orderBy('version').execute();
  expect(drafts.map((d) => [d.version, d.author])).toEqual([
    [1, 'component:drafter:builtin'],
    [2, `user:${team.rep.id}`],
  ]);
});

test('a rejected step is skipped and the next first touch is gated again; reject with end-cadence ends it', async () => {
  const { handle, input, email } = await enroll([
    { delaySeconds: 0, template: goodTemplate },
    { delaySeconds: 3600, template: goodTemplate },
  ]);
  const first = await pendingApproval(db, input.enrollmentId, 1);
  await handle.executeUpdate(decideUpdate, { args: [decide(first.id, 'reject', { rejectMode: 'skip-step', reason: 'wrong angle' })] });
  // Nothing was sent, so step 2 is still a first touch and must be gated.
  await stack.env.sleep('2 hours');
  const second = await pendingApproval(db, input.enrollmentId, 2);
  expect(second.gate_rules.map((r) => r.rule)).toContain('first-touch');
  await handle.executeUpdate(decideUpdate, { args: [decide(second.id, 'reject', { rejectMode: 'end-cadence' })] });
  const result = await handle.result();

  expect(result.status).toBe('ended-by-rep');
  expect(result.steps.map((s) => s.status)).toEqual(['rejected', 'rejected']);
  expect(sentTo(email)).toHaveLength(0);
});

test('an undecided gate reminds the owner, escalates to the manager, then expires; nothing is sent', async () => {
  const { handle, input, email } = await enroll([{ delaySeconds: 0, template: goodTemplate }]);
  const approval = await pendingApproval(db, input.enrollmentId, 1);
  const result = await handle.result(); // time skips through 4h + 20h + 48h

  expect(result.steps[0]!.status).toBe('expired');
  expect(sentTo(email)).toHaveLength(0);
  const notes = await db.selectFrom('notifications').select(['kind', 'user_id']).where('approval_request_id', '=', approval.id).orderBy('created_at').execute();
  expect(notes).toEqual(
    expect.arrayContaining([
      { kind: 'approval.reminded', user_id: team.rep.id },
      { kind: 'approval.escalated', user_id: team.manager.id },
      { kind: 'approval.expired', user_id: team.rep.id },
      { kind: 'approval.expired', user_id: team.manager.id },
    ]),
  );
  // Each stage fired at its own duration after the previous one, on the workflow's clock.
  const audit = await db.selectFrom('audit_events').select(['action', 'details']).where('enrollment_id', '=', input.enrollmentId).execute();
  const due = (action: string) => new Date(audit.find((e) => e.action === action)!.details.dueAt as string).getTime();
  expect(due('approval.escalated') - due('approval.reminded')).toBe(defaultPolicy.approvalEscalateAfterMs);
  expect(due('approval.expired') - due('approval.escalated')).toBe(defaultPolicy.approvalExpireAfterMs);
  const state = await handle.query(stateQuery);
  expect(state.steps[0]).toMatchObject({ status: 'expired', approvalId: approval.id });
  const row = await db.selectFrom('approval_requests').select('status').where('id', '=', approval.id).executeTakeFirstOrThrow();
  expect(row.status).toBe('expired');
});

test('a confident follow-up is sent automatically, but a below-threshold one waits for a human', async () => {
  const { handle, input, email } = await enroll([
    { delaySeconds: 0, template: goodTemplate },
    { delaySeconds: 2 * 86_400, template: goodTemplate },
    { delaySeconds: 2 * 86_400, template: weakTemplate },
  ]);
  const first = await pendingApproval(db, input.enrollmentId, 1);
  await handle.executeUpdate(decideUpdate, { args: [decide(first.id, 'approve')] });
  await stack.env.sleep('3 days');
  await smtp.waitFor((m) => m.envelopeTo.includes(email), 2);
  expect(await db.selectFrom('approval_requests').select('id').where('enrollment_id', '=', input.enrollmentId).where('step', '=', 2).executeTakeFirst()).toBeUndefined();

  await stack.env.sleep('3 days');
  const third = await pendingApproval(db, input.enrollmentId, 3);
  expect(third.gate_rules.map((r) => r.rule)).toEqual(['low-confidence']);
  expect((third.context as any).confidence).toBeLessThan(0.85);
  expect(sentTo(email)).toHaveLength(2);
  await handle.executeUpdate(decideUpdate, { args: [decide(third.id, 'approve')] });
  const result = await handle.result();
  expect(result.steps.map((s) => [s.status, s.gate?.gated])).toEqual([
    ['sent', true],
    ['sent', false],
    ['sent', true],
  ]);
  const messages = sentTo(email);
  expect(messages).toHaveLength(3);
  // Follow-ups thread under the first touch.
  expect(messages[1]!.headers['in-reply-to']).toBe(messages[0]!.messageId);
});

test('a high-value or strategic account gates even a confident follow-up', async () => {
  for (const account of [{ dealValue: 250_000 }, { tier: 'strategic' }]) {
    const { handle, input, email } = await enroll(
      [
        { delaySeconds: 0, template: goodTemplate },
        { delaySeconds: 60, template: goodTemplate },
      ],
      account,
    );
    const first = await pendingApproval(db, input.enrollmentId, 1);
    await handle.executeUpdate(decideUpdate, { args: [decide(first.id, 'approve')] });
    await stack.env.sleep('2 minutes');
    const second = await pendingApproval(db, input.enrollmentId, 2);
    expect(second.gate_rules.map((r) => r.rule)).toEqual([account.dealValue ? 'high-value-account' : 'strategic-account']);
    expect(sentTo(email)).toHaveLength(1);
    await handle.terminate('test done');
  }
});

test('a first touch is never sent without approval, even at full confidence', async () => {
  const { handle, input, email } = await enroll([{ delaySeconds: 0, template: goodTemplate }]);
  const approval = await pendingApproval(db, input.enrollmentId, 1);
  expect((approval.context as any).confidence).toBeGreaterThanOrEqual(0.85);
  await stack.env.sleep('71 hours'); // just short of expiry
  expect(sentTo(email)).toHaveLength(0);
  const state = await handle.query(stateQuery);
  expect(state).toMatchObject({ status: 'awaiting-approval', awaitingApproval: { stage: 'escalated' } });
  await handle.terminate('test done');
});
