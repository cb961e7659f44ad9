// CPU time by process over a phase of the bench, read from Linux's /proc: what a step costs the Temporal server,
// the worker process, the API process and PostgreSQL, beside what a bare workflow costs them. Throughput on a shared
// 2-core box moves with the machine's speed from run to run; CPU milliseconds per unit of work move much less, so a
// change's effect shows in them.
import { cpuMsOf, processCpuMs, processes } from './proc';

export type CpuPart = 'temporal' | 'worker' | 'api' | 'postgres';
export type CpuTimes = Record<CpuPart, number | null>;

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
  };
}

/** CPU ms spent by each part between two readings, per unit of work (null where a reading is missing). */
export function cpuPer(before: CpuTimes, after: CpuTimes, units: number): CpuTimes {
  const per = (part: CpuPart) => {
    const a = before[part];
    const b = after[part];
    return a === null || b === null ? null : (b - a) / units;
  };
  return { temporal: per('temporal'), worker: per('worker'), api: per('api'), postgres: per('postgres') };
}

export function describeCpu(per: CpuTimes): string {
  const part = (name: string, v: number | null) => `${name} ${v === null ? 'n/a' : `${v.toFixed(1)}`}`;
  const known = Object.values(per).filter((v): v is number => v !== null);
  const total = known.reduce((a, b) => a + b, 0);
  return `${part('Temporal server', per.temporal)}, ${part('worker process', per.worker)}, ${part('API', per.api)}, ${part('PostgreSQL', per.postgres)}; total ${total.toFixed(1)} ms`;
}
