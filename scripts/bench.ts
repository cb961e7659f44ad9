// `npm run bench` (scripts/measure.sh): what the cadence engine costs on this machine, next to the
// least a Temporal workflow can do here. One run, everything started by this script and removed at
// the end, failure and Ctrl-C included:
//
//   - a Temporal dev server (in memory) on a free port,
//   - a fresh PostgreSQL database on the $DATABASE_URL server, migrated, dropped at the end,
//   - a capture SMTP server,
//   - one in-process worker: the cadence workflow with the real activities (task queue bench-cadence-*), drafting
//     on its own queue as in production (bench-drafting-*; the template drafter, the model being (d)'s) and the
//     bench's baseline workflows (scripts/bench-workflows.ts, task queue bench-bare-*),
//   - the real API as its own process (scripts/api-process.ts, rate limits off), for the reply webhook,
//   - a webhook subscriber (scripts/bench-webhooks.ts) to all events, fed by the webhook worker.
//
// It measures
//   (a) bare throughput: BENCH_N workflows started at once, each running one no-op activity;
//   (b) cadence throughput: BENCH_CADENCES three-step cadences with zero delays started at once; the
//       bench approves each first touch (always gated) through the `decide` update as soon as it shows
//       in approval_requests; steps 2 and 3 are sent automatically; steps sent per second, and the
//       capture SMTP server must receive exactly 3 x BENCH_CADENCES messages; meanwhile the signed webhook
//       feed delivers every event of those cadences to the subscriber: deliveries per second, and the lag
//       from each audit event to its delivery (p50/p99);
//   (c) latency, BENCH_M samples each, one at a time: a bare signal round trip (signal a workflow that
//       completes on it, until its result) vs the reply path (POST /v1/webhooks/inbound-reply while
//       the cadence's first send is held in the pacer, until the workflow has reported 'replied' with the send
//       cancelling: the webhook's answer when it carries the cadence's own report (the reply update's), else
//       the first query that shows it (it then waits for the rep); each reply is posted once the one before it
//       has settled (its send let go, the hand-over waiting for the rep), as each bare sample's workflow has ended;
//       beside them, the bare round trip seen by polling a query every 5 ms;
//   (c3) the reply path as in (c), BENCH_WAVE_M samples, while a wave of BENCH_WAVE one-step cadences sends: all
//       started at once, each first touch approved by the bench; a sample counts if it was posted while some of
//       the wave's messages had not reached SMTP; every wave prospect must get exactly one message;
//   (c2) a burst (scripts/bench-reply-burst.ts): BENCH_BURST replies posted at once to cadences waiting on a timer;
//       each webhook's time to accept (p50/p99) and the time until every cadence reports 'replied';
//   (e) volume (scripts/bench-volume.ts), last: BENCH_APPROVALS pending approvals and BENCH_AUDIT_EVENTS audit
//       events seeded straight into the bench's database; GET /v1/approvals at 200 requests/s (autocannon) against
//       the API as its own process, the review metrics and the boundary report, and verify-audit's events/s;
//   (d) drafting (scripts/bench-drafting.ts): BENCH_DRAFTS drafts of a framework's AI slot with the embedded
//       model on one thread, one at a time as a drafting worker slot does; drafts per second, p50/p95, and
//       how many the checks send to review and why. Skipped, saying so, when the model is not fetched.
//
// Environment: DATABASE_URL (required: an admin-capable server URL; scripts/measure.sh provides one),
// BENCH_N (500), BENCH_CADENCES (100), BENCH_M (200), BENCH_WARMUP (warm-up runs before each
// measurement, 2), BENCH_DB_POOL (the worker's PostgreSQL pool, 10 like production),
// BENCH_TIMEOUT (seconds before the whole run gives up, 1800), BENCH_DRAFTS (20; 0 skips (d)),
// BENCH_WAVE (1000; 0 skips (c3)), BENCH_WAVE_M (100), BENCH_BURST (500; 0 skips (c2)), BENCH_APPROVALS (100000; 0 skips (e)), BENCH_AUDIT_EVENTS (1000000). The defaults take about twenty minutes on
// 2 cores; N and the cadence count are sized so that (a) and (b) each last several seconds, since a
// burst of a second or two mostly measures the ramp.
//
// It prints figures, not verdicts: the only checks are sanity checks that abort with a message.
import { randomBytes, randomUUID } from 'node:crypto';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { Client, Connection, WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure, type QueryDefinition } from '@temporalio/common';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import type { Pacer } from '../activities/deps';
import { loadAppConfig } from '../config/app';
import { loadTemporalConfig, type TemporalConfig } from '../config/temporal';
import { createDb, migrateToLatest, type Db } from '../db/connect';
import { createCadence, createProspect, createTeam, createUser, goodTemplate, type Team, type TestUser } from '../test/helpers/seed';
import { createCadenceWorker, createDraftingWorker, createWebhookWorker } from '../workers/cadence-worker';
import { replayWebhookSubscription, subscribe } from '../api/use-cases/webhook-subscriptions';
import { WebhookReceiver, type WebhookFigures } from './bench-webhooks';
import { measureVolume, reportVolume } from './bench-volume';
import { measureReplyBurst, reportReplyBurst } from './bench-reply-burst';
import { modelPathFromConfig } from '../workers/drafters';
import { measureDrafting, type DraftingFigures } from './bench-drafting';
import { builtInDrafter } from '../activities/drafter';
import { buildActivityDeps } from '../workers/deps';
import type { cadenceWorkflow } from '../workflows/cadence';
import {
  cadenceStartOptions,
  decideUpdate,
  DecisionRefusal,
  stateQuery,
  type CadenceInput,
  type CadenceResult,
} from '../workflows/definitions';
import { noopWorkflow, readyQuery, releasedQuery, releaseSignal, signalStateWorkflow, signalWorkflow } from './bench-workflows';
import { startApiProcess } from './api-process';
import { CaptureSmtpServer } from './capture-smtp';
import { cpuPer, cpuTimes, describeCpu, describeWorkerThreads, type CpuTimes } from './bench-cpu';
import { freePort, startDevServer, type DevServer } from './dev-server';
import { MeasureError, freshDatabase, intFromEnv, mapLimit, measureRun, median, ms, quantile, range, rate, sleep, within } from './measure-kit';

/**
 * Counts the SQL statements sent through a Kysely instance (transactions' included). A statement is counted when
 * its result comes back: a query built into another one as a subquery is compiled here too, but never sent.
 */
class StatementCounter implements KyselyPlugin {
  count = 0;
  /** By statement kind and table (e.g. "insert audit_events"), for the top of the per-step costs. */
  readonly byKind = new Map<string, number>();
  private readonly compiled = new WeakMap<object, string>();
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.compiled.set(args.queryId, statementKind(args.node));
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const kind = this.compiled.get(args.queryId);
    if (kind !== undefined) {
      this.count++;
      this.byKind.set(kind, (this.byKind.get(kind) ?? 0) + 1);
    }
    return args.result;
  }
}

function statementKind(node: RootOperationNode): string {
  const name = (t: unknown) => (t as { table?: { identifier?: { name?: string } } } | undefined)?.table?.identifier?.name;
  const n = node as unknown as { kind: string; from?: { froms?: unknown[] }; into?: unknown; table?: unknown };
  switch (n.kind) {
    case 'SelectQueryNode': {
      const from = n.from?.froms?.[0] as { kind?: string; node?: unknown } | undefined;
      return from ? `select ${name(from.kind === 'AliasNode' ? from.node : from) ?? '?'}` : 'select (no table)';
    }
    case 'InsertQueryNode':
      return `insert ${name(n.into) ?? '?'}`;
    case 'UpdateQueryNode': {
      const t = n.table as { kind?: string; node?: unknown } | undefined;
      return `update ${name(t?.kind === 'AliasNode' ? t.node : t) ?? '?'}`;
    }
    case 'DeleteQueryNode':
      return 'delete';
    case 'RawNode':
      return 'raw sql';
    default:
      return n.kind;
  }
}

