// The learning loop: what reps did with the drafts of each template version, per step kind, and what
// happened after the template's messages went out. The boundary report and the drafter's confidence read it.
import { distance } from 'fastest-levenshtein';
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../connect';
import type { ConfidenceReason, StepKind } from '../types';
import { decisionSecondsSql, fastApprovalSql, type ReviewMetricsSettings } from './review-metrics';

export type OutcomeRate = 'hardBounce' | 'complaint' | 'unsubscribe' | 'negativeReply';
export const OUTCOME_RATES: readonly OutcomeRate[] = ['hardBounce', 'complaint', 'unsubscribe', 'negativeReply'];

export interface BoundaryThresholds {
  /** A gated template graduates with at least this many trusted decisions (viewed, unhurried, by reviewers not flagged) … */
  minSample: number;
  /** … of which at least this share approved unchanged … */
  unchangedRate: number;
  /** … when at least this share of its gated drafts were gated only by rules graduation lifts … */
  minWouldChangeShare: number;
  /** … and it has at least this many delivered sends … */
  minSends: number;
  /** … with each outcome rate (per send) at most this. Above one, an automatic template goes back behind a gate. */
  maxRates: Record<OutcomeRate, number>;
  /** A rate above this multiple of the cadence's other templates' rate is too high too (when they have minSends sends). */
  maxRatioToCadence: number;
  /** How far back the report looks. */
  windowMs: number;
  /** Reading speed and theater thresholds: the review metrics' own, so both reports discount the same decisions. */
  review: ReviewMetricsSettings;
}

export interface LearningSettings {
  /** Decisions on a template's drafts before its rewrite rate lowers their confidence. */
  minSample: number;
  boundary: BoundaryThresholds;
  /** How often the scheduled review runs. */
  reviewEveryMs: number;
}

export interface TemplateRef {
  id: string;
  name: string;
  version: number;
}

export interface ReviewStats {
  /** Drafts a rep decided on (approve, edit, reject); expired and withdrawn requests are not decisions. */
  decided: number;
  approvedUnchanged: number;
  edited: number;
  rejected: number;
  /** Shares of `decided`, rounded to 4 places; null with no decisions. */
  unchangedRate: number | null;
  editRate: number | null;
  rejectRate: number | null;
  /** Levenshtein distance between the shown draft and the rep's text (subject and body), median over edits. */
  medianEditDistance: number | null;
  /** From the decider's first view to the decision, median over the viewed decisions, in seconds. */
  medianReviewSeconds: number | null;
  /** Decisions made without a view of the draft. */
  notViewed: number;
  rejectReasons: Array<{ reason: string; count: number }>;
  /** Which gate rules put these drafts in front of a rep. */
  gatedBy: Array<{ rule: string; count: number }>;
}

export interface SendOutcomes {
  /** Messages that went out (a soft-bounce resend of the same step counts once). */
  sends: number;
  /** Replies attributed to these sends (the one they answer, else the latest send before them), by intent. */
  repliesByIntent: Record<string, number>;
  /** Not interested, or any human reply with a negative sentiment. */
  negativeReplies: number;
  hardBounces: number;
  /** An unsubscribe reply, or the address suppressed as unsubscribed after this send (the one-click link). */
  unsubscribes: number;
  complaints: number;
  /** Sends with at least one negative reply, hard bounce, unsubscribe or complaint. */
  withException: number;
  exceptionRate: number | null;
  /** Sends that did not hard-bounce. */
  delivered: number;
  /** Each outcome per send; null without sends. */
  rates: Record<OutcomeRate, number | null>;
}

/** A template's decisions as evidence (the boundary report): why some do not count, each once, and the rest. */
export interface DecisionEvidence {
  /** Decided without a view of the draft. */
  notViewed: number;
  /** Of the others, approved unchanged faster than a plausible read from the first view (isFastApproval). */
  fastApproval: number;
  /** Of the others, by a reviewer flagged for approval theater in the window (theaterFlags) … */
  flaggedReviewer: number;
  /** … these, sorted. */
  flaggedReviewers: string[];
  /** The trusted decisions: all the others. */
  trusted: number;
  /** Approved unchanged, of the trusted decisions. */
  trustedApprovedUnchanged: number;
  /** Decision minus first view, median over the trusted decisions. */
  trustedMedianReviewSeconds: number | null;
}

