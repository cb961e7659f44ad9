// The boundary report: where the line between gated and automatic should move, with the evidence. Gated
// templates that reps keep approving unchanged are recommended to graduate (their low-confidence drafts
// go out automatically); automatic templates whose sends keep ending in exceptions are recommended back
// behind a gate. Accepting a recommendation makes a new policy version (policy-versions.ts).
import { sql } from 'kysely';
import type { Db } from '../connect';
import type { StepKind } from '../types';
import { overrideKey, type GatePolicy, type TemplateOverride } from '../../workflows/policy';
import { templateLearning, type BoundaryThresholds, type ReviewStats, type SendOutcomes, type TemplateRef } from './learning';
import { createPolicyVersion, currentGatePolicy, type PolicyVersion } from './policy-versions';

/** The configuration's gate policy (which policy versions are laid over) and the report's thresholds. */
export interface BoundarySettings {
  basePolicy: GatePolicy;
  thresholds: BoundaryThresholds;
}

export type RecommendationAction = 'graduate' | 'gate' | 'keep';

export interface GatedEvidence {
  sample: number;
  minSample: number;
  approvedUnchanged: number;
  unchangedRate: number | null;
  minUnchangedRate: number;
  medianReviewSeconds: number | null;
}

export interface AutomaticEvidence {
  sends: number;
  negativeReplies: number;
  hardBounces: number;
  unsubscribes: number;
  complaints: number;
  withException: number;
  exceptionRate: number | null;
  maxExceptionRate: number;
}

export interface Recommendation<E> {
  /** Stable for as long as the evidence and the policy say the same: `graduate:<templateId>@<policyVersion>`; null for keep. */
  id: string | null;
  action: RecommendationAction;
  /** What accepting it sets for the template. */
  override: TemplateOverride | null;
  /** In words, with the figures. */
  summary: string;
  evidence: E;
}

export interface GatedEntry {
  template: TemplateRef;
  stepKind: StepKind;
  /** 'template' or the model that drafted; each drafter's figures, and its recommendation, stand on their own. */
  drafter: string;
  sample: number;
  unchangedRate: number | null;
  medianReviewSeconds: number | null;
  review: ReviewStats;
  /** What happened after the approved drafts went out. */
  outcomes: SendOutcomes;
  recommendation: Recommendation<GatedEvidence>;
}

export interface AutomaticEntry {
  template: TemplateRef;
  stepKind: StepKind;
  drafter: string;
  sends: number;
  exceptionRate: number | null;
  exceptions: { negativeReplies: number; hardBounces: number; unsubscribes: number; complaints: number; total: number };
  outcomes: SendOutcomes;
  recommendation: Recommendation<AutomaticEvidence>;
}

export interface BoundaryReport {
  generatedAt: string;
  window: { from: string; to: string; days: number };
  policyVersion: string;
  templateOverrides: Record<string, TemplateOverride>;
  thresholds: { minSample: number; unchangedRate: number; exceptionRate: number };
  gated: GatedEntry[];
  automatic: AutomaticEntry[];
  /** The ids of every graduate and gate recommendation. */
  recommendations: string[];
  /** One line: "2 templates ready to graduate, 1 to put back behind a gate". */
  summary: string;
}

const pct = (r: number | null) => (r === null ? 'n/a' : `${Math.round(r * 1000) / 10}%`);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function reportSummary(graduate: number, gate: number): string {
  return `${plural(graduate, 'template')} ready to graduate, ${gate} to put back behind a gate`;
}

