import { NativeConnection } from '@temporalio/worker';
import { acceptInboundReply } from '../../api/use-cases/accept-reply';
import { recordInboundReply } from '../../db/repositories/replies';
import type { CaptureSmtpServer } from '../../scripts/capture-smtp';
import type { cadenceWorkflow } from '../../workflows/cadence';
import { replySignal, stateQuery } from '../../workflows/definitions';
import { eventually, newEnrollment, startCapture, startWorker, testDeps, testReplyOptions, testTemporalConfig } from '../helpers/harness';
import { createCadence, createProspect, goodTemplate } from '../helpers/seed';
import { startStack, type Stack } from '../helpers/stack';

// A reply while no worker runs (all killed, or far behind): the cadence has not run its first task yet when the reply
// reaches it, and takes it once a worker runs, sending nothing. The webhook waits a bounded time for the cadence to
// answer the reply update, then leaves the reply with the server as a signal and answers; the ledger already holds it.
let stack: Stack;
let smtp: CaptureSmtpServer;
let smtpPort: number;
let connection: NativeConnection;

beforeAll(async () => {
  stack = await startStack();
  ({ smtp, port: smtpPort } = await startCapture());
  connection = await NativeConnection.connect({ address: process.env.CADENCE_TEST_TEMPORAL_ADDRESS! });
});

afterAll(async () => {
  await connection?.close();
  await smtp?.close();
  await stack?.stop();
});

/** A cadence on a task queue no worker polls yet: it cannot run, let alone answer. */
async function cadenceWithoutWorker() {
  const db = stack.database.db;
  const temporal = testTemporalConfig({ address: process.env.CADENCE_TEST_TEMPORAL_ADDRESS! });
  const cadenceId = await createCadence(db, [{ delaySeconds: 0, template: goodTemplate }]);
  const { prospectId, email } = await createProspect(db);
  const handle = await stack.client.workflow.start<typeof cadenceWorkflow>('cadenceWorkflow', {
    taskQueue: temporal.taskQueue,
    workflowId: `cadence-${prospectId}`,
    args: [newEnrollment(prospectId, cadenceId, stack.team.rep.id)],
  });
  return { temporal, handle, prospectId, email };
}

/** Starts a worker on the cadence's queue; waits until the cadence has handed the reply to its rep. */
async function runUntilHandedOver({ temporal, handle }: Awaited<ReturnType<typeof cadenceWithoutWorker>>) {
  const worker = await startWorker({ connection, temporal, deps: testDeps(stack.database.db, smtpPort) });
  try {
    const state = await eventually(async () => {
      const s = await handle.query(stateQuery);
      return s.status === 'replied' && s.awaitingApproval?.kind === 'reply' ? s : null;
    }, 'the cadence to take the reply and hand it to the rep');
    const { events } = await handle.fetchHistory();
    return { state, events: events! };
  } finally {
    await handle.terminate('test over');
    await worker.stop();
  }
}

test('a reply that reaches a cadence before its first workflow task is taken when a worker runs', async () => {
  const cadence = await cadenceWithoutWorker();
  // Delivered with the start, a signal is handled as its handler is set, before the rest of the workflow function has
  // run: what the handler uses must already be there (it once failed the task, for ever, on a name declared later).
  const messageId = `<early-${cadence.prospectId}@prospect.test>`;
  const receivedAt = new Date();
  const { replyId } = await recordInboundReply(stack.database.db, { messageId, from: cadence.email, text: 'Interested, call me.', receivedAt }, testReplyOptions);
  await cadence.handle.signal(replySignal, { replyId, messageId, receivedAt: receivedAt.toISOString(), intent: 'interested' });
  const { state, events } = await runUntilHandedOver(cadence);
  expect(state.inbound.map((r) => r.replyId)).toEqual([replyId]);
  expect(events.filter((e) => e.workflowTaskFailedEventAttributes)).toHaveLength(0);
  expect(smtp.messages.filter((m) => m.envelopeTo.includes(cadence.email))).toHaveLength(0);
});

test('with no worker to answer the reply update, the webhook answers after its wait with the reply left as a signal, and the cadence takes it once', async () => {
  const cadence = await cadenceWithoutWorker();
  const started = Date.now();
  const reply = await acceptInboundReply(
    stack.database.db,
    stack.client,
    { messageId: `<no-worker-${cadence.prospectId}@prospect.test>`, from: cadence.email, subject: 'Re: your note', text: 'Interested. Call me on Tuesday?', receivedAt: new Date() },
    { ...testReplyOptions, answerWaitMs: 1_000 },
  );
  const waited = Date.now() - started;
  expect(reply).toMatchObject({ duplicate: false, effect: 'hand-over', cadenceStopped: true, cadence: null });
  expect(waited).toBeGreaterThanOrEqual(1_000);
  expect(waited).toBeLessThan(10_000);
  const row = await stack.database.db.selectFrom('replies').select('signaled_at').where('id', '=', reply.replyId).executeTakeFirstOrThrow();
  expect(row.signaled_at).not.toBeNull();

  const { state, events } = await runUntilHandedOver(cadence);
  // Both reached it (the signal, and the update the server kept), and it took the reply once.
  expect(state.inbound.map((r) => r.replyId)).toEqual([reply.replyId]);
  expect(events.filter((e) => e.workflowExecutionSignaledEventAttributes)).toHaveLength(1);
  expect(events.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes)).toHaveLength(1);
  expect(events.filter((e) => e.workflowTaskFailedEventAttributes)).toHaveLength(0);
  expect(smtp.messages.filter((m) => m.envelopeTo.includes(cadence.email))).toHaveLength(0);
});