/**
 * Drafts of the template the gate sent to a rep for the same rules, all at or below the graduated confidence floor
 * or all above it (or unscored): `confidence` is the highest among them.
 */
export interface GateRequest {
  rules: string[];
  confidence: number | null;
  count: number;
}

export interface TemplateStepLearning {
  template: TemplateRef;
  stepKind: StepKind;
  /** Who drafted the step: 'template', or a model ('local:…', 'openai:…'); AI drafts are judged on their own evidence. */
  drafter: string;
  review: ReviewStats;
  /** The decisions behind `review`, weighed. */
  evidence: DecisionEvidence;
  /** The approval requests the gate opened for the template's drafts in the window. */
  gateRequests: GateRequest[];
  /** Sends of steps a rep approved (or edited). */
  gatedSends: SendOutcomes;
  /** Sends of steps the gate let through without a rep. */
  automaticSends: SendOutcomes;
  /** Both together. */
  allSends: SendOutcomes;
  /** The sends of the other templates in the cadences this template sent in: what its rates are compared with. */
  cadenceBaseline: SendOutcomes;
}

export const rate = (n: number, of: number): number | null => (of > 0 ? Math.round((n / of) * 10_000) / 10_000 : null);

const AUTOMATIC_INTENTS = new Set(['out_of_office', 'auto_reply_other', 'bounce_hard', 'bounce_soft']);

/** A reply the boundary counts against an automatic template: a clear no, or anything said in anger. */
export function isNegativeReply(intent: string | null, sentiment: string | null): boolean {
  if (intent === 'unsubscribe' || (intent !== null && AUTOMATIC_INTENTS.has(intent))) return false;
  return intent === 'not_interested' || sentiment === 'negative';
}

const editText = (subject: string, body: string) => `${subject}\n\n${body}`;

/** How far a rep's version is from the draft shown: Levenshtein distance over subject and body. */
export function draftEditDistance(shown: { subject: string; body: string }, edited: { subject: string; body: string }): number {
  return distance(editText(shown.subject, shown.body), editText(edited.subject, edited.body));
}

const DAY_MS = 86_400_000;

/**
 * The whole UTC days inside [from, to) — [from, to) of this result, `firstDay` and `endDay` as dates — which the
 * daily gate-request counts cover; the rest of the window is read from the requests. A window without a whole day
 * is all rest: the range is empty at its end.
 */
export function wholeDays(window: { from: Date; to: Date }): { from: Date; to: Date; firstDay: string; endDay: string } {
  const start = Math.ceil(window.from.getTime() / DAY_MS) * DAY_MS;
  const end = Math.floor(window.to.getTime() / DAY_MS) * DAY_MS;
  const [from, to] = start < end ? [new Date(start), new Date(end)] : [window.to, window.to];
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return { from, to, firstDay: day(from), endDay: day(to) };
}

/**
 * Edit distances of edits recorded without one (written straight into the table, as the tests and the volume
 * bench's seed do): the rep's text is the draft version after the one shown (activities/approvals.ts recordDecision).
 */
async function missingEditDistances(db: Db, decisionIds: string[]): Promise<Map<string, number>> {
  if (decisionIds.length === 0) return new Map();
  const { rows } = await sql<{ id: string; shown_subject: string; shown_body: string; edited_subject: string; edited_body: string }>`
    select ad.id, d.subject as shown_subject, d.body as shown_body, ed.subject as edited_subject, ed.body as edited_body
    from approval_decisions ad
    join approval_requests ar on ar.id = ad.approval_request_id
    join drafts d on d.id = ar.draft_id
    join drafts ed on ed.enrollment_id = ar.enrollment_id and ed.step = ar.step and ed.kind = ar.kind and ed.version = ad.draft_version + 1
    where ad.id = any(${decisionIds}::text[])`.execute(db);
  return new Map(rows.map((r) => [r.id, draftEditDistance({ subject: r.shown_subject, body: r.shown_body }, { subject: r.edited_subject, body: r.edited_body })]));
}

