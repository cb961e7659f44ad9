import { randomUUID } from 'node:crypto';
import { eventually, pendingApproval } from '../helpers/harness';
import { createCadence, createUser, goodTemplate, type StepSpec, type TestUser } from '../helpers/seed';
import { startStack, type Stack } from '../helpers/stack';

// Honest answers under races: callers fire the same request at once (a rep double-clicks while their manager
// decides from another screen, an integration retries). Exactly one answer says it acted; the others say they
// did not (`duplicate: true`, naming who did and when), or 409 when they asked for something else.

let stack: Stack;
let admin: TestUser;

beforeAll(async () => {
  stack = await startStack();
  admin = await createUser(stack.database.db, 'admin', 'Ada Admin');
});

afterAll(async () => {
  await stack?.stop();
});

async function enrollOne(steps: StepSpec[] = [{ delaySeconds: 0, template: goodTemplate }]) {
  const cadenceId = await createCadence(stack.database.db, steps);
  const id = randomUUID().slice(0, 8);
  const email = `kim.${id}@race-${id}.test`;
  const enrolled = await stack.api('POST', '/v1/enrollments', {
    body: { cadenceId, prospect: { email, firstName: 'Kim', title: 'Head of Ops' }, account: { name: `Race ${id}`, domain: `race-${id}.test`, industry: 'logistics' } },
  });
  expect(enrolled.status).toBe(201);
  return { ...(enrolled.body as { enrollmentId: string; prospectId: string; workflowId: string }), email };
}

test('eight identical approvals at once (the owner and an admin, four each): one decided, seven told duplicate with who decided; one decision, one email', async () => {
  const { enrollmentId, workflowId, email } = await enrollOne();
  const approval = await pendingApproval(stack.database.db, enrollmentId, 1);
  const callers = [stack.team.rep, admin, stack.team.rep, admin, stack.team.rep, admin, stack.team.rep, admin];
  const answers = await Promise.all(
    callers.map((caller) => stack.api('POST', `/v1/approvals/${approval.id}/decision`, { token: caller.token, body: { action: 'approve', draftVersion: 1 } })),
  );
  expect(answers.map((a) => [a.status, a.body.message ?? ''])).toEqual(callers.map(() => [200, '']));
  const decided = answers.filter((a) => a.body.duplicate === false);
  expect(decided).toHaveLength(1);
  const { decidedBy, decidedAt } = decided[0]!.body;
  expect([stack.team.rep.id, admin.id]).toContain(decidedBy);
  for (const a of answers) expect(a.body).toMatchObject({ approvalId: approval.id, action: 'approve', decidedBy, decidedAt });

  const decisions = await eventually(async () => {
    const rows = await stack.database.db.selectFrom('approval_decisions').selectAll().where('approval_request_id', '=', approval.id).execute();
    return rows.length > 0 ? rows : null;
  }, 'the decision to be recorded');
  expect(decisions).toHaveLength(1);
  expect(decisions[0]!.actor_id).toBe(decidedBy);
  await stack.client.workflow.getHandle(workflowId).result();
  expect(stack.smtp.messages.filter((m) => m.envelopeTo.includes(email))).toHaveLength(1);

  // Asked again once it has settled: still a duplicate, with the same decider.
  const later = await stack.api('POST', `/v1/approvals/${approval.id}/decision`, { token: admin.token, body: { action: 'approve', draftVersion: 1 } });
  expect(later).toMatchObject({ status: 200, body: { duplicate: true, decidedBy, decidedAt } });
});

test('a different decision racing an approval: exactly one stands; the other is 409 naming it', async () => {
  const { enrollmentId } = await enrollOne();
  const approval = await pendingApproval(stack.database.db, enrollmentId, 1);
  const [approve, reject] = await Promise.all([
    stack.api('POST', `/v1/approvals/${approval.id}/decision`, { token: stack.team.rep.token, body: { action: 'approve', draftVersion: 1 } }),
    stack.api('POST', `/v1/approvals/${approval.id}/decision`, { token: stack.team.manager.token, body: { action: 'reject', draftVersion: 1, reason: 'not now' } }),
  ]);
  const statuses = [approve.status, reject.status].sort();
  expect(statuses).toEqual([200, 409]);
  const [won, lost] = approve.status === 200 ? [approve, reject] : [reject, approve];
  expect(won.body.duplicate).toBe(false);
  expect(lost.body).toMatchObject({ error: 'not-pending', decidedBy: won.body.decidedBy, decidedAt: won.body.decidedAt, decision: won.body.action });
});

