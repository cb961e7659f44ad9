// The soak's worker process (scripts/soak.ts spawns it with `node --import tsx`, an IPC channel and
// SOAK_WORKER_CONFIG): the production worker process as workers/main.ts builds it (the cadence, drafting
// and webhook workers on one connection, the real activity dependencies, a prebuilt workflow bundle), in
// a process of its own so that its RSS and heaps are its own. It answers the soak's requests over IPC:
//
//   { type: 'sample', id, gc? }  ->  { type: 'sample', id, sample }   (gc: full GC in every isolate first)
//   { type: 'stop' }             ->  shuts the workers down and exits
//
// A sample holds process.memoryUsage() (the main thread's V8 heap), the V8 heap of every worker thread
// (the workflow threads, where cached workflows live: read through the in-process inspector, since Node 20
// has no other way to see another isolate's heap), Worker.getStatus() of the cadence worker, and the
// cadence worker's sticky-cache and replay counters from the SDK's Prometheus metrics.
import inspector from 'node:inspector';
import { randomBytes } from 'node:crypto';
import { DefaultLogger, NativeConnection, Runtime, type Worker } from '@temporalio/worker';
import { loadAppConfig } from '../config/app';
import { loadTemporalConfig, type TemporalConfig } from '../config/temporal';
import { createDb } from '../db/connect';
import { createCadenceWorker, createDraftingWorker, createWebhookWorker } from '../workers/cadence-worker';
import { buildActivityDeps } from '../workers/deps';

export interface SoakWorkerConfig {
  address: string;
  namespace: string;
  taskQueue: string;
  draftingTaskQueue: string;
  webhooksTaskQueue: string;
  databaseUrl: string;
  dbPool: number;
  smtpUrl: string;
  maxCachedWorkflows: number;
  workflowBundlePath: string;
  metricsPort: number;
}

export interface ThreadHeap {
  workerId: string;
  used: number;
  total: number;
}

export interface WorkerSample {
  /** Date.now() in the worker process. */
  at: number;
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
  /** The worker threads' V8 heaps (the workflow threads: one per worker with workflows). */
  threads: ThreadHeap[];
  cached: number;
  inFlightActivations: number;
  inFlightActivities: number;
  /** Cumulative counters of the cadence worker (Prometheus). */
  cacheHits: number;
  /** A task for a workflow no longer cached: the worker fetches its whole history and replays it. */
  cacheMisses: number;
  /** Workflows evicted to make room in a full cache. */
  evictions: number;
  workflowTasks: number;
  /** process.cpuUsage(), microseconds. */
  cpuUser: number;
  cpuSystem: number;
}

export type ToWorker = { type: 'sample'; id: number; gc?: boolean } | { type: 'stop' };
export type FromWorker =
  | { type: 'ready'; pid: number }
  | { type: 'sample'; id: number; sample: WorkerSample }
  | { type: 'failed'; message: string };

const send = (m: FromWorker, then?: () => void) => {
  if (process.connected) process.send!(m, undefined, {}, () => then?.());
  else then?.();
};

/** The worker threads' heaps through the in-process inspector (NodeWorker domain). */
class ThreadHeaps {
  private readonly session = new inspector.Session();
  private readonly sessions = new Map<string, string>(); // sessionId -> workerId
  private readonly pending = new Map<number, (result: unknown) => void>();
  private nextId = 1;

  start(): Promise<void> {
    this.session.connect();
    this.session.on('NodeWorker.attachedToWorker', (m: any) => {
      this.sessions.set(m.params.sessionId, m.params.workerInfo.workerId);
    });
    this.session.on('NodeWorker.detachedFromWorker', (m: any) => {
      this.sessions.delete(m.params.sessionId);
    });
    this.session.on('NodeWorker.receivedMessageFromWorker', (m: any) => {
      const msg = JSON.parse(m.params.message) as { id?: number; result?: unknown; error?: unknown };
      if (msg.id === undefined) return;
      const resolve = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      resolve?.(msg.result ?? null);
    });
    return this.post('NodeWorker.enable', { waitForDebuggerOnStart: false }).then(() => undefined);
  }

  private post(method: string, params: object = {}): Promise<any> {
    return new Promise((resolve, reject) => this.session.post(method, params, (err, result) => (err ? reject(err) : resolve(result))));
  }

  private inWorker(sessionId: string, method: string): Promise<any> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        resolve(null);
      }, 10_000);
      this.pending.set(id, (r) => {
        clearTimeout(timer);
        resolve(r);
      });
      this.post('NodeWorker.sendMessageToWorker', { sessionId, message: JSON.stringify({ id, method }) }).catch(() => resolve(null));
    });
  }

  async collectGarbage(): Promise<void> {
    await Promise.all([...this.sessions.keys()].map((s) => this.inWorker(s, 'HeapProfiler.collectGarbage')));
    await this.post('HeapProfiler.collectGarbage');
  }

  async heaps(): Promise<ThreadHeap[]> {
    const out = await Promise.all(
      [...this.sessions].map(async ([sessionId, workerId]) => {
        const r = (await this.inWorker(sessionId, 'Runtime.getHeapUsage')) as { usedSize: number; totalSize: number } | null;
        return r ? { workerId, used: r.usedSize, total: r.totalSize } : null;
      }),
    );
    return out.filter((h): h is ThreadHeap => h !== null);
  }
}

