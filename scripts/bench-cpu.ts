// CPU time by process over a phase of the bench, read from Linux's /proc: what a step costs the Temporal server,
// the worker process, the API process and PostgreSQL, beside what a bare workflow costs them. Throughput on a shared
// 2-core box moves with the machine's speed from run to run; CPU milliseconds per unit of work move much less, so a
// change's effect shows in them.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export type CpuPart = 'temporal' | 'worker' | 'api' | 'postgres';
export type CpuTimes = Record<CpuPart, number | null>;

let ticksPerSecond: number | undefined;
function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** User + system CPU of a process in ms (fields 14 and 15 of /proc/<pid>/stat), or null where /proc cannot say. */
function processCpuMs(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    return statCpuMs(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return null;
  }
}

function statCpuMs(stat: string): number {
  // The command name (field 2) may hold spaces; the fields after it are counted from its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks();
}

/**
 * Every `postgres` process on this machine: the bench's database server when it runs here (the bench's pools keep
 * their connections for the whole run, so no backend's time is lost between two readings); null when none runs here.
 */
function postgresCpuMs(): number | null {
  let total = 0;
  let found = false;
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return null;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (!stat.includes('(postgres)')) continue;
      total += statCpuMs(stat);
      found = true;
    } catch {
      // the process ended while it was read
    }
  }
  return found ? total : null;
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
