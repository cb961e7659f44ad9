import type { Db } from '../connect';
import type { AuditEvent } from '../types';

export interface AuditInput {
  /** Makes a retried write a no-op: the same business event always has the same key. */
  key: string;
  occurredAt: Date;
  /** Who: `user:<id>` for a person, `component:<name>` for the machine. */
  actor: string;
  action: string;
  prospectId?: string | null;
  enrollmentId?: string | null;
  step?: number | null;
  contentHash?: string | null;
  details?: Record<string, unknown>;
}

export async function recordAudit(db: Db, event: AuditInput): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      event_key: event.key,
      occurred_at: event.occurredAt,
      actor: event.actor,
      action: event.action,
      prospect_id: event.prospectId ?? null,
      enrollment_id: event.enrollmentId ?? null,
      step: event.step ?? null,
      content_hash: event.contentHash ?? null,
      details: JSON.stringify(event.details ?? {}),
    })
    .onConflict((oc) => oc.column('event_key').doNothing())
    .execute();
}

export async function prospectTimeline(db: Db, prospectId: string): Promise<AuditEvent[]> {
  return db
    .selectFrom('audit_events')
    .selectAll()
    .where('prospect_id', '=', prospectId)
    .orderBy('occurred_at')
    .orderBy('id')
    .execute();
}
