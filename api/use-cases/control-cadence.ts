import { randomUUID } from 'node:crypto';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { recordAudit } from '../../db/repositories/audit';
import { controlUpdate, stateQuery, type AppliedControl, type ControlAccepted, type ControlAction } from '../../workflows/definitions';
import { mayActFor, type Principal } from '../auth';
import type { ApiContext } from '../context';
import { conflict, forbidden, notFound } from '../errors';

const auditAction = { pause: 'cadence.paused', resume: 'cadence.resumed', 'skip-step': 'cadence.step-skipped', finish: 'cadence.finished' } as const;

export interface ControlAnswer extends ControlAccepted {
  workflowId: string;
  /** False when this call applied the action; true when it asked for what another call (concurrent or earlier) had just applied. */
  duplicate: boolean;
  actedBy: string;
  actedAt: string;
}

/**
 * A rep or their manager pauses, resumes, skips the current step of, or finishes a prospect's running cadence.
 * A call refused because the cadence is already as asked (paused, resumed, its step being skipped, finished) by
 * the last control applied is answered as a duplicate naming who applied it and when, so concurrent clicks get
 * one "done" and the rest "already done by …".
 */
export async function controlCadence(
  ctx: Pick<ApiContext, 'db' | 'temporal'>,
  input: { prospectId: string; action: ControlAction; caller: Principal; reason?: string },
): Promise<ControlAnswer> {
  const { db, temporal } = ctx;
  const { prospectId: id, action, caller } = input;
  const enrollment = await db
    .selectFrom('enrollments')
    .select(['id', 'owner_id', 'workflow_id'])
    .where('prospect_id', '=', id)
    .where('ended_at', 'is', null)
    .orderBy('started_at', 'desc')
    .executeTakeFirst();
  if (!enrollment) throw notFound(`prospect ${id} has no running cadence`);
  if (!(await mayActFor(db, caller, enrollment.owner_id))) throw forbidden(`the cadence of prospect ${id} belongs to another rep`);

  const now = new Date();
  // A pause holds sends at the data layer before the cadence hears of it.
  const holdId = action === 'pause' ? randomUUID() : null;
  if (holdId) {
    await db
      .insertInto('enrollment_holds')
      .values({ id: holdId, enrollment_id: enrollment.id, kind: 'rep-pause', actor: `user:${caller.userId}`, reason: input.reason ?? 'paused by a rep', created_at: now })
      .execute();
  }
  const handle = temporal.workflow.getHandle(enrollment.workflow_id);
  let accepted: ControlAccepted;
  try {
    accepted = await handle.executeUpdate(controlUpdate, { args: [{ action, actorId: caller.userId, reason: input.reason, at: now.toISOString() }] });
  } catch (err) {
    if (holdId) await db.updateTable('enrollment_holds').set({ released_at: new Date(), released_by: 'api' }).where('id', '=', holdId).execute();
    const refused = err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure ? err.cause : null;
    if (refused || err instanceof WorkflowNotFoundError) {
      const state = await handle.query(stateQuery).catch(() => null);
      const last: AppliedControl | undefined = state?.lastControl;
      if (state && last?.action === action) {
        return { workflowId: enrollment.workflow_id, action, status: state.status, step: state.currentStep, duplicate: true, actedBy: last.actorId, actedAt: last.at };
      }
      if (refused) throw conflict('refused', refused.message);
      throw conflict('not-running', `the cadence of prospect ${id} is no longer running`);
    }
    throw err;
  }
  await recordAudit(db, {
    key: `control:${randomUUID()}`,
    occurredAt: now,
    actor: `user:${caller.userId}`,
    action: auditAction[action],
    prospectId: id,
    enrollmentId: enrollment.id,
    step: accepted.step || null,
    details: { reason: input.reason ?? null, statusAfter: accepted.status },
  });
  return { workflowId: enrollment.workflow_id, ...accepted, duplicate: false, actedBy: caller.userId, actedAt: now.toISOString() };
}
