import { randomUUID } from 'node:crypto';
import { MockActivityEnvironment } from '@temporalio/testing';
import { createActivities } from '../../activities';
import type { ActivityDeps, Mailer } from '../../activities/deps';
import { createSmtpMailer } from '../../activities/mailer';
import { dnsSenderAuthPolicy } from '../../activities/sender-domains';
import type { SendInput, SendOutcome } from '../../activities/sending';
import { createDb, type Db } from '../../db/connect';
import { HOUR_MS } from '../../db/repositories/mailboxes';
import { recordInboundReply } from '../../db/repositories/replies';
import type { CaptureSmtpServer } from '../../scripts/capture-smtp';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { startDnsServer, type TestDnsServer } from '../helpers/dns-server';
import { roomyLimits, startCapture, testDeps, testReplyOptions } from '../helpers/harness';
import { createCadence, createProspect, createTeam, goodTemplate, type Team } from '../helpers/seed';

// The send activity against real PostgreSQL and a real SMTP server, run as Temporal runs activities
// (MockActivityEnvironment supplies the activity context): caps and their deferral counted in the
// database, two workers (two connection pools) racing for the last slot, the recipient-domain cap
// across mailboxes, a reply landing while the message is being handed over, and sender authentication.

let database: TestDatabase;
let db: Db;
let smtp: CaptureSmtpServer;
let port: number;
let team: Team;
let cadenceId: string;
const pools: Db[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  ({ smtp, port } = await startCapture());
  team = await createTeam(db);
  cadenceId = await createCadence(db, [{ template: goodTemplate }]);
});

afterAll(async () => {
  for (const pool of pools) await pool.destroy();
  await smtp?.close();
  await database?.drop();
});

/** A second worker's own connection pool to the same database. */
async function otherPool(): Promise<Db> {
  const pool = await createDb({ databaseUrl: database.url, poolSize: 4 });
  pools.push(pool);
  return pool;
}

function worker(pool: Db, overrides: Partial<ActivityDeps> = {}) {
  return createActivities(testDeps(pool, port, overrides));
}

async function createMailbox(over: { hourlyCap?: number; dailyCap?: number; minGapSeconds?: number } = {}): Promise<string> {
  const address = `sdr.${randomUUID().slice(0, 8)}@seller.test`;
  await db
    .insertInto('mailboxes')
    .values({
      address,
      owner_id: team.rep.id,
      daily_cap: over.dailyCap ?? 1000,
      hourly_cap: over.hourlyCap ?? 1000,
      min_gap_seconds: over.minGapSeconds ?? 0,
      jitter_seconds: 0,
      bounce_rate_limit: 0.05,
      complaint_rate_limit: 0.003,
    })
    .execute();
  return address;
}

/** One enrolled prospect with a drafted first step, sending from `mailbox`; the input the workflow would pass. */
async function prepared(mailbox: string, recipientDomain?: string): Promise<SendInput & { email: string }> {
  const { prospectId, email: generated } = await createProspect(db);
  let email = generated;
  if (recipientDomain) {
    email = `${randomUUID().slice(0, 8)}@${recipientDomain}`;
    await db.updateTable('prospects').set({ email, normalized_email: email }).where('id', '=', prospectId).execute();
  }
  const enrollmentId = randomUUID();
  await db
    .insertInto('enrollments')
    .values({ id: enrollmentId, workflow_id: `cadence-${prospectId}`, prospect_id: prospectId, cadence_id: cadenceId, owner_id: team.rep.id, status: 'sending', sending_mailbox: mailbox })
    .execute();
  const draftId = randomUUID();
  const draft = { subject: 'A thought on follow-up', body: `Hi Pat,\n\nOne idea for ${email}.\n\nDana`, contentHash: `hash-${draftId}` };
  await db
    .insertInto('drafts')
    .values({ id: draftId, enrollment_id: enrollmentId, step: 1, version: 1, author: 'component:drafter:test', subject: draft.subject, body: draft.body, content_hash: draft.contentHash })
    .execute();
  return {
    email,
    enrollmentId,
    prospectId,
    ownerId: team.rep.id,
    step: 1,
    draft: { draftId, version: 1, templateId: 'none', templateVersion: 0, ...draft },
    from: { name: 'Dana Rep', address: team.rep.email },
    references: [],
  };
}

