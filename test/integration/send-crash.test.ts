import net from 'node:net';
import { randomUUID } from 'node:crypto';
import { Client, Connection, type WorkflowHandle } from '@temporalio/client';
import type { Db } from '../../db/connect';
import { CaptureSmtpServer } from '../../scripts/capture-smtp';
import type { cadenceWorkflow } from '../../workflows/cadence';
import { decideUpdate, stateQuery, type CadenceState } from '../../workflows/definitions';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { eventually, newEnrollment, pendingApproval } from '../helpers/harness';
import { createCadence, createProspect, createTeam, goodTemplate, type Team } from '../helpers/seed';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy';
import { workerProcess, type WorkerProcess } from '../helpers/worker-process';

// Exactly-once sending under worker crashes: a real worker PROCESS (workers/main.ts) is SIGKILLed at
// each point of a send, a fresh process takes over, and the capture SMTP server must hold the message
// once. After a kill the send activity's heartbeat (3 s) times out and its retry (5 s later) runs on
// the new worker, so each case takes about 10 to 20 seconds.

type TrapPoint = 'connect' | 'rcpt' | 'accept';
interface Trap {
  at: TrapPoint;
  /** For rcpt and accept: only this recipient's conversation springs the trap. */
  recipient?: string;
  spring(): Promise<void>;
}

let database: TestDatabase;
let db: Db;
let team: Team;
let smtp: CaptureSmtpServer;
let smtpPort: number;
let connection: Connection;
let client: Client;
const temporalAddress = () => process.env.CADENCE_TEST_TEMPORAL_ADDRESS!;
const taskQueue = `send-crash-${randomUUID()}`;
const workers: WorkerProcess[] = [];
const proxies: TcpProxy[] = [];
let trap: Trap | null = null;
const sprung: TrapPoint[] = [];
const running: Array<WorkflowHandle<typeof cadenceWorkflow>> = [];

/** Springs the armed trap once, if this point of this conversation is the one it waits for. */
async function reach(at: TrapPoint, recipient?: string): Promise<void> {
  if (!trap || trap.at !== at || (trap.recipient && trap.recipient !== recipient)) return;
  const armed = trap;
  trap = null;
  sprung.push(at);
  await armed.spring();
}

beforeAll(async () => {
  if (!process.env.CADENCE_TEST_TEMPORAL_ADDRESS) throw new Error('CADENCE_TEST_TEMPORAL_ADDRESS is not set: run through jest (global setup)');
  database = await createTestDatabase();
  db = database.db;
  team = await createTeam(db);
  smtp = new CaptureSmtpServer({
    onConnect: () => reach('connect'),
    onRcptTo: (address) => reach('rcpt', address.address),
    beforeAccept: (message) => reach('accept', message.envelopeTo[0]),
  });
  smtpPort = await smtp.listen(0);
  connection = await Connection.connect({ address: temporalAddress() });
  client = new Client({ connection });
});

afterAll(async () => {
  await Promise.all(workers.map((w) => w.kill()));
  await Promise.all(proxies.map((p) => p.close()));
  await connection?.close();
  await smtp?.close();
  await database?.drop();
});

// Each case has only its own workers polling: the doomed one, then its replacement.
afterEach(async () => {
  trap = null;
  await Promise.all(workers.map((w) => w.kill()));
  for (const handle of running.splice(0)) await handle.terminate('test done').catch(() => undefined);
});

async function startWorker(name: string, temporal = temporalAddress()): Promise<WorkerProcess> {
  const worker = workerProcess({
    name,
    databaseUrl: database.url,
    temporalAddress: temporal,
    taskQueue,
    smtpPort,
    env: { MAILBOX_DEFAULT_MIN_GAP_SECONDS: '0', MAILBOX_DEFAULT_JITTER_SECONDS: '0', SENDER_AUTH_OVERRIDE: 'seller.test' },
  });
  workers.push(worker);
  await worker.start();
  return worker;
}

/** Runs a case; a failure carries the output of every worker process the case started. */
async function withWorkerOutput(run: () => Promise<void>): Promise<void> {
  const before = workers.length;
  try {
    await run();
  } catch (err) {
    const logs = workers
      .slice(before)
      .map((w) => `--- ${w.name} (pid ${w.pid}) ---\n${w.output().slice(-6000)}`)
      .join('\n');
    const captured = smtp.messages.map((m) => `#${m.id} ${m.receivedAt} to ${m.envelopeTo.join(', ')} ${m.messageId}`).join('\n');
    if (err instanceof Error) err.message += `\n--- captured messages ---\n${captured}\n${logs}`;
    throw err;
  }
}

