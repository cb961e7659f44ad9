import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { builtInDrafter } from '../../activities/drafter';
import { boundarySettingsFromEnv } from '../../api/routes/boundary-report';
import { boundaryReport } from '../../api/schemas';
import { createDb, type Db } from '../../db/connect';
import { contentHash } from '../../db/content-hash';
import { recordAudit } from '../../db/repositories/audit';
import { policySource } from '../../db/repositories/policy-versions';
import { templateLearning } from '../../db/repositories/learning';
import { REVIEW_TIME_MEASURE, reviewerFigures, theaterFlags } from '../../db/repositories/review-metrics';
import type { StepKind } from '../../db/types';
import { ensureBoundaryReviewSchedule } from '../../workers/schedules';
import { decideGate, GRADUATED_CONFIDENCE_FLOOR, type GatePolicy } from '../../workflows/policy';
import { runCadenceCli } from '../helpers/cli';
import { decisionSamples } from '../helpers/decisions';
import { eventually } from '../helpers/harness';
import { createProspect, createUser, goodTemplate, type TestUser } from '../helpers/seed';
import { startStack, type Stack } from '../helpers/stack';

// The learning loop on a generated history with known rates: approval_requests, decisions, edits, sends,
// replies and suppressions written as the cadence writes them, with known counts and timings. The report
// (API and CLI), accepting its recommendations (new policy versions, recorded with who), promoting an edit
// to a template version, the confidence a template's history costs its new drafts, and the scheduled review.

let stack: Stack;
let db: Db;
let admin: TestUser;
const settings = boundarySettingsFromEnv();
// The stack's worker reads the policy in force as production does: the configuration with the newest version over it.
let workerPolicy: () => Promise<GatePolicy> = async () => settings.basePolicy;
const suffix = randomUUID().slice(0, 6);
const DAY = 86_400_000;
const now = Date.now();
const at = (msAgo: number) => new Date(now - msAgo);
// The production worker (send-crash.test.ts runs it) keeps `boundary-review` up to date on the same dev server: this file's Schedule has its own ID.
const scheduleId = `boundary-review-test-${suffix}`;

interface Generated {
  templateId: string;
  cadenceId: string;
  position: number;
}

/** A template on step 1 of a new cadence, or (with `inCadence`) on that cadence's next step. */
async function generatedTemplate(label: string, kind: StepKind = 'email', inCadence?: Generated): Promise<Generated> {
  const templateId = `${label}-${suffix}`;
  const cadenceId = inCadence?.cadenceId ?? `cadence-${label}-${suffix}`;
  await db.insertInto('templates').values({ id: templateId, name: templateId, version: 1, subject: goodTemplate.subject, body: goodTemplate.body, approved: true }).execute();
  if (!inCadence) await db.insertInto('cadences').values({ id: cadenceId, name: `Generated ${label}` }).execute();
  const position = inCadence ? inCadence.position + 1 : 1;
  await db.insertInto('cadence_steps').values({ cadence_id: cadenceId, position, kind, delay_seconds: 0, template_id: templateId }).execute();
  return { templateId, cadenceId, position };
}

