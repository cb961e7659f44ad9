import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApp } from '../../api/app';
import { reviewMetricsReport } from '../../api/schemas';
import { UnsubscribeKeyring } from '../../activities/unsubscribe-token';
import { loadAppConfig, reviewMetricsSettingsFromConfig } from '../../config/app';
import type { Db } from '../../db/connect';
import { recordAudit } from '../../db/repositories/audit';
import { decisionFigures, reviewerFigures } from '../../db/repositories/review-metrics';
import { decisionSamples } from '../helpers/decisions';
import { eventually, HOUR, testReplyOptions, TEST_UNSUBSCRIBE_SECRET } from '../helpers/harness';
import { createCadence, createProspect, createUser, goodTemplate, type TestUser } from '../helpers/seed';
import { startStack, type Stack } from '../helpers/stack';

// Approval theater and the bottleneck loop on a real database and a real cadence: histories of decisions
// and pending approvals written as the workflow writes them, with known timings, plus one approval
// decided through the API; figures and flags read over HTTP and from the Prometheus scrape.

let stack: Stack;
let admin: TestUser;
/** The rubber stamp: approves 150-word drafts unchanged one second after they are queued. */
let dana: TestUser;
/** The careful reviewer: reads at a plausible pace, edits some, rejects one. */
let riley: TestUser;
/** Owns a backlog: pending approvals 1, 6 and 30 hours old. */
let quinn: TestUser;
/** Another manager's team: out of the first manager's scope. */
let otherManager: TestUser;
let olive: TestUser;
let realApproval: { id: string; words: number };

const db = () => stack.database.db;
const now = Date.now();
const ago = (ms: number) => new Date(now - ms);
const DAY = 24 * HOUR;

/** A subject and a body of exactly `words` words together (as the metrics count them: whitespace-separated). */
function text(words: number) {
  return { subject: 'Quick question about logistics', body: `Hi Pat,\n\n${Array.from({ length: words - 6 }, (_, i) => `word${i}`).join(' ')}` };
}
const countWords = (t: { subject: string; body: string }) => `${t.subject} ${t.body}`.split(/\s+/).filter(Boolean).length;

/** An enrollment of `owner`'s, finished, to hang a history on. */
async function seedEnrollment(database: Db, ownerId: string): Promise<{ enrollmentId: string; prospectId: string }> {
  const cadenceId = await createCadence(database, [{ delaySeconds: 0, template: goodTemplate }]);
  const { prospectId } = await createProspect(database);
  const enrollmentId = randomUUID();
  await database
    .insertInto('enrollments')
    .values({ id: enrollmentId, workflow_id: `seeded-${enrollmentId}`, prospect_id: prospectId, cadence_id: cadenceId, owner_id: ownerId, status: 'completed' })
    .execute();
  return { enrollmentId, prospectId };
}

interface SeededRequest {
  /** When the request was queued. */
  createdAt: Date;
  words?: number;
  /** Absent: still pending. */
  /** `viewedAfterSeconds`: when the decider first saw it, from the request (default 0: as it was queued); null: never viewed. */
  decision?: { actor: TestUser; action: 'approve' | 'edit' | 'reject'; afterSeconds: number; viewedAfterSeconds?: number | null };
  /** The reminder time the workflow set (default 4 hours after the request); null: none recorded. */
  remindAt?: Date | null;
  /** When the escalation was sent, if it was. */
  escalatedAt?: Date;
}

