export { cadenceWorkflow } from './cadence';
export { crmSuppressionSync } from './crm-sync';
