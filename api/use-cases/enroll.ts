import { randomUUID } from 'node:crypto';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import type { Db } from '../../db/connect';
import { recordAudit } from '../../db/repositories/audit';
import { normalizeEmail, upsertProspectAndAccount, type AccountInput, type ProspectInput } from '../../db/repositories/prospects';
import { describeSuppression, findSuppression } from '../../db/repositories/suppressions';
import { routeOwnerWithReason, type RoutedOwner, type RoutingLead } from '../../db/repositories/routing';
import type { TriggerType } from '../../db/types';
import { cadenceStartOptions, cadenceWorkflowId, type CadenceInput } from '../../workflows/definitions';
import type { ApiContext } from '../context';
import { badRequest, conflict, HttpError, notFound } from '../errors';

/** A prospect whose last cadence ended less than this many days ago is not enrolled again directly. */
export const DEFAULT_COOLDOWN_DAYS = 30;
const DAY_MS = 86_400_000;

/** Why an enrollment happened without a person asking for this prospect: the trigger and the rule it matched. */
export interface TriggerContext {
  type: TriggerType;
  ruleId: string;
  ruleName: string;
  source?: string;
  attributes?: Record<string, string>;
  occurredAt?: string;
  listName?: string;
  /** 1-based line of the lead in an imported list. */
  line?: number;
}

export interface EnrollInput {
  cadenceId: string;
  /** The owner; without it, routing picks one (callers default a rep to themselves before calling). */
  ownerId?: string;
  prospect: ProspectInput;
  account: AccountInput;
  /** Days after the prospect's last cadence ended during which it is not enrolled again; default 30. */
  cooldownDays?: number;
  trigger?: TriggerContext;
  /** Who asked, for the audit trail: `user:<id>`. */
  requestedBy?: string;
}

export interface EnrollResult {
  enrollmentId: string;
  prospectId: string;
  workflowId: string;
  runId: string;
  ownerId: string;
  /** The routing rule that picked the owner; null when the owner was given (or was the calling rep). */
  routedBy: string | null;
}

/**
 * 409 `already-enrolled` or `cooldown`, or 422 `suppressed`: the lead is not enrolled (again), which for a
 * trigger or a list import is a skip (recorded, reported per row), not an error.
 */
export function isDuplicateLead(err: unknown): err is HttpError & { code: 'already-enrolled' | 'cooldown' | 'suppressed' } {
  if (!(err instanceof HttpError)) return false;
  if (err.status === 422 && err.code === 'suppressed') return true;
  return err.status === 409 && (err.code === 'already-enrolled' || err.code === 'cooldown');
}

/** 422 `suppressed` when the address or its whole domain is on a suppression list; nothing is enrolled or created. */
export async function assertNotSuppressed(db: Db, email: string, prospectId?: string | null): Promise<void> {
  const suppression = await findSuppression(db, email);
  if (!suppression) return;
  throw new HttpError(422, 'suppressed', `${email} is suppressed: ${describeSuppression(suppression)}; it is not enrolled`, {
    suppression: { list: suppression.reason, reason: suppression.reason, kind: suppression.kind, value: suppression.value, source: suppression.source },
    ...(prospectId ? { prospectId } : {}),
  });
}

/**
 * The one enrollment path, for a rep's or integration's direct enrollment and for triggers: validates
 * the owner and cadence, upserts the account and prospect (deduplicated by normalized email), refuses a
 * prospect already in a cadence (409 already-enrolled) or inside the cooldown after its last one (409
 * cooldown, with the date it ends), routes the owner when none is given (422 no-owner when nothing
 * matches), refuses a suppressed address or domain (422 suppressed) and starts the cadence workflow. Trigger and routing decisions go to the audit trail: the
 * enrollments row belongs to the workflow's first activity.
 */
