import { recordAudit } from '../db/repositories/audit';
import type { TaskInput } from '../workflows/definitions';
import type { ActivityDeps } from './deps';
import type { StepRef } from './drafting';

const titles = {
  call: 'Call',
  linkedin: 'LinkedIn touch for',
  meeting: 'Confirm a meeting with',
  reply: 'Answer',
} as const;

export function taskActivities({ db, clock }: ActivityDeps) {
  return {
    /** A call, LinkedIn or meeting step becomes a task in the owner's list, due now, with an SLA. */
    async openTask(
      input: StepRef & { taskId: string; kind: 'call' | 'linkedin' | 'meeting'; dueAt: string; slaAt: string; instructions: string | null },
    ): Promise<void> {
      const prospect = await db.selectFrom('prospects').select(['email', 'first_name', 'last_name']).where('id', '=', input.prospectId).executeTakeFirstOrThrow();
      const now = clock();
      await db.transaction().execute(async (tx) => {
        const inserted = await tx
          .insertInto('tasks')
          .values({
            id: input.taskId,
            key: `${input.enrollmentId}:step-${input.step}:${input.kind}:${input.taskId}`,
            owner_id: input.ownerId,
            prospect_id: input.prospectId,
            enrollment_id: input.enrollmentId,
            step: input.step,
            kind: input.kind,
            title: `${titles[input.kind]} ${[prospect.first_name, prospect.last_name].filter(Boolean).join(' ')} (${prospect.email})`,
            due_at: input.dueAt,
            sla_due_at: input.slaAt,
            notes: input.instructions,
            created_at: now,
          })
          .onConflict((oc) => oc.column('id').doNothing())
          .executeTakeFirst();
        if (inserted.numInsertedOrUpdatedRows === 0n) return;
        await recordAudit(tx, {
          key: `task:${input.taskId}:created`,
          occurredAt: now,
          actor: 'component:cadence-workflow',
          action: 'task.created',
          prospectId: input.prospectId,
          enrollmentId: input.enrollmentId,
          step: input.step,
          details: { taskId: input.taskId, kind: input.kind, dueAt: input.dueAt, slaAt: input.slaAt },
        });
      });
    },

    async recordTaskOutcome(input: StepRef & { task: TaskInput; kind: 'call' | 'linkedin' | 'meeting' | 'reply' }): Promise<void> {
      const { task } = input;
      await db.transaction().execute(async (tx) => {
        await tx
          .updateTable('tasks')
          .set({
            status: task.action === 'complete' ? 'done' : 'skipped',
            completed_at: task.at,
            completed_by: task.actorId,
            outcome: task.outcome ?? (task.meetingAt ? `meeting confirmed for ${task.meetingAt}` : null),
            ...(task.notes ? { notes: task.notes } : {}),
            ...(task.meetingAt ? { details: JSON.stringify({ meetingAt: task.meetingAt }) } : {}),
          })
          .where('id', '=', task.taskId)
          .execute();
        await recordAudit(tx, {
          key: `task:${task.taskId}:${task.action}`,
          occurredAt: new Date(task.at),
          actor: `user:${task.actorId}`,
          action: input.kind === 'meeting' && task.action === 'complete' ? 'meeting.confirmed' : `task.${task.action === 'complete' ? 'completed' : 'skipped'}`,
          prospectId: input.prospectId,
          enrollmentId: input.enrollmentId,
          step: input.step,
          details: { taskId: task.taskId, kind: input.kind, outcome: task.outcome ?? null, notes: task.notes ?? null, meetingAt: task.meetingAt ?? null },
        });
      });
    },

    /** A task past its SLA goes to the manager; past its expiry it is closed and the cadence moves on. */
    async recordTaskOverdue(input: StepRef & { taskId: string; stage: 'escalation' | 'expiry'; managerId: string | null }): Promise<void> {
      const now = clock();
      const task = await db.selectFrom('tasks').select(['title', 'kind']).where('id', '=', input.taskId).executeTakeFirstOrThrow();
      const notify = input.managerId ?? input.ownerId;
      await db.transaction().execute(async (tx) => {
        await tx
          .insertInto('notifications')
          .values({
            id: `${input.taskId}:${input.stage}`,
            key: `task:${input.taskId}:${input.stage}`,
            user_id: notify,
            kind: input.stage === 'escalation' ? 'task.escalated' : 'task.expired',
            message: `${task.title}: ${input.stage === 'escalation' ? 'not handled within its SLA' : 'expired without being handled'}.`,
            created_at: now,
          })
          .onConflict((oc) => oc.column('key').doNothing())
          .execute();
        await tx
          .updateTable('tasks')
          .set(input.stage === 'escalation' ? { escalated_at: now } : { status: 'expired', completed_at: now })
          .where('id', '=', input.taskId)
          .where('status', '=', 'open')
          .execute();
        await recordAudit(tx, {
          key: `task:${input.taskId}:${input.stage}`,
          occurredAt: now,
          actor: 'component:sla-timer',
          action: input.stage === 'escalation' ? 'task.escalated' : 'task.expired',
          prospectId: input.prospectId,
          enrollmentId: input.enrollmentId,
          step: input.step,
          details: { taskId: input.taskId, kind: task.kind, notified: notify },
        });
      });
    },
  };
}