/**
 * Stores the edit distance of edits recorded without one (written straight into the table, as the volume bench's
 * seed does), as recordDecision would have: batch by batch, returning how many it stored.
 */
export async function storeMissingEditDistances(db: Db, batch = 2000): Promise<number> {
  let stored = 0;
  let after = '';
  for (;;) {
    const { rows } = await sql<{ id: string }>`
      select id from approval_decisions where action = 'edit' and edit_distance is null and id > ${after} order by id limit ${batch}`.execute(db);
    if (rows.length === 0) return stored;
    after = rows.at(-1)!.id;
    // An edit whose rep version is missing has no distance to store.
    const distances = await missingEditDistances(db, rows.map((r) => r.id));
    if (distances.size === 0) continue;
    const values = [...distances].map(([id, d]) => sql`(${id}, ${d}::integer)`);
    await sql`update approval_decisions ad set edit_distance = v.distance from (values ${sql.join(values)}) as v(id, distance) where ad.id = v.id`.execute(db);
    stored += distances.size;
  }
}

interface Bucket {
  template: TemplateRef;
  stepKind: StepKind;
  drafter: string;
  decided: DecisionRow | null;
  gatedBy: Array<{ rule: string; count: number }>;
  gateRequests: GateRequest[];
}

/** How the boundary report weighs decisions: the reading speed, and the reviewers flagged for theater in the window. */
export interface DecisionWeighing {
  review: Pick<ReviewMetricsSettings, 'readWordsPerMinute' | 'readMinSeconds'>;
  /** Their decisions do not count as evidence (review-metrics.ts theaterFlags). */
  flagged: Promise<ReadonlySet<string>>;
}

/**
 * Per template version and step kind, over [from, to): the decisions reps made on its drafts (by when
 * they decided) and the outcomes of its sends (by when they went out). Templates with neither are left out.
 */