/** One prospect's step 1 from the template: the machine's draft, the gate's decision, and what a rep did. */
async function step(
  g: Generated,
  spec: {
    gated: boolean;
    decidedAgoMs: number;
    reviewSeconds?: number;
    action?: 'approve' | 'edit' | 'reject';
    append?: string;
    reason?: string;
    reply?: { intent: string; sentiment: string };
    hardBounce?: boolean;
    unsubscribedLink?: boolean;
    /** A model's name when a model drafted the step ('template' otherwise). */
    drafter?: string;
    /** Seconds from the decider's first view to the decision (default: reviewSeconds, viewed as it was queued); null: never viewed. */
    viewedSeconds?: number | null;
    /** Who decided (default the stack's rep). */
    actor?: TestUser;
    /** The gate rules (default low-confidence when gated). */
    rules?: string[];
    /** False: approved, but nothing went out (yet). */
    sent?: boolean;
    /** The draft's confidence (default 0.8 when gated, 1 when not). */
    confidence?: number;
  },
) {
  const step = g.position;
  const { prospectId, email, accountId } = await createProspect(db);
  const account = await db.selectFrom('accounts').select('name').where('id', '=', accountId).executeTakeFirstOrThrow();
  const enrollmentId = randomUUID();
  await db
    .insertInto('enrollments')
    .values({ id: enrollmentId, workflow_id: `cadence-${prospectId}`, prospect_id: prospectId, cadence_id: g.cadenceId, owner_id: stack.team.rep.id, status: 'completed', current_step: step })
    .execute();
  const fields = { firstName: 'Pat', company: account.name, industry: 'logistics', title: 'VP Sales', senderName: stack.team.rep.name };
  const content = await builtInDrafter.draft({ id: g.templateId, name: g.templateId, version: 1, ...goodTemplate }, { fields, sources: {} });
  const decidedAt = at(spec.decidedAgoMs);
  const requestedAt = new Date(decidedAt.getTime() - (spec.reviewSeconds ?? 0) * 1000);
  const draftId = randomUUID();
  await db
    .insertInto('drafts')
    .values({
      id: draftId,
      enrollment_id: enrollmentId,
      step,
      version: 1,
      author: `component:drafter:${spec.drafter ?? 'builtin'}`,
      subject: content.subject,
      body: content.body,
      content_hash: contentHash(content),
      drafter: spec.drafter ?? 'template',
      template_id: g.templateId,
      template_version: 1,
      enrichment: JSON.stringify(fields),
      confidence: spec.confidence ?? (spec.gated ? 0.8 : 1),
      created_at: requestedAt,
    })
    .execute();
  const rules = spec.gated ? (spec.rules ?? ['low-confidence']).map((rule) => ({ rule, detail: rule === 'low-confidence' ? 'confidence 0.80 is below the threshold 0.85' : `gated by ${rule}` })) : [];
  await recordAudit(db, {
    key: `${enrollmentId}:${step}:gate.decided`,
    occurredAt: requestedAt,
    actor: 'component:gate-policy',
    action: 'gate.decided',
    prospectId,
    enrollmentId,
    step,
    contentHash: contentHash(content),
    details: { draftId, gated: spec.gated, rules, policyVersion: settings.basePolicy.version },
  });
  let sent: { id: string; subject: string; body: string; version: number } | null = { id: draftId, ...content, version: 1 };
  if (spec.gated) {
    const action = spec.action ?? 'approve';
    const approvalId = randomUUID();
    await db
      .insertInto('approval_requests')
      .values({
        id: approvalId,
        enrollment_id: enrollmentId,
        workflow_id: `cadence-${prospectId}`,
        prospect_id: prospectId,
        owner_id: stack.team.rep.id,
        step,
        draft_id: draftId,
        draft_version: 1,
        status: action === 'approve' ? 'approved' : action === 'edit' ? 'edited' : 'rejected',
        gate_rules: JSON.stringify(rules),
        policy_version: settings.basePolicy.version,
        context: JSON.stringify({}),
        created_at: requestedAt,
        resolved_at: decidedAt,
      })
      .execute();
    if (action === 'edit') {
      const edited = { subject: content.subject, body: `${content.body}${spec.append}` };
      sent = { id: `${draftId}:v2`, ...edited, version: 2 };
      await db
        .insertInto('drafts')
        .values({ id: sent.id, enrollment_id: enrollmentId, step, version: 2, author: `user:${stack.team.rep.id}`, ...edited, content_hash: contentHash(edited), template_id: g.templateId, template_version: 1, created_at: decidedAt })
        .execute();
    }
    if (action === 'reject') sent = null;
    await db
      .insertInto('approval_decisions')
      .values({
        id: randomUUID(),
        approval_request_id: approvalId,
        actor_id: (spec.actor ?? stack.team.rep).id,
        action,
        reject_mode: action === 'reject' ? 'skip-step' : null,
        reason: spec.reason ?? null,
        draft_version: 1,
        content_hash: sent ? contentHash(sent) : null,
        decided_at: decidedAt,
        first_viewed_at: spec.viewedSeconds === null ? null : new Date(decidedAt.getTime() - (spec.viewedSeconds ?? spec.reviewSeconds ?? 0) * 1000),
      })
      .execute();
  }
  if (spec.sent === false) sent = null;
  if (!sent) return { enrollmentId, prospectId, draftId, sentDraftId: null };
  const messageId = `<${enrollmentId}.step-${step}.v${sent.version}@cadence.test>`;
  const sentAt = new Date(decidedAt.getTime() + 60_000);
  await db
    .insertInto('sends')
    .values({
      id: randomUUID(),
      idempotency_key: `${enrollmentId}.step-${step}.v${sent.version}`,
      message_id: messageId,
      enrollment_id: enrollmentId,
      prospect_id: prospectId,
      step,
      draft_id: sent.id,
      draft_version: sent.version,
      mailbox: stack.team.rep.email,
      recipient: email,
      recipient_domain: email.split('@')[1]!,
      subject: sent.subject,
      body: sent.body,
      content_hash: contentHash(sent),
      status: 'sent',
      created_at: sentAt,
      sent_at: sentAt,
      bounce_kind: spec.hardBounce ? 'hard' : null,
      bounced_at: spec.hardBounce ? new Date(sentAt.getTime() + 60_000) : null,
    })
    .execute();
  if (spec.reply) {
    await db
      .insertInto('replies')
      .values({
        id: randomUUID(),
        message_id: `<reply-${randomUUID()}@prospect.test>`,
        prospect_id: prospectId,
        enrollment_id: enrollmentId,
        matched_by: 'in-reply-to',
        from_address: email,
        body: 'Please stop.',
        in_reply_to: messageId,
        received_at: new Date(sentAt.getTime() + 3_600_000),
        intent: spec.reply.intent,
        sentiment: spec.reply.sentiment,
      })
      .execute();
  }
  if (spec.unsubscribedLink) {
    await db
      .insertInto('suppressions')
      .values({ id: randomUUID(), kind: 'address', value: email.toLowerCase(), reason: 'unsubscribed', source: 'unsubscribe-link', created_at: new Date(sentAt.getTime() + 7_200_000) })
      .execute();
  }
  return { enrollmentId, prospectId, draftId, sentDraftId: sent.id };
}

let A: Generated; // gated: 25 decisions, 24 approved unchanged → graduate
let B: Generated; // gated: 25 decisions, 15 unchanged, 8 edited, 2 rejected → keep
let C: Generated; // automatic: 40 sends, 3 negative replies + 1 hard bounce → exception rate 0.10 → gate
let D: Generated; // automatic: 40 sends, 1 one-click unsubscribe, 1 interested reply → 0.025 → keep
let E: Generated; // gated: 10 decisions, 7 rewritten or rejected: its new drafts score lower
let R: Generated; // gated: 30 approvals unchanged by a rubber stamp (10 never viewed, 15 in a second, 5 slow): no trusted evidence
let F: Generated; // gated: 25 careful approvals, sent, but gated only by first-touch and strategic-account: nothing to change
let N: Generated; // gated: 25 careful approvals, nothing sent yet: no outcome backs it
let W: Generated; // gated: 50 careful approvals, 2 negative replies (4%): within the limit, but its cadence's other template has none
let V: Generated; // automatic, in W's cadence: 50 sends, no negative reply
let stamp: TestUser;
let bEdit: { sentDraftId: string | null; draftId: string };
let report: any;

