import { stateQuery } from '../../workflows/definitions';
import { eventually } from '../helpers/harness';
import { seedSentSends, startApprovedCadence } from '../helpers/deliverability';
import { createUser, type TestUser } from '../helpers/seed';
import { startStack, type Stack } from '../helpers/stack';

// The mail provider's bounce and complaint webhook end to end on the dev server: events validated one by
// one, recorded idempotently, linked to sends really made over SMTP, suppressing the address and ending
// the cadence through the same reply signal a DSN or an unsubscribe uses.

let stack: Stack;
let admin: TestUser;
let seq = 0;

beforeAll(async () => {
  stack = await startStack();
  admin = await createUser(stack.database.db, 'admin', 'Ada Admin');
  // This file's cadences all send from the rep's mailbox: limits its few bounces and complaints never cross
  // (test/integration/mailboxes.test.ts tests the stop).
  const mailbox = await stack.api('PUT', `/v1/mailboxes/${stack.team.rep.email}`, {
    token: admin.token,
    body: { ownerId: stack.team.rep.id, dailyCap: 10_000, hourlyCap: 10_000, minGapSeconds: 0, jitterSeconds: 0, bounceRateLimit: 1, complaintRateLimit: 1 },
  });
  expect(mailbox.status).toBe(201);
});

afterAll(async () => {
  await stack?.stop();
});

const db = () => stack.database.db;
const unique = (prefix: string) => `${prefix}-${++seq}-${Date.now().toString(36)}`;
const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();
const sentTo = (email: string) => stack.smtp.messages.filter((m) => m.envelopeTo.includes(email));

function deliver(body: unknown, token: string | null = stack.team.integration.token) {
  return stack.api('POST', '/v1/webhooks/delivery-events', { token, body });
}

const suppressionOf = (value: string) => db().selectFrom('suppressions').selectAll().where('kind', '=', 'address').where('value', '=', value).executeTakeFirst();
const sendById = (id: string) => db().selectFrom('sends').select(['bounced_at', 'bounce_kind', 'complained_at']).where('id', '=', id).executeTakeFirstOrThrow();

/** Everything a delivery could change, to compare before and after a redelivery. */
async function snapshot(provider: string) {
  const events = await db().selectFrom('delivery_events').selectAll().where('provider', '=', provider).orderBy('provider_event_id').execute();
  const sendIds = events.map((e) => e.send_id).filter((id): id is string => id !== null);
  return {
    events,
    sends: sendIds.length ? await db().selectFrom('sends').select(['id', 'bounced_at', 'bounce_kind', 'complained_at']).where('id', 'in', sendIds).orderBy('id').execute() : [],
    suppressions: await db().selectFrom('suppressions').selectAll().where('source', 'like', `delivery-event:${provider}:%`).orderBy('value').execute(),
    audits: await db().selectFrom('audit_events').select(['event_key', 'action', 'details']).where('event_key', 'like', `delivery-event:${provider}:%`).orderBy('event_key').execute(),
    mailboxAudits: await db().selectFrom('audit_events').select('event_key').where('action', 'like', 'mailbox.%').execute(),
    notifications: await db().selectFrom('notifications').select('key').execute(),
  };
}