/** Approval requests (and their decisions) as the approval activities write them: draft v1 shown, reminder 4h after the request. */
async function seedRequests(owner: TestUser, requests: SeededRequest[]): Promise<string[]> {
  const { enrollmentId, prospectId } = await seedEnrollment(db(), owner.id);
  const ids: string[] = [];
  for (const [i, r] of requests.entries()) {
    const step = i + 1;
    const draft = text(r.words ?? 150);
    const draftId = `${enrollmentId}:${step}:v1`;
    await db()
      .insertInto('drafts')
      .values({ id: draftId, enrollment_id: enrollmentId, step, version: 1, author: 'component:drafter:built-in', ...draft, content_hash: `hash-${draftId}`, created_at: r.createdAt })
      .execute();
    const id = randomUUID();
    const decidedAt = r.decision ? new Date(r.createdAt.getTime() + r.decision.afterSeconds * 1000) : null;
    const status = !r.decision ? 'pending' : r.decision.action === 'approve' ? 'approved' : r.decision.action === 'edit' ? 'edited' : 'rejected';
    await db()
      .insertInto('approval_requests')
      .values({
        id,
        enrollment_id: enrollmentId,
        workflow_id: `seeded-${enrollmentId}`,
        prospect_id: prospectId,
        owner_id: owner.id,
        step,
        draft_id: draftId,
        draft_version: 1,
        status,
        gate_rules: JSON.stringify([{ rule: 'first-touch', detail: 'the first touch of a cadence is always reviewed' }]),
        policy_version: 'test-policy-1',
        context: JSON.stringify({ draft: { ...draft, contentHash: `hash-${draftId}` } }),
        remind_at: r.remindAt === undefined ? new Date(r.createdAt.getTime() + 4 * HOUR) : r.remindAt,
        escalated_at: r.escalatedAt ?? null,
        created_at: r.createdAt,
        resolved_at: decidedAt,
      })
      .execute();
    if (r.decision) {
      await db()
        .insertInto('approval_decisions')
        .values({
          id: randomUUID(),
          approval_request_id: id,
          actor_id: r.decision.actor.id,
          action: r.decision.action,
          reject_mode: r.decision.action === 'reject' ? 'skip-step' : null,
          draft_version: 1,
          content_hash: r.decision.action === 'reject' ? null : `hash-${draftId}`,
          decided_at: decidedAt!,
          first_viewed_at: r.decision.viewedAfterSeconds === null ? null : new Date(r.createdAt.getTime() + (r.decision.viewedAfterSeconds ?? 0) * 1000),
        })
        .execute();
    }
    ids.push(id);
  }
  return ids;
}

/** gate.decided events as the drafting activity records them, each for its own step of one enrollment of `owner`'s. */
async function seedGateDecisions(owner: TestUser, at: Date, outcomes: Array<string[] | null>): Promise<void> {
  const { enrollmentId, prospectId } = await seedEnrollment(db(), owner.id);
  for (const [i, rules] of outcomes.entries()) {
    await recordAudit(db(), {
      key: `${enrollmentId}:${i + 1}:gate.decided`,
      occurredAt: new Date(at.getTime() + i * 60_000),
      actor: 'component:gate-policy',
      action: 'gate.decided',
      prospectId,
      enrollmentId,
      step: i + 1,
      contentHash: 'seeded',
      details: { draftId: `d${i}`, gated: rules !== null, rules: (rules ?? []).map((rule) => ({ rule, detail: `${rule} fired` })), policyVersion: 'test-policy-1' },
    });
  }
}

