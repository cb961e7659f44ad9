import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { Db } from '../connect';
import type { StepKind } from '../types';

// Approval theater and the bottleneck loop, measured (DESIGN.md principle 6).
//
// Theater: a reviewer who approves drafts unchanged faster than anyone could read them, or long runs of
// unchanged approvals. A "review time" is the decision minus the decider's first view of the item (the rep
// page reports views: db/repositories/approval-views.ts), the time they had to read it; a decision made
// without a view is "not viewed", and an unchanged approval without a view is the fastest approval there is.
// The boundary report discounts the same decisions by the same measure (isFastApproval).
//
// Bottleneck: per owner's queue, how many approvals wait, how long, and how many are past their reminder
// and escalation times. And the share of gate decisions that were gated: a healthy policy gates a minority.

/** What "review time" means in both reports. */
export const REVIEW_TIME_MEASURE = "the decision minus the decider's first view of the item on the rep page; a decision without a view is not viewed";

export interface ReviewMetricsSettings {
  /** The window when the caller names none: the last windowMs before now. */
  windowMs: number;
  /** A plausible read of a draft takes max(words / readWordsPerMinute minutes, readMinSeconds). */
  readWordsPerMinute: number;
  readMinSeconds: number;
  /** Fewer decisions (a reviewer's, or gate decisions) than this are never flagged: too small a sample. */
  minDecisions: number;
  /** A reviewer is flagged when at least this share of their decisions are fast unchanged approvals. */
  fastApprovalShare: number;
  /** A reviewer is flagged when they approved at least this many drafts unchanged in a row. */
  unchangedRun: number;
  /** A queue is flagged when the 90th percentile age of its pending approvals is above this. */
  queueP90AgeMs: number;
  /** The gated share above which the policy is flagged. */
  gatedShareHealthy: number;
  /** The approval policy's stages: a pending request is past its reminder at remind_at (else created_at + remindAfter), past its escalation escalateAfter later. */
  approvalRemindAfterMs: number;
  approvalEscalateAfterMs: number;
}

export type FlagCode = 'fast-approvals' | 'unchanged-run' | 'queue-age' | 'escalation-breaches' | 'gated-share';

export interface Flag {
  code: FlagCode;
  reason: string;
}

export const REVIEWER_FLAGS: readonly FlagCode[] = ['fast-approvals', 'unchanged-run'];

/** One decision as the reviewer made it: on which draft (its length), how long after they first saw it. */
export interface DecisionSample {
  id: string;
  action: 'approve' | 'edit' | 'reject';
  decidedAt: Date;
  /** The decider's first view of the item; null: decided without a view. */
  viewedAt: Date | null;
  /** Words in the subject and body of the draft version the reviewer was shown. */
  words: number;
}

export interface ReviewerFigures {
  decisions: number;
  /** Approved unchanged. */
  approvals: number;
  edits: number;
  rejections: number;
  /** (approvals + edits) / decisions. */
  approvalRate: number;
  /** approvals / decisions. */
  unchangedApprovalRate: number;
  /** Decision minus first view, median over the viewed decisions; null when none was viewed. */
  medianReviewSeconds: number | null;
  /** The median over viewed decisions of review seconds per 100 words of the shown draft; null when none qualifies. */
  medianSecondsPer100Words: number | null;
  medianWords: number;
  /** Decisions made without a view of the item. */
  notViewed: number;
  /** Unchanged approvals decided faster than a plausible read of the shown draft, or without a view at all. */
  fastApprovals: number;
  /** fastApprovals / decisions. */
  fastApprovalShare: number;
  longestUnchangedRun: number;
  /** The run of unchanged approvals up to the reviewer's latest decision in the window. */
  currentUnchangedRun: number;
  flags: Flag[];
}

export interface QueueFigures {
  depth: number;
  /** Ages of the pending approvals now (linear interpolation between ranks); null for an empty queue. */
  ageSeconds: { p50: number; p90: number; max: number } | null;
  /** Pending approvals past their reminder time, and (of those) past their escalation time. */
  slaBreaches: { reminder: number; escalation: number };
  oldest: { approvalId: string; prospectId: string; step: number; createdAt: string; ageSeconds: number } | null;
  flags: Flag[];
}

