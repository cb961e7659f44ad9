import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { Router } from 'express';
import { repliesForTasks } from '../../db/repositories/replies';
import { taskUpdate } from '../../workflows/definitions';
import { mayActFor, principal, requireRole } from '../auth';
import type { ApiContext } from '../context';
import { conflict, forbidden, notFound } from '../errors';
import { taskListQuery, taskParams, taskRequest } from '../schemas';
import { parse } from '../validate';

/** The rep's task list (calls, LinkedIn touches, meetings to confirm, replies to answer) and its outcomes. */
export function taskRoutes({ db, temporal }: ApiContext): Router {
  const router = Router();

  router.get('/v1/tasks', requireRole('rep', 'manager', 'admin'), async (req, res) => {
    const query = parse(taskListQuery, req.query, 'query');
    const caller = principal(req);
    let rows = db.selectFrom('tasks').selectAll().where('status', '=', query.status);
    if (caller.role === 'rep') rows = rows.where('owner_id', '=', caller.userId);
    if (caller.role === 'manager') {
      rows = rows.where((eb) =>
        eb.or([eb('owner_id', '=', caller.userId), eb('owner_id', 'in', eb.selectFrom('users').select('id').where('manager_id', '=', caller.userId))]),
      );
    }
    const tasks = await rows.orderBy('due_at').limit(query.limit).execute();
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
    });
  });

  router.post('/v1/tasks/:id/:action', requireRole('rep', 'manager', 'admin'), async (req, res) => {
    const { id, action } = parse(taskParams, req.params, 'params');
    const body = parse(taskRequest, req.body, 'body');
    const caller = principal(req);
    const task = await db
      .selectFrom('tasks')
      .leftJoin('enrollments', 'enrollments.id', 'tasks.enrollment_id')
      .select(['tasks.id', 'tasks.owner_id', 'tasks.status', 'tasks.completed_by', 'enrollments.workflow_id'])
      .where('tasks.id', '=', id)
      .executeTakeFirst();
    if (!task) throw notFound(`task ${id} does not exist`);
    if (!(await mayActFor(db, caller, task.owner_id))) throw forbidden(`task ${id} belongs to another rep`);
    if (task.status !== 'open') throw conflict('not-open', `task ${id} is ${task.status}`);
    if (!task.workflow_id) throw conflict('not-open', `task ${id} belongs to no cadence`);
    try {
      await temporal.workflow.getHandle(task.workflow_id).executeUpdate(taskUpdate, {
        args: [{ taskId: id, action, actorId: caller.userId, outcome: body.outcome, notes: body.notes, meetingAt: body.meetingAt, at: new Date().toISOString() }],
        updateId: `task:${id}`,
      });
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) throw conflict('not-open', `the cadence of task ${id} is no longer running`);
      if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) throw conflict('refused', err.cause.message);
      throw err;
    }
    res.json({ taskId: id, action });
  });

  return router;
}
