import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import type { Db } from '../../db/connect';
import { DAY_MS } from '../../db/repositories/mailboxes';
import type { CapturedMessage } from '../../scripts/capture-smtp';
import type { cadenceWorkflow } from '../../workflows/cadence';
import { stateQuery } from '../../workflows/definitions';
import { eventually } from './harness';
import { createCadence, createProspect, goodTemplate } from './seed';
import type { Stack } from './stack';

// Helpers for the deliverability tests: real cadences whose first touch really went over SMTP, and a
// mailbox's sending history written straight into `sends` (as the sender writes it) to reach a rate.

export interface RunningCadence {
  email: string;
  prospectId: string;
  enrollmentId: string;
  handle: WorkflowHandle<typeof cadenceWorkflow>;
  /** The first touch as the capture SMTP server received it. */
  first: CapturedMessage;
}

let seq = 0;
const unique = () => `${Date.now().toString(36)}${(seq++).toString(36)}${randomUUID().slice(0, 4)}`;

/** Enrolls a prospect (owned by the stack's rep) over HTTP, approves the first touch and waits for it at SMTP; step 2 is `step2DelaySeconds` later. */
export async function startApprovedCadence(stack: Stack, step2DelaySeconds = 600): Promise<RunningCadence> {
  const cadenceId = await createCadence(stack.database.db, [
    { delaySeconds: 0, template: goodTemplate },
    { delaySeconds: step2DelaySeconds, template: goodTemplate },
  ]);
  const id = unique();
  const email = `robin.${id}@tailspin-${id}.test`;
  const enrolled = await stack.api('POST', '/v1/enrollments', {
    body: {
      cadenceId,
      prospect: { email, firstName: 'Robin', lastName: 'Okafor', title: 'Head of Sales Operations' },
      account: { name: `Tailspin ${id}`, domain: `tailspin-${id}.test`, industry: 'logistics', dealValue: 20_000 },
    },
  });
  if (enrolled.status !== 201) throw new Error(`enrollment failed: ${enrolled.status} ${JSON.stringify(enrolled.body)}`);
  await approveFirstTouch(stack, enrolled.body.workflowId);
  const [first] = await stack.smtp.waitFor((m) => m.envelopeTo.includes(email));
  const handle = stack.client.workflow.getHandle<typeof cadenceWorkflow>(enrolled.body.workflowId);
  await eventually(async () => (await handle.query(stateQuery)).steps[0]?.status === 'sent', 'step 1 recorded as sent');
  return { email, prospectId: enrolled.body.prospectId, enrollmentId: enrolled.body.enrollmentId, handle, first: first! };
}

/** The rep approves the first touch of a cadence, as shown in the queue. */
export async function approveFirstTouch(stack: Stack, workflowId: string): Promise<void> {
  const item = await eventually(async () => {
    const queue = await stack.api('GET', '/v1/approvals');
    return queue.body.items.find((i: any) => i.workflowId === workflowId && i.step === 1);
  }, `the first touch of ${workflowId}`);
  const decided = await stack.api('POST', `/v1/approvals/${item.id}/decision`, { body: { action: 'approve', draftVersion: 1 } });
  if (decided.status !== 200) throw new Error(`approval failed: ${decided.status} ${JSON.stringify(decided.body)}`);
}

export interface SeededSend {
  id: string;
  messageId: string;
  recipient: string;
}

/**
 * `count` sends from `mailbox` that reached the provider ('sent'), spread evenly between `daysAgo[0]`
 * and `daysAgo[1]` days before now (default 10 to 1), under one finished enrollment: a history to
 * compute the mailbox's health figure over.
 */
export async function seedSentSends(db: Db, options: { mailbox: string; ownerId: string; count: number; daysAgo?: [number, number] }): Promise<SeededSend[]> {
  const now = new Date();
  const [oldest, newest] = options.daysAgo ?? [10, 1];
  const cadenceId = await createCadence(db, [{ delaySeconds: 0, template: goodTemplate }]);
  const { prospectId } = await createProspect(db);
  const enrollmentId = randomUUID();
  await db
    .insertInto('enrollments')
    .values({ id: enrollmentId, workflow_id: `seeded-${enrollmentId}`, prospect_id: prospectId, cadence_id: cadenceId, owner_id: options.ownerId, status: 'completed', ended_at: now })
    .execute();
  const draftId = randomUUID();
  await db
    .insertInto('drafts')
    .values({ id: draftId, enrollment_id: enrollmentId, step: 1, version: 1, author: 'component:drafter', subject: 'Hello', body: 'Hello there', content_hash: 'seeded' })
    .execute();
  const batch = unique();
  const sends: SeededSend[] = [];
  const step = options.count > 1 ? ((oldest - newest) * DAY_MS) / (options.count - 1) : 0;
  const rows = Array.from({ length: options.count }, (_, i) => {
    const at = new Date(now.getTime() - newest * DAY_MS - step * i);
    const send = { id: randomUUID(), messageId: `<seeded-${batch}-${i}@cadence.test>`, recipient: `lee.${batch}.${i}@bulk-${batch}.test` };
    sends.push(send);
    return {
      id: send.id,
      idempotency_key: `seeded-${batch}-${i}`,
      message_id: send.messageId,
      enrollment_id: enrollmentId,
      prospect_id: prospectId,
      step: 1,
      draft_id: draftId,
      draft_version: 1,
      mailbox: options.mailbox.toLowerCase(),
      recipient: send.recipient,
      recipient_domain: `bulk-${batch}.test`,
      subject: 'Hello',
      body: 'Hello there',
      content_hash: 'seeded',
      status: 'sent' as const,
      created_at: at,
      slot_at: at,
      sent_at: at,
    };
  });
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('sends').values(rows.slice(i, i + 500)).execute();
  return sends;
}
