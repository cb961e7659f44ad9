import { Worker } from '@temporalio/worker';
import { unsubscribeFooter } from '../../activities/sending';
import { stateQuery } from '../../workflows/definitions';
import { eventually, heldPacer } from '../helpers/harness';
import { createCadence, goodTemplate } from '../helpers/seed';
import { startStack, type Stack } from '../helpers/stack';

// The whole path on the dev server, PostgreSQL and a real SMTP conversation, driven over HTTP.
let stack: Stack;
let cadenceId: string;

beforeAll(async () => {
  stack = await startStack();
  cadenceId = await createCadence(stack.database.db, [
    { delaySeconds: 0, template: goodTemplate },
    { delaySeconds: 3 * 86_400, template: goodTemplate },
  ]);
});

afterAll(async () => {
  await stack?.stop();
});

const enrollBody = (email: string, domain: string) => ({
  cadenceId,
  prospect: { email, firstName: 'Jordan', lastName: 'Avery', title: 'Head of Operations' },
  account: { name: 'Northwind Freight', domain, industry: 'freight', dealValue: 20_000 },
});

async function firstQueueItem(prospectEmail: string) {
  return eventually(async () => {
    const queue = await stack.api('GET', '/v1/approvals');
    return queue.body.items.find((i: any) => i.prospect.email === prospectEmail);
  }, `a queue item for ${prospectEmail}`);
}

