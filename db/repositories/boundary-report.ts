// The boundary report: where the line between gated and automatic should move, with the evidence. A gated
// template is recommended to graduate (its low-confidence drafts go out automatically) only on evidence that can
// be trusted and only when graduating would change something:
//
//   - trusted decisions: viewed on the rep page, not approved faster than a plausible read, not by a reviewer the
//     review metrics flag for approval theater in the window (review-metrics.ts, the same measure);
//   - enough of them, approved unchanged often enough;
//   - enough of its gated drafts gated only by rules graduation lifts (low confidence, template under review),
//     never when first touches, manual steps, high-value or strategic accounts or unauthenticated senders gated them;
//   - enough delivered sends, with hard-bounce, complaint, unsubscribe and negative-reply rates within their limits
//     and not well above the same rates of the cadence's other templates.
//
// An automatic template goes back behind a gate on the same outcome figures. Accepting a recommendation makes a
// new policy version (policy-versions.ts).
import { sql } from 'kysely';
import type { Db } from '../connect';
import type { StepKind } from '../types';
import { GRADUATED_CONFIDENCE_FLOOR, overrideKey, type GatePolicy, type TemplateOverride } from '../../workflows/policy';
import { OUTCOME_RATES, templateLearning, type BoundaryThresholds, type GateRequest, type OutcomeRate, type ReviewStats, type SendOutcomes, type TemplateRef, type TemplateStepLearning } from './learning';
import { createPolicyVersion, currentGatePolicy, type PolicyVersion } from './policy-versions';
import { REVIEW_TIME_MEASURE, theaterFlags, type FlagCode } from './review-metrics';

/** The configuration's gate policy (which policy versions are laid over) and the report's thresholds. */
export interface BoundarySettings {
  basePolicy: GatePolicy;
  thresholds: BoundaryThresholds;
}

export type RecommendationAction = 'graduate' | 'gate' | 'keep';

/** The rules a graduation lifts; every other rule keeps a draft gated whatever the template's record. */
export const LIFTED_BY_GRADUATION: readonly string[] = ['low-confidence', 'template-under-review'];

/** Why a decision does not count toward graduation. */
export interface DiscountedDecisions {
  total: number;
  /** Decided without a view of the draft. */
  notViewed: number;
  /** Approved unchanged faster than a plausible read of the draft, from the first view. */
  fastApproval: number;
  /** By a reviewer the review metrics flag for approval theater in the window (any of their decisions). */
  flaggedReviewer: number;
  /** The flagged reviewers, with why. */
  reviewers: Array<{ reviewerId: string; flags: string[] }>;
}

/** One outcome rate against its limit and against the cadence's other templates. */
export interface RateCheck {
  rate: OutcomeRate;
  count: number;
  /** count / sends; null without sends. */
  value: number | null;
  limit: number;
  /** The same rate over the other templates' sends in the same cadences; null with fewer than minSends of them. */
  cadenceValue: number | null;
  cadenceSends: number;
  /** Which limit it is over: the absolute one, or maxRatioToCadence times the cadence's; null: within both. */
  over: 'limit' | 'cadence' | null;
}

export type ConditionCode = 'not-manual-step' | 'automatic-sends-within-limits' | 'trusted-sample' | 'unchanged-rate' | 'changes-decisions' | 'delivered-sends' | 'outcomes-within-limits';

/** One thing graduation needs, whether it holds, and the figures. */
export interface Condition {
  code: ConditionCode;
  met: boolean;
  detail: string;
}

export interface GatedEvidence {
  /** Decisions on the template's drafts in the window, all of them. */
  decided: number;
  discounted: DiscountedDecisions;
  /** The trusted decisions: decided minus discounted. */
  sample: number;
  minSample: number;
  /** Of the trusted decisions. */
  approvedUnchanged: number;
  unchangedRate: number | null;
  minUnchangedRate: number;
  /** Decision minus first view, median over the trusted decisions. */
  medianReviewSeconds: number | null;
  /** Drafts the gate sent to a rep in the window … */
  gatedDrafts: number;
  /** … of which gated only by rules graduation lifts: the decisions the change would have affected. */
  wouldChange: number;
  wouldChangeShare: number | null;
  minWouldChangeShare: number;
  /** The rules that gated the others, which stay. */
  stayingRules: Array<{ rule: string; count: number }>;
  deliveredSends: number;
  minSends: number;
  rates: RateCheck[];
  conditions: Condition[];
}

