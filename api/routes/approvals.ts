import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { Router } from 'express';
import { contentHash } from '../../db/content-hash';
import { describeSuppression, findSuppression } from '../../db/repositories/suppressions';
import { priorThread } from '../../db/repositories/thread';
import type { ApprovalRequest } from '../../db/types';
import { blockingFindings, checkContent, type SpamFinding } from '../../activities/spam-check';
import { decideUpdate, DecisionRefusal, type DecisionAccepted, type DecisionInput } from '../../workflows/definitions';
import { mayActFor, principal, requireRole } from '../auth';
import type { ApiContext } from '../context';
import { conflict, forbidden, HttpError, notFound } from '../errors';
import { approvalQueueQuery, approvalViewRequest, decisionRequest, idParam } from '../schemas';
import { recordViewOfApproval } from '../use-cases/record-approval-view';
import { parse } from '../validate';

export function approvalRoutes({ db, temporal }: ApiContext): Router {
  const router = Router();

  router.get('/v1/approvals', requireRole('rep', 'manager', 'admin'), async (req, res) => {
    const query = parse(approvalQueueQuery, req.query, 'query');
    const caller = principal(req);
    let rows = db.selectFrom('approval_requests').selectAll().where('status', '=', query.status);
    if (caller.role === 'rep') rows = rows.where('owner_id', '=', caller.userId);
    if (caller.role === 'manager') {
      rows = rows.where((eb) =>
        eb.or([
          eb('owner_id', '=', caller.userId),
          eb('owner_id', 'in', eb.selectFrom('users').select('id').where('manager_id', '=', caller.userId)),
        ]),
      );
    }
    const requests = await rows.orderBy('created_at').limit(query.limit).execute();
    const items = await Promise.all(requests.map((r) => toQueueItem(r)));
    res.json({ items });
  });

  async function toQueueItem(r: ApprovalRequest) {
    const ctx = r.context as any;
    const drafted = await db.selectFrom('drafts').select(['drafter', 'ai']).where('id', '=', r.draft_id).executeTakeFirst();
    return {
      id: r.id,
      status: r.status,
      step: r.step,
      ownerId: r.owner_id,
      workflowId: r.workflow_id,
      createdAt: r.created_at.toISOString(),
      remindAt: r.remind_at?.toISOString() ?? null,
      policyVersion: r.policy_version,
      draft: {
        version: r.draft_version,
        subject: ctx.draft.subject,
        body: ctx.draft.body,
        contentHash: ctx.draft.contentHash,
      },
      whyGated: r.gate_rules,
      confidence: ctx.confidence,
      confidenceReasons: ctx.confidenceReasons,
      drafter: {
        name: drafted?.drafter ?? 'template',
        ai: drafted?.ai ? { provider: drafted.ai.provider, model: drafted.ai.model, version: drafted.ai.version, slots: drafted.ai.slots } : null,
      },
      // Requests opened before the spam check existed carry no findings: check their text now.
      spamFindings: (ctx.spamFindings as SpamFinding[] | undefined) ?? checkContent(ctx.draft, { requireUnsubscribe: r.kind === 'step' }),
      prospect: ctx.prospect,
      account: ctx.account,
      thread: await priorThread(db, r.prospect_id),
    };
  }

  router.post('/v1/approvals/:id/views', requireRole('rep', 'manager', 'admin'), async (req, res) => {
    const { id } = parse(idParam, req.params, 'params');
    const body = parse(approvalViewRequest, req.body ?? {}, 'body');
    const { first, view } = await recordViewOfApproval(db, { approvalId: id, caller: principal(req), visibleMs: body.visibleMs, now: new Date() });
    res.status(first ? 201 : 200).json({ approvalId: view.approvalId, viewerId: view.viewerId, firstViewedAt: view.firstViewedAt.toISOString(), visibleMs: view.visibleMs, first });
  });

  router.post('/v1/approvals/:id/decision', requireRole('rep', 'manager', 'admin'), async (req, res) => {
    const { id } = parse(idParam, req.params, 'params');
    const body = parse(decisionRequest, req.body, 'body');
    const caller = principal(req);
    const request = await db.selectFrom('approval_requests').selectAll().where('id', '=', id).executeTakeFirst();
    if (!request) throw notFound(`approval ${id} does not exist`);
    if (!(await mayActFor(db, caller, request.owner_id))) throw forbidden(`approval ${id} belongs to another rep`);

    const ctx = request.context as { draft: { subject: string; body: string } };
    const sentContent =
      body.action === 'approve'
        ? ctx.draft
        : body.action === 'edit'
          ? { subject: body.subject ?? ctx.draft.subject, body: body.body ?? ctx.draft.body }
          : null;
    const hash = sentContent ? contentHash(sentContent) : null;

    if (request.status !== 'pending') {
      const previous = await db.selectFrom('approval_decisions').selectAll().where('approval_request_id', '=', id).executeTakeFirst();
      if (previous && previous.action === body.action && previous.content_hash === hash) {
        res.json({ approvalId: id, action: body.action, step: request.step, contentHash: hash, duplicate: true });
        return;
      }
      throw conflict('not-pending', `approval ${id} is ${request.status}${previous ? ` (${previous.action} by ${previous.actor_id})` : ''}; it takes no new decision`);
    }
    if (body.draftVersion !== request.draft_version) {
      throw conflict('stale-draft-version', `draft version ${body.draftVersion} is stale; the approval shows version ${request.draft_version}`, {
        currentDraftVersion: request.draft_version,
      });
    }

    // A prospect suppressed since the draft was queued (address or whole domain) is never approved into a
    // send; the request stays pending, and rejecting it is still allowed.
    if (sentContent) {
      const prospect = await db.selectFrom('prospects').select('email').where('id', '=', request.prospect_id).executeTakeFirst();
      const suppression = prospect ? await findSuppression(db, prospect.email) : null;
      if (suppression) {
        throw conflict('suppressed', `${prospect!.email} is suppressed: ${describeSuppression(suppression)}; this draft cannot be approved; reject it instead`, {
          suppression: { list: suppression.reason, reason: suppression.reason, kind: suppression.kind, value: suppression.value, source: suppression.source },
        });
      }
    }

    // The spam check runs on exactly what would be sent: a blocking finding is never sent, whether it
    // is in a rep's edit or (when the template itself is bad) in the shown draft approved unchanged.
    // Warnings are the rep's call.
    if (sentContent) {
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
    };
    let accepted: DecisionAccepted;
    try {
      // One update ID per approval: Temporal returns the first result to any retry of the call.
      accepted = await temporal.workflow
        .getHandle(request.workflow_id)
        .executeUpdate(decideUpdate, { args: [decision], updateId: `decision:${id}` });
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) throw conflict('not-pending', `the cadence for approval ${id} is no longer running`);
      if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
        const code = err.cause.type === DecisionRefusal.staleDraftVersion ? 'stale-draft-version' : 'not-pending';
        throw conflict(code, err.cause.message);
      }
      throw err;
    }
    const sameEdit = accepted.action !== 'edit' || (accepted.edited?.subject === decision.subject && accepted.edited?.body === decision.body);
    if (accepted.action !== body.action || !sameEdit) {
      throw conflict('not-pending', `approval ${id} was already decided (${accepted.action})`);
    }
    res.json({ approvalId: id, action: accepted.action, step: accepted.step, contentHash: hash, duplicate: false });
  });

  return router;
}