const run = measureRun('bench');
const { log, onCleanup, shutdown } = run;

/** Reply-path cadences held at once (each holds an activity slot until its send stops). */
const REPLY_BATCH = 25;
/** How often the reply path's end (the state a cadence reports) is polled. */
const REPLY_POLL_MS = 5;
/**
 * The dev server has one history shard, and each shard reads its transfer queue (the tasks that dispatch a workflow
 * task after a signal, an activity, a completion) at most history.transferProcessorMaxPollRPS times a second
 * (default 20). A cluster spreads its workflows over hundreds of shards; on one, samples taken back to back wait for
 * the next read: a bare signal round trip took ~50 ms once its burst was spent, ~11 ms with the limit raised
 * (scripts/bench.ts, 2026-12-07). Raised for everything the bench measures, baselines and engine alike.
 */
const DEV_SERVER_ARGS = ['--dynamic-config-value', 'history.transferProcessorMaxPollRPS=1000'];

/**
 * Polls a running workflow's query every REPLY_POLL_MS until its answer is `done`: how the reply path's end is seen,
 * and the bare round trip beside it, by the same code.
 */
async function pollQuery<T>(h: WorkflowHandle, query: QueryDefinition<T, []>, done: (answer: T) => boolean): Promise<T> {
  for (;;) {
    const answer = await h.query(query);
    if (done(answer)) return answer;
    await sleep(REPLY_POLL_MS);
  }
}
const ratio = (a: number, b: number) => (b === 0 ? 'n/a' : (a / b).toFixed(a / b >= 10 ? 1 : 3));

// --- the pacer: lets every send through, except from mailboxes the bench holds ---

/**
 * Like the production pacer it honours cancellation: a held send waits until the activity is
 * cancelled and then rejects with the cancellation, so nothing reaches SMTP. It notes when each held
 * mailbox entered and when its send was let go, to tell when the worker really stopped the send.
 */
class BenchPacer implements Pacer {
  private readonly held = new Map<string, { enteredAt?: number; abortedAt?: number; reason?: string }>();
  private readonly release = new Set<(err: Error) => void>();
  private waiters: Array<() => void> = [];
  private closed = false;

  hold(mailbox: string): void {
    this.held.set(mailbox, {});
  }

  /** When the held send from this mailbox was cancelled in the worker (performance.now()), and why. */
  aborted(mailbox: string): { at: number; reason: string } | undefined {
    const h = this.held.get(mailbox);
    return h?.abortedAt === undefined ? undefined : { at: h.abortedAt, reason: h.reason ?? '' };
  }

  async waitTurn(mailbox: string, signal: AbortSignal): Promise<void> {
    signal.throwIfAborted();
    const h = this.held.get(mailbox);
    if (!h) return;
    h.enteredAt ??= performance.now();
    this.notify();
    await new Promise<void>((_, reject) => {
      if (this.closed) return reject(new Error('the bench is stopping'));
      const stop = (err: Error) => {
        signal.removeEventListener('abort', onAbort);
        this.release.delete(stop);
        reject(err);
      };
      const onAbort = () => {
        h.abortedAt ??= performance.now();
        h.reason ??= signal.reason instanceof Error ? signal.reason.message : String(signal.reason);
        this.notify();
        stop(signal.reason instanceof Error ? signal.reason : new Error(String(signal.reason)));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.release.add(stop);
    });
  }

  private notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    waiters.forEach((w) => w());
  }

  /** Waits until every one of `mailboxes` satisfies `done`; returns false on timeout. */
  async waitFor(mailboxes: string[], done: 'entered' | 'aborted', timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    const pending = () => mailboxes.filter((m) => (done === 'entered' ? this.held.get(m)?.enteredAt : this.held.get(m)?.abortedAt) === undefined);
    while (pending().length > 0) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 1000));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return true;
  }

  close(): void {
    this.closed = true;
    for (const stop of [...this.release]) stop(new Error('the bench is stopping'));
  }
}

// --- the approver: approves every pending approval as soon as the workflow takes the decision ---

interface PendingRow {
  id: string;
  workflow_id: string;
  draft_version: number;
  owner_id: string;
  created_at: Date;
}

class Approver {
  private readonly submitted = new Set<string>();
  private readonly attempts = new Map<string, number>();
  private stopped = false;
  private loop: Promise<void> = Promise.resolve();
  approved = 0;
  /** Attempts the workflow refused because it had not yet taken in the approval it had just opened. */
  early = 0;
  /** From the approval request row's created_at to the accepted update. */
  readonly waits: number[] = [];
  error: Error | undefined;

  constructor(
    private readonly db: Db,
    private readonly client: Client,
  ) {}

  start(): void {
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.loop;
  }

  check(): void {
    if (this.error) throw new MeasureError(`the bench's approver failed: ${this.error.message}`);
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        const rows: PendingRow[] = await this.db
          .selectFrom('approval_requests')
          .select(['id', 'workflow_id', 'draft_version', 'owner_id', 'created_at'])
          .where('status', '=', 'pending')
          // A cadence's steps only: an answer to a reply (the hand-over's suggestion) stays with the rep.
          .where('kind', '=', 'step')
          .execute();
        for (const row of rows) {
          if (this.submitted.has(row.id)) continue;
          this.submitted.add(row.id);
          void this.approve(row);
        }
      } catch (err) {
        this.error ??= err as Error;
      }
      await sleep(20);
    }
  }

  private async approve(row: PendingRow): Promise<void> {
    try {
      await this.client.workflow.getHandle(row.workflow_id).executeUpdate(decideUpdate, {
        args: [
          {
            approvalId: row.id,
            draftVersion: row.draft_version,
            actorId: row.owner_id,
            action: 'approve',
            decidedAt: new Date().toISOString(),
          },
        ],
      });
      this.approved++;
      this.waits.push(Date.now() - row.created_at.getTime());
    } catch (err) {
      // The row is written by the openApprovalRequest activity; the workflow takes decisions on it only
      // once it has processed that activity's result. Until then the validator refuses: try again.
      const refusal = err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure ? err.cause.type : undefined;
      const attempt = (this.attempts.get(row.id) ?? 0) + 1;
      this.attempts.set(row.id, attempt);
      if (refusal === DecisionRefusal.notAwaiting && attempt < 500) {
        this.early++;
        setTimeout(() => this.submitted.delete(row.id), 10);
        return;
      }
      this.error ??= new Error(`approving ${row.id} on ${row.workflow_id}: ${(err as Error).message}`);
    }
  }
}

// --- the run ---

interface Sizes {
  bareWorkflows: number;
  cadences: number;
  samples: number;
  warmup: number;
  dbPool: number;
  burst: number;
  /** (c3): one-step cadences in the send wave, and reply samples to take while it is in flight. */
  wave: number;
  waveSamples: number;
}