beforeAll(async () => {
  stack = await startStack({ policy: () => workerPolicy() });
  db = stack.database.db;
  workerPolicy = policySource(db, settings.basePolicy, { cacheMs: 0 });
  admin = await createUser(db, 'admin', 'Ada Admin');

  A = await generatedTemplate('graduate-me');
  for (let i = 0; i < 25; i++) {
    await step(A, { gated: true, decidedAgoMs: (i + 1) * 3_600_000, reviewSeconds: 300 + i * 10, ...(i === 7 ? { action: 'reject', reason: 'wrong persona' } : {}) });
  }
  B = await generatedTemplate('keep-gated');
  for (let i = 0; i < 25; i++) {
    const spec =
      i < 15
        ? {}
        : i < 23
          ? { action: 'edit' as const, append: ` ${'y'.repeat(i - 14)}` } // edit distances 2..9: median 5.5
          : { action: 'reject' as const, reason: 'too pushy' };
    const made = await step(B, { gated: true, decidedAgoMs: (i + 1) * 3_600_000, reviewSeconds: 60, ...spec });
    if (i === 15) bEdit = made;
  }
  C = await generatedTemplate('gate-me');
  for (let i = 0; i < 40; i++) {
    await step(C, {
      gated: false,
      decidedAgoMs: (i + 1) * 3_600_000,
      ...(i < 3 ? { reply: { intent: 'not_interested', sentiment: 'negative' } } : {}),
      ...(i === 3 ? { hardBounce: true } : {}),
      // An out-of-office is no exception.
      ...(i === 4 ? { reply: { intent: 'out_of_office', sentiment: 'neutral' } } : {}),
    });
  }
  D = await generatedTemplate('keep-automatic');
  for (let i = 0; i < 40; i++) {
    await step(D, { gated: false, decidedAgoMs: (i + 1) * 3_600_000, ...(i === 0 ? { unsubscribedLink: true } : {}), ...(i === 1 ? { reply: { intent: 'interested', sentiment: 'positive' } } : {}) });
  }
  E = await generatedTemplate('often-rewritten');
  for (let i = 0; i < 10; i++) {
    await step(E, { gated: true, decidedAgoMs: (i + 1) * 3_600_000, reviewSeconds: 120, ...(i < 5 ? { action: 'edit', append: ' zz' } : i < 7 ? { action: 'reject', reason: 'off tone' } : {}) });
  }
  stamp = await createUser(db, 'rep', 'Sam Stamp', stack.team.manager.id);
  R = await generatedTemplate('rubber-stamped');
  for (let i = 0; i < 30; i++) {
    await step(R, { gated: true, decidedAgoMs: (i + 1) * 600_000, reviewSeconds: 900, actor: stamp, viewedSeconds: i < 10 ? null : i < 25 ? 1 : 120 });
  }
  // Careful reviewers who each approve fewer than 20 in a row (the theater flag's unchanged run), so their decisions count.
  const careful: TestUser[] = [];
  for (let i = 0; i < 7; i++) careful.push(await createUser(db, 'rep', `Careful Reviewer ${i + 1}`, stack.team.manager.id));
  F = await generatedTemplate('first-touch-only');
  for (let i = 0; i < 25; i++) {
    await step(F, { gated: true, decidedAgoMs: (i + 1) * 3_600_000, reviewSeconds: 300, actor: careful[i % 2]!, rules: i < 20 ? ['first-touch'] : ['low-confidence', 'strategic-account'] });
  }
  N = await generatedTemplate('not-sent-yet');
  for (let i = 0; i < 25; i++) await step(N, { gated: true, decidedAgoMs: (i + 1) * 3_600_000, reviewSeconds: 300, actor: careful[2 + (i % 2)]!, sent: false });
  W = await generatedTemplate('worse-than-its-cadence');
  V = await generatedTemplate('rest-of-the-cadence', 'email', W);
  for (let i = 0; i < 50; i++) {
    await step(W, { gated: true, decidedAgoMs: (i + 1) * 1_800_000, reviewSeconds: 300, actor: careful[4 + (i % 3)]!, ...(i < 2 ? { reply: { intent: 'not_interested', sentiment: 'negative' } } : {}) });
    await step(V, { gated: false, decidedAgoMs: (i + 1) * 1_800_000 });
  }
  // Outside the window (BOUNDARY_WINDOW, 90 days): counts for nothing.
  for (let i = 0; i < 5; i++) await step(A, { gated: true, decidedAgoMs: 120 * DAY, reviewSeconds: 10, action: 'reject', reason: 'ancient history' });
});

afterAll(async () => {
  await stack?.client.schedule.getHandle(scheduleId).delete().catch(() => undefined);
  await stack?.stop();
});

const manager = () => stack.team.manager.token;
const gatedEntry = (r: any, g: Generated) => r.gated.find((e: any) => e.template.id === g.templateId);
const automaticEntry = (r: any, g: Generated) => r.automatic.find((e: any) => e.template.id === g.templateId);

test('the boundary report recommends graduating a template on viewed, unhurried approvals (24 of 25 unchanged) with clean outcomes, and says what it would change', async () => {
  const res = await stack.api('GET', '/v1/boundary-report', { token: manager() });
  expect(res.status).toBe(200);
  expect(() => boundaryReport.parse(res.body)).not.toThrow();
  report = res.body;
  expect(report.policyVersion).toBe(settings.basePolicy.version);
  expect(report.reviewTime).toBe(REVIEW_TIME_MEASURE);
  expect(report.thresholds).toEqual({
    minSample: 20,
    unchangedRate: 0.9,
    minWouldChangeShare: 0.25,
    minSends: 20,
    maxRates: { hardBounce: 0.03, complaint: 0.003, unsubscribe: 0.03, negativeReply: 0.05 },
    maxRatioToCadence: 1.5,
    review: { readWordsPerMinute: 400, readMinSeconds: 3, minDecisions: 5, fastApprovalShare: 0.2, unchangedRun: 20 },
  });
  const a = gatedEntry(report, A);
  expect(a).toMatchObject({
    template: { id: A.templateId, name: A.templateId, version: 1 },
    stepKind: 'email',
    sample: 25,
    unchangedRate: 0.96,
    medianReviewSeconds: 420,
    review: { decided: 25, approvedUnchanged: 24, edited: 0, rejected: 1, notViewed: 0, rejectRate: 0.04, rejectReasons: [{ reason: 'wrong persona', count: 1 }], gatedBy: [{ rule: 'low-confidence', count: 25 }] },
    outcomes: { sends: 24, delivered: 24, withException: 0, rates: { hardBounce: 0, complaint: 0, unsubscribe: 0, negativeReply: 0 } },
    recommendation: {
      id: `graduate:${A.templateId}@${settings.basePolicy.version}`,
      action: 'graduate',
      override: 'automatic',
      evidence: {
        decided: 25,
        discounted: { total: 0, notViewed: 0, fastApproval: 0, flaggedReviewer: 0, reviewers: [] },
        sample: 25,
        minSample: 20,
        approvedUnchanged: 24,
        unchangedRate: 0.96,
        minUnchangedRate: 0.9,
        medianReviewSeconds: 420,
        gatedDrafts: 25,
        wouldChange: 25,
        wouldChangeShare: 1,
        stayingRules: [],
        deliveredSends: 24,
        minSends: 20,
      },
    },
  });
  expect(a.recommendation.evidence.conditions.every((c: any) => c.met)).toBe(true);
  expect(a.recommendation.summary).toContain('25 trusted decisions of 25; at least 20 are needed; 24 of 25 trusted decisions approved unchanged (96%), at least 90%');
  expect(a.recommendation.summary).toContain('graduating would have let 25 of the 25 drafts the gate sent to a rep in the window go out without one (100%');
  expect(a.recommendation.summary).toContain('24 delivered sends in the window');
  expect(a.recommendation.summary).toContain('median review 7m 0s from first view');
});

