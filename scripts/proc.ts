// Linux /proc readers for the measurement scripts (bench, soak): a process's CPU time and RSS, and the processes
// running. Elsewhere they answer null or nothing.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

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

/** The fields of /proc/<pid>/stat after the command name (field 2, which may hold spaces): field 3 is index 0. */
function statFields(stat: string): string[] {
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** User + system CPU time in ms (fields 14 and 15) of a /proc/<pid>/stat line. */
export function cpuMsOf(stat: string): number {
  const fields = statFields(stat);
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks();
}

/** The parent pid (field 4) of a /proc/<pid>/stat line. */
export function parentOf(stat: string): number {
  return Number(statFields(stat)[1]);
}

/** A process's CPU time in ms, or null where /proc cannot say. */
export function processCpuMs(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    return cpuMsOf(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return null;
  }
}

/** A process's VmRSS (bytes) and CPU time (ms), or null where /proc cannot say. */
export function processStats(pid: number | undefined): { rss: number; cpuMs: number } | null {
  if (!pid) return null;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rssKb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? NaN);
    return { rss: rssKb * 1024, cpuMs: cpuMsOf(readFileSync(`/proc/${pid}/stat`, 'utf8')) };
  } catch {
    return null;
  }
}

/** Every process whose stat line could be read (none where /proc is missing). */
export function processes(): Array<{ pid: number; stat: string }> {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  const found: Array<{ pid: number; stat: string }> = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      found.push({ pid: Number(entry), stat: readFileSync(`/proc/${entry}/stat`, 'utf8') });
    } catch {
      // the process ended while it was read
    }
  }
  return found;
}

/** This process's threads: id, name (`comm`, at most 15 characters) and CPU time in ms (none where /proc is missing). */
export function ownThreads(): Array<{ tid: number; name: string; cpuMs: number }> {
  let entries: string[];
  try {
    entries = readdirSync('/proc/self/task');
  } catch {
    return [];
  }
  const found: Array<{ tid: number; name: string; cpuMs: number }> = [];
  for (const entry of entries) {
    try {
      const stat = readFileSync(`/proc/self/task/${entry}/stat`, 'utf8');
      found.push({ tid: Number(entry), name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), cpuMs: cpuMsOf(stat) });
    } catch {
      // the thread ended while it was read
    }
  }
  return found;
}
