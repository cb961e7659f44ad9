import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import type { ActivityDeps, Pacer } from '../../activities/deps';
import { noPacing } from '../../activities/deps';
import { builtInDrafter } from '../../activities/drafter';
import { builtInEnricher } from '../../activities/enricher';
import { dnsSenderAuthPolicy } from '../../activities/sender-domains';
import type { SendingLimits } from '../../db/repositories/mailboxes';
import { createSmtpMailer, type SmtpOptions } from '../../activities/mailer';
import { UnsubscribeKeyring } from '../../activities/unsubscribe-token';
import { loadTemporalConfig, type TemporalConfig } from '../../config/temporal';
import type { Db } from '../../db/connect';
import { createCadenceWorker, createDraftingWorker, createWebhookWorker } from '../../workers/cadence-worker';
import type { GatePolicy } from '../../workflows/policy';
import { CaptureSmtpServer } from '../../scripts/capture-smtp';
import { acceptInboundReply } from '../../api/use-cases/accept-reply';

export const HOUR = 3_600_000;

// Keep test output to what matters: warnings and errors from the SDK.
try {
  Runtime.install({ logger: new DefaultLogger('WARN') });
} catch {
  // already installed by an earlier import in this test file
}

export const defaultPolicy: GatePolicy = {
  version: 'test-policy-1',
  confidenceThreshold: 0.85,
  dealValueThreshold: 50_000,
  strategicTiers: ['strategic'],
  approvalRemindAfterMs: 4 * HOUR,
  approvalEscalateAfterMs: 20 * HOUR,
  approvalExpireAfterMs: 48 * HOUR,
};

export const testReplyOptions = { pauseAccount: true, outOfOfficeDefaultMs: 7 * 24 * HOUR };

export function testTemporalConfig(overrides: Partial<TemporalConfig> = {}): TemporalConfig {
  const taskQueue = `test-${randomUUID()}`;
  return { ...loadTemporalConfig(), taskQueue, draftingTaskQueue: `${taskQueue}-drafting`, webhooksTaskQueue: `${taskQueue}-webhooks`, ...overrides };
}

export async function startCapture(): Promise<{ smtp: CaptureSmtpServer; port: number }> {
  const smtp = new CaptureSmtpServer();
  const port = await smtp.listen(0);
  return { smtp, port };
}

/** The fixed unsubscribe secret of the tests' workers; an API that should verify their links is given the same. */
export const TEST_UNSUBSCRIBE_SECRET = 'test-unsubscribe-secret-0123456789abcdef';
/** Where the tests' unsubscribe links point; a test follows one by its path on the stack's own API. */
export const TEST_PUBLIC_BASE_URL = 'https://cadence.test';

/** `mailer.dkim` signs what the default mailer sends to the capture server (with the port only known here). */
export function testDeps(db: Db, smtpPort: number, overrides: Partial<ActivityDeps> = {}, mailer: Pick<SmtpOptions, 'dkim'> = {}): ActivityDeps {
  return {
    db,
    mailer: createSmtpMailer({ url: `smtp://127.0.0.1:${smtpPort}`, ...mailer }),
    drafter: builtInDrafter,
    enricher: builtInEnricher,
    pacer: noPacing,
    clock: () => new Date(),
    policy: async () => defaultPolicy,
    messageIdDomain: 'cadence.test',
    defaultTimeZone: 'UTC',
    unsubscribe: { baseUrl: TEST_PUBLIC_BASE_URL, keyring: new UnsubscribeKeyring({ current: TEST_UNSUBSCRIBE_SECRET }) },
    limits: roomyLimits,
    // The test team's domain has no DNS here: allowed explicitly, as SENDER_AUTH_OVERRIDE does in production.
    senderAuth: dnsSenderAuthPolicy({ overrides: [TEST_SENDER_DOMAIN], recheckEveryMs: 6 * HOUR }),
    ...overrides,
  };
}

/** Where seed.ts's users send from. */
export const TEST_SENDER_DOMAIN = 'seller.test';

/** Caps no ordinary test reaches, no pacing gap and no warmup: tests of caps and pacing set their own. */
export const roomyLimits: SendingLimits = {
  mailboxDefaults: {
    dailyCap: 100_000,
    hourlyCap: 100_000,
    minGapSeconds: 0,
    jitterSeconds: 0,
    warmup: null,
    bounceRateLimit: 0.05,
    complaintRateLimit: 0.003,
  },
  recipientDomainDailyCap: 100_000,
};

export async function startWorker(options: {
  connection: NativeConnection;
  temporal: TemporalConfig;
  deps: ActivityDeps;
}): Promise<{ worker: Worker; stop(): Promise<void> }> {
  const codePath = process.env.CADENCE_TEST_WORKFLOW_BUNDLE;
  if (!codePath) throw new Error('CADENCE_TEST_WORKFLOW_BUNDLE is not set: run through jest (global setup)');
  const worker = await createCadenceWorker({ ...options, workflowBundle: { codePath } });
  const draftingWorker = await createDraftingWorker(options);
  const webhookWorker = await createWebhookWorker({ ...options, workflowBundle: { codePath } });
  const running = Promise.all([worker.run(), draftingWorker.run(), webhookWorker.run()]);
  return {
    worker,
    stop: async () => {
      worker.shutdown();
      draftingWorker.shutdown();
      webhookWorker.shutdown();
      await running;
      options.deps.mailer.close?.();
    },
  };
}

/** Polls until fn returns something truthy, in real time. */
export async function eventually<T>(fn: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Waits until the send of this Message-ID is recorded as sent. The capture SMTP server has a message a
 * moment before the sender records it: a test that answers at once must wait for that, as no person can.
 */
export async function recordedAsSent(db: Db, messageId: string) {
  return eventually(
    () => db.selectFrom('sends').select(['id', 'sent_at']).where('message_id', '=', messageId).where('status', '=', 'sent').executeTakeFirst(),
    `the send of ${messageId} recorded as sent`,
  );
}

export async function pendingApproval(db: Db, enrollmentId: string, step: number) {
  return eventually(
    () =>
      db
        .selectFrom('approval_requests')
        .selectAll()
        .where('enrollment_id', '=', enrollmentId)
        .where('step', '=', step)
        .where('status', '=', 'pending')
        .executeTakeFirst(),
    `approval request for step ${step}`,
  );
}

/** What an integration's reply webhook does: record the reply in the ledger, then signal the cadence. */
export async function replyFrom(db: Db, temporal: Client, from: string, inReplyTo?: string) {
  return acceptInboundReply(db, temporal, {
    messageId: `<reply-${randomUUID()}@prospect.test>`,
    from,
    subject: 'Re: your note',
    text: 'Thanks, interested. Can we talk Tuesday?',
    inReplyTo,
    receivedAt: new Date(),
  }, testReplyOptions);
}

/** A pacer the test holds closed, to keep a send in flight; it honours cancellation like the real one. */
export function heldPacer(): Pacer & { entered: Promise<void>; release(): void } {
  let markEntered!: () => void;
  let open!: () => void;
  const entered = new Promise<void>((r) => (markEntered = r));
  const released = new Promise<void>((r) => (open = r));
  return {
    entered,
    release: () => open(),
    async waitTurn(_mailbox, signal) {
      markEntered();
      await new Promise<void>((resolve, reject) => {
        signal.addEventListener('abort', () => reject(signal.reason), { once: true });
        void released.then(resolve);
      });
    },
  };
}

export function newEnrollment(prospectId: string, cadenceId: string, ownerId: string) {
  return { enrollmentId: randomUUID(), prospectId, cadenceId, ownerId };
}
