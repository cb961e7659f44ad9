// When a reviewer first saw an approval and how long it stayed in their view: review time is the decision
// minus the decider's first view, not the time the item waited in the queue. The rep page reports views
// (api/use-cases/record-approval-view.ts); a decision keeps its decider's view (activities/approvals.ts).
import { sql } from 'kysely';
import type { Db } from '../connect';
import { recordAudit } from './audit';

/**
 * A report may claim at most the time since the reviewer's previous report, plus this much for clocks and the
 * network: a page cannot claim more time in view than has passed. The first report marks the first view and
 * vouches for no more than this either.
 */
export const VIEW_REPORT_SLACK_MS = 5_000;

export interface ApprovalView {
  approvalId: string;
  viewerId: string;
  firstViewedAt: Date;
  lastReportedAt: Date;
  visibleMs: number;
}

export interface ViewedApproval {
  id: string;
  prospectId: string;
  enrollmentId: string;
  step: number;
}

/**
 * Records that `viewerId` has the approval in view: the first report is the first view (audited as
 * approval.viewed); each report adds the time in view since the previous one, capped by the time that passed.
 */
export async function recordApprovalView(
  db: Db,
  input: { approval: ViewedApproval; viewerId: string; visibleMs: number; now: Date },
): Promise<{ first: boolean; view: ApprovalView }> {
  const { approval, viewerId, now } = input;
  return db.transaction().execute(async (tx) => {
    const inserted = await tx
      .insertInto('approval_views')
      .values({ approval_request_id: approval.id, viewer_id: viewerId, first_viewed_at: now, last_reported_at: now, visible_ms: Math.min(input.visibleMs, VIEW_REPORT_SLACK_MS) })
      .onConflict((oc) => oc.columns(['approval_request_id', 'viewer_id']).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (inserted) {
      await recordAudit(tx, {
        key: `approval:${approval.id}:viewed:${viewerId}`,
        occurredAt: now,
        actor: `user:${viewerId}`,
        action: 'approval.viewed',
        prospectId: approval.prospectId,
        enrollmentId: approval.enrollmentId,
        step: approval.step,
        details: { approvalId: approval.id, viewerId },
      });
      return { first: true, view: toView(inserted) };
    }
    const updated = await tx
      .updateTable('approval_views')
      .set({
        visible_ms: sql<number>`visible_ms + least(${input.visibleMs}::int, greatest(0, (extract(epoch from (${now}::timestamptz - last_reported_at)) * 1000)::int) + ${VIEW_REPORT_SLACK_MS}::int)`,
        last_reported_at: sql<Date>`greatest(last_reported_at, ${now}::timestamptz)`,
      })
      .where('approval_request_id', '=', approval.id)
      .where('viewer_id', '=', viewerId)
      .returningAll()
      .executeTakeFirstOrThrow();
    return { first: false, view: toView(updated) };
  });
}

/** The decider's view as it stands at the decision: null when they never had the item in view before deciding. */
export async function viewAtDecision(db: Db, input: { approvalId: string; viewerId: string; decidedAt: Date }): Promise<{ firstViewedAt: Date; visibleMs: number } | null> {
  const row = await db
    .selectFrom('approval_views')
    .select(['first_viewed_at', 'visible_ms'])
    .where('approval_request_id', '=', input.approvalId)
    .where('viewer_id', '=', input.viewerId)
    .executeTakeFirst();
  if (!row || row.first_viewed_at.getTime() > input.decidedAt.getTime()) return null;
  // Time reported after the decision (the page's last report as the card left) is not review time.
  const visibleMs = Math.min(row.visible_ms, input.decidedAt.getTime() - row.first_viewed_at.getTime());
  return { firstViewedAt: row.first_viewed_at, visibleMs: Math.max(0, visibleMs) };
}

function toView(row: { approval_request_id: string; viewer_id: string; first_viewed_at: Date; last_reported_at: Date; visible_ms: number }): ApprovalView {
  return { approvalId: row.approval_request_id, viewerId: row.viewer_id, firstViewedAt: row.first_viewed_at, lastReportedAt: row.last_reported_at, visibleMs: Number(row.visible_ms) };
}
