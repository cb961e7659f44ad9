// The Temporal Schedules the worker owns, created or brought up to date at start-up.
import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client, type ScheduleOptionsAction, type ScheduleUpdateOptions } from '@temporalio/client';
import {
  CRM_SYNC_SCHEDULE_ID,
  CRM_SYNC_WORKFLOW_ID,
  CRM_SYNC_WORKFLOW_TYPE,
  type CrmSyncInput,
} from '../workflows/definitions';

export interface CrmSyncScheduleOptions {
  taskQueue: string;
  /** The CRM endpoint (shown in the runs; the worker's activity fetches the URL it was configured with). */
  url: string;
  /** Interval between runs, ms. */
  everyMs: number;
  /** Activity retry overrides (tests). */
  retry?: CrmSyncInput['retry'];
}

const DESCRIPTION = 'Pulls the do-not-contact and closed-lost lists from the CRM into suppressions (only adds, never removes).';

/** A run must end before the next is due: 90% of the interval, at least 30 s short of it. */
export function crmSyncRunTimeoutMs(everyMs: number): number {
  return Math.max(1_000, Math.min(Math.floor(everyMs * 0.9), everyMs - 30_000));
}

function crmSyncParts(options: CrmSyncScheduleOptions) {
  const input: CrmSyncInput = { endpoint: options.url, ...(options.retry ? { retry: options.retry } : {}) };
  const action: ScheduleOptionsAction = {
    type: 'startWorkflow',
    workflowType: CRM_SYNC_WORKFLOW_TYPE,
    workflowId: CRM_SYNC_WORKFLOW_ID,
    taskQueue: options.taskQueue,
    args: [input],
    workflowExecutionTimeout: crmSyncRunTimeoutMs(options.everyMs),
    memo: { description: DESCRIPTION },
  };
  return {
    spec: { intervals: [{ every: options.everyMs }] },
    action,
    policies: {
      overlap: ScheduleOverlapPolicy.SKIP,
      // After an outage, run once soon rather than replaying every missed interval.
      catchupWindow: Math.min(options.everyMs, 5 * 60_000),
      pauseOnFailure: false,
    },
  };
}

/**
 * Creates the CRM sync Schedule, or updates its interval, endpoint and policies when it already exists
 * (a paused Schedule stays paused). Safe to call at every worker start.
 */
export async function ensureCrmSyncSchedule(client: Client, options: CrmSyncScheduleOptions): Promise<'created' | 'updated'> {
  const parts = crmSyncParts(options);
  try {
    await client.schedule.create({
      scheduleId: CRM_SYNC_SCHEDULE_ID,
      ...parts,
      memo: { description: DESCRIPTION },
      state: { note: `CRM suppression sync from ${options.url}` },
    });
    return 'created';
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
  }
  await client.schedule.getHandle(CRM_SYNC_SCHEDULE_ID).update(
    (previous): ScheduleUpdateOptions => ({
      ...parts,
      state: { paused: previous.state.paused, note: previous.state.note ?? `CRM suppression sync from ${options.url}` },
    }),
  );
  return 'updated';
}
