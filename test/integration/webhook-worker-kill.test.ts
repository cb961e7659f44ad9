import { randomBytes, randomUUID } from 'node:crypto';
import type { Server, ServerResponse } from 'node:http';
import { Client, Connection } from '@temporalio/client';
import { decodeTimeoutType, defaultPayloadConverter } from '@temporalio/common';
import { outboundEventId } from '../../db/webhook-events';
import type { Db } from '../../db/connect';
import { recordAudit } from '../../db/repositories/audit';
import { createSubscription } from '../../db/repositories/webhooks';
import type { CaptureSmtpServer } from '../../scripts/capture-smtp';
import { webhookFeedWorkflowId, type DeliverWebhookLanesInput } from '../../workflows/definitions';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { eventually, startCapture } from '../helpers/harness';
import { listenForWebhooks, verifyWebhook } from '../helpers/webhook-receiver';
import { workerProcess, type WorkerProcess } from '../helpers/worker-process';

// A webhook delivery survives the death of the worker running it: a real worker PROCESS (workers/main.ts) starts
// the subscription's feed on its own webhooks queue, delivers the first events, and is SIGKILLed while a receiver
// holds one delivery without answering. A fresh process takes over; the feed workflow (on the server) goes on.
// Every event must arrive, the interrupted one again under the same webhook-id with the same bytes, in audit
// order, and nothing else twice.
//
// Timing: the worker starts the feed with the production settings (workers/main.ts passes none). The batch's
// deliveries are one activity (deliverWebhookLanes) with a 30 s heartbeat timeout, so the server learns that the
// killed attempt is gone 30 s after its last heartbeat; the retry then waits the default 10 s backoff. The case
// therefore takes about 45 seconds.

interface Received {
  id: string;
  timestamp: string;
  bytes: Buffer;
  verified: boolean;
  /** The status answered, or 'hung' for the request that was held open. */
  answered: number | 'hung';
  at: number;
}

/** Verifies every delivery (standardwebhooks), records it, and holds the first delivery of one event open forever. */
class Receiver {
  readonly got: Received[] = [];
  secret = '';
  /** The first delivery of this webhook-id is read in full and never answered. */
  hangOn: string | null = null;
  /** When the held request's connection went away (the worker's socket closed by the kernel on SIGKILL). */
  hungClosedAt: number | null = null;
  private held: ServerResponse[] = [];
  private server!: Server;
  port = 0;

  async start() {
    ({ server: this.server, port: this.port } = await listenForWebhooks((req, bytes, res) => {
      const verified = verifyWebhook(bytes.toString('utf8'), req.headers, this.secret);
      const id = String(req.headers['webhook-id']);
      const hang = verified && id === this.hangOn && !this.got.some((r) => r.id === id);
      const answered = !verified ? 401 : hang ? 'hung' : 204;
      this.got.push({ id, timestamp: String(req.headers['webhook-timestamp']), bytes, verified, answered, at: Date.now() });
      if (answered === 'hung') {
        this.held.push(res);
        res.on('close', () => (this.hungClosedAt = Date.now()));
        return;
      }
      res.statusCode = answered;
      res.end();
    }));
  }

  get url() {
    return `http://127.0.0.1:${this.port}/hook`;
  }

