import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { Client, Connection, WorkflowFailedError } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import type { TemporalConfig } from '../../config/temporal';
import { ensureCrmSyncSchedule } from '../../workers/schedules';
import { crmSuppressionSync } from '../../workflows/crm-sync';
import { CRM_SYNC_SCHEDULE_ID, type CrmSyncInput } from '../../workflows/definitions';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { eventually, startWorker, testDeps, testTemporalConfig } from '../helpers/harness';

// The scheduled CRM suppression sync on the dev server, against a local HTTP server playing the CRM.

const TOKEN = 'crm-test-token';
const FAST_RETRY: CrmSyncInput['retry'] = { initialIntervalMs: 1_000, maximumIntervalMs: 2_000 };

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const json = (body: unknown, status = 200): Handler => (_req, res) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

let database: TestDatabase;
let crm: Server;
let crmUrl: string;
let handler: Handler = json({ doNotContact: [], closedLost: [] });
const requests: Array<{ authorization?: string }> = [];
let temporal: TemporalConfig;
let nativeConnection: NativeConnection;
let connection: Connection;
let client: Client;
let worker: { stop(): Promise<void> };

beforeAll(async () => {
  const address = process.env.CADENCE_TEST_TEMPORAL_ADDRESS;
  if (!address) throw new Error('CADENCE_TEST_TEMPORAL_ADDRESS is not set: run through jest (global setup)');
  database = await createTestDatabase();
  crm = createServer((req, res) => {
    requests.push({ authorization: req.headers.authorization });
    handler(req, res);
  });
  await new Promise<void>((resolve) => crm.listen(0, '127.0.0.1', resolve));
  crmUrl = `http://127.0.0.1:${(crm.address() as AddressInfo).port}/suppressions`;
  temporal = testTemporalConfig({ address });
  nativeConnection = await NativeConnection.connect({ address });
  worker = await startWorker({
    connection: nativeConnection,
    temporal,
    deps: testDeps(database.db, 1, { crmSync: { url: crmUrl, token: TOKEN, timeoutMs: 5_000 } }),
  });
  connection = await Connection.connect({ address });
  client = new Client({ connection, namespace: temporal.namespace });
});

afterAll(async () => {
  await client?.schedule.getHandle(CRM_SYNC_SCHEDULE_ID).delete().catch(() => undefined);
  await worker?.stop();
  await connection?.close();
  await nativeConnection?.close();
  await new Promise<void>((resolve) => (crm ? crm.close(() => resolve()) : resolve()));
  await database?.drop();
});

function startSync() {
  return client.workflow.start(crmSuppressionSync, {
    taskQueue: temporal.taskQueue,
    workflowId: `crm-suppression-sync-test-${randomUUID()}`,
    args: [{ endpoint: crmUrl, retry: FAST_RETRY }],
    workflowExecutionTimeout: '1 minute',
  });
}

async function suppressionRows() {
  return database.db.selectFrom('suppressions').select(['kind', 'value', 'reason', 'source']).orderBy('kind').orderBy('value').execute();
}

async function syncedAudits() {
  return database.db.selectFrom('audit_events').select(['details']).where('action', '=', 'suppressions.synced').orderBy('occurred_at').execute();
}

test('a sync adds both lists with their reasons, addresses and domains apart, with the bearer token', async () => {
  requests.length = 0;
  handler = json({
    doNotContact: ['Pat@Acme.test', 'blocked.test', 'pat@acme.test'],
    closedLost: ['@lost-deal.test', 'cfo@lost-deal.test'],
    ignoredField: true,
  });
  const result = await (await startSync()).result();
  expect(result.doNotContact).toEqual({ received: 2, added: 2 });
  expect(result.closedLost).toEqual({ received: 2, added: 2 });
  expect(result.warnings).toEqual([]);
  expect(requests[0]?.authorization).toBe(`Bearer ${TOKEN}`);
  expect(await suppressionRows()).toEqual([
    { kind: 'address', value: 'cfo@lost-deal.test', reason: 'closed-lost', source: 'crm-sync' },
    { kind: 'address', value: 'pat@acme.test', reason: 'do-not-contact', source: 'crm-sync' },
    { kind: 'domain', value: 'blocked.test', reason: 'do-not-contact', source: 'crm-sync' },
    { kind: 'domain', value: 'lost-deal.test', reason: 'closed-lost', source: 'crm-sync' },
  ]);
  const audits = await syncedAudits();
  expect(audits.at(-1)?.details).toMatchObject({ doNotContact: { received: 2, added: 2 }, closedLost: { received: 2, added: 2 } });
});

