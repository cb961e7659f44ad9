export { cadenceWorkflow } from './cadence';
export { crmSuppressionSync } from './crm-sync';
export { boundaryReviewWorkflow } from './boundary-review';
export { webhookFeedWorkflow } from './webhook-feed';
