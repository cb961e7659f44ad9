import { Router } from 'express';
import { approvalQueuePage } from '../../db/repositories/pages';
import { priorThread } from '../../db/repositories/thread';
import type { ApprovalRequest } from '../../db/types';
import { checkContent, type SpamFinding } from '../../activities/spam-check';
import { ownerScope, principal, requireRole } from '../auth';
import { decodeCursor, pageOf } from '../pagination';
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
    const list = `approvals:${query.status}`;
    const rows = await approvalQueuePage(db, { status: query.status, scope: ownerScope(caller), after: decodeCursor(query.cursor, list, 2), fetch: query.limit + 1 }).execute();
    const page = pageOf(rows, query.limit, list, (r) => [r.page_at, r.id]);
    res.json({ items: await Promise.all(page.items.map((r) => toQueueItem(r))), nextCursor: page.nextCursor });
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
