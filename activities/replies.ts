import { randomUUID } from 'node:crypto';
import { recordAudit } from '../db/repositories/audit';
import type { ReplyNotice } from '../workflows/definitions';
import type { ActivityDeps } from './deps';

export function replyActivities({ db, clock }: ActivityDeps) {
  return {
    /** Automation stops for this prospect: pending step approvals are withdrawn and the rep gets a task with an SLA. */
    async handOverToRep(input: {
      enrollmentId: string;
      prospectId: string;
      ownerId: string;
      reply: ReplyNotice;
      slaMs?: number;
    }): Promise<{ taskId: string; createdAt: string }> {
      const now = clock();
      const prospect = await db.selectFrom('prospects').select(['email', 'first_name']).where('id', '=', input.prospectId).executeTakeFirstOrThrow();
      const taskKey = `${input.enrollmentId}:reply:${input.reply.replyId}`;
      return db.transaction().execute(async (tx) => {
        const cancelled = await tx
          .updateTable('approval_requests')
          .set({ status: 'cancelled', resolved_at: now })
          .where('enrollment_id', '=', input.enrollmentId)
          .where('kind', '=', 'step')
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
            title: `${prospect.first_name} (${prospect.email}) replied${input.reply.intent ? ` (${input.reply.intent.replace(/_/g, ' ')})` : ''}: read and respond`,
            due_at: now,
            sla_due_at: input.slaMs ? new Date(now.getTime() + input.slaMs) : null,
            details: JSON.stringify({ replyId: input.reply.replyId, messageId: input.reply.messageId, intent: input.reply.intent ?? null }),
            created_at: now,
          })
          .onConflict((oc) => oc.column('key').doNothing())
          .execute();
        const task = await tx.selectFrom('tasks').select(['id', 'created_at']).where('key', '=', taskKey).executeTakeFirstOrThrow();
        await recordAudit(tx, {
          key: `${input.enrollmentId}:cadence.replied:${input.reply.replyId}`,
          occurredAt: now,
          actor: 'component:cadence-workflow',
          action: 'cadence.replied',
          prospectId: input.prospectId,
          enrollmentId: input.enrollmentId,
          details: {
            replyMessageId: input.reply.messageId,
            intent: input.reply.intent ?? null,
            cancelledApprovals: cancelled.map((c) => c.id),
            taskId: task.id,
          },
        });
        return { taskId: task.id, createdAt: task.created_at.toISOString() };
      });
    },

    /** The rep resumed the cadence: every pause the database holds for it ends now. */
    async releaseHolds(input: { enrollmentId: string; by: string; reason: string }): Promise<number> {
      const now = clock();
      const released = await db
        .updateTable('enrollment_holds')
        .set({ released_at: now, released_by: input.by })
        .where('enrollment_id', '=', input.enrollmentId)
        .where('released_at', 'is', null)
        .returning('id')
        .execute();
      const enrollment = await db.selectFrom('enrollments').select('prospect_id').where('id', '=', input.enrollmentId).executeTakeFirst();
      await recordAudit(db, {
        key: `${input.enrollmentId}:holds.released:${now.getTime()}`,
        occurredAt: now,
        actor: input.by,
        action: 'cadence.resumed',
        prospectId: enrollment?.prospect_id ?? null,
        enrollmentId: input.enrollmentId,
        details: { reason: input.reason, releasedHolds: released.map((r) => r.id) },
      });
      return released.length;
    },

    /** An approval nobody will decide any more (its hand-over ended) leaves the queue. */
    async withdrawApproval(input: { approvalId: string; reason: string }): Promise<void> {
      const now = clock();
      const withdrawn = await db
        .updateTable('approval_requests')
        .set({ status: 'cancelled', resolved_at: now })
        .where('id', '=', input.approvalId)
        .where('status', '=', 'pending')
        .returning(['prospect_id', 'enrollment_id', 'step'])
        .executeTakeFirst();
      if (!withdrawn) return;
      await recordAudit(db, {
        key: `approval:${input.approvalId}:withdrawn`,
        occurredAt: now,
        actor: 'component:cadence-workflow',
        action: 'approval.withdrawn',
        prospectId: withdrawn.prospect_id,
        enrollmentId: withdrawn.enrollment_id,
        step: withdrawn.step,
        details: { approvalId: input.approvalId, reason: input.reason },
      });
    },
  };
}
