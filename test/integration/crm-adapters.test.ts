import { buildCrmAdapters } from '../../workers/crm-adapters';
import { ensureCrmFeeds } from '../../activities/crm-feed/start-feed';
import type { CrmAdapters } from '../../activities/crm-feed/crm-adapter';
import { createTestDatabase } from '../helpers/database';
import { eventually, recordedAsSent } from '../helpers/harness';
import { HubSpotApi } from '../helpers/hubspot-api';
import { SalesforceApi } from '../helpers/salesforce-api';
import { createCadence, createUser, goodTemplate, type TestUser } from '../helpers/seed';
import { startStack, type Stack } from '../helpers/stack';
import { workerProcess } from '../helpers/worker-process';

// The HubSpot and Salesforce adapters on the real stack, each through its official SDK (@hubspot/api-client,
// jsforce) against a local server that answers in the vendor's API shapes (test/helpers/hubspot-api.ts and
// salesforce-api.ts cite the reference pages they follow):
// HubSpot  https://developers.hubspot.com/docs/api/crm/contacts (search, create), .../crm/emails, .../crm/notes,
//          .../crm/tasks, .../crm/meetings, https://developers.hubspot.com/docs/api/crm/associations (type ids)
// Salesforce https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_query.htm,
//          .../dome_sobject_create.htm, .../dome_update_fields.htm, and the Task object reference
//          https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_task.htm
const FEEDS = { pollMs: 200, retry: { initialIntervalMs: 200, maximumIntervalMs: 400 }, maxFailures: 50, pauseAfterMs: 60_000 };

let stack: Stack;
let admin: TestUser;
const hubspot = new HubSpotApi({ token: 'pat-na1-test-token' });
const salesforce = new SalesforceApi({ token: '00Dxx0000000001!test-session' });
let adapters: CrmAdapters;

beforeAll(async () => {
  await hubspot.start();
  await salesforce.start();
  adapters = buildCrmAdapters({ hubspot: { accessToken: hubspot.token, baseUrl: hubspot.url }, salesforce: { instanceUrl: salesforce.url, accessToken: salesforce.token } });
  stack = await startStack({ crm: adapters }, {}, { webhooks: FEEDS });
  admin = await createUser(stack.database.db, 'admin', 'Alex Admin');
  const feeds = await ensureCrmFeeds(stack.database.db, stack.client, { taskQueue: `${stack.taskQueue}-webhooks`, adapters, settings: FEEDS });
  expect(feeds.map((f) => [f.subscriptionId, f.feed])).toEqual([
    ['crm_hubspot', 'started'],
    ['crm_salesforce', 'started'],
  ]);
});

afterAll(async () => {
  await stack?.stop();
  await hubspot.stop();
  await salesforce.stop();
});

async function enroll(cadenceId: string, prospect: { email: string; firstName: string; lastName?: string; title?: string }, account: { name: string; domain: string }) {
  const res = await stack.api('POST', '/v1/enrollments', { body: { cadenceId, prospect, account: { ...account, industry: 'logistics', dealValue: 20_000 } } });
  expect(res.status).toBe(201);
  return res.body as { prospectId: string; enrollmentId: string };
}

async function approveFirstTouch(email: string) {
  const item = await eventually(async () => (await stack.api('GET', '/v1/approvals')).body.items.find((i: any) => i.prospect.email === email), `the approval for ${email}`);
  const decided = await stack.api('POST', `/v1/approvals/${item.id}/decision`, { body: { action: 'approve', draftVersion: item.draft.version ?? 1 } });
  expect([decided.status, decided.body?.message]).toEqual([200, undefined]);
  const [message] = await stack.smtp.waitFor((m) => m.envelopeTo.includes(email));
  await recordedAsSent(stack.database.db, message!.messageId!);
  return { item, message: message! };
}

const linked = (system: string, kind: string, localId: string) =>
  stack.database.db.selectFrom('crm_links').select(['external_type', 'external_id']).where('system', '=', system as never).where('local_kind', '=', kind as never).where('local_id', '=', localId).executeTakeFirst();