test('a batch with bad events reports each by index and reason and applies the good ones; a soft bounce is only recorded', async () => {
  const provider = unique('ses');
  const mailbox = `${unique('outbound')}@seller.test`;
  const [a, b, c] = await seedSentSends(db(), { mailbox, ownerId: stack.team.rep.id, count: 3 });
  const stranger = `${unique('stranger')}@nowhere.test`;
  const at = minutesAgo(5);
  const res = await deliver({
    provider: provider.toUpperCase(),
    events: [
      { id: 'e0', type: 'bounce', bounceType: 'hard', recipient: a!.recipient, messageId: a!.messageId.slice(1, -1), occurredAt: at, details: { diagnosticCode: 'smtp; 550 5.1.1 user unknown' } },
      { id: 'e1', type: 'bounce', recipient: b!.recipient, occurredAt: at },
      { id: 'e2', type: 'complaint', recipient: 'not-an-address', occurredAt: at },
      { id: 'e3', type: 'bounce', bounceType: 'soft', recipient: b!.recipient.toUpperCase(), occurredAt: at },
      { id: 'e4', type: 'complaint', recipient: stranger, occurredAt: at },
      'a bounce',
      { id: 'e6', type: 'complaint', recipient: c!.recipient, occurredAt: at, feedbackType: 'abuse' },
      { id: 'e7', type: 'complaint', recipient: c!.recipient, mailbox: mailbox.toUpperCase(), occurredAt: at },
      { id: 'e8', type: 'complaint', recipient: c!.recipient, occurredAt: new Date(Date.now() + 3 * 3_600_000).toISOString() },
    ],
  });
  expect(res.status).toBe(207);
  expect(res.body).toMatchObject({ provider, total: 9, duplicates: [], mailboxesStopped: [] });
  expect(res.body.rejected).toEqual([
    { index: 1, id: 'e1', errors: ['bounceType: is required for a bounce (hard or soft)'] },
    { index: 2, id: 'e2', errors: ['recipient: must be an email address such as pat@example.com'] },
    { index: 5, id: null, errors: ['event: must be an object'] },
    { index: 6, id: 'e6', errors: ['unknown field(s): feedbackType'] },
    { index: 8, id: 'e8', errors: [expect.stringMatching(/^occurredAt: .* is in the future$/)] },
  ]);
  expect(res.body.applied).toEqual([
    expect.objectContaining({ index: 0, id: 'e0', type: 'bounce', bounceType: 'hard', matchedBy: 'message-id', sendId: a!.id, mailbox, suppressed: true, cadenceStopped: false }),
    expect.objectContaining({ index: 3, id: 'e3', type: 'bounce', bounceType: 'soft', matchedBy: 'recipient', sendId: b!.id, mailbox, suppressed: false }),
    expect.objectContaining({ index: 4, id: 'e4', type: 'complaint', bounceType: null, matchedBy: null, sendId: null, mailbox: null, prospectId: null, suppressed: true }),
    expect.objectContaining({ index: 7, id: 'e7', type: 'complaint', matchedBy: 'recipient', sendId: c!.id, mailbox, suppressed: true }),
  ]);

  // Exactly the good events are recorded, under the provider's name as lower case.
  const recorded = await db().selectFrom('delivery_events').selectAll().where('provider', '=', provider).orderBy('provider_event_id').execute();
  expect(recorded.map((e) => [e.provider_event_id, e.kind, e.bounce_type, e.send_id])).toEqual([
    ['e0', 'bounce', 'hard', a!.id],
    ['e3', 'bounce', 'soft', b!.id],
    ['e4', 'complaint', null, null],
    ['e7', 'complaint', null, c!.id],
  ]);
  expect(recorded[0]!.message_id).toBe(a!.messageId);
  expect(recorded[0]!.details).toEqual({ diagnosticCode: 'smtp; 550 5.1.1 user unknown' });

  // The sends are marked; a hard bounce and a complaint suppress, a soft bounce does not.
  expect(await sendById(a!.id)).toEqual({ bounced_at: new Date(at), bounce_kind: 'hard', complained_at: null });
  expect(await sendById(b!.id)).toEqual({ bounced_at: new Date(at), bounce_kind: 'soft', complained_at: null });
  expect(await sendById(c!.id)).toEqual({ bounced_at: null, bounce_kind: null, complained_at: new Date(at) });
  expect(await suppressionOf(a!.recipient)).toMatchObject({ reason: 'bounced', source: `delivery-event:${provider}:e0` });
  expect(await suppressionOf(b!.recipient)).toBeUndefined();
  expect(await suppressionOf(stranger)).toMatchObject({ reason: 'complained', source: `delivery-event:${provider}:e4` });
  expect(await suppressionOf(c!.recipient)).toMatchObject({ reason: 'complained' });

  // Each applied event is audited, naming who delivered it.
  const audits = await db().selectFrom('audit_events').selectAll().where('event_key', 'like', `delivery-event:${provider}:%`).orderBy('event_key').execute();
  expect(audits.map((e) => [e.event_key, e.action, e.actor])).toEqual([
    [`delivery-event:${provider}:e0`, 'delivery.bounced', 'component:delivery-webhook'],
    [`delivery-event:${provider}:e3`, 'delivery.bounced', 'component:delivery-webhook'],
    [`delivery-event:${provider}:e4`, 'delivery.complained', 'component:delivery-webhook'],
    [`delivery-event:${provider}:e7`, 'delivery.complained', 'component:delivery-webhook'],
  ]);
  expect(audits[0]!.details).toMatchObject({ bounceType: 'hard', matchedBy: 'message-id', sendId: a!.id, suppressed: true, deliveredBy: `user:${stack.team.integration.id}` });
  expect(audits[1]!.details).toMatchObject({ bounceType: 'soft', suppressed: false });
});

