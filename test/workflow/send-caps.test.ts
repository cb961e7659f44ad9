import { dnsSenderAuthPolicy } from '../../activities/sender-domains';
import { HOUR_MS } from '../../db/repositories/mailboxes';
import type { cadenceWorkflow } from '../../workflows/cadence';
import { cadenceWorkflowId, decideUpdate, stateQuery, type DecisionInput } from '../../workflows/definitions';
import { startDnsServer, type TestDnsServer } from '../helpers/dns-server';
import { eventually, newEnrollment, pendingApproval, replyFrom } from '../helpers/harness';
import { createCadence, createProspect, goodTemplate } from '../helpers/seed';
import { startTimeSkippingStack, type TimeSkippingStack } from '../helpers/time-skipping';

// Caps and sender authentication as the cadence lives them, on the time-skipping server: a send over
// its mailbox's cap sleeps (a durable timer) until its reserved slot and then goes; an automatic step
// from a domain that fails sender authentication waits for a rep instead of going out.

let stack: TimeSkippingStack;
let dns: TestDnsServer;

beforeAll(async () => {
  stack = await startTimeSkippingStack();
  dns = await startDnsServer({ 'seller.test': ['v=spf1 -all'] });
});

afterAll(async () => {
  await dns?.close();
  await stack?.stop();
});

async function enroll(taskQueue: string, steps: Parameters<typeof createCadence>[1]) {
  const cadenceId = await createCadence(stack.db, steps);
  const { prospectId, email } = await createProspect(stack.db);
  const input = newEnrollment(prospectId, cadenceId, stack.team.rep.id);
  const handle = await stack.env.client.workflow.start<typeof cadenceWorkflow>('cadenceWorkflow', { taskQueue, workflowId: `caps-${input.enrollmentId}`, args: [input] });
  return { handle, input, email };
}

const approve = (approvalId: string): DecisionInput => ({ approvalId, draftVersion: 1, actorId: stack.team.rep.id, action: 'approve', decidedAt: new Date().toISOString() });

test('over the hourly cap a send is deferred to its reserved slot, sleeps durably, then goes; both messages arrive once', async () => {
  const taskQueue = await stack.addWorker();
  // The rep's own mailbox, at one message an hour.
  await stack.db
    .insertInto('mailboxes')
    .values({ address: stack.team.rep.email, owner_id: stack.team.rep.id, daily_cap: 50, hourly_cap: 1, min_gap_seconds: 0, jitter_seconds: 0, bounce_rate_limit: 0.05, complaint_rate_limit: 0.003 })
    .execute();
  const first = await enroll(taskQueue, [{ template: goodTemplate }]);
  const second = await enroll(taskQueue, [{ template: goodTemplate }]);

  await first.handle.executeUpdate(decideUpdate, { args: [approve((await pendingApproval(stack.db, first.input.enrollmentId, 1)).id)] });
  await stack.smtp.waitFor((m) => m.envelopeTo.includes(first.email));
  await second.handle.executeUpdate(decideUpdate, { args: [approve((await pendingApproval(stack.db, second.input.enrollmentId, 1)).id)] });

  const deferred = await eventually(async () => {
    const state = await second.handle.query(stateQuery);
    return state.steps[0]!.status === 'deferred' ? state.steps[0]! : null;
  }, 'the second send deferred');
  const slots = await stack.db.selectFrom('sends').select(['enrollment_id', 'slot_at', 'status']).where('mailbox', '=', stack.team.rep.email).execute();
  const slotOf = (enrollmentId: string) => slots.find((s) => s.enrollment_id === enrollmentId)!;
  expect(slotOf(second.input.enrollmentId).status).toBe('scheduled');
  expect(new Date(deferred.deferredUntil!).getTime()).toBe(slotOf(first.input.enrollmentId).slot_at!.getTime() + HOUR_MS);
  expect(stack.smtp.messages.filter((m) => m.envelopeTo.includes(second.email))).toHaveLength(0);

  // Time skips to the slot; the cadence wakes and sends.
  const result = await second.handle.result();
  expect(result.status).toBe('completed');
  expect(stack.smtp.messages.filter((m) => m.envelopeTo.includes(second.email))).toHaveLength(1);
  expect(stack.smtp.messages.filter((m) => m.envelopeTo.includes(first.email))).toHaveLength(1);
  const after = await stack.db.selectFrom('sends').select(['status', 'slot_at']).where('enrollment_id', '=', second.input.enrollmentId).executeTakeFirstOrThrow();
  expect(after.status).toBe('sent');
  expect(after.slot_at!.getTime()).toBe(new Date(deferred.deferredUntil!).getTime());
  const audit = await stack.db.selectFrom('audit_events').select(['action', 'details']).where('enrollment_id', '=', second.input.enrollmentId).where('action', 'like', 'send.%').orderBy('id').execute();
  expect(audit.map((a) => a.action)).toEqual(['send.deferred', 'send.sent']);
  expect((audit[0]!.details as { reason: string }).reason).toContain('hourly cap of 1 reached');
});