interface Stack {
  temporal: TemporalConfig;
  client: Client;
  bareQueue: string;
  workerDb: Db;
  apiDb: Db;
  smtp: CaptureSmtpServer;
  pacer: BenchPacer;
  approver: Approver;
  apiUrl: string;
  team: Team;
  cadenceId: string;
  runId: string;
  pgVersion: string;
  /** The bench's own database. */
  databaseUrl: string;
  webhooks: WebhookReceiver;
  /** SQL statements the cadence worker's activities sent. */
  statements: StatementCounter;
  /** CPU time by process so far (the Temporal server, this process, the API's, PostgreSQL's). */
  cpu(): CpuTimes;
  /** Replays the subscriber's backlog from a point in time, as POST /v1/webhook-subscriptions/{id}/replay does. */
  replayWebhooks(from: Date): Promise<{ requeued: number }>;
  /** Stops the worker's polling and waits for what is in flight: the volume phase then has the machine to itself. */
  stopWorkers(): Promise<void>;
}

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const sizes: Sizes = {
    bareWorkflows: intFromEnv('BENCH_N', 500, 1),
    cadences: intFromEnv('BENCH_CADENCES', 100, 1),
    samples: intFromEnv('BENCH_M', 200, 1),
    warmup: intFromEnv('BENCH_WARMUP', 2, 0),
    dbPool: intFromEnv('BENCH_DB_POOL', 10, 1),
    burst: intFromEnv('BENCH_BURST', 500, 0),
    wave: intFromEnv('BENCH_WAVE', 1000, 0),
    waveSamples: intFromEnv('BENCH_WAVE_M', 100, 1),
  };
  const timeoutS = intFromEnv('BENCH_TIMEOUT', 1800, 10);
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    throw new MeasureError('DATABASE_URL is not set: run `npm run bench` (it starts PostgreSQL), or point DATABASE_URL at an admin-capable server');
  }
  const watchdog = setTimeout(() => {
    log(`gave up after ${timeoutS} s (BENCH_TIMEOUT)`);
    void shutdown(1);
  }, timeoutS * 1000);
  onCleanup('the watchdog', () => clearTimeout(watchdog));

  const stack = await startStack(adminUrl, sizes);
  const bare = await measureBareThroughput(stack, sizes);
  const cadence = await measureCadenceThroughput(stack, sizes);
  const latency = await measureLatency(stack, sizes);
  const duringWave = sizes.wave > 0 ? await measureReplyDuringSendWave(stack, sizes) : undefined;
  const burst =
    sizes.burst > 0
      ? await measureReplyBurst({ n: sizes.burst, client: stack.client, db: stack.apiDb, taskQueue: stack.temporal.taskQueue, draftingTaskQueue: stack.temporal.draftingTaskQueue, apiUrl: stack.apiUrl, integrationToken: stack.team.integration.token, owner: stack.team.rep, log })
      : undefined;
  const drafting = await measureDrafting(modelPathFromConfig(loadAppConfig()), intFromEnv('BENCH_DRAFTS', 20, 0), log);
  // (e) last: it seeds the bench's database with a queue and an audit trail the earlier phases must not see.
  const approvals = intFromEnv('BENCH_APPROVALS', 100_000, 0);
  if (approvals > 0) {
    // The cadences of (c) and (c2) go on with their hand-overs (drafting suggestions, tasks) in this worker: stop it,
    // so the volume phase's API process does not share the cores with them.
    log('stopping the workers before the volume phase');
    await stack.approver.stop();
    await stack.stopWorkers();
  }
  const volume = approvals > 0 ? await measureVolume({ databaseUrl: stack.databaseUrl, approvals, auditEvents: intFromEnv('BENCH_AUDIT_EVENTS', 1_000_000, 1), log, temporalAddress: stack.temporal.address }) : undefined;
  report(stack, sizes, bare, cadence, latency, duringWave);
  if (burst) reportReplyBurst(burst, (line = '') => console.log(line));
  if (drafting) reportDrafting(drafting);
  if (volume) reportVolume(volume, (line = '') => console.log(line));
}

function reportDrafting(d: DraftingFigures): void {
  const out = (line = '') => console.log(line);
  const reasons = [...d.reasons.entries()].sort((a, b) => b[1] - a[1]).map(([code, n]) => `${code} ${n}`).join(', ');
  out(
    `(d) drafting with ${d.model} on 1 thread, one at a time: ${d.drafts} drafts in ${d.seconds.toFixed(1)} s, ${rate(d.drafts / d.seconds)} drafts/s; ` +
      `latency p50 ${ms(quantile(d.latencies, 0.5))}, p95 ${ms(quantile(d.latencies, 0.95))}; model load and first draft ${ms(d.loadMs)}`,
  );
  out(`    the checks sent ${d.toReview} of ${d.drafts} drafts to review (${Math.round((d.toReview / d.drafts) * 100)}%)${reasons ? `: ${reasons}` : ''}`);
}