export interface GatingFigures {
  decisions: number;
  gated: number;
  /** gated / decisions; null without any gate decision in the window. */
  gatedShare: number | null;
  /** How often each rule fired in a gated decision (a decision can fire several). */
  byRule: Array<{ rule: string; count: number; share: number }>;
  flags: Flag[];
}

/** Reading time a careful reviewer needs at least, in seconds. */
export function plausibleReadSeconds(words: number, settings: Pick<ReviewMetricsSettings, 'readWordsPerMinute' | 'readMinSeconds'>): number {
  return Math.max((words / settings.readWordsPerMinute) * 60, settings.readMinSeconds);
}

/** The q-quantile of values (0 ≤ q ≤ 1), interpolating linearly between the closest ranks. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) throw new Error('quantile of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const at = q * (sorted.length - 1);
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

/** Decision minus first view, in seconds; null for a decision made without a view. */
export const reviewSeconds = (d: Pick<DecisionSample, 'decidedAt' | 'viewedAt'>): number | null =>
  d.viewedAt === null ? null : Math.max(0, (d.decidedAt.getTime() - d.viewedAt.getTime()) / 1000);

/** An unchanged approval faster than a plausible read of what was shown, or made without a view of it. */
export function isFastApproval(d: Pick<DecisionSample, 'action' | 'decidedAt' | 'viewedAt' | 'words'>, settings: Pick<ReviewMetricsSettings, 'readWordsPerMinute' | 'readMinSeconds'>): boolean {
  if (d.action !== 'approve') return false;
  const seconds = reviewSeconds(d);
  return seconds === null || seconds < plausibleReadSeconds(d.words, settings);
}

const viewedSeconds = (samples: readonly DecisionSample[]) => samples.flatMap((d) => (d.viewedAt === null ? [] : [reviewSeconds(d)!]));

/** Which theater flags a reviewer's figures raise: the one rule of both reports (the review metrics' reviewers, the decisions the boundary report discounts). */
export function theaterFlagCodes(f: Pick<ReviewerFigures, 'decisions' | 'fastApprovals' | 'longestUnchangedRun'>, settings: Pick<ReviewMetricsSettings, 'minDecisions' | 'fastApprovalShare' | 'unchangedRun'>): FlagCode[] {
  if (f.decisions < settings.minDecisions) return [];
  const codes: FlagCode[] = [];
  if (f.fastApprovals / f.decisions >= settings.fastApprovalShare) codes.push('fast-approvals');
  if (f.longestUnchangedRun >= settings.unchangedRun) codes.push('unchanged-run');
  return codes;
}

/** What the figures of a set of decisions are computed from: counts, medians and runs, before rates and flags. */
export interface DecisionAggregates {
  decisions: number;
  approvals: number;
  edits: number;
  rejections: number;
  notViewed: number;
  medianReviewSeconds: number | null;
  medianSecondsPer100Words: number | null;
  medianWords: number;
  longestUnchangedRun: number;
  currentUnchangedRun: number;
  /** The fast approvals (isFastApproval): how many, the median words shown, how many were never viewed, the median review time of the others. */
  fast: { count: number; medianWords: number | null; unseen: number; medianSeenSeconds: number | null };
}

/**
 * A reviewer's figures and flags over their decisions in the window (any order; sorted by decision time here). The
 * specification of what the review metrics report (its unit tests say what each figure and flag is); the report
 * computes the same aggregates in PostgreSQL (decisionFigures), and test/integration/review-metrics.test.ts checks
 * that both give the same figures over the same decisions.
 */