function send(activities: ReturnType<typeof createActivities>, input: SendInput): Promise<SendOutcome> {
  return new MockActivityEnvironment().run(activities.sendEmail, input);
}

const deliveredTo = (email: string) => smtp.messages.filter((m) => m.envelopeTo.includes(email));

test('two workers racing for the last slot of the hour: one sends, the other is deferred, never both', async () => {
  const first = worker(db);
  const second = worker(await otherPool());
  for (let round = 0; round < 6; round++) {
    const mailbox = await createMailbox({ hourlyCap: 1 });
    const [a, b] = [await prepared(mailbox), await prepared(mailbox)];
    const outcomes = await Promise.all([send(first, a), send(second, b)]);

    const sent = outcomes.filter((o) => o.status === 'sent');
    const deferred = outcomes.filter((o) => o.status === 'deferred');
    expect(sent).toHaveLength(1);
    expect(deferred).toHaveLength(1);
    expect(deliveredTo(a.email).length + deliveredTo(b.email).length).toBe(1);
    const slots = await db.selectFrom('sends').select(['status', 'slot_at']).where('mailbox', '=', mailbox).orderBy('slot_at').execute();
    expect(slots.map((s) => s.status)).toEqual(['sent', 'scheduled']);
    // The loser's slot is the first moment the winner's send leaves the rolling hour.
    expect(slots[1]!.slot_at!.getTime() - slots[0]!.slot_at!.getTime()).toBe(HOUR_MS);
    if (deferred[0]!.status === 'deferred') expect(deferred[0]!.reason).toContain('hourly cap of 1 reached');
  }
});

test('deferred sends keep their order: each takes the next window with room, a newcomer queues behind, none is dropped', async () => {
  let now = new Date('2026-11-23T09:00:00Z').getTime();
  const activities = worker(db, { clock: () => new Date(now) });
  const mailbox = await createMailbox({ hourlyCap: 1 });
  const queue = [await prepared(mailbox), await prepared(mailbox), await prepared(mailbox)];

  const firstRound = [];
  for (const input of queue) firstRound.push(await send(activities, input));
  expect(firstRound.map((o) => o.status)).toEqual(['sent', 'deferred', 'deferred']);
  const until = firstRound.map((o) => (o.status === 'deferred' ? new Date(o.until).getTime() : now));
  expect(until).toEqual([now, now + HOUR_MS, now + 2 * HOUR_MS]);

  // An hour later the second goes; the third is still waiting for its own slot; a newcomer queues behind it.
  now += HOUR_MS;
  expect((await send(activities, queue[1]!)).status).toBe('sent');
  const third = await send(activities, queue[2]!);
  expect(third).toMatchObject({ status: 'deferred', until: new Date(now + HOUR_MS).toISOString() });
  const newcomer = await prepared(mailbox);
  expect(await send(activities, newcomer)).toMatchObject({ status: 'deferred', until: new Date(now + 2 * HOUR_MS).toISOString() });

  now += HOUR_MS;
  expect((await send(activities, queue[2]!)).status).toBe('sent');
  now += HOUR_MS;
  expect((await send(activities, newcomer)).status).toBe('sent');

  for (const input of [...queue, newcomer]) expect(deliveredTo(input.email)).toHaveLength(1);
  const sent = await db.selectFrom('sends').select(['recipient', 'slot_at']).where('mailbox', '=', mailbox).orderBy('slot_at').execute();
  expect(sent.map((s) => s.recipient)).toEqual([...queue, newcomer].map((i) => i.email));
  // A retry of a send that went returns it; nothing goes twice.
  expect((await send(activities, queue[0]!)).status).toBe('sent');
  expect(deliveredTo(queue[0]!.email)).toHaveLength(1);
});

test('the recipient-domain daily cap holds across mailboxes', async () => {
  const domain = `target-${randomUUID().slice(0, 8)}.test`;
  const activities = worker(db, { limits: { ...roomyLimits, recipientDomainDailyCap: 2 } });
  const inputs = [await prepared(await createMailbox(), domain), await prepared(await createMailbox(), domain), await prepared(await createMailbox(), domain)];
  const outcomes = [];
  for (const input of inputs) outcomes.push(await send(activities, input));
  expect(outcomes.map((o) => o.status)).toEqual(['sent', 'sent', 'deferred']);
  expect(outcomes[2]).toMatchObject({ reason: expect.stringContaining(`daily cap of 2 for ${domain} reached`) });
  expect(deliveredTo(inputs[2]!.email)).toHaveLength(0);
});

