import type { Db } from '../../db/connect';
import { recordApprovalView, type ApprovalView } from '../../db/repositories/approval-views';
import { mayActFor, type Principal } from '../auth';
import { conflict, forbidden, notFound } from '../errors';

/**
 * A reviewer has a pending approval in view (the rep page reports it as the card shows and while it stays):
 * whoever may decide the approval may report viewing it; a decided or expired one takes no view.
 */
export async function recordViewOfApproval(db: Db, input: { approvalId: string; caller: Principal; visibleMs: number; now: Date }): Promise<{ first: boolean; view: ApprovalView }> {
  const { approvalId, caller } = input;
  const request = await db
    .selectFrom('approval_requests')
    .select(['id', 'owner_id', 'prospect_id', 'enrollment_id', 'step', 'status'])
    .where('id', '=', approvalId)
    .executeTakeFirst();
  if (!request) throw notFound(`approval ${approvalId} does not exist`);
  if (!(await mayActFor(db, caller, request.owner_id))) throw forbidden(`approval ${approvalId} belongs to another rep`);
  if (request.status !== 'pending') throw conflict('not-pending', `approval ${approvalId} is ${request.status}; only a pending approval is viewed for review`);
  return recordApprovalView(db, {
    approval: { id: request.id, prospectId: request.prospect_id, enrollmentId: request.enrollment_id, step: request.step },
    viewerId: caller.userId,
    visibleMs: input.visibleMs,
    now: input.now,
  });
}
