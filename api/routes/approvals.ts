import { Router } from 'express';
import { approvalQueueItemsJson } from '../../db/repositories/pages';
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
    const rows = await approvalQueueItemsJson(db, { status: query.status, scope: ownerScope(caller), after: decodeCursor(query.cursor, list, 2), fetch: query.limit + 1 });
    const page = pageOf(rows, query.limit, list, (r) => [r.page_at, r.id]);
    // The items arrive as JSON text (db/repositories/pages.ts): the answer is spliced, not parsed and rewritten.
    const items = page.items.map((r) => (r.spam_checked ? r.item : withSpamFindings(r.item, r.kind)));
    res.type('application/json').send(`{"items":[${items.join(',')}],"nextCursor":${JSON.stringify(page.nextCursor)}}`);
  });

  /** Requests opened before the spam check existed carry no findings: their text is checked now. */
  function withSpamFindings(itemJson: string, kind: 'step' | 'reply'): string {
    const item = JSON.parse(itemJson) as { draft: { subject: string; body: string }; spamFindings: SpamFinding[] };
    item.spamFindings = checkContent(item.draft, { requireUnsubscribe: kind === 'step' });
    return JSON.stringify(item);
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
