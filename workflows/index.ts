export { cadenceWorkflow } from './cadence';