export async function templateLearning(db: Db, window: { from: Date; to: Date }, weighing: DecisionWeighing): Promise<TemplateStepLearning[]> {
  // Which template, step kind and drafter (the step's first draft's) a decision or send is evidence about, the words
  // shown and the rules that gated it are stored with each row when it is written (migration 0017), and the gate
  // requests are counted per day: none of the reads below joins drafts or approval requests for them, and none
  // needs another's result, so they run at once.
  const days = wholeDays(window);
  const [decisions, gatedBy, requests, outcomes, templates] = await Promise.all([
    decisionRows(db, window, weighing),
    // Which rules put the decided drafts in front of a rep (a decision can have several).
    sql<{ template_id: string; step_kind: StepKind; drafter: string; rule: string; n: number }>`
      select d.template_id, coalesce(d.step_kind, 'email') as step_kind, coalesce(d.drafter, 'template') as drafter, r.rule, count(*)::int as n
      from approval_decisions d cross join lateral unnest(d.gate_rules) as r(rule)
      where d.template_id is not null and d.decided_at >= ${window.from} and d.decided_at < ${window.to}
      group by 1, 2, 3, 4`.execute(db),
    // How many requests were gated by which rules, and whether at or below the graduated confidence floor: whole UTC
    // days of the window from the daily counts, the part-days at its ends from the requests.
    sql<{ template_id: string; step_kind: StepKind; drafter: string; rules: string[]; confidence: number | null; n: number }>`
      select x.template_id, x.step_kind, x.drafter, x.rules, max(x.confidence) as confidence, sum(x.n)::int as n
      from (
        select g.template_id, g.step_kind, g.drafter, g.rules, g.at_or_below_floor as low, g.max_confidence as confidence, g.requests as n
        from gate_request_days g
        where g.day >= ${days.firstDay}::date and g.day < ${days.endDay}::date
        union all
        select d.template_id, coalesce(cs.kind, 'email'), coalesce(d1.drafter, 'template'), gate_rule_names(ar.gate_rules),
          coalesce(d.confidence <= gate_summary_confidence_floor(), false), d.confidence, 1
        from approval_requests ar
        join drafts d on d.id = ar.draft_id
        join enrollments e on e.id = ar.enrollment_id
        left join cadence_steps cs on cs.cadence_id = e.cadence_id and cs.position = ar.step
        left join drafts d1 on d1.enrollment_id = ar.enrollment_id and d1.step = ar.step and d1.kind = 'step' and d1.version = 1
        where ar.kind = 'step' and d.template_id is not null
          and ((ar.created_at >= ${window.from} and ar.created_at < ${days.from}) or (ar.created_at >= ${days.to} and ar.created_at < ${window.to}))
      ) x
      group by x.template_id, x.step_kind, x.drafter, x.rules, x.low`.execute(db),
    sendOutcomeRows(db, window),
    db.selectFrom('templates').select(['id', 'name', 'version']).execute(),
  ]);

  const templateOf = new Map<string, TemplateRef>(templates.map((t) => [t.id, { id: t.id, name: t.name, version: t.version }]));
  const buckets = new Map<string, Bucket>();
  const bucket = (templateId: string, kind: StepKind | null, drafter: string | null): Bucket | null => {
    const template = templateOf.get(templateId);
    if (!template) return null;
    const stepKind = kind ?? 'email';
    const by = drafter ?? 'template';
    const key = `${templateId}\u0000${stepKind}\u0000${by}`;
    let b = buckets.get(key);
    if (!b) buckets.set(key, (b = { template, stepKind, drafter: by, decided: null, gatedBy: [], gateRequests: [] }));
    return b;
  };

  for (const row of decisions) {
    const b = bucket(row.template_id, row.step_kind, row.drafter);
    if (b) b.decided = row;
  }
  for (const row of gatedBy.rows) bucket(row.template_id, row.step_kind, row.drafter)?.gatedBy.push({ rule: row.rule, count: row.n });
  for (const row of requests.rows) {
    bucket(row.template_id, row.step_kind, row.drafter)?.gateRequests.push({ rules: row.rules, confidence: row.confidence === null ? null : Number(row.confidence), count: row.n });
  }

  const sends = new Map<Bucket, Record<OutcomeRow['part'], Tally>>();
  for (const row of outcomes) {
    const b = bucket(row.template_id, row.step_kind, row.drafter);
    if (!b) continue;
    let entry = sends.get(b);
    if (!entry) sends.set(b, (entry = { gated: emptyTally(), automatic: emptyTally(), baseline: emptyTally() }));
    entry[row.part] = row;
  }

  return [...buckets.values()]
    .map((b) => {
      const { gated, automatic, baseline } = sends.get(b) ?? { gated: emptyTally(), automatic: emptyTally(), baseline: emptyTally() };
      return {
        template: b.template,
        stepKind: b.stepKind,
        drafter: b.drafter,
          review: reviewStats(b.decided, b.gatedBy),
        evidence: decisionEvidence(b.decided),
        gateRequests: b.gateRequests,
        gatedSends: outcomesOf(gated),
        automaticSends: outcomesOf(automatic),
        allSends: outcomesOf(sumTallies(gated, automatic)),
        cadenceBaseline: outcomesOf(baseline),
      };
    })
    .sort((a, b) => a.template.name.localeCompare(b.template.name) || a.template.version - b.template.version || a.stepKind.localeCompare(b.stepKind) || a.drafter.localeCompare(b.drafter));
}

const byCountThenName = <T extends { count: number }>(name: (x: T) => string) => (a: T, b: T) => b.count - a.count || name(a).localeCompare(name(b));

/** A template's decisions in the window, counted in PostgreSQL (60 000 in 90 days at 100k pending: a row each cost the report more than reading them). */
interface DecisionRow {
  template_id: string;
  step_kind: StepKind;
  drafter: string;
  decided: number;
  approved: number;
  edited: number;
  rejected: number;
  not_viewed: number;
  median_edit_distance: number | null;
  median_review_seconds: number | null;
  /** [reason, count] of the rejections. */
  reject_reasons: Array<[string, number]> | null;
  fast_approval: number;
  flagged_reviewer: number;
  flagged_reviewers: string[] | null;
  trusted: number;
  trusted_approved: number;
  trusted_median_review_seconds: number | null;
}