test('rubber-stamped approvals are not evidence: never viewed, faster than a read, or by a reviewer flagged for theater, each discounted and counted by why', async () => {
  const r = gatedEntry(report, R);
  expect(r).toMatchObject({
    sample: 0,
    unchangedRate: null,
    review: { decided: 30, approvedUnchanged: 30, notViewed: 10 },
    outcomes: { sends: 30, delivered: 30, withException: 0 },
    recommendation: {
      action: 'keep',
      id: null,
      evidence: {
        decided: 30,
        sample: 0,
        discounted: { total: 30, notViewed: 10, fastApproval: 15, flaggedReviewer: 5, reviewers: [{ reviewerId: stamp.id, flags: ['fast-approvals', 'unchanged-run'] }] },
        wouldChange: 30,
        deliveredSends: 30,
      },
    },
  });
  expect(r.recommendation.summary).toBe(
    'keep gated: 0 trusted decisions of 30 (30 discounted: 10 not viewed, 15 approved faster than a plausible read, 5 by a reviewer flagged for approval theater (fast-approvals, unchanged-run)); at least 20 are needed; ' +
      '0 of 0 trusted decisions approved unchanged (n/a), below 90%',
  );
  // The review metrics flag the same reviewer on the same decisions: 25 fast approvals, 10 of them never viewed.
  const metrics = await stack.api('GET', '/v1/review-metrics', { token: manager() });
  const stamped = metrics.body.reviewers.find((x: any) => x.reviewerId === stamp.id);
  expect(stamped).toMatchObject({ decisions: 30, notViewed: 10, fastApprovals: 25 });
  expect(stamped.flags.map((f: any) => f.code)).toEqual(['fast-approvals', 'unchanged-run']);
  expect(metrics.body.reviewTime).toBe(report.reviewTime);
});

test('a recommendation must change something: a template gated only by first-touch and strategic-account stays gated, saying so', () => {
  const f = gatedEntry(report, F);
  expect(f.recommendation).toMatchObject({
    action: 'keep',
    evidence: { sample: 25, approvedUnchanged: 25, gatedDrafts: 25, wouldChange: 0, wouldChangeShare: 0, stayingRules: [{ rule: 'first-touch', count: 20 }, { rule: 'strategic-account', count: 5 }], deliveredSends: 25 },
  });
  expect(f.recommendation.summary).toBe(
    'keep gated: graduating would have let 0 of the 25 drafts the gate sent to a rep in the window go out without one (0%; at least 25% are needed); the others were gated by rules that stay: first-touch 20, strategic-account 5',
  );
});

test('outcomes must back it: careful approvals with nothing sent yet, or a negative-reply rate well above the rest of its cadence, stay gated', () => {
  const n = gatedEntry(report, N);
  expect(n.recommendation).toMatchObject({ action: 'keep', evidence: { sample: 25, approvedUnchanged: 25, wouldChange: 25, deliveredSends: 0 } });
  expect(n.recommendation.summary).toBe('keep gated: 0 delivered sends in the window; at least 20 are needed to judge outcomes');

  const w = gatedEntry(report, W);
  const negative = w.recommendation.evidence.rates.find((x: any) => x.rate === 'negativeReply');
  expect(negative).toEqual({ rate: 'negativeReply', count: 2, value: 0.04, limit: 0.05, cadenceValue: 0, cadenceSends: 50, over: 'cadence' });
  expect(w.recommendation.summary).toBe("keep gated: outcomes over the limits: 2 negative replies of 50 (4%, more than 1.5x the cadence's other templates (0% of 50))");
  // The rest of the cadence is judged against W's sends, and is fine.
  const v = automaticEntry(report, V);
  expect(v.recommendation.action).toBe('keep');
  expect(v.recommendation.evidence.rates.find((x: any) => x.rate === 'negativeReply')).toMatchObject({ count: 0, cadenceValue: 0.04, cadenceSends: 50, over: null });
});

test('a template reps keep rewriting stays gated, with why and what they did to it', () => {
  const b = gatedEntry(report, B);
  expect(b).toMatchObject({
    sample: 25,
    unchangedRate: 0.6,
    medianReviewSeconds: 60,
    review: { approvedUnchanged: 15, edited: 8, rejected: 2, editRate: 0.32, rejectRate: 0.08, medianEditDistance: 5.5, rejectReasons: [{ reason: 'too pushy', count: 2 }] },
    outcomes: { sends: 23 },
    recommendation: { id: null, action: 'keep', override: null, evidence: { sample: 25, approvedUnchanged: 15, unchangedRate: 0.6 } },
  });
  expect(b.recommendation.summary).toBe('keep gated: 15 of 25 trusted decisions approved unchanged (60%), below 90%');
  expect(gatedEntry(report, E).recommendation.summary).toBe(
    'keep gated: 10 trusted decisions of 10; at least 20 are needed; 3 of 10 trusted decisions approved unchanged (30%), below 90%; 8 delivered sends in the window; at least 20 are needed to judge outcomes',
  );
});

test('an automatic template whose negative replies pass their limit is recommended back behind a gate; one within every limit stays automatic', () => {
  const c = automaticEntry(report, C);
  expect(c).toMatchObject({
    stepKind: 'email',
    sends: 40,
    exceptionRate: 0.1,
    exceptions: { negativeReplies: 3, hardBounces: 1, unsubscribes: 0, complaints: 0, total: 4 },
    outcomes: { repliesByIntent: { not_interested: 3, out_of_office: 1 } },
    recommendation: {
      id: `gate:${C.templateId}@${settings.basePolicy.version}`,
      action: 'gate',
      override: 'gated',
      evidence: { sends: 40, negativeReplies: 3, hardBounces: 1, withException: 4, exceptionRate: 0.1 },
    },
  });
  expect(c.recommendation.evidence.rates.filter((x: any) => x.over).map((x: any) => [x.rate, x.over])).toEqual([['negativeReply', 'limit']]);
  expect(c.recommendation.summary).toBe('put back behind a gate: of 40 automatic sends, 3 negative replies of 40 (7.5%, above the limit 5%)');
  const d = automaticEntry(report, D);
  expect(d).toMatchObject({ sends: 40, exceptionRate: 0.025, exceptions: { unsubscribes: 1, total: 1 }, outcomes: { repliesByIntent: { interested: 1 } }, recommendation: { action: 'keep', id: null } });
  expect(d.recommendation.summary).toContain('keep automatic: of 40 automatic sends, 0 hard bounces of 40 (0%, limit 3%); 0 complaints of 40 (0%, limit 0.3%); 1 unsubscribe of 40 (2.5%, limit 3%)');
  expect([...report.recommendations].sort()).toEqual([gatedEntry(report, A).recommendation.id, c.recommendation.id].sort());
  expect(report.summary).toBe('1 template ready to graduate, 1 to put back behind a gate');
  // Each template appears only where it has evidence.
  expect(automaticEntry(report, A)).toBeUndefined();
  expect(gatedEntry(report, C)).toBeUndefined();
});