async function startStack(adminUrl: string, sizes: Sizes): Promise<Stack> {
  const runId = randomBytes(4).toString('hex');
  const base = loadTemporalConfig();

  // PostgreSQL: a fresh database on the DATABASE_URL server.
  const { url, pgVersion } = await freshDatabase(run, adminUrl, 'cadence_bench', runId);
  // Two pools, as in production: the worker's, and the API's (webhook, approval queue).
  const workerDb = await createDb({ databaseUrl: url.toString(), poolSize: sizes.dbPool });
  onCleanup('the worker database pool', () => workerDb.destroy());
  const apiDb = await createDb({ databaseUrl: url.toString() });
  onCleanup('the API database pool', () => apiDb.destroy());
  await migrateToLatest(workerDb);

  // Temporal dev server, in memory.
  log('starting the Temporal dev server');
  let server: DevServer | undefined;
  process.on('exit', () => {
    if (server && server.process.exitCode === null) server.process.kill('SIGKILL');
  });
  server = await startDevServer({ config: base, port: await freePort(), logLevel: 'error', extraArgs: DEV_SERVER_ARGS });
  const devServer = server;
  onCleanup('the Temporal dev server', () => devServer.stop());
  const temporal: TemporalConfig = {
    ...base,
    address: server.address,
    taskQueue: `bench-cadence-${runId}`,
    draftingTaskQueue: `bench-drafting-${runId}`,
    webhooksTaskQueue: `bench-webhooks-${runId}`,
  };
  const bareQueue = `bench-bare-${runId}`;

  const smtp = new CaptureSmtpServer();
  const smtpPort = await smtp.listen(0);
  onCleanup('the capture SMTP server', () => smtp.close());

  const connection = await Connection.connect({ address: server.address });
  onCleanup('the Temporal client connection', () => connection.close());
  const client = new Client({ connection, namespace: temporal.namespace });

  // The worker's real dependencies, as workers/main.ts wires them, with the bench's pacer.
  const appConfig = loadAppConfig({
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    MESSAGE_ID_DOMAIN: 'cadence.bench',
    PUBLIC_BASE_URL: 'http://127.0.0.1',
    UNSUBSCRIBE_SECRET: randomBytes(32).toString('base64url'),
    // Throughput, not deliverability, is measured: caps and pacing out of the way, the seed domain allowed.
    MAILBOX_DEFAULT_DAILY_CAP: '1000000',
    MAILBOX_DEFAULT_HOURLY_CAP: '1000000',
    MAILBOX_DEFAULT_MIN_GAP_SECONDS: '0',
    MAILBOX_DEFAULT_JITTER_SECONDS: '0',
    MAILBOX_WARMUP_START_DAILY: '0',
    RECIPIENT_DOMAIN_DAILY_CAP: '1000000',
    SENDER_AUTH_OVERRIDE: 'seller.test',
  });
  const realDeps = buildActivityDeps(appConfig, workerDb);
  onCleanup('the SMTP transport', () => realDeps.close());
  const pacer = new BenchPacer();
  // The cadence and drafting workers' statements are counted (the webhook worker's are not), for the per-step costs.
  const statements = new StatementCounter();
  // Drafts and reply suggestions come from the template (DRAFTER's default), never the embedded model, even when
  // its file is here: a model writing on these two cores would measure the model, not the engine. Its cost is
  // (d)'s; a production team's model runs on its own server (DRAFTER=openai).
  const { close: _close, ...webhookDeps } = { ...realDeps, pacer, drafter: builtInDrafter, drafters: { template: builtInDrafter } };
  const deps = { ...webhookDeps, db: workerDb.withPlugin(statements) };

  log('bundling workflows and starting the worker');
  const native = await NativeConnection.connect({ address: server.address });
  onCleanup('the worker connection', () => native.close());
  const [cadenceWorker, draftingWorker, webhookWorker, bareWorker] = await Promise.all([
    createCadenceWorker({ temporal, deps, connection: native }),
    createDraftingWorker({ temporal, deps, connection: native }),
    createWebhookWorker({ temporal, deps: webhookDeps, connection: native }),
    Worker.create({
      connection: native,
      namespace: temporal.namespace,
      taskQueue: bareQueue,
      workflowsPath: require.resolve('./bench-workflows'),
      activities: { async noop() {} },
      maxCachedWorkflows: temporal.worker.maxCachedWorkflows,
      maxConcurrentActivityTaskExecutions: temporal.worker.maxConcurrentActivityTaskExecutions,
    }),
  ]);
  const runningWorkers: Array<Promise<void>> = [];
  const allWorkers = [cadenceWorker, draftingWorker, webhookWorker, bareWorker];
  for (const [name, worker] of [
    ['cadence worker', cadenceWorker],
    ['drafting worker', draftingWorker],
    ['webhook worker', webhookWorker],
    ['baseline worker', bareWorker],
  ] as const) {
    const running = worker.run().catch((err: Error) => {
      if (run.shuttingDown) return;
      log(`the ${name} failed: ${err.stack ?? err.message}`);
      void shutdown(1);
    });
    runningWorkers.push(running);
    onCleanup(`the ${name}`, async () => {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
    });
  }
  const stopWorkers = async () => {
    pacer.close(); // held sends let go, so their activities end
    for (const worker of allWorkers) if (worker.getState() === 'RUNNING') worker.shutdown();
    await Promise.all(runningWorkers);
  };
  // Registered after the workers, so it runs before them: held sends let go and the worker can stop.
  onCleanup('the pacer', () => pacer.close());

  // The API as production runs it: its own process, apart from the worker's event loop (rate limits off).
  const api = await startApiProcess(
    {
      databaseUrl: url.toString(),
      temporalAddress: server.address,
      env: { TEMPORAL_NAMESPACE: temporal.namespace, TEMPORAL_TASK_QUEUE: temporal.taskQueue, TEMPORAL_WEBHOOKS_TASK_QUEUE: temporal.webhooksTaskQueue, MESSAGE_ID_DOMAIN: 'cadence.bench' },
    },
    log,
  );
  onCleanup('the API process', () => api.stop());
  const apiUrl = api.url;

  const team = await createTeam(apiDb);
  const cadenceId = await createCadence(
    apiDb,
    [1, 2, 3].map(() => ({ delaySeconds: 0, template: goodTemplate })),
  );
  const approver = new Approver(apiDb, client);
  approver.start();
  onCleanup('the approver', () => approver.stop());

  // One subscriber to every event, as an admin makes it (the feed runs on the webhook worker's queue).
  const webhooks = new WebhookReceiver();
  const receiverUrl = await webhooks.start();
  onCleanup('the webhook receiver', () => webhooks.stop());
  const webhookAdmin = await createUser(apiDb, 'admin', 'Bench Admin');
  const subscription = await subscribe(
    { db: apiDb, temporal: client, taskQueue: temporal.webhooksTaskQueue },
    { url: receiverUrl, events: ['*'], caller: { userId: webhookAdmin.id, role: 'admin', name: webhookAdmin.name } },
  );
  webhooks.secret = subscription.secret;
  const replayWebhooks = (from: Date) =>
    replayWebhookSubscription({ db: apiDb, temporal: client, taskQueue: temporal.webhooksTaskQueue }, { id: subscription.id, from, caller: { userId: webhookAdmin.id, role: 'admin', name: webhookAdmin.name } });
  onCleanup('the webhook feed', () => client.workflow.getHandle(`webhook-feed:${subscription.id}`).terminate('bench over').then(() => undefined, () => undefined));

  const cpu = () => cpuTimes({ temporal: server.process.pid, api: api.pid });
  return { temporal, client, bareQueue, workerDb, apiDb, smtp, pacer, approver, apiUrl, team, cadenceId, runId, pgVersion, databaseUrl: url.toString(), webhooks, replayWebhooks, statements, cpu, stopWorkers };
}

/** Starts a cadence exactly as POST /v1/enrollments does. */
async function startCadence(stack: Stack, prospect: { prospectId: string; email: string }, owner: TestUser, cadenceId = stack.cadenceId) {
  const input: CadenceInput = {
    enrollmentId: randomUUID(),
    prospectId: prospect.prospectId,
    cadenceId,
    ownerId: owner.id,
    draftingTaskQueue: stack.temporal.draftingTaskQueue,
  };
  return stack.client.workflow.start<typeof cadenceWorkflow>(
    'cadenceWorkflow',
    cadenceStartOptions({
      enrollment: input,
      taskQueue: stack.temporal.taskQueue,
      ownerId: owner.id,
      prospectEmail: prospect.email,
      accountDomain: prospect.email.split('@')[1]!,
      summary: `bench cadence for ${prospect.email}, owned by ${owner.name}`,
    }),
  );
}

/** The captured messages addressed to any of `emails`, in the order they arrived. */
const messagesTo = (stack: Stack, emails: ReadonlySet<string>) => stack.smtp.messages.filter((m) => m.envelopeTo.some((to) => emails.has(to)));

/** How many of `messages` each of `emails` received. */
function perRecipient(messages: ReadonlyArray<{ envelopeTo: string[] }>, emails: ReadonlySet<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of messages) for (const to of m.envelopeTo) if (emails.has(to)) counts.set(to, (counts.get(to) ?? 0) + 1);
  return counts;
}

const seedProspects = (stack: Stack, n: number) => mapLimit(range(n), 8, () => createProspect(stack.apiDb));

interface HistoryShape {
  activities: number;
  /** Local activities: run by the workflow's own worker within a workflow task, each a marker in the history. */
  localActivities: number;
  workflowTasks: number;
  /** Search-attribute upserts: each a visibility write on the server. */
  upserts: number;
  events: number;
}

async function historyShape(handle: WorkflowHandle): Promise<HistoryShape> {
  const events = (await handle.fetchHistory()).events ?? [];
  return {
    activities: events.filter((e) => e.activityTaskScheduledEventAttributes).length,
    localActivities: events.filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_local_activity').length,
    workflowTasks: events.filter((e) => e.workflowTaskCompletedEventAttributes).length,
    upserts: events.filter((e) => e.upsertWorkflowSearchAttributesEventAttributes).length,
    events: events.length,
  };
}

// (a)
interface BareResult {
  n: number;
  seconds: number;
  perSecond: number;
  shape: HistoryShape;
  /** CPU ms per bare workflow by process. */
  cpu: CpuTimes;
}

