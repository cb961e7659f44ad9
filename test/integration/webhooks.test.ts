import type { Server } from 'node:http';
import { Worker } from '@temporalio/worker';
import { recordAudit } from '../../db/repositories/audit';
import { eventually, recordedAsSent } from '../helpers/harness';
import { createCadence, createUser, goodTemplate, type TestUser } from '../helpers/seed';
import { startStack, type Stack } from '../helpers/stack';
import { listenForWebhooks, verifyWebhook } from '../helpers/webhook-receiver';

// The signed webhook feed on the real stack: a local receiver checks every delivery's signature with the
// standardwebhooks package, answers as each test wants, and records what it got.
interface Received {
  id: string;
  timestamp: string;
  body: string;
  verified: boolean;
  answered: number;
}

class Receiver {
  readonly got = new Map<string, Received[]>();
  readonly secrets = new Map<string, string>();
  readonly failFirst = new Map<string, number>();
  private server!: Server;
  port = 0;

  async start() {
    ({ server: this.server, port: this.port } = await listenForWebhooks((req, bytes, res) => {
      const name = (req.url ?? '/').slice(1);
      const body = bytes.toString('utf8');
      const secret = this.secrets.get(name);
      const verified = secret ? verifyWebhook(body, req.headers, secret) : false;
      const left = this.failFirst.get(name) ?? 0;
      const answered = !verified ? 401 : left > 0 ? 500 : 204;
      if (left > 0) this.failFirst.set(name, left - 1);
      const list = this.got.get(name) ?? [];
      list.push({ id: String(req.headers['webhook-id']), timestamp: String(req.headers['webhook-timestamp']), body, verified, answered });
      this.got.set(name, list);
      res.statusCode = answered;
      res.end();
    }));
  }

  url(name: string) {
    return `http://127.0.0.1:${this.port}/${name}`;
  }