export interface AutomaticEvidence {
  sends: number;
  negativeReplies: number;
  hardBounces: number;
  unsubscribes: number;
  complaints: number;
  withException: number;
  exceptionRate: number | null;
  rates: RateCheck[];
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
  /** Trusted decisions (the evidence's sample). */
  sample: number;
  /** Approved unchanged, of the trusted decisions. */
  unchangedRate: number | null;
  medianReviewSeconds: number | null;
  /** What reps did with every draft, trusted or not. */
  review: ReviewStats;
  /** What happened after the template's messages went out, approved or automatic. */
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

export interface ReportThresholds {
  minSample: number;
  unchangedRate: number;
  minWouldChangeShare: number;
  minSends: number;
  maxRates: Record<OutcomeRate, number>;
  maxRatioToCadence: number;
  /** What discounts a decision: the review metrics' reading speed and theater thresholds. */
  review: { readWordsPerMinute: number; readMinSeconds: number; minDecisions: number; fastApprovalShare: number; unchangedRun: number };
}

export interface BoundaryReport {
  generatedAt: string;
  window: { from: string; to: string; days: number };
  policyVersion: string;
  templateOverrides: Record<string, TemplateOverride>;
  /** What review time measures (the same as in the review metrics). */
  reviewTime: string;
  thresholds: ReportThresholds;
  gated: GatedEntry[];
  automatic: AutomaticEntry[];
  /** The ids of every graduate and gate recommendation. */
  recommendations: string[];
  /** One line: "2 templates ready to graduate, 1 to put back behind a gate". */
  summary: string;
}

const pct = (r: number | null) => (r === null ? 'n/a' : `${Math.round(r * 1000) / 10}%`);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const share = (n: number, of: number): number | null => (of > 0 ? Math.round((n / of) * 10_000) / 10_000 : null);

export function reportSummary(graduate: number, gate: number): string {
  return `${plural(graduate, 'template')} ready to graduate, ${gate} to put back behind a gate`;
}

const RATE_WORDS: Record<OutcomeRate, [string, string]> = {
  hardBounce: ['hard bounce', 'hard bounces'],
  complaint: ['complaint', 'complaints'],
  unsubscribe: ['unsubscribe', 'unsubscribes'],
  negativeReply: ['negative reply', 'negative replies'],
};
const COUNT_OF: Record<OutcomeRate, (o: SendOutcomes) => number> = {
  hardBounce: (o) => o.hardBounces,
  complaint: (o) => o.complaints,
  unsubscribe: (o) => o.unsubscribes,
  negativeReply: (o) => o.negativeReplies,
};

/** Each outcome rate against its limit and, with enough of their sends, against the cadence's other templates. */
export function rateChecks(o: SendOutcomes, baseline: SendOutcomes, t: BoundaryThresholds): RateCheck[] {
  return OUTCOME_RATES.map((rate) => {
    const count = COUNT_OF[rate](o);
    const value = share(count, o.sends);
    const cadenceValue = baseline.sends >= t.minSends ? share(COUNT_OF[rate](baseline), baseline.sends) : null;
    let over: RateCheck['over'] = null;
    if (value !== null && value > t.maxRates[rate]) over = 'limit';
    // One event is not a pattern: worse than the cadence takes at least two.
    else if (value !== null && cadenceValue !== null && count >= 2 && value > cadenceValue * t.maxRatioToCadence) over = 'cadence';
    return { rate, count, value, limit: t.maxRates[rate], cadenceValue, cadenceSends: baseline.sends, over };
  });
}

function describeRate(r: RateCheck, sends: number, t: BoundaryThresholds): string {
  const [one, many] = RATE_WORDS[r.rate];
  const cadence = r.cadenceValue === null ? '' : `, the cadence's other templates ${pct(r.cadenceValue)} of ${r.cadenceSends}`;
  const verdict = r.over === 'limit' ? `above the limit ${pct(r.limit)}` : r.over === 'cadence' ? `more than ${t.maxRatioToCadence}x the cadence's other templates (${pct(r.cadenceValue)} of ${r.cadenceSends})` : `limit ${pct(r.limit)}${cadence}`;
  return `${r.count} ${r.count === 1 ? one : many} of ${sends} (${pct(r.value)}, ${verdict})`;
}

function countBy(values: Array<{ rule: string; count: number }>): Array<{ rule: string; count: number }> {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v.rule, (counts.get(v.rule) ?? 0) + v.count);
  return [...counts.entries()].map(([rule, count]) => ({ rule, count })).sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule));
}