export function reviewerFigures(samples: readonly DecisionSample[], settings: ReviewMetricsSettings): ReviewerFigures {
  if (samples.length === 0) throw new Error('reviewerFigures needs at least one decision');
  const ordered = [...samples].sort((a, b) => a.decidedAt.getTime() - b.decidedAt.getTime() || a.id.localeCompare(b.id));
  const count = (action: DecisionSample['action']) => ordered.filter((d) => d.action === action).length;
  const fast = ordered.filter((d) => isFastApproval(d, settings));
  let longest = 0;
  let run = 0;
  for (const d of ordered) {
    run = d.action === 'approve' ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  const per100 = ordered.filter((d) => d.words > 0 && d.viewedAt !== null).map((d) => (reviewSeconds(d)! / d.words) * 100);
  const viewed = viewedSeconds(ordered);
  const seenFast = viewedSeconds(fast);
  return figuresOf(
    {
      decisions: ordered.length,
      approvals: count('approve'),
      edits: count('edit'),
      rejections: count('reject'),
      notViewed: ordered.filter((d) => d.viewedAt === null).length,
      medianReviewSeconds: viewed.length > 0 ? quantile(viewed, 0.5) : null,
      medianSecondsPer100Words: per100.length > 0 ? quantile(per100, 0.5) : null,
      medianWords: quantile(ordered.map((d) => d.words), 0.5),
      longestUnchangedRun: longest,
      currentUnchangedRun: run,
      fast: {
        count: fast.length,
        medianWords: fast.length > 0 ? quantile(fast.map((d) => d.words), 0.5) : null,
        unseen: fast.filter((d) => d.viewedAt === null).length,
        medianSeenSeconds: seenFast.length > 0 ? quantile(seenFast, 0.5) : null,
      },
    },
    settings,
  );
}

/** The figures and flags from the aggregates of a set of decisions. */
export function figuresOf(a: DecisionAggregates, settings: ReviewMetricsSettings): ReviewerFigures {
  const figures: ReviewerFigures = {
    decisions: a.decisions,
    approvals: a.approvals,
    edits: a.edits,
    rejections: a.rejections,
    approvalRate: (a.approvals + a.edits) / a.decisions,
    unchangedApprovalRate: a.approvals / a.decisions,
    medianReviewSeconds: a.medianReviewSeconds,
    medianSecondsPer100Words: a.medianSecondsPer100Words,
    medianWords: a.medianWords,
    notViewed: a.notViewed,
    fastApprovals: a.fast.count,
    fastApprovalShare: a.fast.count / a.decisions,
    longestUnchangedRun: a.longestUnchangedRun,
    currentUnchangedRun: a.currentUnchangedRun,
    flags: [],
  };
  const codes = theaterFlagCodes(figures, settings);
  if (codes.includes('fast-approvals')) {
    const { count, unseen, medianSeenSeconds } = a.fast;
    const words = a.fast.medianWords ?? 0;
    figures.flags.push({
      code: 'fast-approvals',
      reason:
        `approved ${count} of ${figures.decisions} drafts unchanged faster than a plausible read ` +
        `(${medianSeenSeconds !== null ? `median ${formatSeconds(medianSeenSeconds)} from first view` : 'none of them viewed'} for ${formatNumber(words)} words; ` +
        `at ${formatNumber(settings.readWordsPerMinute)} words a minute that takes ${formatSeconds(plausibleReadSeconds(words, settings))}` +
        `${unseen > 0 && medianSeenSeconds !== null ? `; ${unseen} of them approved without ever being viewed` : ''}); ` +
        `flagged at ${formatPercent(settings.fastApprovalShare)} of decisions`,
    });
  }
  if (codes.includes('unchanged-run')) {
    figures.flags.push({
      code: 'unchanged-run',
      reason: `approved ${a.longestUnchangedRun} drafts in a row without a change (the current run is ${a.currentUnchangedRun}); flagged at ${settings.unchangedRun} in a row`,
    });
  }
  return figures;
}

const emptyQueue = (): QueueFigures => ({ depth: 0, ageSeconds: null, slaBreaches: { reminder: 0, escalation: 0 }, oldest: null, flags: [] });

/** The queue's flags from its figures (queue age, escalation breaches). */
function withQueueFlags(figures: QueueFigures, settings: ReviewMetricsSettings): QueueFigures {
  if (figures.ageSeconds === null) return figures;
  const { depth } = figures;
  const { p90, max } = figures.ageSeconds;
  const escalations = figures.slaBreaches.escalation;
  if (p90 * 1000 > settings.queueP90AgeMs) {
    figures.flags.push({
      code: 'queue-age',
      reason: `the p90 age of the ${depth} pending approvals is ${formatSeconds(p90)}, above ${formatSeconds(settings.queueP90AgeMs / 1000)}; the oldest has waited ${formatSeconds(max)}`,
    });
  }
  if (escalations > 0) {
    figures.flags.push({
      code: 'escalation-breaches',
      reason:
        `${escalations} of the ${depth} pending approvals ${escalations === 1 ? 'is' : 'are'} past their escalation time ` +
        `(the reminder ${formatSeconds(settings.approvalRemindAfterMs / 1000)} after the request, the escalation ${formatSeconds(settings.approvalEscalateAfterMs / 1000)} later)`,
    });
  }
  return figures;
}

/**
 * The figures of every queue in scope and of all of them together, computed in PostgreSQL (percentile_cont: ages
 * interpolated linearly between ranks): a team's pending approvals can number in the hundred thousands, and only a
 * few numbers per queue leave the database.
 */
async function pendingQueues(db: Db, scope: ReviewScope, now: Date, settings: ReviewMetricsSettings): Promise<{ byOwner: Map<string, QueueFigures>; team: QueueFigures }> {
  const [stats, oldest] = await Promise.all([
    sql<{ owner_id: string | null; depth: number; p50: number; p90: number; max: number; reminder: number; escalation: number }>`
      with p as (
        select owner_id, reminded_at, escalated_at,
          greatest(0, extract(epoch from (${now}::timestamptz - created_at)))::float8 as age,
          coalesce(remind_at, created_at + ${settings.approvalRemindAfterMs} * interval '1 millisecond') as remind
        from approval_requests
        where status = 'pending' and ${inScope(scope, sql.ref('owner_id'))}
      )
      select case when grouping(owner_id) = 0 then owner_id end as owner_id, count(*)::int as depth,
        percentile_cont(0.5) within group (order by age) as p50, percentile_cont(0.9) within group (order by age) as p90, max(age) as max,
        count(*) filter (where reminded_at is not null or escalated_at is not null or remind <= ${now})::int as reminder,
        count(*) filter (where escalated_at is not null or remind + ${settings.approvalEscalateAfterMs} * interval '1 millisecond' <= ${now})::int as escalation
      from p
      group by grouping sets ((owner_id), ())`.execute(db),
    // Each owner's oldest (an owner is a user): one probe of the owner's queue index per user, where DISTINCT ON
    // sorted every pending request (100k pending: 480 ms -> 5 ms, EXPLAIN ANALYZE).
    sql<{ owner_id: string; id: string; prospect_id: string; step: number; created_at: Date }>`
      select u.id as owner_id, o.id, o.prospect_id, o.step, o.created_at
      from users u
      cross join lateral (
        select id, prospect_id, step, created_at from approval_requests
        where owner_id = u.id and status = 'pending' order by created_at, id limit 1
      ) o
      where ${inScope(scope, sql.ref('u.id'))}`.execute(db),
  ]);
  const oldestOf = new Map(oldest.rows.map((o) => [o.owner_id, o]));
  const teamOldest = [...oldest.rows].sort((a, b) => a.created_at.getTime() - b.created_at.getTime() || a.id.localeCompare(b.id))[0];
  const figures = (row: (typeof stats.rows)[number], o: (typeof oldest.rows)[number] | undefined): QueueFigures =>
    withQueueFlags(
      {
        depth: row.depth,
        ageSeconds: { p50: Number(row.p50), p90: Number(row.p90), max: Number(row.max) },
        slaBreaches: { reminder: row.reminder, escalation: row.escalation },
        oldest: o ? { approvalId: o.id, prospectId: o.prospect_id, step: o.step, createdAt: o.created_at.toISOString(), ageSeconds: Math.max(0, (now.getTime() - o.created_at.getTime()) / 1000) } : null,
        flags: [],
      },
      settings,
    );
  const byOwner = new Map<string, QueueFigures>();
  let team = emptyQueue();
  for (const row of stats.rows) {
    if (row.owner_id === null) team = figures(row, teamOldest);
    else byOwner.set(row.owner_id, figures(row, oldestOf.get(row.owner_id)));
  }
  return { byOwner, team };
}

/** The gated share and its flag, from the counts of gate decisions in the window. */
export function gatingFigures(counts: { decisions: number; gated: number; byRule: Array<{ rule: string; count: number }> }, settings: ReviewMetricsSettings): GatingFigures {
  const gatedShare = counts.decisions > 0 ? counts.gated / counts.decisions : null;
  const byRule = [...counts.byRule]
    .sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule))
    .map((r) => ({ rule: r.rule, count: r.count, share: counts.decisions > 0 ? r.count / counts.decisions : 0 }));
  const figures: GatingFigures = { decisions: counts.decisions, gated: counts.gated, gatedShare, byRule, flags: [] };
  if (gatedShare !== null && counts.decisions >= settings.minDecisions && gatedShare > settings.gatedShareHealthy) {
    const top = byRule[0];
    figures.flags.push({
      code: 'gated-share',
      reason:
        `gated ${counts.gated} of ${counts.decisions} steps (${formatPercent(gatedShare)}), above the healthy ${formatPercent(settings.gatedShareHealthy)}: ` +
        `a healthy policy gates a minority${top ? `; the most frequent rule is ${top.rule} (${top.count})` : ''}`,
    });
  }
  return figures;
}