test('a redelivered batch changes nothing: every event is a duplicate, whatever it now says; the same id from another provider is another event', async () => {
  const provider = unique('sendgrid');
  const mailbox = `${unique('outbound')}@seller.test`;
  const [a, b] = await seedSentSends(db(), { mailbox, ownerId: stack.team.rep.id, count: 2 });
  const batch = {
    provider,
    events: [
      { id: 'd1', type: 'bounce', bounceType: 'hard', recipient: a!.recipient, messageId: a!.messageId, occurredAt: minutesAgo(3) },
      { id: 'd2', type: 'complaint', recipient: b!.recipient, occurredAt: minutesAgo(2) },
    ],
  };
  const first = await deliver(batch);
  expect(first.status).toBe(200);
  expect(first.body.applied.map((e: any) => e.id)).toEqual(['d1', 'd2']);
  const before = await snapshot(provider);
  expect(before.events).toHaveLength(2);
  expect(before.suppressions).toHaveLength(2);

  const again = await deliver(batch);
  expect(again.status).toBe(200);
  expect(again.body).toEqual({ provider, total: 2, applied: [], duplicates: [{ index: 0, id: 'd1' }, { index: 1, id: 'd2' }], rejected: [], mailboxesStopped: [] });
  // A redelivery under another spelling of the provider, saying something else about the same events, is still the same events.
  const altered = await deliver({
    provider: provider.toUpperCase(),
    events: [
      { id: 'd1', type: 'complaint', recipient: a!.recipient, occurredAt: minutesAgo(1) },
      { id: 'd2', type: 'bounce', bounceType: 'soft', recipient: b!.recipient, occurredAt: minutesAgo(1) },
      { id: 'd2', type: 'bounce', bounceType: 'soft', recipient: b!.recipient, occurredAt: minutesAgo(1) },
    ],
  });
  expect(altered.status).toBe(200);
  expect(altered.body.duplicates).toEqual([{ index: 0, id: 'd1' }, { index: 1, id: 'd2' }, { index: 2, id: 'd2' }]);
  expect(await snapshot(provider)).toEqual(before);

  // Within one batch, the second delivery of an event is a duplicate of the first.
  const other = unique('postmark');
  const twice = await deliver({
    provider: other,
    events: [
      { id: 'd1', type: 'bounce', bounceType: 'soft', recipient: a!.recipient, occurredAt: minutesAgo(1) },
      { id: 'd1', type: 'bounce', bounceType: 'soft', recipient: a!.recipient, occurredAt: minutesAgo(1) },
    ],
  });
  expect(twice.status).toBe(200);
  expect(twice.body.applied.map((e: any) => e.index)).toEqual([0]);
  expect(twice.body.duplicates).toEqual([{ index: 1, id: 'd1' }]);
  expect(await db().selectFrom('delivery_events').select('id').where('provider', '=', other).execute()).toHaveLength(1);
});

test("a hard bounce of a message really sent suppresses the address, marks the send and ends the prospect's cadence as bounced", async () => {
  const r = await startApprovedCadence(stack);
  const provider = unique('ses');
  const occurredAt = minutesAgo(1);
  const res = await deliver({
    provider,
    events: [{ id: 'hb-1', type: 'bounce', bounceType: 'hard', recipient: r.email, messageId: r.first.messageId!, occurredAt }],
  });
  expect(res.status).toBe(200);
  const send = await db().selectFrom('sends').select(['id', 'mailbox', 'bounced_at', 'bounce_kind']).where('message_id', '=', r.first.messageId!).executeTakeFirstOrThrow();
  expect(res.body.applied).toEqual([
    {
      index: 0,
      id: 'hb-1',
      type: 'bounce',
      bounceType: 'hard',
      recipient: r.email,
      matchedBy: 'message-id',
      sendId: send.id,
      mailbox: stack.team.rep.email,
      prospectId: r.prospectId,
      suppressed: true,
      cadenceStopped: true,
    },
  ]);
  expect(send).toMatchObject({ bounced_at: new Date(occurredAt), bounce_kind: 'hard' });
  expect(await suppressionOf(r.email)).toMatchObject({ reason: 'bounced', source: `delivery-event:${provider}:hb-1` });

  const result = await r.handle.result();
  expect(result.status).toBe('bounced');
  expect(result.endedReason).toBe('the address bounced permanently');
  const enrollment = await db().selectFrom('enrollments').select(['status', 'ended_at']).where('id', '=', r.enrollmentId).executeTakeFirstOrThrow();
  expect(enrollment.status).toBe('bounced');
  expect(enrollment.ended_at).not.toBeNull();
  const [audit, ...more] = await db().selectFrom('audit_events').selectAll().where('prospect_id', '=', r.prospectId).where('action', '=', 'delivery.bounced').execute();
  expect(more).toEqual([]);
  expect(audit).toMatchObject({ enrollment_id: r.enrollmentId, step: 1, details: { endsCadence: true, sendId: send.id } });
  expect(sentTo(r.email)).toHaveLength(1);
});

