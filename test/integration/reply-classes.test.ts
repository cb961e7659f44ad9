import type { WorkflowHandle } from '@temporalio/client';
import { unsubscribeFooter } from '../../activities/sending';
import { activeHolds } from '../../db/repositories/replies';
import type { CapturedMessage } from '../../scripts/capture-smtp';
import type { cadenceWorkflow } from '../../workflows/cadence';
import { stateQuery, type CadenceState } from '../../workflows/definitions';
import { defaultPolicy, eventually } from '../helpers/harness';
import { deliveryStatusNotification, germanOutOfOffice, humanReply, ticketAcknowledgement, type InboundMessage } from '../helpers/messages';
import { createCadence, goodTemplate } from '../helpers/seed';
import { startStack, type Stack } from '../helpers/stack';

// Each reply class's effect on a running cadence, end to end on the dev server: enrolled and approved over
// HTTP, the first touch really sent over SMTP, then a real RFC 5322 message answering (or bouncing) exactly
// that message delivered through the webhook, as a raw message/rfc822 body or as JSON carrying `raw`.

/** The delay of step 2 where a later step matters: long enough to act before it, short enough to wait past. */
const STEP_2_DELAY_S = 3;
const HOUR_S = 3600;

type Handle = WorkflowHandle<typeof cadenceWorkflow>;

interface Running {
  prospectId: string;
  enrollmentId: string;
  workflowId: string;
  email: string;
  /** The first touch, as the capture SMTP server received it. */
  first: CapturedMessage;
  handle: Handle;
}

let seq = 0;
const unique = () => `${Date.now().toString(36)}${(seq++).toString(36)}`;

/** Enrolls a prospect over HTTP in a fresh cadence, approves the first touch over HTTP and waits for it at SMTP. */
async function startCadence(
  stack: Stack,
  options: { delays: number[]; firstName?: string; account?: { name: string; domain: string } },
): Promise<Running> {
  const cadenceId = await createCadence(
    stack.database.db,
    options.delays.map((delaySeconds) => ({ delaySeconds, template: goodTemplate })),
  );
  const id = unique();
  const account = options.account ?? { name: `Quarry Lane ${id}`, domain: `quarrylane-${id}.test` };
  const firstName = options.firstName ?? 'Veer';
  const email = `${firstName.toLowerCase()}.${id}@${account.domain}`;
  const enrolled = await stack.api('POST', '/v1/enrollments', {
    body: {
      cadenceId,
      prospect: { email, firstName, lastName: 'Kaur', title: 'VP Revenue Operations' },
      account: { ...account, industry: 'logistics', dealValue: 20_000 },
    },
  });
  expect(enrolled.status).toBe(201);
  const { workflowId, prospectId, enrollmentId } = enrolled.body;
  const item = await eventually(async () => {
    const queue = await stack.api('GET', '/v1/approvals');
    return queue.body.items.find((i: any) => i.workflowId === workflowId && i.step === 1);
  }, `the first touch of ${email} in the approval queue`);
  expect(item.whyGated.map((r: any) => r.rule)).toContain('first-touch');
  const approved = await stack.api('POST', `/v1/approvals/${item.id}/decision`, { body: { action: 'approve', draftVersion: item.draft.version } });
  expect(approved.status).toBe(200);
  const [first] = await stack.smtp.waitFor((m) => m.envelopeTo.includes(email));
  expect(first!.subject).toBe(item.draft.subject);
  expect(first!.messageId).toMatch(new RegExp(`^<${enrollmentId}\\.step-1\\.v1@`));
  const handle = stack.client.workflow.getHandle<typeof cadenceWorkflow>(workflowId);
  // The first touch is recorded as sent; the cadence waits for step 2 (or is done).
  await eventually(async () => (await handle.query(stateQuery)).steps[0]?.status === 'sent', `step 1 of ${email} recorded as sent`);
  return { prospectId, enrollmentId, workflowId, email, first: first!, handle };
}

/** The text above the unsubscribe footer the sender adds at send time, after checking the footer carries the message's own link. */
function approvedText(m: CapturedMessage): string {
  const footer = `\n\n${unsubscribeFooter(m.headers['list-unsubscribe']!.slice(1, -1))}`;
  expect(m.text.endsWith(footer)).toBe(true);
  return m.text.slice(0, -footer.length);
}