export function formatSeconds(seconds: number): string {
  if (seconds < 59.95) return `${seconds.toFixed(1)} s`;
  const total = Math.round(seconds);
  if (total < 3600) return `${Math.floor(total / 60)}m ${total % 60}s`;
  if (total < 2 * 86_400) return `${Math.floor(total / 3600)}h ${Math.floor((total % 3600) / 60)}m`;
  return `${Math.floor(total / 86_400)}d ${Math.floor((total % 86_400) / 3600)}h`;
}

const formatPercent = (share: number) => `${Number((share * 100).toFixed(1))}%`;
const formatNumber = (n: number) => `${Number(n.toFixed(1))}`;

// --- reading the database ---

/** Whose figures the caller sees: everyone's (admins, the metrics scrape), or a manager's and their reps'. */
export type ReviewScope = { kind: 'all' } | { kind: 'team'; managerId: string };

export interface ReviewerReport extends ReviewerFigures {
  reviewerId: string;
  name: string;
  role: string;
}

export interface QueueReport extends QueueFigures {
  ownerId: string;
  name: string;
  /** Requests of this owner that expired undecided in the window. */
  expiredInWindow: number;
}

export interface ReviewMetricsReport {
  window: { since: string; until: string };
  /** Queues are as of this moment, whatever the window. */
  asOf: string;
  /** What review time measures (REVIEW_TIME_MEASURE), the same in the boundary report. */
  reviewTime: string;
  thresholds: {
    readWordsPerMinute: number;
    readMinSeconds: number;
    minDecisions: number;
    fastApprovalShare: number;
    unchangedRun: number;
    queueP90AgeSeconds: number;
    gatedShareHealthy: number;
  };
  reviewers: ReviewerReport[];
  /** The same decision figures per drafter ('template', or each model), team-wide: AI drafts on their own evidence. */
  drafters: Array<{ drafter: string } & Omit<ReviewerFigures, 'flags' | 'longestUnchangedRun' | 'currentUnchangedRun'>>;
  queues: QueueReport[];
  team: QueueFigures & { expiredInWindow: number };
  gating: GatingFigures;
  /** Every flag above in one list, reviewers first. */
  flagged: Array<{ subject: 'reviewer' | 'queue' | 'team' | 'gating'; id: string | null; name: string | null; code: FlagCode; reason: string }>;
}