beforeAll(async () => {
  stack = await startStack();
  admin = await createUser(db(), 'admin', 'Ada Admin');
  dana = stack.team.rep;
  riley = stack.team.otherRep;
  quinn = await createUser(db(), 'rep', 'Quinn Backlog', stack.team.manager.id);
  otherManager = await createUser(db(), 'manager', 'Omar Manager');
  olive = await createUser(db(), 'rep', 'Olive Elsewhere', otherManager.id);

  // Two days ago, one an hour: Dana approves 10 drafts of 150 words unchanged, each one second after it was queued.
  await seedRequests(
    dana,
    Array.from({ length: 10 }, (_, i) => ({ createdAt: ago(2 * DAY - i * HOUR), decision: { actor: dana, action: 'approve' as const, afterSeconds: 1 } })),
  );
  // Riley decides 10 drafts of 150 words at a plausible pace (30 s or more), edits 3 and rejects 1.
  const careful: Array<['approve' | 'edit' | 'reject', number]> = [
    ['approve', 60], ['edit', 240], ['approve', 45], ['approve', 90], ['reject', 30],
    ['approve', 75], ['edit', 300], ['approve', 50], ['edit', 180], ['approve', 120],
  ];
  await seedRequests(riley, careful.map(([action, afterSeconds], i) => ({ createdAt: ago(3 * DAY - i * HOUR), decision: { actor: riley, action, afterSeconds } })));
  // Olive, on another team, is as fast as Dana.
  await seedRequests(
    olive,
    // Four approved ten minutes after they were queued, but never shown to Olive: as fast as the two in one second.
    Array.from({ length: 6 }, (_, i) => ({
      createdAt: ago(2 * DAY - i * HOUR),
      decision: { actor: olive, action: 'approve' as const, ...(i < 4 ? { afterSeconds: 600, viewedAfterSeconds: null } : { afterSeconds: 1 }) },
    })),
  );
  // Quinn's backlog: 3 pending approvals, 1, 6 and 30 hours old. And a decision older than the default window (31 days): not counted.
  await seedRequests(quinn, [{ createdAt: ago(HOUR) }, { createdAt: ago(6 * HOUR) }, { createdAt: ago(30 * HOUR) }]);
  await seedRequests(quinn, [{ createdAt: ago(31 * DAY), decision: { actor: quinn, action: 'approve', afterSeconds: 1 } }]);

  // Ten days ago: 10 gate decisions for the team, 7 gated; 4 for the other team, none gated.
  await seedGateDecisions(quinn, ago(10 * DAY), [
    ['first-touch'],
    ['first-touch', 'low-confidence'],
    ['first-touch'],
    ['first-touch', 'high-value-account'],
    ['first-touch', 'low-confidence'],
    ['low-confidence'],
    ['manual-step'],
    null,
    null,
    null,
  ]);
  await seedGateDecisions(olive, ago(10 * DAY), [null, null, null, null]);

  // A real cadence of Dana's: its first touch is gated (a real gate.decided event and approval request),
  // and the manager approves it through the API.
  const cadenceId = await createCadence(db(), [{ delaySeconds: 0, template: goodTemplate }]);
  const enrolled = await stack.api('POST', '/v1/enrollments', {
    body: { cadenceId, prospect: { email: 'lee@tailspin-review.test', firstName: 'Lee', title: 'CFO' }, account: { name: 'Tailspin', domain: 'tailspin-review.test', industry: 'logistics' } },
  });
  expect(enrolled.status).toBe(201);
  const item = await eventually(async () => (await stack.api('GET', '/v1/approvals')).body.items.find((i: any) => i.workflowId === enrolled.body.workflowId), 'the real approval request');
  realApproval = { id: item.id, words: countWords(item.draft) };
});

afterAll(async () => {
  await stack?.stop();
});

const metrics = (query = '', token = stack.team.manager.token) => stack.api('GET', `/v1/review-metrics${query}`, { token });
const reviewer = (body: any, user: TestUser) => body.reviewers.find((r: any) => r.reviewerId === user.id);
const queue = (body: any, user: TestUser) => body.queues.find((q: any) => q.ownerId === user.id);

