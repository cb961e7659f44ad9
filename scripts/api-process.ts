// The real API as its own process, for the benchmarks: what a request costs where production runs it, apart
// from the worker's event loop.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { freePort } from './dev-server';
import { MeasureError, sleep } from './measure-kit';
import { repoRoot } from './tools';

export interface ApiProcess {
  url: string;
  pid: number | undefined;
  stop(): Promise<void>;
}

/** Keeps the last few KB of a child's output, for an error message. */
function tail(child: ChildProcess): () => string {
  let text = '';
  const keep = (d: Buffer) => {
    text = (text + d.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => text.trim();
}

/** Stops a child: SIGTERM, SIGKILL after `graceMs`; resolves when it has exited. */
function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * The real API (`node --import tsx api/main.ts`) as its own OS process, as production runs it, with every rate
 * limit off; `env` adds to or overrides its environment (task queues, for instance). Resolves once /healthz answers.
 */
export async function startApiProcess(options: { databaseUrl: string; temporalAddress: string; env?: Record<string, string> }, log: (m: string) => void): Promise<ApiProcess> {
  const { databaseUrl, temporalAddress } = options;
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'api/main.ts'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      DATABASE_URL: databaseUrl,
      API_HOST: '127.0.0.1',
      API_PORT: String(port),
      PUBLIC_BASE_URL: url,
      UNSUBSCRIBE_SECRET: randomBytes(48).toString('base64'),
      TEMPORAL_ADDRESS: temporalAddress,
      RATE_LIMIT_PER_TOKEN_PER_MINUTE: '0',
      RATE_LIMIT_PER_TOKEN_BURST: '0',
      RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '0',
      RATE_LIMIT_PER_ADDRESS_BURST: '0',
      RATE_LIMIT_AUTH_FAILURES_PER_MINUTE: '0',
      ...options.env,
    },
  });
  const output = tail(child);
  // Whatever happens to this process, the API does not outlive it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const stop = async () => {
    await stopChild(child);
    process.removeListener('exit', killOnExit);
  };
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop();
      throw new MeasureError(`the API process exited (${child.exitCode ?? child.signalCode}) before answering /healthz: ${output()}`);
    }
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new MeasureError(`the API did not answer /healthz within 90 s: ${output()}`);
    }
    await sleep(250);
  }
  log(`API process ${child.pid} answers on ${url}`);
  return { url, pid: child.pid, stop };
}