test('`cadence boundary-report` prints the same report, as text and as JSON', async () => {
  const env = { DATABASE_URL: stack.database.url };
  const json = await runCadenceCli(['boundary-report', '--json'], env);
  expect(json.stderr).toBe('');
  expect(json.code).toBe(0);
  const fromCli = JSON.parse(json.stdout);
  const { generatedAt: _g, window: _w, ...same } = report;
  expect(fromCli).toMatchObject(same);
  expect(fromCli.gated).toEqual(report.gated);
  expect(fromCli.automatic).toEqual(report.automatic);

  const text = await runCadenceCli(['boundary-report'], env);
  expect(text.code).toBe(0);
  expect(text.stdout).toContain(`boundary report for policy ${settings.basePolicy.version}`);
  expect(text.stdout).toContain(`GRADUATE [graduate:${A.templateId}@${settings.basePolicy.version}]`);
  expect(text.stdout).toContain(`GATE [gate:${C.templateId}@${settings.basePolicy.version}]`);
  expect(text.stdout).toContain('reject reasons: too pushy (2)');
  expect(text.stdout.trimEnd().split('\n').at(-1)).toBe('1 template ready to graduate, 1 to put back behind a gate');

  const bad = await runCadenceCli(['boundary-report', '--yaml'], env);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain("Unknown option '--yaml'");
});

test('the scheduled review produces the report and notifies every manager and admin with a one-line summary', async () => {
  const options = { taskQueue: stack.taskQueue, everyMs: 7 * DAY, scheduleId };
  expect(await ensureBoundaryReviewSchedule(stack.client, options)).toBe('created');
  expect(await ensureBoundaryReviewSchedule(stack.client, options)).toBe('updated');
  const schedule = stack.client.schedule.getHandle(scheduleId);
  const described = await schedule.describe();
  expect(described.spec.intervals?.[0]?.every).toBe(7 * DAY);
  await schedule.trigger();
  const notes = await eventually(async () => {
    const rows = await db.selectFrom('notifications').select(['user_id', 'message']).where('kind', '=', 'boundary-report').orderBy('user_id').execute();
    return rows.length >= 2 ? rows : null;
  }, 'the boundary-report notifications', 30_000);
  expect(notes.map((n) => n.user_id).sort()).toEqual([admin.id, stack.team.manager.id].sort());
  for (const n of notes) {
    expect(n.message).toContain(`policy ${settings.basePolicy.version}`);
    expect(n.message).toContain('1 template ready to graduate, 1 to put back behind a gate');
  }
  const audit = await db.selectFrom('audit_events').select(['actor', 'details']).where('action', '=', 'boundary-report.reviewed').executeTakeFirstOrThrow();
  expect(audit).toMatchObject({ actor: 'component:boundary-review', details: { summary: '1 template ready to graduate, 1 to put back behind a gate' } });
});

test('only managers and admins read the report and accept; a malformed or stale recommendation id is refused, naming it', async () => {
  expect((await stack.api('GET', '/v1/boundary-report')).status).toBe(403);
  expect((await stack.api('POST', '/v1/boundary-report/accept', { body: { recommendationId: report.recommendations[0] } })).status).toBe(403);
  const malformed = await stack.api('POST', '/v1/boundary-report/accept', { token: manager(), body: { recommendationId: 'promote everything' } });
  expect(malformed.status).toBe(400);
  expect(malformed.body.message).toContain('body.recommendationId');
  const missing = await stack.api('POST', '/v1/boundary-report/accept', { token: manager(), body: {} });
  expect(missing.body.message).toBe('body.recommendationId: is required: the id of a recommendation in the current boundary report');
  const notOne = await stack.api('POST', '/v1/boundary-report/accept', { token: manager(), body: { recommendationId: `graduate:${B.templateId}@${report.policyVersion}` } });
  expect(notOne).toMatchObject({ status: 409, body: { error: 'recommendation-not-current', current: expect.arrayContaining(report.recommendations) } });
  expect(await db.selectFrom('gate_policy_versions').selectAll().execute()).toEqual([]);
});

test('accepting a recommendation makes a new policy version, recorded with who accepted it and the evidence', async () => {
  const graduate = gatedEntry(report, A).recommendation.id;
  // The manager and an admin accept it at once, twice each: one version is made, and the others are told who made it.
  const answers = await Promise.all(
    [manager(), admin.token, manager(), admin.token].map((token) => stack.api('POST', '/v1/boundary-report/accept', { token, body: { recommendationId: graduate } })),
  );
  expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 201]);
  const res = answers.find((a) => a.status === 201)!;
  const acceptedBy = res.body.acceptedBy;
  expect([stack.team.manager.id, admin.id]).toContain(acceptedBy);
  for (const a of answers) {
    expect(a.body).toMatchObject({ duplicate: a.status === 200, acceptedBy, acceptedAt: res.body.acceptedAt, policy: { version: 'v1' }, accepted: { id: graduate, override: 'automatic' } });
  }
  expect(res.body).toMatchObject({
    policy: { version: 'v1', basedOn: settings.basePolicy.version, createdBy: `user:${acceptedBy}`, templateOverrides: { [A.templateId]: 'automatic' } },
    accepted: { id: graduate, action: 'graduate', override: 'automatic', template: { id: A.templateId }, evidence: { sample: 25, unchangedRate: 0.96, medianReviewSeconds: 420 } },
  });
  const row = await db.selectFrom('gate_policy_versions').selectAll().executeTakeFirstOrThrow();
  expect(row).toMatchObject({ version: 'v1', seq: 1, based_on: settings.basePolicy.version, created_by: `user:${acceptedBy}` });
  expect(row.policy).toMatchObject({ version: 'v1', confidenceThreshold: settings.basePolicy.confidenceThreshold, templateOverrides: { [A.templateId]: 'automatic' } });
  expect(row.change).toMatchObject({ templateOverrides: { [A.templateId]: 'automatic' }, recommendation: { id: graduate, evidence: { sample: 25 } } });
  const audit = await db.selectFrom('audit_events').selectAll().where('action', '=', 'policy.changed').execute();
  expect(audit).toHaveLength(1);
  expect(audit[0]).toMatchObject({ actor: `user:${acceptedBy}`, details: { version: 'v1', basedOn: settings.basePolicy.version, change: { recommendation: { id: graduate } } } });

  // The report is now made against v1: the graduated template left the gated list, and every id moved on.
  const after = (await stack.api('GET', '/v1/boundary-report', { token: admin.token })).body;
  expect(after).toMatchObject({ policyVersion: 'v1', templateOverrides: { [A.templateId]: 'automatic' }, summary: '0 templates ready to graduate, 1 to put back behind a gate' });
  expect(gatedEntry(after, A)).toBeUndefined();
  expect(after.recommendations).toEqual([`gate:${C.templateId}@v1`]);
  expect(await workerPolicy()).toMatchObject({ version: 'v1', templateOverrides: { [A.templateId]: 'automatic' } });

  // Accepting again is answered as a duplicate; accepting evidence about the policy that was replaced is refused.
  const again = await stack.api('POST', '/v1/boundary-report/accept', { token: manager(), body: { recommendationId: graduate } });
  expect(again).toMatchObject({ status: 200, body: { duplicate: true, policy: { version: 'v1' } } });
  const stale = await stack.api('POST', '/v1/boundary-report/accept', { token: manager(), body: { recommendationId: automaticEntry(report, C).recommendation.id } });
  expect(stale.status).toBe(409);

  const gate = await stack.api('POST', '/v1/boundary-report/accept', { token: admin.token, body: { recommendationId: `gate:${C.templateId}@v1` } });
  expect(gate.status).toBe(201);
  expect(gate.body.policy).toMatchObject({ version: 'v2', basedOn: 'v1', createdBy: `user:${admin.id}`, templateOverrides: { [A.templateId]: 'automatic', [C.templateId]: 'gated' } });
  expect((await stack.api('GET', '/v1/boundary-report', { token: manager() })).body).toMatchObject({ policyVersion: 'v2', recommendations: [], summary: '0 templates ready to graduate, 0 to put back behind a gate' });
});