/**
 * The median of a column, or of the rows that pass `filter` (nulls ignored), as this report has always computed it:
 * for an even count (lower + upper middle value) / 2 in float8, each a value of the column. percentile_cont computes
 * lower + (upper - lower) * 0.5, which can differ in the last bit.
 */
const medianSql = (value: RawBuilder<unknown>, filter: RawBuilder<unknown> = sql`true`) =>
  sql<number | null>`((percentile_disc(0.5) within group (order by ${value}) filter (where ${filter})
    + percentile_disc(0.5) within group (order by ${value} desc) filter (where ${filter})) / 2)`;

/**
 * Per template, step kind and drafter: what reps did with its drafts in the window (reviewStats) and the decisions as
 * evidence (decisionEvidence). Each decision is discounted for one reason, the first that holds: not viewed, approved
 * faster than a plausible read, by a reviewer flagged for theater.
 */
async function decisionRows(db: Db, window: { from: Date; to: Date }, weighing: DecisionWeighing): Promise<DecisionRow[]> {
  const inWindow = sql<boolean>`d.template_id is not null and d.decided_at >= ${window.from} and d.decided_at < ${window.to}`;
  // Awaited together, so a failure of either is the caller's, never an unhandled rejection of the other.
  const [missing, flagged] = await Promise.all([
    sql<{ id: string }>`select d.id from approval_decisions d where d.action = 'edit' and d.edit_distance is null and ${inWindow}`.execute(db),
    weighing.flagged,
  ]);
  const distances = await missingEditDistances(db, missing.rows.map((r) => r.id));
  const { rows } = await sql<DecisionRow>`
    with d as (
      select d.template_id, coalesce(d.step_kind, 'email') as step_kind, coalesce(d.drafter, 'template') as drafter, d.action, d.actor_id,
        coalesce(nullif(regexp_replace(d.reason, '^[[:space:]]+|[[:space:]]+$', '', 'g'), ''), '(no reason given)') as reason,
        coalesce(d.edit_distance, m.distance)::float8 as edit_distance, ${decisionSecondsSql} as seconds,
        case when d.first_viewed_at is null then 'notViewed' when ${fastApprovalSql(weighing.review)} then 'fastApproval'
          when d.actor_id = any(${[...flagged]}::text[]) then 'flaggedReviewer' end as discount
      from approval_decisions d
      left join unnest(${[...distances.keys()]}::text[], ${[...distances.values()]}::int[]) as m(id, distance) on m.id = d.id
      where ${inWindow}
    ),
    reasons as (
      select template_id, step_kind, drafter, json_agg(json_build_array(reason, n)) as reject_reasons
      from (select template_id, step_kind, drafter, reason, count(*)::int as n from d where action = 'reject' group by 1, 2, 3, 4) r
      group by 1, 2, 3
    ),
    figures as (
      select template_id, step_kind, drafter, count(*)::int as decided,
        count(*) filter (where action = 'approve')::int as approved, count(*) filter (where action = 'edit')::int as edited,
        count(*) filter (where action = 'reject')::int as rejected, count(*) filter (where seconds is null)::int as not_viewed,
        ${medianSql(sql`edit_distance`)} as median_edit_distance, ${medianSql(sql`seconds`)} as median_review_seconds,
        count(*) filter (where discount = 'fastApproval')::int as fast_approval,
        count(*) filter (where discount = 'flaggedReviewer')::int as flagged_reviewer,
        array_agg(distinct actor_id) filter (where discount = 'flaggedReviewer') as flagged_reviewers,
        count(*) filter (where discount is null)::int as trusted,
        count(*) filter (where discount is null and action = 'approve')::int as trusted_approved,
        ${medianSql(sql`seconds`, sql`discount is null`)} as trusted_median_review_seconds
      from d
      group by 1, 2, 3
    )
    select f.*, r.reject_reasons from figures f left join reasons r using (template_id, step_kind, drafter)`.execute(db);
  return rows;
}