test('a reply recorded while the message is being handed to SMTP wins: the end of the message is never sent', async () => {
  const input = await prepared(await createMailbox());
  const real = createSmtpMailer({ url: `smtp://127.0.0.1:${port}` });
  let replied = false;
  // The real mailer; the reply arrives after the last claim and while the server holds all but the end of the message.
  const mailer: Mailer = {
    send: (mail, handOff) =>
      real.send(mail, {
        beforeEndOfData: async () => {
          await recordInboundReply(db, { from: input.email, subject: 'Re: A thought', text: 'Please call me instead.', messageId: `<reply-${randomUUID()}@acme.test>`, inReplyTo: mail.messageId, receivedAt: new Date() }, testReplyOptions);
          replied = true;
          await handOff!.beforeEndOfData();
        },
      }),
  };
  const outcome = await send(worker(db, { mailer }), input);

  expect(replied).toBe(true);
  expect(outcome).toMatchObject({ status: 'cancelled', reason: expect.stringContaining('the prospect replied') });
  const row = await db.selectFrom('sends').select(['status']).where('enrollment_id', '=', input.enrollmentId).executeTakeFirstOrThrow();
  expect(row.status).toBe('cancelled');
  // The server got everything but the end of DATA, then the connection dropped: it kept nothing.
  await new Promise((r) => setTimeout(r, 300));
  expect(deliveredTo(input.email)).toHaveLength(0);
});

test('an attempt whose lease another attempt took over does not end the message: the row stays the other attempt\'s', async () => {
  const input = await prepared(await createMailbox());
  const real = createSmtpMailer({ url: `smtp://127.0.0.1:${port}` });
  const mailer: Mailer = {
    send: (mail, handOff) =>
      real.send(mail, {
        beforeEndOfData: async () => {
          // As a retry of the same send would after this attempt's activity timed out.
          await db.updateTable('sends').set({ lease: 'the-other-attempt' }).where('enrollment_id', '=', input.enrollmentId).execute();
          await handOff!.beforeEndOfData();
        },
      }),
  };
  await expect(send(worker(db, { mailer }), input)).rejects.toThrow('another attempt took this send over');

  const row = await db.selectFrom('sends').select(['status', 'lease', 'handed_off_at']).where('enrollment_id', '=', input.enrollmentId).executeTakeFirstOrThrow();
  expect(row).toEqual({ status: 'sending', lease: 'the-other-attempt', handed_off_at: null });
  await new Promise((r) => setTimeout(r, 300));
  expect(deliveredTo(input.email)).toHaveLength(0);
});

describe('sender authentication', () => {
  let dns: TestDnsServer;
  beforeAll(async () => {
    // seller.test publishes SPF but no DKIM key and no DMARC: the check fails.
    dns = await startDnsServer({ 'seller.test': ['v=spf1 -all'] });
  });
  afterAll(async () => dns?.close());

  const strict = () => dnsSenderAuthPolicy({ overrides: [], recheckEveryMs: HOUR_MS, selector: 's1', dnsServers: [dns.address] });

  test('an automatic send from a failing domain is refused; a rep-approved one goes; an explicit override lets automatic ones go', async () => {
    const refused = await prepared(await createMailbox());
    const outcome = await send(worker(db, { senderAuth: strict() }), { ...refused, automatic: true });
    expect(outcome).toMatchObject({ status: 'cancelled', reason: expect.stringMatching(/^automatic sending from seller\.test is refused: its sender authentication fails \(fail: /) });
    expect(deliveredTo(refused.email)).toHaveLength(0);
    const check = await db.selectFrom('sender_domain_checks').selectAll().where('domain', '=', 'seller.test').executeTakeFirstOrThrow();
    expect(check.verdict).toBe('fail');
    expect(check.summary).toMatch(/DKIM/);

    const approved = await prepared(await createMailbox());
    expect((await send(worker(db, { senderAuth: strict() }), { ...approved, automatic: false })).status).toBe('sent');

    const overridden = await prepared(await createMailbox());
    const policy = { ...strict(), overrides: ['seller.test'] };
    expect((await send(worker(db, { senderAuth: policy }), { ...overridden, automatic: true })).status).toBe('sent');
  });
});
