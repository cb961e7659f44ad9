import { sql } from 'kysely';
import { heldSlots, heldSlotsOf } from '../../db/repositories/mailboxes';
import type { cadenceWorkflow } from '../../workflows/cadence';
import { stateQuery } from '../../workflows/definitions';
import { eventually } from '../helpers/harness';
import { approveFirstTouch, seedSentSends } from '../helpers/deliverability';
import { deliveryStatusNotification } from '../helpers/messages';
import { createCadence, createUser, goodTemplate, type TestUser } from '../helpers/seed';
import { startStack, type Stack } from '../helpers/stack';

// Mailbox health end to end on the dev server: provider complaints and hard bounces counted against the
// mailbox's sends of the last 30 days, the automatic stop with its alert, a real send from the stopped
// mailbox deferred before SMTP, and the mailbox administration API.

let stack: Stack;
let admin: TestUser;
let seq = 0;

beforeAll(async () => {
  stack = await startStack();
  admin = await createUser(stack.database.db, 'admin', 'Ada Admin');
});

afterAll(async () => {
  await stack?.stop();
});

const db = () => stack.database.db;
const unique = (prefix: string) => `${prefix}-${++seq}-${Date.now().toString(36)}`;
const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();
const roomy = { dailyCap: 10_000, hourlyCap: 1_000, minGapSeconds: 0, jitterSeconds: 0 };

const putMailbox = (address: string, body: unknown, token = admin.token) => stack.api('PUT', `/v1/mailboxes/${encodeURIComponent(address)}`, { token, body });
const complaint = (id: string, send: { recipient: string; messageId: string }) => ({ id, type: 'complaint', recipient: send.recipient, messageId: send.messageId, occurredAt: minutesAgo(1) });
const deliver = (provider: string, events: unknown[]) => stack.api('POST', '/v1/webhooks/delivery-events', { token: stack.team.integration.token, body: { provider, events } });
const stopAlerts = (address: string) =>
  db().selectFrom('notifications').select(['user_id', 'kind', 'message']).where('kind', '=', 'mailbox-stopped').where('key', 'like', `mailbox-stopped:${address}:%`).orderBy('user_id').execute();
const audits = (action: string, address: string) =>
  db().selectFrom('audit_events').selectAll().where('action', '=', action).where(sql<string>`details->>'address'`, '=', address).orderBy('id').execute();