  async stop() {
    if (!this.server) return;
    for (const res of this.held) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

let database: TestDatabase;
let db: Db;
let smtp: CaptureSmtpServer;
let smtpPort: number;
let connection: Connection;
let client: Client;
const receiver = new Receiver();
const temporalAddress = () => process.env.CADENCE_TEST_TEMPORAL_ADDRESS!;
// Only this test's workers poll these queues: the feed it starts runs on its own webhooks queue.
const taskQueue = `webhook-kill-${randomUUID()}`;
const webhooksTaskQueue = `webhook-kill-webhooks-${randomUUID()}`;
const draftingTaskQueue = `webhook-kill-drafting-${randomUUID()}`;
const workers: WorkerProcess[] = [];
const feeds: string[] = [];

beforeAll(async () => {
  if (!process.env.CADENCE_TEST_TEMPORAL_ADDRESS) throw new Error('CADENCE_TEST_TEMPORAL_ADDRESS is not set: run through jest (global setup)');
  database = await createTestDatabase();
  db = database.db;
  ({ smtp, port: smtpPort } = await startCapture());
  await receiver.start();
  connection = await Connection.connect({ address: temporalAddress() });
  client = new Client({ connection });
});

afterAll(async () => {
  await Promise.all(workers.map((w) => w.kill()));
  for (const id of feeds) await client?.workflow.getHandle(id).terminate('test done').catch(() => undefined);
  await receiver.stop();
  await connection?.close();
  await smtp?.close();
  await database?.drop();
});

async function startWorker(name: string): Promise<WorkerProcess> {
  const worker = workerProcess({
    name,
    databaseUrl: database.url,
    temporalAddress: temporalAddress(),
    taskQueue,
    smtpPort,
    env: { TEMPORAL_TASK_QUEUE: taskQueue, TEMPORAL_WEBHOOKS_TASK_QUEUE: webhooksTaskQueue, TEMPORAL_DRAFTING_TASK_QUEUE: draftingTaskQueue },
  });
  workers.push(worker);
  await worker.start();
  return worker;
}

const deliveriesOf = (subscriptionId: string) =>
  db
    .selectFrom('webhook_deliveries')
    .select(['event_id', 'event_type', 'status', 'attempts', 'last_error', 'last_attempt_at', 'delivered_at', 'payload'])
    .select((eb) => eb.cast<string>('audit_seq', 'text').as('seq'))
    .where('subscription_id', '=', subscriptionId)
    .orderBy('audit_seq')
    .execute();

test('a worker SIGKILLed while a receiver holds a delivery open is replaced: every event arrives in order, the held one again under the same webhook-id and bytes, nothing else twice', async () => {
  const started = Date.now();
  const marks: Record<string, number> = {};
  try {
    // The subscription, then five events it takes (cadence.paused / cadence.resumed need no prospect).
    const subscriptionId = `whs_${randomUUID()}`;
    const secret = `whsec_${randomBytes(24).toString('base64')}`;
    receiver.secret = secret;
    await createSubscription(db, { id: subscriptionId, url: receiver.url, events: ['cadence.paused', 'cadence.resumed'], description: 'worker kill test', secret, createdBy: 'user:webhook-kill-test' });
    const feedId = webhookFeedWorkflowId(subscriptionId);
    feeds.push(feedId);
    const keys: string[] = [];
    for (let i = 1; i <= 5; i++) {
      const key = `webhook-kill:${subscriptionId}:${i}`;
      keys.push(key);
      await recordAudit(db, { key, occurredAt: new Date(), actor: 'user:webhook-kill-test', action: i % 2 ? 'cadence.paused' : 'cadence.resumed', details: { reason: `reason ${i}` } });
    }
    const audit = await db
      .selectFrom('audit_events')
      .select(['id', 'event_key', 'action', 'details'])
      .select((eb) => eb.cast<string>('seq', 'text').as('seq'))
      .where('event_key', 'in', keys)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.event_key)).toEqual(keys);
    const eventIds = audit.map((a) => outboundEventId(String(a.id)));
    const hungId = eventIds[2]!;
    receiver.hangOn = hungId;

    // The first worker starts the feed on its own webhooks queue and delivers until the third event hangs.
    const doomed = await startWorker('worker 1 (killed mid-delivery)');
    marks.worker1Polling = Date.now() - started;
    await eventually(async () => receiver.got.some((r) => r.answered === 'hung'), 'the receiver to hold the third delivery', 30_000);
    marks.hung = Date.now() - started;
    const before = await client.workflow.getHandle(feedId).describe();
    expect(before.status.name).toBe('RUNNING');
    expect(before.taskQueue).toBe(webhooksTaskQueue);
    const pendingBefore = before.raw.pendingActivities ?? [];
    expect(pendingBefore.map((p) => [p.activityType?.name, p.attempt])).toEqual([['deliverWebhookLanes', 1]]);
    // While the request hangs, the activity has written nothing for it: the row is pending with no attempt.
    const hungRowBefore = (await deliveriesOf(subscriptionId)).find((d) => d.event_id === hungId);
    expect(hungRowBefore).toMatchObject({ status: 'pending', attempts: 0, last_error: null, last_attempt_at: null, delivered_at: null });

    // SIGKILL: no completion, no failure recorded; the kernel drops the worker's socket to the receiver.
    await doomed.kill();
    marks.killed = Date.now() - started;
    await eventually(async () => receiver.hungClosedAt !== null, 'the held request to be dropped by the killed worker', 10_000);
    expect(receiver.got.map((r) => r.id)).toEqual(eventIds.slice(0, 3));
    // What a graceful shutdown would have done: the feed's next workflow task goes to the shared queue at
    // once instead of waiting out the dead worker's sticky queue (10 s). The delivery's retry goes there anyway.
    await connection.workflowService.resetStickyTaskQueue({ namespace: client.options.namespace, execution: { workflowId: feedId } });

    const recovery = await startWorker('worker 2 (recovery)');
    marks.worker2Polling = Date.now() - started;
    expect(recovery.output()).toMatch(/webhook feeds: 1 active subscriptions/);

    const delivered = (id: string) => receiver.got.some((r) => r.id === id && r.answered === 204);
    await eventually(async () => eventIds.every(delivered), 'every event delivered after the kill', 120_000);
    marks.allDelivered = Date.now() - started;
    marks.retryAfterHang = receiver.got.find((r) => r.id === hungId && r.answered === 204)!.at - (receiver.got.find((r) => r.answered === 'hung')!.at);
    // The activity records the delivery just after the receiver answers; then a little longer for any late duplicate.
    await eventually(async () => (await deliveriesOf(subscriptionId)).every((d) => d.status === 'delivered'), 'every delivery recorded', 10_000);
    await new Promise((r) => setTimeout(r, 2_000));

    // Every request was signed correctly with the subscription's secret.
    expect(receiver.got.filter((r) => !r.verified)).toEqual([]);
    // Arrival order: the first two, the held one, its retry, the rest; nothing else.
    expect(receiver.got.map((r) => [r.id, r.answered])).toEqual([
      [eventIds[0], 204],
      [eventIds[1], 204],
      [hungId, 'hung'],
      [hungId, 204],
      [eventIds[3], 204],
      [eventIds[4], 204],
    ]);
    // The first completed delivery of each id, in audit (seq) order.
    const firstCompleted: string[] = [];
    for (const r of receiver.got) if (r.answered === 204 && !firstCompleted.includes(r.id)) firstCompleted.push(r.id);
    expect(firstCompleted).toEqual(eventIds);
    // Only the held event came twice; the retry is the same event: same webhook-id, same bytes.
    const counts = new Map<string, number>();
    for (const r of receiver.got) counts.set(r.id, (counts.get(r.id) ?? 0) + 1);
    expect([...counts].filter(([, n]) => n > 1)).toEqual([[hungId, 2]]);
    const [hung, retry] = receiver.got.filter((r) => r.id === hungId);
    expect(retry!.bytes.equals(hung!.bytes)).toBe(true);
    expect(Number(retry!.timestamp)).toBeGreaterThanOrEqual(Number(hung!.timestamp));

    // The rows: all delivered, each body exactly the frozen payload. The killed attempt never reached
    // recordFailedAttempt (nor recordDelivered), so the held event counts one attempt, the one that finished.
    const rows = await deliveriesOf(subscriptionId);
    expect(rows.map((d) => d.event_id)).toEqual(eventIds);
    expect(rows.map((d) => d.seq)).toEqual(audit.map((a) => a.seq));
    for (const [i, d] of rows.entries()) {
      expect(d).toMatchObject({ status: 'delivered', attempts: 1, last_error: null, event_type: audit[i]!.action });
      expect(d.delivered_at).toBeInstanceOf(Date);
      const body = receiver.got.find((r) => r.id === d.event_id && r.answered === 204)!.bytes;
      expect(body.equals(Buffer.from(d.payload, 'utf8'))).toBe(true);
      expect(JSON.parse(body.toString('utf8'))).toMatchObject({ type: audit[i]!.action, data: { auditEventId: String(audit[i]!.id), reason: `reason ${i + 1}` } });
    }
    const subscription = await db.selectFrom('webhook_subscriptions').select(['status', 'consecutive_failures', 'failing_since']).where('id', '=', subscriptionId).executeTakeFirstOrThrow();
    expect(subscription).toEqual({ status: 'active', consecutive_failures: 0, failing_since: null });

    // The kill did not fail the feed: the same execution chain is still running, waiting for more events.
    const after = await client.workflow.getHandle(feedId).describe();
    expect(after.status.name).toBe('RUNNING');
    expect(after.runId === before.runId || after.raw.workflowExecutionInfo?.firstRunId === before.runId).toBe(true);
    // Nothing left to deliver: at most the batch activity that waits for the next audit event.
    expect((after.raw.pendingActivities ?? []).map((p) => p.activityType?.name).filter((name) => name !== 'loadWebhookBatch')).toEqual([]);
    // In its history: the batch as one activity, its five events on one lane (they have no prospect) in audit
    // order; its second attempt started on the new worker after the first one's heartbeats stopped; no workflow
    // task failed.
    const events = (await client.workflow.getHandle(feedId, before.runId).fetchHistory()).events ?? [];
    const scheduled = events
      .filter((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'deliverWebhookLanes')
      .map((e) => ({ eventId: String(e.eventId), input: defaultPayloadConverter.fromPayload<DeliverWebhookLanesInput>(e.activityTaskScheduledEventAttributes!.input!.payloads![0]!) }));
    expect(scheduled.map((s) => s.input.lanes)).toEqual([[eventIds]]);
    const startedOf = (scheduledId: string) => events.find((e) => String(e.activityTaskStartedEventAttributes?.scheduledEventId) === scheduledId)!.activityTaskStartedEventAttributes!;
    const lanesStarted = startedOf(scheduled[0]!.eventId);
    expect(lanesStarted.attempt).toBe(2);
    expect(decodeTimeoutType(lanesStarted.lastFailure?.timeoutFailureInfo?.timeoutType)).toBe('HEARTBEAT');
    expect(lanesStarted.identity?.split('@')[0]).toBe(String(recovery.pid));
    expect(events.filter((e) => e.workflowTaskFailedEventAttributes || e.activityTaskFailedEventAttributes || e.activityTaskTimedOutEventAttributes)).toEqual([]);
    console.log(`webhook-worker-kill timings (ms since the test began): ${JSON.stringify(marks)}`);
  } catch (err) {
    const logs = workers.map((w) => `--- ${w.name} (pid ${w.pid}) ---\n${w.output().slice(-6000)}`).join('\n');
    const got = receiver.got.map((r) => `${r.at - started} ms ${r.id} ${r.answered} verified=${r.verified}`).join('\n');
    if (err instanceof Error) err.message += `\n--- timings ---\n${JSON.stringify(marks)}\n--- received ---\n${got}\n${logs}`;
    throw err;
  }
}, 180_000);