async function measureBareThroughput(stack: Stack, sizes: Sizes): Promise<BareResult> {
  const once = async (n: number, tag: string) => {
    const started = performance.now();
    const handles = await Promise.all(
      range(n).map((i) =>
        stack.client.workflow.start(noopWorkflow, { taskQueue: stack.bareQueue, workflowId: `bench-bare-${stack.runId}-${tag}-${i}` }),
      ),
    );
    await within(Promise.all(handles.map((h) => h.result())), 60_000 + n * 2000, `for ${n} bare workflows to complete`);
    return { seconds: (performance.now() - started) / 1000, handles };
  };
  if (sizes.warmup > 0) {
    log(`(a) warm-up: ${sizes.warmup * 5} bare workflows`);
    await once(sizes.warmup * 5, 'warmup');
  }
  log(`(a) ${sizes.bareWorkflows} bare workflows, started at once`);
  const cpuBefore = stack.cpu();
  const { seconds, handles } = await once(sizes.bareWorkflows, 'run');
  const cpu = cpuPer(cpuBefore, stack.cpu(), sizes.bareWorkflows);
  return { n: sizes.bareWorkflows, seconds, perSecond: sizes.bareWorkflows / seconds, shape: await historyShape(handles[0]!), cpu };
}

// (b)
interface CadenceThroughput {
  n: number;
  steps: number;
  seconds: number;
  perSecond: number;
  messages: number;
  approvals: number;
  approvalWaits: number[];
  early: number;
  shape: HistoryShape;
  /** SQL statements the cadence worker sent during the run. */
  statements: number;
  /** CPU ms per step by process. */
  cpu: CpuTimes;
  statementKinds: ReadonlyArray<readonly [string, number]>;
  /** The signed webhook feed over the same run; drainSeconds: from the last cadence's end to its last event delivered. */
  webhooks: WebhookFigures & { drainSeconds: number; replayed: number; replayPerSecond: number };
}

async function runCadences(stack: Stack, prospects: Array<{ prospectId: string; email: string }>, what: string) {
  const started = performance.now();
  const handles = await Promise.all(prospects.map((p) => startCadence(stack, p, stack.team.rep)));
  const results: CadenceResult[] = await within(
    Promise.all(
      handles.map(async (h) => {
        const r = await h.result();
        stack.approver.check();
        return r;
      }),
    ),
    120_000 + prospects.length * 5000,
    `for ${what} to complete (approver: ${stack.approver.approved} approved so far)`,
  ).catch((err) => {
    stack.approver.check();
    throw err;
  });
  const seconds = (performance.now() - started) / 1000;
  for (const [i, r] of results.entries()) {
    const statuses = r.steps.map((s) => s.status);
    if (r.status !== 'completed' || statuses.length !== 3 || statuses.some((s) => s !== 'sent')) {
      throw new MeasureError(`cadence ${handles[i]!.workflowId} ended ${r.status} (${r.endedReason}) with steps [${statuses.join(', ')}]; expected completed with 3 sent`);
    }
  }
  return { seconds, handles };
}

async function measureCadenceThroughput(stack: Stack, sizes: Sizes): Promise<CadenceThroughput> {
  const n = sizes.cadences;
  const warm = await seedProspects(stack, sizes.warmup);
  const prospects = await seedProspects(stack, n);
  if (warm.length > 0) {
    log(`(b) warm-up: ${warm.length} cadence(s)`);
    await runCadences(stack, warm, 'the warm-up cadences');
  }
  const approvedBefore = stack.approver.approved;
  const waitsBefore = stack.approver.waits.length;
  const earlyBefore = stack.approver.early;
  log(`(b) ${n} three-step cadences, started at once`);
  const measuredFrom = new Date();
  const statementsBefore = stack.statements.count;
  const kindsBefore = new Map(stack.statements.byKind);
  const cpuBefore = stack.cpu();
  const { seconds, handles } = await runCadences(stack, prospects, `${n} cadences`);
  const cpu = cpuPer(cpuBefore, stack.cpu(), 3 * n);
  const statements = stack.statements.count - statementsBefore;
  const statementKinds = [...stack.statements.byKind]
    .map(([kind, n]) => [kind, n - (kindsBefore.get(kind) ?? 0)] as const)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1]);

  // Every message went through real SMTP to the capture server: exactly three per prospect.
  const emails = new Set(prospects.map((p) => p.email));
  const received = messagesTo(stack, emails);
  const perProspect = perRecipient(received, emails);
  const wrong = [...emails].filter((e) => perProspect.get(e) !== 3);
  if (received.length !== 3 * n || wrong.length > 0) {
    throw new MeasureError(
      `the capture SMTP server received ${received.length} messages for ${n} cadences (expected ${3 * n}); ` +
        `${wrong.length} prospect(s) did not get exactly 3, e.g. ${wrong[0]} got ${perProspect.get(wrong[0]!) ?? 0}`,
    );
  }
  const distinctIds = new Set(received.map((m) => m.messageId));
  if (distinctIds.size !== received.length) throw new MeasureError(`duplicate Message-IDs among ${received.length} captured messages`);

  // The webhook feed: every event of these cadences at the subscriber (each ends with cadence.finished).
  const ids = new Set(prospects.map((p) => p.prospectId));
  const doneAt = performance.now();
  const deadline = Date.now() + 120_000 + n * 1000;
  while (stack.webhooks.count('cadence.finished', ids) < n) {
    if (Date.now() > deadline) throw new MeasureError(`the webhook subscriber got cadence.finished for ${stack.webhooks.count('cadence.finished', ids)} of ${n} cadences`);
    await sleep(50);
  }
  const live = { ...stack.webhooks.figures(ids), drainSeconds: (performance.now() - doneAt) / 1000 };
  // The feed's capacity: the same events replayed as one backlog.
  log(`(b) replaying the ${live.events} webhook events as a backlog`);
  const { requeued } = await stack.replayWebhooks(measuredFrom);
  const replayDeadline = Date.now() + 120_000 + requeued * 100;
  while (stack.webhooks.repeats.length < requeued) {
    if (Date.now() > replayDeadline) throw new MeasureError(`the replay delivered ${stack.webhooks.repeats.length} of ${requeued} events`);
    await sleep(50);
  }
  const webhooks = { ...live, replayed: requeued, replayPerSecond: stack.webhooks.repeatRate() };

  return {
    n,
    steps: 3 * n,
    seconds,
    perSecond: (3 * n) / seconds,
    messages: received.length,
    approvals: stack.approver.approved - approvedBefore,
    approvalWaits: stack.approver.waits.slice(waitsBefore),
    early: stack.approver.early - earlyBefore,
    shape: await historyShape(handles[0]!),
    statements,
    statementKinds,
    cpu,
    webhooks,
  };
}

// (c)
interface Latency extends ReplySamples {
  signal: number[];
  signalAck: number[];
  /** The same signal round trip, its end seen by polling a query as the reply path's is. */
  signalPolled: number[];
}

/** Reply-path samples: each reply's path and 202, and how its held send was let go. */
interface ReplySamples {
  reply: number[];
  replyAck: number[];
  /** What the phase noted as each sample was taken ((c3): the send wave's messages not yet at SMTP). */
  context: number[];
  /** From the reply POST to the held send being let go in the worker, for each send that was (warm-up included). */
  sendStopped: number[];
  sendsHeld: number;
  /** Sends let go only after the workflow had already reported 'replied'. */
  stoppedAfterResult: number;
  reasons: Map<string, number>;
  /** Samples whose end was the webhook's answer (the cadence answered the reply update), not a query. */
  answeredByWebhook: number;
}