/** The report for the policy in force (`policy`), over the window ending at `now`. */
export async function buildBoundaryReport(db: Db, input: { policy: GatePolicy; thresholds: BoundaryThresholds; now: Date }): Promise<BoundaryReport> {
  const { policy, thresholds, now } = input;
  const from = new Date(now.getTime() - thresholds.windowMs);
  const learning = await templateLearning(db, { from, to: now });
  const overrides = policy.templateOverrides ?? {};
  const recommendationId = (action: 'graduate' | 'gate', key: string) => `${action}:${key}@${policy.version}`;
  const keyOf = (l: { template: { id: string }; drafter: string }) => overrideKey(l.template.id, l.drafter);

  const automatic: AutomaticEntry[] = learning
    .filter((l) => l.automaticSends.sends > 0 && overrides[keyOf(l)] !== 'gated')
    .map((l) => {
      const o = l.automaticSends;
      const evidence: AutomaticEvidence = {
        sends: o.sends,
        negativeReplies: o.negativeReplies,
        hardBounces: o.hardBounces,
        unsubscribes: o.unsubscribes,
        complaints: o.complaints,
        withException: o.withException,
        exceptionRate: o.exceptionRate,
        maxExceptionRate: thresholds.exceptionRate,
      };
      const breakdown = `${plural(o.negativeReplies, 'negative reply', 'negative replies')}, ${plural(o.hardBounces, 'hard bounce')}, ${plural(o.unsubscribes, 'unsubscribe')}, ${plural(o.complaints, 'complaint')}`;
      // Gating is the safe direction: it needs no minimum sample, the rate alone decides.
      const over = o.withException / o.sends > thresholds.exceptionRate;
      return {
        template: l.template,
        stepKind: l.stepKind,
        drafter: l.drafter,
        sends: o.sends,
        exceptionRate: o.exceptionRate,
        exceptions: { negativeReplies: o.negativeReplies, hardBounces: o.hardBounces, unsubscribes: o.unsubscribes, complaints: o.complaints, total: o.withException },
        outcomes: o,
        recommendation: over
          ? {
              id: recommendationId('gate', keyOf(l)),
              action: 'gate',
              override: 'gated',
              summary: `put back behind a gate: ${o.withException} of ${o.sends} automatic sends ended in an exception (${pct(o.exceptionRate)}, above the limit ${pct(thresholds.exceptionRate)}): ${breakdown}`,
              evidence,
            }
          : {
              id: null,
              action: 'keep',
              override: null,
              summary: `keep automatic: ${o.withException} of ${o.sends} automatic sends ended in an exception (${pct(o.exceptionRate)}, within the limit ${pct(thresholds.exceptionRate)})`,
              evidence,
            },
      };
    });
  const toGate = new Set(automatic.filter((a) => a.recommendation.action === 'gate').map((a) => keyOf(a)));

  const gated: GatedEntry[] = learning
    .filter((l) => l.review.decided > 0 && overrides[keyOf(l)] !== 'automatic')
    .map((l) => {
      const r = l.review;
      const evidence: GatedEvidence = {
        sample: r.decided,
        minSample: thresholds.minSample,
        approvedUnchanged: r.approvedUnchanged,
        unchangedRate: r.unchangedRate,
        minUnchangedRate: thresholds.unchangedRate,
        medianReviewSeconds: r.medianReviewSeconds,
      };
      const figures = `${r.approvedUnchanged} of ${r.decided} drafts approved unchanged (${pct(r.unchangedRate)})`;
      const keep = (why: string): Recommendation<GatedEvidence> => ({ id: null, action: 'keep', override: null, summary: `keep gated: ${why}`, evidence });
      let recommendation: Recommendation<GatedEvidence>;
      if (l.stepKind === 'manual_email') {
        recommendation = keep('a manual email step is always written or approved by a rep, whatever its template');
      } else if (toGate.has(keyOf(l))) {
        recommendation = keep('its automatic sends end in exceptions above the limit (see the automatic entry)');
      } else if (r.decided < thresholds.minSample) {
        recommendation = keep(`${plural(r.decided, 'decision')} so far; at least ${thresholds.minSample} are needed (${figures})`);
      } else if (r.approvedUnchanged / r.decided < thresholds.unchangedRate) {
        recommendation = keep(`${figures}, below ${pct(thresholds.unchangedRate)}; ${r.edited} edited, ${r.rejected} rejected`);
      } else {
        recommendation = {
          id: recommendationId('graduate', keyOf(l)),
          action: 'graduate',
          override: 'automatic',
          summary:
            `graduate to automatic: ${figures}, at least ${pct(thresholds.unchangedRate)} over at least ${thresholds.minSample} decisions` +
            (r.medianReviewSeconds === null ? '' : `; median review ${formatSeconds(r.medianReviewSeconds)}`) +
            '. Its drafts below the confidence threshold would go out without a rep; first touches, manual steps, high-value and strategic accounts and unauthenticated senders stay gated',
          evidence,
        };
      }
      return {
        template: l.template,
        stepKind: l.stepKind,
        drafter: l.drafter,
        sample: r.decided,
        unchangedRate: r.unchangedRate,
        medianReviewSeconds: r.medianReviewSeconds,
        review: r,
        outcomes: l.gatedSends,
        recommendation,
      };
    });

  const graduateIds = gated.flatMap((g) => (g.recommendation.action === 'graduate' ? [g.recommendation.id!] : []));
  const gateIds = automatic.flatMap((a) => (a.recommendation.action === 'gate' ? [a.recommendation.id!] : []));
  const recommendations = [...new Set([...graduateIds, ...gateIds])];
  return {
    generatedAt: now.toISOString(),
    window: { from: from.toISOString(), to: now.toISOString(), days: Math.round((thresholds.windowMs / 86_400_000) * 10) / 10 },
    policyVersion: policy.version,
    templateOverrides: { ...overrides },
    thresholds: { minSample: thresholds.minSample, unchangedRate: thresholds.unchangedRate, exceptionRate: thresholds.exceptionRate },
    gated,
    automatic,
    recommendations,
    summary: reportSummary(new Set(graduateIds).size, new Set(gateIds).size),
  };
}

