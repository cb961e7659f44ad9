import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import type { Db } from '../connect';
import type { Draft, DrafterKind } from '../types';

/** The columns a drafted step is carried by (the workflow's ScoredDraft). */
export type StepDraftRow = Pick<
  Draft,
  'id' | 'version' | 'subject' | 'body' | 'content_hash' | 'template_id' | 'template_version' | 'confidence' | 'confidence_reasons' | 'variant' | 'drafter'
>;

export interface StepDraftingInputs {
  /** The step's first draft, when an earlier attempt wrote it. */
  existing: StepDraftRow | null;
  /** The step's A/B variants, each with whether its template is approved (none without a cadence). */
  variants: Array<{ variant: string; template_id: string; approved: boolean }>;
  /** The drafter the step asks for (cadence_steps.drafter), or null for the deployment's default. */
  drafter: DrafterKind | null;
}

/** What drafting a step starts from, in one read. */
export async function stepDraftingInputs(db: Db, input: { enrollmentId: string; step: number; cadenceId?: string }): Promise<StepDraftingInputs> {
  const cadenceId = input.cadenceId ?? null;
  const row = await db
    .selectNoFrom((eb) => [
      jsonObjectFrom(
        eb
          .selectFrom('drafts')
          .select(['id', 'version', 'subject', 'body', 'content_hash', 'template_id', 'template_version', 'confidence', 'confidence_reasons', 'variant', 'drafter'])
          .where('enrollment_id', '=', input.enrollmentId)
          .where('step', '=', input.step)
          .where('kind', '=', 'step')
          .where('version', '=', 1),
      ).as('existing'),
      jsonArrayFrom(
        eb
          .selectFrom('cadence_step_variants as v')
          .innerJoin('templates as t', 't.id', 'v.template_id')
          .select(['v.variant', 'v.template_id', 't.approved'])
          .where('v.cadence_id', '=', cadenceId)
          .where('v.position', '=', input.step),
      ).as('variants'),
      eb.selectFrom('cadence_steps').select('drafter').where('cadence_id', '=', cadenceId).where('position', '=', input.step).as('drafter'),
    ])
    .executeTakeFirstOrThrow();
  return { existing: row.existing, variants: row.variants, drafter: row.drafter ?? null };
}