test('a call task completed from two screens at once: one completed it, the other is told who did; skipping it then is 409 naming that', async () => {
  const { enrollmentId } = await enrollOne([{ delaySeconds: 0, kind: 'call' }]);
  const task = await eventually(
    () => stack.database.db.selectFrom('tasks').select(['id']).where('enrollment_id', '=', enrollmentId).where('status', '=', 'open').executeTakeFirst(),
    'the call task',
  );
  const callers = [stack.team.rep, stack.team.manager, stack.team.rep, stack.team.manager];
  const answers = await Promise.all(
    callers.map((caller) => stack.api('POST', `/v1/tasks/${task.id}/complete`, { token: caller.token, body: { outcome: 'connected' } })),
  );
  expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
  expect(answers.filter((a) => a.body.duplicate === false)).toHaveLength(1);
  const { actedBy, actedAt } = answers.find((a) => a.body.duplicate === false)!.body;
  for (const a of answers) expect(a.body).toMatchObject({ taskId: task.id, action: 'complete', actedBy, actedAt });
  const row = await eventually(
    () => stack.database.db.selectFrom('tasks').select(['status', 'completed_by']).where('id', '=', task.id).where('status', '!=', 'open').executeTakeFirst(),
    'the task to be recorded',
  );
  expect(row).toEqual({ status: 'done', completed_by: actedBy });
  const skip = await stack.api('POST', `/v1/tasks/${task.id}/skip`, { token: stack.team.rep.token, body: {} });
  expect(skip).toMatchObject({ status: 409, body: { error: 'not-open', actedBy, taskAction: 'complete' } });
});

test('pause, then resume, clicked by the rep and their manager at once: one applied each, the others told who did; one rep-pause hold stood', async () => {
  const { prospectId, enrollmentId } = await enrollOne([
    { delaySeconds: 0, template: goodTemplate },
    { delaySeconds: 3600, template: goodTemplate },
  ]);
  await pendingApproval(stack.database.db, enrollmentId, 1);
  const fire = (action: string) =>
    Promise.all(
      [stack.team.rep, stack.team.manager, stack.team.rep, stack.team.manager].map((caller) =>
        stack.api('POST', `/v1/prospects/${prospectId}/cadence/${action}`, { token: caller.token, body: { reason: 'race' } }),
      ),
    );
  for (const action of ['pause', 'resume']) {
    const answers = await fire(action);
    expect(answers.map((a) => [a.status, a.body.error ?? null])).toEqual([[200, null], [200, null], [200, null], [200, null]]);
    const applied = answers.filter((a) => a.body.duplicate === false);
    expect(applied).toHaveLength(1);
    for (const a of answers) expect(a.body).toMatchObject({ action, actedBy: applied[0]!.body.actedBy, actedAt: applied[0]!.body.actedAt });
  }
  const holds = await stack.database.db.selectFrom('enrollment_holds').select(['released_by']).where('enrollment_id', '=', enrollmentId).where('kind', '=', 'rep-pause').execute();
  // Every losing pause released the hold it placed; the winner's was released by the resume.
  expect(holds).toHaveLength(4);
  expect(holds.filter((h) => h.released_by === 'api')).toHaveLength(3);
  const audits = await stack.database.db.selectFrom('audit_events').select('action').where('enrollment_id', '=', enrollmentId).where('action', 'in', ['cadence.paused', 'cadence.resumed']).execute();
  expect(audits.map((a) => a.action).sort()).toEqual(['cadence.paused', 'cadence.resumed']);
});
