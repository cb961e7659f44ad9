// CPU time by process over a phase of the bench, read from Linux's /proc: what a step costs the Temporal server,
// the worker process, the API process and PostgreSQL, beside what a bare workflow costs them. Throughput on a shared
// 2-core box moves with the machine's speed from run to run; CPU milliseconds per unit of work move much less, so a
// change's effect shows in them.
import { cpuMsOf, ownThreads, processCpuMs, processes } from './proc';

export type CpuPart = 'temporal' | 'worker' | 'api' | 'postgres';
/**
 * The worker process's CPU by thread: the main thread (activities, the SDK's JavaScript side, and the bench's own
 * servers); the worker threads started after the bench (the SDK's workflow sandboxes); Node's own threads, there
 * from the start (V8's garbage-collection and compiler helpers, libuv's pool); the SDK core's Rust threads.
 */
export type ThreadGroup = 'main' | 'workflow' | 'node' | 'core';
export type CpuTimes = Record<CpuPart, number | null> & { threads: Record<ThreadGroup, number> | null };

/** The threads this process had when the bench started: Node's own (see ThreadGroup). */
const startupThreads = new Set(ownThreads().map((t) => t.tid));

function threadGroup(t: { tid: number; name: string }): ThreadGroup {
  if (t.tid === process.pid) return 'main';
  if (/^(tokio-|temporal-|workflow-proces)/.test(t.name)) return 'core';
  return startupThreads.has(t.tid) ? 'node' : 'workflow';
}

function threadTimes(): Record<ThreadGroup, number> | null {
  const threads = ownThreads();
  if (threads.length === 0) return null;
  const times: Record<ThreadGroup, number> = { main: 0, workflow: 0, node: 0, core: 0 };
  for (const t of threads) times[threadGroup(t)] += t.cpuMs;
  return times;
}

/**
 * Every `postgres` process on this machine: the bench's database server when it runs here (the bench's pools keep
 * their connections for the whole run, so no backend's time is lost between two readings); null when none runs here.
 */
function postgresCpuMs(): number | null {
  const postgres = processes().filter((p) => p.stat.includes('(postgres)'));
  return postgres.length ? postgres.reduce((total, p) => total + cpuMsOf(p.stat), 0) : null;
}

export function cpuTimes(pids: { temporal?: number; api?: number }): CpuTimes {
  const own = process.cpuUsage();
  return {
    temporal: processCpuMs(pids.temporal),
    worker: (own.user + own.system) / 1000,
    api: processCpuMs(pids.api),
    postgres: postgresCpuMs(),
    threads: threadTimes(),
  };
}

/** CPU ms spent by each part between two readings, per unit of work (null where a reading is missing). */
export function cpuPer(before: CpuTimes, after: CpuTimes, units: number): CpuTimes {
  const per = (part: CpuPart) => {
    const a = before[part];
    const b = after[part];
    return a === null || b === null ? null : (b - a) / units;
  };
  const a = before.threads;
  const b = after.threads;
  // A thread that ended between the readings takes its time with it: its group may come out short, never negative.
  const threads = a && b ? (Object.fromEntries((Object.keys(b) as ThreadGroup[]).map((g) => [g, Math.max(0, b[g] - a[g]) / units])) as Record<ThreadGroup, number>) : null;
  return { temporal: per('temporal'), worker: per('worker'), api: per('api'), postgres: per('postgres'), threads };
}

/** The worker process's share by thread, or null where /proc cannot say. */
export function describeWorkerThreads(per: CpuTimes): string | null {
  const t = per.threads;
  if (!t) return null;
  return `main thread ${t.main.toFixed(1)}, workflow threads ${t.workflow.toFixed(1)}, Node's own threads (V8's GC and compiler helpers, libuv) ${t.node.toFixed(1)}, SDK core (Rust) ${t.core.toFixed(1)}`;
}

export function describeCpu(per: CpuTimes): string {
  const part = (name: string, v: number | null) => `${name} ${v === null ? 'n/a' : `${v.toFixed(1)}`}`;
  const known = [per.temporal, per.worker, per.api, per.postgres].filter((v): v is number => v !== null);
  const total = known.reduce((a, b) => a + b, 0);
  return `${part('Temporal server', per.temporal)}, ${part('worker process', per.worker)}, ${part('API', per.api)}, ${part('PostgreSQL', per.postgres)}; total ${total.toFixed(1)} ms`;
}
