import { randomUUID } from 'node:crypto';
import { Context } from '@temporalio/activity';
import { recordAudit } from '../db/repositories/audit';
import { buildBoundaryReport } from '../db/repositories/boundary-report';
import { learningDefaults } from '../config/app';
import type { BoundaryReviewResult } from '../workflows/definitions';
import type { ActivityDeps } from './deps';

export function boundaryReviewActivities({ db, clock, policy, learning = learningDefaults }: ActivityDeps) {
  return {
    /**
     * Builds the boundary report against the policy in force and tells every active manager and admin
     * what it recommends, once per scheduled run (a retry writes nothing twice).
     */
    async runBoundaryReview(): Promise<BoundaryReviewResult> {
      const info = Context.current().info;
      const run = info.workflowExecution ? `${info.workflowExecution.workflowId}:${info.workflowExecution.runId}` : info.activityId;
      const now = clock();
      const report = await buildBoundaryReport(db, { policy: await policy(), thresholds: learning.boundary, now });
      const readers = await db.selectFrom('users').select('id').where('role', 'in', ['manager', 'admin']).where('active', '=', true).orderBy('id').execute();
      const message =
        `Boundary review (policy ${report.policyVersion}, last ${report.window.days} days): ${report.summary}.` +
        (report.recommendations.length ? ' See GET /v1/boundary-report (or npx cadence boundary-report) and accept with POST /v1/boundary-report/accept.' : '');
      await db.transaction().execute(async (tx) => {
        for (const { id } of readers) {
          await tx
            .insertInto('notifications')
            .values({ id: randomUUID(), key: `boundary-report:${run}:${id}`, user_id: id, kind: 'boundary-report', message, created_at: now })
            .onConflict((oc) => oc.column('key').doNothing())
            .execute();
        }
        await recordAudit(tx, {
          key: `boundary-report.reviewed:${run}`,
          occurredAt: now,
          actor: 'component:boundary-review',
          action: 'boundary-report.reviewed',
          details: { policyVersion: report.policyVersion, summary: report.summary, recommendations: report.recommendations, window: report.window, notified: readers.map((r) => r.id) },
        });
      });
      return { policyVersion: report.policyVersion, summary: report.summary, recommendations: report.recommendations, notified: readers.map((r) => r.id) };
    },
  };
}
