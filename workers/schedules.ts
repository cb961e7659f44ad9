// The Temporal Schedules the worker owns, created or brought up to date at start-up.
import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client, type ScheduleOptionsAction, type ScheduleUpdateOptions } from '@temporalio/client';
import {
  BOUNDARY_REVIEW_SCHEDULE_ID,
  BOUNDARY_REVIEW_WORKFLOW_ID,
  BOUNDARY_REVIEW_WORKFLOW_TYPE,
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

export interface BoundaryReviewScheduleOptions {
  taskQueue: string;
  /** Interval between reviews, ms (BOUNDARY_REVIEW_EVERY). */
  everyMs: number;
  /** Another Schedule ID (and run workflow ID) than `boundary-review`: tests sharing one server. */
  scheduleId?: string;
}

const BOUNDARY_REVIEW_DESCRIPTION = 'Builds the boundary report (templates to graduate to automatic, or to put back behind a gate) and notifies managers and admins.';

function boundaryReviewParts(options: BoundaryReviewScheduleOptions) {
  const action: ScheduleOptionsAction = {
    type: 'startWorkflow',
    workflowType: BOUNDARY_REVIEW_WORKFLOW_TYPE,
    workflowId: options.scheduleId ?? BOUNDARY_REVIEW_WORKFLOW_ID,
    taskQueue: options.taskQueue,
    args: [],
    workflowExecutionTimeout: crmSyncRunTimeoutMs(options.everyMs),
    memo: { description: BOUNDARY_REVIEW_DESCRIPTION },
  };
  return {
    spec: { intervals: [{ every: options.everyMs }] },
    action,
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: Math.min(options.everyMs, 5 * 60_000), pauseOnFailure: false },
  };
}

/**
 * Creates the boundary review Schedule, or brings its interval and task queue up to date (a paused
 * Schedule stays paused). Safe to call at every worker start.
 */
export async function ensureBoundaryReviewSchedule(client: Client, options: BoundaryReviewScheduleOptions): Promise<'created' | 'updated'> {
  const parts = boundaryReviewParts(options);
  const scheduleId = options.scheduleId ?? BOUNDARY_REVIEW_SCHEDULE_ID;
  const note = `boundary review every ${options.everyMs / 3_600_000} h`;
  try {
    await client.schedule.create({ scheduleId, ...parts, memo: { description: BOUNDARY_REVIEW_DESCRIPTION }, state: { note } });
    return 'created';
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
  }
  await client.schedule
    .getHandle(scheduleId)
    .update((previous): ScheduleUpdateOptions => ({ ...parts, state: { paused: previous.state.paused, note: previous.state.note ?? note } }));
  return 'updated';
}