const sentTo = (stack: Stack, email: string) => stack.smtp.messages.filter((m) => m.envelopeTo.includes(email));
const state = (r: Running): Promise<CadenceState> => r.handle.query(stateQuery);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until step 2's delay (counted from the first touch) has certainly passed, with a margin for the worker. */
async function waitPastStep2(r: Running, delaySeconds = STEP_2_DELAY_S): Promise<void> {
  const due = new Date(r.first.receivedAt).getTime() + delaySeconds * 1000;
  await sleep(Math.max(0, due - Date.now()) + 2500);
}

/** Waits for the n-th message to the prospect; on time-out says what the cadence did instead. */
async function expectMessageCount(stack: Stack, r: Running, count: number, what: string, timeoutMs = 15_000): Promise<CapturedMessage[]> {
  try {
    return await stack.smtp.waitFor((m) => m.envelopeTo.includes(r.email), count, timeoutMs);
  } catch (err) {
    const s = await state(r).catch(() => null);
    const steps = s?.steps.map((x) => ({ step: x.step, status: x.status, note: x.note }));
    const holds = (await activeHolds(stack.database.db, r.enrollmentId)).map((h) => ({ kind: h.kind, actor: h.actor, until: h.until }));
    throw new Error(
      `${what}: ${(err as Error).message}; the cadence says status=${s?.status}, pauses=${JSON.stringify(s?.pauses)}, steps=${JSON.stringify(steps)}; ` +
        `unreleased enrollment_holds: ${JSON.stringify(holds)}`,
    );
  }
}

async function postRaw(stack: Stack, message: InboundMessage): Promise<{ status: number; body: any }> {
  const { status, body } = await stack.http('POST', '/v1/webhooks/inbound-reply', {
    headers: { authorization: `Bearer ${stack.team.integration.token}`, 'content-type': 'message/rfc822' },
    body: message.raw,
  });
  return { status, body };
}

async function postJson(stack: Stack, message: InboundMessage): Promise<{ status: number; body: any }> {
  return stack.api('POST', '/v1/webhooks/inbound-reply', {
    token: stack.team.integration.token,
    body: { messageId: message.messageId, from: message.from, text: message.text, raw: message.raw },
  });
}

async function replyTaskFor(stack: Stack, prospectId: string) {
  return eventually(async () => (await stack.api('GET', '/v1/tasks')).body.items.find((t: any) => t.kind === 'reply' && t.prospectId === prospectId), `the reply task for ${prospectId}`);
}

