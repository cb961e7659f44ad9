import { randomUUID } from 'node:crypto';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { Router } from 'express';
import { recordAudit } from '../../db/repositories/audit';
import { cadenceWorkflowId, controlUpdate, type ControlAccepted } from '../../workflows/definitions';
import { mayActFor, principal, requireRole } from '../auth';
import type { ApiContext } from '../context';
import { conflict, forbidden, notFound } from '../errors';
import { controlParams, controlRequest } from '../schemas';
import { parse } from '../validate';

const auditAction = { pause: 'cadence.paused', resume: 'cadence.resumed', 'skip-step': 'cadence.step-skipped', finish: 'cadence.finished' } as const;

/** Reps and managers pause, resume, skip a step of, or finish a prospect's running cadence. */
export function cadenceControlRoutes({ db, temporal }: ApiContext): Router {
  const router = Router();
  router.post('/v1/prospects/:id/cadence/:action', requireRole('rep', 'manager', 'admin'), async (req, res) => {
    const { id, action } = parse(controlParams, req.params, 'params');
    const body = parse(controlRequest, req.body, 'body');
    const caller = principal(req);
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
        .values({ id: holdId, enrollment_id: enrollment.id, kind: 'rep-pause', actor: `user:${caller.userId}`, reason: body.reason ?? 'paused by a rep', created_at: now })
        .execute();
    }
    let accepted: ControlAccepted;
    try {
      accepted = await temporal.workflow
        .getHandle(cadenceWorkflowId(id))
        .executeUpdate(controlUpdate, { args: [{ action, actorId: caller.userId, reason: body.reason, at: now.toISOString() }] });
    } catch (err) {
      if (holdId) await db.updateTable('enrollment_holds').set({ released_at: new Date(), released_by: 'api' }).where('id', '=', holdId).execute();
      if (err instanceof WorkflowNotFoundError) throw conflict('not-running', `the cadence of prospect ${id} is no longer running`);
      if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) throw conflict('refused', err.cause.message);
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
      details: { reason: body.reason ?? null, statusAfter: accepted.status },
    });
    res.json({ workflowId: enrollment.workflow_id, ...accepted });
  });
  return router;
}
