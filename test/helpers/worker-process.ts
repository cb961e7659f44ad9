import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { TEST_PUBLIC_BASE_URL, TEST_UNSUBSCRIBE_SECRET } from './harness';

const ROOT = path.resolve(__dirname, '..', '..');
const READY = /^worker polling /m;
const START_TIMEOUT_MS = 30_000;

export interface WorkerProcessOptions {
  /** The test's own database. */
  databaseUrl: string;
  /** host:port of the Temporal frontend, or of a proxy in front of it. */
  temporalAddress: string;
  taskQueue: string;
  smtpPort: number;
  /** A name for failure messages, e.g. "worker 2 (via proxy)". */
  name?: string;
  env?: Record<string, string>;
}

export interface WorkerProcess {
  readonly name: string;
  readonly pid: number | undefined;
  /** Resolves once the worker says it is polling; rejects with its output if it exits or takes too long. */
  start(): Promise<void>;
  /** SIGKILL: no shutdown, no completion sent, sockets dropped by the kernel. Resolves once the process is gone. */
  kill(): Promise<void>;
  /** Everything it wrote to stdout and stderr so far, for failure messages. */
  output(): string;
}

/**
 * The production worker (workers/main.ts) as a real OS process. It runs under `node --import tsx`
 * rather than the tsx CLI: the CLI runs the script in a child process, which a SIGKILL to the CLI
 * would orphan instead of killing.
 */
export function workerProcess(options: WorkerProcessOptions): WorkerProcess {
  const name = options.name ?? `worker on ${options.temporalAddress}`;
  let child: ChildProcess | undefined;
  let exited: Promise<void> | undefined;
  let log = '';

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // Jest's --experimental-vm-modules is no business of the worker.
    NODE_OPTIONS: '',
    DATABASE_URL: options.databaseUrl,
    TEMPORAL_ADDRESS: options.temporalAddress,
    TEMPORAL_TASK_QUEUE: options.taskQueue,
    SMTP_URL: `smtp://127.0.0.1:${options.smtpPort}`,
    PUBLIC_BASE_URL: TEST_PUBLIC_BASE_URL,
    UNSUBSCRIBE_SECRET: TEST_UNSUBSCRIBE_SECRET,
    MESSAGE_ID_DOMAIN: 'cadence.test',
    WORKFLOW_BUNDLE_PATH: requiredBundle(),
    ...options.env,
  };

  return {
    name,
    get pid() {
      return child?.pid;
    },
    async start() {
      if (child) throw new Error(`${name}: already started`);
      const proc = spawn(process.execPath, ['--import', 'tsx', 'workers/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
      child = proc;
      exited = new Promise((resolve) => proc.once('exit', () => resolve()));
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => fail(new Error(`${name}: not polling after ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS);
        const onData = (chunk: Buffer) => {
          log += chunk.toString();
          if (READY.test(log)) done();
        };
        const onExit = (code: number | null, signal: NodeJS.Signals | null) => fail(new Error(`${name}: exited with ${signal ?? code} before polling`));
        const cleanup = () => {
          clearTimeout(timer);
          proc.off('exit', onExit);
        };
        function done() {
          cleanup();
          resolve();
        }
        function fail(err: Error) {
          cleanup();
          proc.kill('SIGKILL');
          reject(new Error(`${err.message}\n--- output ---\n${log}`));
        }
        proc.stdout!.on('data', onData);
        proc.stderr!.on('data', onData);
        proc.once('exit', onExit);
      });
    },
    async kill() {
      if (!child || !exited) return;
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    output: () => log,
  };
}

function requiredBundle(): string {
  const bundle = process.env.CADENCE_TEST_WORKFLOW_BUNDLE;
  if (!bundle) throw new Error('CADENCE_TEST_WORKFLOW_BUNDLE is not set: run through jest (global setup)');
  return bundle;
}
