import { approvalActivities } from './approvals';
import { boundaryReviewActivities } from './boundary-review';
import { crmSyncActivities } from './crm-sync';
import { webhookFeedActivities } from './crm-feed/delivery';
import type { ActivityDeps } from './deps';
import { draftingActivities } from './drafting';
import { enrollmentActivities } from './enrollment';
import { replyActivities } from './replies';
import { sendingActivities } from './sending';
import { taskActivities } from './tasks';

/** Every activity of the cadence workflow, bound to its dependencies. */
export function createActivities(deps: ActivityDeps) {
  return {
    ...enrollmentActivities(deps),
    ...draftingActivities(deps),
    ...approvalActivities(deps),
    ...sendingActivities(deps),
    ...replyActivities(deps),
    ...taskActivities(deps),
    ...crmSyncActivities(deps),
    ...boundaryReviewActivities(deps),
    ...webhookFeedActivities(deps),
  };
}

export type CadenceActivities = ReturnType<typeof createActivities>;
