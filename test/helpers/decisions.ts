import type { Db } from '../../db/connect';
import type { DecisionSample } from '../../db/repositories/review-metrics';

/**
 * The decisions in [since, until) as reviewerFigures takes them, grouped by reviewer or by drafter: what the reports
 * compute in PostgreSQL is checked against the specification over the same decisions.
 */
export async function decisionSamples(db: Db, window: { since: Date; until: Date }, by: 'reviewer' | 'drafter'): Promise<Map<string, DecisionSample[]>> {
  const rows = await db
    .selectFrom('approval_decisions')
    .select(['id', 'actor_id', 'action', 'decided_at', 'first_viewed_at', 'words', 'drafter'])
    .where('decided_at', '>=', window.since)
    .where('decided_at', '<', window.until)
    .execute();
  const groups = new Map<string, DecisionSample[]>();
  for (const r of rows) {
    const key = by === 'reviewer' ? r.actor_id : (r.drafter ?? 'template');
    const sample: DecisionSample = { id: r.id, action: r.action as DecisionSample['action'], decidedAt: new Date(r.decided_at), viewedAt: r.first_viewed_at === null ? null : new Date(r.first_viewed_at), words: Number(r.words ?? 0) };
    const group = groups.get(key) ?? [];
    group.push(sample);
    groups.set(key, group);
  }
  return groups;
}
