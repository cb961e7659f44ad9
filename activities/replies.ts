import { randomUUID } from 'node:crypto';
import { recordAudit } from '../db/repositories/audit';
import type { ReplyNotice } from '../workflows/definitions';
import type { ActivityDeps } from './deps';

export function replyActivities({ db, clock }: ActivityDeps) {
  return {
    /** Automation stops for this prospect: pending approvals are withdrawn and the rep gets a task. */
    async handOverToRep(input: { enrollmentId: string; prospectId: string; ownerId: string; reply: ReplyNotice }): Promise<{ taskId: string }> {
      const now = clock();
      const prospect = await db.selectFrom('prospects').select(['email', 'first_name']).where('id', '=', input.prospectId).executeTakeFirstOrThrow();
      const taskKey = `${input.enrollmentId}:reply:${input.reply.replyId}`;
      return db.transaction().execute(async (tx) => {
        const cancelled = await tx
          .updateTable('approval_requests')
          .set({ status: 'cancelled', resolved_at: now })
          .where('enrollment_id', '=', input.enrollmentId)
          .where('status', '=', 'pending')
          .returning(['id', 'step'])
          .execute();
        await tx
          .insertInto('tasks')
          .values({
            id: randomUUID(),
            key: taskKey,
            owner_id: input.ownerId,
            prospect_id: input.prospectId,
            enrollment_id: input.enrollmentId,
            kind: 'reply',
            title: `${prospect.first_name} (${prospect.email}) replied: read and respond`,
            due_at: now,
            created_at: now,
          })
          .onConflict((oc) => oc.column('key').doNothing())
          .execute();
        const task = await tx.selectFrom('tasks').select('id').where('key', '=', taskKey).executeTakeFirstOrThrow();
        await recordAudit(tx, {
          key: `${input.enrollmentId}:cadence.replied`,
          occurredAt: now,
          actor: 'component:cadence-workflow',
          action: 'cadence.replied',
          prospectId: input.prospectId,
          enrollmentId: input.enrollmentId,
          details: {
            replyMessageId: input.reply.messageId,
            cancelledApprovals: cancelled.map((c) => c.id),
            taskId: task.id,
          },
        });
        return { taskId: task.id };
      });
    },
  };
}
