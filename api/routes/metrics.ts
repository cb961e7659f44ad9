import { Router } from 'express';
import { Gauge, Registry } from 'prom-client';
import { reviewMetricsDefaults } from '../../config/app';
import { REVIEWER_FLAGS, reviewMetrics, type QueueFigures, type ReviewMetricsReport } from '../../db/repositories/review-metrics';
import { authenticate, requireRole } from '../auth';
import type { ApiContext } from '../context';
import { rateLimitsOf } from '../rate-limit';

/**
 * The review metrics in the Prometheus text format, for everyone, over the last REVIEW_METRICS_WINDOW,
 * computed from the database at each scrape into a fresh registry (so a reviewer or queue that is gone
 * leaves no stale series behind).
 */
export function prometheusText(report: ReviewMetricsReport): Promise<string> {
  const registry = new Registry();
  const gauge = <L extends string>(name: string, help: string, labelNames: readonly L[] = []) => new Gauge<L>({ name, help, labelNames, registers: [registry] });

  const decisions = gauge('cadence_reviewer_decisions', 'Approval decisions by the reviewer in the window', ['reviewer']);
  const approvalRatio = gauge('cadence_reviewer_approval_ratio', 'Approved (unchanged or edited) / decisions', ['reviewer']);
  const unchangedRatio = gauge('cadence_reviewer_unchanged_approval_ratio', 'Approved unchanged / decisions', ['reviewer']);
  const medianReview = gauge('cadence_reviewer_median_review_seconds', "Median time from the reviewer's first view of an item to the decision (viewed decisions only)", ['reviewer']);
  const notViewed = gauge('cadence_reviewer_not_viewed_decisions', 'Decisions made without a view of the item', ['reviewer']);
  const medianPer100 = gauge('cadence_reviewer_median_review_seconds_per_100_words', 'Median review seconds per 100 words of the draft shown', ['reviewer']);
  const fast = gauge('cadence_reviewer_fast_approvals', 'Unchanged approvals decided faster than a plausible read of the draft, or without a view', ['reviewer']);
  const fastRatio = gauge('cadence_reviewer_fast_approvals_ratio', 'Fast unchanged approvals / decisions', ['reviewer']);
  const run = gauge('cadence_reviewer_unchanged_run', 'Unchanged approvals in a row up to the latest decision', ['reviewer']);
  const longestRun = gauge('cadence_reviewer_longest_unchanged_run', 'Most unchanged approvals in a row in the window', ['reviewer']);
  const reviewerFlagged = gauge('cadence_reviewer_flagged', '1 when the reviewer is flagged for this reason (approval theater), else 0', ['reviewer', 'reason']);
  for (const r of report.reviewers) {
    const reviewer = r.reviewerId;
    decisions.set({ reviewer }, r.decisions);
    approvalRatio.set({ reviewer }, r.approvalRate);
    unchangedRatio.set({ reviewer }, r.unchangedApprovalRate);
    if (r.medianReviewSeconds !== null) medianReview.set({ reviewer }, r.medianReviewSeconds);
    notViewed.set({ reviewer }, r.notViewed);
    if (r.medianSecondsPer100Words !== null) medianPer100.set({ reviewer }, r.medianSecondsPer100Words);
    fast.set({ reviewer }, r.fastApprovals);
    fastRatio.set({ reviewer }, r.fastApprovalShare);
    run.set({ reviewer }, r.currentUnchangedRun);
    longestRun.set({ reviewer }, r.longestUnchangedRun);
    for (const reason of REVIEWER_FLAGS) reviewerFlagged.set({ reviewer, reason }, r.flags.some((f) => f.code === reason) ? 1 : 0);
  }

  const depth = gauge('cadence_queue_depth', "Pending approvals in the owner's queue", ['owner']);
  const age = gauge('cadence_queue_age_seconds', 'Age of the pending approvals (quantile 1 is the oldest)', ['owner', 'quantile']);
  const breaches = gauge('cadence_queue_sla_breaches', 'Pending approvals past their reminder or escalation time', ['owner', 'stage']);
  const queueFlagged = gauge('cadence_queue_flagged', '1 when the queue is flagged (p90 age above QUEUE_P90_AGE, or escalation breaches), else 0', ['owner']);
  const teamDepth = gauge('cadence_team_queue_depth', 'Pending approvals in all queues');
  const teamAge = gauge('cadence_team_queue_age_seconds', 'Age of all pending approvals (quantile 1 is the oldest)', ['quantile']);
  const teamBreaches = gauge('cadence_team_queue_sla_breaches', 'All pending approvals past their reminder or escalation time', ['stage']);
  const teamFlagged = gauge('cadence_team_queue_flagged', '1 when all queues together are flagged, else 0');
  const setQueue = (q: QueueFigures, labels: Record<string, string>, g: { depth: Gauge<string>; age: Gauge<string>; breaches: Gauge<string>; flagged: Gauge<string> }) => {
    g.depth.set(labels, q.depth);
    if (q.ageSeconds) {
      g.age.set({ ...labels, quantile: '0.5' }, q.ageSeconds.p50);
      g.age.set({ ...labels, quantile: '0.9' }, q.ageSeconds.p90);
      g.age.set({ ...labels, quantile: '1' }, q.ageSeconds.max);
    }
    g.breaches.set({ ...labels, stage: 'reminder' }, q.slaBreaches.reminder);
    g.breaches.set({ ...labels, stage: 'escalation' }, q.slaBreaches.escalation);
    g.flagged.set(labels, q.flags.length > 0 ? 1 : 0);
  };
  for (const q of report.queues) setQueue(q, { owner: q.ownerId }, { depth, age, breaches, flagged: queueFlagged });
  setQueue(report.team, {}, { depth: teamDepth, age: teamAge, breaches: teamBreaches, flagged: teamFlagged });

  const gateDecisions = gauge('cadence_gate_decisions', 'Gate decisions (gated or sent automatically) in the window');
  const gatedByRule = gauge('cadence_gated_by_rule', 'Gated decisions in which the rule fired', ['rule']);
  const gatedFlagged = gauge('cadence_gated_share_flagged', '1 when the gated share is above GATED_SHARE_HEALTHY, else 0');
  gateDecisions.set(report.gating.decisions);
  // An unlabelled gauge reads 0 until set: without a gate decision there is no share to report.
  if (report.gating.gatedShare !== null) gauge('cadence_gated_share', 'Share of gate decisions that were gated; a healthy policy gates a minority').set(report.gating.gatedShare);
  for (const r of report.gating.byRule) gatedByRule.set({ rule: r.rule }, r.count);
  gatedFlagged.set(report.gating.flags.length > 0 ? 1 : 0);

  return registry.metrics();
}

/** GET /metrics for a Prometheus scrape: a bearer token of an admin or integration user (the scrape config's `authorization`). */
export function metricsRoutes({ db, reviewMetrics: settings = reviewMetricsDefaults, rateLimits }: ApiContext): Router {
  const router = Router();
  router.get('/metrics', authenticate(db), rateLimitsOf({ rateLimits }).perPrincipal, requireRole('admin', 'integration'), async (_req, res) => {
    const now = new Date();
    const report = await reviewMetrics(db, { scope: { kind: 'all' }, since: new Date(now.getTime() - settings.windowMs), until: now, now }, settings);
    // The rate limits' counters are this process's own (api/rate-limit.ts).
    res.type(Registry.PROMETHEUS_CONTENT_TYPE).send((await prometheusText(report)) + (rateLimits ? await rateLimits.metrics() : ''));
  });
  return router;
}