test('a failing endpoint is retried, visibly, until it answers', async () => {
  let calls = 0;
  const ok = json({ doNotContact: ['retry@acme.test'], closedLost: [] });
  handler = (req, res) => {
    calls += 1;
    if (calls <= 2) {
      res.writeHead(503);
      res.end('maintenance');
    } else ok(req, res);
  };
  const handle = await startSync();
  // While the CRM fails, the run is Running with a pending activity that shows its attempt and last failure.
  const pending = await eventually(async () => {
    const description = await handle.describe();
    const activity = description.raw.pendingActivities?.[0];
    return description.status.name === 'RUNNING' && activity?.lastFailure?.message?.includes('HTTP 503') ? activity : null;
  }, 'a pending activity with the 503 as its last failure');
  expect(Number(pending.attempt)).toBeGreaterThanOrEqual(2);
  expect(pending.lastFailure?.message).toContain(`fetching ${crmUrl} (attempt`);
  const metadata = await handle.query<{ currentDetails: string }>('__temporal_workflow_metadata');
  expect(metadata.currentDetails).toContain(`from ${crmUrl}`);

  const result = await handle.result();
  expect(calls).toBe(3);
  expect(result.doNotContact).toEqual({ received: 1, added: 1 });
  expect((await suppressionRows()).map((r) => r.value)).toContain('retry@acme.test');
});

test('an empty answer after a successful sync leaves the list as it was, with a warning', async () => {
  const before = await suppressionRows();
  expect(before.length).toBeGreaterThan(0);
  handler = json({ doNotContact: [], closedLost: [] });
  const result = await (await startSync()).result();
  expect(result.doNotContact).toEqual({ received: 0, added: 0 });
  expect(result.warnings[0]).toMatch(/empty lists/);
  expect(await suppressionRows()).toEqual(before);
  const audits = await syncedAudits();
  expect((audits.at(-1)?.details as { warnings: string[] }).warnings[0]).toMatch(/nothing was removed/);
});

test('a malformed payload fails the run, naming the field, and writes nothing', async () => {
  const before = await suppressionRows();
  const auditsBefore = (await syncedAudits()).length;
  for (const [body, field] of [
    [{ doNotContact: ['new@acme.test'], closedLost: 'lost.test' }, 'closedLost'],
    [{ doNotContact: ['fine@acme.test', 'not an address'], closedLost: [] }, 'doNotContact[1]'],
    [{ closedLost: [] }, 'doNotContact'],
  ] as const) {
    requests.length = 0;
    handler = json(body);
    const error = await (await startSync()).result().then(
      () => null,
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(WorkflowFailedError);
    const message = (error as WorkflowFailedError).cause?.message ?? '';
    expect(message).toContain(`${field}:`);
    // Not retried.
    expect(requests).toHaveLength(1);
  }
  expect(await suppressionRows()).toEqual(before);
  expect(await syncedAudits()).toHaveLength(auditsBefore);
});

test('the schedule is created once, updated after, and a trigger runs a sync', async () => {
  const options = { taskQueue: temporal.taskQueue, url: crmUrl, everyMs: 3_600_000, retry: FAST_RETRY };
  expect(await ensureCrmSyncSchedule(client, options)).toBe('created');
  expect(await ensureCrmSyncSchedule(client, { ...options, everyMs: 2 * 3_600_000 })).toBe('updated');
  const schedule = client.schedule.getHandle(CRM_SYNC_SCHEDULE_ID);
  const description = await schedule.describe();
  expect(description.spec.intervals).toHaveLength(1);
  expect(description.spec.intervals?.[0]?.every).toBe(2 * 3_600_000);
  expect(description.policies.overlap).toBe('SKIP');
  expect(description.action).toMatchObject({ workflowType: 'crmSuppressionSync', taskQueue: temporal.taskQueue });

  handler = json({ doNotContact: ['scheduled@acme.test'], closedLost: ['scheduled-lost.test'] });
  await schedule.trigger();
  const run = await eventually(async () => (await schedule.describe()).info.recentActions[0]?.action, 'the triggered run');
  const result = await client.workflow.getHandle(run.workflow.workflowId, run.workflow.firstExecutionRunId).result();
  expect(result.closedLost).toEqual({ received: 1, added: 1 });
  const rows = await suppressionRows();
  expect(rows).toContainEqual({ kind: 'address', value: 'scheduled@acme.test', reason: 'do-not-contact', source: 'crm-sync' });
  expect(rows).toContainEqual({ kind: 'domain', value: 'scheduled-lost.test', reason: 'closed-lost', source: 'crm-sync' });
});