/** `45s`, `5m 0s`, `2h 5m`, `1d 3h`. */
export function formatSeconds(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${s % 60}s`;
  if (s < 86_400) return `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}m`;
  return `${Math.floor(s / 86_400)}d ${Math.floor((s % 86_400) / 3600)}h`;
}

/** The recommendation is not in the report as it stands now: already accepted, the policy moved on, or the evidence changed. */
export class RecommendationNotCurrent extends Error {
  constructor(
    readonly recommendationId: string,
    readonly policyVersion: string,
    readonly current: string[],
  ) {
    super(
      `recommendation ${recommendationId} is not in the current boundary report (policy ${policyVersion}): ` +
        (current.length ? `the current recommendations are ${current.join(', ')}` : 'it has no recommendations now'),
    );
  }
}

export const RECOMMENDATION_ID = /^(graduate|gate):(.+)@([^@]+)$/;

/**
 * Accepts a recommendation of the report as it stands now: a new policy version with the template's
 * override, recorded as `policy.changed` with who accepted it and the evidence. Built and checked under
 * the lock that orders policy versions, so two managers cannot accept against the same version.
 */
export async function acceptRecommendation(
  db: Db,
  input: { recommendationId: string; actor: string; base: GatePolicy; thresholds: BoundaryThresholds; now: Date },
): Promise<{ version: PolicyVersion; policy: GatePolicy; entry: GatedEntry | AutomaticEntry }> {
  return db.transaction().execute(async (tx) => {
    await sql`lock table gate_policy_versions in share row exclusive mode`.execute(tx);
    const policy = await currentGatePolicy(tx, input.base);
    const report = await buildBoundaryReport(tx, { policy, thresholds: input.thresholds, now: input.now });
    const entry = [...report.gated, ...report.automatic].find((e) => e.recommendation.id === input.recommendationId);
    if (!entry || !entry.recommendation.override) throw new RecommendationNotCurrent(input.recommendationId, policy.version, report.recommendations);
    const { recommendation } = entry;
    const created = await createPolicyVersion(tx, {
      base: input.base,
      actor: input.actor,
      now: input.now,
      expect: policy.version,
      change: {
        templateOverrides: { [overrideKey(entry.template.id, entry.drafter)]: recommendation.override },
        details: {
          recommendation: { id: recommendation.id, action: recommendation.action, summary: recommendation.summary, evidence: recommendation.evidence },
          template: entry.template,
          stepKind: entry.stepKind,
          drafter: entry.drafter,
          thresholds: report.thresholds,
          window: report.window,
        },
      },
    });
    // Under the lock the version cannot have moved; a null here would be a bug, not a race.
    if (!created) throw new RecommendationNotCurrent(input.recommendationId, policy.version, report.recommendations);
    return { ...created, entry };
  });
}