/** The users in scope, as a SQL condition on a user-id column. */
function inScope(scope: ReviewScope, column: Expression<string>): Expression<SqlBool> {
  if (scope.kind === 'all') return sql<SqlBool>`true`;
  return sql<SqlBool>`${column} in (select id from users where id = ${scope.managerId} or manager_id = ${scope.managerId})`;
}

/**
 * A decision's review time (reviewSeconds) and whether it is a fast approval (isFastApproval), as SQL over an
 * approval_decisions row `d`: for reports that weigh tens of thousands of decisions without sending them to Node.
 * Times are truncated to the millisecond, as a JavaScript Date holds them, so both sides weigh a decision the same
 * (test/integration/review-metrics.test.ts and boundary-report.test.ts check both over the same decisions).
 */
export const decisionSecondsSql = sql<number | null>`case when d.first_viewed_at is not null then
  greatest(0, (floor(extract(epoch from d.decided_at) * 1000) - floor(extract(epoch from d.first_viewed_at) * 1000)) / 1000)::float8 end`;
export function fastApprovalSql(settings: Pick<ReviewMetricsSettings, 'readWordsPerMinute' | 'readMinSeconds'>) {
  const plausible = sql`greatest((coalesce(d.words, 0)::float8 / ${settings.readWordsPerMinute}::float8) * 60, ${settings.readMinSeconds}::float8)`;
  return sql<boolean>`(d.action = 'approve' and (d.first_viewed_at is null or ${decisionSecondsSql} < ${plausible}))`;
}