interface Enrolled {
  handle: WorkflowHandle<typeof cadenceWorkflow>;
  enrollmentId: string;
  email: string;
  messageId: string;
  /** Approves the gated first touch, which the worker then sends. */
  approve(): Promise<void>;
}

/** A two-step cadence (the second step a month later), enrolled, its first touch waiting for approval. */
async function enroll(): Promise<Enrolled> {
  const cadenceId = await createCadence(db, [
    { delaySeconds: 0, template: goodTemplate },
    { delaySeconds: 30 * 86_400, template: goodTemplate },
  ]);
  const { prospectId, email } = await createProspect(db);
  const input = newEnrollment(prospectId, cadenceId, team.rep.id);
  const handle = await client.workflow.start<typeof cadenceWorkflow>('cadenceWorkflow', {
    taskQueue,
    workflowId: `send-crash-${input.enrollmentId}`,
    args: [input],
  });
  running.push(handle);
  const approval = await pendingApproval(db, input.enrollmentId, 1);
  return {
    handle,
    enrollmentId: input.enrollmentId,
    email,
    messageId: `<${input.enrollmentId}.step-1.v1@cadence.test>`,
    approve: async () => {
      await handle.executeUpdate(decideUpdate, {
        args: [{ approvalId: approval.id, draftVersion: 1, actorId: team.rep.id, action: 'approve', decidedAt: new Date().toISOString() }],
      });
    },
  };
}

/** The send's phase, read by a trap at the moment it kills. */
const statusOf = async (enrollmentId: string) => (await sendsOf(enrollmentId)).map((s) => s.status).join(',') || 'none';

const sendsOf = (enrollmentId: string) =>
  db.selectFrom('sends').select(['status', 'message_id', 'recipient']).where('enrollment_id', '=', enrollmentId).execute();

/** A second copy fails the case at once, whatever it was waiting for. */
function failOnDuplicate({ messageId }: Enrolled): void {
  const copies = smtp.messages.filter((m) => m.messageId === messageId);
  if (copies.length > 1) throw new Error(`${messageId} was delivered ${copies.length} times (at ${copies.map((m) => m.receivedAt).join(', ')})`);
}

async function sendStatus(sent: Enrolled, status: string, timeoutMs = 30_000) {
  try {
    return await eventually(
      async () => {
        failOnDuplicate(sent);
        return (await sendsOf(sent.enrollmentId)).find((s) => s.status === status);
      },
      `the send in status ${status}`,
      timeoutMs,
    );
  } catch (err) {
    throw new Error(`${(err as Error).message}; sends rows: ${JSON.stringify(await sendsOf(sent.enrollmentId))}`);
  }
}

/**
 * A SIGKILLed worker never tells the server that its sticky queue is gone (a graceful shutdown does),
 * so the workflow's next task, and any query, would wait there for the sticky timeout (10 s). This is
 * what a shutdown would have done; the send activity's retry goes through the shared queue either way.
 */
async function forgetStickyWorker(handle: Enrolled['handle']): Promise<void> {
  await connection.workflowService.resetStickyTaskQueue({ namespace: client.options.namespace, execution: { workflowId: handle.workflowId } });
}

/** Waits until the cadence records step 1 as sent and goes on to wait for step 2. */
async function stepOneRecordedSent(sent: Enrolled): Promise<CadenceState> {
  let last: unknown;
  try {
    return await eventually(
      async () => {
        failOnDuplicate(sent);
        // A query can fail while the workflow's task is still on its way to the new worker.
        const state = await sent.handle.query(stateQuery).catch((err: unknown) => void (last = err));
        if (state) last = state.steps[0];
        return state && state.steps[0]?.status === 'sent' && state.status === 'waiting' ? state : null;
      },
      'the cadence to record step 1 as sent',
      30_000,
    );
  } catch (err) {
    throw new Error(`${(err as Error).message}; last seen: ${last instanceof Error ? last.message : JSON.stringify(last)}`);
  }
}

