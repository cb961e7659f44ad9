import { randomUUID } from 'node:crypto';
import { boundarySettingsFromEnv } from '../../api/routes/boundary-report';
import { boundaryReport, reviewMetricsReport } from '../../api/schemas';
import { reviewMetricsDefaults } from '../../config/app';
import type { BoundarySettings } from '../../db/repositories/boundary-report';
import { VIEW_REPORT_SLACK_MS } from '../../db/repositories/approval-views';
import { eventually, pendingApproval } from '../helpers/harness';
import { createCadence, goodTemplate } from '../helpers/seed';
import { startStack, type Stack } from '../helpers/stack';

// Review time is time spent reviewing, on the real stack: the rep page's view reports through the API, the
// decision keeping its decider's view, the audit trail, and both reports reading the same measure. Then the
// boundary report on real cadences whose only gate is the first touch: well reviewed, sent, and still nothing
// a graduation would change.
//
// The reading speed is raised (and the sample sizes lowered) so that a real review takes a fraction of a second
// here instead of the 20 s a 60-word draft needs at 400 words a minute.

let stack: Stack;
const fromEnv = boundarySettingsFromEnv();
const review = { ...reviewMetricsDefaults, readWordsPerMinute: 100_000, readMinSeconds: 0.3 };
const boundary: BoundarySettings = { basePolicy: fromEnv.basePolicy, thresholds: { ...fromEnv.thresholds, minSample: 3, minSends: 3, review } };
const db = () => stack.database.db;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const suffix = randomUUID().slice(0, 6);
let seq = 0;

beforeAll(async () => {
  stack = await startStack({}, {}, { boundary, reviewMetrics: review });
});
afterAll(async () => {
  await stack?.stop();
});

/** Enrolls a new prospect (the stack's rep owns it) in a one-step cadence and waits for its first touch in the queue. */
async function enroll(cadenceId: string): Promise<{ approvalId: string; email: string; enrollmentId: string }> {
  const id = `${suffix}-${seq++}`;
  const email = `robin.${id}@fabrikam-${id}.test`;
  const res = await stack.api('POST', '/v1/enrollments', {
    body: { cadenceId, prospect: { email, firstName: 'Robin', title: 'VP Sales' }, account: { name: `Fabrikam ${id}`, domain: `fabrikam-${id}.test`, industry: 'logistics' } },
  });
  expect(res.status).toBe(201);
  const approval = await pendingApproval(db(), res.body.enrollmentId, 1);
  return { approvalId: approval.id, email, enrollmentId: res.body.enrollmentId };
}

const view = (approvalId: string, visibleMs?: number, token = stack.team.rep.token) =>
  stack.api('POST', `/v1/approvals/${approvalId}/views`, { token, body: visibleMs === undefined ? {} : { visibleMs } });
const approve = (approvalId: string, token = stack.team.rep.token) => stack.api('POST', `/v1/approvals/${approvalId}/decision`, { token, body: { action: 'approve', draftVersion: 1 } });
/** The workflow records the decision (an activity) just after the API accepted it. */
const recordedDecision = (approvalId: string) =>
  eventually(() => db().selectFrom('approval_decisions').selectAll().where('approval_request_id', '=', approvalId).executeTakeFirst(), `the decision on ${approvalId}`);

let viewedCadence: string;
let viewed: { approvalId: string; email: string; enrollmentId: string };
let unseen: { approvalId: string; email: string; enrollmentId: string };