const STOP_LIMIT_MS = 30_000;

const answeredAt = (r: ReplySamples) =>
  `${r.answeredByWebhook} of ${r.sendsHeld} replies (warm-up included) ended at the webhook's answer, which carried the cadence's report; the rest at the first query that showed it`;

const noReplySamples = (): ReplySamples => ({ reply: [], replyAck: [], context: [], sendStopped: [], sendsHeld: 0, stoppedAfterResult: 0, reasons: new Map(), answeredByWebhook: 0 });

/** Held sends at once: each takes an activity slot, so a batch leaves the worker room for everything else. */
const replyBatchSize = (stack: Stack) => Math.max(1, Math.min(REPLY_BATCH, Math.floor(stack.temporal.worker.maxConcurrentActivityTaskExecutions * 0.6)));

/**
 * `size` cadences whose first send (approved by the bench) is held in the pacer. Each has its own owner, so its
 * own mailbox: the pacer then tells when the worker really stopped that send.
 */
async function holdFirstSends(stack: Stack, size: number, label: string) {
  const owners = await mapLimit(range(size), 8, () => createUser(stack.apiDb, 'rep', `Bench Rep ${randomUUID().slice(0, 8)}`, stack.team.manager.id));
  owners.forEach((o) => stack.pacer.hold(o.email));
  const prospects = await seedProspects(stack, size);
  log(`${label}: ${size} cadences with their first send in flight`);
  const handles = await Promise.all(prospects.map((p, i) => startCadence(stack, p, owners[i]!)));
  const mailboxes = owners.map((o) => o.email);
  if (!(await stack.pacer.waitFor(mailboxes, 'entered', 60_000 + size * 3000))) {
    stack.approver.check();
    throw new MeasureError(`${label}: timed out waiting for the first sends of the reply-path cadences to reach the pacer`);
  }
  stack.approver.check();
  return { handles, prospects, mailboxes };
}

/**
 * A reply to each held cadence through POST /v1/webhooks/inbound-reply, one at a time, into `into`; `context` is
 * noted as each is posted. Then every held send must be let go and recorded cancelled, and none may reach SMTP.
 * With `settle`, each sample waits for the previous reply's aftermath (its send let go in the worker, the hand-over
 * to the rep drafted and waiting for approval) as each bare sample waits for its workflow to end: the samples are
 * then one reply each, not one reply beside the hand-overs of the replies before it ((c3) measures under load).
 */