  async stop() {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

let stack: Stack;
let admin: TestUser;
let cadenceId: string;
const receiver = new Receiver();

beforeAll(async () => {
  stack = await startStack({}, {}, { webhooks: { pollMs: 200, retry: { initialIntervalMs: 200, maximumIntervalMs: 400 }, maxFailures: 4, pauseAfterMs: 500 } });
  admin = await createUser(stack.database.db, 'admin', 'Alex Admin');
  cadenceId = await createCadence(stack.database.db, [
    { delaySeconds: 0, template: goodTemplate },
    { delaySeconds: 3 * 86_400, template: goodTemplate },
  ]);
  await receiver.start();
});

afterAll(async () => {
  await stack?.stop();
  await receiver.stop();
});

async function subscribe(name: string, events: string[], url = receiver.url(name)) {
  const res = await stack.api('POST', '/v1/webhook-subscriptions', { token: admin.token, body: { url, events, description: `test ${name}` } });
  expect(res.status).toBe(201);
  receiver.secrets.set(name, res.body.secret);
  return res.body;
}

test('subscriptions: admins only, validated naming the field, the secret shown once, listed by cursor, deleted', async () => {
  const good = { url: receiver.url('crud'), events: ['email.sent'] };
  expect((await stack.api('POST', '/v1/webhook-subscriptions', { body: good })).status).toBe(403);
  const cases: Array<[unknown, string]> = [
    [{ ...good, url: 'ftp://example.test/hook' }, 'body.url'],
    [{ ...good, url: 'http://crm.example.test/hook' }, 'body.url'],
    [{ ...good, events: ['email.opened'] }, 'body.events'],
    [{ ...good, events: [] }, 'body.events'],
    [{ url: good.url }, 'body.events'],
  ];
  for (const [body, field] of cases) {
    const res = await stack.api('POST', '/v1/webhook-subscriptions', { token: admin.token, body });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain(field);
  }
  const a = await stack.api('POST', '/v1/webhook-subscriptions', { token: admin.token, body: good });
  expect(a.status).toBe(201);
  expect(a.body).toMatchObject({ url: good.url, events: ['email.sent'], status: 'active', pausedReason: null });
  expect(a.body.secret).toMatch(/^whsec_/);
  expect(Buffer.from(a.body.secret.slice(6), 'base64')).toHaveLength(24);
  const b = await stack.api('POST', '/v1/webhook-subscriptions', { token: admin.token, body: { url: 'https://crm.example.test/hook', events: ['*', 'email.sent'] } });
  expect(b.body.events).toEqual(['*']);

  const first = await stack.api('GET', '/v1/webhook-subscriptions?limit=1', { token: admin.token });
  expect(first.status).toBe(200);
  expect(first.body.items).toHaveLength(1);
  expect(first.body.items[0].id).toBe(a.body.id);
  expect(first.body.items[0]).not.toHaveProperty('secret');
  const second = await stack.api('GET', `/v1/webhook-subscriptions?limit=1&cursor=${first.body.nextCursor}`, { token: admin.token });
  expect(second.body.items.map((s: any) => s.id)).toEqual([b.body.id]);
  expect((await stack.api('GET', '/v1/webhook-subscriptions', { token: stack.team.rep.token })).status).toBe(403);

  for (const id of [a.body.id, b.body.id]) expect((await stack.api('DELETE', `/v1/webhook-subscriptions/${id}`, { token: admin.token })).status).toBe(204);
  expect((await stack.api('DELETE', `/v1/webhook-subscriptions/${a.body.id}`, { token: admin.token })).status).toBe(404);
  expect((await stack.api('GET', '/v1/webhook-subscriptions', { token: admin.token })).body.items).toEqual([]);
});

test('a cadence run reaches every subscriber signed and in order; a failing receiver gets the same webhook-id again; a dead one delays nothing and is paused', async () => {
  const all = await subscribe('all', ['*']);
  const flakySubscription = await subscribe('flaky', ['email.sent']);
  receiver.failFirst.set('flaky', 2);
  // Nothing listens on port 9 of the loopback: every attempt fails at once.
  const dead = await subscribe('dead', ['*'], 'http://127.0.0.1:9/dead');

  const email = 'morgan.lee@contoso-freight.test';
  const enrolled = await stack.api('POST', '/v1/enrollments', {
    body: { cadenceId, prospect: { email, firstName: 'Morgan', lastName: 'Lee', title: 'COO' }, account: { name: 'Contoso Freight', domain: 'contoso-freight.test', industry: 'freight', dealValue: 20_000 } },
  });
  expect(enrolled.status).toBe(201);
  const item = await eventually(async () => (await stack.api('GET', '/v1/approvals')).body.items.find((i: any) => i.prospect.email === email), 'the approval');
  const approvedAt = Date.now();
  expect((await stack.api('POST', `/v1/approvals/${item.id}/decision`, { body: { action: 'approve', draftVersion: 1 } })).status).toBe(200);
  const [message] = await stack.smtp.waitFor((m) => m.envelopeTo.includes(email));
  // The dead subscriber is being retried meanwhile; the send does not wait for it.
  expect(Date.now() - approvedAt).toBeLessThan(10_000);
  await recordedAsSent(stack.database.db, message!.messageId!);

  const reply = { messageId: '<reply-webhooks-1@mail.contoso-freight.test>', from: email, subject: `Re: ${message!.subject}`, text: 'Sounds interesting. Can we set up a call on Tuesday at 10am?', inReplyTo: message!.messageId };
  expect((await stack.api('POST', '/v1/webhooks/inbound-reply', { token: stack.team.integration.token, body: reply })).status).toBe(202);
  // The rep takes over and answers; the cadence then ends.
  const replyTask = await eventually(async () => (await stack.api('GET', '/v1/tasks')).body.items.find((t: any) => t.kind === 'reply' && t.prospectId === enrolled.body.prospectId), 'the reply task');
  expect((await stack.api('POST', `/v1/tasks/${replyTask.id}/complete`, { body: { outcome: 'called back, meeting Tuesday' } })).status).toBe(200);

  const events = await eventually(async () => {
    const got = (receiver.got.get('all') ?? []).map((r) => ({ ...r, event: JSON.parse(r.body) }));
    const types = got.filter((r) => r.event.data.prospect?.id === enrolled.body.prospectId).map((r) => r.event.type);
    return types.includes('cadence.finished') ? got : null;
  }, 'the cadence.finished event at the all-events receiver', 30_000);
  const mine = events.filter((r) => r.event.data.prospect?.id === enrolled.body.prospectId);
  expect(mine.map((r) => r.event.type)).toEqual(['enrollment.started', 'approval.decided', 'email.sent', 'reply.received', 'task.completed', 'cadence.finished']);
  const sent = mine.find((r) => r.event.type === 'email.sent')!;
  expect(sent.event.data).toMatchObject({ prospect: { email }, subject: item.draft.subject, body: item.draft.body, messageId: message!.messageId, step: 1 });
  expect(mine.find((r) => r.event.type === 'approval.decided')!.event.data).toMatchObject({ decision: 'approve', decidedBy: stack.team.rep.id });
  expect(mine.find((r) => r.event.type === 'reply.received')!.event.data).toMatchObject({ intent: 'meeting_request' });
  expect(mine.find((r) => r.event.type === 'task.completed')!.event.data).toMatchObject({ kind: 'reply', outcome: 'called back, meeting Tuesday', completedBy: stack.team.rep.id });
  expect(mine.find((r) => r.event.type === 'cadence.finished')!.event.data).toMatchObject({ status: 'replied' });
  expect(sent.id).toBe(`evt_${sent.event.data.auditEventId}`);
  expect(new Set(events.map((r) => r.id)).size).toBe(events.length);

  // The flaky receiver: two 500s, then accepted; the same webhook-id and the same bytes each time.
  const flaky = await eventually(async () => {
    const got = receiver.got.get('flaky') ?? [];
    return got.some((r) => r.answered === 204) ? got : null;
  }, 'the flaky receiver to accept', 20_000);
  expect(flaky.map((r) => r.answered)).toEqual([500, 500, 204]);
  expect(new Set(flaky.map((r) => r.id))).toEqual(new Set([sent.id]));
  expect(new Set(flaky.map((r) => r.body)).size).toBe(1);
  // The receiver has answered; the activity records the delivery a moment later.
  const row = await eventually(
    () => stack.database.db.selectFrom('webhook_deliveries').selectAll().where('subscription_id', '=', flakySubscription.id).where('status', '=', 'delivered').executeTakeFirst(),
    'the flaky delivery to be recorded',
  );
  expect(row).toMatchObject({ event_id: sent.id, status: 'delivered', attempts: 3 });

  // Every delivery to every receiver carried a valid signature.
  for (const list of receiver.got.values()) for (const r of list) expect(r.verified).toBe(true);

  // The dead subscriber failed past its limit: paused, with the reason, visible in the list.
  const paused = await eventually(async () => {
    const list = await stack.api('GET', '/v1/webhook-subscriptions', { token: admin.token });
    const s = list.body.items.find((i: any) => i.id === dead.id);
    return s?.status === 'paused' ? s : null;
  }, 'the dead subscription to be paused', 20_000);
  expect(paused.pausedReason).toMatch(/consecutive failed deliveries/);
  const handle = stack.client.workflow.getHandle(`webhook-feed:${dead.id}`);
  expect(await handle.result()).toBe('paused');
  // Feeds run on the webhook worker's own task queue: a dead receiver takes its slots, never a cadence's.
  expect((await handle.describe()).taskQueue).toBe(`${stack.taskQueue}-webhooks`);
  // The feed's recorded history replays on the current workflow code without a determinism error.
  await Worker.runReplayHistory({ workflowBundle: { codePath: process.env.CADENCE_TEST_WORKFLOW_BUNDLE! } }, await handle.fetchHistory(), handle.workflowId);
  // An admin resumes it: active again, the reason cleared, and its feed running anew from the undelivered events.
  const resumed = await stack.api('POST', `/v1/webhook-subscriptions/${dead.id}/resume`, { token: admin.token });
  expect(resumed).toMatchObject({ status: 200, body: { id: dead.id, status: 'active', pausedReason: null, pausedAt: null } });
  expect((await stack.client.workflow.getHandle(`webhook-feed:${dead.id}`).describe()).status.name).toBe('RUNNING');
  expect((await stack.api('POST', `/v1/webhook-subscriptions/${dead.id}/resume`, { token: admin.token })).body.status).toBe('active');
  expect((await stack.api('POST', '/v1/webhook-subscriptions/whs_nobody/resume', { token: admin.token })).status).toBe(404);
  expect((await stack.api('POST', `/v1/webhook-subscriptions/${dead.id}/resume`)).status).toBe(403);
  expect(all.status).toBe('active');
});

test('replay from a point in time: the backlog again, in chain order, under the same webhook-ids; a point before the subscription sends older events too', async () => {
  const { db } = stack.database;
  const pause = (key: string, action: string, reason: string) => recordAudit(db, { key: `replay-test:${key}`, occurredAt: new Date(), actor: 'user:someone', action, details: { reason } });
  const tick = () => new Promise((r) => setTimeout(r, 20));
  const beforeOld = new Date();
  await tick();
  await pause('old', 'cadence.paused', 'old pause');
  const sub = await subscribe('replay', ['cadence.paused', 'cadence.resumed']);
  await pause('mid', 'cadence.resumed', 'mid resume');
  await tick();
  const beforeNew = new Date();
  await tick();
  await pause('new', 'cadence.paused', 'new pause');
  const reasons = (list: Received[]) => list.map((r) => JSON.parse(r.body).data.reason);
  const got = () => receiver.got.get('replay') ?? [];
  // The subscription is sent what happened after it was made.
  await eventually(async () => got().length === 2, 'the two new events');
  const firstPass = got().slice();
  expect(reasons(firstPass)).toEqual(['mid resume', 'new pause']);

  const bad = await stack.api('POST', `/v1/webhook-subscriptions/${sub.id}/replay`, { token: admin.token, body: { from: 'yesterday' } });
  expect(bad.status).toBe(400);
  expect(bad.body.message).toContain('body.from');
  expect((await stack.api('POST', `/v1/webhook-subscriptions/${sub.id}/replay`, { body: { from: beforeOld.toISOString() } })).status).toBe(403);
  expect((await stack.api('POST', '/v1/webhook-subscriptions/whs_nobody/replay', { token: admin.token, body: { from: beforeOld.toISOString() } })).status).toBe(404);

  // From just before the newest event: that one again, under the id and bytes it had.
  const replay = await stack.api('POST', `/v1/webhook-subscriptions/${sub.id}/replay`, { token: admin.token, body: { from: beforeNew.toISOString() } });
  expect(replay).toMatchObject({ status: 202, body: { requeued: 1, feed: 'replaying', subscription: { id: sub.id, status: 'active' } } });
  await eventually(async () => got().length >= 3, 'the replayed event');
  expect(got()[2]).toMatchObject({ id: firstPass[1]!.id, body: firstPass[1]!.body });

  // From before the subscription was made: the older event comes first, then the rest, in order.
  const older = await stack.api('POST', `/v1/webhook-subscriptions/${sub.id}/replay`, { token: admin.token, body: { from: beforeOld.toISOString() } });
  expect(older.body.requeued).toBe(2);
  await eventually(async () => got().length >= 6, 'the replay from before the subscription');
  expect(reasons(got().slice(3))).toEqual(['old pause', 'mid resume', 'new pause']);
  expect(got().slice(4).map((r) => r.id)).toEqual(firstPass.map((r) => r.id));
  for (const r of got()) expect(r.verified).toBe(true);
  await new Promise((r) => setTimeout(r, 500));
  expect(got()).toHaveLength(6);
  const audit = await db.selectFrom('audit_events').select('details').where('action', '=', 'webhook-subscription.replayed').orderBy('seq').execute();
  expect(audit.map((a) => (a.details as { requeued: number }).requeued)).toEqual([1, 2]);
});
