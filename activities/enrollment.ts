import { ApplicationFailure } from '@temporalio/activity';
import { sql } from 'kysely';
import { recordAudit } from '../db/repositories/audit';
import { setEnrollmentStatus } from '../db/repositories/enrollments';
import { loadProfile } from '../db/repositories/prospects';
import type { CadenceInput, CadenceStatus } from '../workflows/definitions';
import type { GatePolicy } from '../workflows/policy';
import type { ActivityDeps, ProspectProfile } from './deps';
import { FailureType } from './failures';
import type { StepKind } from '../db/types';
import { isValidTimeZone, type Calendar, type StepTiming } from '../workflows/business-time';

export interface CadenceStepDefinition {
  position: number;
  kind: StepKind;
  delaySeconds: number;
  /** Business-time delay and send window; null for a plain delay of delaySeconds. */
  timing: StepTiming | null;
  taskSlaMinutes: number | null;
  instructions: string | null;
  templateId: string | null;
}

export interface EnrollmentContext {
  profile: ProspectProfile;
  manager: { id: string; name: string } | null;
  cadence: { id: string; name: string; steps: CadenceStepDefinition[] };
  /** The prospect's time zone (else the account's, else the owner's, else the default) and the holidays ahead. */
  calendar: Calendar;
  /** The gate policy in force at enrollment (absent from histories recorded before it was returned here). */
  policy?: GatePolicy;
}

const HOLIDAY_HORIZON_DAYS = 400;

export function enrollmentActivities({ db, clock, defaultTimeZone, policy }: ActivityDeps) {
  async function loadCalendar(prospectId: string, ownerId: string, now: Date): Promise<Calendar> {
    const zones = await db
      .selectFrom('prospects as p')
      .innerJoin('accounts as a', 'a.id', 'p.account_id')
      .select(['p.timezone as prospect', 'a.timezone as account'])
      .where('p.id', '=', prospectId)
      .executeTakeFirst();
    const owner = await db.selectFrom('users').select('timezone').where('id', '=', ownerId).executeTakeFirst();
    const candidates = [zones?.prospect, zones?.account, owner?.timezone, defaultTimeZone];
    const timeZone = candidates.find((tz): tz is string => !!tz && isValidTimeZone(tz)) ?? 'UTC';
    const from = new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10);
    const to = new Date(now.getTime() + HOLIDAY_HORIZON_DAYS * 86_400_000).toISOString().slice(0, 10);
    const holidays = await db
      .selectFrom('holidays')
      .select(sql<string>`to_char(date, 'YYYY-MM-DD')`.as('day'))
      .where('calendar', '=', 'default')
      .where('date', '>=', from)
      .where('date', '<=', to)
      .orderBy('date')
      .execute();
    return { timeZone, holidays: holidays.map((h) => h.day) };
  }

  return {
    /** Records the enrollment and returns the snapshot the workflow runs on. */
    async startEnrollment(input: CadenceInput & { workflowId: string; asOf?: string }): Promise<EnrollmentContext> {
      const profile = await loadProfile(db, input.prospectId, input.ownerId);
      if (!profile) {
        throw ApplicationFailure.create({
          type: FailureType.notFound,
          message: `prospect ${input.prospectId} or owner ${input.ownerId} does not exist`,
          nonRetryable: true,
        });
      }
      const cadence = await db.selectFrom('cadences').select(['id', 'name']).where('id', '=', input.cadenceId).executeTakeFirst();
      const steps = await db
        .selectFrom('cadence_steps')
        .select(['position', 'kind', 'delay_seconds', 'timing', 'task_sla_minutes', 'instructions', 'template_id'])
        .where('cadence_id', '=', input.cadenceId)
        .orderBy('position')
        .execute();
      if (!cadence || steps.length === 0) {
        throw ApplicationFailure.create({
          type: FailureType.notFound,
          message: `cadence ${input.cadenceId} does not exist or has no steps`,
          nonRetryable: true,
        });
      }
      const manager = await db
        .selectFrom('users as rep')
        .innerJoin('users as manager', 'manager.id', 'rep.manager_id')
        .select(['manager.id', 'manager.name'])
        .where('rep.id', '=', input.ownerId)
        .executeTakeFirst();

      const now = clock();
      await db
        .insertInto('enrollments')
        .values({
          id: input.enrollmentId,
          workflow_id: input.workflowId,
          prospect_id: input.prospectId,
          cadence_id: input.cadenceId,
          owner_id: input.ownerId,
          status: 'enrolled',
          started_at: now,
          updated_at: now,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
      await recordAudit(db, {
        key: `${input.enrollmentId}:enrollment.started`,
        occurredAt: now,
        actor: 'component:cadence-workflow',
        action: 'enrollment.started',
        prospectId: input.prospectId,
        enrollmentId: input.enrollmentId,
        details: { cadenceId: input.cadenceId, ownerId: input.ownerId, workflowId: input.workflowId },
      });
      return {
        profile,
        manager: manager ?? null,
        cadence: {
          id: cadence.id,
          name: cadence.name,
          steps: steps.map((s) => ({
            position: s.position,
            kind: s.kind,
            delaySeconds: s.delay_seconds,
            timing: s.timing,
            taskSlaMinutes: s.task_sla_minutes,
            instructions: s.instructions,
            templateId: s.template_id,
          })),
        },
        // Holidays ahead of the workflow's own clock, which is what the schedule is computed on.
        calendar: await loadCalendar(input.prospectId, input.ownerId, input.asOf ? new Date(input.asOf) : now),
        policy: await policy(),
      };
    },

    /** Mirrors the workflow's status into the enrollments table, which the API lists from. */
    async updateEnrollmentStatus(input: {
      enrollmentId: string;
      prospectId: string;
      status: CadenceStatus;
      currentStep: number;
      ended: boolean;
    }): Promise<void> {
      const now = clock();
      await setEnrollmentStatus(db, { ...input, now });
      if (input.ended) {
        await recordAudit(db, {
          key: `${input.enrollmentId}:enrollment.ended`,
          occurredAt: now,
          actor: 'component:cadence-workflow',
          action: 'enrollment.ended',
          enrollmentId: input.enrollmentId,
          prospectId: input.prospectId,
          details: { status: input.status, atStep: input.currentStep },
        });
      }
    },
  };
}
