import { randomUUID } from 'node:crypto';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { contentHash } from '../../db/content-hash';
import { describeSuppression, findSuppression } from '../../db/repositories/suppressions';
import { blockingFindings, checkContent } from '../../activities/spam-check';
import { decideUpdate, DecisionRefusal, type DecisionAccepted, type DecisionInput } from '../../workflows/definitions';
import { mayActFor, type Principal } from '../auth';
import type { ApiContext } from '../context';
import { conflict, forbidden, HttpError, notFound } from '../errors';
import type { DecisionRequest } from '../schemas';

export interface DecisionAnswer {
  approvalId: string;
  action: DecisionRequest['action'];
  step: number;
  contentHash: string | null;
  /** False for the one call that decided; true for every other call that asked for the same decision. */
  duplicate: boolean;
  decidedBy: string;
  decidedAt: string;
}

interface RecordedDecision {
  actorId: string;
  action: DecisionRequest['action'];
  contentHash: string | null;
  decidedAt: string;
}

/**
 * A rep's (or their manager's, or an admin's) decision on a gated draft, delivered to the cadence as an update.
 * Concurrent and repeated calls share one update ID per approval, so the cadence takes exactly one decision; each
 * call is then told the truth: the call whose request the cadence took decided (`duplicate: false`), any other
 * asking for the same decision gets `duplicate: true` with who decided and when, and one asking for a different
 * decision gets 409 naming the decision that stands.
 */
export async function decideApproval(ctx: Pick<ApiContext, 'db' | 'temporal'>, input: { approvalId: string; caller: Principal; request: DecisionRequest }): Promise<DecisionAnswer> {
  const { db, temporal } = ctx;
  const { approvalId: id, caller, request: body } = input;
  const request = await db.selectFrom('approval_requests').selectAll().where('id', '=', id).executeTakeFirst();
  if (!request) throw notFound(`approval ${id} does not exist`);
  if (!(await mayActFor(db, caller, request.owner_id))) throw forbidden(`approval ${id} belongs to another rep`);

  const shown = (request.context as { draft: { subject: string; body: string } }).draft;
  const sentContent =
    body.action === 'approve' ? shown : body.action === 'edit' ? { subject: body.subject ?? shown.subject, body: body.body ?? shown.body } : null;
  const hash = sentContent ? contentHash(sentContent) : null;
  const answer = (decided: RecordedDecision, duplicate: boolean): DecisionAnswer => {
    if (decided.action !== body.action || decided.contentHash !== hash) {
      throw conflict('not-pending', `approval ${id} was already decided: ${decided.action} by ${decided.actorId} at ${decided.decidedAt}; it takes no other decision`, {
        decidedBy: decided.actorId,
        decidedAt: decided.decidedAt,
        decision: decided.action,
      });
    }
    return { approvalId: id, action: body.action, step: request.step, contentHash: hash, duplicate, decidedBy: decided.actorId, decidedAt: decided.decidedAt };
  };
  const recorded = async (): Promise<RecordedDecision | null> => {
    const row = await db.selectFrom('approval_decisions').selectAll().where('approval_request_id', '=', id).executeTakeFirst();
    return row ? { actorId: row.actor_id, action: row.action, contentHash: row.content_hash, decidedAt: row.decided_at.toISOString() } : null;
  };

  if (request.status !== 'pending') {
    const previous = await recorded();
    if (previous) return answer(previous, true);
    throw conflict('not-pending', `approval ${id} is ${request.status}; it takes no decision`);
  }
  if (body.draftVersion !== request.draft_version) {
    throw conflict('stale-draft-version', `draft version ${body.draftVersion} is stale; the approval shows version ${request.draft_version}`, {
      currentDraftVersion: request.draft_version,
    });
  }

  if (sentContent) {
    // A prospect suppressed since the draft was queued (address or whole domain) is never approved into a
    // send; the request stays pending, and rejecting it is still allowed.
    const prospect = await db.selectFrom('prospects').select('email').where('id', '=', request.prospect_id).executeTakeFirst();
    const suppression = prospect ? await findSuppression(db, prospect.email) : null;
    if (suppression) {
      throw conflict('suppressed', `${prospect!.email} is suppressed: ${describeSuppression(suppression)}; this draft cannot be approved; reject it instead`, {
        suppression: { list: suppression.reason, reason: suppression.reason, kind: suppression.kind, value: suppression.value, source: suppression.source },
      });
    }
    // The spam check runs on exactly what would be sent: a blocking finding is never sent, whether it is in a
    // rep's edit or (when the template itself is bad) in the shown draft approved unchanged. Warnings are the rep's call.
    const blocking = blockingFindings(checkContent(sentContent, { requireUnsubscribe: request.kind === 'step' }));
    if (blocking.length > 0) {
      const what = body.action === 'edit' ? 'the edited draft' : 'this draft';
      throw new HttpError(422, 'spam-check', `${what} cannot be sent: ${blocking.map((f) => f.detail).join('; ')}`, { findings: blocking });
    }
  }

  const decision: DecisionInput = {
    approvalId: id,
    draftVersion: body.draftVersion,
    actorId: caller.userId,
    action: body.action,
    ...(body.action === 'edit' ? { subject: sentContent!.subject, body: sentContent!.body } : {}),
    ...(body.action === 'reject' ? { rejectMode: body.mode, reason: body.reason } : {}),
    decidedAt: new Date().toISOString(),
    requestId: randomUUID(),
  };
  let accepted: DecisionAccepted;
  try {
    // One update ID per approval: Temporal gives every call the result of the first.
    accepted = await temporal.workflow.getHandle(request.workflow_id).executeUpdate(decideUpdate, { args: [decision], updateId: `decision:${id}` });
  } catch (err) {
    const refused = err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure ? err.cause : null;
    if (refused?.type === DecisionRefusal.staleDraftVersion) throw conflict('stale-draft-version', refused.message);
    if (err instanceof WorkflowNotFoundError || refused) {
      // Decided another way before this call reached the cadence, or the cadence has since ended: the record says by whom.
      const previous = await recorded();
      if (previous) return answer(previous, true);
      throw conflict('not-pending', refused?.message ?? `the cadence for approval ${id} is no longer running`);
    }
    throw err;
  }
  const winner: RecordedDecision = {
    actorId: accepted.actorId ?? caller.userId,
    action: accepted.action,
    contentHash:
      accepted.action === 'reject' ? null : accepted.action === 'edit' ? contentHash({ subject: accepted.edited?.subject ?? shown.subject, body: accepted.edited?.body ?? shown.body }) : contentHash(shown),
    decidedAt: accepted.decidedAt ?? decision.decidedAt,
  };
  // Results recorded before calls carried a request ID cannot tell calls apart: the same decision counts as this call's.
  const thisCall = accepted.requestId === undefined ? winner.action === body.action && winner.contentHash === hash : accepted.requestId === decision.requestId;
  return answer(winner, !thisCall);
}