/**
 * The decisions in [since, until) by someone in scope, each with its group's key, words shown, review time, whether it
 * is a fast approval, and its run: each decision other than an unchanged approval starts a new run (in decision time
 * order within the group), so a group's runs of unchanged approvals are its rows grouped by this count.
 */
function weighedDecisions(key: RawBuilder<string>, window: { since: Date; until: Date }, settings: ReviewMetricsSettings, scope: ReviewScope) {
  return sql`
    select ${key} as key, d.action, coalesce(d.words, 0)::float8 as words, ${decisionSecondsSql} as seconds, ${fastApprovalSql(settings)} as fast,
      count(*) filter (where d.action <> 'approve') over (partition by ${key} order by d.decided_at, d.id) as run
    from approval_decisions d
    where d.decided_at >= ${window.since} and d.decided_at < ${window.until} and ${inScope(scope, sql.ref('d.actor_id'))}`;
}

/**
 * The figures of the decisions in [since, until) by someone in scope, per reviewer or per drafter: reviewerFigures'
 * aggregates computed in PostgreSQL, a row per group, instead of sending every decision of the window (60 000 in
 * 90 days at 100k pending) to Node. Medians interpolate as quantile does (percentile_cont: the same formula in
 * float8), runs follow decision time.
 */
export async function decisionFigures(
  db: Db,
  window: { since: Date; until: Date },
  by: 'reviewer' | 'drafter',
  settings: ReviewMetricsSettings,
  scope: ReviewScope = { kind: 'all' },
): Promise<Map<string, ReviewerFigures>> {
  const key = by === 'reviewer' ? sql<string>`d.actor_id` : sql<string>`coalesce(d.drafter, 'template')`;
  const { rows } = await sql<{
    key: string;
    decisions: number;
    approvals: number;
    edits: number;
    rejections: number;
    not_viewed: number;
    median_review_seconds: number | null;
    median_per_100_words: number | null;
    median_words: number;
    fast: number;
    fast_median_words: number | null;
    fast_unseen: number;
    fast_median_seen_seconds: number | null;
    longest_run: number;
    current_run: number;
  }>`
    with d as (${weighedDecisions(key, window, settings, scope)}),
    runs as (
      select key, max(approvals)::int as longest_run, (array_agg(approvals order by run desc))[1]::int as current_run
      from (select key, run, count(*) filter (where action = 'approve') as approvals from d group by key, run) r
      group by key
    ),
    figures as (
      select key, count(*)::int as decisions, count(*) filter (where action = 'approve')::int as approvals,
        count(*) filter (where action = 'edit')::int as edits, count(*) filter (where action = 'reject')::int as rejections,
        count(*) filter (where seconds is null)::int as not_viewed,
        percentile_cont(0.5) within group (order by seconds) as median_review_seconds,
        percentile_cont(0.5) within group (order by (seconds / words) * 100) filter (where words > 0) as median_per_100_words,
        percentile_cont(0.5) within group (order by words) as median_words,
        count(*) filter (where fast)::int as fast,
        percentile_cont(0.5) within group (order by words) filter (where fast) as fast_median_words,
        count(*) filter (where fast and seconds is null)::int as fast_unseen,
        percentile_cont(0.5) within group (order by seconds) filter (where fast) as fast_median_seen_seconds
      from d
      group by key
    )
    select f.*, r.longest_run, r.current_run from figures f join runs r using (key)`.execute(db);
  return new Map(
    rows.map((r) => [
      r.key,
      figuresOf(
        {
          decisions: r.decisions,
          approvals: r.approvals,
          edits: r.edits,
          rejections: r.rejections,
          notViewed: r.not_viewed,
          medianReviewSeconds: r.median_review_seconds,
          medianSecondsPer100Words: r.median_per_100_words,
          medianWords: r.median_words,
          longestUnchangedRun: r.longest_run,
          currentUnchangedRun: r.current_run,
          fast: { count: r.fast, medianWords: r.fast_median_words, unseen: r.fast_unseen, medianSeenSeconds: r.fast_median_seen_seconds },
        },
        settings,
      ),
    ]),
  );
}