function decisionEvidence(row: DecisionRow | null): DecisionEvidence {
  return {
    notViewed: row?.not_viewed ?? 0,
    fastApproval: row?.fast_approval ?? 0,
    flaggedReviewer: row?.flagged_reviewer ?? 0,
    flaggedReviewers: [...(row?.flagged_reviewers ?? [])].sort(),
    trusted: row?.trusted ?? 0,
    trustedApprovedUnchanged: row?.trusted_approved ?? 0,
    trustedMedianReviewSeconds: row?.trusted_median_review_seconds ?? null,
  };
}

function reviewStats(row: DecisionRow | null, gatedBy: Array<{ rule: string; count: number }>): ReviewStats {
  const decided = row?.decided ?? 0;
  const approvedUnchanged = row?.approved ?? 0;
  const edited = row?.edited ?? 0;
  const rejected = row?.rejected ?? 0;
  return {
    decided,
    approvedUnchanged,
    edited,
    rejected,
    unchangedRate: rate(approvedUnchanged, decided),
    editRate: rate(edited, decided),
    rejectRate: rate(rejected, decided),
    medianEditDistance: row?.median_edit_distance ?? null,
    medianReviewSeconds: row?.median_review_seconds ?? null,
    notViewed: row?.not_viewed ?? 0,
    rejectReasons: (row?.reject_reasons ?? []).map(([reason, count]) => ({ reason, count })).sort(byCountThenName((r) => r.reason)),
    gatedBy: [...gatedBy].sort(byCountThenName((r) => r.rule)),
  };
}

/** Outcome counts over a set of touches (a step of one enrollment: its send, and any resend of the step). */
type Tally = Pick<SendOutcomes, 'sends' | 'negativeReplies' | 'hardBounces' | 'unsubscribes' | 'complaints' | 'withException'> & {
  /** Replies by intent. */
  intents: Record<string, number>;
};

const emptyTally = (): Tally => ({ sends: 0, negativeReplies: 0, hardBounces: 0, unsubscribes: 0, complaints: 0, withException: 0, intents: {} });

function sumTallies(a: Tally, b: Tally): Tally {
  const intents = { ...a.intents };
  for (const [intent, n] of Object.entries(b.intents)) intents[intent] = (intents[intent] ?? 0) + n;
  return {
    sends: a.sends + b.sends,
    negativeReplies: a.negativeReplies + b.negativeReplies,
    hardBounces: a.hardBounces + b.hardBounces,
    unsubscribes: a.unsubscribes + b.unsubscribes,
    complaints: a.complaints + b.complaints,
    withException: a.withException + b.withException,
    intents,
  };
}

function outcomesOf(t: Tally): SendOutcomes {
  const repliesByIntent: Record<string, number> = {};
  for (const [intent, n] of Object.entries(t.intents).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) repliesByIntent[intent] = n;
  const { sends, negativeReplies, hardBounces, unsubscribes, complaints, withException } = t;
  return {
    sends,
    repliesByIntent,
    negativeReplies,
    hardBounces,
    unsubscribes,
    complaints,
    withException,
    exceptionRate: rate(withException, sends),
    delivered: sends - hardBounces,
    rates: { hardBounce: rate(hardBounces, sends), complaint: rate(complaints, sends), unsubscribe: rate(unsubscribes, sends), negativeReply: rate(negativeReplies, sends) },
  };
}

type OutcomeRow = Tally & { template_id: string; step_kind: StepKind; drafter: string; part: 'gated' | 'automatic' | 'baseline' };

/**
 * What happened after the sends of [from, to), counted in PostgreSQL (73 000 sends in 90 days at 100k pending: the
 * counts are a few rows, the sends are not), per template, step kind and drafter:
 *   - `gated` and `automatic`: its touches (a step of one enrollment, with any resend) that a rep approved, or that
 *     the gate let through without asking anyone;
 *   - `baseline`: the touches of the other templates in the cadences it sent in, which its rates are compared with.
 * A touch counts a hard bounce (the send's, or a bounce reply), a complaint, a negative reply (isNegativeReply), an
 * unsubscribe (a reply saying so, or the one-click link suppressing the address after its latest send), and each
 * reply's intent. A reply counts against the send it answers, else the latest send before it.
 */
