// The scheduled CRM suppression sync: one run per Schedule interval, one activity that only adds.
import { ActivityFailure, ApplicationFailure, proxyActivities, setCurrentDetails, workflowInfo } from '@temporalio/workflow';
import type { CadenceActivities } from '../activities';
import { CRM_SYNC_INVALID_PAYLOAD, CRM_SYNC_NOT_CONFIGURED, type CrmSyncInput, type CrmSyncResult } from './definitions';

const DEFAULT_INITIAL_INTERVAL_MS = 10_000;
const DEFAULT_MAXIMUM_INTERVAL_MS = 10 * 60_000;

/**
 * Pulls the CRM's do-not-contact and closed-lost lists into `suppressions`. A failing endpoint is retried
 * with backoff for as long as the run lives (its execution timeout is shorter than the Schedule interval);
 * meanwhile the run is visibly Running, with the pending activity's attempt count and last failure
 * ("fetching … (attempt 3 failed: HTTP 503)") in the UI. A malformed payload fails the run at once.
 */
export async function crmSuppressionSync(input: CrmSyncInput): Promise<CrmSyncResult> {
  const { syncCrmSuppressions } = proxyActivities<CadenceActivities>({
    startToCloseTimeout: '2 minutes',
    heartbeatTimeout: '1 minute',
    retry: {
      initialInterval: input.retry?.initialIntervalMs ?? DEFAULT_INITIAL_INTERVAL_MS,
      maximumInterval: input.retry?.maximumIntervalMs ?? DEFAULT_MAXIMUM_INTERVAL_MS,
      backoffCoefficient: 2,
      // No attempt limit: the run's execution timeout bounds it, and the next scheduled run starts afresh.
      nonRetryableErrorTypes: [CRM_SYNC_INVALID_PAYLOAD, CRM_SYNC_NOT_CONFIGURED],
    },
  });
  const deadline = workflowInfo().runTimeoutMs ?? workflowInfo().executionTimeoutMs;
  setCurrentDetails(
    `Fetching the do-not-contact and closed-lost lists from ${input.endpoint}. A failed fetch is retried with backoff` +
      (deadline ? ` for up to ${Math.round(deadline / 60_000)} min` : '') +
      '; the pending activity shows the attempt and the last failure. Nothing is ever removed from the suppression list.',
  );
  try {
    const result = await syncCrmSuppressions();
    setCurrentDetails(
      `Synced from ${input.endpoint}: do-not-contact ${result.doNotContact.added} added of ${result.doNotContact.received}, ` +
        `closed-lost ${result.closedLost.added} added of ${result.closedLost.received}.` +
        (result.warnings.length ? ` Warning: ${result.warnings.join('; ')}` : ''),
    );
    return result;
  } catch (err) {
    if (err instanceof ActivityFailure && err.cause instanceof ApplicationFailure) {
      setCurrentDetails(`Sync failed: ${err.cause.message}. The suppression list was not changed.`);
      // Fail the run with the reason itself in its message, so the UI's list of runs says why.
      throw ApplicationFailure.nonRetryable(`CRM suppression sync failed: ${err.cause.message}`, err.cause.type ?? 'CrmSyncFailed');
    }
    throw err;
  }
}