test('complaints past the limit stop the mailbox once and alert the manager and admins once; a new send from it is deferred before SMTP; a manager resumes it', async () => {
  const mailbox = stack.team.rep.email;
  const created = await putMailbox(mailbox, { ...roomy, ownerId: stack.team.rep.id, bounceRateLimit: 0.05, complaintRateLimit: 0.02 });
  expect(created.status).toBe(201);
  const sends = await seedSentSends(db(), { mailbox, ownerId: stack.team.rep.id, count: 100 });
  // Older than the 30-day window, complained about: not counted.
  const old = await seedSentSends(db(), { mailbox, ownerId: stack.team.rep.id, count: 5, daysAgo: [45, 31] });
  await db().updateTable('sends').set({ complained_at: new Date(Date.now() - 31 * 86_400_000) }).where('id', 'in', old.map((s) => s.id)).execute();
  const before = await stack.api('GET', `/v1/mailboxes/${mailbox}`, { token: stack.team.manager.token });
  expect(before.status).toBe(200);
  expect(before.body.health).toMatchObject({ windowDays: 30, sends: 100, hardBounces: 0, complaints: 0, complaintRate: 0, overLimit: [] });

  // 2 complaints in 100 sends: 2.00%, not above the 2.00% limit.
  const provider = unique('ses');
  const within = await deliver(provider, [complaint('c1', sends[0]!), complaint('c2', sends[1]!)]);
  expect(within.status).toBe(200);
  expect(within.body.mailboxesStopped).toEqual([]);
  expect((await stack.api('GET', `/v1/mailboxes/${mailbox}`, { token: admin.token })).body).toMatchObject({ status: 'active', health: { complaints: 2, complaintRate: 0.02, overLimit: [] } });

  // The third crosses it: the mailbox stops, saying which figure and which limit.
  const reason = 'complaint rate 3.00% over the last 30 days (3 of 100 sends) is above the limit 2.00%';
  const crossing = await deliver(provider, [complaint('c3', sends[2]!)]);
  expect(crossing.status).toBe(200);
  expect(crossing.body.mailboxesStopped).toEqual([{ address: mailbox, reason }]);
  const stopped = await stack.api('GET', `/v1/mailboxes/${mailbox}`, { token: stack.team.manager.token });
  expect(stopped.body).toMatchObject({ status: 'stopped', stoppedReason: reason, stoppedBy: 'component:mailbox-health', health: { complaints: 3, overLimit: ['complaint'] } });
  expect(stopped.body.stoppedAt).not.toBeNull();
  const [stopAudit, ...moreStops] = await audits('mailbox.stopped', mailbox);
  expect(moreStops).toEqual([]);
  expect(stopAudit).toMatchObject({ actor: 'component:mailbox-health', details: { reason, notified: [stack.team.manager.id, admin.id] } });

  // One alert each to the owner's manager and the admin, none to the rep; a fourth complaint alerts nobody again.
  const expectedAlerts = [admin.id, stack.team.manager.id].sort().map((user_id) => ({ user_id, kind: 'mailbox-stopped', message: expect.stringContaining(`Mailbox ${mailbox} stopped sending: ${reason}`) }));
  expect(await stopAlerts(mailbox)).toEqual(expectedAlerts);
  const fourth = await deliver(provider, [complaint('c4', sends[3]!)]);
  expect(fourth.body.mailboxesStopped).toEqual([]);
  expect(await stopAlerts(mailbox)).toEqual(expectedAlerts);
  expect(await audits('mailbox.stopped', mailbox)).toHaveLength(1);

  // A new cadence of the rep: its approved first touch is deferred by the stopped mailbox and never reaches SMTP.
  const cadenceId = await createCadence(db(), [{ delaySeconds: 0, template: goodTemplate }]);
  const id = unique('p');
  const email = `kim.${id}@fabrikam-${id}.test`;
  const enrolled = await stack.api('POST', '/v1/enrollments', {
    body: { cadenceId, prospect: { email, firstName: 'Kim', title: 'VP Sales' }, account: { name: `Fabrikam ${id}`, domain: `fabrikam-${id}.test`, industry: 'logistics' } },
  });
  expect(enrolled.status).toBe(201);
  await approveFirstTouch(stack, enrolled.body.workflowId);
  const handle = stack.client.workflow.getHandle<typeof cadenceWorkflow>(enrolled.body.workflowId);
  const step = await eventually(async () => {
    const s = (await handle.query(stateQuery)).steps[0];
    return s?.status === 'deferred' ? s : null;
  }, 'step 1 deferred');
  expect(new Date(step.deferredUntil!).getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);
  const deferred = await db().selectFrom('audit_events').select('details').where('prospect_id', '=', enrolled.body.prospectId).where('action', '=', 'send.deferred').execute();
  expect(deferred.map((d) => d.details.reason)).toEqual([`mailbox ${mailbox} is stopped (${reason})`]);
  // A stopped mailbox reserves no slot: at most a scheduled row, never one that went to SMTP.
  const rows = await db().selectFrom('sends').select(['status', 'sent_at']).where('prospect_id', '=', enrolled.body.prospectId).execute();
  expect(rows.filter((r) => r.status !== 'scheduled' || r.sent_at !== null)).toEqual([]);
  await new Promise((r) => setTimeout(r, 1500));
  expect(stack.smtp.messages.filter((m) => m.envelopeTo.includes(email))).toEqual([]);

  // Resuming: not by the rep, not without a reason; by the manager with one, recorded with who and why.
  expect(await stack.api('POST', `/v1/mailboxes/${mailbox}/resume`, { body: { reason: 'fixed' } })).toMatchObject({ status: 403 });
  const noReason = await stack.api('POST', `/v1/mailboxes/${mailbox}/resume`, { token: stack.team.manager.token, body: {} });
  expect(noReason).toMatchObject({ status: 400, body: { message: 'body.reason: is required: say why the mailbox may send again' } });
  const resumed = await stack.api('POST', `/v1/mailboxes/${mailbox}/resume`, { token: stack.team.manager.token, body: { reason: 'list cleaned; the complaints came from one bought list' } });
  expect(resumed.status).toBe(200);
  expect(resumed.body).toMatchObject({ address: mailbox, status: 'active', stoppedReason: null, stoppedAt: null, stoppedBy: null });
  const [resumeAudit] = await audits('mailbox.resumed', mailbox);
  expect(resumeAudit).toMatchObject({
    actor: `user:${stack.team.manager.id}`,
    details: { reason: 'list cleaned; the complaints came from one bought list', resumedBy: { id: stack.team.manager.id, role: 'manager' }, stopped: { reason, by: 'component:mailbox-health' } },
  });
  expect(await stack.api('POST', `/v1/mailboxes/${mailbox}/resume`, { token: admin.token, body: { reason: 'again' } })).toMatchObject({
    status: 409,
    body: { error: 'not-stopped', message: `the mailbox ${mailbox} is active, not stopped; there is nothing to resume` },
  });
  await handle.terminate('test done');
});