async function sendOutcomeRows(db: Db, window: { from: Date; to: Date }): Promise<OutcomeRow[]> {
  const { rows } = await sql<OutcomeRow>`
    -- A touch is one enrollment's step: its template, kind, drafter, cadence and gate are the same for every send of
    -- it (stored with each send), so the group is the two narrow keys, and the sends table is the only one read.
    with touch as (
      select min(s.template_id) as template_id, coalesce(min(s.step_kind), 'email') as step_kind, coalesce(min(s.drafter), 'template') as drafter,
        min(s.cadence_id) as cadence_id, bool_or(s.gated) as gated, s.enrollment_id, s.step,
        bool_or(s.bounce_kind is not distinct from 'hard') as hard, bool_or(s.complained_at is not null) as complained
      from sends s
      where s.template_id is not null and s.status in ('sent', 'unconfirmed')
        and coalesce(s.sent_at, s.handed_off_at, s.created_at) >= ${window.from} and coalesce(s.sent_at, s.handed_off_at, s.created_at) < ${window.to}
      group by s.enrollment_id, s.step
    ),
    -- Replies and unsubscribes are few: each is matched to its send's touch, which must be one of the window's.
    reply as (
      select x.enrollment_id, x.step, x.template_id, x.step_kind, x.drafter, x.cadence_id, x.gated, coalesce(r.intent, 'unclassified') as intent,
        (r.intent is null or not (r.intent = 'unsubscribe' or r.intent = any(${[...AUTOMATIC_INTENTS]}::text[])))
          and (r.intent = 'not_interested' or r.sentiment = 'negative') as negative
      from replies r
      cross join lateral (
        select s.enrollment_id, s.step, s.template_id, coalesce(s.step_kind, 'email') as step_kind, coalesce(s.drafter, 'template') as drafter, s.cadence_id, s.gated,
          coalesce(s.sent_at, s.handed_off_at, s.created_at) as at
        from sends s
        where s.enrollment_id = r.enrollment_id and s.status in ('sent', 'unconfirmed')
          and coalesce(s.sent_at, s.handed_off_at, s.created_at) <= r.received_at
        order by (s.message_id = r.in_reply_to) desc nulls last, coalesce(s.sent_at, s.handed_off_at, s.created_at) desc
        limit 1
      ) x
      where r.enrollment_id is not null and r.received_at >= ${window.from} and x.template_id is not null and x.at >= ${window.from} and x.at < ${window.to}
    ),
    link_unsubscribe as (
      select distinct x.enrollment_id, x.step
      from suppressions su
      cross join lateral (
        select s.enrollment_id, s.step, s.template_id, coalesce(s.sent_at, s.handed_off_at, s.created_at) as at from sends s
        where lower(s.recipient) = su.value and s.status in ('sent', 'unconfirmed')
          and coalesce(s.sent_at, s.handed_off_at, s.created_at) <= su.created_at
        order by coalesce(s.sent_at, s.handed_off_at, s.created_at) desc
        limit 1
      ) x
      where su.kind = 'address' and su.reason = 'unsubscribed' and su.created_at >= ${window.from} and x.template_id is not null and x.at >= ${window.from} and x.at < ${window.to}
    ),
    heard as (
      select enrollment_id, step, bool_or(hard) as hard, bool_or(negative) as negative, bool_or(unsubscribed) as unsubscribed
      from (
        select enrollment_id, step, intent = 'bounce_hard' as hard, negative, intent = 'unsubscribe' as unsubscribed from reply
        union all
        select enrollment_id, step, false, false, true from link_unsubscribe
      ) x
      group by enrollment_id, step
    ),
    -- Per template, step kind, drafter and cadence, gated or not: every figure is a sum of these.
    tally as (
      select t.template_id, t.step_kind, t.drafter, t.cadence_id, t.gated, count(*) as sends,
        count(*) filter (where h.negative) as negative, count(*) filter (where t.hard or h.hard) as hard,
        count(*) filter (where h.unsubscribed) as unsubscribed, count(*) filter (where t.complained) as complained,
        count(*) filter (where h.negative or t.hard or h.hard or h.unsubscribed or t.complained) as exceptional
      from touch t
      left join heard h on h.enrollment_id = t.enrollment_id and h.step = t.step
      group by 1, 2, 3, 4, 5
    ),
    intent_tally as (
      select template_id, step_kind, drafter, cadence_id, gated, intent, count(*) as n
      from reply
      group by 1, 2, 3, 4, 5, 6
    ),
    sent_in as (select distinct template_id, step_kind, drafter, cadence_id from tally),
    counts as (
      select template_id, step_kind, drafter, case when gated then 'gated' else 'automatic' end as part,
        sum(sends) as sends, sum(negative) as negative, sum(hard) as hard, sum(unsubscribed) as unsubscribed, sum(complained) as complained, sum(exceptional) as exceptional
      from tally
      group by 1, 2, 3, 4
      union all
      select b.template_id, b.step_kind, b.drafter, 'baseline',
        sum(o.sends), sum(o.negative), sum(o.hard), sum(o.unsubscribed), sum(o.complained), sum(o.exceptional)
      from sent_in b join tally o on o.cadence_id = b.cadence_id and o.template_id <> b.template_id
      group by 1, 2, 3
    ),
    intents as (
      select template_id, step_kind, drafter, part, jsonb_object_agg(intent, n) as intents
      from (
        select template_id, step_kind, drafter, case when gated then 'gated' else 'automatic' end as part, intent, sum(n)::int as n
        from intent_tally
        group by 1, 2, 3, 4, 5
        union all
        select b.template_id, b.step_kind, b.drafter, 'baseline', o.intent, sum(o.n)::int
        from sent_in b join intent_tally o on o.cadence_id = b.cadence_id and o.template_id <> b.template_id
        group by 1, 2, 3, 4, 5
      ) x
      group by 1, 2, 3, 4
    )
    select c.template_id, c.step_kind, c.drafter, c.part, c.sends::int as sends, c.negative::int as "negativeReplies", c.hard::int as "hardBounces",
      c.unsubscribed::int as unsubscribes, c.complained::int as complaints, c.exceptional::int as "withException", coalesce(i.intents, '{}') as intents
    from counts c
    left join intents i on i.template_id = c.template_id and i.step_kind = c.step_kind and i.drafter = c.drafter and i.part = c.part
    order by 1, 2, 3, 4`.execute(db);
  return rows;
}