test('a cadence with a reply reaches both CRMs on the person they already had: emails, the reply, the rep task and its completion, notes', async () => {
  const cadenceId = await createCadence(stack.database.db, [
    { delaySeconds: 0, template: goodTemplate },
    { delaySeconds: 3 * 86_400, template: goodTemplate },
  ]);
  const email = 'priya.raman@northwind-logistics.test';
  // Both CRMs know this person already: the adapters find them by email (case aside) and make no one new.
  const hubspotContact = hubspot.seedContact({ email: 'Priya.Raman@northwind-logistics.test', firstname: 'Priya', lastname: 'Raman' });
  const salesforceContact = salesforce.seed('Contact', { FirstName: 'Priya', LastName: 'Raman', Email: email });
  // HubSpot is briefly rate limited: the delivery is retried by Temporal, nothing is recorded twice.
  hubspot.failNext(2, 429);

  const { prospectId } = await enroll(cadenceId, { email, firstName: 'Priya', lastName: 'Raman', title: 'VP Operations' }, { name: 'Northwind Logistics', domain: 'northwind-logistics.test' });
  const { item, message } = await approveFirstTouch(email);
  const reply = { messageId: '<reply-crm-1@mail.northwind-logistics.test>', from: email, subject: `Re: ${message.subject}`, text: 'Interesting timing. Could we talk on Thursday afternoon?', inReplyTo: message.messageId };
  expect((await stack.api('POST', '/v1/webhooks/inbound-reply', { token: stack.team.integration.token, body: reply })).status).toBe(202);
  const replyTask = await eventually(async () => (await stack.api('GET', '/v1/tasks')).body.items.find((t: any) => t.kind === 'reply' && t.prospectId === prospectId), 'the reply task');
  expect((await stack.api('POST', `/v1/tasks/${replyTask.id}/complete`, { body: { outcome: 'booked a call for Thursday' } })).status).toBe(200);

  // Every event of this prospect recorded in both CRMs (the last one is the cadence's end).
  const finished = await stack.database.db.selectFrom('audit_events').select('id').where('prospect_id', '=', prospectId).where('action', '=', 'enrollment.ended');
  const endEvent = await eventually(() => finished.executeTakeFirst(), 'the cadence to end', 30_000);
  for (const system of ['hubspot', 'salesforce']) await eventually(() => linked(system, 'event', `evt_${endEvent.id}`), `cadence.finished in ${system}`, 30_000);

  // HubSpot: the existing contact, nobody new; every engagement associated with it.
  expect(hubspot.contacts()).toHaveLength(1);
  expect(await linked('hubspot', 'prospect', prospectId)).toEqual({ external_type: 'contact', external_id: hubspotContact });
  const emails = hubspot.objects('emails');
  expect(emails.map((e) => [e.properties.hs_email_direction, e.associations])).toEqual([
    ['EMAIL', [hubspotContact]],
    ['INCOMING_EMAIL', [hubspotContact]],
  ]);
  expect(emails[0]!.properties).toMatchObject({ hs_email_subject: item.draft.subject, hs_email_text: item.draft.body, hs_email_status: 'SENT' });
  expect(emails[1]!.properties.hs_email_text).toContain('Thursday afternoon');
  expect(emails[1]!.properties.hs_email_subject).toContain('meeting_request');
  const [task] = hubspot.objects('tasks');
  expect(task).toMatchObject({ associations: [hubspotContact], properties: { hs_task_status: 'COMPLETED', hs_task_type: 'EMAIL' } });
  expect(task!.properties.hs_task_body).toContain('booked a call for Thursday');
  const notes = hubspot.objects('notes').map((n) => n.properties.hs_note_body);
  expect(notes).toEqual([expect.stringMatching(/^Enrolled in cadence/), expect.stringMatching(/^Draft \(step 1\) approved by/), expect.stringMatching(/^Cadence finished: replied/)]);
  expect(hubspot.objects('notes').every((n) => n.associations[0] === hubspotContact)).toBe(true);
  // The 429s were answered and retried: each engagement once.
  expect(hubspot.requests.filter((r) => r.status === 429)).toHaveLength(2);

  // Salesforce: Tasks on the existing Contact, in order; the rep's task made open and then completed.
  const tasks = salesforce.records('Task');
  expect(tasks.every((t) => t.WhoId === salesforceContact)).toBe(true);
  expect(salesforce.records('Lead')).toHaveLength(0);
  expect(tasks.map((t) => [t.TaskSubtype, t.Status])).toEqual([
    ['Task', 'Completed'],
    ['Task', 'Completed'],
    ['Email', 'Completed'],
    ['Email', 'Completed'],
    ['Email', 'Completed'],
    ['Task', 'Completed'],
  ]);
  expect(tasks[2]).toMatchObject({ Subject: `Email: ${item.draft.subject}`, Description: item.draft.body });
  expect(tasks[3]!.Subject).toMatch(/^Reply: /);
  expect(tasks[4]!.Description).toContain('booked a call for Thursday');
  // A reply task is made with the reply (no task.created event), so its completion is recorded as a done task.
  expect(salesforce.requests.filter((r) => r.method === 'PATCH')).toHaveLength(0);
});