async function replyToEach(
  stack: Stack,
  held: Awaited<ReturnType<typeof holdFirstSends>>,
  into: ReplySamples,
  options: { context?: () => number; settle?: boolean } = {},
): Promise<void> {
  const context = options.context ?? (() => 0);
  const { handles, prospects, mailboxes } = held;
  const replyStarted: number[] = [];
  const replyDone: number[] = [];
  // The end of the reply path is the state the workflow reports: 'replied', its in-flight send cancelling
  // (the ledger refuses it; the cancellation is on its way to the worker) or already cancelled. The webhook's answer
  // carries that report when the cadence answered the reply update; otherwise (it fell back to the signal) a query
  // shows it. Either way a query then confirms it, untimed.
  const stopped = (status: string, stepStatus: string | null | undefined) => status === 'replied' && (stepStatus === 'cancelling' || stepStatus === 'cancelled');
  const replied = (h: (typeof handles)[number]) => pollQuery(h, stateQuery, (state) => stopped(state.status, state.steps[0]!.status));
  for (const [i, h] of handles.entries()) {
    const prospect = prospects[i]!;
    into.context.push(context());
    const t0 = performance.now();
    const res = await fetch(`${stack.apiUrl}/v1/webhooks/inbound-reply`, {
      method: 'POST',
      headers: { authorization: `Bearer ${stack.team.integration.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        messageId: `<bench-reply-${randomUUID()}@prospect.test>`,
        from: prospect.email,
        subject: 'Re: Quick question',
        text: 'Interested. Can we talk on Tuesday?',
      }),
    });
    const t1 = performance.now();
    const body = (await res.json()) as { cadenceStopped?: boolean; cadence?: { status: string; step: number; stepStatus: string | null } | null };
    if (res.status !== 202 || !body.cadenceStopped) {
      throw new MeasureError(`the reply webhook answered ${res.status} ${JSON.stringify(body)}; expected 202 with cadenceStopped: true`);
    }
    const answered = body.cadence ? stopped(body.cadence.status, body.cadence.stepStatus) : false;
    if (body.cadence && !answered) throw new MeasureError(`cadence ${h.workflowId} answered the reply with ${JSON.stringify(body.cadence)}; expected replied, its send cancelling`);
    if (answered) into.answeredByWebhook++;
    const r = await within(replied(h), 60_000, `for cadence ${h.workflowId} to stop after the reply`);
    const t2 = answered ? t1 : performance.now();
    if (r.status !== 'replied') throw new MeasureError(`cadence ${h.workflowId} is ${r.status} after the reply; expected replied`);
    replyStarted.push(t0);
    replyDone.push(t2);
    into.replyAck.push(t1 - t0);
    into.reply.push(t2 - t0);
    if (options.settle) {
      await stack.pacer.waitFor([mailboxes[i]!], 'aborted', STOP_LIMIT_MS);
      await within(
        pollQuery(h, stateQuery, (state) => state.steps[0]!.status === 'cancelled' && state.awaitingApproval?.kind === 'reply'),
        STOP_LIMIT_MS,
        `for cadence ${h.workflowId} to hand the reply over to its rep`,
      );
    }
  }
  into.sendsHeld += handles.length;

  // The workflow reports the reply before the activity itself has stopped: wait (a bounded time) for every
  // held send to be let go in the worker, and note when it was.
  await stack.pacer.waitFor(mailboxes, 'aborted', STOP_LIMIT_MS);
  mailboxes.forEach((m, i) => {
    const a = stack.pacer.aborted(m);
    if (!a) return;
    into.sendStopped.push(a.at - replyStarted[i]!);
    if (a.at > replyDone[i]!) into.stoppedAfterResult++;
    into.reasons.set(a.reason, (into.reasons.get(a.reason) ?? 0) + 1);
  });
  // Once the send activity has stopped, every cadence records its first step cancelled (never sent).
  for (const h of handles) {
    const deadline = Date.now() + STOP_LIMIT_MS;
    for (;;) {
      const step = (await h.query(stateQuery)).steps[0]!.status;
      if (step === 'cancelled') break;
      if (Date.now() > deadline) throw new MeasureError(`cadence ${h.workflowId} still has step 1 ${step} ${STOP_LIMIT_MS / 1000} s after the reply; expected cancelled`);
      await sleep(20);
    }
  }
  const emails = new Set(prospects.map((p) => p.email));
  const leaked = messagesTo(stack, emails);
  if (leaked.length > 0) throw new MeasureError(`${leaked.length} message(s) reached SMTP for prospects who replied while their send was held`);
}

async function measureLatency(stack: Stack, sizes: Sizes): Promise<Latency> {
  const total = sizes.samples + sizes.warmup;

  // Bare: workflows that complete on one signal, each running and cached before its sample.
  log(`(c) ${total} bare signal round trips, one at a time`);
  const signalHandles = await Promise.all(
    range(total).map((i) =>
      stack.client.workflow.start(signalWorkflow, { taskQueue: stack.bareQueue, workflowId: `bench-signal-${stack.runId}-${i}` }),
    ),
  );
  await within(
    mapLimit(signalHandles, 10, (h) => h.query(readyQuery)),
    60_000 + total * 1000,
    'for the signal workflows to start',
  );
  const signal: number[] = [];
  const signalAck: number[] = [];
  for (const h of signalHandles) {
    const result = h.result();
    const t0 = performance.now();
    await h.signal(releaseSignal);
    const t1 = performance.now();
    await within(result, 30_000, `for signal workflow ${h.workflowId} to complete`);
    const t2 = performance.now();
    signalAck.push(t1 - t0);
    signal.push(t2 - t0);
  }

  // The same round trip seen as the reply path's end is seen (REPLY_POLL_MS query polls of a running workflow),
  // printed beside it: how much of the reply path's figure is the way its end is detected.
  log(`(c) ${total} bare signal round trips seen by polling a query, one at a time`);
  const polledHandles = await Promise.all(
    range(total).map((i) =>
      stack.client.workflow.start(signalStateWorkflow, { taskQueue: stack.bareQueue, workflowId: `bench-signal-polled-${stack.runId}-${i}` }),
    ),
  );
  await within(mapLimit(polledHandles, 10, (h) => h.query(readyQuery)), 60_000 + total * 1000, 'for the polled signal workflows to start');
  const signalPolled: number[] = [];
  for (const h of polledHandles) {
    const t0 = performance.now();
    await h.signal(releaseSignal);
    await within(pollQuery(h, releasedQuery, (released) => released), 30_000, `for signal workflow ${h.workflowId} to report the signal`);
    signalPolled.push(performance.now() - t0);
  }
  await Promise.all(polledHandles.map((h) => h.terminate('the bench measured it')));

  // Reply path: in batches of held sends, a reply to each, one at a time.
  const samples = noReplySamples();
  const batchSize = replyBatchSize(stack);
  for (let done = 0, batch = 1; done < total; done += batchSize, batch++) {
    const held = await holdFirstSends(stack, Math.min(batchSize, total - done), `(c) batch ${batch}`);
    await replyToEach(stack, held, samples, { settle: true });
  }
  const drop = (s: number[]) => s.slice(sizes.warmup);
  return { ...samples, signal: drop(signal), signalAck: drop(signalAck), signalPolled: drop(signalPolled), reply: drop(samples.reply), replyAck: drop(samples.replyAck) };
}

// (c3)
interface WaveLatency extends ReplySamples {
  /** One-step cadences started at once, each first touch approved by the bench. */
  wave: number;
  /** From the wave's start to its last message at SMTP. */
  seconds: number;
  /** Samples taken after the wave's last message was delivered (left out of `reply`). */
  afterWave: number;
}

/**
 * The reply path while a wave of sends is in flight: `sizes.wave` one-step cadences start at once, their first
 * touches approved by the bench as a rep would, and while their messages go out, replies to held sends as in (c).
 * A sample counts only if it was posted while some of the wave's messages had not reached SMTP yet.
 */
async function measureReplyDuringSendWave(stack: Stack, sizes: Sizes): Promise<WaveLatency> {
  const n = sizes.wave;
  const waveCadenceId = await createCadence(stack.apiDb, [{ delaySeconds: 0, template: goodTemplate }]);
  const prospects = await seedProspects(stack, n);
  const emails = new Set(prospects.map((p) => p.email));
  const delivered = () => messagesTo(stack, emails).length;
  const batchSize = replyBatchSize(stack);
  // The first batch is held before the wave, so its samples start with the wave.
  let held = await holdFirstSends(stack, Math.min(batchSize, sizes.waveSamples), '(c3) batch 1');

  log(`(c3) a wave of ${n} one-step cadences started at once, each first touch approved by the bench; replies to held sends meanwhile`);
  const startedAt = Date.now();
  const handles = await mapLimit(prospects, 16, (p) => startCadence(stack, p, stack.team.rep, waveCadenceId));
  const results = Promise.all(handles.map((h) => h.result()));
  results.catch(() => undefined);
  const firstDeadline = Date.now() + 120_000 + n * 100;
  while (delivered() === 0) {
    stack.approver.check();
    if (Date.now() > firstDeadline) throw new MeasureError(`(c3) none of the wave's ${n} messages reached SMTP`);
    await sleep(10);
  }
  const samples = noReplySamples();
  for (let batch = 1; ; batch++) {
    if (batch > 1) held = await holdFirstSends(stack, Math.min(batchSize, sizes.waveSamples - samples.reply.length), `(c3) batch ${batch}`);
    await replyToEach(stack, held, samples, { context: () => n - delivered() });
    const during = samples.context.filter((c) => c > 0).length;
    if (during >= sizes.waveSamples || delivered() >= n) break;
  }
  const cadences = await within(results, 120_000 + n * 5000, `for the wave's ${n} cadences to complete`);
  const received = messagesTo(stack, emails);
  const lastAt = received.at(-1)?.receivedAt;
  const waveMs = (lastAt ? Date.parse(lastAt) : Date.now()) - startedAt;
  const notSent = cadences.filter((r) => r.status !== 'completed' || r.steps[0]?.status !== 'sent').length;
  if (notSent > 0) throw new MeasureError(`(c3) ${notSent} of the wave's ${n} cadences did not complete with their one step sent`);
  const perProspect = perRecipient(received, emails);
  const wrong = [...emails].filter((e) => perProspect.get(e) !== 1);
  if (wrong.length > 0) throw new MeasureError(`(c3) ${wrong.length} of the wave's prospects did not get exactly one message, e.g. ${wrong[0]} got ${perProspect.get(wrong[0]!) ?? 0}`);

  const during = samples.context.map((c) => c > 0);
  const keep = (s: number[]) => s.filter((_, i) => during[i]);
  return {
    ...samples,
    reply: keep(samples.reply),
    replyAck: keep(samples.replyAck),
    context: keep(samples.context),
    afterWave: during.filter((d) => !d).length,
    wave: n,
    seconds: waveMs / 1000,
  };
}

function report(stack: Stack, sizes: Sizes, bare: BareResult, cadence: CadenceThroughput, latency: Latency, duringWave: WaveLatency | undefined): void {
  const cpus = os.cpus();
  const out = (line = '') => console.log(line);
  const dist = (s: number[]) => `median ${ms(median(s))}, p99 ${ms(quantile(s, 0.99))} (min ${ms(Math.min(...s))}, max ${ms(Math.max(...s))})`;
  const waits = cadence.approvalWaits;
  out();
  out('Cadence engine benchmark');
  out(
    `machine: ${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown CPU'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ` +
      `Node ${process.version}, ${os.platform()} ${os.arch()}, NODE_OPTIONS ${process.env.NODE_OPTIONS?.trim() || '(none)'}`,
  );
  out(
    `stack: Temporal dev server (in memory), PostgreSQL ${stack.pgVersion} (worker pool ${sizes.dbPool}), capture SMTP, ` +
      `one in-process worker (maxCachedWorkflows ${stack.temporal.worker.maxCachedWorkflows}, ` +
      `maxConcurrentActivityTaskExecutions ${stack.temporal.worker.maxConcurrentActivityTaskExecutions}; drafting on its own task queue with the template, ` +
      `the model's cost being (d)'s), the API as its own process`,
  );
  out(
    `sizes: N=${bare.n} bare workflows, ${cadence.n} cadences, M=${latency.signal.length} latency samples each (after ${sizes.warmup} warm-up)` +
      (latency.signal.length < 100 ? `; with fewer than 100 samples the p99 is the maximum` : ''),
  );
  out();
  out(`(a) bare: ${bare.n} workflows x 1 no-op activity, started at once: ${bare.seconds.toFixed(2)} s, ${rate(bare.perSecond)} workflows/s`);
  out(
    `(b) cadences: ${cadence.n} x 3 steps, zero delays, first touch approved at once by the bench: ` +
      `${cadence.steps} steps sent in ${cadence.seconds.toFixed(2)} s, ${rate(cadence.perSecond)} steps/s ` +
      `(${rate(cadence.n / cadence.seconds)} cadences/s)`,
  );
  out(`    capture SMTP received ${cadence.messages} messages = 3 x ${cadence.n}`);
  out(
    `    approvals: ${cadence.approvals}, request row to accepted decision ${waits.length ? `median ${ms(median(waits))}, max ${ms(Math.max(...waits))}` : 'n/a'}; ` +
      `${cadence.early} attempt(s) refused because the workflow had not yet taken in its own approval request`,
  );
  out(
    `    per workflow history: cadence ${cadence.shape.activities} activities, ${cadence.shape.localActivities} local activities, ${cadence.shape.workflowTasks} workflow tasks, ` +
      `${cadence.shape.upserts} search-attribute upserts, ${cadence.shape.events} events; ` +
      `bare ${bare.shape.activities}, ${bare.shape.localActivities}, ${bare.shape.workflowTasks}, ${bare.shape.upserts}, ${bare.shape.events}`,
  );
  const perStep = (v: number) => (v / 3).toFixed(1);
  out(
    `    per step (what a regression shows in): ${perStep(cadence.shape.activities)} activities, ${perStep(cadence.shape.localActivities)} local activities, ` +
      `${perStep(cadence.shape.workflowTasks)} workflow tasks, ${perStep(cadence.shape.upserts)} search-attribute upserts, ` +
      `${perStep(cadence.shape.events)} history events, ${(cadence.statements / cadence.steps).toFixed(1)} SQL statements from the worker (${cadence.statements} for ${cadence.steps} steps)`,
  );
  out(`    SQL statements per step, most first: ${cadence.statementKinds.slice(0, 12).map(([kind, n]) => `${kind} ${(n / cadence.steps).toFixed(1)}`).join(', ')}`);
  out(`    CPU ms per step: ${describeCpu(cadence.cpu)}`);
  out(`    CPU ms per bare workflow: ${describeCpu(bare.cpu)}`);
  out(`    (the worker process is this one: the workers, and the bench's capture SMTP server, approver and webhook receiver)`);
  const stepThreads = describeWorkerThreads(cadence.cpu);
  const bareThreads = describeWorkerThreads(bare.cpu);
  if (stepThreads && bareThreads) out(`    the worker process by thread, CPU ms per step: ${stepThreads}; per bare workflow: ${bareThreads}`);
  const wh = cadence.webhooks;
  out(
    `    webhook feed (one subscriber to all events, signed, verified by the receiver): ${wh.events} events delivered, ${rate(wh.perSecond)} deliveries/s; ` +
      `audit event to delivery lag p50 ${ms(quantile(wh.lags, 0.5))}, p99 ${ms(quantile(wh.lags, 0.99))}, max ${ms(Math.max(...wh.lags))}; ` +
      `last event ${wh.drainSeconds.toFixed(2)} s after the last cadence ended; ${wh.duplicates} delivered twice, ${wh.badSignatures} bad signatures`,
  );
  out(`    the same ${wh.replayed} events replayed as one backlog (POST …/replay): ${rate(wh.replayPerSecond)} deliveries/s`);
  out(
    `(c) bare signal round trip (signal call to workflow result): ${dist(latency.signal)}; ` +
      `signal call returned after median ${ms(median(latency.signalAck))}`,
  );
  out(`    the same round trip seen by polling a query every ${REPLY_POLL_MS} ms, as a reply's end is seen when the webhook's answer does not carry it: ${dist(latency.signalPolled)}`);
  out(
    `    reply path (POST inbound-reply during a held send to the cadence reporting 'replied', its send cancelling or cancelled; each posted once the one before had settled): ${dist(latency.reply)}; ` +
      `webhook answered 202 after median ${ms(median(latency.replyAck))}, p99 ${ms(quantile(latency.replyAck, 0.99))}; ` +
      `${answeredAt(latency)}`,
  );
  out(`    ${heldSendsLetGo(latency, 'warm-up included')}`);
  if (duringWave) {
    const w = duringWave;
    const inFlight = w.context;
    out(
      `(c3) the reply path while a wave of ${w.wave} one-step cadences sends (each first touch approved by the bench; the wave's ${w.wave} messages ` +
        `at SMTP ${w.seconds.toFixed(1)} s after its start, ${rate(w.wave / w.seconds)} sends/s): ${w.reply.length} samples posted while ` +
        `${inFlight.length ? `${Math.min(...inFlight)}–${Math.max(...inFlight)}` : 'none'} of its messages were not yet at SMTP` +
        (w.afterWave ? ` (${w.afterWave} more after the wave, left out)` : ''),
    );
    if (w.reply.length > 0) {
      out(`    reply path: ${dist(w.reply)}; webhook answered 202 after median ${ms(median(w.replyAck))}, p99 ${ms(quantile(w.replyAck, 0.99))}; ${answeredAt(w)}`);
    }
    out(`    ${heldSendsLetGo(w, 'samples after the wave included')}`);
  }
  out();
  out(`cadence steps/s vs bare workflows/s: ${rate(cadence.perSecond)} vs ${rate(bare.perSecond)} (ratio ${ratio(cadence.perSecond, bare.perSecond)})`);
  out(
    `reply path vs bare signal round trip, median: ${ms(median(latency.reply))} vs ${ms(median(latency.signal))} ` +
      `(ratio ${ratio(median(latency.reply), median(latency.signal))})`,
  );
  out(
    `reply path vs bare signal round trip, p99: ${ms(quantile(latency.reply, 0.99))} vs ${ms(quantile(latency.signal, 0.99))} ` +
      `(ratio ${ratio(quantile(latency.reply, 0.99), quantile(latency.signal, 0.99))})`,
  );
  if (duringWave && duringWave.reply.length > 0) {
    out(
      `reply path during the send wave vs bare signal round trip, median / p99: ${ms(median(duringWave.reply))} / ${ms(quantile(duringWave.reply, 0.99))} ` +
        `vs ${ms(median(latency.signal))} / ${ms(quantile(latency.signal, 0.99))} ` +
        `(ratios ${ratio(median(duringWave.reply), median(latency.signal))} / ${ratio(quantile(duringWave.reply, 0.99), quantile(latency.signal, 0.99))})`,
    );
  }
}

function heldSendsLetGo(s: ReplySamples, included: string): string {
  const stopped = s.sendStopped;
  const reasons = [...s.reasons].map(([r, n]) => `${r} x${n}`).join(', ');
  return (
    `the held send itself was let go in the worker (activity cancelled) after ` +
    (stopped.length ? `median ${ms(median(stopped))}, p99 ${ms(quantile(stopped, 0.99))}` : 'never') +
    ` for ${stopped.length} of ${s.sendsHeld} sends (${included}; waited up to ${STOP_LIMIT_MS / 1000} s); ` +
    `${s.stoppedAfterResult} of them after the workflow had reported 'replied'` +
    (reasons ? ` (cancellation reasons: ${reasons})` : '')
  );
}

run.finish(main);