/** True when accepting a graduation would have let this gated draft go out without a rep. */
export function liftedByGraduation(request: GateRequest): boolean {
  if (request.rules.length === 0 || !request.rules.every((r) => LIFTED_BY_GRADUATION.includes(r))) return false;
  // A graduated template still never sends unseen a draft at or below the floor (workflows/policy.ts).
  return !(request.rules.includes('low-confidence') && request.confidence !== null && request.confidence <= GRADUATED_CONFIDENCE_FLOOR);
}

function gatedEvidence(l: TemplateStepLearning, flagged: Map<string, FlagCode[]>, t: BoundaryThresholds, automaticOverLimits: boolean): GatedEvidence {
  const e = l.evidence;
  const flaggedHere = e.flaggedReviewers;
  const discounted: DiscountedDecisions = {
    total: e.notViewed + e.fastApproval + e.flaggedReviewer,
    notViewed: e.notViewed,
    fastApproval: e.fastApproval,
    flaggedReviewer: e.flaggedReviewer,
    reviewers: flaggedHere.map((reviewerId) => ({ reviewerId, flags: [...(flagged.get(reviewerId) ?? [])] })),
  };
  const trusted = e.trusted;
  const approvedUnchanged = e.trustedApprovedUnchanged;
  const unchangedRate = share(approvedUnchanged, trusted);
  const total = (requests: GateRequest[]) => requests.reduce((n, r) => n + r.count, 0);
  const gatedDrafts = total(l.gateRequests);
  const wouldChange = total(l.gateRequests.filter(liftedByGraduation));
  const wouldChangeShare = share(wouldChange, gatedDrafts);
  const stayingRules = countBy(l.gateRequests.filter((r) => !liftedByGraduation(r)).flatMap((r) => r.rules.filter((x) => !LIFTED_BY_GRADUATION.includes(x)).map((rule) => ({ rule, count: r.count }))));
  const rates = rateChecks(l.allSends, l.cadenceBaseline, t);
  const sends = l.allSends.sends;

  const discountWords = [
    discounted.notViewed ? `${discounted.notViewed} not viewed` : '',
    discounted.fastApproval ? `${discounted.fastApproval} approved faster than a plausible read` : '',
    discounted.flaggedReviewer ? `${discounted.flaggedReviewer} by ${flaggedHere.length === 1 ? 'a reviewer' : 'reviewers'} flagged for approval theater (${discounted.reviewers.map((r) => r.flags.join(', ')).join('; ')})` : '',
  ].filter(Boolean);
  const trustedWords = `${trusted} trusted ${trusted === 1 ? 'decision' : 'decisions'} of ${l.review.decided}${discounted.total ? ` (${discounted.total} discounted: ${discountWords.join(', ')})` : ''}`;
  const over = rates.filter((r) => r.over !== null);

  const conditions: Condition[] = [
    { code: 'not-manual-step', met: l.stepKind !== 'manual_email', detail: 'a manual email step is always written or approved by a rep, whatever its template' },
    { code: 'automatic-sends-within-limits', met: !automaticOverLimits, detail: 'its automatic sends are over the outcome limits (see the automatic entry)' },
    { code: 'trusted-sample', met: trusted >= t.minSample, detail: `${trustedWords}; at least ${t.minSample} are needed` },
    {
      code: 'unchanged-rate',
      met: unchangedRate !== null && unchangedRate >= t.unchangedRate,
      detail: `${approvedUnchanged} of ${trusted} trusted decisions approved unchanged (${pct(unchangedRate)}), ${unchangedRate !== null && unchangedRate >= t.unchangedRate ? 'at least' : 'below'} ${pct(t.unchangedRate)}`,
    },
    {
      code: 'changes-decisions',
      met: wouldChange > 0 && wouldChangeShare !== null && wouldChangeShare >= t.minWouldChangeShare,
      detail:
        `graduating would have let ${wouldChange} of the ${plural(gatedDrafts, 'draft')} the gate sent to a rep in the window go out without one (${pct(wouldChangeShare)}; at least ${pct(t.minWouldChangeShare)} are needed)` +
        (stayingRules.length ? `; the others were gated by rules that stay: ${stayingRules.map((r) => `${r.rule} ${r.count}`).join(', ')}` : ''),
    },
    { code: 'delivered-sends', met: l.allSends.delivered >= t.minSends, detail: `${plural(l.allSends.delivered, 'delivered send')} in the window; at least ${t.minSends} are needed to judge outcomes` },
    {
      code: 'outcomes-within-limits',
      met: over.length === 0,
      detail: over.length ? `outcomes over the limits: ${over.map((r) => describeRate(r, sends, t)).join('; ')}` : `outcomes within the limits: ${rates.map((r) => describeRate(r, sends, t)).join('; ')}`,
    },
  ];
  return {
    decided: l.review.decided,
    discounted,
    sample: trusted,
    minSample: t.minSample,
    approvedUnchanged,
    unchangedRate,
    minUnchangedRate: t.unchangedRate,
    medianReviewSeconds: e.trustedMedianReviewSeconds,
    gatedDrafts,
    wouldChange,
    wouldChangeShare,
    minWouldChangeShare: t.minWouldChangeShare,
    stayingRules,
    deliveredSends: l.allSends.delivered,
    minSends: t.minSends,
    rates,
    conditions,
  };
}