test('a new person is made in each CRM (HubSpot contact, Salesforce Lead); a meeting is a meeting; the webhook feed carries their CRM ids', async () => {
  const cadenceId = await createCadence(stack.database.db, [{ delaySeconds: 0, template: goodTemplate }, { delaySeconds: 0, kind: 'meeting' }]);
  const email = 'tomas.novak@harbor-freight-lines.test';
  const { prospectId } = await enroll(cadenceId, { email, firstName: 'Tomas', lastName: 'Novak', title: 'Head of Logistics' }, { name: 'Harbor Freight Lines', domain: 'harbor-freight-lines.test' });
  const hubspotLink = await eventually(() => linked('hubspot', 'prospect', prospectId), 'the HubSpot contact', 20_000);
  const salesforceLink = await eventually(() => linked('salesforce', 'prospect', prospectId), 'the Salesforce lead', 20_000);
  expect(hubspot.contacts().find((c) => c.id === hubspotLink.external_id)!.properties).toMatchObject({ email, firstname: 'Tomas', lastname: 'Novak', jobtitle: 'Head of Logistics', company: 'Harbor Freight Lines' });
  expect(salesforceLink.external_type).toBe('Lead');
  expect(salesforce.records('Lead').find((l) => l.Id === salesforceLink.external_id)).toMatchObject({ FirstName: 'Tomas', LastName: 'Novak', Email: email, Company: 'Harbor Freight Lines', Title: 'Head of Logistics' });

  // A webhook subscriber from now on sees the CRM ids on the prospect.
  const sub = await stack.api('POST', '/v1/webhook-subscriptions', { token: admin.token, body: { url: 'http://127.0.0.1:9/nobody', events: ['approval.decided'] } });
  expect(sub.status).toBe(201);
  await approveFirstTouch(email);
  const frozen = await eventually(
    () => stack.database.db.selectFrom('webhook_deliveries').select('payload').where('subscription_id', '=', sub.body.id).where('prospect_id', '=', prospectId).executeTakeFirst(),
    'the approval event in the webhook outbox',
  );
  expect(JSON.parse(frozen.payload).data.prospect).toEqual({ id: prospectId, email, crmIds: { hubspot: hubspotLink.external_id, salesforce: salesforceLink.external_id } });
  expect((await stack.api('DELETE', `/v1/webhook-subscriptions/${sub.body.id}`, { token: admin.token })).status).toBe(204);

  const meetingTask = await eventually(async () => (await stack.api('GET', '/v1/tasks')).body.items.find((t: any) => t.kind === 'meeting' && t.prospectId === prospectId), 'the meeting task');
  const meetingAt = new Date(Date.now() + 3 * 86_400_000).toISOString();
  expect((await stack.api('POST', `/v1/tasks/${meetingTask.id}/complete`, { body: { outcome: 'meeting booked', meetingAt } })).status).toBe(200);
  const meetingEvent = await eventually(
    () => stack.database.db.selectFrom('audit_events').select('id').where('prospect_id', '=', prospectId).where('action', '=', 'meeting.confirmed').executeTakeFirst(),
    'meeting.confirmed',
  );
  await eventually(() => linked('hubspot', 'event', `evt_${meetingEvent.id}`), 'the HubSpot meeting', 20_000);
  await eventually(() => linked('salesforce', 'event', `evt_${meetingEvent.id}`), 'the Salesforce meeting task', 20_000);
  const meeting = hubspot.objects('meetings').find((m) => m.associations.includes(hubspotLink.external_id))!;
  expect(meeting.properties).toMatchObject({ hs_meeting_start_time: meetingAt, hs_meeting_outcome: 'SCHEDULED' });
  const leadTasks = salesforce.records('Task').filter((t) => t.WhoId === salesforceLink.external_id);
  expect(leadTasks.some((t) => String(t.Subject).startsWith('Meeting') && t.ActivityDate === meetingAt.slice(0, 10))).toBe(true);
  // The meeting task was made open in both CRMs, then completed.
  const hubspotTask = await eventually(async () => hubspot.objects('tasks').find((t) => t.associations.includes(hubspotLink.external_id) && t.properties.hs_task_status === 'COMPLETED'), 'the HubSpot task completed', 20_000);
  expect(hubspotTask.properties.hs_task_body).toBe(`Meeting confirmed for ${meetingAt}.`);
});