test('a pending approval shows in its owner\'s queue; decided through the API, it counts for the manager who decided it (too few decisions to flag)', async () => {
  const before = await metrics();
  expect(before.status).toBe(200);
  expect(queue(before.body, dana)).toMatchObject({ depth: 1, slaBreaches: { reminder: 0, escalation: 0 }, oldest: { approvalId: realApproval.id, step: 1 }, flags: [] });
  expect(reviewer(before.body, stack.team.manager)).toBeUndefined();

  // Review time runs from the decider's first view of the draft, not from when it was queued.
  const viewed = await stack.api('POST', `/v1/approvals/${realApproval.id}/views`, { token: stack.team.manager.token, body: { visibleMs: 0 } });
  expect(viewed.status).toBe(201);
  const decided = await stack.api('POST', `/v1/approvals/${realApproval.id}/decision`, { token: stack.team.manager.token, body: { action: 'approve', draftVersion: 1 } });
  expect(decided.status).toBe(200);
  const row = await eventually(
    () =>
      db()
        .selectFrom('approval_decisions')
        .select(['decided_at', 'first_viewed_at'])
        .where('approval_request_id', '=', realApproval.id)
        .executeTakeFirst(),
    'the decision to be recorded',
  );
  const after = await metrics();
  expect(queue(after.body, dana)).toMatchObject({ depth: 0, ageSeconds: null, oldest: null, flags: [] });
  const manager = reviewer(after.body, stack.team.manager);
  expect(manager).toMatchObject({ name: 'Sam Manager', role: 'manager', decisions: 1, approvals: 1, edits: 0, approvalRate: 1, medianWords: realApproval.words, longestUnchangedRun: 1, flags: [] });
  expect(row.first_viewed_at).not.toBeNull();
  expect(manager.medianReviewSeconds).toBeCloseTo((row.decided_at.getTime() - row.first_viewed_at!.getTime()) / 1000, 3);
  expect(manager.notViewed).toBe(0);
  expect(realApproval.words).toBeGreaterThan(20);
});

test('the theater flags on a reviewer who approves in one second; a careful reviewer is not flagged', async () => {
  const res = await metrics();
  expect(res.status).toBe(200);
  // The answer is what the OpenAPI document promises.
  expect(reviewMetricsReport.safeParse(res.body).error).toBeUndefined();
  expect(res.body.window.until).toBe(res.body.asOf);
  expect(Date.parse(res.body.window.until) - Date.parse(res.body.window.since)).toBe(30 * DAY);
  // The same decision figures per drafter: here every draft was the template's.
  expect(res.body.drafters.map((d: any) => d.drafter)).toEqual(['template']);
  expect(res.body.drafters[0].decisions).toBe(res.body.reviewers.reduce((n: number, r: any) => n + r.decisions, 0));

  const rubberStamp = reviewer(res.body, dana);
  expect(rubberStamp).toMatchObject({
    name: 'Dana Rep',
    decisions: 10,
    approvals: 10,
    approvalRate: 1,
    unchangedApprovalRate: 1,
    medianReviewSeconds: 1,
    medianWords: 150,
    fastApprovals: 10,
    fastApprovalShare: 1,
    longestUnchangedRun: 10,
    currentUnchangedRun: 10,
  });
  expect(rubberStamp.medianSecondsPer100Words).toBeCloseTo(100 / 150, 6);
  const fastReason = 'approved 10 of 10 drafts unchanged faster than a plausible read (median 1.0 s from first view for 150 words; at 400 words a minute that takes 22.5 s); flagged at 20% of decisions';
  // A run of 10 is below the default THEATER_UNCHANGED_RUN of 20.
  expect(rubberStamp.flags).toEqual([{ code: 'fast-approvals', reason: fastReason }]);

  const careful = reviewer(res.body, riley);
  expect(careful).toMatchObject({ decisions: 10, approvals: 6, edits: 3, rejections: 1, fastApprovals: 0, fastApprovalShare: 0, longestUnchangedRun: 2, currentUnchangedRun: 1, flags: [] });
  expect(careful.approvalRate).toBeCloseTo(0.9, 10);
  expect(careful.unchangedApprovalRate).toBeCloseTo(0.6, 10);
  expect(careful.medianReviewSeconds).toBe(82.5);

  // Quinn's only decision is 31 days old, outside the window; Olive is on another team.
  expect(reviewer(res.body, quinn)).toBeUndefined();
  expect(reviewer(res.body, olive)).toBeUndefined();
  expect(res.body.flagged).toContainEqual({ subject: 'reviewer', id: dana.id, name: 'Dana Rep', code: 'fast-approvals', reason: fastReason });
  expect(res.body.flagged.filter((f: any) => f.id === riley.id)).toEqual([]);

  // An admin sees every team.
  const all = await metrics('', admin.token);
  expect(reviewer(all.body, olive)).toMatchObject({ decisions: 6, notViewed: 4, fastApprovals: 6, medianReviewSeconds: 1, flags: [{ code: 'fast-approvals' }] });
  expect(queue(all.body, olive)).toMatchObject({ depth: 0 });
});