test('enrolled and approved over HTTP, the prospect receives exactly the approved text once; duplicates change nothing; a reply stops the cadence', async () => {
  const email = 'jordan.avery@northwind-freight.test';
  const enrolled = await stack.api('POST', '/v1/enrollments', { body: enrollBody('Jordan.Avery@Northwind-Freight.test', 'northwind-freight.test') });
  expect(enrolled.status).toBe(201);
  const again = await stack.api('POST', '/v1/enrollments', { body: enrollBody(email, 'northwind-freight.test') });
  expect(again.status).toBe(409);
  expect(again.body.error).toBe('already-enrolled');

  const item = await firstQueueItem(email);
  expect(item).toMatchObject({
    step: 1,
    draft: { version: 1 },
    whyGated: [{ rule: 'first-touch' }],
    prospect: { email, name: 'Jordan Avery', title: 'Head of Operations' },
    account: { name: 'Northwind Freight', domain: 'northwind-freight.test', dealValue: 20_000 },
    thread: [],
  });
  expect(item.draft.body).toContain('Hi Jordan,');
  expect(item.confidence).toBeGreaterThanOrEqual(0.85);
  expect(stack.smtp.messages).toHaveLength(0);

  const decision = { action: 'approve', draftVersion: 1 };
  const approved = await stack.api('POST', `/v1/approvals/${item.id}/decision`, { body: decision });
  expect(approved.status).toBe(200);
  expect(approved.body).toMatchObject({ action: 'approve', duplicate: false, contentHash: item.draft.contentHash });

  const [message] = await stack.smtp.waitFor((m) => m.envelopeTo.includes(email));
  expect(message!.subject).toBe(item.draft.subject);
  // Exactly the approved text, then the unsubscribe footer the sender adds (with the message's own link).
  expect(message!.text).toBe(`${item.draft.body}\n\n${unsubscribeFooter(message!.headers['list-unsubscribe']!.slice(1, -1))}`);
  expect(message!.from).toContain('Dana Rep');

  const duplicate = await stack.api('POST', `/v1/approvals/${item.id}/decision`, { body: decision });
  expect(duplicate.status).toBe(200);
  expect(duplicate.body.duplicate).toBe(true);

  const handle = stack.client.workflow.getHandle(enrolled.body.workflowId);
  await eventually(async () => (await handle.query(stateQuery)).status === 'waiting', 'the wait before step 2');

  const reply = {
    messageId: '<CAF=reply-1@mail.northwind-freight.test>',
    from: email,
    subject: `Re: ${message!.subject}`,
    text: 'Sounds interesting. Can we set up a call on Tuesday at 10am?\n\n> earlier text',
    inReplyTo: message!.messageId,
  };
  const webhook = await stack.api('POST', '/v1/webhooks/inbound-reply', { token: stack.team.integration.token, body: reply });
  expect(webhook.status).toBe(202);
  expect(webhook.body).toMatchObject({
    matched: true,
    matchedBy: 'in-reply-to',
    prospectId: enrolled.body.prospectId,
    intent: 'meeting_request',
    effect: 'hand-over',
    cadenceStopped: true,
  });
  const redelivered = await stack.api('POST', '/v1/webhooks/inbound-reply', { token: stack.team.integration.token, body: reply });
  expect(redelivered.status).toBe(200);
  expect(redelivered.body).toMatchObject({ duplicate: true, replyId: webhook.body.replyId, cadenceStopped: false });

  // The rep takes over: a task to answer, with a suggested answer in the queue that only the rep can send.
  const replyTask = await eventually(async () => (await stack.api('GET', '/v1/tasks')).body.items.find((t: any) => t.kind === 'reply'), 'the reply task');
  expect(replyTask).toMatchObject({ prospectId: enrolled.body.prospectId, details: { intent: 'meeting_request' } });
  const suggestion = await eventually(async () => (await stack.api('GET', '/v1/approvals')).body.items.find((i: any) => i.whyGated[0]?.rule === 'manual-step'), 'the suggested answer');
  expect(suggestion.draft.subject).toBe(reply.subject);
  // The queue item carries the conversation so far, oldest first: our message, then the answer.
  expect(suggestion.thread.map((t: any) => [t.direction, t.messageId])).toEqual([
    ['outbound', message!.messageId],
    ['inbound', reply.messageId],
  ]);
  expect(suggestion.thread[1].body).toContain('Can we set up a call on Tuesday');
  expect((await stack.api('POST', `/v1/tasks/${replyTask.id}/complete`, { body: { outcome: 'called back, meeting Tuesday' } })).status).toBe(200);

  const result = await handle.result();
  expect(result.status).toBe('replied');
  expect(stack.smtp.messages.filter((m) => m.envelopeTo.includes(email))).toHaveLength(1);
  const { db } = stack.database;
  expect(await db.selectFrom('replies').select('id').where('prospect_id', '=', enrolled.body.prospectId).execute()).toHaveLength(1);
  expect(await db.selectFrom('tasks').select('id').where('prospect_id', '=', enrolled.body.prospectId).execute()).toHaveLength(1);

  const timeline = await stack.api('GET', `/v1/prospects/${enrolled.body.prospectId}/timeline`);
  expect(timeline.status).toBe(200);
  const actions = timeline.body.events.map((e: any) => e.action);
  expect(actions).toEqual([
    'enrollment.started',
    'prospect.enriched',
    'draft.created',
    'draft.scored',
    'gate.decided',
    'approval.requested',
    'approval.decided',
    'send.sent',
    'reply.received',
    'cadence.replied',
    'draft.created', // the suggested answer
    'approval.requested',
    'task.completed',
    'approval.withdrawn', // the rep answered outside the suggestion
    'enrollment.ended',
  ]);
  const byAction = (a: string) => timeline.body.events.find((e: any) => e.action === a);
  expect(byAction('approval.decided')).toMatchObject({ actor: `user:${stack.team.rep.id}`, contentHash: item.draft.contentHash });
  expect(byAction('send.sent').contentHash).toBe(item.draft.contentHash);
  expect(byAction('gate.decided').details).toMatchObject({ gated: true, policyVersion: 'test-policy-1' });

  // A recorded history replays on the current workflow code without a determinism error.
  const history = await handle.fetchHistory();
  // Every patch is decided in the first workflow task, before any activity: no patch marker can follow a local
  // activity (test/fixtures/histories/known-nondeterminism shows what that did). A run started on this code takes
  // every patch up to the baseline on the baseline's one marker (with its one TemporalChangeVersion upsert).
  const events = history.events ?? [];
  const firstActivity = events.findIndex((e) => e.activityTaskScheduledEventAttributes || e.markerRecordedEventAttributes?.markerName === 'core_local_activity');
  const patchMarkers = events.flatMap((e, i) => (e.markerRecordedEventAttributes?.markerName === 'core_patch' ? [i] : []));
  expect(patchMarkers).toHaveLength(1);
  expect(Math.max(...patchMarkers)).toBeLessThan(firstActivity);
  const changeVersions = events.filter((e) => e.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields?.TemporalChangeVersion);
  expect(changeVersions).toHaveLength(1);
  // The template alone writes the first touch: the cadence's worker drafted it as a local activity (a marker), with
  // no activity task for it on the drafting task queue.
  expect(events.map((e) => e.activityTaskScheduledEventAttributes?.activityType?.name).filter(Boolean)).not.toContain('draftScoreAndGate');
  await Worker.runReplayHistory({ workflowBundle: { codePath: process.env.CADENCE_TEST_WORKFLOW_BUNDLE! } }, history, enrolled.body.workflowId);
});

