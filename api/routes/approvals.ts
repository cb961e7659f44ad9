import { Router } from 'express';
import { approvalQueuePage } from '../../db/repositories/pages';
import { priorThreads, type ThreadEntry } from '../../db/repositories/thread';
import type { AiRecord, ApprovalRequest } from '../../db/types';
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
    // A page is four queries whatever its size: the page, then its drafts and its prospects' threads at once.
    const draftIds = [...new Set(page.items.map((r) => r.draft_id))];
    const [drafts, threads] = await Promise.all([
      draftIds.length ? db.selectFrom('drafts').select(['id', 'drafter', 'ai']).where('id', 'in', draftIds).execute() : [],
      priorThreads(db, page.items.map((r) => r.prospect_id)),
    ]);
    const draftsById = new Map(drafts.map((d) => [d.id, d]));
    res.json({ items: page.items.map((r) => toQueueItem(r, draftsById.get(r.draft_id), threads.get(r.prospect_id) ?? [])), nextCursor: page.nextCursor });
  });

  function toQueueItem(r: ApprovalRequest, drafted: { drafter: string | null; ai: AiRecord | null } | undefined, thread: ThreadEntry[]) {
    const ctx = r.context as any;
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
      thread,
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