describe('reply classes, default policy', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack();
  });

  afterAll(async () => {
    await stack?.stop();
  });

  test('a human reply hands over: nothing more is sent, the rep gets a task and a suggested answer that only an approval sends', async () => {
    const r = await startCadence(stack, { delays: [0, STEP_2_DELAY_S] });
    const reply = humanReply({
      original: r.first,
      from: { name: 'Veer Kaur', address: r.email },
      text: "Hi Dana,\n\nThis is actually timely - we're rebuilding our follow-up process for Q1. I'd like to learn more. Could you send over a one-pager I can share with my CRO?\n\nThanks,\nVeer",
    });
    const webhook = await postRaw(stack, reply);
    expect(webhook.status).toBe(202);
    expect(webhook.body).toMatchObject({
      duplicate: false,
      matched: true,
      matchedBy: 'in-reply-to',
      prospectId: r.prospectId,
      intent: 'interested',
      effect: 'hand-over',
      cadenceStopped: true,
    });
    await eventually(async () => (await state(r)).status === 'replied', 'the cadence in the replied state');

    // Step 2's moment passes: nothing automated goes to the prospect.
    await waitPastStep2(r);
    expect(sentTo(stack, r.email)).toHaveLength(1);
    const s = await state(r);
    expect(s.status).toBe('replied');
    expect(s.reply).toMatchObject({ messageId: reply.messageId, intent: 'interested' });
    expect(s.steps[1]!.status).not.toBe('sent');

    // The owner has a task to answer, and a suggested answer waits in the queue (gated as a manual step).
    const task = await replyTaskFor(stack, r.prospectId);
    expect(task).toMatchObject({ status: 'open', enrollmentId: r.enrollmentId, details: { messageId: reply.messageId, intent: 'interested' } });
    // The task carries the reply as the triage read it: its new text, the confidence and the phrases that decided.
    expect(task.reply).toMatchObject({ from: r.email, subject: reply.subject, intent: 'interested', sentiment: 'positive', escalate: false });
    expect(task.reply.body).toMatch(/^Hi Dana,\n\nThis is actually timely/);
    expect(task.reply.body).not.toMatch(/wrote:/);
    expect(task.reply.confidence).toBeGreaterThan(0.5);
    expect(task.reply.reasons.join(' | ')).toMatch(/interest: "/);
    const suggestion = await eventually(async () => {
      const queue = await stack.api('GET', '/v1/approvals');
      return queue.body.items.find((i: any) => i.workflowId === r.workflowId && i.whyGated[0]?.rule === 'manual-step');
    }, 'the suggested answer in the approval queue');
    expect(suggestion.draft.subject).toBe(reply.subject);
    expect(suggestion.draft.body).toContain('Hi Veer,');

    // A rep's approval sends exactly the suggested text, as an answer to the prospect's message.
    const approved = await stack.api('POST', `/v1/approvals/${suggestion.id}/decision`, { body: { action: 'approve', draftVersion: suggestion.draft.version } });
    expect(approved.status).toBe(200);
    const [, answer] = await expectMessageCount(stack, r, 2, 'the approved answer');
    expect(answer!.subject).toBe(suggestion.draft.subject);
    expect(approvedText(answer!)).toBe(suggestion.draft.body);
    expect(answer!.headers['in-reply-to']).toBe(reply.messageId);
    expect(answer!.headers['references']).toContain(reply.messageId);

    // Completing the task ends the cadence as replied; step 2 never went out.
    expect((await stack.api('POST', `/v1/tasks/${task.id}/complete`, { body: { outcome: 'sent the one-pager' } })).status).toBe(200);
    const result = await r.handle.result();
    expect(result.status).toBe('replied');
    await sleep(500);
    expect(sentTo(stack, r.email)).toHaveLength(2);
  });

  test('an unsubscribe suppresses the address at once and ends the cadence as unsubscribed', async () => {
    const r = await startCadence(stack, { delays: [0, STEP_2_DELAY_S] });
    const reply = humanReply({ original: r.first, from: { name: 'Veer Kaur', address: r.email }, text: 'Please remove me from your list.' });
    const webhook = await postRaw(stack, reply);
    expect(webhook.status).toBe(202);
    expect(webhook.body).toMatchObject({ matchedBy: 'in-reply-to', prospectId: r.prospectId, intent: 'unsubscribe', effect: 'unsubscribe' });

    // In the ledger before the workflow even acts: the same transaction that recorded the reply.
    const suppression = await stack.database.db.selectFrom('suppressions').selectAll().where('kind', '=', 'address').where('value', '=', r.email).executeTakeFirst();
    expect(suppression).toMatchObject({ reason: 'unsubscribed' });

    const result = await r.handle.result();
    expect(result.status).toBe('unsubscribed');
    await waitPastStep2(r);
    expect(sentTo(stack, r.email)).toHaveLength(1);
  });

  test('a hard bounce (DSN 5.1.1) is matched by the bounced Message-ID, suppresses the address and ends the cadence as bounced', async () => {
    const r = await startCadence(stack, { delays: [0, STEP_2_DELAY_S] });
    const dsn = deliveryStatusNotification({ original: r.first, status: '5.1.1' });
    const webhook = await postJson(stack, dsn);
    expect(webhook.status).toBe(202);
    expect(webhook.body).toMatchObject({ matched: true, matchedBy: 'bounced-message', prospectId: r.prospectId, intent: 'bounce_hard', effect: 'hard-bounce' });

    const { db } = stack.database;
    const suppression = await db.selectFrom('suppressions').selectAll().where('kind', '=', 'address').where('value', '=', r.email).executeTakeFirst();
    expect(suppression).toMatchObject({ reason: 'bounced' });
    const send = await db.selectFrom('sends').select(['bounce_kind']).where('message_id', '=', r.first.messageId!).executeTakeFirstOrThrow();
    expect(send.bounce_kind).toBe('hard');

    const result = await r.handle.result();
    expect(result.status).toBe('bounced');
    await waitPastStep2(r);
    expect(sentTo(stack, r.email)).toHaveLength(1);
  });

  test('an out-of-office with a return date pauses until that day (and holds sends); a rep resumes it and step 2 goes out', async () => {
    const r = await startCadence(stack, { delays: [0, STEP_2_DELAY_S] });
    // A week from today (UTC midnight), written as German Outlook writes it: a return date is never in the past.
    const until = new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000 + 7 * 86_400_000);
    const returnDate = until.toISOString().slice(0, 10);
    const [y, m, d] = returnDate.split('-');
    const ooo = germanOutOfOffice({ original: r.first, from: { name: 'Veer Kaur', address: r.email }, until });
    expect(ooo.text).toContain(`Ich bin bis zum ${d}.${m}.${y} nicht im Büro`);
    const webhook = await postRaw(stack, ooo);
    expect(webhook.status).toBe(202);
    expect(webhook.body).toMatchObject({ matchedBy: 'in-reply-to', intent: 'out_of_office', returnDate, effect: 'away', cadenceStopped: true });

    const holds = await activeHolds(stack.database.db, r.enrollmentId);
    expect(holds).toHaveLength(1);
    expect(holds[0]).toMatchObject({ kind: 'out-of-office' });
    expect(holds[0]!.until?.toISOString()).toBe(until.toISOString());
    const pause = await eventually(async () => (await state(r)).pauses.find((p) => p.kind === 'out-of-office'), 'the out-of-office pause');
    expect(pause.until).toBe(until.toISOString());

    await waitPastStep2(r);
    expect(sentTo(stack, r.email)).toHaveLength(1);
    expect((await state(r)).status).toBe('paused');

    const resumed = await stack.api('POST', `/v1/prospects/${r.prospectId}/cadence/resume`, { body: { reason: 'spoke to her assistant, she is back early' } });
    expect(resumed.status).toBe(200);
    const [, step2] = await expectMessageCount(stack, r, 2, 'step 2 after the rep resumed the cadence');
    expect(step2!.messageId).toMatch(/\.step-2\.v1@/);
    expect((await r.handle.result()).status).toBe('completed');
  });

  test('an automatic reply of another kind (ticket acknowledgement) is recorded and changes nothing: step 2 goes out on schedule', async () => {
    const r = await startCadence(stack, { delays: [0, STEP_2_DELAY_S] });
    const ack = ticketAcknowledgement({ original: r.first, company: 'Quarry Lane' });
    const webhook = await postRaw(stack, ack);
    expect(webhook.status).toBe(202);
    expect(webhook.body).toMatchObject({ matched: true, matchedBy: 'in-reply-to', prospectId: r.prospectId, intent: 'auto_reply_other', effect: 'record-only', cadenceStopped: false });

    const recorded = await stack.database.db.selectFrom('replies').selectAll().where('message_id', '=', ack.messageId).executeTakeFirstOrThrow();
    expect(recorded).toMatchObject({ prospect_id: r.prospectId, intent: 'auto_reply_other' });
    expect(await activeHolds(stack.database.db, r.enrollmentId)).toHaveLength(0);
    const s = await state(r);
    expect(s.pauses).toEqual([]);
    expect(s.reply).toBeNull();
    expect(['waiting', 'drafting', 'sending']).toContain(s.status);

    const [, step2] = await expectMessageCount(stack, r, 2, 'step 2 on schedule', (STEP_2_DELAY_S + 10) * 1000);
    expect(step2!.messageId).toMatch(/\.step-2\.v1@/);
    expect(new Date(step2!.receivedAt).getTime() - new Date(r.first.receivedAt).getTime()).toBeGreaterThanOrEqual(STEP_2_DELAY_S * 1000 - 500);
    expect((await r.handle.result()).status).toBe('completed');
  });

  test('JSON carrying `raw` is matched by the raw message\'s In-Reply-To, like the same message posted raw', async () => {
    // A help-desk acknowledgement comes from the help desk's address, not the prospect's: only its
    // threading headers tie it to our message.
    const r = await startCadence(stack, { delays: [0, HOUR_S] });
    try {
      const ack = ticketAcknowledgement({ original: r.first, company: 'Lantern Health' });
      const webhook = await postJson(stack, ack);
      expect(webhook.status).toBe(202);
      expect(webhook.body).toMatchObject({ intent: 'auto_reply_other', effect: 'record-only' });
      expect(webhook.body).toMatchObject({ matched: true, matchedBy: 'in-reply-to', prospectId: r.prospectId });
    } finally {
      await r.handle.terminate('test done');
    }
  });

  test('an angry reply notifies the owner\'s manager at once, and hands over like any human reply', async () => {
    const r = await startCadence(stack, { delays: [0, STEP_2_DELAY_S] });
    const reply = humanReply({
      original: r.first,
      from: { name: 'Veer Kaur', address: r.email },
      quote: 'outlook',
      text: "This is the third email I've had from you this month and frankly it's unacceptable. We are not interested. If this continues I will have our legal department deal with it.",
    });
    const webhook = await postJson(stack, reply);
    expect(webhook.status).toBe(202);
    expect(webhook.body).toMatchObject({ matched: true, prospectId: r.prospectId, sentiment: 'negative', escalate: true, effect: 'hand-over', cadenceStopped: true });

    const notification = await stack.database.db
      .selectFrom('notifications')
      .selectAll()
      .where('kind', '=', 'reply.escalated')
      .where('key', '=', `reply:${reply.messageId}:escalated`)
      .executeTakeFirst();
    expect(notification).toMatchObject({ user_id: stack.team.manager.id });

    await eventually(async () => (await state(r)).status === 'replied', 'the cadence in the replied state');
    const task = await replyTaskFor(stack, r.prospectId);
    await waitPastStep2(r);
    expect(sentTo(stack, r.email)).toHaveLength(1);
    expect((await stack.api('POST', `/v1/tasks/${task.id}/complete`, { body: { outcome: 'manager called to apologise' } })).status).toBe(200);
    expect((await r.handle.result()).status).toBe('replied');
    expect(sentTo(stack, r.email)).toHaveLength(1);
  });

  test('a human reply from one contact pauses the other cadence at the same account until the rep resumes it', async () => {
    const id = unique();
    const account = { name: `Alpenblick Hotels ${id}`, domain: `alpenblick-${id}.test` };
    const a = await startCadence(stack, { delays: [0, STEP_2_DELAY_S + 1], firstName: 'Stefanie', account });
    const b = await startCadence(stack, { delays: [0, STEP_2_DELAY_S + 1], firstName: 'Lukas', account });

    const reply = humanReply({
      original: a.first,
      from: { name: 'Stefanie Bauer', address: a.email },
      text: "Thanks Dana, let's talk. Would Tuesday at 10am work for a call?\n\nStefanie",
    });
    const webhook = await postRaw(stack, reply);
    expect(webhook.status).toBe(202);
    expect(webhook.body).toMatchObject({ matchedBy: 'in-reply-to', prospectId: a.prospectId, effect: 'hand-over' });

    // The other contact's cadence is held at the data layer and paused in the workflow.
    const holds = await activeHolds(stack.database.db, b.enrollmentId);
    expect(holds.map((h) => h.kind)).toEqual(['account-reply']);
    const pause = await eventually(async () => (await state(b)).pauses.find((p) => p.kind === 'account-reply'), 'the account-reply pause of the other contact');
    expect(pause.by).toBe(a.email);

    await waitPastStep2(b, STEP_2_DELAY_S + 1);
    expect(sentTo(stack, b.email)).toHaveLength(1);
    expect(sentTo(stack, a.email)).toHaveLength(1);
    expect((await state(b)).status).toBe('paused');

    const resumed = await stack.api('POST', `/v1/prospects/${b.prospectId}/cadence/resume`, { body: {} });
    expect(resumed.status).toBe(200);
    try {
      const [, step2] = await expectMessageCount(stack, b, 2, "the other contact's step 2 after the rep resumed it");
      expect(step2!.messageId).toMatch(/\.step-2\.v1@/);
      expect(sentTo(stack, a.email)).toHaveLength(1);
    } finally {
      const task = await replyTaskFor(stack, a.prospectId);
      await stack.api('POST', `/v1/tasks/${task.id}/complete`, { body: {} });
    }
    expect((await a.handle.result()).status).toBe('replied');
  });

  test('rep pause holds step 2 past its moment and is audited; pausing twice is a duplicate naming who paused; resume sends it', async () => {
    const r = await startCadence(stack, { delays: [0, STEP_2_DELAY_S, HOUR_S] });
    const paused = await stack.api('POST', `/v1/prospects/${r.prospectId}/cadence/pause`, { body: { reason: 'waiting for the pricing page update' } });
    expect(paused.status).toBe(200);
    expect(paused.body).toMatchObject({ workflowId: r.workflowId, action: 'pause' });
    expect(paused.body).toMatchObject({ duplicate: false, actedBy: stack.team.rep.id });
    const again = await stack.api('POST', `/v1/prospects/${r.prospectId}/cadence/pause`, { body: { reason: 'twice' } });
    expect(again).toMatchObject({ status: 200, body: { duplicate: true, actedBy: stack.team.rep.id, actedAt: paused.body.actedAt } });

    await waitPastStep2(r);
    expect(sentTo(stack, r.email)).toHaveLength(1);
    const s = await state(r);
    expect(s.status).toBe('paused');
    expect(s.pauses).toEqual([expect.objectContaining({ kind: 'rep-pause', by: `user:${stack.team.rep.id}`, reason: 'waiting for the pricing page update' })]);

    const timeline = await stack.api('GET', `/v1/prospects/${r.prospectId}/timeline`);
    const audit = timeline.body.events.find((e: any) => e.action === 'cadence.paused');
    expect(audit).toMatchObject({ actor: `user:${stack.team.rep.id}`, details: { reason: 'waiting for the pricing page update' } });

    const resumed = await stack.api('POST', `/v1/prospects/${r.prospectId}/cadence/resume`, { body: {} });
    expect(resumed.status).toBe(200);
    try {
      const [, step2] = await expectMessageCount(stack, r, 2, 'step 2 after the rep resumed the cadence');
      expect(step2!.messageId).toMatch(/\.step-2\.v1@/);
    } finally {
      await stack.api('POST', `/v1/prospects/${r.prospectId}/cadence/finish`, { body: { reason: 'test done' } });
    }
  });

  test('rep skip-step skips the step in progress, finish ends the cadence as ended-by-rep, another rep gets 403', async () => {
    const r = await startCadence(stack, { delays: [0, HOUR_S, HOUR_S] });
    await eventually(async () => (await state(r)).status === 'waiting' && (await state(r)).currentStep === 2, 'the wait before step 2');

    const foreign = await stack.api('POST', `/v1/prospects/${r.prospectId}/cadence/pause`, { token: stack.team.otherRep.token, body: { reason: 'not mine' } });
    expect(foreign.status).toBe(403);
    expect(await activeHolds(stack.database.db, r.enrollmentId)).toHaveLength(0);

    const skipped = await stack.api('POST', `/v1/prospects/${r.prospectId}/cadence/skip-step`, { body: { reason: 'covered on the phone' } });
    expect(skipped.status).toBe(200);
    const s = await eventually(async () => {
      const now = await state(r);
      return now.currentStep === 3 ? now : null;
    }, 'the cadence moving on to step 3');
    expect(s.steps[1]).toMatchObject({ step: 2, status: 'skipped' });

    const finished = await stack.api('POST', `/v1/prospects/${r.prospectId}/cadence/finish`, { body: { reason: 'moved to a partner' } });
    expect(finished.status).toBe(200);
    const result = await r.handle.result();
    expect(result.status).toBe('ended-by-rep');
    expect(result.steps[1]!.status).toBe('skipped');
    expect(sentTo(stack, r.email)).toHaveLength(1);
    const timeline = await stack.api('GET', `/v1/prospects/${r.prospectId}/timeline`);
    const actions = timeline.body.events.map((e: any) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['cadence.step-skipped', 'cadence.finished']));
  });

  test('a duplicate delivery of the same message (same Message-ID, raw or JSON) changes nothing', async () => {
    const r = await startCadence(stack, { delays: [0, HOUR_S] });
    const reply = humanReply({ original: r.first, from: { name: 'Veer Kaur', address: r.email }, text: 'What does it cost for a team of 40 reps?\n\nVeer' });
    const first = await postRaw(stack, reply);
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({ duplicate: false, effect: 'hand-over', cadenceStopped: true });
    const task = await replyTaskFor(stack, r.prospectId);
    await eventually(async () => (await state(r)).awaitingApproval?.kind === 'reply', 'the suggested answer');
    const before = await state(r);

    const asJson = await postJson(stack, reply);
    expect(asJson.status).toBe(200);
    expect(asJson.body).toMatchObject({ duplicate: true, replyId: first.body.replyId, prospectId: r.prospectId, cadenceStopped: false });
    const asRaw = await postRaw(stack, reply);
    expect(asRaw.status).toBe(200);
    expect(asRaw.body).toMatchObject({ duplicate: true, replyId: first.body.replyId, cadenceStopped: false });

    await sleep(1000);
    const { db } = stack.database;
    expect(await db.selectFrom('replies').select('id').where('prospect_id', '=', r.prospectId).execute()).toHaveLength(1);
    expect(await db.selectFrom('tasks').select('id').where('prospect_id', '=', r.prospectId).execute()).toHaveLength(1);
    expect(await db.selectFrom('enrollment_holds').select('id').where('enrollment_id', '=', r.enrollmentId).execute()).toHaveLength(1);
    expect(await db.selectFrom('approval_requests').select('id').where('prospect_id', '=', r.prospectId).where('kind', '=', 'reply').execute()).toHaveLength(1);
    const after = await state(r);
    expect(after.inbound).toEqual(before.inbound);
    expect(after.inbound).toHaveLength(1);
    expect(after.status).toBe('replied');

    expect((await stack.api('POST', `/v1/tasks/${task.id}/complete`, { body: {} })).status).toBe(200);
    expect((await r.handle.result()).status).toBe('replied');
    expect(sentTo(stack, r.email)).toHaveLength(1);
  });
});

