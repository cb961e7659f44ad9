import type { Db } from '../../db/connect';
import { createPolicyVersion, policySource } from '../../db/repositories/policy-versions';
import type { CaptureSmtpServer } from '../../scripts/capture-smtp';
import type { cadenceWorkflow } from '../../workflows/cadence';
import { decideUpdate, stateQuery, type DecisionInput } from '../../workflows/definitions';
import type { TemplateOverride } from '../../workflows/policy';
import { defaultPolicy, eventually, newEnrollment, pendingApproval } from '../helpers/harness';
import { createCadence, createProspect, goodTemplate, type Team } from '../helpers/seed';
import { startTimeSkippingStack, type TimeSkippingStack } from '../helpers/time-skipping';

// A policy version made while cadences run decides their next step, and each step's gate.decided audit
// names the version that decided it. The worker reads the policy as production does (the configuration,
// here the test policy, with the newest version over it), on the time-skipping server.
let stack: TimeSkippingStack;
let db: Db;
let smtp: CaptureSmtpServer;
let team: Team;
let taskQueue: string;

beforeAll(async () => {
  stack = await startTimeSkippingStack();
  ({ db, smtp, team } = stack);
  taskQueue = await stack.addWorker({ policy: policySource(db, defaultPolicy, { cacheMs: 0 }) });
});

afterAll(async () => {
  await stack?.stop();
});

/** Scores 0.80 for every test prospect: two merge fields fall back to their defaults (below the 0.85 threshold, above the floor). */
const fallbackTemplate = {
  subject: goodTemplate.subject,
  body: goodTemplate.body.replace('Best,', 'How does {{team|your team}} in {{city|your city}} handle it today?\n\nBest,'),
};

async function enroll(cadenceId: string) {
  const { prospectId, email } = await createProspect(db);
  const input = newEnrollment(prospectId, cadenceId, team.rep.id);
  const handle = await stack.env.client.workflow.start<typeof cadenceWorkflow>('cadenceWorkflow', { taskQueue, workflowId: `policy-test-${input.enrollmentId}`, args: [input] });
  return { handle, input, email };
}

const decide = (approvalId: string): DecisionInput => ({ approvalId, draftVersion: 1, actorId: team.rep.id, action: 'approve', decidedAt: new Date().toISOString() });

async function gateDecisions(enrollmentId: string) {
  const rows = await db.selectFrom('audit_events').select(['step', 'details']).where('enrollment_id', '=', enrollmentId).where('action', '=', 'gate.decided').orderBy('step').execute();
  return rows.map((r) => ({ step: r.step, gated: r.details.gated, rules: (r.details.rules as Array<{ rule: string }>).map((x) => x.rule), policyVersion: r.details.policyVersion }));
}

async function newVersion(templateId: string, override: TemplateOverride) {
  const made = await createPolicyVersion(db, {
    base: defaultPolicy,
    change: { templateOverrides: { [templateId]: override }, details: { note: 'test' } },
    actor: `user:${team.manager.id}`,
    now: new Date(),
  });
  return made!.version.version;
}