test('an ops engineer can find a cadence by its custom search attributes and read what it waits for', async () => {
  const email = 'casey.lin@contoso-shipping.test';
  const enrolled = await stack.api('POST', '/v1/enrollments', { body: enrollBody(email, 'contoso-shipping.test') });
  expect(enrolled.status).toBe(201);
  await firstQueueItem(email);

  const query = `CadenceOwner = "${stack.team.rep.id}" AND CadenceAwaitingApproval = true AND CadenceStatus = "awaiting-approval" AND CadenceProspect = "${email}" AND CadenceAccount = "contoso-shipping.test"`;
  const found = await eventually(async () => {
    const ids: string[] = [];
    for await (const wf of stack.client.workflow.list({ query })) ids.push(wf.workflowId);
    return ids.includes(enrolled.body.workflowId) ? ids : null;
  }, 'the cadence in a visibility query');
  expect(found).toEqual([enrolled.body.workflowId]);

  const handle = stack.client.workflow.getHandle(enrolled.body.workflowId);
  const metadata: any = await handle.query('__temporal_workflow_metadata');
  expect(metadata.currentDetails).toMatch(/^Waiting for Dana Rep's approval of step 1 \(draft v1; gated: first-touch\); reminder at \d{4}-\d\d-\d\d \d\d:\d\d UTC\.$/);
  const description = await handle.describe();
  expect(await description.staticSummary()).toBe(`Test cadence ${cadenceId} for ${email} at Northwind Freight, owned by Dana Rep`);
  await handle.terminate('test done');
});

test('on the real server, a reply that races an in-flight send wins: SMTP receives nothing', async () => {
  const pacer = heldPacer();
  const held = await startStack({ pacer });
  try {
    const heldCadence = await createCadence(held.database.db, [{ delaySeconds: 0, template: goodTemplate }]);
    const email = 'morgan.diaz@fabrikam.test';
    const enrolled = await held.api('POST', '/v1/enrollments', {
      body: { ...enrollBody(email, 'fabrikam.test'), cadenceId: heldCadence },
    });
    const item = await eventually(async () => (await held.api('GET', '/v1/approvals')).body.items[0], 'the queue item');
    expect((await held.api('POST', `/v1/approvals/${item.id}/decision`, { body: { action: 'approve', draftVersion: 1 } })).status).toBe(200);
    await pacer.entered;
    const webhook = await held.api('POST', '/v1/webhooks/inbound-reply', {
      token: held.team.integration.token,
      body: { messageId: '<race@fabrikam.test>', from: email, text: 'Hold on, let me check with my team first.' },
    });
    expect(webhook.body).toMatchObject({ matched: true, matchedBy: 'sender', cadenceStopped: true });
    pacer.release(); // let the send race the cancellation: either the heartbeat or the ledger re-check stops it
    const replyTask = await eventually(async () => (await held.api('GET', '/v1/tasks')).body.items.find((t: any) => t.kind === 'reply'), 'the reply task');
    await held.api('POST', `/v1/tasks/${replyTask.id}/complete`, { body: {} });
    const result = await held.client.workflow.getHandle(enrolled.body.workflowId).result();
    expect(result.status).toBe('replied');
    expect(result.steps[0].status).toBe('cancelled');
    await new Promise((r) => setTimeout(r, 500));
    expect(held.smtp.messages).toHaveLength(0);
  } finally {
    pacer.release();
    await held.stop();
  }
});
