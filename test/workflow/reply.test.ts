import type { Db } from '../../db/connect';
import type { CaptureSmtpServer } from '../../scripts/capture-smtp';
import type { cadenceWorkflow } from '../../workflows/cadence';
import { decideUpdate, stateQuery, type DecisionInput } from '../../workflows/definitions';
import { heldPacer, newEnrollment, pendingApproval, replyFrom } from '../helpers/harness';
import { createCadence, createProspect, goodTemplate, type Team } from '../helpers/seed';
import { startTimeSkippingStack, type TimeSkippingStack } from '../helpers/time-skipping';

// A reply stops automation at once, wherever the cadence is: the SMTP server receives nothing after it.
let stack: TimeSkippingStack;
let db: Db;
let smtp: CaptureSmtpServer;
let team: Team;
let taskQueue: string;
let heldTaskQueue: string;
const pacer = heldPacer();

beforeAll(async () => {
  stack = await startTimeSkippingStack();
  ({ db, smtp, team } = stack);
  taskQueue = await stack.addWorker();
  heldTaskQueue = await stack.addWorker({ pacer });
});

afterAll(async () => {
  pacer.release();
  await stack?.stop();
});

async function enroll(taskQueue: string, delays: number[]) {
  const cadenceId = await createCadence(db, delays.map((delaySeconds) => ({ delaySeconds, template: goodTemplate })));
  const { prospectId, email } = await createProspect(db);
  const input = newEnrollment(prospectId, cadenceId, team.rep.id);
  const handle = await stack.env.client.workflow.start<typeof cadenceWorkflow>('cadenceWorkflow', {
    taskQueue,
    workflowId: `cadence-${prospectId}`,
    args: [input],
  });
  return { handle, input, email };
}

const approve = (approvalId: string): { args: [DecisionInput] } => ({
  args: [{ approvalId, draftVersion: 1, actorId: team.rep.id, action: 'approve', decidedAt: new Date().toISOString() }],
});

async function expectHandedOver(enrollmentId: string) {
  const task = await db.selectFrom('tasks').selectAll().where('enrollment_id', '=', enrollmentId).executeTakeFirstOrThrow();
  expect(task).toMatchObject({ owner_id: team.rep.id, kind: 'reply', status: 'open' });
  const enrollment = await db.selectFrom('enrollments').select(['status', 'ended_at']).where('id', '=', enrollmentId).executeTakeFirstOrThrow();
  expect(enrollment.status).toBe('replied');
  expect(enrollment.ended_at).not.toBeNull();
}

test('when a prospect replies during the wait before step 2, nothing more is sent and the rep gets a task', async () => {
  const { handle, input, email } = await enroll(taskQueue, [0, 3 * 86_400, 3 * 86_400]);
  const first = await pendingApproval(db, input.enrollmentId, 1);
  await handle.executeUpdate(decideUpdate, approve(first.id));
  const [sent] = await smtp.waitFor((m) => m.envelopeTo.includes(email));
  await stack.env.sleep('1 day');
  expect(await handle.query(stateQuery)).toMatchObject({ status: 'waiting' });

  await replyFrom(db, stack.env.client, email, sent!.messageId!);
  const result = await handle.result(); // time would now skip past both remaining delays

  expect(result.status).toBe('replied');
  expect(result.steps.map((s) => s.status)).toEqual(['sent', 'cancelled', 'cancelled']);
  expect(smtp.messages.filter((m) => m.envelopeTo.includes(email))).toHaveLength(1);
  await expectHandedOver(input.enrollmentId);
});

test('when a prospect replies while step 1 awaits approval, the approval is withdrawn and nothing is sent', async () => {
  const { handle, input, email } = await enroll(taskQueue, [0, 86_400]);
  const approval = await pendingApproval(db, input.enrollmentId, 1);

  await replyFrom(db, stack.env.client, email);
  const result = await handle.result();

  expect(result.status).toBe('replied');
  const row = await db.selectFrom('approval_requests').select('status').where('id', '=', approval.id).executeTakeFirstOrThrow();
  expect(row.status).toBe('cancelled');
  await expect(handle.executeUpdate(decideUpdate, approve(approval.id))).rejects.toThrow();
  expect(smtp.messages.filter((m) => m.envelopeTo.includes(email))).toHaveLength(0);
  await expectHandedOver(input.enrollmentId);
});

test('when a prospect replies while the approved send is in flight, the send is cancelled and SMTP receives nothing', async () => {
  const { handle, input, email } = await enroll(heldTaskQueue, [0]);
  const approval = await pendingApproval(db, input.enrollmentId, 1);
  await handle.executeUpdate(decideUpdate, approve(approval.id));
  await pacer.entered; // the send activity is running and waiting for its turn at the mailbox

  const reply = await replyFrom(db, stack.env.client, email);
  // The cadence reports the reply as it takes it in, in the webhook's own round trip: replied, the in-flight send
  // cancelling, before the send has heard of the cancellation (the pacer still holds it; its next heartbeat carries
  // the cancellation).
  expect(reply).toMatchObject({ cadenceStopped: true, cadence: { replyId: reply.replyId, status: 'replied', stepStatus: 'cancelling' } });
  const atOnce = await handle.query(stateQuery);
  expect([atOnce.status, atOnce.steps[0]!.status]).toEqual(['replied', 'cancelling']);
  // The pacer stays closed: the send learns of the cancellation from its heartbeat and gives up.
  const result = await handle.result();

  expect(result.status).toBe('replied');
  expect(result.steps[0]!.status).toBe('cancelled');
  await new Promise((r) => setTimeout(r, 500));
  expect(smtp.messages.filter((m) => m.envelopeTo.includes(email))).toHaveLength(0);
  await expectHandedOver(input.enrollmentId);
});

test('a reply recorded in the ledger blocks the send at the data layer even if the signal never arrives', async () => {
  const { handle, input, email } = await enroll(taskQueue, [0]);
  const approval = await pendingApproval(db, input.enrollmentId, 1);
  // As if the webhook crashed between recording the reply and signalling the cadence.
  await db
    .insertInto('replies')
    .values({ id: 'unsignalled', message_id: '<lost-signal@prospect.test>', prospect_id: input.prospectId, from_address: email, body: 'stop', received_at: new Date() })
    .execute();
  await handle.executeUpdate(decideUpdate, approve(approval.id));
  const result = await handle.result();

  expect(result.steps[0]).toMatchObject({ status: 'cancelled', note: expect.stringContaining('replied') });
  expect(smtp.messages.filter((m) => m.envelopeTo.includes(email))).toHaveLength(0);
  const send = await db.selectFrom('sends').select(['status', 'cancel_reason']).where('enrollment_id', '=', input.enrollmentId).executeTakeFirstOrThrow();
  expect(send.status).toBe('cancelled');
});
