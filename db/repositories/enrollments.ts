import type { Db } from '../connect';

/** Mirrors a cadence's status into its enrollment row, which the API lists from. */
export async function setEnrollmentStatus(
  db: Db,
  input: { enrollmentId: string; status: string; currentStep: number; ended: boolean; now: Date },
): Promise<void> {
  await db
    .updateTable('enrollments')
    .set({
      status: input.status,
      current_step: input.currentStep,
      updated_at: input.now,
      ...(input.ended ? { ended_at: input.now } : {}),
    })
    .where('id', '=', input.enrollmentId)
    .execute();
}
