// `npm run soak` (scripts/measure.sh): how the cadence engine holds a large live set of waiting cadences on
// this machine. One run, everything started by this script and removed at the end, failure and Ctrl-C
// included:
//
//   - a Temporal dev server on a free port, its state in an on-disk SQLite file in a temporary directory (WAL
//     mode by default, see SOAK_DEV_DB),
//   - a fresh PostgreSQL database on the $DATABASE_URL server, migrated, dropped at the end,
//   - a capture SMTP server (nothing may reach it: every cadence waits),
//   - the worker in a child process (scripts/soak-worker.ts: the production worker process, with the cadence,
//     drafting and webhook workers and a prebuilt workflow bundle), so that its RSS and heaps are its own.
//
// It enrolls SOAK_N cadences, each started as POST /v1/enrollments starts one, into two cadences that wait:
// half on an approval gate (the first touch is always gated: the workflow waits for the rep with the reminder,
// escalation and expiry timers of hours) and half on a durable timer of SOAK_DELAY_DAYS days before their first
// step. Enrollment is closed-loop: at most SOAK_WINDOW cadences are started and not yet waiting, so the rate is
// what the stack sustains, not a backlog in the task queue. Every SOAK_SAMPLE seconds it samples the worker (RSS,
// V8 heaps of the main thread and of the workflow threads, external, cached workflows, evictions, replays, CPU),
// the dev server (RSS from /proc, CPU, SQLite size, running workflows by a visibility count) and PostgreSQL
// (database size). Then it reports
//   - the enrollment rate (cadences reaching their wait per second, and how it changes as the live set grows),
//   - worker RSS and heap over time (a table and an ASCII plot),
//   - memory per cached workflow: (RSS with the cache full - RSS after a warm-up) / cached workflows added,
//     and the same for the workflow threads' V8 heap, both after a full GC in every isolate,
//   - dev-server (SQLite file, RSS) and PostgreSQL bytes per cadence,
//   - with the worker cache (SOAK_CACHE) smaller than the live set: query latency of cached vs evicted cadences
//     (a query to an evicted cadence replays its history on the worker), replays per second with
//     SOAK_PROBE_CONCURRENCY queries at once, and the worker's evictions (SDK metrics: sticky cache hits,
//     misses, which are the full-history replays, and forced evictions).
//
// Environment: DATABASE_URL (required: an admin-capable server URL; scripts/measure.sh provides one), SOAK_N
// (10000), SOAK_CACHE (the cadence worker's maxCachedWorkflows, 1000), SOAK_WINDOW (200), SOAK_CONCURRENCY
// (starts in flight, 16), SOAK_SAMPLE (seconds between samples, 5), SOAK_PROBES (queries to evicted cadences
// in each of the two probe runs, 300), SOAK_PROBE_CONCURRENCY (8), SOAK_DELAY_DAYS (3), SOAK_DB_POOL (the
// worker's PostgreSQL pool, 10 like production), SOAK_DEV_DB (the dev server's store: wal, the default, an
// on-disk SQLite file in WAL mode with synchronous=normal; file, the same file with the rollback journal, as
// `npm start` runs it, which enrolls about half as fast here; memory, no file), SOAK_TIMEOUT (seconds before
// the whole run gives up; default 1200 + N/5).
//
// Sizes: on this project's 2-core machine, shared with a test run, enrollment went at 12-14 cadences/s (WAL), so
// the default N=10000 takes about 15 minutes; the README figure is SOAK_N=100000 (about 2 1/2 hours here).
//
// It prints figures, not verdicts: the only checks are sanity checks that abort with a message.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode } from '@temporalio/worker';
import { sql as rawSql } from 'kysely';
import { loadTemporalConfig, type TemporalConfig } from '../config/temporal';
import { createDb, migrateToLatest, type Db } from '../db/connect';
import { createCadence, createTeam, createUser, goodTemplate, type TestUser } from '../test/helpers/seed';
import type { cadenceWorkflow } from '../workflows/cadence';
import { cadenceStartOptions, cadenceWorkflowId, stateQuery, type CadenceInput } from '../workflows/definitions';
import { CaptureSmtpServer } from './capture-smtp';
import { freePort, startDevServer, type DevServer } from './dev-server';
import { parentOf, processes, processStats } from './proc';
import { resolveTemporalCli } from './tools';
import { MeasureError, freshDatabase, intFromEnv, mapLimit, measureRun, ms, quantile, range, rate, sleep, within } from './measure-kit';
import type { FromWorker, SoakWorkerConfig, ToWorker, WorkerSample } from './soak-worker';

const run = measureRun('soak');
const { log, onCleanup, shutdown } = run;

type DevDb = 'file' | 'wal' | 'memory';
const DEV_DB_DEFAULT: DevDb = 'wal';
const devDbLabel: Record<DevDb, string> = {
  file: 'SQLite on disk, rollback journal (as `npm start` runs it)',
  wal: 'SQLite on disk, journal_mode=wal, synchronous=normal',
  memory: 'in memory',
};

function devDbFromEnv(): DevDb {
  const raw = process.env.SOAK_DEV_DB ?? '';
  if (raw === '') return DEV_DB_DEFAULT;
  if (raw === 'file' || raw === 'wal' || raw === 'memory') return raw;
  throw new MeasureError(`SOAK_DEV_DB must be file, wal or memory, got "${raw}"`);
}

/**
 * scripts/dev-server.ts has no option for SQLite pragmas: for SOAK_DEV_DB=wal the dev server is started through a
 * wrapper in the run's temporary directory that adds them (TEMPORAL_CLI_PATH, which resolveTemporalCli honours).
 */
