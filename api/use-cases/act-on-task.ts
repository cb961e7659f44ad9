import { randomUUID } from 'node:crypto';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { taskUpdate, type TaskAccepted, type TaskInput } from '../../workflows/definitions';
import { mayActFor, type Principal } from '../auth';
import type { ApiContext } from '../context';
import { conflict, forbidden, notFound } from '../errors';

export interface TaskAnswer {
  taskId: string;
  action: TaskInput['action'];
  /** False for the one call that completed or skipped the task; true for any other that asked the same. */
  duplicate: boolean;
  actedBy: string;
  actedAt: string;
}

interface RecordedAction {
  action: TaskInput['action'];
  actorId: string;
  at: string;
}

/**
 * A rep completes or skips a task their cadence waits on (a call, a LinkedIn touch, a meeting). Like a decision,
 * concurrent calls share one update ID per task and each is told whether it was the one that acted.
 */
export async function actOnTask(
  ctx: Pick<ApiContext, 'db' | 'temporal'>,
  input: { taskId: string; action: TaskInput['action']; caller: Principal; outcome?: string; notes?: string; meetingAt?: string },
): Promise<TaskAnswer> {
  const { db, temporal } = ctx;
  const { taskId: id, action, caller } = input;
  const load = () =>
    db
      .selectFrom('tasks')
      .leftJoin('enrollments', 'enrollments.id', 'tasks.enrollment_id')
      .select(['tasks.id', 'tasks.owner_id', 'tasks.status', 'tasks.completed_by', 'tasks.completed_at', 'enrollments.workflow_id'])
      .where('tasks.id', '=', id)
      .executeTakeFirst();
  const task = await load();
  if (!task) throw notFound(`task ${id} does not exist`);
  if (!(await mayActFor(db, caller, task.owner_id))) throw forbidden(`task ${id} belongs to another rep`);

  const answer = (acted: RecordedAction, duplicate: boolean): TaskAnswer => {
    if (acted.action !== action) {
      throw conflict('not-open', `task ${id} was already ${acted.action === 'complete' ? 'completed' : 'skipped'} by ${acted.actorId} at ${acted.at}`, {
        actedBy: acted.actorId,
        actedAt: acted.at,
        taskAction: acted.action,
      });
    }
    return { taskId: id, action, duplicate, actedBy: acted.actorId, actedAt: acted.at };
  };
  const recorded = async (): Promise<RecordedAction | null> => {
    const row = await load();
    if (!row || !row.completed_by || !row.completed_at || (row.status !== 'done' && row.status !== 'skipped')) return null;
    return { action: row.status === 'done' ? 'complete' : 'skip', actorId: row.completed_by, at: row.completed_at.toISOString() };
  };

  if (task.status !== 'open') {
    const previous = await recorded();
    if (previous) return answer(previous, true);
    throw conflict('not-open', `task ${id} is ${task.status}`);
  }
  if (!task.workflow_id) throw conflict('not-open', `task ${id} belongs to no cadence`);
  const request: TaskInput = {
    taskId: id,
    action,
    actorId: caller.userId,
    outcome: input.outcome,
    notes: input.notes,
    meetingAt: input.meetingAt,
    at: new Date().toISOString(),
    requestId: randomUUID(),
  };
  let accepted: TaskAccepted;
  try {
    accepted = await temporal.workflow.getHandle(task.workflow_id).executeUpdate(taskUpdate, { args: [request], updateId: `task:${id}` });
  } catch (err) {
    const refused = err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure ? err.cause : null;
    if (err instanceof WorkflowNotFoundError || refused) {
      const previous = await recorded();
      if (previous) return answer(previous, true);
      if (refused) throw conflict('refused', refused.message);
      throw conflict('not-open', `the cadence of task ${id} is no longer running`);
    }
    throw err;
  }
  const winner: RecordedAction = { action: accepted.action, actorId: accepted.actorId ?? caller.userId, at: accepted.at ?? request.at };
  const thisCall = accepted.requestId === undefined ? accepted.action === action : accepted.requestId === request.requestId;
  return answer(winner, !thisCall);
}