/** The send activity's last attempt number in the history: above 1 when a killed attempt was retried. */
async function sendAttempts(handle: Enrolled['handle']): Promise<number> {
  const history = await handle.fetchHistory();
  const events = history.events ?? [];
  const scheduled = events.find((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'sendEmail');
  if (!scheduled) throw new Error('no sendEmail activity in the history');
  const started = events.find((e) => String(e.activityTaskStartedEventAttributes?.scheduledEventId) === String(scheduled.eventId));
  return started?.activityTaskStartedEventAttributes?.attempt ?? 0;
}

/** After recovery, and a little longer for any late duplicate: the recipient got exactly this one message. */
async function expectDeliveredOnce({ email, messageId }: Enrolled): Promise<void> {
  await new Promise((r) => setTimeout(r, 2_000));
  const withId = smtp.messages.filter((m) => m.messageId === messageId);
  const toRecipient = smtp.messages.filter((m) => m.envelopeTo.includes(email));
  expect(withId.map((m) => m.envelopeTo)).toEqual([[email]]);
  expect(toRecipient.map((m) => m.messageId)).toEqual([messageId]);
}

/** After recovery: the step is recorded sent by a later attempt than the killed one, and the message arrived exactly once. */
async function expectSentOnceByTheNewWorker(sent: Enrolled): Promise<void> {
  const state = await stepOneRecordedSent(sent);
  expect(state.steps[0]).toMatchObject({ status: 'sent', messageId: sent.messageId });
  expect(await sendAttempts(sent.handle)).toBeGreaterThan(1);
  await expectDeliveredOnce(sent);
  expect(await sendsOf(sent.enrollmentId)).toEqual([{ status: 'sent', message_id: sent.messageId, recipient: sent.email }]);
}

test('a worker killed as it connects to SMTP (before the conversation) is replaced and the message goes out once', async () => {
  await withWorkerOutput(async () => {
    const doomed = await startWorker('worker a1 (killed on connect)');
    const sent = await enroll();
    // A fresh worker has no pooled SMTP connection: its first connection is this send's.
    let phase = '';
    trap = {
      at: 'connect',
      async spring() {
        phase = await statusOf(sent.enrollmentId);
        await doomed.kill();
        throw new Error('the sender is gone');
      },
    };
    await sent.approve();
    await eventually(async () => sprung.includes('connect'), 'the worker to connect to SMTP');
    await doomed.kill(); // already killed by the trap: resolves once the process is gone
    await forgetStickyWorker(sent.handle);
    expect(phase).toBe('sending');
    await startWorker('worker a2 (recovery)');

    await sendStatus(sent, 'sent');
    await expectSentOnceByTheNewWorker(sent);
  });
});

test('a worker killed at RCPT TO (in the middle of the conversation) is replaced and the message goes out once', async () => {
  await withWorkerOutput(async () => {
    const doomed = await startWorker('worker b1 (killed at RCPT TO)');
    const sent = await enroll();
    let phase = '';
    trap = {
      at: 'rcpt',
      recipient: sent.email,
      async spring() {
        phase = await statusOf(sent.enrollmentId);
        await doomed.kill();
        throw new Error('the sender is gone');
      },
    };
    await sent.approve();
    await eventually(async () => sprung.includes('rcpt'), 'the worker to reach RCPT TO');
    await doomed.kill(); // already killed by the trap: resolves once the process is gone
    await forgetStickyWorker(sent.handle);
    expect(phase).toBe('sending');
    expect(smtp.messages.filter((m) => m.envelopeTo.includes(sent.email))).toHaveLength(0);
    await startWorker('worker b2 (recovery)');

    await sendStatus(sent, 'sent');
    await expectSentOnceByTheNewWorker(sent);
  });
});

test('a worker killed after the server has the whole message but before its 250 is never resent: the send is unconfirmed, the owner asked to confirm, the cadence goes on', async () => {
  await withWorkerOutput(async () => {
    const doomed = await startWorker('worker c1 (killed before the 250)');
    const sent = await enroll();
    let phase = '';
    trap = {
      at: 'accept',
      recipient: sent.email,
      async spring() {
        // The message is stored; the sender dies before it can hear the 250 that follows.
        phase = await statusOf(sent.enrollmentId);
        await doomed.kill();
      },
    };
    await sent.approve();
    await eventually(async () => sprung.includes('accept'), 'the whole message at the SMTP server');
    await doomed.kill(); // already killed by the trap: resolves once the process is gone
    await forgetStickyWorker(sent.handle);
    expect(phase).toBe('handing-off');
    await startWorker('worker c2 (recovery)');

    await sendStatus(sent, 'unconfirmed');
    const state = await stepOneRecordedSent(sent);
    expect(state.steps[0]).toMatchObject({ status: 'sent', messageId: sent.messageId });
    expect(state.currentStep).toBe(2);
    expect(await sendAttempts(sent.handle)).toBeGreaterThan(1);
    await expectDeliveredOnce(sent);
    expect(await sendsOf(sent.enrollmentId)).toEqual([{ status: 'unconfirmed', message_id: sent.messageId, recipient: sent.email }]);

    const audit = await db.selectFrom('audit_events').select(['action', 'step']).where('enrollment_id', '=', sent.enrollmentId).where('action', '=', 'send.unconfirmed').execute();
    expect(audit).toEqual([{ action: 'send.unconfirmed', step: 1 }]);
    const tasks = await db.selectFrom('tasks').select(['kind', 'status', 'owner_id']).where('enrollment_id', '=', sent.enrollmentId).where('kind', '=', 'confirm-delivery').execute();
    expect(tasks).toEqual([{ kind: 'confirm-delivery', status: 'open', owner_id: team.rep.id }]);
  });
});

test('a worker cut off from Temporal after SMTP answered 250, then killed before the activity completes, is replaced and nothing is resent', async () => {
  await withWorkerOutput(async () => {
    const proxy = await startTcpProxy(temporalAddress());
    proxies.push(proxy);
    const doomed = await startWorker('worker d1 (through the proxy, cut off after the 250)', proxy.address);
    const sent = await enroll();
    let phase = '';
    trap = {
      at: 'accept',
      recipient: sent.email,
      async spring() {
        phase = await statusOf(sent.enrollmentId);
        // From here the worker's completion and heartbeats hang; the server then answers 250.
        proxy.block();
      },
    };
    await sent.approve();
    await eventually(async () => sprung.includes('accept'), 'the whole message at the SMTP server');
    await sendStatus(sent, 'sent', 15_000);
    expect(phase).toBe('handing-off');
    await doomed.kill();
    await forgetStickyWorker(sent.handle);
    await startWorker('worker d2 (recovery, direct)');

    await expectSentOnceByTheNewWorker(sent);
  });
});

test('the capture server keeps only complete messages: a connection dropped in the middle of DATA stores nothing', async () => {
  const id = (tag: string) => `<${tag}-${randomUUID()}@client.test>`;
  const partial = [id('closed'), id('reset')];
  await smtpUntilMidData(partial[0]!, 'end');
  await smtpUntilMidData(partial[1]!, 'reset');
  const complete = id('complete');
  await smtpUntilMidData(complete, 'finish');

  await smtp.waitFor((m) => m.messageId === complete);
  expect(smtp.messages.filter((m) => m.messageId && partial.includes(m.messageId))).toEqual([]);
});

/** A raw SMTP client that sends half a message and then closes (FIN), resets (RST), or finishes it. */
async function smtpUntilMidData(messageId: string, ending: 'end' | 'reset' | 'finish'): Promise<void> {
  const socket = net.connect(smtpPort, '127.0.0.1');
  socket.on('error', () => undefined);
  let buffer = '';
  let notify: (() => void) | null = null;
  socket.on('data', (d: Buffer) => {
    buffer += d.toString();
    notify?.();
  });
  const reply = async (code: number) => {
    for (;;) {
      const final = /^(\d{3}) [^\r\n]*\r\n/m.exec(buffer);
      if (final) {
        buffer = buffer.slice(final.index + final[0].length);
        expect(Number(final[1])).toBe(code);
        return;
      }
      await new Promise<void>((resolve) => (notify = resolve));
    }
  };
  const say = (line: string) => socket.write(`${line}\r\n`);
  await reply(220);
  say('EHLO client.test');
  await reply(250);
  say('MAIL FROM:<sender@client.test>');
  await reply(250);
  say('RCPT TO:<someone@prospect.test>');
  await reply(250);
  say('DATA');
  await reply(354);
  socket.write(`Message-ID: ${messageId}\r\nSubject: half\r\n\r\nThe first half of the body\r\n`);
  await new Promise((r) => setTimeout(r, 200));
  if (ending === 'finish') {
    say('and the rest.\r\n.');
    await reply(250);
    say('QUIT');
    await reply(221);
  } else if (ending === 'reset') {
    socket.resetAndDestroy();
  } else {
    socket.end();
  }
  await new Promise((r) => setTimeout(r, 200));
  socket.destroy();
}