test("the drafts of a template reps keep rewriting score lower, with the reason; a trusted template's do not", async () => {
  const enroll = async (cadenceId: string, name: string) => {
    const res = await stack.api('POST', '/v1/enrollments', {
      body: { cadenceId, prospect: { email: `${name}.${suffix}@northwind-${name}.test`, firstName: 'Lee', title: 'COO' }, account: { name: `Northwind ${name}`, domain: `northwind-${name}.test`, industry: 'retail' } },
    });
    expect(res.status).toBe(201);
    return eventually(() => db.selectFrom('drafts').selectAll().where('enrollment_id', '=', res.body.enrollmentId).where('confidence', 'is not', null).executeTakeFirst(), `the draft from ${cadenceId}`);
  };
  const rewritten = await enroll(E.cadenceId, 'e');
  expect(rewritten.confidence).toBe(0.8);
  expect(rewritten.confidence_reasons).toEqual([{ code: 'template-often-rewritten', effect: -0.2, detail: 'reps rewrote or rejected 7 of 10 drafts from this template' }]);
  const scored = await db.selectFrom('audit_events').select('details').where('enrollment_id', '=', rewritten.enrollment_id).where('action', '=', 'draft.scored').executeTakeFirstOrThrow();
  expect(scored.details).toMatchObject({ confidence: 0.8, reasons: [{ code: 'template-often-rewritten' }] });
  // 1 rejected of 25 (B: 10 of 25 rewritten is below half, too).
  const trusted = await enroll(A.cadenceId, 'a');
  expect(trusted).toMatchObject({ confidence: 1, confidence_reasons: [] });
});

test("a rep promotes their own edit to the template's next version: approved, with the prospect's details turned back into merge fields, used by the cadence from then on", async () => {
  const res = await stack.api('POST', `/v1/templates/${B.templateId}/promote`, { body: { draftId: bEdit.sentDraftId } });
  expect(res.status).toBe(201);
  expect(res.body).toMatchObject({
    id: `${B.templateId}.v2`,
    name: B.templateId,
    version: 2,
    approved: true,
    subject: goodTemplate.subject,
    body: `${goodTemplate.body} y`,
    promotedFrom: { templateId: B.templateId, version: 1, draftId: bEdit.sentDraftId, author: `user:${stack.team.rep.id}` },
    repointed: { steps: [{ cadenceId: B.cadenceId, position: 1 }], variants: [] },
  });
  expect(res.body.mergeFieldsRestored.map((r: any) => r.field).sort()).toEqual(['company', 'firstName', 'industry', 'senderName', 'title']);
  const stepRow = await db.selectFrom('cadence_steps').select('template_id').where('cadence_id', '=', B.cadenceId).executeTakeFirstOrThrow();
  expect(stepRow.template_id).toBe(`${B.templateId}.v2`);
  const audit = await db.selectFrom('audit_events').selectAll().where('action', '=', 'template.promoted').executeTakeFirstOrThrow();
  expect(audit).toMatchObject({
    actor: `user:${stack.team.rep.id}`,
    content_hash: contentHash({ subject: res.body.subject, body: res.body.body }),
    details: { templateId: `${B.templateId}.v2`, from: { templateId: B.templateId, version: 1, draftId: bEdit.sentDraftId }, diff: { subjectChanged: false, editDistance: 2 } },
  });

  // The old version is superseded: it takes no second promotion.
  const twice = await stack.api('POST', `/v1/templates/${B.templateId}/promote`, { token: manager(), body: { draftId: bEdit.sentDraftId } });
  expect(twice).toMatchObject({ status: 409, body: { error: 'template-superseded', latest: { id: `${B.templateId}.v2`, version: 2 } } });
});

test('promotion refuses what is not a rep\'s edit of that template, an unknown template or draft, and another rep\'s prospect', async () => {
  const eEdit = await db.selectFrom('drafts as d').innerJoin('templates as t', 't.id', 'd.template_id').select('d.id').where('t.id', '=', E.templateId).where('d.version', '=', 2).executeTakeFirstOrThrow();
  const eMachine = await db.selectFrom('drafts').select('id').where('template_id', '=', E.templateId).where('version', '=', 1).executeTakeFirstOrThrow();
  const machine = await stack.api('POST', `/v1/templates/${E.templateId}/promote`, { body: { draftId: eMachine.id } });
  expect(machine).toMatchObject({ status: 409, body: { error: 'not-an-edit' } });
  expect(machine.body.message).toContain('component:drafter:builtin');
  const otherTemplate = await stack.api('POST', `/v1/templates/${A.templateId}/promote`, { body: { draftId: eEdit.id } });
  expect(otherTemplate).toMatchObject({ status: 409, body: { error: 'draft-not-from-template' } });
  expect(await stack.api('POST', '/v1/templates/no-such-template/promote', { body: { draftId: eEdit.id } })).toMatchObject({ status: 404, body: { message: 'there is no template no-such-template' } });
  expect(await stack.api('POST', `/v1/templates/${E.templateId}/promote`, { body: { draftId: 'no-such-draft' } })).toMatchObject({ status: 404, body: { message: 'there is no draft no-such-draft' } });
  expect((await stack.api('POST', `/v1/templates/${E.templateId}/promote`, { token: stack.team.otherRep.token, body: { draftId: eEdit.id } })).status).toBe(403);
  expect((await stack.api('POST', `/v1/templates/${E.templateId}/promote`, { token: stack.team.integration.token, body: { draftId: eEdit.id } })).status).toBe(403);
  const empty = await stack.api('POST', `/v1/templates/${E.templateId}/promote`, { body: {} });
  expect(empty).toMatchObject({ status: 400, body: { message: 'body.draftId: is required: the id of a draft a rep edited' } });
});