test('with THEATER_UNCHANGED_RUN=10 the run of 10 unchanged approvals flags too; a 2-day QUEUE_P90_AGE keeps the backlog from the age flag', async () => {
  const app = createApp({
    db: db(),
    temporal: stack.client,
    taskQueue: stack.taskQueue,
    log: (m, e) => console.error(m, e),
    replyOptions: testReplyOptions,
    unsubscribe: new UnsubscribeKeyring({ current: TEST_UNSUBSCRIBE_SECRET }),
    reviewMetrics: reviewMetricsSettingsFromConfig(loadAppConfig({ THEATER_UNCHANGED_RUN: '10', QUEUE_P90_AGE: '2d' })),
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/review-metrics`, { headers: { authorization: `Bearer ${stack.team.manager.token}` } });
    expect(res.status).toBe(200);
    const body: any = await res.json();
    expect(body.thresholds).toMatchObject({ unchangedRun: 10, queueP90AgeSeconds: 2 * 86_400, fastApprovalShare: 0.2, minDecisions: 5, readWordsPerMinute: 400 });
    expect(reviewer(body, dana).flags.map((f: any) => f.code)).toEqual(['fast-approvals', 'unchanged-run']);
    expect(reviewer(body, dana).flags[1].reason).toBe('approved 10 drafts in a row without a change (the current run is 10); flagged at 10 in a row');
    expect(reviewer(body, riley).flags).toEqual([]);
    expect(queue(body, quinn).flags.map((f: any) => f.code)).toEqual(['escalation-breaches']);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

test('a queue with old pending approvals shows its depth, ages and SLA breaches, and is flagged; so is the team', async () => {
  const res = await metrics();
  const backlog = queue(res.body, quinn);
  expect(backlog).toMatchObject({ name: 'Quinn Backlog', depth: 3, slaBreaches: { reminder: 2, escalation: 1 }, expiredInWindow: 0 });
  // Ages are a few seconds older than at seeding.
  expect(backlog.ageSeconds.p50).toBeGreaterThanOrEqual(6 * 3600);
  expect(backlog.ageSeconds.p50).toBeLessThan(6 * 3600 + 120);
  expect(backlog.ageSeconds.p90).toBeGreaterThanOrEqual(25.2 * 3600);
  expect(backlog.ageSeconds.p90).toBeLessThan(25.2 * 3600 + 120);
  expect(backlog.ageSeconds.max).toBeGreaterThanOrEqual(30 * 3600);
  expect(backlog.oldest).toMatchObject({ step: 3, createdAt: ago(30 * HOUR).toISOString() });
  expect(backlog.flags.map((f: any) => f.code)).toEqual(['queue-age', 'escalation-breaches']);
  expect(backlog.flags[0].reason).toMatch(/^the p90 age of the 3 pending approvals is 25h 1[23]m, above 4h 0m; the oldest has waited 30h [01]m$/);
  expect(backlog.flags[1].reason).toBe('1 of the 3 pending approvals is past their escalation time (the reminder 4h 0m after the request, the escalation 20h 0m later)');

  // Every rep and manager of the team has a queue, empty ones too; the other team's are not shown.
  expect(res.body.queues.map((q: any) => q.name).sort()).toEqual(['Dana Rep', 'Quinn Backlog', 'Riley Rep', 'Sam Manager']);
  expect(queue(res.body, riley)).toMatchObject({ depth: 0, ageSeconds: null, slaBreaches: { reminder: 0, escalation: 0 }, flags: [] });
  expect(res.body.team).toMatchObject({ depth: 3, slaBreaches: { reminder: 2, escalation: 1 } });
  expect(res.body.team.flags.map((f: any) => f.code)).toEqual(['queue-age', 'escalation-breaches']);
  expect(res.body.flagged.filter((f: any) => f.subject === 'queue')).toEqual(backlog.flags.map((f: any) => ({ subject: 'queue', id: quinn.id, name: 'Quinn Backlog', ...f })));
});

test('the gated share is computed from gate.decided events, by rule, within the window and the scope', async () => {
  const window = `?since=${encodeURIComponent(ago(11 * DAY).toISOString())}&until=${encodeURIComponent(ago(9 * DAY).toISOString())}`;
  const team = await metrics(window);
  expect(team.status).toBe(200);
  expect(team.body.gating).toMatchObject({
    decisions: 10,
    gated: 7,
    gatedShare: 0.7,
    byRule: [
      { rule: 'first-touch', count: 5, share: 0.5 },
      { rule: 'low-confidence', count: 3, share: 0.3 },
      { rule: 'high-value-account', count: 1, share: 0.1 },
      { rule: 'manual-step', count: 1, share: 0.1 },
    ],
    flags: [{ code: 'gated-share', reason: 'gated 7 of 10 steps (70%), above the healthy 50%: a healthy policy gates a minority; the most frequent rule is first-touch (5)' }],
  });
  // The window holds no decision of anyone's.
  expect(team.body.reviewers).toEqual([]);

  // The admin sees the other team's 4 ungated steps too: 7 of 14 is half, not above it.
  const all = await metrics(window, admin.token);
  expect(all.body.gating).toMatchObject({ decisions: 14, gated: 7, gatedShare: 0.5, flags: [] });

  // Over the last 30 days the real cadence's first touch (gated: first-touch) counts as well.
  const recent = await metrics();
  expect(recent.body.gating).toMatchObject({ decisions: 11, gated: 8 });
  expect(recent.body.gating.byRule[0]).toEqual({ rule: 'first-touch', count: 6, share: 6 / 11 });
});

/** The samples of a Prometheus text exposition, after checking every line is a comment or a well-formed sample. */
function parsePrometheus(text: string) {
  const samples: Array<{ name: string; labels: Record<string, string>; value: number }> = [];
  const types = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const type = /^# TYPE (\w+) (gauge|counter|histogram|summary|untyped)$/.exec(line);
    if (type) {
      types.set(type[1]!, type[2]!);
      continue;
    }
    if (/^# HELP \w+ .+$/.test(line)) continue;
    const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!sample) throw new Error(`not a Prometheus sample line: ${line}`);
    const labels: Record<string, string> = {};
    const labelText = sample[2] ?? '';
    const pair = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"(,|$)/g;
    let consumed = 0;
    for (let m = pair.exec(labelText); m; m = pair.exec(labelText)) {
      labels[m[1]!] = m[2]!;
      consumed += m[0].length;
    }
    if (consumed !== labelText.length) throw new Error(`malformed labels: ${line}`);
    if (!types.has(sample[1]!)) throw new Error(`a sample before its # TYPE line: ${line}`);
    samples.push({ name: sample[1]!, labels, value: Number(sample[3]) });
  }
  const value = (name: string, labels: Record<string, string> = {}) => {
    const found = samples.filter((s) => s.name === name && Object.keys(labels).length === Object.keys(s.labels).length && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
    if (found.length !== 1) throw new Error(`expected one sample ${name}${JSON.stringify(labels)}, found ${found.length}`);
    return found[0]!.value;
  };
  return { samples, types, value };
}

test('/metrics answers a Prometheus scrape in the text format with the reviewer, queue and gating series', async () => {
  const res = await fetch(`${stack.baseUrl}/metrics`, { headers: { authorization: `Bearer ${stack.team.integration.token}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  const { types, value } = parsePrometheus(await res.text());
  expect(types.get('cadence_reviewer_fast_approvals_ratio')).toBe('gauge');

  expect(value('cadence_reviewer_median_review_seconds', { reviewer: dana.id })).toBe(1);
  expect(value('cadence_reviewer_fast_approvals_ratio', { reviewer: dana.id })).toBe(1);
  expect(value('cadence_reviewer_fast_approvals', { reviewer: dana.id })).toBe(10);
  expect(value('cadence_reviewer_unchanged_run', { reviewer: dana.id })).toBe(10);
  expect(value('cadence_reviewer_flagged', { reviewer: dana.id, reason: 'fast-approvals' })).toBe(1);
  expect(value('cadence_reviewer_flagged', { reviewer: dana.id, reason: 'unchanged-run' })).toBe(0);
  expect(value('cadence_reviewer_flagged', { reviewer: riley.id, reason: 'fast-approvals' })).toBe(0);
  expect(value('cadence_reviewer_median_review_seconds', { reviewer: riley.id })).toBe(82.5);
  // Everyone's: the other team's reviewer too.
  expect(value('cadence_reviewer_flagged', { reviewer: olive.id, reason: 'fast-approvals' })).toBe(1);
  expect(value('cadence_reviewer_not_viewed_decisions', { reviewer: olive.id })).toBe(4);
  expect(value('cadence_reviewer_not_viewed_decisions', { reviewer: dana.id })).toBe(0);

  expect(value('cadence_queue_depth', { owner: quinn.id })).toBe(3);
  expect(value('cadence_queue_depth', { owner: riley.id })).toBe(0);
  expect(value('cadence_queue_sla_breaches', { owner: quinn.id, stage: 'reminder' })).toBe(2);
  expect(value('cadence_queue_sla_breaches', { owner: quinn.id, stage: 'escalation' })).toBe(1);
  expect(value('cadence_queue_age_seconds', { owner: quinn.id, quantile: '0.9' })).toBeGreaterThanOrEqual(25.2 * 3600);
  expect(value('cadence_queue_age_seconds', { owner: quinn.id, quantile: '1' })).toBeGreaterThanOrEqual(30 * 3600);
  expect(value('cadence_queue_flagged', { owner: quinn.id })).toBe(1);
  expect(value('cadence_queue_flagged', { owner: riley.id })).toBe(0);
  expect(value('cadence_team_queue_depth')).toBe(3);

  // 15 gate decisions in 30 days (10 + 4 seeded, 1 real), 8 gated.
  expect(value('cadence_gate_decisions')).toBe(15);
  expect(value('cadence_gated_share')).toBeCloseTo(8 / 15, 10);
  expect(value('cadence_gated_by_rule', { rule: 'first-touch' })).toBe(6);
  expect(value('cadence_gated_share_flagged')).toBe(1);
});

test('/metrics needs an admin or integration token; the review metrics a manager or admin; others are 401 or 403', async () => {
  const scrape = (token?: string) => fetch(`${stack.baseUrl}/metrics`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  expect((await scrape()).status).toBe(401);
  expect((await scrape('cad_not-a-real-token')).status).toBe(401);
  expect((await scrape(admin.token)).status).toBe(200);
  for (const token of [stack.team.rep.token, stack.team.manager.token]) {
    const res = await scrape(token);
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: 'forbidden' });
  }

  expect((await stack.api('GET', '/v1/review-metrics', { token: null })).status).toBe(401);
  expect(await metrics('', stack.team.rep.token)).toMatchObject({ status: 403, body: { error: 'forbidden' } });
  expect((await metrics('', stack.team.integration.token)).status).toBe(403);
});

test('bad window parameters are 400 naming the parameter', async () => {
  const notADate = await metrics('?since=last-week');
  expect(notADate.status).toBe(400);
  expect(notADate.body.issues.map((i: any) => i.field)).toEqual(['query.since']);
  expect(notADate.body.message).toContain('query.since: must be an ISO 8601 date');

  const impossible = await metrics('?until=2026-02-30');
  expect(impossible.status).toBe(400);
  expect(impossible.body.message).toContain('query.until');

  const reversed = await metrics('?since=2026-11-10&until=2026-11-01');
  expect(reversed).toMatchObject({ status: 400, body: { error: 'invalid-request', issues: [{ field: 'query.since' }] } });
  expect(reversed.body.message).toBe('query.since: must be before until (2026-11-01T00:00:00.000Z); it is 2026-11-10T00:00:00.000Z');

  const future = await metrics(`?since=${new Date(now + 2 * DAY).toISOString().slice(0, 10)}`);
  expect(future.status).toBe(400);
  expect(future.body.message).toMatch(/^query\.since: must be before until \(.*, now\)/);

  const tooLong = await metrics('?since=2024-01-01&until=2026-01-01');
  expect(tooLong.status).toBe(400);
  expect(tooLong.body.message).toContain('longer than 366 days');

  const unknown = await metrics('?from=2026-11-01');
  expect(unknown.status).toBe(400);
  expect(unknown.body.message).toContain('from');

  const offset = await metrics(`?since=${ago(11 * DAY).toISOString().replace('Z', '+00:00')}&until=${ago(9 * DAY).toISOString().replace('Z', '+00:00')}`);
  expect(offset.status).toBe(200);
  expect(offset.body.gating.decisions).toBe(10);
});

// Last: its pending approvals would change the team and scrape figures the tests above check.
test('a request without a reminder time is past it the remind-after from its creation; a recorded escalation counts whatever the clock says; a queue of young items is not flagged', async () => {
  const lead = await createUser(db(), 'manager', 'Lena Lead');
  const remy = await createUser(db(), 'rep', 'Remy Rep', lead.id);
  const yael = await createUser(db(), 'rep', 'Yael Young', lead.id);
  await seedRequests(remy, [{ createdAt: ago(5 * HOUR), remindAt: null }, { createdAt: ago(HOUR), escalatedAt: ago(10 * 60_000) }]);
  await seedRequests(yael, [{ createdAt: ago(HOUR) }, { createdAt: ago(2 * HOUR) }]);
  const res = await metrics('', lead.token);
  expect(res.status).toBe(200);
  expect(queue(res.body, remy)).toMatchObject({ depth: 2, slaBreaches: { reminder: 2, escalation: 1 } });
  expect(queue(res.body, remy).flags.map((f: any) => f.code)).toEqual(['queue-age', 'escalation-breaches']);
  expect(queue(res.body, yael)).toMatchObject({ depth: 2, slaBreaches: { reminder: 0, escalation: 0 }, flags: [] });
  expect(res.body.team).toMatchObject({ depth: 4, slaBreaches: { reminder: 2, escalation: 1 } });
});

test('the figures counted in PostgreSQL are reviewerFigures\' over the same decisions, per reviewer and per drafter', async () => {
  // Odd timings and lengths: review times with milliseconds, around the plausible read, never viewed, runs broken by edits and rejections.
  const parity = await createUser(db(), 'rep', 'Pat Parity', otherManager.id);
  const actions = ['approve', 'approve', 'edit', 'approve', 'reject', 'approve', 'approve', 'approve'] as const;
  await seedRequests(
    parity,
    Array.from({ length: 24 }, (_, i) => ({
      createdAt: ago((i + 1) * 2 * HOUR),
      words: 20 + ((i * 37) % 280),
      decision: { actor: parity, action: actions[i % actions.length]!, afterSeconds: 0.25 + i * 3.7, viewedAfterSeconds: i % 5 === 0 ? null : (i % 3) * 0.1 },
    })),
  );
  const settings = reviewMetricsSettingsFromConfig(loadAppConfig());
  const window = { since: ago(40 * DAY), until: new Date(now + DAY) };
  for (const by of ['reviewer', 'drafter'] as const) {
    const inSql = await decisionFigures(db(), window, by, settings);
    const specified = new Map([...(await decisionSamples(db(), window, by))].map(([key, samples]) => [key, reviewerFigures(samples, settings)]));
    expect(inSql).toEqual(specified);
  }
  expect((await decisionFigures(db(), window, 'reviewer', settings)).get(parity.id)).toMatchObject({ decisions: 24, notViewed: 5 });
});