test('hard bounces count, also those the provider reports for the mailbox that match no send of ours; soft bounces do not; lowering the limit below the figure stops the mailbox', async () => {
  const mailbox = `${unique('outreach')}@seller.test`;
  expect((await putMailbox(mailbox, { ...roomy, ownerId: stack.team.otherRep.id, bounceRateLimit: 0.1, complaintRateLimit: 0.5 })).status).toBe(201);
  const sends = await seedSentSends(db(), { mailbox, ownerId: stack.team.otherRep.id, count: 30 });
  const provider = unique('postmark');
  const res = await deliver(provider, [
    { id: 'h1', type: 'bounce', bounceType: 'hard', recipient: sends[0]!.recipient, messageId: sends[0]!.messageId, occurredAt: minutesAgo(2) },
    { id: 's1', type: 'bounce', bounceType: 'soft', recipient: sends[1]!.recipient, messageId: sends[1]!.messageId, occurredAt: minutesAgo(2) },
    { id: 's2', type: 'bounce', bounceType: 'soft', recipient: sends[2]!.recipient, occurredAt: minutesAgo(2) },
    { id: 'h2', type: 'bounce', bounceType: 'hard', recipient: `${unique('gone')}@elsewhere.test`, mailbox, occurredAt: minutesAgo(2) },
  ]);
  expect(res.status).toBe(200);
  expect(res.body.applied.map((e: any) => [e.id, e.matchedBy, e.mailbox])).toEqual([
    ['h1', 'message-id', mailbox],
    ['s1', 'message-id', mailbox],
    ['s2', 'recipient', mailbox],
    ['h2', null, mailbox],
  ]);
  expect(res.body.mailboxesStopped).toEqual([]);
  const view = await stack.api('GET', `/v1/mailboxes/${mailbox}`, { token: admin.token });
  expect(view.body).toMatchObject({ status: 'active', health: { sends: 30, hardBounces: 2, complaints: 0, overLimit: [] } });
  expect(view.body.health.bounceRate).toBeCloseTo(2 / 30, 10);

  // 6.67% is within 10% but not within 5%: the change stops the mailbox as a new bounce would, and alerts.
  const lowered = await putMailbox(mailbox, { bounceRateLimit: 0.05 });
  expect(lowered.status).toBe(200);
  const reason = 'hard-bounce rate 6.67% over the last 30 days (2 of 30 sends) is above the limit 5.00%';
  expect(lowered.body).toMatchObject({ status: 'stopped', stoppedReason: reason, bounceRateLimit: 0.05, complaintRateLimit: 0.5, dailyCap: 10_000 });
  expect((await stopAlerts(mailbox)).map((n) => n.user_id)).toEqual([admin.id, stack.team.manager.id].sort());
});