/**
 * The reviewers whose decisions in [since, until) the review metrics flag for approval theater, with the flags:
 * the boundary report discounts their decisions as evidence.
 */
export async function theaterFlags(db: Db, window: { since: Date; until: Date }, settings: ReviewMetricsSettings): Promise<Map<string, FlagCode[]>> {
  // Only what the flags need (no medians): the report waits for these before it weighs its decisions.
  const { rows } = await sql<{ key: string; decisions: number; fast: number; longest: number }>`
    with d as (${weighedDecisions(sql`d.actor_id`, window, settings, { kind: 'all' })})
    select key, sum(decisions)::int as decisions, sum(fast)::int as fast, max(approvals)::int as longest
    from (select key, run, count(*) as decisions, count(*) filter (where fast) as fast, count(*) filter (where action = 'approve') as approvals from d group by key, run) r
    group by key`.execute(db);
  const flagged = new Map<string, FlagCode[]>();
  for (const r of rows) {
    const codes = theaterFlagCodes({ decisions: r.decisions, fastApprovals: r.fast, longestUnchangedRun: r.longest }, settings);
    if (codes.length > 0) flagged.set(r.key, codes);
  }
  return flagged;
}

export async function reviewMetrics(
  db: Db,
  options: { scope: ReviewScope; since: Date; until: Date; now: Date },
  settings: ReviewMetricsSettings,
): Promise<ReviewMetricsReport> {
  const { scope, since, until, now } = options;
  const [byReviewer, byDrafter, deciders, pending, expired, members, gateCounts] = await Promise.all([
    decisionFigures(db, { since, until }, 'reviewer', settings, scope),
    decisionFigures(db, { since, until }, 'drafter', settings, scope),
    db.selectFrom('users').select(['id', 'name', 'role']).where(inScope(scope, sql.ref('users.id'))).execute(),
    pendingQueues(db, scope, now, settings),
    db
      .selectFrom('approval_requests')
      .select(['owner_id', sql<number>`count(*)::int`.as('n')])
      .where('status', '=', 'expired')
      .where('resolved_at', '>=', since)
      .where('resolved_at', '<', until)
      .where(inScope(scope, sql.ref('owner_id')))
      .groupBy('owner_id')
      .execute(),
    // Every rep and manager in scope has a queue, an empty one too; so has anyone else with pending approvals.
    db
      .selectFrom('users')
      .select(['id', 'name'])
      .where(inScope(scope, sql.ref('users.id')))
      .where((eb) =>
        eb.or([
          eb.and([eb('role', 'in', ['rep', 'manager']), eb('active', '=', true)]),
          eb.exists(eb.selectFrom('approval_requests as p').select('p.id').whereRef('p.owner_id', '=', 'users.id').where('p.status', '=', 'pending')),
        ]),
      )
      .orderBy('name')
      .orderBy('id')
      .execute(),
    // The window's gate decisions read once for both the totals (the row without a rule) and each rule's count.
    sql<{ total: boolean; rule: string | null; decisions: number; gated: number }>`
      with g as materialized (
        select a.details from audit_events a
        where a.action = 'gate.decided' and a.occurred_at >= ${since} and a.occurred_at < ${until} and ${gateScope(scope)}
      )
      select true as total, null as rule, count(*)::int as decisions, count(*) filter (where g.details -> 'gated' = 'true'::jsonb)::int as gated from g
      union all
      select false, r.value ->> 'rule', count(*)::int, null
      from g cross join lateral jsonb_array_elements(case when jsonb_typeof(g.details -> 'rules') = 'array' then g.details -> 'rules' else '[]'::jsonb end) r
      where g.details -> 'gated' = 'true'::jsonb
      group by 2`.execute(db),
  ]);

  const userOf = new Map(deciders.map((u) => [u.id, u]));
  const drafters = [...byDrafter.entries()]
    .map(([drafter, { flags: _flags, longestUnchangedRun: _l, currentUnchangedRun: _c, ...figures }]) => ({ drafter, ...figures }))
    .sort((a, b) => a.drafter.localeCompare(b.drafter));
  const reviewers: ReviewerReport[] = [...byReviewer.entries()]
    .flatMap(([reviewerId, figures]) => {
      const user = userOf.get(reviewerId);
      return user ? [{ reviewerId, name: user.name, role: user.role, ...figures }] : [];
    })
    .sort((a, b) => a.name.localeCompare(b.name) || a.reviewerId.localeCompare(b.reviewerId));

  const expiredBy = new Map(expired.map((e) => [e.owner_id, Number(e.n)]));
  const queues: QueueReport[] = members.map((m) => ({
    ownerId: m.id,
    name: m.name,
    ...(pending.byOwner.get(m.id) ?? emptyQueue()),
    expiredInWindow: expiredBy.get(m.id) ?? 0,
  }));
  const team = { ...pending.team, expiredInWindow: [...expiredBy.values()].reduce((a, b) => a + b, 0) };

  const totals = gateCounts.rows.find((r) => r.total);
  const byRule = gateCounts.rows.filter((r) => !r.total);
  const gating = gatingFigures(
    { decisions: Number(totals?.decisions ?? 0), gated: Number(totals?.gated ?? 0), byRule: byRule.map((r) => ({ rule: r.rule ?? '(unnamed)', count: Number(r.decisions) })) },
    settings,
  );

  const flagged: ReviewMetricsReport['flagged'] = [
    ...reviewers.flatMap((r) => r.flags.map((f) => ({ subject: 'reviewer' as const, id: r.reviewerId, name: r.name, ...f }))),
    ...queues.flatMap((q) => q.flags.map((f) => ({ subject: 'queue' as const, id: q.ownerId, name: q.name, ...f }))),
    ...team.flags.map((f) => ({ subject: 'team' as const, id: null, name: null, ...f })),
    ...gating.flags.map((f) => ({ subject: 'gating' as const, id: null, name: null, ...f })),
  ];

  return {
    window: { since: since.toISOString(), until: until.toISOString() },
    asOf: now.toISOString(),
    reviewTime: REVIEW_TIME_MEASURE,
    thresholds: {
      readWordsPerMinute: settings.readWordsPerMinute,
      readMinSeconds: settings.readMinSeconds,
      minDecisions: settings.minDecisions,
      fastApprovalShare: settings.fastApprovalShare,
      unchangedRun: settings.unchangedRun,
      queueP90AgeSeconds: settings.queueP90AgeMs / 1000,
      gatedShareHealthy: settings.gatedShareHealthy,
    },
    reviewers,
    drafters,
    queues,
    team,
    gating,
    flagged,
  };
}

/** Gate decisions count for the owner of their enrollment. */
function gateScope(scope: ReviewScope) {
  if (scope.kind === 'all') return sql`true`;
  return sql`a.enrollment_id in (select e.id from enrollments e where ${inScope(scope, sql.ref('e.owner_id'))})`;
}