describe('soft bounces, with a short retry', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ policy: async () => ({ ...defaultPolicy, softBounceRetryAfterMs: 2000, softBounceMaxRetries: 1 }) });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  test('a soft bounce (DSN 4.2.2 mailbox full) resends the same message later; one bounce too many ends the cadence as bounced', async () => {
    const r = await startCadence(stack, { delays: [0, HOUR_S] });
    const dsn = deliveryStatusNotification({ original: r.first, status: '4.2.2' });
    const webhook = await postRaw(stack, dsn);
    expect(webhook.status).toBe(202);
    expect(webhook.body).toMatchObject({ matched: true, matchedBy: 'bounced-message', prospectId: r.prospectId, intent: 'bounce_soft', effect: 'soft-bounce', cadenceStopped: true });

    // The cadence keeps going; nothing is suppressed.
    const s = await eventually(async () => {
      const now = await state(r);
      return now.softBounces[1] === 1 ? now : null;
    }, 'the soft bounce counted');
    expect(['waiting', 'drafting', 'sending']).toContain(s.status);
    expect(s.endedReason).toBeNull();
    const { db } = stack.database;
    expect(await db.selectFrom('suppressions').select('id').where('value', '=', r.email).execute()).toHaveLength(0);
    const bounced = await db.selectFrom('sends').select(['bounce_kind']).where('message_id', '=', r.first.messageId!).executeTakeFirstOrThrow();
    expect(bounced.bounce_kind).toBe('soft');

    // The same message again, under its own Message-ID (attempt 2).
    const [, resent] = await expectMessageCount(stack, r, 2, 'the resend after the soft bounce');
    expect(resent!.subject).toBe(r.first.subject);
    expect(approvedText(resent!)).toBe(approvedText(r.first));
    expect(resent!.messageId).not.toBe(r.first.messageId);
    expect(resent!.messageId).toBe(r.first.messageId!.replace('.step-1.v1@', '.step-1.v1.a2@'));
    expect(['waiting', 'drafting', 'sending']).toContain((await state(r)).status);

    // The resend bounces too: more than softBounceMaxRetries (1), so the cadence ends.
    const second = deliveryStatusNotification({ original: resent!, status: '4.2.2' });
    const webhook2 = await postJson(stack, second);
    expect(webhook2.status).toBe(202);
    expect(webhook2.body).toMatchObject({ matchedBy: 'bounced-message', prospectId: r.prospectId, effect: 'soft-bounce' });
    const result = await r.handle.result();
    expect(result.status).toBe('bounced');
    await sleep(2500);
    expect(sentTo(stack, r.email)).toHaveLength(2);
  });
});