export async function enrollProspect(ctx: ApiContext, input: EnrollInput): Promise<EnrollResult> {
  const { db, temporal, taskQueue, draftingTaskQueue } = ctx;
  const requestedAt = new Date();

  const cadence = await db.selectFrom('cadences').select(['id', 'name']).where('id', '=', input.cadenceId).executeTakeFirst();
  if (!cadence) throw notFound(`cadence ${input.cadenceId} does not exist`);
  let owner = input.ownerId ? await loadOwner(db, input.ownerId) : null;
  if (input.ownerId && !owner) {
    // Well-formed, but not a user who can own a cadence: a fact of the team, not of the request's shape.
    throw new HttpError(422, 'invalid-owner', `body.ownerId: ${input.ownerId} is not an active rep or manager`, {
      issues: [{ field: 'body.ownerId', message: 'not an active rep or manager' }],
    });
  }

  // A suppressed address or domain is refused before anything is written for it.
  const known = await db.selectFrom('prospects').select('id').where('normalized_email', '=', normalizeEmail(input.prospect.email)).executeTakeFirst();
  await assertNotSuppressed(db, input.prospect.email, known?.id);

  const { prospectId, email } = await upsertProspectAndAccount(db, { prospect: input.prospect, account: input.account });
  const workflowId = cadenceWorkflowId(prospectId);

  const cooldownDays = input.cooldownDays ?? DEFAULT_COOLDOWN_DAYS;
  const until = await cooldownUntil(db, prospectId, cooldownDays, requestedAt);
  const refuseForCooldown = (cooldownEnds: Date) =>
    conflict('cooldown', `${email}'s last cadence ended less than ${cooldownDays} days ago; it may be enrolled again from ${cooldownEnds.toISOString()}`, {
      until: cooldownEnds.toISOString(),
      prospectId,
      workflowId,
    });
  // A cadence whose enrollment has ended may still be closing its workflow for a moment: the lead is then in
  // its cooldown, not in a running cadence.
  if (until && !(await hasOpenEnrollment(db, prospectId))) throw refuseForCooldown(until);
  if (await isRunning(ctx, workflowId)) {
    throw conflict('already-enrolled', `${email} is already in a running cadence (${workflowId})`, { workflowId, prospectId });
  }
  if (until) throw refuseForCooldown(until);

  let routed: RoutedOwner | null = null;
  let lead: RoutingLead | null = null;
  let routedAt = requestedAt;
  if (!owner) {
    lead = await routingLead(db, prospectId);
    routedAt = new Date();
    const outcome = await routeOwnerWithReason(db, lead);
    if (!outcome.routed) {
      throw new HttpError(422, 'no-owner', `no owner for ${email}: ${outcome.reason}; give an ownerId or add a routing rule`, { prospectId });
    }
    routed = outcome.routed;
    owner = await loadOwner(db, routed.ownerId);
    if (!owner) throw new HttpError(422, 'no-owner', `routing rule ${routed.ruleName} picked ${routed.ownerId}, who is no longer an active rep or manager`, { prospectId });
  }

  const enrollmentId = randomUUID();
  const workflowInput: CadenceInput = { enrollmentId, prospectId, cadenceId: cadence.id, ownerId: owner.id, ...(draftingTaskQueue ? { draftingTaskQueue } : {}) };
  let runId: string;
  try {
    const handle = await temporal.workflow.start(
      'cadenceWorkflow',
      cadenceStartOptions({
        enrollment: workflowInput,
        taskQueue,
        ownerId: owner.id,
        prospectEmail: email,
        accountDomain: input.account.domain.toLowerCase(),
        summary: `${cadence.name} for ${email} at ${input.account.name}, owned by ${owner.name}`,
      }),
    );
    runId = handle.firstExecutionRunId;
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) {
      throw conflict('already-enrolled', `${email} is already in a running cadence (${workflowId})`, { workflowId, prospectId });
    }
    throw err;
  }

  // Recorded once the cadence has started, so the trail holds no decision for an enrollment that never was;
  // dated when each decision was made, so they come before the workflow's own `enrollment.started`.
  if (input.trigger) {
    await recordAudit(db, {
      key: `${enrollmentId}:enrollment.triggered`,
      occurredAt: requestedAt,
      actor: 'component:enrollment-rules',
      action: 'enrollment.triggered',
      prospectId,
      details: { enrollmentId, workflowId, cadenceId: cadence.id, requestedBy: input.requestedBy ?? null, trigger: { ...input.trigger } },
    });
  }
  if (routed) {
    await recordAudit(db, {
      key: `${enrollmentId}:owner.routed`,
      occurredAt: routedAt,
      actor: 'component:router',
      action: 'owner.routed',
      prospectId,
      details: { enrollmentId, workflowId, ownerId: routed.ownerId, ruleId: routed.ruleId, ruleName: routed.ruleName, index: routed.index, lead: { ...lead } },
    });
  }
  return { enrollmentId, prospectId, workflowId, runId, ownerId: owner.id, routedBy: routed?.ruleId ?? null };
}

