// The scheduled boundary review: one run per Schedule interval builds the boundary report and tells
// managers and admins what it recommends. Accepting stays a human's act (POST /v1/boundary-report/accept).
import { proxyActivities, setCurrentDetails } from '@temporalio/workflow';
import type { CadenceActivities } from '../activities';
import type { BoundaryReviewResult } from './definitions';

export async function boundaryReviewWorkflow(): Promise<BoundaryReviewResult> {
  const { runBoundaryReview } = proxyActivities<CadenceActivities>({
    startToCloseTimeout: '5 minutes',
    retry: { initialInterval: '30 seconds', maximumInterval: '10 minutes', backoffCoefficient: 2 },
  });
  setCurrentDetails('Building the boundary report (gated templates ready to graduate, automatic ones to put back behind a gate).');
  const result = await runBoundaryReview();
  setCurrentDetails(`Policy ${result.policyVersion}: ${result.summary}; ${result.notified.length} managers and admins notified.`);
  return result;
}