test('POST /v1/approvals/{id}/views: the first report is the first view (201, audited); later ones add the time in view, capped by the time that passed', async () => {
  viewedCadence = await createCadence(db(), [{ delaySeconds: 0, template: goodTemplate }]);
  viewed = await enroll(viewedCadence);
  const first = await view(viewed.approvalId);
  expect(first).toMatchObject({ status: 201, body: { approvalId: viewed.approvalId, viewerId: stack.team.rep.id, visibleMs: 0, first: true } });
  const firstViewedAt = Date.parse(first.body.firstViewedAt);
  expect(Math.abs(firstViewedAt - Date.now())).toBeLessThan(5_000);

  // A page cannot claim a minute in view a moment after the first report.
  const claimed = await view(viewed.approvalId, 60_000);
  expect(claimed).toMatchObject({ status: 200, body: { first: false, firstViewedAt: first.body.firstViewedAt } });
  expect(claimed.body.visibleMs).toBeLessThanOrEqual(Date.now() - firstViewedAt + VIEW_REPORT_SLACK_MS);
  expect(claimed.body.visibleMs).toBeGreaterThan(0);

  // The owner's manager views it too: a view per reviewer.
  expect(await view(viewed.approvalId, 0, stack.team.manager.token)).toMatchObject({ status: 201, body: { viewerId: stack.team.manager.id, first: true } });
  const audit = await db().selectFrom('audit_events').select(['actor', 'details', 'enrollment_id', 'step']).where('action', '=', 'approval.viewed').where('enrollment_id', '=', viewed.enrollmentId).orderBy('seq').execute();
  expect(audit).toEqual([
    { actor: `user:${stack.team.rep.id}`, details: { approvalId: viewed.approvalId, viewerId: stack.team.rep.id }, enrollment_id: viewed.enrollmentId, step: 1 },
    { actor: `user:${stack.team.manager.id}`, details: { approvalId: viewed.approvalId, viewerId: stack.team.manager.id }, enrollment_id: viewed.enrollmentId, step: 1 },
  ]);
});

test('only who may decide an approval reports viewing it; a bad report is refused naming the field', async () => {
  expect((await view(viewed.approvalId, 0, stack.team.otherRep.token)).status).toBe(403);
  expect((await view(viewed.approvalId, 0, stack.team.integration.token)).status).toBe(403);
  expect((await view(viewed.approvalId, 0, null as unknown as string)).status).toBe(401);
  expect(await view('no-such-approval')).toMatchObject({ status: 404, body: { message: 'approval no-such-approval does not exist' } });
  const negative = await view(viewed.approvalId, -5);
  expect(negative.status).toBe(400);
  expect(negative.body.message).toContain('body.visibleMs');
  const extra = await stack.api('POST', `/v1/approvals/${viewed.approvalId}/views`, { body: { visibleMs: 10, seenBy: 'me' } });
  expect(extra.status).toBe(400);
  expect(extra.body.message).toContain('seenBy');
  // Nothing refused was counted.
  const row = await db().selectFrom('approval_views').select('visible_ms').where('approval_request_id', '=', viewed.approvalId).where('viewer_id', '=', stack.team.rep.id).executeTakeFirstOrThrow();
  expect(row.visible_ms).toBeLessThanOrEqual(VIEW_REPORT_SLACK_MS + 5_000);
});

test("a decision keeps its decider's first view and time in view; one made through the API without a view is recorded as not viewed", async () => {
  await sleep(600);
  expect((await view(viewed.approvalId, 600)).status).toBe(200);
  expect((await approve(viewed.approvalId)).status).toBe(200);
  const decided = await recordedDecision(viewed.approvalId);
  const viewRow = await db().selectFrom('approval_views').selectAll().where('approval_request_id', '=', viewed.approvalId).where('viewer_id', '=', stack.team.rep.id).executeTakeFirstOrThrow();
  expect(decided.first_viewed_at).toEqual(viewRow.first_viewed_at);
  const reviewMs = decided.decided_at.getTime() - viewRow.first_viewed_at.getTime();
  expect(reviewMs).toBeGreaterThanOrEqual(600);
  expect(decided.visible_ms).toBeGreaterThan(0);
  expect(decided.visible_ms).toBeLessThanOrEqual(reviewMs);
  const audit = await db().selectFrom('audit_events').select('details').where('action', '=', 'approval.decided').where('enrollment_id', '=', viewed.enrollmentId).executeTakeFirstOrThrow();
  expect(audit.details).toMatchObject({ review: { viewed: true, firstViewedAt: viewRow.first_viewed_at.toISOString(), reviewSeconds: Math.round(reviewMs / 100) / 10 } });

  // The manager approves the next one straight through the API: not viewed.
  unseen = await enroll(viewedCadence);
  expect((await approve(unseen.approvalId, stack.team.manager.token)).status).toBe(200);
  const blind = await recordedDecision(unseen.approvalId);
  expect(blind).toMatchObject({ first_viewed_at: null, visible_ms: null });
  const blindAudit = await db().selectFrom('audit_events').select('details').where('action', '=', 'approval.decided').where('enrollment_id', '=', unseen.enrollmentId).executeTakeFirstOrThrow();
  expect(blindAudit.details).toMatchObject({ review: { viewed: false } });

  // A decided approval takes no more views, and the timeline tells the story.
  expect(await view(viewed.approvalId, 100)).toMatchObject({ status: 409, body: { error: 'not-pending' } });
  await stack.smtp.waitFor((m) => m.envelopeTo.includes(viewed.email));
  await stack.smtp.waitFor((m) => m.envelopeTo.includes(unseen.email));
});