test('a template graduated between two steps sends the next step automatically under the new version; steps decided before show the old one', async () => {
  const cadenceId = await createCadence(db, [
    { delaySeconds: 0, template: goodTemplate },
    { delaySeconds: 86_400, template: fallbackTemplate },
  ]);
  const step2Template = `${cadenceId}-t2`;

  // A cadence that reached step 2 before the change: gated for low confidence under the test policy.
  const before = await enroll(cadenceId);
  await before.handle.executeUpdate(decideUpdate, { args: [decide((await pendingApproval(db, before.input.enrollmentId, 1)).id)] });
  await stack.env.sleep('25 hours');
  const beforeStep2 = await pendingApproval(db, before.input.enrollmentId, 2);
  expect(beforeStep2).toMatchObject({ policy_version: defaultPolicy.version });
  expect((beforeStep2.context as any).confidence).toBe(0.8);
  await before.handle.executeUpdate(decideUpdate, { args: [decide(beforeStep2.id)] });
  await before.handle.result();

  // Another cadence: its first touch is gated under the test policy; while it waits for the rep, a manager graduates step 2's template.
  const after = await enroll(cadenceId);
  const first = await pendingApproval(db, after.input.enrollmentId, 1);
  const version = await newVersion(step2Template, 'automatic');
  expect(version).toBe('v1');
  await after.handle.executeUpdate(decideUpdate, { args: [decide(first.id)] });
  const result = await after.handle.result(); // skips the day to step 2

  expect(result.status).toBe('completed');
  expect(result.steps.map((s) => [s.status, s.confidence, s.gate?.gated, s.gate?.policyVersion])).toEqual([
    ['sent', 1, true, defaultPolicy.version],
    ['sent', 0.8, false, 'v1'],
  ]);
  expect(await gateDecisions(after.input.enrollmentId)).toEqual([
    { step: 1, gated: true, rules: ['first-touch'], policyVersion: defaultPolicy.version },
    { step: 2, gated: false, rules: [], policyVersion: 'v1' },
  ]);
  expect(await db.selectFrom('approval_requests').select('id').where('enrollment_id', '=', after.input.enrollmentId).where('step', '=', 2).executeTakeFirst()).toBeUndefined();
  expect(smtp.messages.filter((m) => m.envelopeTo.includes(after.email))).toHaveLength(2);

  // The cadence whose step 2 ran before the change keeps the record of the version that decided it.
  expect(await gateDecisions(before.input.enrollmentId)).toEqual([
    { step: 1, gated: true, rules: ['first-touch'], policyVersion: defaultPolicy.version },
    { step: 2, gated: true, rules: ['low-confidence'], policyVersion: defaultPolicy.version },
  ]);
});

test('a template put back behind a gate mid-cadence gates its next step even at full confidence, naming the rule and the version', async () => {
  const cadenceId = await createCadence(db, [
    { delaySeconds: 0, template: goodTemplate },
    { delaySeconds: 3600, template: goodTemplate },
  ]);
  const { handle, input, email } = await enroll(cadenceId);
  const first = await pendingApproval(db, input.enrollmentId, 1);
  const version = await newVersion(`${cadenceId}-t2`, 'gated');
  await handle.executeUpdate(decideUpdate, { args: [decide(first.id)] });
  await stack.env.sleep('2 hours');
  const second = await pendingApproval(db, input.enrollmentId, 2);
  expect(second).toMatchObject({ policy_version: version });
  expect((second.context as any).confidence).toBe(1);
  expect(second.gate_rules).toEqual([{ rule: 'template-under-review', detail: `policy ${version} put template ${cadenceId}-t2 back behind a gate` }]);
  expect(smtp.messages.filter((m) => m.envelopeTo.includes(email))).toHaveLength(1);
  await handle.terminate('test done');
});

test('a version accepted while a step waits out its delay decides that step', async () => {
  const cadenceId = await createCadence(db, [
    { delaySeconds: 0, template: goodTemplate },
    { delaySeconds: 86_400, template: fallbackTemplate },
  ]);
  const { handle, input, email } = await enroll(cadenceId);
  await handle.executeUpdate(decideUpdate, { args: [decide((await pendingApproval(db, input.enrollmentId, 1)).id)] });
  // Step 2 has loaded the policy and is sleeping through its day's delay when the template graduates.
  await eventually(async () => (await handle.query(stateQuery)).steps[1]!.status === 'waiting', 'step 2 waiting out its delay');
  const version = await newVersion(`${cadenceId}-t2`, 'automatic');
  const result = await handle.result();
  expect(result.steps[1]).toMatchObject({ status: 'sent', confidence: 0.8, gate: { gated: false, policyVersion: version } });
  expect(smtp.messages.filter((m) => m.envelopeTo.includes(email))).toHaveLength(2);
});