test('mailbox administration: admins create and change, managers read and resume, reps and integrations neither', async () => {
  const address = `${unique('Sales')}@Seller.test`;
  const key = address.toLowerCase();
  const settings = { ...roomy, ownerId: stack.team.rep.id, bounceRateLimit: 0.05, complaintRateLimit: 0.003 };
  expect(await putMailbox(address, settings, stack.team.rep.token)).toMatchObject({ status: 403, body: { error: 'forbidden' } });
  expect(await putMailbox(address, settings, stack.team.manager.token)).toMatchObject({ status: 403 });
  expect(await stack.api('GET', '/v1/mailboxes')).toMatchObject({ status: 403 });
  expect(await stack.api('GET', '/v1/mailboxes', { token: stack.team.integration.token })).toMatchObject({ status: 403 });
  expect(await stack.api('GET', `/v1/mailboxes/${key}`, { token: stack.team.manager.token })).toMatchObject({ status: 404, body: { message: `there is no mailbox ${key}` } });
  expect(await stack.api('POST', `/v1/mailboxes/${key}/resume`, { token: admin.token, body: { reason: 'x' } })).toMatchObject({ status: 404 });

  const created = await putMailbox(address, { ...settings, warmup: { startDaily: 20, dailyIncrease: 5 } });
  expect(created.status).toBe(201);
  expect(created.body).toMatchObject({
    address: key,
    ownerId: stack.team.rep.id,
    status: 'active',
    ...roomy,
    bounceRateLimit: 0.05,
    complaintRateLimit: 0.003,
    warmup: { startDaily: 20, dailyIncrease: 5 },
    usage: { lastHour: 0, lastDay: 0, dailyCapNow: 20, dailyCap: 10_000, warmupDay: 1 },
    health: { sends: 0, hardBounces: 0, complaints: 0, bounceRate: 0, complaintRate: 0, minSample: 20, overLimit: [] },
  });

  // A change gives only what changes; the rest is kept. The same change again records nothing new.
  const changed = await putMailbox(key, { jitterSeconds: 90, warmup: null });
  expect(changed.status).toBe(200);
  expect(changed.body).toMatchObject({ ...roomy, jitterSeconds: 90, warmup: null, ownerId: stack.team.rep.id, usage: { dailyCapNow: 10_000, warmupDay: null } });
  expect((await putMailbox(key, { jitterSeconds: 90 })).status).toBe(200);
  const trail = await db().selectFrom('audit_events').select(['action', 'actor', 'details']).where('action', 'in', ['mailbox.created', 'mailbox.changed']).where(sql<string>`details->>'address'`, '=', key).orderBy('id').execute();
  expect(trail.map((e) => [e.action, e.actor, e.details.changed])).toEqual([
    ['mailbox.created', `user:${admin.id}`, ['ownerId', 'dailyCap', 'hourlyCap', 'minGapSeconds', 'jitterSeconds', 'warmup', 'bounceRateLimit', 'complaintRateLimit']],
    ['mailbox.changed', `user:${admin.id}`, ['jitterSeconds', 'warmup']],
  ]);
  expect(trail[1]!.details).toMatchObject({ before: { jitterSeconds: 0 }, after: { jitterSeconds: 90, warmup: null } });

  const list = await stack.api('GET', '/v1/mailboxes', { token: stack.team.manager.token });
  expect(list.status).toBe(200);
  expect(list.body.items.find((m: any) => m.address === key)).toEqual({ ...changed.body, health: { ...changed.body.health, since: expect.any(String) } });
  expect(await stack.api('POST', `/v1/mailboxes/${key}/resume`, { token: stack.team.integration.token, body: { reason: 'x' } })).toMatchObject({ status: 403 });
});