test("a model's drafts are judged on their own evidence: the same template graduates for the model and stays gated for its template drafts, and the override moves only the model's", async () => {
  const G = await generatedTemplate('ai-and-template');
  for (let i = 0; i < 25; i++) await step(G, { gated: true, decidedAgoMs: (i + 1) * 3_600_000, reviewSeconds: 240, drafter: 'local:tiny-model' });
  for (let i = 0; i < 25; i++) await step(G, { gated: true, decidedAgoMs: (i + 1) * 3_600_000, reviewSeconds: 240, action: 'edit', append: ' rewritten' });
  const r = (await stack.api('GET', '/v1/boundary-report', { token: manager() })).body;
  const entries = r.gated.filter((e: any) => e.template.id === G.templateId);
  expect(entries.map((e: any) => [e.drafter, e.recommendation.action])).toEqual(
    expect.arrayContaining([
      ['local:tiny-model', 'graduate'],
      ['template', 'keep'],
    ]),
  );
  const aiGraduation = entries.find((e: any) => e.drafter === 'local:tiny-model').recommendation.id;
  expect(aiGraduation).toBe(`graduate:${G.templateId}|local:tiny-model@${r.policyVersion}`);
  const accepted = await stack.api('POST', '/v1/boundary-report/accept', { token: manager(), body: { recommendationId: aiGraduation } });
  expect(accepted.status).toBe(201);
  const overrides = accepted.body.policy.templateOverrides;
  expect(overrides[`${G.templateId}|local:tiny-model`]).toBe('automatic');
  expect(overrides[G.templateId]).toBeUndefined();

  // The gate applies the model's override to the model's drafts only.
  const policy = await workerPolicy();
  const account = { dealValue: 0, tier: 'standard' };
  expect(decideGate({ isFirstTouch: false, confidence: 0.8, account, templateId: G.templateId, drafter: 'local:tiny-model' }, policy).gated).toBe(false);
  expect(decideGate({ isFirstTouch: false, confidence: 0.8, account, templateId: G.templateId, drafter: 'template' }, policy).gated).toBe(true);
  expect(decideGate({ isFirstTouch: false, confidence: 0.8, account, templateId: G.templateId, drafter: 'local:another-model' }, policy).gated).toBe(true);
});

test('gate requests count the same from the daily summary and from the requests: whole UTC days, the part-days at each end, a window inside one day', async () => {
  const g = await generatedTemplate('edges');
  const HOUR = 3_600_000;
  const today = Math.floor(now / DAY) * DAY;
  const from = today - 10 * DAY + 6 * HOUR;
  const to = today - 2 * DAY + 18 * HOUR;
  const requestAt = (t: number, confidence = 0.8) => step(g, { gated: true, decidedAgoMs: now - t, confidence });
  await requestAt(from - 1);
  await requestAt(from);
  await requestAt(from + 2 * HOUR);
  await requestAt(today - 7 * DAY + 12 * HOUR);
  await requestAt(today - 7 * DAY + 13 * HOUR, 0.3);
  await requestAt(to - HOUR, 0.3);
  await requestAt(to);
  const gateRequests = async (window: { from: number; to: number }) => {
    const entry = (await templateLearning(db, { from: new Date(window.from), to: new Date(window.to) }, { review: settings.thresholds.review, flagged: Promise.resolve(new Set()) })).find((l) => l.template.id === g.templateId);
    return [...(entry?.gateRequests ?? [])].sort((a, b) => (b.confidence ?? 0) - (a.confidence ?? 0));
  };
  const gated = (confidence: number, count: number) => ({ rules: ['low-confidence'], confidence, count });

  expect(await gateRequests({ from, to })).toEqual([gated(0.8, 3), gated(0.3, 2)]);
  expect(await gateRequests({ from: today - 7 * DAY, to: today - 6 * DAY })).toEqual([gated(0.8, 1), gated(0.3, 1)]);
  expect(await gateRequests({ from: to - 5 * HOUR, to })).toEqual([gated(0.3, 1)]);
  expect(await gateRequests({ from: from - 1, to: from + 1 })).toEqual([gated(0.8, 2)]);
  // Each whole day of a window is read from the summary, kept as the requests are written.
  // (summed over the rows a day's count is split into, as the report sums them)
  const summary = await db
    .selectFrom('gate_request_days')
    .select(['day', 'at_or_below_floor', sql<number>`sum(requests)::int`.as('requests')])
    .where('template_id', '=', g.templateId)
    .groupBy(['day', 'at_or_below_floor'])
    .orderBy('day')
    .orderBy('at_or_below_floor')
    .execute();
  expect(summary.map((r) => [new Date(r.day).toISOString().slice(0, 10), r.requests, r.at_or_below_floor])).toEqual([
    [new Date(from - 1).toISOString().slice(0, 10), 3, false],
    [new Date(today - 7 * DAY).toISOString().slice(0, 10), 1, false],
    [new Date(today - 7 * DAY).toISOString().slice(0, 10), 1, true],
    [new Date(to).toISOString().slice(0, 10), 1, false],
    [new Date(to - HOUR).toISOString().slice(0, 10), 1, true],
  ]);
  // The summary splits at the floor the report tests graduation against.
  const floor = await sql<{ floor: number }>`select gate_summary_confidence_floor() as floor`.execute(db);
  expect(floor.rows[0]!.floor).toBe(GRADUATED_CONFIDENCE_FLOOR);
});