export type SkipReason = 'no-rule' | 'already-enrolled' | 'cooldown' | 'no-owner' | 'invalid-owner' | 'suppressed';

/** Records a lead a trigger or list import did not enroll, and why. */
export async function recordSkippedEnrollment(
  db: Db,
  skip: { reason: SkipReason; prospectId?: string | null; email: string; message?: string; until?: string; trigger: Partial<TriggerContext> & { type: TriggerType }; requestedBy?: string },
): Promise<void> {
  await recordAudit(db, {
    key: `enrollment.skipped:${randomUUID()}`,
    occurredAt: new Date(),
    actor: 'component:enrollment-rules',
    action: 'enrollment.skipped',
    prospectId: skip.prospectId ?? null,
    details: {
      reason: skip.reason,
      email: skip.email,
      ...(skip.message ? { message: skip.message } : {}),
      ...(skip.until ? { until: skip.until } : {}),
      requestedBy: skip.requestedBy ?? null,
      trigger: { ...skip.trigger },
    },
  });
}

async function loadOwner(db: Db, userId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('id', '=', userId)
    .where('role', 'in', ['rep', 'manager'])
    .where('active', '=', true)
    .executeTakeFirst();
}

async function isRunning(ctx: ApiContext, workflowId: string): Promise<boolean> {
  try {
    const description = await ctx.temporal.workflow.getHandle(workflowId).describe();
    return description.status.name === 'RUNNING';
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return false;
    throw err;
  }
}

/** When the cooldown after the prospect's last ended cadence ends, or null when it already has (or never began). */
async function hasOpenEnrollment(db: Db, prospectId: string): Promise<boolean> {
  const open = await db.selectFrom('enrollments').select('id').where('prospect_id', '=', prospectId).where('ended_at', 'is', null).limit(1).executeTakeFirst();
  return open !== undefined;
}

async function cooldownUntil(db: Db, prospectId: string, cooldownDays: number, now: Date): Promise<Date | null> {
  if (cooldownDays <= 0) return null;
  const last = await db
    .selectFrom('enrollments')
    .select('ended_at')
    .where('prospect_id', '=', prospectId)
    .where('ended_at', 'is not', null)
    .orderBy('ended_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!last?.ended_at) return null;
  const until = new Date(new Date(last.ended_at).getTime() + cooldownDays * DAY_MS);
  return until > now ? until : null;
}

async function routingLead(db: Db, prospectId: string): Promise<RoutingLead> {
  const account = await db
    .selectFrom('prospects as p')
    .innerJoin('accounts as a', 'a.id', 'p.account_id')
    .select(['a.country', 'a.region', 'a.segment', 'a.industry', 'a.employee_count'])
    .where('p.id', '=', prospectId)
    .executeTakeFirstOrThrow();
  return {
    country: account.country,
    region: account.region,
    segment: account.segment,
    industry: account.industry,
    employeeCount: account.employee_count,
  };
}