test('a CRM that refuses the token: deliveries fail and are retried with the reason on the feed; cadences are not held up; fixed, it catches up in order', async () => {
  const { db } = stack.database;
  const cadenceId = await createCadence(db, [{ delaySeconds: 0, template: goodTemplate }]);
  const before = (await db.selectFrom('crm_links').select((eb) => eb.fn.countAll<string>().as('n')).where('system', '=', 'salesforce').executeTakeFirstOrThrow()).n;
  salesforce.rejectTokens(true);
  const email = 'lena.fischer@baltic-cargo.test';
  const { prospectId } = await enroll(cadenceId, { email, firstName: 'Lena', lastName: 'Fischer', title: 'Operations Manager' }, { name: 'Baltic Cargo', domain: 'baltic-cargo.test' });
  const started = Date.now();
  await approveFirstTouch(email);
  expect(Date.now() - started).toBeLessThan(15_000);
  const failing = await eventually(
    () => db.selectFrom('webhook_deliveries').select(['last_error', 'attempts']).where('subscription_id', '=', 'crm_salesforce').where('status', '=', 'pending').where('attempts', '>=', 2).executeTakeFirst(),
    'a failing Salesforce delivery',
  );
  expect(failing.last_error).toMatch(/INVALID_SESSION_ID/);
  // HubSpot is unaffected: it has this prospect's email already.
  await eventually(async () => hubspot.objects('emails').some((e) => String(e.properties.hs_email_headers).includes(email)), 'the HubSpot email');
  salesforce.rejectTokens(false);
  const leadId = (await eventually(() => linked('salesforce', 'prospect', prospectId), 'the Salesforce lead after the fix', 20_000)).external_id;
  await eventually(async () => salesforce.records('Task').filter((t) => t.WhoId === leadId).length >= 3 || null, 'the backlog in Salesforce', 20_000);
  const subjects = salesforce.records('Task').filter((t) => t.WhoId === leadId).map((t) => String(t.Subject));
  expect(subjects.slice(0, 3)).toEqual([expect.stringMatching(/^Enrolled/), expect.stringMatching(/^Draft \(step 1\) approved/), expect.stringMatching(/^Email: /)]);
  expect(Number((await db.selectFrom('crm_links').select((eb) => eb.fn.countAll<string>().as('n')).where('system', '=', 'salesforce').executeTakeFirstOrThrow()).n)).toBeGreaterThan(Number(before));
});

test('the CRM subscriptions are listed with their kind; a replay to a CRM fills gaps without recording anything twice', async () => {
  const list = await stack.api('GET', '/v1/webhook-subscriptions', { token: admin.token });
  const crm = list.body.items.filter((s: any) => s.kind !== 'webhook');
  expect(crm.map((s: any) => [s.id, s.kind, s.url, s.status])).toEqual([
    ['crm_hubspot', 'hubspot', hubspot.url, 'active'],
    ['crm_salesforce', 'salesforce', salesforce.url, 'active'],
  ]);
  const notesBefore = hubspot.objects('notes').length;
  const replay = await stack.api('POST', '/v1/webhook-subscriptions/crm_hubspot/replay', { token: admin.token, body: { from: new Date(Date.now() - 3_600_000).toISOString() } });
  expect(replay.status).toBe(202);
  expect(replay.body.requeued).toBeGreaterThan(5);
  await eventually(
    () => stack.database.db.selectFrom('webhook_deliveries').select('event_id').where('subscription_id', '=', 'crm_hubspot').where('status', '=', 'pending').executeTakeFirst().then((r) => !r),
    'the replay to finish',
    30_000,
  );
  // Nothing recorded twice: every note is one event's (its contact, time and text differ from every other's).
  const notes = hubspot.objects('notes').map((n) => JSON.stringify([n.associations, n.properties.hs_timestamp, n.properties.hs_note_body]));
  expect(new Set(notes).size).toBe(notes.length);
  expect(notes.length).toBeGreaterThanOrEqual(notesBefore);
});

test('half a CRM configuration stops the worker at start-up, naming what is missing', async () => {
  const database = await createTestDatabase();
  try {
    const worker = workerProcess({
      databaseUrl: database.url,
      temporalAddress: process.env.CADENCE_TEST_TEMPORAL_ADDRESS!,
      taskQueue: `crm-config-${Date.now()}`,
      smtpPort: 9,
      name: 'worker with half a Salesforce configuration',
      env: { SALESFORCE_INSTANCE_URL: 'https://acme.my.salesforce.com' },
    });
    await expect(worker.start()).rejects.toThrow(/exited/);
    expect(worker.output()).toContain('SALESFORCE_ACCESS_TOKEN: required for the Salesforce adapter');
  } finally {
    await database.drop();
  }
});
