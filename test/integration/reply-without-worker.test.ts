import { NativeConnection } from '@temporalio/worker';
import { recordInboundReply } from '../../db/repositories/replies';
import type { CaptureSmtpServer } from '../../scripts/capture-smtp';
import type { cadenceWorkflow } from '../../workflows/cadence';
import { replySignal, stateQuery } from '../../workflows/definitions';
import { eventually, newEnrollment, startCapture, startWorker, testDeps, testReplyOptions, testTemporalConfig } from '../helpers/harness';
import { createCadence, createProspect, goodTemplate } from '../helpers/seed';
import { startStack, type Stack } from '../helpers/stack';

// A reply while no worker runs (all killed, or far behind): the cadence has not run its first task yet when the reply
// reaches it, and takes it once a worker runs, sending nothing.
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
