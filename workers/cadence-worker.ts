import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { connectionOptions } from '../config/temporal-client';
import type { TemporalConfig } from '../config/temporal';
import { createActivities } from '../activities';
import type { ActivityDeps } from '../activities/deps';

export interface CadenceWorkerOptions {
  temporal: TemporalConfig;
  deps: ActivityDeps;
  connection?: NativeConnection;
  /** A prebuilt workflow bundle (tests, benchmarks); otherwise workflows/ is bundled at start-up. */
  workflowBundle?: WorkerOptions['workflowBundle'];
}

export async function createCadenceWorker(options: CadenceWorkerOptions): Promise<Worker> {
  const connection = options.connection ?? (await NativeConnection.connect(connectionOptions(options.temporal)));
  return Worker.create({
    connection,
    namespace: options.temporal.namespace,
    taskQueue: options.temporal.taskQueue,
    activities: createActivities(options.deps),
    ...(options.workflowBundle
      ? { workflowBundle: options.workflowBundle }
      : { workflowsPath: require.resolve('../workflows') }),
    maxCachedWorkflows: options.temporal.worker.maxCachedWorkflows,
    maxConcurrentActivityTaskExecutions: options.temporal.worker.maxConcurrentActivityTaskExecutions,
    // A reply cancels an in-flight send through its next heartbeat: send them often enough that the
    // cadence reaches 'replied' within about a second.
    maxHeartbeatThrottleInterval: '1 second',
  });
}

/**
 * The drafting worker: enrichment, drafting (a model writing) and scoring, on their own task queue, so that a
 * model's worker runs where the model is and takes as many drafts at once as it can (a local model still writes
 * one at a time). It has no workflows.
 */
export async function createDraftingWorker(options: Omit<CadenceWorkerOptions, 'workflowBundle'>): Promise<Worker> {
  const connection = options.connection ?? (await NativeConnection.connect(connectionOptions(options.temporal)));
  return Worker.create({
    connection,
    namespace: options.temporal.namespace,
    taskQueue: options.temporal.draftingTaskQueue,
    activities: createActivities(options.deps),
    maxConcurrentActivityTaskExecutions: options.temporal.worker.maxConcurrentDrafts,
    // A reply cancels a generation in flight through its heartbeats.
    maxHeartbeatThrottleInterval: '1 second',
  });
}

/**
 * The webhook worker: the subscriptions' feed workflows and their deliveries, on their own task queue, so that a
 * receiver that hangs or fails takes this worker's slots, never a cadence's (a send, a reply) or a draft's.
 */
export async function createWebhookWorker(options: CadenceWorkerOptions): Promise<Worker> {
  const connection = options.connection ?? (await NativeConnection.connect(connectionOptions(options.temporal)));
  return Worker.create({
    connection,
    namespace: options.temporal.namespace,
    taskQueue: options.temporal.webhooksTaskQueue,
    activities: createActivities(options.deps),
    ...(options.workflowBundle ? { workflowBundle: options.workflowBundle } : { workflowsPath: require.resolve('../workflows') }),
    maxConcurrentActivityTaskExecutions: options.temporal.worker.maxConcurrentWebhookDeliveries,
  });
}
