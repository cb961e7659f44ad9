// The learning loop: what reps did with the drafts of each template version, per step kind, and what
// happened after the template's messages went out. The boundary report and the drafter's confidence read it.
import { distance } from 'fastest-levenshtein';
import { sql } from 'kysely';
import type { Db } from '../connect';
import type { ConfidenceReason, StepKind } from '../types';
import type { ReviewMetricsSettings } from './review-metrics';
import { GRADUATED_CONFIDENCE_FLOOR } from '../../workflows/policy';

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

/** One decision on a draft, as the boundary report weighs it. */
export interface LearnedDecision {
  actorId: string;
  action: 'approve' | 'edit' | 'reject';
  decidedAt: Date;
  /** The decider's first view of the draft; null: decided without a view. */
  viewedAt: Date | null;
  /** Words in the subject and body of the draft shown. */
  words: number;
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
  /** The decisions behind `review`, for weighing each one. */
  decisions: LearnedDecision[];
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

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const AUTOMATIC_INTENTS = new Set(['out_of_office', 'auto_reply_other', 'bounce_hard', 'bounce_soft']);

/** A reply the boundary counts against an automatic template: a clear no, or anything said in anger. */
export function isNegativeReply(intent: string | null, sentiment: string | null): boolean {
  if (intent === 'unsubscribe' || (intent !== null && AUTOMATIC_INTENTS.has(intent))) return false;
  return intent === 'not_interested' || sentiment === 'negative';
}

const editText = (subject: string, body: string) => `${subject}\n\n${body}`;
const sentAt = sql<Date>`coalesce(s.sent_at, s.handed_off_at, s.created_at)`;

interface Bucket {
  template: TemplateRef;
  stepKind: StepKind;
  drafter: string;
  decisions: Array<LearnedDecision & { editDistance: number | null; reason: string | null; rules: string[] }>;
  gateRequests: GateRequest[];
  touches: Map<string, Touch>;
}

interface Touch {
  cadenceId: string;
  templateId: string;
  gated: boolean;
  intents: string[];
  negative: boolean;
  hardBounce: boolean;
  unsubscribe: boolean;
  complaint: boolean;
}

/**
 * Per template version and step kind, over [from, to): the decisions reps made on its drafts (by when
 * they decided) and the outcomes of its sends (by when they went out). Templates with neither are left out.
 */
export async function templateLearning(db: Db, window: { from: Date; to: Date }): Promise<TemplateStepLearning[]> {
  const buckets = new Map<string, Bucket>();
  const bucket = (t: TemplateRef, kind: StepKind | null, drafter: string | null): Bucket => {
    const stepKind = kind ?? 'email';
    const by = drafter ?? 'template';
    const key = `${t.id}\u0000${stepKind}\u0000${by}`;
    let b = buckets.get(key);
    if (!b) buckets.set(key, (b = { template: t, stepKind, drafter: by, decisions: [], gateRequests: [], touches: new Map() }));
    return b;
  };
  // The drafter of a step is its first draft's, d1 below (a rep's edit is a later version, drafted by nobody); a
  // join, not a subquery per row: the planner hashes drafts once instead of probing its index per decision or send.

  const decisions = await db
    .selectFrom('approval_decisions as ad')
    .innerJoin('approval_requests as ar', 'ar.id', 'ad.approval_request_id')
    .innerJoin('drafts as d', 'd.id', 'ar.draft_id')
    .innerJoin('templates as t', 't.id', 'd.template_id')
    .innerJoin('enrollments as e', 'e.id', 'ar.enrollment_id')
    .leftJoin('cadence_steps as cs', (j) => j.onRef('cs.cadence_id', '=', 'e.cadence_id').onRef('cs.position', '=', 'ar.step'))
    // The rep's text is the draft version after the one shown (activities/approvals.ts recordDecision).
    .leftJoin('drafts as d1', (j) => j.onRef('d1.enrollment_id', '=', 'ar.enrollment_id').onRef('d1.step', '=', 'ar.step').on('d1.kind', '=', 'step').on('d1.version', '=', 1))
    .leftJoin('drafts as ed', (j) =>
      j
        .onRef('ed.enrollment_id', '=', 'ar.enrollment_id')
        .onRef('ed.step', '=', 'ar.step')
        .onRef('ed.kind', '=', 'ar.kind')
        .on(sql<boolean>`ed.version = ad.draft_version + 1 and ad.action = 'edit'`),
    )
    .select([
      't.id as template_id',
      't.name as template_name',
      't.version as template_version',
      'cs.kind as step_kind',
      'ad.action',
      'ad.actor_id',
      'ad.reason',
      'ad.decided_at',
      'ad.first_viewed_at',
      'ar.gate_rules',
      'd.words',
      sql<string | null>`case when ad.action = 'edit' then d.subject end`.as('shown_subject'),
      sql<string | null>`case when ad.action = 'edit' then d.body end`.as('shown_body'),
      'ed.subject as edited_subject',
      'ed.body as edited_body',
      'd1.drafter',
    ])
    .where('ar.kind', '=', 'step')
    .where('ad.decided_at', '>=', window.from)
    .where('ad.decided_at', '<', window.to)
    .execute();
  for (const row of decisions) {
    const b = bucket({ id: row.template_id, name: row.template_name, version: row.template_version }, row.step_kind, row.drafter);
    const editDistance =
      row.action === 'edit' && row.edited_body !== null && row.shown_body !== null
        ? distance(editText(row.shown_subject ?? '', row.shown_body), editText(row.edited_subject ?? '', row.edited_body))
        : null;
    b.decisions.push({
      actorId: row.actor_id,
      action: row.action,
      decidedAt: row.decided_at,
      viewedAt: row.first_viewed_at,
      words: Number(row.words),
      editDistance,
      reason: row.reason,
      rules: (row.gate_rules ?? []).map((r) => r.rule),
    });
  }

  // Grouped in PostgreSQL: a 90-day window holds every request of every rep (160 000 at 100k pending), and the
  // report needs only how many were gated by which rules, and whether at or below the graduated confidence floor.
  const requests = await sql<{ template_id: string; template_name: string; template_version: number; step_kind: StepKind | null; drafter: string | null; rules: string[]; confidence: number | null; n: number }>`
    select t.id as template_id, t.name as template_name, t.version as template_version, cs.kind as step_kind, d1.drafter,
      array(select g.rule ->> 'rule' from jsonb_array_elements(coalesce(ar.gate_rules, '[]'::jsonb)) with ordinality as g(rule, i) order by g.i) as rules,
      max(d.confidence) as confidence, count(*)::int as n
    from approval_requests ar
    join drafts d on d.id = ar.draft_id
    join templates t on t.id = d.template_id
    join enrollments e on e.id = ar.enrollment_id
    left join cadence_steps cs on cs.cadence_id = e.cadence_id and cs.position = ar.step
    left join drafts d1 on d1.enrollment_id = ar.enrollment_id and d1.step = ar.step and d1.kind = 'step' and d1.version = 1
    where ar.kind = 'step' and ar.created_at >= ${window.from} and ar.created_at < ${window.to}
    group by t.id, t.name, t.version, cs.kind, d1.drafter, 6, coalesce(d.confidence <= ${GRADUATED_CONFIDENCE_FLOOR}, false)`.execute(db);
  for (const row of requests.rows) {
    const b = bucket({ id: row.template_id, name: row.template_name, version: row.template_version }, row.step_kind, row.drafter);
    b.gateRequests.push({ rules: row.rules, confidence: row.confidence === null ? null : Number(row.confidence), count: row.n });
  }

  const sends = await db
    .selectFrom('sends as s')
    .innerJoin('drafts as d', 'd.id', 's.draft_id')
    .innerJoin('templates as t', 't.id', 'd.template_id')
    .innerJoin('enrollments as e', 'e.id', 's.enrollment_id')
    .leftJoin('cadence_steps as cs', (j) => j.onRef('cs.cadence_id', '=', 'e.cadence_id').onRef('cs.position', '=', 's.step'))
    .leftJoin('drafts as d1', (j) => j.onRef('d1.enrollment_id', '=', 's.enrollment_id').onRef('d1.step', '=', 's.step').on('d1.kind', '=', 'step').on('d1.version', '=', 1))
    .select([
      's.id',
      's.enrollment_id',
      's.step',
      's.bounce_kind',
      's.complained_at',
      'e.cadence_id',
      't.id as template_id',
      't.name as template_name',
      't.version as template_version',
      'cs.kind as step_kind',
      // Automatic: the gate let the step through, so no rep was ever asked about it.
      sql<boolean>`exists (select 1 from approval_requests ar where ar.enrollment_id = s.enrollment_id and ar.step = s.step and ar.kind = 'step')`.as('gated'),
      'd1.drafter',
    ])
    .where('s.status', 'in', ['sent', 'unconfirmed'])
    .where('d.kind', '=', 'step')
    .where(sentAt, '>=', window.from)
    .where(sentAt, '<', window.to)
    .execute();
  const touchOfSend = new Map<string, Touch>();
  for (const row of sends) {
    const b = bucket({ id: row.template_id, name: row.template_name, version: row.template_version }, row.step_kind, row.drafter);
    const key = `${row.enrollment_id}:${row.step}`;
    let touch = b.touches.get(key);
    if (!touch) b.touches.set(key, (touch = { cadenceId: row.cadence_id, templateId: row.template_id, gated: row.gated, intents: [], negative: false, hardBounce: false, unsubscribe: false, complaint: false }));
    if (row.bounce_kind === 'hard') touch.hardBounce = true;
    if (row.complained_at) touch.complaint = true;
    touchOfSend.set(row.id, touch);
  }

  if (touchOfSend.size > 0) {
    const replies = await sql<{ send_id: string; intent: string | null; sentiment: string | null }>`
      select x.id as send_id, r.intent, r.sentiment
      from replies r
      cross join lateral (
        select s.id from sends s
        where s.enrollment_id = r.enrollment_id and s.status in ('sent', 'unconfirmed')
          and coalesce(s.sent_at, s.handed_off_at, s.created_at) <= r.received_at
        order by (s.message_id = r.in_reply_to) desc nulls last, coalesce(s.sent_at, s.handed_off_at, s.created_at) desc
        limit 1
      ) x
      where r.enrollment_id is not null and r.received_at >= ${window.from}`.execute(db);
    for (const reply of replies.rows) {
      const touch = touchOfSend.get(reply.send_id);
      if (!touch) continue;
      touch.intents.push(reply.intent ?? 'unclassified');
      if (isNegativeReply(reply.intent, reply.sentiment)) touch.negative = true;
      if (reply.intent === 'bounce_hard') touch.hardBounce = true;
      if (reply.intent === 'unsubscribe') touch.unsubscribe = true;
    }
    // The one-click link suppresses the address without a reply: it counts against the latest send before it.
    const unsubscribed = await sql<{ send_id: string }>`
      select x.id as send_id
      from suppressions su
      cross join lateral (
        select s.id from sends s
        where lower(s.recipient) = su.value and s.status in ('sent', 'unconfirmed')
          and coalesce(s.sent_at, s.handed_off_at, s.created_at) <= su.created_at
        order by coalesce(s.sent_at, s.handed_off_at, s.created_at) desc
        limit 1
      ) x
      where su.kind = 'address' and su.reason = 'unsubscribed' and su.created_at >= ${window.from}`.execute(db);
    for (const row of unsubscribed.rows) {
      const touch = touchOfSend.get(row.send_id);
      if (touch) touch.unsubscribe = true;
    }
  }

  // Every touch by cadence, for comparing a template with the other templates of the cadences it sent in.
  const touchesByCadence = new Map<string, Touch[]>();
  for (const b of buckets.values()) {
    for (const t of b.touches.values()) {
      const list = touchesByCadence.get(t.cadenceId) ?? [];
      list.push(t);
      touchesByCadence.set(t.cadenceId, list);
    }
  }
  const baselineOf = (b: Bucket) => {
    const cadences = new Set([...b.touches.values()].map((t) => t.cadenceId));
    return sendOutcomes([...cadences].flatMap((c) => (touchesByCadence.get(c) ?? []).filter((t) => t.templateId !== b.template.id)));
  };

  return [...buckets.values()]
    .map((b) => ({
      template: b.template,
      stepKind: b.stepKind,
      drafter: b.drafter,
      review: reviewStats(b.decisions),
      decisions: b.decisions.map(({ actorId, action, decidedAt, viewedAt, words }) => ({ actorId, action, decidedAt, viewedAt, words })),
      gateRequests: b.gateRequests,
      gatedSends: sendOutcomes([...b.touches.values()].filter((t) => t.gated)),
      automaticSends: sendOutcomes([...b.touches.values()].filter((t) => !t.gated)),
      allSends: sendOutcomes([...b.touches.values()]),
      cadenceBaseline: baselineOf(b),
    }))
    .sort((a, b) => a.template.name.localeCompare(b.template.name) || a.template.version - b.template.version || a.stepKind.localeCompare(b.stepKind));
}

function countBy(values: string[]): Array<{ key: string; count: number }> {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

function reviewStats(decisions: Bucket['decisions']): ReviewStats {
  const approvedUnchanged = decisions.filter((d) => d.action === 'approve').length;
  const edited = decisions.filter((d) => d.action === 'edit').length;
  const rejected = decisions.filter((d) => d.action === 'reject').length;
  const decided = decisions.length;
  return {
    decided,
    approvedUnchanged,
    edited,
    rejected,
    unchangedRate: rate(approvedUnchanged, decided),
    editRate: rate(edited, decided),
    rejectRate: rate(rejected, decided),
    medianEditDistance: median(decisions.flatMap((d) => (d.editDistance === null ? [] : [d.editDistance]))),
    medianReviewSeconds: median(decisions.flatMap((d) => (d.viewedAt === null ? [] : [Math.max(0, (d.decidedAt.getTime() - d.viewedAt.getTime()) / 1000)]))),
    notViewed: decisions.filter((d) => d.viewedAt === null).length,
    rejectReasons: countBy(decisions.filter((d) => d.action === 'reject').map((d) => d.reason?.trim() || '(no reason given)')).map(({ key, count }) => ({ reason: key, count })),
    gatedBy: countBy(decisions.flatMap((d) => d.rules)).map(({ key, count }) => ({ rule: key, count })),
  };
}

function sendOutcomes(touches: Touch[]): SendOutcomes {
  const repliesByIntent: Record<string, number> = {};
  for (const { key, count } of countBy(touches.flatMap((t) => t.intents))) repliesByIntent[key] = count;
  const withException = touches.filter((t) => t.negative || t.hardBounce || t.unsubscribe || t.complaint).length;
  const negativeReplies = touches.filter((t) => t.negative).length;
  const hardBounces = touches.filter((t) => t.hardBounce).length;
  const unsubscribes = touches.filter((t) => t.unsubscribe).length;
  const complaints = touches.filter((t) => t.complaint).length;
  const sends = touches.length;
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
