// What `npm run bench` (scripts/bench.ts) and `npm run soak` (scripts/soak.ts) share: one run that registers how
// to stop everything it starts and undoes it in reverse order exactly once (on success, failure, a signal or an
// uncaught error), a fresh PostgreSQL database for the run, sizes from the environment, and the small numeric
// helpers of their reports.
import { Client as PgClient } from 'pg';

/** A sanity check failed or the set-up is wrong: printed as one line, without a stack. */
export class MeasureError extends Error {
  override name = 'MeasureError';
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
export const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** The q-quantile (nearest rank) of the samples; NaN without samples. */
export function quantile(samples: number[], q: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!;
}

export function median(samples: number[]): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const ms = (v: number) => (Number.isNaN(v) ? 'n/a' : v >= 100 ? `${v.toFixed(0)} ms` : `${v.toFixed(1)} ms`);
export const rate = (v: number) => (Number.isFinite(v) ? v.toFixed(v >= 100 ? 0 : 1) : 'n/a');

/** Runs fn over items with at most `limit` at a time; the results in the items' order. */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    range(Math.min(limit, items.length)).map(async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!, i);
      }
    }),
  );
  return out;
}

export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new MeasureError(`timed out after ${Math.round(ms / 1000)} s ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function intFromEnv(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new MeasureError(`${name} must be an integer >= ${min}, got "${raw}"`);
  return n;
}

export interface MeasureRun {
  log(message: string): void;
  /** Registers how to stop something just started; clean-up runs these last-first. */
  onCleanup(what: string, run: () => Promise<void> | void): void;
  /** Cleans up once and exits; the exit code is the worst one asked for, even while cleaning up. */
  shutdown(code: number): Promise<never>;
  /** True once clean-up has begun (a signal, the watchdog, the end of main). */
  readonly shuttingDown: boolean;
  /** Runs main, then cleans up and exits: 0 on success, 1 on failure (a MeasureError as one line). */
  finish(main: () => Promise<void>): void;
}

/** The process-wide run: installs the signal and uncaught-error handlers. Call once per process. */
export function measureRun(name: string): MeasureRun {
  const log = (message: string) => console.error(`${name}: ${message}`);
  const cleanups: Array<{ what: string; run: () => Promise<void> | void }> = [];
  let stopping: Promise<never> | undefined;
  let exitCode = 0;

  function shutdown(code: number): Promise<never> {
    exitCode = Math.max(exitCode, code);
    stopping ??= (async () => {
      while (cleanups.length > 0) {
        const { what, run } = cleanups.pop()!;
        try {
          await within(Promise.resolve().then(run), 60_000, `stopping ${what}`);
        } catch (err) {
          log(`clean-up of ${what} failed: ${(err as Error).message}`);
        }
      }
      process.exit(exitCode);
    })();
    return stopping;
  }

  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.on(signal, () => {
      if (stopping) return; // already stopping; clean-up has its own time limits
      log(`${signal}: stopping and cleaning up`);
      void shutdown(code);
    });
  }
  process.on('uncaughtException', (err) => {
    // While cleaning up, a call racing a closed connection is expected: one line, no stack.
    log(stopping ? `while cleaning up: ${err.message}` : `unexpected error: ${err.stack ?? err.message}`);
    void shutdown(1);
  });

  return {
    log,
    onCleanup: (what, run) => void cleanups.push({ what, run }),
    shutdown,
    get shuttingDown() {
      return stopping !== undefined;
    },
    finish(main) {
      main().then(
        () => shutdown(0),
        (err: Error) => {
          if (stopping) return; // a signal or the watchdog is already stopping everything
          log(err instanceof MeasureError ? `aborted: ${err.message}` : `failed: ${err.stack ?? err.message}`);
          return shutdown(1);
        },
      );
    },
  };
}

/**
 * A fresh database named `<prefix>_<runId>` on the DATABASE_URL server, dropped at clean-up. Returns its URL and
 * the server's version.
 */
export async function freshDatabase(run: MeasureRun, adminUrl: string, prefix: string, runId: string): Promise<{ name: string; url: string; pgVersion: string }> {
  const name = `${prefix}_${runId}`;
  const admin = new PgClient({ connectionString: adminUrl });
  try {
    await admin.connect();
  } catch (err) {
    throw new MeasureError(`cannot connect to DATABASE_URL: ${(err as Error).message}`);
  }
  const pgVersion = (await admin.query<{ server_version: string }>('show server_version')).rows[0]!.server_version;
  await admin.query(`create database ${name}`);
  await admin.end();
  run.onCleanup(`database ${name}`, async () => {
    const c = new PgClient({ connectionString: adminUrl });
    await c.connect();
    try {
      // pg-pool's end() resolves before its sockets are closed; a forced drop would then kill live
      // connections, whose pool emits an unhandled 'error'. Wait for them to go first.
      for (let i = 0; i < 50; i++) {
        const { rows } = await c.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [name]);
        if (rows[0]!.n === 0) break;
        await sleep(100);
      }
      await c.query(`drop database if exists ${name} with (force)`);
    } finally {
      await c.end();
    }
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString(), pgVersion };
}
