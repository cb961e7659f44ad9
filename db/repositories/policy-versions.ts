// Gate policy versions. The configuration gives the thresholds and durations (GATE_*, APPROVAL_* …,
// version `config:<fingerprint>`); accepted boundary-report recommendations add versions `v1`, `v2` … in
// `gate_policy_versions`, each carrying the per-template overrides. The policy in force is the
// configuration's with the newest version's overrides over it, under that version's id.
import { sql, type Selectable } from 'kysely';
import type { Db } from '../connect';
import type { GatePolicyVersionsTable } from '../types';
import type { GatePolicy, TemplateOverride } from '../../workflows/policy';
import { recordAudit } from './audit';

export type PolicyVersion = Selectable<GatePolicyVersionsTable>;

/** The values a policy version and the configuration may disagree on (all but the id and the overrides). */
function configuredValues(policy: Partial<GatePolicy>): string {
  const { version: _v, templateOverrides: _o, ...rest } = policy;
  return JSON.stringify(Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b))));
}

/**
 * The policy in force: the configuration's, with the newest version's template overrides. Its id is the
 * version's (`v3`); when the configuration has changed since that version was made (its thresholds are no
 * longer the ones recorded with it), the id says both (`v3+config:…`), so every gate decision names
 * exactly the values that made it.
 */
export function effectivePolicy(base: GatePolicy, latest: PolicyVersion | undefined): GatePolicy {
  if (!latest) return base;
  const recorded = latest.policy as Partial<GatePolicy>;
  const version = configuredValues(recorded) === configuredValues(base) ? latest.version : `${latest.version}+${base.version}`;
  return { ...base, templateOverrides: { ...(recorded.templateOverrides ?? {}) }, version };
}

export async function latestPolicyVersion(db: Db): Promise<PolicyVersion | undefined> {
  return db.selectFrom('gate_policy_versions').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirst();
}

/** The version made by accepting the recommendation with this id, if one was. */
export async function policyVersionAccepting(db: Db, recommendationId: string): Promise<PolicyVersion | undefined> {
  return db
    .selectFrom('gate_policy_versions')
    .selectAll()
    .where(sql<boolean>`change -> 'recommendation' ->> 'id' = ${recommendationId}`)
    .orderBy('seq')
    .limit(1)
    .executeTakeFirst();
}

export async function currentGatePolicy(db: Db, base: GatePolicy): Promise<GatePolicy> {
  return effectivePolicy(base, await latestPolicyVersion(db));
}

/**
 * The worker's `policy` dependency: read at every step, so a new version applies from the next step on.
 * A cache of at most `cacheMs` spares the database a query per step under load; 0 reads every time.
 */
export function policySource(db: Db, base: GatePolicy, options: { cacheMs: number }): () => Promise<GatePolicy> {
  let cached: { at: number; policy: GatePolicy } | undefined;
  return async () => {
    const now = Date.now();
    if (cached && now - cached.at < options.cacheMs) return cached.policy;
    const policy = await currentGatePolicy(db, base);
    cached = { at: now, policy };
    return policy;
  };
}

export interface PolicyChange {
  /** Per template id: 'automatic', 'gated', or null to drop the override. */
  templateOverrides: Record<string, TemplateOverride | null>;
  /** Why: the accepted recommendation and its evidence, or an operator's note. */
  details: Record<string, unknown>;
}

/**
 * Makes the next policy version from the one in force (the configuration `base` plus the newest version)
 * and records `policy.changed`. `expect`, when given, is the version the change was decided against: a
 * newer one in the meantime refuses the change (null returned), so nobody accepts evidence about a policy
 * that is no longer in force.
 */
export async function createPolicyVersion(
  db: Db,
  input: { base: GatePolicy; change: PolicyChange; actor: string; now: Date; expect?: string },
): Promise<{ version: PolicyVersion; policy: GatePolicy } | null> {
  const run = async (tx: Db) => {
    // One version at a time: the next seq and the `expect` check must see every earlier version.
    await sql`lock table gate_policy_versions in share row exclusive mode`.execute(tx);
    const latest = await latestPolicyVersion(tx);
    const current = effectivePolicy(input.base, latest);
    if (input.expect !== undefined && input.expect !== current.version) return null;
    const overrides: Record<string, TemplateOverride> = { ...(current.templateOverrides ?? {}) };
    for (const [templateId, override] of Object.entries(input.change.templateOverrides)) {
      if (override === null) delete overrides[templateId];
      else overrides[templateId] = override;
    }
    const seq = (latest?.seq ?? 0) + 1;
    const id = `v${seq}`;
    const policy: GatePolicy = { ...input.base, templateOverrides: overrides, version: id };
    const version = await tx
      .insertInto('gate_policy_versions')
      .values({
        version: id,
        seq,
        policy: JSON.stringify(policy),
        based_on: current.version,
        change: JSON.stringify({ templateOverrides: input.change.templateOverrides, ...input.change.details }),
        created_by: input.actor,
        created_at: input.now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      key: `policy.changed:${id}`,
      occurredAt: input.now,
      actor: input.actor,
      action: 'policy.changed',
      details: { version: id, basedOn: current.version, change: version.change, templateOverrides: overrides },
    });
    return { version, policy };
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}