test('an approval request counted in the summary cannot be moved or deleted behind its back', async () => {
  const g = await generatedTemplate('fixed');
  const { enrollmentId } = await step(g, { gated: true, decidedAgoMs: DAY });
  const request = await db.selectFrom('approval_requests').select(['id', 'draft_id']).where('enrollment_id', '=', enrollmentId).executeTakeFirstOrThrow();
  const fixed = `approval request ${request.id}: kind, draft, enrollment, step, gate rules and creation time are fixed once written (gate_request_days counts them)`;
  await expect(db.updateTable('approval_requests').set({ created_at: new Date(now - 40 * DAY) }).where('id', '=', request.id).execute()).rejects.toThrow(fixed);
  await expect(db.updateTable('approval_requests').set({ gate_rules: JSON.stringify([]) }).where('id', '=', request.id).execute()).rejects.toThrow(fixed);
  await expect(db.deleteFrom('approval_requests').where('id', '=', request.id).execute()).rejects.toThrow(fixed);
  // What the cadence does to a request, deciding, reminding and expiring it, is not a move.
  await db.updateTable('approval_requests').set({ status: 'expired', reminded_at: new Date(), resolved_at: new Date() }).where('id', '=', request.id).execute();
});

test('two first touches of one template gated at once do not wait for each other on the daily summary', async () => {
  const g = await generatedTemplate('concurrent');
  const requested = [await step(g, { gated: false, decidedAgoMs: 0, sent: false }), await step(g, { gated: false, decidedAgoMs: 0, sent: false })];
  // Two sessions that write different rows of the summary (a session's row is its pid modulo 16).
  const sessions = await Promise.all([0, 1, 2, 3].map(async () => {
    const session = await createDb({ databaseUrl: stack.database.url, poolSize: 1 });
    const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(session);
    return { session, shard: rows[0]!.pid % 16 };
  }));
  const other = sessions.find((s) => s.shard !== sessions[0]!.shard)!;
  const writers = [sessions[0]!.session, other.session];
  const request = (i: number) => {
    const r = requested[i]!;
    return {
      id: randomUUID(),
      enrollment_id: r.enrollmentId,
      workflow_id: `cadence-${r.prospectId}`,
      prospect_id: r.prospectId,
      owner_id: stack.team.rep.id,
      step: g.position,
      draft_id: r.draftId,
      draft_version: 1,
      status: 'pending' as const,
      gate_rules: JSON.stringify([{ rule: 'first-touch', detail: 'first touch' }]),
      policy_version: settings.basePolicy.version,
      context: JSON.stringify({}),
      created_at: new Date(now),
    };
  };
  try {
    let releaseFirst: () => void = () => undefined;
    const firstHolds = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstWrote: () => void = () => undefined;
    const firstWritten = new Promise<void>((resolve) => (firstWrote = resolve));
    // The first writer counts its request and keeps its transaction open; the second must count its own meanwhile.
    const first = writers[0]!.transaction().execute(async (tx) => {
      await tx.insertInto('approval_requests').values(request(0)).execute();
      firstWrote();
      await firstHolds;
    });
    await firstWritten;
    try {
      await writers[1]!.transaction().execute(async (tx) => {
        await sql`set local lock_timeout = '2s'`.execute(tx);
        await tx.insertInto('approval_requests').values(request(1)).execute();
      });
    } finally {
      releaseFirst();
      await first;
    }
    const counted = await db.selectFrom('gate_request_days').select(sql<number>`sum(requests)::int`.as('n')).where('template_id', '=', g.templateId).executeTakeFirstOrThrow();
    expect(counted.n).toBe(2);
  } finally {
    await Promise.all(sessions.map((s) => s.session.destroy()));
  }
});

test('a send knows whether its step was gated, whichever of the send and the approval request was written first', async () => {
  const g = await generatedTemplate('order');
  const { enrollmentId, draftId } = await step(g, { gated: false, decidedAgoMs: 2 * DAY });
  const send = () => db.selectFrom('sends').select('gated').where('enrollment_id', '=', enrollmentId).executeTakeFirstOrThrow();
  expect(await send()).toEqual({ gated: false });
  const enrollment = await db.selectFrom('enrollments').select(['prospect_id', 'workflow_id']).where('id', '=', enrollmentId).executeTakeFirstOrThrow();
  await db
    .insertInto('approval_requests')
    .values({
      id: randomUUID(),
      enrollment_id: enrollmentId,
      workflow_id: enrollment.workflow_id,
      prospect_id: enrollment.prospect_id,
      owner_id: stack.team.rep.id,
      step: g.position,
      draft_id: draftId,
      draft_version: 1,
      status: 'approved',
      gate_rules: JSON.stringify([{ rule: 'low-confidence', detail: 'written after the send' }]),
      policy_version: settings.basePolicy.version,
      context: JSON.stringify({}),
      created_at: at(2 * DAY + 60_000),
    })
    .execute();
  expect(await send()).toEqual({ gated: true });
});

test('the theater flags counted in PostgreSQL are the review metrics\' flags over the same decisions', async () => {
  const g = await generatedTemplate('theater-parity');
  const reviewer = (name: string) => createUser(db, 'rep', name, stack.team.manager.id);
  const [quick, runner, mixed, few] = await Promise.all([reviewer('Quick Parity'), reviewer('Runner Parity'), reviewer('Mixed Parity'), reviewer('Few Parity')]);
  const views = [null, 0.5, 2.999, 3.001, 200];
  for (let i = 0; i < 10; i++) await step(g, { gated: true, decidedAgoMs: (i + 1) * 61_000, reviewSeconds: 600, actor: quick, viewedSeconds: views[i % views.length] });
  for (let i = 0; i < 22; i++) await step(g, { gated: true, decidedAgoMs: (i + 1) * 67_000, reviewSeconds: 300, actor: runner });
  for (let i = 0; i < 22; i++) await step(g, { gated: true, decidedAgoMs: (i + 1) * 71_000, reviewSeconds: 300, actor: mixed, ...(i === 2 ? { action: 'edit' as const, append: ' zz' } : {}) });
  for (let i = 0; i < 3; i++) await step(g, { gated: true, decidedAgoMs: (i + 1) * 73_000, reviewSeconds: 300, actor: few, viewedSeconds: 1 });

  const window = { since: at(400 * DAY), until: at(-DAY) };
  const { review } = settings.thresholds;
  const inSql = await theaterFlags(db, window, review);
  const inNode = new Map([...(await decisionSamples(db, window, 'reviewer'))].flatMap(([id, samples]) => {
    const codes = reviewerFigures(samples, review).flags.map((f) => f.code);
    return codes.length ? [[id, codes] as const] : [];
  }));
  expect(inSql).toEqual(inNode);
  expect(inSql.get(quick.id)).toEqual(['fast-approvals']);
  expect(inSql.get(runner.id)).toEqual(['unchanged-run']);
  expect(inSql.has(mixed.id)).toBe(false);
  expect(inSql.has(few.id)).toBe(false);
});