/** Sums the cadence worker's series of the metrics the soak reports, from the Prometheus text format. */
async function scrapeMetrics(port: number, taskQueue: string): Promise<Record<string, number>> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const sums: Record<string, number> = {};
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line === '') continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})?\s+(\S+)/.exec(line);
    if (!m) continue;
    const labels = m[2] ?? '';
    // Worker-level series carry the task queue: only the cadence worker's (the sticky queue has its own label).
    if (labels.includes('task_queue=') && !labels.includes(`task_queue="${taskQueue}"`)) continue;
    sums[m[1]!] = (sums[m[1]!] ?? 0) + Number(m[3]);
  }
  return sums;
}

async function main(): Promise<void> {
  const cfg = JSON.parse(process.env.SOAK_WORKER_CONFIG ?? 'null') as SoakWorkerConfig | null;
  if (!cfg || !process.send) throw new Error('scripts/soak-worker.ts is started by scripts/soak.ts (SOAK_WORKER_CONFIG and an IPC channel)');
  // The soak stops this process (IPC, then SIGTERM); a Ctrl-C reaches the soak, which stops it in order.
  process.on('SIGINT', () => undefined);
  process.on('disconnect', () => process.exit(1));

  Runtime.install({
    logger: new DefaultLogger('WARN'),
    telemetryOptions: { metrics: { prometheus: { bindAddress: `127.0.0.1:${cfg.metricsPort}` } } },
    shutdownSignals: ['SIGTERM'],
  });

  const base = loadTemporalConfig();
  const temporal: TemporalConfig = {
    ...base,
    address: cfg.address,
    namespace: cfg.namespace,
    taskQueue: cfg.taskQueue,
    draftingTaskQueue: cfg.draftingTaskQueue,
    webhooksTaskQueue: cfg.webhooksTaskQueue,
    worker: { ...base.worker, maxCachedWorkflows: cfg.maxCachedWorkflows },
  };
  const appConfig = loadAppConfig({
    DATABASE_URL: cfg.databaseUrl,
    SMTP_URL: cfg.smtpUrl,
    MESSAGE_ID_DOMAIN: 'cadence.soak',
    PUBLIC_BASE_URL: 'http://127.0.0.1',
    UNSUBSCRIBE_SECRET: randomBytes(32).toString('base64url'),
    SENDER_AUTH_OVERRIDE: 'seller.test',
    // The template drafter, and no embedded model loaded into this process (its memory is not the cadences').
    DRAFTER: 'template',
    DRAFTER_MODEL_PATH: '/nonexistent/soak-no-model.gguf',
    WORKFLOW_BUNDLE_PATH: cfg.workflowBundlePath,
  });
  const db = await createDb({ databaseUrl: cfg.databaseUrl, poolSize: cfg.dbPool });
  const deps = buildActivityDeps(appConfig, db);
  const connection = await NativeConnection.connect({ address: cfg.address });
  const workflowBundle = { codePath: cfg.workflowBundlePath };

  const threads = new ThreadHeaps();
  await threads.start();
  const cadence = await createCadenceWorker({ temporal, deps, connection, workflowBundle });
  const workers: Worker[] = [
    cadence,
    await createDraftingWorker({ temporal, deps, connection }),
    await createWebhookWorker({ temporal, deps, connection, workflowBundle }),
  ];

  const sample = async (gc: boolean): Promise<WorkerSample> => {
    if (gc) await threads.collectGarbage();
    const mem = process.memoryUsage();
    const cpu = process.cpuUsage();
    const status = cadence.getStatus();
    const metrics = await scrapeMetrics(cfg.metricsPort, cfg.taskQueue).catch(() => ({}) as Record<string, number>);
    const metric = (name: string) => metrics[`temporal_${name}`] ?? 0;
    return {
      at: Date.now(),
      rss: mem.rss,
      heapUsed: mem.heapUsed,
      heapTotal: mem.heapTotal,
      external: mem.external,
      arrayBuffers: mem.arrayBuffers,
      threads: await threads.heaps(),
      cached: status.numCachedWorkflows,
      inFlightActivations: status.numInFlightWorkflowActivations,
      inFlightActivities: status.numInFlightActivities,
      cacheHits: metric('sticky_cache_hit'),
      cacheMisses: metric('sticky_cache_miss'),
      evictions: metric('sticky_cache_total_forced_eviction'),
      workflowTasks: metric('workflow_task_execution_latency_count'),
      cpuUser: cpu.user,
      cpuSystem: cpu.system,
    };
  };

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    for (const w of workers) if (w.getState() === 'RUNNING') w.shutdown();
  };
  process.on('message', (m: ToWorker) => {
    if (m.type === 'stop') return stop();
    if (m.type === 'sample') {
      sample(m.gc ?? false).then(
        (s) => send({ type: 'sample', id: m.id, sample: s }),
        (err: Error) => send({ type: 'failed', message: `sampling: ${err.message}` }),
      );
    }
  });

  const running = Promise.all(workers.map((w) => w.run()));
  send({ type: 'ready', pid: process.pid });
  await running;
  deps.close();
  await connection.close();
  await db.destroy();
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    console.error(`soak worker: ${err.stack ?? err.message}`);
    send({ type: 'failed', message: err.stack ?? err.message }, () => process.exit(1));
    setTimeout(() => process.exit(1), 2000).unref();
  },
);