/** The report for the policy in force (`policy`), over the window ending at `now`. */
export async function buildBoundaryReport(db: Db, input: { policy: GatePolicy; thresholds: BoundaryThresholds; now: Date }): Promise<BoundaryReport> {
  const { policy, thresholds, now } = input;
  const from = new Date(now.getTime() - thresholds.windowMs);
  // The decisions of reviewers flagged for theater are not evidence: the learning's other reads start meanwhile.
  const flaggedReviewers = theaterFlags(db, { since: from, until: now }, thresholds.review);
  const learning = await templateLearning(db, { from, to: now }, { review: thresholds.review, flagged: flaggedReviewers.then((f) => new Set(f.keys())) });
  const flagged = await flaggedReviewers;
  const overrides = policy.templateOverrides ?? {};
  const recommendationId = (action: 'graduate' | 'gate', key: string) => `${action}:${key}@${policy.version}`;
  const keyOf = (l: { template: { id: string }; drafter: string }) => overrideKey(l.template.id, l.drafter);

  const automatic: AutomaticEntry[] = learning
    .filter((l) => l.automaticSends.sends > 0 && overrides[keyOf(l)] !== 'gated')
    .map((l) => {
      const o = l.automaticSends;
      const rates = rateChecks(o, l.cadenceBaseline, thresholds);
      const evidence: AutomaticEvidence = {
        sends: o.sends,
        negativeReplies: o.negativeReplies,
        hardBounces: o.hardBounces,
        unsubscribes: o.unsubscribes,
        complaints: o.complaints,
        withException: o.withException,
        exceptionRate: o.exceptionRate,
        rates,
      };
      // Gating is the safe direction: it needs no minimum sample, the rates alone decide.
      const over = rates.filter((r) => r.over !== null);
      return {
        template: l.template,
        stepKind: l.stepKind,
        drafter: l.drafter,
        sends: o.sends,
        exceptionRate: o.exceptionRate,
        exceptions: { negativeReplies: o.negativeReplies, hardBounces: o.hardBounces, unsubscribes: o.unsubscribes, complaints: o.complaints, total: o.withException },
        outcomes: o,
        recommendation: over.length
          ? {
              id: recommendationId('gate', keyOf(l)),
              action: 'gate',
              override: 'gated',
              summary: `put back behind a gate: of ${plural(o.sends, 'automatic send')}, ${over.map((r) => describeRate(r, o.sends, thresholds)).join('; ')}`,
              evidence,
            }
          : {
              id: null,
              action: 'keep',
              override: null,
              summary: `keep automatic: of ${plural(o.sends, 'automatic send')}, ${rates.map((r) => describeRate(r, o.sends, thresholds)).join('; ')}`,
              evidence,
            },
      };
    });
  const toGate = new Set(automatic.filter((a) => a.recommendation.action === 'gate').map((a) => keyOf(a)));

  const gated: GatedEntry[] = learning
    .filter((l) => l.review.decided > 0 && overrides[keyOf(l)] !== 'automatic')
    .map((l) => {
      const evidence = gatedEvidence(l, flagged, thresholds, toGate.has(keyOf(l)));
      const unmet = evidence.conditions.filter((c) => !c.met);
      const recommendation: Recommendation<GatedEvidence> =
        unmet.length > 0
          ? { id: null, action: 'keep', override: null, summary: `keep gated: ${(unmet[0]!.code === 'not-manual-step' ? [unmet[0]!] : unmet).map((c) => c.detail).join('; ')}`, evidence }
          : {
              id: recommendationId('graduate', keyOf(l)),
              action: 'graduate',
              override: 'automatic',
              summary:
                `graduate to automatic: ${evidence.conditions.filter((c) => c.code !== 'not-manual-step' && c.code !== 'automatic-sends-within-limits').map((c) => c.detail).join('; ')}` +
                (evidence.medianReviewSeconds === null ? '' : `; median review ${formatSeconds(evidence.medianReviewSeconds)} from first view`) +
                '. Its drafts below the confidence threshold would go out without a rep; first touches, manual steps, high-value and strategic accounts and unauthenticated senders stay gated',
              evidence,
            };
      return {
        template: l.template,
        stepKind: l.stepKind,
        drafter: l.drafter,
        sample: evidence.sample,
        unchangedRate: evidence.unchangedRate,
        medianReviewSeconds: evidence.medianReviewSeconds,
        review: l.review,
        outcomes: l.allSends,
        recommendation,
      };
    });

  const graduateIds = gated.flatMap((g) => (g.recommendation.action === 'graduate' ? [g.recommendation.id!] : []));
  const gateIds = automatic.flatMap((a) => (a.recommendation.action === 'gate' ? [a.recommendation.id!] : []));
  const recommendations = [...new Set([...graduateIds, ...gateIds])];
  const { review } = thresholds;
  return {
    generatedAt: now.toISOString(),
    window: { from: from.toISOString(), to: now.toISOString(), days: Math.round((thresholds.windowMs / 86_400_000) * 10) / 10 },
    policyVersion: policy.version,
    templateOverrides: { ...overrides },
    reviewTime: REVIEW_TIME_MEASURE,
    thresholds: {
      minSample: thresholds.minSample,
      unchangedRate: thresholds.unchangedRate,
      minWouldChangeShare: thresholds.minWouldChangeShare,
      minSends: thresholds.minSends,
      maxRates: { ...thresholds.maxRates },
      maxRatioToCadence: thresholds.maxRatioToCadence,
      review: { readWordsPerMinute: review.readWordsPerMinute, readMinSeconds: review.readMinSeconds, minDecisions: review.minDecisions, fastApprovalShare: review.fastApprovalShare, unchangedRun: review.unchangedRun },
    },
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
