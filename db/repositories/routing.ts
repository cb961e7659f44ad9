import type { Db } from '../connect';
import type { TriggerType } from '../types';

/** What routing looks at: the lead's account. */
export interface RoutingLead {
  country?: string | null;
  region?: string | null;
  segment?: string | null;
  industry?: string | null;
  employeeCount?: number | null;
}

/** A routing rule's `match`; every present key must match; an empty match matches every lead. */
export interface RoutingMatch {
  countries?: string[];
  regions?: string[];
  segments?: string[];
  industries?: string[];
  minEmployees?: number;
  maxEmployees?: number;
}

export interface RoutedOwner {
  ownerId: string;
  ruleId: string;
  ruleName: string;
  /** The round-robin counter this lead took (next_index before the increment, skips included). */
  index: number;
}

export type RoutingOutcome = { routed: RoutedOwner } | { routed: null; reason: string };

const fold = (v: string) => v.trim().toLowerCase();

function listMatches(allowed: unknown, value: string | null | undefined): boolean {
  if (allowed === undefined || allowed === null) return true;
  // An empty list (or one with no strings) allows nothing: a misconfigured rule must not catch every lead.
  const list = (Array.isArray(allowed) ? allowed : [allowed]).filter((v): v is string => typeof v === 'string');
  if (value === null || value === undefined || value.trim() === '') return false;
  return list.some((v) => fold(v) === fold(value));
}

/** Whether a routing rule's match accepts the lead; lists compare case-insensitively. */
export function routingRuleMatches(match: Record<string, unknown>, lead: RoutingLead): boolean {
  const m = match as RoutingMatch;
  if (!listMatches(m.countries, lead.country)) return false;
  if (!listMatches(m.regions, lead.region)) return false;
  if (!listMatches(m.segments, lead.segment)) return false;
  if (!listMatches(m.industries, lead.industry)) return false;
  if (typeof m.minEmployees === 'number' && (lead.employeeCount == null || lead.employeeCount < m.minEmployees)) return false;
  if (typeof m.maxEmployees === 'number' && (lead.employeeCount == null || lead.employeeCount > m.maxEmployees)) return false;
  return true;
}

function describeLead(lead: RoutingLead): string {
  const parts = [
    `country=${lead.country ?? '(none)'}`,
    `region=${lead.region ?? '(none)'}`,
    `segment=${lead.segment ?? '(none)'}`,
    `industry=${lead.industry ?? '(none)'}`,
    `employees=${lead.employeeCount ?? '(none)'}`,
  ];
  return parts.join(', ');
}

/**
 * Picks the owner of a lead: the first active routing rule (by priority, then id) whose match accepts
 * it hands out the next active rep or manager of its pool, round-robin. The pick happens under a row
 * lock on the rule, so concurrent leads take consecutive slots and never share one. A matching rule
 * whose pool has nobody active is passed over for the next matching rule.
 */
export async function routeOwnerWithReason(db: Db, lead: RoutingLead): Promise<RoutingOutcome> {
  const rules = await db
    .selectFrom('routing_rules')
    .select(['id', 'name', 'match'])
    .where('active', '=', true)
    .orderBy('priority')
    .orderBy('id')
    .execute();
  const matching = rules.filter((r) => routingRuleMatches(r.match ?? {}, lead));
  const emptyPools: string[] = [];
  for (const rule of matching) {
    const routed = await db.transaction().execute(async (tx) => {
      const locked = await tx
        .selectFrom('routing_rules')
        .select(['pool', 'next_index', 'active'])
        .where('id', '=', rule.id)
        .forUpdate()
        .executeTakeFirst();
      if (!locked || !locked.active) return null;
      const pool = (Array.isArray(locked.pool) ? locked.pool : []).filter((id): id is string => typeof id === 'string');
      if (pool.length === 0) return null;
      const available = new Set(
        (
          await tx
            .selectFrom('users')
            .select('id')
            .where('id', 'in', pool)
            .where('active', '=', true)
            .where('role', 'in', ['rep', 'manager'])
            .execute()
        ).map((u) => u.id),
      );
      for (let step = 0; step < pool.length; step++) {
        const index = locked.next_index + step;
        const candidate = pool[index % pool.length]!;
        if (!available.has(candidate)) continue;
        await tx
          .updateTable('routing_rules')
          .set({ next_index: index + 1 })
          .where('id', '=', rule.id)
          .execute();
        return { ownerId: candidate, ruleId: rule.id, ruleName: rule.name, index };
      }
      return null;
    });
    if (routed) return { routed };
    emptyPools.push(`${rule.name} (${rule.id})`);
  }
  const reason =
    matching.length === 0
      ? `no active routing rule matches the lead (${describeLead(lead)}); ${rules.length} active rule(s) checked`
      : `the matching routing rule(s) ${emptyPools.join(', ')} have no active rep or manager in their pool`;
  return { routed: null, reason };
}

/** The owner routing picks for the lead, or null when no rule matches (or no matching pool has anyone active). */
export async function routeOwner(db: Db, lead: RoutingLead): Promise<RoutedOwner | null> {
  return (await routeOwnerWithReason(db, lead)).routed;
}

export interface EnrollmentRule {
  id: string;
  name: string;
  triggerType: TriggerType;
  cadenceId: string;
  priority: number;
  cooldownDays: number;
  match: Record<string, unknown>;
}

/**
 * Whether an enrollment rule's match (key -> allowed string or strings) accepts the trigger's attributes:
 * every key must be present with one of its allowed values, compared case-insensitively (keys too).
 * An empty match accepts every trigger of its type; an empty list of allowed values accepts none.
 */
export function enrollmentRuleMatches(match: Record<string, unknown>, attributes: Record<string, string | undefined>): boolean {
  const folded = new Map(Object.entries(attributes).flatMap(([k, v]) => (typeof v === 'string' ? [[k.toLowerCase(), fold(v)] as const] : [])));
  return Object.entries(match).every(([key, allowed]) => {
    const list = (Array.isArray(allowed) ? allowed : [allowed]).filter((v) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean');
    const value = folded.get(key.toLowerCase());
    return value !== undefined && list.some((v) => fold(String(v)) === value);
  });
}

/** The first active enrollment rule (by priority, then id) for this trigger type whose match accepts the attributes. */
export async function matchEnrollmentRule(db: Db, triggerType: TriggerType, attributes: Record<string, string | undefined>): Promise<EnrollmentRule | null> {
  const rules = await db
    .selectFrom('enrollment_rules')
    .select(['id', 'name', 'trigger_type', 'cadence_id', 'priority', 'cooldown_days', 'match'])
    .where('active', '=', true)
    .where('trigger_type', '=', triggerType)
    .orderBy('priority')
    .orderBy('id')
    .execute();
  const rule = rules.find((r) => enrollmentRuleMatches(r.match ?? {}, attributes));
  if (!rule) return null;
  return {
    id: rule.id,
    name: rule.name,
    triggerType: rule.trigger_type,
    cadenceId: rule.cadence_id,
    priority: rule.priority,
    cooldownDays: rule.cooldown_days,
    match: rule.match ?? {},
  };
}