test("a complaint, matched by the recipient alone, suppresses the address and ends the cadence as an unsubscribe does", async () => {
  const r = await startApprovedCadence(stack);
  const provider = unique('ses');
  const occurredAt = minutesAgo(1);
  const res = await deliver({ provider, events: [{ id: 'c-1', type: 'complaint', recipient: r.email.toUpperCase(), occurredAt, details: { feedbackType: 'abuse' } }] }, admin.token);
  expect(res.status).toBe(200);
  expect(res.body.applied).toEqual([expect.objectContaining({ matchedBy: 'recipient', prospectId: r.prospectId, suppressed: true, cadenceStopped: true })]);
  const send = await db().selectFrom('sends').select(['complained_at', 'bounce_kind']).where('message_id', '=', r.first.messageId!).executeTakeFirstOrThrow();
  expect(send).toEqual({ complained_at: new Date(occurredAt), bounce_kind: null });
  expect(await suppressionOf(r.email)).toMatchObject({ reason: 'complained', source: `delivery-event:${provider}:c-1` });

  const result = await r.handle.result();
  expect(result.status).toBe('unsubscribed');
  const enrollment = await db().selectFrom('enrollments').select('status').where('id', '=', r.enrollmentId).executeTakeFirstOrThrow();
  expect(enrollment.status).toBe('unsubscribed');
  expect(sentTo(r.email)).toHaveLength(1);

  // Delivered again once the cadence has ended: a duplicate, and nothing is signalled or changed.
  const again = await deliver({ provider, events: [{ id: 'c-1', type: 'complaint', recipient: r.email, occurredAt }] });
  expect(again.body).toMatchObject({ applied: [], duplicates: [{ index: 0, id: 'c-1' }] });
  expect(await db().selectFrom('audit_events').select('id').where('prospect_id', '=', r.prospectId).where('action', '=', 'delivery.complained').execute()).toHaveLength(1);
});

test('a soft bounce of a running cadence is recorded and changes nothing else: no suppression, and the cadence goes on', async () => {
  const r = await startApprovedCadence(stack);
  const res = await deliver({ provider: unique('ses'), events: [{ id: 's-1', type: 'bounce', bounceType: 'soft', recipient: r.email, messageId: r.first.messageId!, occurredAt: minutesAgo(1) }] });
  expect(res.status).toBe(200);
  expect(res.body.applied).toEqual([expect.objectContaining({ matchedBy: 'message-id', suppressed: false, cadenceStopped: false })]);
  expect(await suppressionOf(r.email)).toBeUndefined();
  const state = await r.handle.query(stateQuery);
  expect(state.status).toBe('waiting');
  expect(state.inbound).toEqual([]);
  expect(state.steps.map((s) => s.status)).toEqual(['sent', 'waiting']);
  await r.handle.terminate('test done');
});

test('the webhook is for integrations and admins; a bad envelope or a batch without one valid event is 400 and records nothing', async () => {
  const event = { id: 'x-1', type: 'complaint', recipient: 'pat@example.com', occurredAt: minutesAgo(1) };
  expect(await deliver({ provider: 'ses', events: [event] }, null)).toMatchObject({ status: 401 });
  const asRep = await deliver({ provider: 'ses', events: [event] }, stack.team.rep.token);
  expect(asRep).toMatchObject({ status: 403, body: { error: 'forbidden' } });
  expect(asRep.body.message).toMatch(/integration, admin/);
  expect(await deliver({ provider: 'ses', events: [event] }, stack.team.manager.token)).toMatchObject({ status: 403 });

  const noEvents = await deliver({ provider: 'ses' });
  expect(noEvents.status).toBe(400);
  expect(noEvents.body.message).toMatch(/^body\.events: /);
  expect((await deliver({ provider: 'ses', events: [] })).body.message).toBe('body.events: must hold at least one event');
  const tooMany = await deliver({ provider: 'ses', events: Array.from({ length: 1001 }, (_, i) => ({ ...event, id: `x-${i}` })) });
  expect(tooMany).toMatchObject({ status: 400, body: { message: 'body.events: at most 1000 events in one delivery' } });
  const badProvider = await deliver({ provider: 'my provider!', events: [event] });
  expect(badProvider.status).toBe(400);
  expect(badProvider.body.message).toMatch(/^body\.provider: must be 1–100 letters/);

  const provider = unique('ses');
  const allBad = await deliver({ provider, events: [{ ...event, type: 'spam' }, { ...event, id: undefined }] });
  expect(allBad.status).toBe(400);
  expect(allBad.body).toMatchObject({ error: 'no-valid-events', message: 'none of the 2 events is valid; nothing was recorded', total: 2, applied: [] });
  expect(allBad.body.rejected).toEqual([
    { index: 0, id: 'x-1', errors: [expect.stringMatching(/^type: Invalid option: expected one of "bounce"\|"complaint"/)] },
    { index: 1, id: null, errors: ['id: is required'] },
  ]);
  expect(await db().selectFrom('delivery_events').select('id').where('provider', '=', provider).execute()).toEqual([]);
  expect(await suppressionOf('pat@example.com')).toBeUndefined();
});