let firstTouchTemplate: string;

test('the boundary report will not graduate a template whose drafts only a first touch gated: viewed, unhurried approvals and clean sends, and nothing it would change', async () => {
  const cadenceId = await createCadence(db(), [{ delaySeconds: 0, template: goodTemplate }]);
  const made = [];
  for (let i = 0; i < 3; i++) made.push(await enroll(cadenceId));
  for (const m of made) {
    expect((await view(m.approvalId)).status).toBe(201);
    await sleep(500);
    expect((await view(m.approvalId, 500)).status).toBe(200);
    expect((await approve(m.approvalId)).status).toBe(200);
  }
  for (const m of made) await stack.smtp.waitFor((msg) => msg.envelopeTo.includes(m.email));
  // The server has the messages; each send is recorded as sent just after its 250.
  const recipients = made.map((m) => m.email);
  await eventually(async () => {
    const sent = await db().selectFrom('sends').select('id').where('recipient', 'in', recipients).where('status', '=', 'sent').execute();
    return sent.length === made.length;
  }, 'the three sends to be recorded as sent');
  const step = await db().selectFrom('cadence_steps').select('template_id').where('cadence_id', '=', cadenceId).executeTakeFirstOrThrow();
  firstTouchTemplate = step.template_id!;

  const res = await stack.api('GET', '/v1/boundary-report', { token: stack.team.manager.token });
  expect(res.status).toBe(200);
  expect(() => boundaryReport.parse(res.body)).not.toThrow();
  const entry = res.body.gated.find((g: any) => g.template.id === firstTouchTemplate);
  expect(entry.recommendation).toMatchObject({
    action: 'keep',
    id: null,
    evidence: { decided: 3, sample: 3, approvedUnchanged: 3, unchangedRate: 1, discounted: { total: 0 }, gatedDrafts: 3, wouldChange: 0, wouldChangeShare: 0, stayingRules: [{ rule: 'first-touch', count: 3 }], deliveredSends: 3 },
  });
  expect(entry.recommendation.evidence.medianReviewSeconds).toBeGreaterThanOrEqual(0.5);
  const unmet = entry.recommendation.evidence.conditions.filter((c: any) => !c.met).map((c: any) => c.code);
  expect(unmet).toEqual(['changes-decisions']);
  expect(entry.recommendation.summary).toBe(
    'keep gated: graduating would have let 0 of the 3 drafts the gate sent to a rep in the window go out without one (0%; at least 25% are needed); the others were gated by rules that stay: first-touch 3',
  );
  expect(res.body.recommendations).toEqual([]);
});

test("both reports measure review time the same way and say so: the manager's blind approval is not viewed in both", async () => {
  const report = (await stack.api('GET', '/v1/boundary-report', { token: stack.team.manager.token })).body;
  const metrics = await stack.api('GET', '/v1/review-metrics', { token: stack.team.manager.token });
  expect(metrics.status).toBe(200);
  expect(() => reviewMetricsReport.parse(metrics.body)).not.toThrow();
  expect(report.reviewTime).toBe(metrics.body.reviewTime);
  expect(report.reviewTime).toContain('first view');

  const viewedEntry = report.gated.find((g: any) => g.template.id !== firstTouchTemplate && g.review.decided === 2);
  expect(viewedEntry.recommendation.evidence.discounted).toMatchObject({ total: 1, notViewed: 1, fastApproval: 0, flaggedReviewer: 0 });
  expect(viewedEntry.review).toMatchObject({ decided: 2, notViewed: 1 });

  const rep = metrics.body.reviewers.find((r: any) => r.reviewerId === stack.team.rep.id);
  const manager = metrics.body.reviewers.find((r: any) => r.reviewerId === stack.team.manager.id);
  expect(rep).toMatchObject({ decisions: 4, notViewed: 0, fastApprovals: 0, flags: [] });
  expect(rep.medianReviewSeconds).toBeGreaterThanOrEqual(0.5);
  expect(manager).toMatchObject({ decisions: 1, notViewed: 1, fastApprovals: 1, medianReviewSeconds: null });
});
