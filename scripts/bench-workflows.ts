// The benchmark's own baseline workflows (scripts/bench.ts): the least a workflow can do on this
// machine, to compare the cadence workflow against. Deterministic code only; bundled by the worker.
import { condition, defineQuery, defineSignal, proxyActivities, setHandler } from '@temporalio/workflow';

export interface BenchActivities {
  noop(): Promise<void>;
}

export const releaseSignal = defineSignal('release');
export const readyQuery = defineQuery<boolean>('ready');
export const releasedQuery = defineQuery<boolean>('released');

const { noop } = proxyActivities<BenchActivities>({ startToCloseTimeout: '30 seconds' });

/** Baseline throughput: one workflow, one no-op activity. */
export async function noopWorkflow(): Promise<void> {
  await noop();
}

/** Baseline latency: waits for one signal, then completes. */
export async function signalWorkflow(): Promise<void> {
  let released = false;
  setHandler(readyQuery, () => true);
  setHandler(releaseSignal, () => {
    released = true;
  });
  await condition(() => released);
}

/**
 * The same baseline seen as the reply path is seen: it reports the signal through a query and keeps running (a
 * completed workflow's query is answered by a replay), as a cadence keeps running after a reply.
 */
export async function signalStateWorkflow(): Promise<void> {
  let released = false;
  setHandler(readyQuery, () => true);
  setHandler(releasedQuery, () => released);
  setHandler(releaseSignal, () => {
    released = true;
  });
  await condition(() => false);
}
