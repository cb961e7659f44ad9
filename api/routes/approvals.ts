import { Router } from 'express';
import { priorThread } from '../../db/repositories/thread';
import type { ApprovalRequest } from '../../db/types';
import { checkContent, type SpamFinding } from '../../activities/spam-check';
import { principal, requireRole } from '../auth';
import type { ApiContext } from '../context';
import { approvalQueueQuery, approvalViewRequest, decisionRequest, idParam } from '../schemas';
import { decideApproval } from '../use-cases/decide-approval';
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
    res.json(await decideApproval({ db, temporal }, { approvalId: id, caller: principal(req), request: body }));
  });

  return router;
}