test('bad mailbox settings are 400 naming each field, and the clashing setting too; nothing is written', async () => {
  const address = `${unique('ops')}@seller.test`;
  const bad = async (body: unknown, target = address) => {
    const res = await putMailbox(target, body);
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid-request');
    return res.body.message as string;
  };
  expect(await bad({ hourlyCap: 10 })).toBe(
    [
      `body.dailyCap: is required to create the mailbox ${address} (it does not exist yet)`,
      `body.minGapSeconds: is required to create the mailbox ${address} (it does not exist yet)`,
      `body.jitterSeconds: is required to create the mailbox ${address} (it does not exist yet)`,
      `body.bounceRateLimit: is required to create the mailbox ${address} (it does not exist yet)`,
      `body.complaintRateLimit: is required to create the mailbox ${address} (it does not exist yet)`,
    ].join('; '),
  );
  const base = { ...roomy, bounceRateLimit: 0.05, complaintRateLimit: 0.003 };
  expect(await bad({ ...base, dailyCap: 100, hourlyCap: 500 })).toBe('body.hourlyCap: hourlyCap 500 is above dailyCap 100; the hourly cap must be at most the daily cap');
  expect(await bad({ ...base, complaintRateLimit: 0 })).toBe('body.complaintRateLimit: must be above 0: a fraction such as 0.05 for 5%');
  expect(await bad({ ...base, bounceRateLimit: 5 })).toBe('body.bounceRateLimit: must be at most 1: a fraction such as 0.05 for 5%');
  expect(await bad({ ...base, dailyCap: 0 })).toMatch(/^body\.dailyCap: /);
  expect(await bad({ ...base, minGapSeconds: -1 })).toMatch(/^body\.minGapSeconds: /);
  expect(await bad({ ...base, warmup: { startDaily: 0, dailyIncrease: 5 } })).toMatch(/^body\.warmup\.startDaily: /);
  expect(await bad({ ...base, dailyCap: 50, hourlyCap: 10, warmup: { startDaily: 80, dailyIncrease: 5 } })).toBe(
    'body.warmup.startDaily: warmup.startDaily 80 is above dailyCap 50; the ramp starts at or below the daily cap',
  );
  expect(await bad({ ...base, ownerId: 'nobody-at-all' })).toBe('body.ownerId: there is no user "nobody-at-all"');
  expect(await bad({ ...base, dailyLimit: 5 })).toMatch(/^body: Unrecognized key: "dailyLimit"/);
  expect(await bad(base, 'not-an-address')).toBe('params.address: must be an email address such as dana@example.com');
  expect(await stack.api('GET', `/v1/mailboxes/${address}`, { token: admin.token })).toMatchObject({ status: 404 });

  // Against the stored settings, the message says which value is the current one.
  expect((await putMailbox(address, { ...base, dailyCap: 100, hourlyCap: 20 })).status).toBe(201);
  expect(await bad({ hourlyCap: 150 })).toBe('body.hourlyCap: hourlyCap 150 is above dailyCap 100 (its current value); the hourly cap must be at most the daily cap');
  expect(await bad({ dailyCap: 10 })).toBe('body.dailyCap: hourlyCap 20 (its current value) is above dailyCap 10; the hourly cap must be at most the daily cap');
  expect(await stack.api('GET', `/v1/mailboxes/${address}`, { token: admin.token })).toMatchObject({ status: 200, body: { dailyCap: 100, hourlyCap: 20 } });
});

test('hard bounces that arrive as DSNs through the reply webhook count toward the figure and stop the mailbox too', async () => {
  const owner = await createUser(db(), 'rep', 'Morgan Rep', stack.team.manager.id);
  const mailbox = owner.email;
  expect((await putMailbox(mailbox, { ...roomy, ownerId: owner.id, bounceRateLimit: 0.05, complaintRateLimit: 0.01 })).status).toBe(201);
  const sends = await seedSentSends(db(), { mailbox, ownerId: owner.id, count: 20 });
  for (const [i, send] of sends.slice(0, 2).entries()) {
    // The message as the capture server would have kept it, so the DSN names it as a real one would.
    const original = {
      id: i,
      receivedAt: new Date().toISOString(),
      envelopeFrom: mailbox,
      envelopeTo: [send.recipient],
      messageId: send.messageId,
      from: `Morgan Rep <${mailbox}>`,
      to: send.recipient,
      subject: 'A thought on follow-up',
      text: 'Hi Pat',
      headers: {},
      raw: `From: Morgan Rep <${mailbox}>\r\nTo: ${send.recipient}\r\nSubject: A thought on follow-up\r\nMessage-ID: ${send.messageId}\r\n\r\nHi Pat\r\n`,
    };
    const dsn = deliveryStatusNotification({ original, status: '5.1.1' });
    const accepted = await stack.api('POST', '/v1/webhooks/inbound-reply', { token: stack.team.integration.token, body: { messageId: dsn.messageId, from: dsn.from, text: dsn.text, raw: dsn.raw } });
    expect(accepted.body).toMatchObject({ matchedBy: 'bounced-message', intent: 'bounce_hard', effect: 'hard-bounce' });
  }
  // 2 of 20 sends: 10%, above 5%.
  const view = await stack.api('GET', `/v1/mailboxes/${mailbox}`, { token: admin.token });
  expect(view.body).toMatchObject({ status: 'stopped', health: { sends: 20, hardBounces: 2 } });
  expect(view.body.stoppedReason).toBe('hard-bounce rate 10.00% over the last 30 days (2 of 20 sends) is above the limit 5.00%');
  expect((await stopAlerts(mailbox)).map((a) => a.user_id)).toContain(stack.team.manager.id);
});
