/**
 * The reply ledger at the data layer (db/repositories/replies.ts), without Temporal: which prospect and
 * enrollment an inbound message is matched to, in what order of precedence, what one reply writes, and what the
 * send activity's last check (sendBlocker) reads back from it. On
 * PostgreSQL and on the embedded PGlite of the local stack, since the ledger's statements are hand-shaped SQL.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/connect';
import type { StoredTriage } from '../../db/types';
import { activeHolds, recordInboundReply, type InboundReply } from '../../db/repositories/replies';
import { addSuppressions } from '../../db/repositories/suppressions';
import { sendBlocker } from '../../activities/sending';
import { createEmbeddedTestDatabase, createTestDatabase, type TestDatabase } from '../helpers/database';
import { createCadence, createProspect, createTeam, goodTemplate, type Team } from '../helpers/seed';

const options = { pauseAccount: true, outOfOfficeDefaultMs: 7 * 86_400_000 };

describe.each([
  ['PostgreSQL', createTestDatabase],
  ['PGlite', createEmbeddedTestDatabase],
])('on %s', (_name, create) => {
  let database: Omit<TestDatabase, 'url'>;
  let team: Team;
  let cadenceId: string;

  beforeAll(async () => {
    database = await create();
    team = await createTeam(database.db);
    cadenceId = await createCadence(database.db, [{ delaySeconds: 0, template: goodTemplate }]);
  }, 60_000);
  afterAll(async () => database.drop());

  const db = (): Db => database.db;

  async function enroll(prospectId: string, options: { startedAt?: Date; ended?: boolean } = {}): Promise<string> {
    const id = randomUUID();
    await db()
      .insertInto('enrollments')
      .values({
        id,
        workflow_id: `cadence-${id}`,
        prospect_id: prospectId,
        cadence_id: cadenceId,
        owner_id: team.rep.id,
        status: options.ended ? 'completed' : 'running',
        started_at: options.startedAt ?? new Date(),
        ended_at: options.ended ? new Date() : null,
      })
      .execute();
    return id;
  }

  let steps = 0;

  /** A message the engine sent to the prospect of `enrollmentId` (each at a step of its own); returns its Message-ID. */
  async function sent(prospectId: string, enrollmentId: string, createdAt = new Date()): Promise<string> {
    const draftId = randomUUID();
    const step = ++steps;
    await db()
      .insertInto('drafts')
      .values({ id: draftId, enrollment_id: enrollmentId, step, version: 1, author: 'component:drafter', subject: 'Hello', body: 'Hello there', content_hash: 'h' })
      .execute();
    const messageId = `<sent-${randomUUID()}@cadence.test>`;
    await db()
      .insertInto('sends')
      .values({
        id: randomUUID(),
        idempotency_key: randomUUID(),
        message_id: messageId,
        enrollment_id: enrollmentId,
        prospect_id: prospectId,
        step,
        draft_id: draftId,
        draft_version: 1,
        mailbox: 'rep@cadence.test',
        recipient: 'someone@acme.test',
        recipient_domain: 'acme.test',
        subject: 'Hello',
        body: 'Hello there',
        content_hash: 'h',
        status: 'sent',
        created_at: createdAt,
        slot_at: createdAt,
        sent_at: createdAt,
      })
      .execute();
    return messageId;
  }

  async function enrolledProspect() {
    const p = await createProspect(db());
    const enrollmentId = await enroll(p.prospectId);
    return { ...p, enrollmentId, messageId: await sent(p.prospectId, enrollmentId) };
  }

  function triage(overrides: Partial<StoredTriage> = {}): StoredTriage {
    return {
      intent: 'interested',
      sentiment: 'positive',
      escalate: false,
      returnDate: null,
      confidence: 0.9,
      reasons: ['test'],
      newText: 'Sounds good.',
      bouncedRecipients: [],
      bouncedMessageId: null,
      ...overrides,
    };
  }

  function reply(overrides: Partial<InboundReply>): InboundReply {
    return { messageId: `<in-${randomUUID()}@prospect.test>`, from: 'nobody@elsewhere.test', text: 'Sounds good.', receivedAt: new Date(), triage: triage(), ...overrides };
  }

  describe('which prospect a message is matched to', () => {
    test('the message it answers comes before the references and the sender', async () => {
      const [a, b, c] = [await enrolledProspect(), await enrolledProspect(), await enrolledProspect()];
      const recorded = await recordInboundReply(db(), reply({ from: b.email, inReplyTo: a.messageId, references: [c.messageId] }), options);
      expect(recorded).toMatchObject({ prospectId: a.prospectId, enrollmentId: a.enrollmentId, matchedBy: 'in-reply-to', duplicate: false });
    });

    test('an unknown In-Reply-To falls through to the references, the newest referenced send winning', async () => {
      const [b, c] = [await enrolledProspect(), await enrolledProspect()];
      const older = await sent(b.prospectId, b.enrollmentId, new Date(Date.now() - 86_400_000));
      const recorded = await recordInboundReply(db(), reply({ inReplyTo: '<never-sent@cadence.test>', references: ['<unknown@x.test>', older, c.messageId] }), options);
      expect(recorded).toMatchObject({ prospectId: c.prospectId, matchedBy: 'references' });
    });

    test('a bounce is matched by the message that bounced (with or without angle brackets), then by its recipients in order', async () => {
      const [a, b, c] = [await enrolledProspect(), await enrolledProspect(), await enrolledProspect()];
      const bare = a.messageId.slice(1, -1);
      const byMessage = await recordInboundReply(
        db(),
        reply({ from: 'mailer-daemon@mx.test', triage: triage({ intent: 'bounce_soft', bouncedMessageId: bare, bouncedRecipients: [b.email] }) }),
        options,
      );
      expect(byMessage).toMatchObject({ prospectId: a.prospectId, matchedBy: 'bounced-message', effect: 'soft-bounce' });

      const byRecipient = await recordInboundReply(
        db(),
        reply({ from: c.email, triage: triage({ intent: 'bounce_soft', bouncedMessageId: '<unknown@x.test>', bouncedRecipients: ['ghost@nowhere.test', b.email.toUpperCase(), c.email] }) }),
        options,
      );
      expect(byRecipient).toMatchObject({ prospectId: b.prospectId, enrollmentId: b.enrollmentId, matchedBy: 'bounced-recipient' });
    });

    test('by sender: the newest enrollment, a prospect never enrolled, or no one', async () => {
      const p = await createProspect(db());
      await enroll(p.prospectId, { startedAt: new Date(Date.now() - 10 * 86_400_000), ended: true });
      const newest = await enroll(p.prospectId, { startedAt: new Date(Date.now() - 86_400_000) });
      expect(await recordInboundReply(db(), reply({ from: `  ${p.email.toUpperCase()} ` }), options)).toMatchObject({ prospectId: p.prospectId, matchedBy: 'sender' });
      const matched = await db().selectFrom('replies').select('enrollment_id').where('prospect_id', '=', p.prospectId).executeTakeFirstOrThrow();
      expect(matched.enrollment_id).toBe(newest);

      const never = await createProspect(db());
      expect(await recordInboundReply(db(), reply({ from: never.email }), options)).toMatchObject({ prospectId: never.prospectId, enrollmentId: null, matchedBy: 'sender' });

      expect(await recordInboundReply(db(), reply({ from: 'stranger@unknown.test' }), options)).toMatchObject({ prospectId: null, enrollmentId: null, matchedBy: null, accountPeers: [] });
    });
  });

  describe('what one reply writes', () => {
    test('a human reply holds the cadence and the account’s other active cadences, and a second delivery writes nothing', async () => {
      const a = await enrolledProspect();
      const peerProspectId = randomUUID();
      await db()
        .insertInto('prospects')
        .values({ id: peerProspectId, email: `kim.${peerProspectId.slice(0, 8)}@acme.test`, normalized_email: `kim.${peerProspectId.slice(0, 8)}@acme.test`, first_name: 'Kim', last_name: 'Ng', title: 'CFO', account_id: a.accountId })
        .execute();
      const peerEnrollment = await enroll(peerProspectId);
      await enroll(peerProspectId, { ended: true });

      const message = reply({ from: a.email, inReplyTo: a.messageId, triage: triage({ escalate: true, sentiment: 'negative', intent: 'not_interested' }) });
      const recorded = await recordInboundReply(db(), message, options);
      expect(recorded).toMatchObject({ duplicate: false, effect: 'hand-over', enrollmentId: a.enrollmentId, accountPeers: [{ prospectId: peerProspectId, enrollmentId: peerEnrollment }] });
      expect((await activeHolds(db(), a.enrollmentId)).map((h) => [h.kind, h.reply_id])).toEqual([['reply', recorded.replyId]]);
      expect((await activeHolds(db(), peerEnrollment)).map((h) => [h.kind, h.reply_id])).toEqual([['account-reply', recorded.replyId]]);
      const notice = await db().selectFrom('notifications').selectAll().where('key', '=', `reply:${message.messageId}:escalated`).executeTakeFirstOrThrow();
      expect(notice.user_id).toBe(team.manager.id);
      const audit = await db().selectFrom('audit_events').select('details').where('event_key', '=', `reply:${message.messageId}`).executeTakeFirstOrThrow();
      expect(audit.details).toMatchObject({ replyId: recorded.replyId, matchedBy: 'in-reply-to', effect: 'hand-over', pausedAccountPeers: [peerEnrollment] });

      const again = await recordInboundReply(db(), message, options);
      expect(again).toMatchObject({ duplicate: true, replyId: recorded.replyId, prospectId: a.prospectId, matchedBy: 'in-reply-to', accountPeers: [] });
      expect(await activeHolds(db(), a.enrollmentId)).toHaveLength(1);
    });

    test('an out-of-office holds only its own cadence, until the return date', async () => {
      const a = await enrolledProspect();
      const returnDate = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
      const recorded = await recordInboundReply(db(), reply({ from: a.email, triage: triage({ intent: 'out_of_office', sentiment: 'neutral', returnDate }) }), options);
      expect(recorded).toMatchObject({ effect: 'away', accountPeers: [] });
      const holds = await activeHolds(db(), a.enrollmentId);
      expect(holds.map((h) => [h.kind, h.until?.toISOString()])).toEqual([['out-of-office', `${returnDate}T00:00:00.000Z`]]);
    });
  });

  describe('what the send check reads back', () => {
    const blocker = (p: { enrollmentId: string; prospectId: string; email: string }, purpose: 'step' | 'reply' = 'step', asOf?: Date) =>
      sendBlocker(db(), p.enrollmentId, p.prospectId, p.email, purpose, asOf);

    test('a reply blocks before a hold; a reply a rep released by resuming no longer does', async () => {
      const a = await enrolledProspect();
      expect(await blocker(a)).toBeNull();
      const message = reply({ from: a.email, inReplyTo: a.messageId });
      await recordInboundReply(db(), message, options);
      expect(await blocker(a)).toEqual({ reason: `the prospect replied (${message.messageId})`, held: false });
      // An answer to the reply is the rep's, after it: only suppressions stop it.
      expect(await blocker(a, 'reply')).toBeNull();
      await db().updateTable('enrollment_holds').set({ released_at: new Date(), released_by: 'user:rep' }).where('enrollment_id', '=', a.enrollmentId).execute();
      expect(await blocker(a)).toBeNull();
    });

    test('a hold that has not run out pauses, with its kind and end to the millisecond', async () => {
      const a = await enrolledProspect();
      const returnDate = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
      await recordInboundReply(db(), reply({ from: a.email, triage: triage({ intent: 'out_of_office', sentiment: 'neutral', returnDate }) }), options);
      expect(await blocker(a)).toEqual({
        reason: `the cadence is paused (out-of-office: out of office until ${returnDate})`,
        held: true,
        holdKind: 'out-of-office',
        holdUntil: `${returnDate}T00:00:00.000Z`,
      });
      expect(await blocker(a, 'step', new Date(Date.now() + 4 * 86_400_000))).toBeNull();
    });

    test('a suppressed address wins over its suppressed domain, for a step and for an answer alike', async () => {
      const a = await enrolledProspect();
      const domain = a.email.split('@')[1]!;
      await addSuppressions(db(), [{ kind: 'domain', value: domain, reason: 'competitor' }], 'test');
      expect(await blocker(a)).toEqual({ reason: `domain ${domain} is suppressed (competitor)`, held: false });
      await addSuppressions(db(), [{ kind: 'address', value: a.email, reason: 'do-not-contact' }], 'test');
      expect(await blocker(a)).toEqual({ reason: `address ${a.email} is suppressed (do-not-contact)`, held: false });
      expect(await blocker(a, 'reply')).toEqual({ reason: `address ${a.email} is suppressed (do-not-contact)`, held: false });
    });
  });
});
