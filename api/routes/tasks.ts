import { Router } from 'express';
import { repliesForTasks } from '../../db/repositories/replies';
import { taskListPage } from '../../db/repositories/pages';
import { ownerScope, principal, requireRole } from '../auth';
import { decodeCursor, pageOf } from '../pagination';
import type { ApiContext } from '../context';
import { taskListQuery, taskParams, taskRequest } from '../schemas';
import { actOnTask } from '../use-cases/act-on-task';
import { parse } from '../validate';

/** The rep's task list (calls, LinkedIn touches, meetings to confirm, replies to answer) and its outcomes. */
export function taskRoutes({ db, temporal }: ApiContext): Router {
  const router = Router();

  router.get('/v1/tasks', requireRole('rep', 'manager', 'admin'), async (req, res) => {
    const query = parse(taskListQuery, req.query, 'query');
    const list = `tasks:${query.status}`;
    const rows = await taskListPage(db, { status: query.status, scope: ownerScope(principal(req)), after: decodeCursor(query.cursor, list, 2), fetch: query.limit + 1 }).execute();
    const { items: tasks, nextCursor } = pageOf(rows, query.limit, list, (t) => [t.page_at, t.id]);
    const replies = await repliesForTasks(db, tasks);
    res.json({
      items: tasks.map((t) => ({
        id: t.id,
        kind: t.kind,
        title: t.title,
        status: t.status,
        step: t.step,
        dueAt: t.due_at?.toISOString() ?? null,
        slaDueAt: t.sla_due_at?.toISOString() ?? null,
        escalatedAt: t.escalated_at?.toISOString() ?? null,
        prospectId: t.prospect_id,
        enrollmentId: t.enrollment_id,
        notes: t.notes,
        details: t.details,
        reply: replies.get(t.id) ?? null,
      })),
      nextCursor,
    });
  });

  router.post('/v1/tasks/:id/:action', requireRole('rep', 'manager', 'admin'), async (req, res) => {
    const { id, action } = parse(taskParams, req.params, 'params');
    const body = parse(taskRequest, req.body, 'body');
    res.json(await actOnTask({ db, temporal }, { taskId: id, action, caller: principal(req), outcome: body.outcome, notes: body.notes, meetingAt: body.meetingAt }));
  });

  return router;
}
