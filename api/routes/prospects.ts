import { Router } from 'express';
import { timelinePage } from '../../db/repositories/pages';
import { principal, requireRole } from '../auth';
import { decodeCursor, pageOf } from '../pagination';
import type { ApiContext } from '../context';
import { forbidden, notFound } from '../errors';
import { idParam, pageQuery } from '../schemas';
import { parse } from '../validate';

export function prospectRoutes({ db }: ApiContext): Router {
  const router = Router();
  router.get('/v1/prospects/:id/timeline', requireRole('rep', 'manager', 'admin'), async (req, res) => {
    const { id } = parse(idParam, req.params, 'params');
    const caller = principal(req);
    const prospect = await db.selectFrom('prospects').select('id').where('id', '=', id).executeTakeFirst();
    if (!prospect) throw notFound(`prospect ${id} does not exist`);
    if (caller.role === 'rep') {
      const owns = await db.selectFrom('enrollments').select('id').where('prospect_id', '=', id).where('owner_id', '=', caller.userId).executeTakeFirst();
      if (!owns) throw forbidden(`prospect ${id} belongs to another rep`);
    }
    const query = parse(pageQuery, req.query, 'query');
    const list = `timeline:${id}`;
    const rows = await timelinePage(db, { prospectId: id, after: decodeCursor(query.cursor, list, 2), fetch: query.limit + 1 }).execute();
    const { items: events, nextCursor } = pageOf(rows, query.limit, list, (e) => [e.page_seq, String(e.id)]);
    res.json({
      prospectId: id,
      nextCursor,
      events: events.map((e) => ({
        id: String(e.id),
        seq: e.seq === null ? null : Number(e.seq),
        hash: e.hash,
        at: e.occurred_at.toISOString(),
        actor: e.actor,
        action: e.action,
        step: e.step,
        contentHash: e.content_hash,
        details: e.details,
      })),
    });
  });
  return router;
}