/** What reps did with one template version's drafts over [from, to). */
export async function templateReviewCounts(db: Db, templateId: string, window: { from: Date; to: Date }): Promise<{ decided: number; rewritten: number }> {
  const row = await db
    .selectFrom('approval_decisions as ad')
    .innerJoin('approval_requests as ar', 'ar.id', 'ad.approval_request_id')
    .innerJoin('drafts as d', 'd.id', 'ar.draft_id')
    .select([sql<string>`count(*)`.as('decided'), sql<string>`count(*) filter (where ad.action in ('edit', 'reject'))`.as('rewritten')])
    .where('d.template_id', '=', templateId)
    .where('ar.kind', '=', 'step')
    .where('ad.decided_at', '>=', window.from)
    .where('ad.decided_at', '<', window.to)
    .executeTakeFirstOrThrow();
  return { decided: Number(row.decided), rewritten: Number(row.rewritten) };
}

/** Below this share of drafts rewritten or rejected, a template's history leaves its drafts' confidence alone. */
export const OFTEN_REWRITTEN_SHARE = 0.5;
export const OFTEN_REWRITTEN_PENALTY = 0.2;

/**
 * The confidence a template's own history costs its new drafts: reps who keep rewriting or rejecting what
 * it produces are saying the scorer is too sure of it. Null when there is too little history, or it is fine.
 */
export async function historyAdjustment(
  db: Db,
  templateId: string,
  options: { now: Date; windowMs: number; minSample: number },
): Promise<ConfidenceReason | null> {
  const { decided, rewritten } = await templateReviewCounts(db, templateId, { from: new Date(options.now.getTime() - options.windowMs), to: options.now });
  if (decided < options.minSample || rewritten / decided < OFTEN_REWRITTEN_SHARE) return null;
  return {
    code: 'template-often-rewritten',
    effect: -OFTEN_REWRITTEN_PENALTY,
    detail: `reps rewrote or rejected ${rewritten} of ${decided} drafts from this template`,
  };
}