function walCliWrapper(dir: string): string {
  const wrapper = path.join(dir, 'temporal-wal');
  const cli = resolveTemporalCli();
  writeFileSync(wrapper, `#!/bin/sh\nexec '${cli.replace(/'/g, `'\\''`)}' "$@" --sqlite-pragma journal_mode=wal --sqlite-pragma synchronous=normal\n`, { mode: 0o755 });
  return wrapper;
}

/** Set when clean-up begins: the enrollment, the probes and the sampler stop issuing calls. */
let aborting = false;
/** The soak's own loops in flight, which clean-up waits for before it closes what they use. */
const activeWork = new Set<Promise<unknown>>();
function track<T>(work: Promise<T>): Promise<T> {
  activeWork.add(work);
  const settle = () => activeWork.delete(work);
  work.then(settle, settle);
  return work;
}
const checkAborting = () => {
  if (aborting) throw new MeasureError('stopped');
};

// --- small helpers ---

const MiB = 2 ** 20;
const mib = (b: number) => (!Number.isFinite(b) ? 'n/a' : `${(b / MiB).toFixed(b >= 100 * MiB ? 0 : 1)} MiB`);
const kib = (b: number) => (!Number.isFinite(b) ? 'n/a' : `${(b / 1024).toFixed(b >= 100 * 1024 ? 0 : 1)} KiB`);
const pct = (v: number) => (Number.isFinite(v) ? `${v.toFixed(0)}%` : '?');
const dist = (s: number[]) => `p50 ${ms(quantile(s, 0.5))}, p95 ${ms(quantile(s, 0.95))}, max ${ms(Math.max(...s))} (${s.length} samples)`;

/** This process's own child processes (Linux /proc; none elsewhere). */
const ownChildren = (): number[] => processes().filter((p) => parentOf(p.stat) === process.pid).map((p) => p.pid);

function filesSize(dir: string, prefix: string): number {
  let sum = 0;
  let found = false;
  for (const f of readdirSync(dir).filter((name) => name.startsWith(prefix))) {
    try {
      sum += statSync(path.join(dir, f)).size;
      found = true;
    } catch {
      // gone meanwhile
    }
  }
  return found ? sum : NaN;
}

// --- the worker process ---

class WorkerProcess {
  private readonly pending = new Map<number, { resolve: (s: WorkerSample) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private stopping = false;
  readonly ready: Promise<void>;
  /** Rejects when the worker fails or exits unasked. */
  readonly failed: Promise<never>;
  private readonly child: ChildProcess;

  constructor(config: SoakWorkerConfig) {
    this.child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'soak-worker.ts')], {
      cwd: path.resolve(__dirname, '..'),
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: { ...process.env, SOAK_WORKER_CONFIG: JSON.stringify(config) },
    });
    let onReady!: () => void;
    let onFailed!: (err: Error) => void;
    this.ready = new Promise((resolve) => (onReady = resolve));
    this.failed = new Promise((_, reject) => (onFailed = reject));
    this.failed.catch(() => undefined);
    const fail = (err: Error) => {
      onFailed(err);
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    };
    this.child.on('message', (m: FromWorker) => {
      if (m.type === 'ready') onReady();
      else if (m.type === 'sample') {
        this.pending.get(m.id)?.resolve(m.sample);
        this.pending.delete(m.id);
      } else if (m.type === 'failed') fail(new MeasureError(`the worker process failed: ${m.message}`));
    });
    this.child.once('exit', (code, signal) => {
      if (!this.stopping) fail(new MeasureError(`the worker process exited (${signal ?? code})`));
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  sample(gc = false): Promise<WorkerSample> {
    const id = this.nextId++;
    return within(
      new Promise<WorkerSample>((resolve, reject) => {
        this.pending.set(id, { resolve, reject });
        this.child.send({ type: 'sample', id, gc } satisfies ToWorker);
      }),
      60_000,
      'for a sample from the worker process',
    );
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    if (this.child.connected) this.child.send({ type: 'stop' } satisfies ToWorker);
    const t1 = setTimeout(() => this.child.kill('SIGTERM'), 20_000);
    const t2 = setTimeout(() => this.child.kill('SIGKILL'), 35_000);
    await exited;
    clearTimeout(t1);
    clearTimeout(t2);
  }

  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }
}

// --- the run ---

interface Sizes {
  n: number;
  cache: number;
  window: number;
  concurrency: number;
  sampleS: number;
  probes: number;
  probeConcurrency: number;
  delayDays: number;
  dbPool: number;
  warmup: number;
  /** The dev server's state: an on-disk SQLite file (as `npm start` runs it, or in WAL mode), or in memory. */
  devDb: DevDb;
}

interface Stack {
  runId: string;
  dir: string;
  temporal: TemporalConfig;
  client: Client;
  db: Db;
  server: DevServer;
  worker: WorkerProcess;
  smtp: CaptureSmtpServer;
  pgVersion: string;
  owners: TestUser[];
  gatedCadenceId: string;
  timerCadenceId: string;
}

interface Row {
  /** Seconds since the soak began. */
  t: number;
  phase: string;
  started: number;
  settled: number;
  running: number | null;
  countMs: number | null;
  w: WorkerSample;
  /** Worker CPU over the last interval, % of one core. */
  workerCpu: number;
  devRss: number;
  devCpu: number;
  sqlite: number;
  pg: number;
  load1: number;
  /** Taken after a full GC in every isolate of the worker. */
  gc: boolean;
}

const SOAK_START = performance.now();
const now = () => (performance.now() - SOAK_START) / 1000;
const threadHeap = (s: WorkerSample) => s.threads.reduce((sum, t) => sum + t.used, 0);

async function main(): Promise<void> {
  const n = intFromEnv('SOAK_N', 10_000, 1);
  const sizes: Sizes = {
    n,
    cache: intFromEnv('SOAK_CACHE', 1000, 2),
    window: intFromEnv('SOAK_WINDOW', 200, 1),
    concurrency: intFromEnv('SOAK_CONCURRENCY', 16, 1),
    sampleS: intFromEnv('SOAK_SAMPLE', 5, 1),
    probes: intFromEnv('SOAK_PROBES', 300, 1),
    probeConcurrency: intFromEnv('SOAK_PROBE_CONCURRENCY', 8, 1),
    delayDays: intFromEnv('SOAK_DELAY_DAYS', 3, 1),
    dbPool: intFromEnv('SOAK_DB_POOL', 10, 1),
    warmup: 20,
    devDb: devDbFromEnv(),
  };
  const timeoutS = intFromEnv('SOAK_TIMEOUT', 1200 + Math.ceil(n / 5), 30);
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new MeasureError('DATABASE_URL is not set: run `npm run soak` (it starts PostgreSQL), or point DATABASE_URL at an admin-capable server');
  const watchdog = setTimeout(() => {
    log(`gave up after ${timeoutS} s (SOAK_TIMEOUT)`);
    printSamplesOnce(rows, sizes);
    void shutdown(1);
  }, timeoutS * 1000);
  onCleanup('the watchdog', () => clearTimeout(watchdog));

  const stack = await startStack(adminUrl, sizes);
  const sampler = new Sampler(stack, sizes);
  // Registered last, so it runs first: nothing issues calls once the connections begin to close.
  onCleanup("the soak's own loops", async () => {
    aborting = true;
    await sampler.stop();
    await Promise.allSettled([...activeWork]);
  });
  try {
    await runSoak(stack, sizes, sampler);
  } catch (err) {
    // Whatever was measured up to the failure is still worth seeing: it says where the stack broke.
    await sampler.stop();
    printSamplesOnce(sampler.rows, sizes);
    throw err;
  }
}

let rows: Row[] = [];
let samplesPrinted = false;
function printSamplesOnce(all: Row[], sizes: Sizes): void {
  if (samplesPrinted || all.length === 0) return;
  samplesPrinted = true;
  printSamples(all, sizes);
  const checkpoints = all.filter((r) => r.gc);
  if (checkpoints.length > 0) printCheckpoints(checkpoints);
}

function printCheckpoints(checkpoints: Row[]): void {
  const out = (line = '') => console.log(line);
  out(`    checkpoints during enrollment, each after a full GC in every isolate of the worker:`);
  const cp: string[][] = [['waiting', 'cached', 'wk RSS', 'wk heap', 'wf heap', 'dev RSS', 'sqlite', 'pg']];
  for (const r of checkpoints) {
    cp.push([String(r.settled), String(r.w.cached), mib(r.w.rss), mib(r.w.heapUsed), mib(threadHeap(r.w)), mib(r.devRss), mib(r.sqlite), mib(r.pg)]);
  }
  const cpw = cp[0]!.map((_, c) => Math.max(...cp.map((row) => row[c]!.length)));
  for (const row of cp) out('      ' + row.map((cell, c) => cell.padStart(cpw[c]!)).join('  '));
}

async function startStack(adminUrl: string, sizes: Sizes): Promise<Stack> {
  const runId = randomBytes(4).toString('hex');
  const base = loadTemporalConfig();
  const dir = mkdtempSync(path.join(os.tmpdir(), `cadence-soak-${runId}-`));
  onCleanup(`the temporary directory ${dir}`, () => rmSync(dir, { recursive: true, force: true }));

  // PostgreSQL: a fresh database on the DATABASE_URL server.
  const { url, pgVersion } = await freshDatabase(run, adminUrl, 'cadence_soak', runId);
  const db = await createDb({ databaseUrl: url.toString(), poolSize: 8 });
  onCleanup('the soak database pool', () => db.destroy());
  await migrateToLatest(db);

  // Temporal dev server, its state on disk.
  log(`starting the Temporal dev server (${devDbLabel[sizes.devDb]}${sizes.devDb === 'memory' ? '' : `, in ${dir}`})`);
  const cliBefore = process.env.TEMPORAL_CLI_PATH;
  if (sizes.devDb === 'wal') process.env.TEMPORAL_CLI_PATH = walCliWrapper(dir);
  let server: DevServer | undefined;
  let worker: WorkerProcess | undefined;
  process.on('exit', () => {
    if (server && server.process.exitCode === null) server.process.kill('SIGKILL');
    worker?.kill();
    // A signal while the dev server was starting leaves a child no clean-up knows of yet.
    for (const pid of ownChildren()) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone meanwhile
      }
    }
  });
  try {
    server = await startDevServer({ config: base, port: await freePort(), logLevel: 'error', ...(sizes.devDb === 'memory' ? {} : { dbFilename: path.join(dir, 'temporal.sqlite') }) });
  } finally {
    if (cliBefore === undefined) delete process.env.TEMPORAL_CLI_PATH;
    else process.env.TEMPORAL_CLI_PATH = cliBefore;
  }
  const devServer = server;
  onCleanup('the Temporal dev server', () => devServer.stop());
  const temporal: TemporalConfig = {
    ...base,
    address: server.address,
    taskQueue: `soak-cadence-${runId}`,
    draftingTaskQueue: `soak-drafting-${runId}`,
    webhooksTaskQueue: `soak-webhooks-${runId}`,
    worker: { ...base.worker, maxCachedWorkflows: sizes.cache },
  };

  const smtp = new CaptureSmtpServer();
  const smtpPort = await smtp.listen(0);
  onCleanup('the capture SMTP server', () => smtp.close());

  const connection = await Connection.connect({ address: server.address });
  onCleanup('the Temporal client connection', () => connection.close());
  const client = new Client({ connection, namespace: temporal.namespace });

  // Twenty reps under one manager; each cadence's owner is one of them, in turn.
  const team = await createTeam(db);
  const owners = [team.rep, team.otherRep, ...(await mapLimit(range(18), 4, (i) => createUser(db, 'rep', `Soak Rep ${i + 3}`, team.manager.id)))];
  const later = { delaySeconds: 2 * 86_400, template: goodTemplate };
  // Gated: the first touch (an email with no delay) always waits for the rep's approval.
  const gatedCadenceId = await createCadence(db, [{ delaySeconds: 0, template: goodTemplate }, later, later]);
  // Timer: the first step waits SOAK_DELAY_DAYS days (a durable timer) before it is drafted.
  const timerCadenceId = await createCadence(db, [{ delaySeconds: sizes.delayDays * 86_400, template: goodTemplate }, later, later]);

  // The workflow bundle, prebuilt as production does with WORKFLOW_BUNDLE_PATH: the worker process's memory
  // then holds no bundler.
  log('bundling workflows');
  const { code } = await bundleWorkflowCode({ workflowsPath: require.resolve('../workflows'), logger: quietLogger });
  const bundlePath = path.join(dir, 'workflow-bundle.js');
  writeFileSync(bundlePath, code);

  log(`starting the worker process (maxCachedWorkflows ${sizes.cache})`);
  worker = new WorkerProcess({
    address: server.address,
    namespace: temporal.namespace,
    taskQueue: temporal.taskQueue,
    draftingTaskQueue: temporal.draftingTaskQueue,
    webhooksTaskQueue: temporal.webhooksTaskQueue,
    databaseUrl: url.toString(),
    dbPool: sizes.dbPool,
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    maxCachedWorkflows: sizes.cache,
    workflowBundlePath: bundlePath,
    metricsPort: await freePort(),
  });
  const workerProcess = worker;
  onCleanup('the worker process', () => workerProcess.stop());
  await within(Promise.race([worker.ready, worker.failed]), 120_000, 'for the worker process to start');
  return { runId, dir, temporal, client, db, server, worker, smtp, pgVersion, owners, gatedCadenceId, timerCadenceId };
}

const noop = () => undefined;
const quietLogger = { trace: noop, debug: noop, info: noop, warn: noop, error: console.error, log: noop };

/** Samples the stack every SOAK_SAMPLE seconds (and on demand) until stopped. */
class Sampler {
  readonly rows: Row[] = [];
  phase = 'idle';
  started = 0;
  settled = 0;
  private running: number | null = null;
  private countMs: number | null = null;
  private counting = false;
  private stopped = false;
  private loop: Promise<void> = Promise.resolve();
  private last: { at: number; workerAt: number; workerCpuMs: number; devCpuMs: number } | undefined;
  /** Waiting counts at which an enrollment sample is taken after a full GC (checkpoints). */
  checkpointAt: number[] = [];
  readonly checkpoints: Row[] = [];

  constructor(
    private readonly stack: Stack,
    private readonly sizes: Sizes,
  ) {
    rows = this.rows;
  }

  start(): void {
    this.loop = (async () => {
      while (!this.stopped) {
        try {
          const gc = this.phase === 'enroll' && this.checkpointAt.length > 0 && this.settled >= this.checkpointAt[0]!;
          if (gc) while (this.checkpointAt.length > 0 && this.settled >= this.checkpointAt[0]!) this.checkpointAt.shift();
          const row = await this.take(gc);
          if (gc) this.checkpoints.push(row);
          this.print(row);
        } catch (err) {
          if (!this.stopped) log(`sampling failed: ${(err as Error).message}`);
        }
        for (let i = 0; i < this.sizes.sampleS * 10 && !this.stopped; i++) await sleep(100);
      }
    })();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.loop;
  }

  /** The running workflows by a visibility count, in the background: a slow count never holds a sample up. */
  private refreshRunning(): void {
    if (this.counting) return;
    this.counting = true;
    const t0 = performance.now();
    this.stack.client.workflow
      .count(`TaskQueue = '${this.stack.temporal.taskQueue}' AND ExecutionStatus = 'Running'`)
      .then(
        (c) => {
          this.running = c.count;
          this.countMs = performance.now() - t0;
        },
        (err: Error) => log(`visibility count failed: ${err.message}`),
      )
      .finally(() => (this.counting = false));
  }

  async take(gc = false): Promise<Row> {
    this.refreshRunning();
    const w = await this.stack.worker.sample(gc);
    const dev = processStats(this.stack.server.process.pid);
    const pg = await sql<{ size: string }>(this.stack.db, 'select pg_database_size(current_database())::text as size');
    const at = performance.now();
    const workerCpuMs = (w.cpuUser + w.cpuSystem) / 1000;
    const devCpuMs = dev?.cpuMs ?? NaN;
    const span = this.last ? at - this.last.at : NaN;
    const row: Row = {
      t: now(),
      phase: this.phase,
      started: this.started,
      settled: this.settled,
      running: this.running,
      countMs: this.countMs,
      w,
      workerCpu: this.last ? ((workerCpuMs - this.last.workerCpuMs) / (w.at - this.last.workerAt)) * 100 : NaN,
      devRss: dev?.rss ?? NaN,
      devCpu: this.last ? ((devCpuMs - this.last.devCpuMs) / span) * 100 : NaN,
      sqlite: filesSize(this.stack.dir, 'temporal.sqlite'),
      pg: Number(pg[0]!.size),
      load1: os.loadavg()[0]!,
      gc,
    };
    this.last = { at, workerAt: w.at, workerCpuMs, devCpuMs };
    this.rows.push(row);
    return row;
  }

  private print(r: Row): void {
    log(
      `[${r.phase}${r.gc ? ', after GC' : ''}] t=${r.t.toFixed(0)}s started ${r.started} waiting ${r.settled} running ${r.running ?? '?'}; ` +
        `worker RSS ${mib(r.w.rss)} heap ${mib(r.w.heapUsed)} + wf threads ${mib(threadHeap(r.w))}, cached ${r.w.cached}, ` +
        `evictions ${r.w.evictions}, replays ${r.w.cacheMisses}, cpu ${pct(r.workerCpu)}; dev server RSS ${mib(r.devRss)} cpu ${pct(r.devCpu)}, ` +
        `sqlite ${mib(r.sqlite)}; pg ${mib(r.pg)}; load ${r.load1.toFixed(2)}`,
    );
  }
}

async function sql<T>(db: Db, text: string): Promise<T[]> {
  return (await rawSql.raw<T>(text).execute(db)).rows;
}

/** The prospects (and their accounts), as test/helpers/seed.ts createProspect makes them, a thousand per statement. */
async function seedProspects(db: Db, n: number): Promise<string[]> {
  const ids: string[] = [];
  const chunks = range(Math.ceil(n / 1000)).map((c) => Math.min(1000, n - c * 1000));
  await mapLimit(chunks, 4, async (size) => {
    const accounts = [];
    const prospects = [];
    for (let i = 0; i < size; i++) {
      const suffix = randomUUID().slice(0, 12);
      const accountId = randomUUID();
      const prospectId = randomUUID();
      const email = `pat.${suffix}@acme-${suffix}.test`;
      accounts.push({ id: accountId, name: `Acme ${suffix}`, domain: `acme-${suffix}.test`, tier: 'standard', deal_value: 10_000, industry: 'logistics', employee_count: 250 });
      prospects.push({ id: prospectId, email, normalized_email: email, first_name: 'Pat', last_name: 'Lee', title: 'VP Sales', account_id: accountId, timezone: null });
      ids.push(prospectId);
    }
    await db.insertInto('accounts').values(accounts).execute();
    await db.insertInto('prospects').values(prospects).execute();
  });
  return ids;
}

/** Starts a cadence exactly as POST /v1/enrollments does (with the production drafting task queue). */
async function startCadence(stack: Stack, prospectId: string, i: number): Promise<void> {
  const owner = stack.owners[i % stack.owners.length]!;
  const cadenceId = i % 2 === 0 ? stack.gatedCadenceId : stack.timerCadenceId;
  const input: CadenceInput = { enrollmentId: randomUUID(), prospectId, cadenceId, ownerId: owner.id, draftingTaskQueue: stack.temporal.draftingTaskQueue };
  const email = `soak-${i}@prospect.test`;
  await stack.client.workflow.start<typeof cadenceWorkflow>(
    'cadenceWorkflow',
    cadenceStartOptions({ enrollment: input, taskQueue: stack.temporal.taskQueue, ownerId: owner.id, prospectEmail: email, accountDomain: email.split('@')[1]!, summary: `soak cadence ${i}, owned by ${owner.name}` }),
  );
}

/** Cadences that have reached their wait (a timer of days, or an approval) in PostgreSQL. */
async function countWaiting(db: Db): Promise<{ waiting: number; gated: number; timers: number; other: number }> {
  const r = await sql<{ gated: number; timers: number; other: number }>(
    db,
    `select count(*) filter (where status = 'awaiting-approval')::int as gated,
            count(*) filter (where status = 'waiting')::int as timers,
            count(*) filter (where status not in ('awaiting-approval', 'waiting'))::int as other
       from enrollments`,
  );
  const { gated, timers, other } = r[0]!;
  return { waiting: gated + timers, gated, timers, other };
}

/** Enrolls `prospects` with at most `window` started and not yet waiting; returns when all are waiting. */
async function enroll(stack: Stack, sizes: Sizes, sampler: Sampler, prospects: string[], offset: number, stallS: number): Promise<{ seconds: number; startSeconds: number }> {
  const base = await countWaiting(stack.db);
  const target = base.waiting + prospects.length;
  let next = 0;
  let waiting = base.waiting;
  let lastProgress = performance.now();
  let startSeconds = NaN;
  const t0 = performance.now();
  let done = false;
  const pollLoop = async () => {
    while (!done) {
      checkAborting();
      const c = await countWaiting(stack.db);
      if (c.waiting > waiting) lastProgress = performance.now();
      waiting = c.waiting;
      sampler.settled = c.waiting;
      if (waiting >= target) break;
      if (performance.now() - lastProgress > stallS * 1000) {
        throw new MeasureError(
          `enrollment stalled: no cadence reached its wait for ${stallS} s (${waiting - base.waiting} of ${prospects.length} waiting, ${next} started, ${c.other} enrollments in other states)`,
        );
      }
      await sleep(500);
    }
  };
  const poll = track(pollLoop());
  poll.catch(() => undefined);
  const starter = async () => {
    while (next < prospects.length && !done) {
      checkAborting();
      if (next - (waiting - base.waiting) >= sizes.window) {
        await Promise.race([sleep(20), poll]);
        continue;
      }
      const i = next++;
      sampler.started++;
      await startCadence(stack, prospects[i]!, offset + i);
    }
  };
  const starters = track(Promise.all(range(sizes.concurrency).map(starter)));
  starters.catch(() => undefined);
  try {
    await Promise.race([poll, stack.worker.failed, starters]);
    startSeconds = (performance.now() - t0) / 1000;
    await Promise.race([poll, stack.worker.failed]);
  } finally {
    done = true;
  }
  return { seconds: (performance.now() - t0) / 1000, startSeconds };
}

async function quiesce(stack: Stack): Promise<WorkerSample> {
  // Nothing in flight on the worker for two samples in a row.
  let quiet = 0;
  for (let i = 0; i < 120; i++) {
    const s = await stack.worker.sample();
    quiet = s.inFlightActivations === 0 && s.inFlightActivities === 0 ? quiet + 1 : 0;
    if (quiet >= 2) break;
    await sleep(500);
  }
  await sleep(1000);
  return stack.worker.sample(true);
}

interface Probe {
  latencies: number[];
  seconds: number;
  before: WorkerSample;
  after: WorkerSample;
}

async function probe(stack: Stack, ids: string[], concurrency: number): Promise<Probe> {
  const before = await stack.worker.sample();
  const latencies: number[] = [];
  const t0 = performance.now();
  const one = async (prospectId: string) => {
    checkAborting();
    const t = performance.now();
    const state = await stack.client.workflow.getHandle(cadenceWorkflowId(prospectId)).query(stateQuery);
    latencies.push(performance.now() - t);
    if (state.status !== 'awaiting-approval' && state.status !== 'waiting') {
      throw new MeasureError(`cadence ${cadenceWorkflowId(prospectId)} is ${state.status}; every soak cadence should be waiting`);
    }
  };
  await track(mapLimit(ids, concurrency, one));
  const seconds = (performance.now() - t0) / 1000;
  return { latencies, seconds, before, after: await stack.worker.sample() };
}

async function runSoak(stack: Stack, sizes: Sizes, sampler: Sampler): Promise<void> {
  const { n } = sizes;
  const machine = describeMachine();
  log(machine);

  // Before anything runs: the idle worker and the empty stack.
  const idle = await quiesce(stack);
  sampler.start();

  log(`seeding ${n + sizes.warmup} prospects`);
  const seedT0 = performance.now();
  const prospects = await seedProspects(stack.db, n + sizes.warmup);
  const seedSeconds = (performance.now() - seedT0) / 1000;

  // Warm-up: the code paths run once, so the baseline is a worker that has run cadences, not a cold one.
  sampler.phase = 'warm-up';
  log(`warm-up: ${sizes.warmup} cadences`);
  await enroll(stack, sizes, sampler, prospects.slice(0, sizes.warmup), 0, 120);
  const baseline = await quiesce(stack);
  const baseRow = await sampler.take(true);
  const pgBase = baseRow.pg;
  const sqliteBase = baseRow.sqlite;
  const devBase = baseRow.devRss;

  sampler.phase = 'enroll';
  log(`enrolling ${n} cadences (half gated on a first-touch approval, half on a ${sizes.delayDays}-day timer), at most ${sizes.window} started and not yet waiting`);
  const live = prospects.slice(sizes.warmup);
  const marks = [0.1, 0.25, 0.5, 0.75].map((q) => Math.round(q * n));
  if (sizes.cache < n) marks.push(Math.round(sizes.cache * 1.1));
  sampler.checkpointAt = [...new Set(marks)].filter((m) => m > 0 && m < n).sort((a, b) => a - b).map((m) => m + sizes.warmup);
  const enrolled = await enroll(stack, sizes, sampler, live, sizes.warmup, 180);
  sampler.phase = 'settled';
  const full = await quiesce(stack);
  const fullRow = await sampler.take(true);

  // Sanity: every cadence waiting where it should, in PostgreSQL and on the dev server; nothing sent.
  const waiting = await countWaiting(stack.db);
  const total = n + sizes.warmup;
  const gatedExpected = Math.ceil(total / 2);
  if (waiting.gated !== gatedExpected || waiting.timers !== total - gatedExpected || waiting.other !== 0) {
    throw new MeasureError(`expected ${gatedExpected} cadences awaiting approval and ${total - gatedExpected} waiting on a timer; PostgreSQL has ${waiting.gated}, ${waiting.timers} and ${waiting.other} in other states`);
  }
  const countT0 = performance.now();
  const running = (await stack.client.workflow.count(`TaskQueue = '${stack.temporal.taskQueue}' AND ExecutionStatus = 'Running'`)).count;
  const countMs = performance.now() - countT0;
  const countStatus = async (s: string) => (await stack.client.workflow.count(`TaskQueue = '${stack.temporal.taskQueue}' AND CadenceStatus = '${s}'`)).count;
  const visGated = await countStatus('awaiting-approval');
  const visTimers = await countStatus('waiting');
  if (stack.smtp.messages.length > 0) throw new MeasureError(`${stack.smtp.messages.length} message(s) reached SMTP; every soak cadence should be waiting`);
  const tables = await sql<{ name: string; bytes: string; rows: string }>(
    stack.db,
    `select relname as name, pg_total_relation_size(relid)::text as bytes, n_live_tup::text as rows
       from pg_stat_user_tables order by pg_total_relation_size(relid) desc limit 8`,
  );

  // The cache smaller than the live set: cached vs evicted cadences, one query at a time, then many at once.
  sampler.phase = 'probe';
  const order = live; // enrollment order: the last ones enrolled are the most recently cached
  let cachedProbe: Probe | undefined;
  let evictedProbe: Probe | undefined;
  let burstProbe: Probe | undefined;
  if (order.length > sizes.cache) {
    // Candidates for "evicted": not among the last SOAK_CACHE enrolled (the cache holds the most recently active).
    const candidates = order.slice(0, Math.max(0, order.length - sizes.cache));
    const spread = (k: number, phase: number) => range(Math.min(k, candidates.length)).map((j) => candidates[Math.floor(((j + phase) * candidates.length) / Math.min(k, candidates.length))]!);
    const hot = spread(Math.min(100, Math.floor(sizes.cache / 4)), 0.25);
    const hotSet = new Set(hot);
    log(`probe: ${hot.length} cadences queried twice (the second time cached), one at a time`);
    await probe(stack, hot, 1);
    cachedProbe = await probe(stack, hot, 1);
    const cold = spread(sizes.probes, 0.5).filter((id) => !hotSet.has(id));
    log(`probe: ${cold.length} evicted cadences spread over the live set, one at a time`);
    evictedProbe = await probe(stack, cold, 1);
    const coldSet = new Set(cold);
    const burst = spread(sizes.probes * 2, 0.75).filter((id) => !hotSet.has(id) && !coldSet.has(id)).slice(0, sizes.probes);
    log(`probe: ${burst.length} other evicted cadences, ${sizes.probeConcurrency} queries at once`);
    burstProbe = await probe(stack, burst, sizes.probeConcurrency);
  } else {
    log(`probe skipped: the live set (${total}) fits the worker cache (${sizes.cache})`);
  }
  const endRow = await sampler.take();
  await sampler.stop();

  report({
    stack,
    sizes,
    machine,
    seedSeconds,
    enrolled,
    idle,
    baseline,
    full,
    baseRow,
    fullRow,
    endRow,
    pgBase,
    sqliteBase,
    devBase,
    running,
    countMs,
    visGated,
    visTimers,
    tables,
    cachedProbe,
    evictedProbe,
    burstProbe,
    rows: sampler.rows,
    checkpoints: [...sampler.checkpoints, fullRow],
  });
}

function describeMachine(): string {
  const cpus = os.cpus();
  const [l1, l5] = os.loadavg();
  return (
    `machine: ${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown CPU'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, ` +
    `NODE_OPTIONS ${process.env.NODE_OPTIONS?.trim() || '(none)'}, load average ${l1!.toFixed(2)} / ${l5!.toFixed(2)} (1 / 5 min) at the start`
  );
}

// --- the report ---

interface Figures {
  stack: Stack;
  sizes: Sizes;
  machine: string;
  seedSeconds: number;
  enrolled: { seconds: number; startSeconds: number };
  idle: WorkerSample;
  baseline: WorkerSample;
  full: WorkerSample;
  baseRow: Row;
  fullRow: Row;
  endRow: Row;
  pgBase: number;
  sqliteBase: number;
  devBase: number;
  running: number;
  countMs: number;
  visGated: number;
  visTimers: number;
  tables: Array<{ name: string; bytes: string; rows: string }>;
  cachedProbe?: Probe;
  evictedProbe?: Probe;
  burstProbe?: Probe;
  rows: Row[];
  /** Enrollment samples after a full GC, the last one with every cadence waiting. */
  checkpoints: Row[];
}

function printSamples(all: Row[], sizes: Sizes): void {
  const out = (line = '') => console.log(line);
  const shown = downsample(all, 24);
  out();
  out(`samples (every ${sizes.sampleS} s; ${shown.length} of ${all.length} shown; worker cpu and dev cpu in % of one core over the interval):`);
  const header = ['t s', 'phase', 'started', 'waiting', 'running', 'rate/s', 'wk RSS', 'wk heap', 'wf heap', 'external', 'cached', 'evict', 'replays', 'wk cpu', 'dev RSS', 'dev cpu', 'sqlite', 'pg', 'load'];
  const table: string[][] = [header];
  let prev: Row | undefined;
  for (const r of shown) {
    const dt = prev ? r.t - prev.t : NaN;
    table.push([
      r.t.toFixed(0) + (r.gc ? '*' : ''),
      r.phase,
      String(r.started),
      String(r.settled),
      r.running === null ? '?' : String(r.running),
      prev && dt > 0 ? rate((r.settled - prev.settled) / dt) : '',
      (r.w.rss / MiB).toFixed(0),
      (r.w.heapUsed / MiB).toFixed(0),
      (threadHeap(r.w) / MiB).toFixed(0),
      (r.w.external / MiB).toFixed(0),
      String(r.w.cached),
      String(r.w.evictions),
      String(r.w.cacheMisses),
      Number.isNaN(r.workerCpu) ? '' : r.workerCpu.toFixed(0),
      (r.devRss / MiB).toFixed(0),
      Number.isNaN(r.devCpu) ? '' : r.devCpu.toFixed(0),
      (r.sqlite / MiB).toFixed(0),
      (r.pg / MiB).toFixed(0),
      r.load1.toFixed(1),
    ]);
    prev = r;
  }
  const widths = header.map((_, c) => Math.max(...table.map((row) => row[c]!.length)));
  for (const row of table) out('  ' + row.map((cell, c) => (c === 1 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '));
  out('  (sizes in MiB; wk heap: the worker main thread\'s V8 heap; wf heap: the workflow threads\' V8 heaps; rate: cadences reaching their wait per second; * after a full GC)');
  out();
  plot(all);
}

function downsample(all: Row[], k: number): Row[] {
  if (all.length <= k) return all;
  const picked = new Set<number>([0, all.length - 1]);
  // Phase changes are always shown.
  all.forEach((r, i) => {
    if (i > 0 && r.phase !== all[i - 1]!.phase) picked.add(i);
  });
  for (let j = 0; picked.size < k && j < k; j++) picked.add(Math.round((j * (all.length - 1)) / (k - 1)));
  return [...picked].sort((a, b) => a - b).map((i) => all[i]!);
}

/** Worker RSS (W) and dev-server RSS (D) over time, as an ASCII plot. */
function plot(all: Row[]): void {
  const out = (line = '') => console.log(line);
  const width = 64;
  const height = 12;
  const t0 = all[0]!.t;
  const t1 = all[all.length - 1]!.t;
  const max = Math.max(...all.map((r) => Math.max(r.w.rss, Number.isNaN(r.devRss) ? 0 : r.devRss)));
  const grid = range(height).map(() => Array<string>(width).fill(' '));
  const put = (t: number, v: number, ch: string) => {
    if (!Number.isFinite(v)) return;
    const x = Math.min(width - 1, Math.round(((t - t0) / Math.max(1, t1 - t0)) * (width - 1)));
    const y = height - 1 - Math.min(height - 1, Math.floor((v / max) * height));
    const cell = grid[y]![x]!;
    grid[y]![x] = cell === ' ' || cell === ch ? ch : '*';
  };
  for (const r of all) {
    put(r.t, r.devRss, 'D');
    put(r.t, r.w.rss, 'W');
  }
  out(`RSS over time: W worker process, D dev server (* both), ${t1 - t0 > 0 ? `${(t1 - t0).toFixed(0)} s across` : ''}`);
  grid.forEach((line, i) => {
    const label = i === 0 ? mib(max) : i === height - 1 ? mib(max / height) : '';
    out(`${label.padStart(9)} |${line.join('')}`);
  });
  out(`${''.padStart(9)} +${'-'.repeat(width)}`);
  const phases: string[] = [];
  all.forEach((r, i) => {
    if (i === 0 || r.phase !== all[i - 1]!.phase) phases.push(`${r.phase} from ${r.t.toFixed(0)} s`);
  });
  out(`${''.padStart(11)}${t0.toFixed(0)} s${' '.repeat(Math.max(1, width - 12))}${t1.toFixed(0)} s   (${phases.join(', ')})`);
}

function report(f: Figures): void {
  const out = (line = '') => console.log(line);
  const { sizes, stack } = f;
  const n = sizes.n;
  const total = n + sizes.warmup;
  printSamples(f.rows, sizes);

  out();
  out('Cadence engine soak');
  out(f.machine + `; at the end ${os.loadavg().map((l) => l.toFixed(2)).join(' / ')} (1 / 5 / 15 min)`);
  out(
    `stack: Temporal dev server (${describeCli()}, ${devDbLabel[sizes.devDb]}), PostgreSQL ${stack.pgVersion}, ` +
      `worker process with the cadence, drafting and webhook workers (maxCachedWorkflows ${sizes.cache}, prebuilt workflow bundle, PostgreSQL pool ${sizes.dbPool})`,
  );
  out(
    `sizes: N=${n} cadences (+${sizes.warmup} warm-up), ${Math.ceil(total / 2)} gated on a first-touch approval (timers of 4/20/48 h), ` +
      `${Math.floor(total / 2)} on a ${sizes.delayDays}-day timer; enrollment window ${sizes.window}, ${sizes.concurrency} starts in flight`,
  );
  out();
  out(`enrollment: ${n} cadences started and waiting in ${f.enrolled.seconds.toFixed(1)} s: ${rate(n / f.enrolled.seconds)} cadences/s (prospects seeded beforehand in ${f.seedSeconds.toFixed(1)} s)`);
  const enrollRows = f.rows.filter((r) => r.phase === 'enroll');
  if (enrollRows.length >= 4) {
    const q = Math.floor(enrollRows.length / 4);
    const seg = (a: Row, b: Row) => `${rate((b.settled - a.settled) / (b.t - a.t))}/s at ${a.settled}-${b.settled} waiting`;
    out(`    rate as the live set grew: ${seg(enrollRows[0]!, enrollRows[q]!)}; ${seg(enrollRows[enrollRows.length - 1 - q]!, enrollRows[enrollRows.length - 1]!)}`);
  }
  const cpuRows = enrollRows.filter((r) => !Number.isNaN(r.workerCpu));
  if (cpuRows.length > 0) {
    const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    out(
      `    during enrollment: worker ${avg(cpuRows.map((r) => r.workerCpu)).toFixed(0)}% and dev server ${avg(cpuRows.map((r) => r.devCpu)).toFixed(0)}% of one core on average; ` +
        `load average ${avg(cpuRows.map((r) => r.load1)).toFixed(2)} (2 cores, shared with whatever else runs)`,
    );
  }
  out(
    `    worker cache during enrollment (${sizes.cache} slots): ${f.fullRow.w.evictions - f.baseRow.w.evictions} evictions, ` +
      `${f.fullRow.w.cacheMisses - f.baseRow.w.cacheMisses} replays (a task for a cadence evicted before it reached its wait)`,
  );
  out(`    dev server: ${f.running} running cadence workflows by a visibility count (${ms(f.countMs)}); by CadenceStatus ${f.visGated} awaiting-approval, ${f.visTimers} waiting`);
  out();

  const rssPeak = Math.max(...f.rows.map((r) => r.w.rss));
  out(`worker memory: idle ${mib(f.idle.rss)} RSS; after the warm-up ${mib(f.baseline.rss)}; cache full (${f.full.cached} cached) ${mib(f.full.rss)}; peak ${mib(rssPeak)}; end ${mib(f.endRow.w.rss)}`);
  out(
    `    V8 heaps after a full GC: main thread ${mib(f.baseline.heapUsed)} -> ${mib(f.full.heapUsed)}, workflow threads ${mib(threadHeap(f.baseline))} -> ${mib(threadHeap(f.full))}; ` +
      `external ${mib(f.baseline.external)} -> ${mib(f.full.external)}`,
  );
  const added = f.full.cached - f.baseline.cached;
  if (added > 0) {
    out(
      `    per cached workflow (${added} added to the cache): RSS ${kib((f.full.rss - f.baseline.rss) / added)}, ` +
        `workflow-thread heap ${kib((threadHeap(f.full) - threadHeap(f.baseline)) / added)}, main-thread heap ${kib((f.full.heapUsed - f.baseline.heapUsed) / added)}`,
    );
    const perRss = (f.full.rss - f.baseline.rss) / added;
    if (perRss > 0) {
      out(`    at that rate a 2 GiB worker holds about ${Math.floor((2 * 1024 * MiB - f.baseline.rss) / perRss)} cached workflows`);
    }
  }
  printCheckpoints(f.checkpoints);
  // Beyond the cache, what more live cadences cost the worker and the dev server: a least-squares slope.
  const beyond = f.checkpoints.filter((r) => r.w.cached >= sizes.cache * 0.98);
  const span = beyond.length >= 2 ? beyond[beyond.length - 1]!.settled - beyond[0]!.settled : 0;
  if (span > 0 && span < 5000) {
    out(`    with the cache full the checkpoints span only ${span} cadences: too short for a per-cadence slope (RSS noise is tens of MiB); raise SOAK_N`);
  } else if (span >= 5000) {
    const at = (pick: (r: Row) => number) => slope(beyond.map((r) => [r.settled, pick(r)] as [number, number]));
    const last = beyond[beyond.length - 1]!;
    const project = (pick: (r: Row) => number) => mib(pick(last) + at(pick) * (100_000 - last.settled));
    out(
      `    with the cache full (${beyond[0]!.settled} to ${last.settled} waiting): worker RSS ${kib(at((r) => r.w.rss))} and workflow-thread heap ${kib(at((r) => threadHeap(r.w)))} per additional live cadence; ` +
        `dev server RSS ${kib(at((r) => r.devRss))} per additional live cadence`,
    );
    out(`    straight-line projection to 100,000 live cadences: worker RSS ${project((r) => r.w.rss)}, dev server RSS ${project((r) => r.devRss)}, SQLite ${project((r) => r.sqlite)}, PostgreSQL ${project((r) => r.pg)}`);
  } else if (total <= sizes.cache) {
    out(`    the live set (${total}) fits the cache (${sizes.cache}): every cadence stays cached`);
  }
  out();

  const pgDelta = f.fullRow.pg - f.pgBase;
  const sqliteDelta = f.fullRow.sqlite - f.sqliteBase;
  const devDelta = f.fullRow.devRss - f.devBase;
  out(
    `dev server: SQLite ${mib(f.sqliteBase)} -> ${mib(f.fullRow.sqlite)}, ${kib(sqliteDelta / n)} per cadence; ` +
      `RSS ${mib(f.devBase)} -> ${mib(f.fullRow.devRss)}, ${kib(devDelta / n)} per cadence`,
  );
  out(`PostgreSQL: database ${mib(f.pgBase)} -> ${mib(f.fullRow.pg)}, ${kib(pgDelta / n)} per cadence (enrollment, draft, approval request, audit rows and indexes; prospect and account rows were seeded before the baseline)`);
  out(`    largest tables: ${f.tables.map((t) => `${t.name} ${mib(Number(t.bytes))} (${t.rows} rows)`).join(', ')}`);
  out();

  if (f.cachedProbe && f.evictedProbe && f.burstProbe) {
    const d = (p: Probe, k: keyof WorkerSample) => (p.after[k] as number) - (p.before[k] as number);
    const describe = (p: Probe) => `worker sticky cache: ${d(p, 'cacheHits')} hits, ${d(p, 'cacheMisses')} misses (full-history replays), ${d(p, 'evictions')} evictions`;
    out(`cache smaller than the live set (${sizes.cache} cached of ${total} live):`);
    out(`    cached cadences, one query at a time: ${dist(f.cachedProbe.latencies)}; ${describe(f.cachedProbe)}`);
    out(`    evicted cadences, one query at a time: ${dist(f.evictedProbe.latencies)}; ${describe(f.evictedProbe)}`);
    const b = f.burstProbe;
    out(
      `    evicted cadences, ${sizes.probeConcurrency} queries at once: ${b.latencies.length} in ${b.seconds.toFixed(2)} s, ${rate(b.latencies.length / b.seconds)} queries/s, ` +
        `${rate(d(b, 'cacheMisses') / b.seconds)} replays/s; ${dist(b.latencies)}; ${describe(b)}`,
    );
    out(`    worker RSS ${mib(b.before.rss)} before the probes, ${mib(b.after.rss)} after; over the whole run ${f.endRow.w.evictions} evictions and ${f.endRow.w.cacheMisses} replays`);
  } else {
    out(`cache smaller than the live set: not measured (the live set of ${total} fits the worker cache of ${sizes.cache}; raise SOAK_N or lower SOAK_CACHE)`);
  }
}

/** Least-squares slope of y over x. */
function slope(points: Array<[number, number]>): number {
  const mx = points.reduce((a, [x]) => a + x, 0) / points.length;
  const my = points.reduce((a, [, y]) => a + y, 0) / points.length;
  const num = points.reduce((a, [x, y]) => a + (x - mx) * (y - my), 0);
  const den = points.reduce((a, [x]) => a + (x - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

/** The CLI's version line, e.g. "temporal version 1.9.1 (Server 1.32.0, UI 2.54.1)". */
function describeCli(): string {
  try {
    return execFileSync(resolveTemporalCli(), ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return 'temporal';
  }
}

run.finish(main);