test('a reply while a send is deferred cancels it and gives its slot back to the mailbox', async () => {
  const taskQueue = await stack.addWorker();
  const owner = stack.team.otherRep;
  await stack.db
    .insertInto('mailboxes')
    .values({ address: owner.email, owner_id: owner.id, daily_cap: 50, hourly_cap: 1, min_gap_seconds: 0, jitter_seconds: 0, bounce_rate_limit: 0.05, complaint_rate_limit: 0.003 })
    .execute();
  const started = [];
  for (let i = 0; i < 2; i++) {
    const cadenceId = await createCadence(stack.db, [{ template: goodTemplate }]);
    const { prospectId, email } = await createProspect(stack.db);
    const input = newEnrollment(prospectId, cadenceId, owner.id);
    // The production workflow ID: the reply webhook signals the prospect's cadence by it.
    const handle = await stack.env.client.workflow.start<typeof cadenceWorkflow>('cadenceWorkflow', { taskQueue, workflowId: cadenceWorkflowId(prospectId), args: [input] });
    const approval = await pendingApproval(stack.db, input.enrollmentId, 1);
    await handle.executeUpdate(decideUpdate, { args: [{ approvalId: approval.id, draftVersion: 1, actorId: owner.id, action: 'approve', decidedAt: new Date().toISOString() }] });
    started.push({ handle, input, email });
  }
  const [, waiting] = started;
  await eventually(async () => (await waiting!.handle.query(stateQuery)).steps[0]!.status === 'deferred', 'the second send deferred');

  await replyFrom(stack.db, stack.env.client, waiting!.email);
  await eventually(async () => (await waiting!.handle.query(stateQuery)).status === 'replied', 'the cadence replied');
  const row = await stack.db.selectFrom('sends').select(['status', 'slot_at']).where('enrollment_id', '=', waiting!.input.enrollmentId).executeTakeFirstOrThrow();
  expect(row).toEqual({ status: 'scheduled', slot_at: null });
  // The slot it held is free again: the mailbox has used one of its hour.
  const held = await stack.db.selectFrom('sends').select('id').where('mailbox', '=', owner.email).where('slot_at', 'is not', null).execute();
  expect(held).toHaveLength(1);
  expect(stack.smtp.messages.filter((m) => m.envelopeTo.includes(waiting!.email))).toHaveLength(0);
});

test('an automatic step from a domain failing sender authentication is gated for a rep, and goes once approved', async () => {
  const taskQueue = await stack.addWorker({ senderAuth: dnsSenderAuthPolicy({ overrides: [], recheckEveryMs: HOUR_MS, selector: 's1', dnsServers: [dns.address] }) });
  const { handle, input, email } = await enroll(taskQueue, [{ template: goodTemplate }, { delaySeconds: 0, template: goodTemplate }]);

  const firstTouch = await pendingApproval(stack.db, input.enrollmentId, 1);
  expect(firstTouch.gate_rules.map((r) => r.rule)).toEqual(['first-touch', 'sender-unauthenticated']);
  await handle.executeUpdate(decideUpdate, { args: [approve(firstTouch.id)] });

  // Step 2 scores 1.0 and would go automatically; the failing domain sends it to the rep instead.
  const followUp = await pendingApproval(stack.db, input.enrollmentId, 2);
  expect(followUp.gate_rules.map((r) => r.rule)).toEqual(['sender-unauthenticated']);
  expect(followUp.gate_rules[0]!.detail).toMatch(/^nothing goes out automatically from a domain that fails sender authentication: seller\.test: fail: /);
  await handle.executeUpdate(decideUpdate, { args: [approve(followUp.id)] });
  expect((await handle.result()).status).toBe('completed');
  expect(stack.smtp.messages.filter((m) => m.envelopeTo.includes(email))).toHaveLength(2);
});
