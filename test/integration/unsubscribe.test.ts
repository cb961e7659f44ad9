import type { WorkflowHandle } from '@temporalio/client';
import { unsubscribeFooter } from '../../activities/sending';
import type { CapturedMessage } from '../../scripts/capture-smtp';
import type { cadenceWorkflow } from '../../workflows/cadence';
import { stateQuery } from '../../workflows/definitions';
import { TEST_PUBLIC_BASE_URL, eventually } from '../helpers/harness';
import { humanReply } from '../helpers/messages';
import { createCadence, goodTemplate } from '../helpers/seed';
import { startStack, type Stack } from '../helpers/stack';

// One-click unsubscribe (RFC 8058) end to end on the dev server: the link on a message really sent over
// SMTP, followed on the stack's API the way a mail provider (POST) and a link scanner or person (GET) do.

// The stack's API reads the unsubscribe secret from the environment, as `npm run api` does; the stack's
// worker signs with the same fixed test secret.

const STEP_2_DELAY_S = 3;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let stack: Stack;
let seq = 0;

beforeAll(async () => {
  stack = await startStack();
});

afterAll(async () => {
  await stack?.stop();
});

interface Running {
  email: string;
  prospectId: string;
  enrollmentId: string;
  handle: WorkflowHandle<typeof cadenceWorkflow>;
  approved: { subject: string; body: string; contentHash: string };
  first: CapturedMessage;
}

/** Enrolls a prospect over HTTP, approves the first touch and waits for it at SMTP; step 2 would go out automatically. */
async function startCadence(): Promise<Running> {
  const cadenceId = await createCadence(stack.database.db, [
    { delaySeconds: 0, template: goodTemplate },
    { delaySeconds: STEP_2_DELAY_S, template: goodTemplate },
  ]);
  const id = `${Date.now().toString(36)}${(seq++).toString(36)}`;
  const email = `robin.${id}@tailspin-${id}.test`;
  const enrolled = await stack.api('POST', '/v1/enrollments', {
    body: {
      cadenceId,
      prospect: { email, firstName: 'Robin', lastName: 'Okafor', title: 'Head of Sales Operations' },
      account: { name: `Tailspin ${id}`, domain: `tailspin-${id}.test`, industry: 'logistics', dealValue: 20_000 },
    },
  });
  expect(enrolled.status).toBe(201);
  const item = await eventually(async () => {
    const queue = await stack.api('GET', '/v1/approvals');
    return queue.body.items.find((i: any) => i.workflowId === enrolled.body.workflowId && i.step === 1);
  }, `the first touch of ${email}`);
  expect((await stack.api('POST', `/v1/approvals/${item.id}/decision`, { body: { action: 'approve', draftVersion: 1 } })).status).toBe(200);
  const [first] = await stack.smtp.waitFor((m) => m.envelopeTo.includes(email));
  const handle = stack.client.workflow.getHandle<typeof cadenceWorkflow>(enrolled.body.workflowId);
  await eventually(async () => (await handle.query(stateQuery)).steps[0]?.status === 'sent', 'step 1 recorded as sent');
  return { email, prospectId: enrolled.body.prospectId, enrollmentId: enrolled.body.enrollmentId, handle, approved: item.draft, first: first! };
}

const sentTo = (email: string) => stack.smtp.messages.filter((m) => m.envelopeTo.includes(email));

/** The one-click link of a received message, checked against both headers and the footer. */
function linkOf(message: CapturedMessage): string {
  const header = message.headers['list-unsubscribe'];
  expect(header).toMatch(/^<https:\/\/cadence\.test\/u\/[A-Za-z0-9_-]+>$/);
  const link = header!.slice(1, -1);
  expect(link.startsWith(`${TEST_PUBLIC_BASE_URL}/u/`)).toBe(true);
  expect(message.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
  expect(message.text.endsWith(`\n\n${unsubscribeFooter(link)}`)).toBe(true);
  return link;
}

/** Follows a link on the stack's own API (the links point at the public URL the tests configure). */
async function follow(link: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  const { status, headers, text } = await stack.http(init.method ?? 'GET', new URL(link).pathname, init);
  return { res: { status, headers }, text };
}

const oneClick = (link: string) =>
  follow(link, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });

const suppressionOf = (email: string) =>
  stack.database.db.selectFrom('suppressions').selectAll().where('kind', '=', 'address').where('value', '=', email).executeTakeFirst();

const auditOf = (prospectId: string, action: string) =>
  stack.database.db.selectFrom('audit_events').selectAll().where('prospect_id', '=', prospectId).where('action', '=', action).execute();

test('a sent message carries List-Unsubscribe, List-Unsubscribe-Post and a footer with the same link, under the approved text unchanged', async () => {
  const r = await startCadence();
  const link = linkOf(r.first);
  expect(r.first.subject).toBe(r.approved.subject);
  expect(r.first.text).toBe(`${r.approved.body}\n\n${unsubscribeFooter(link)}`);

  // The trail keeps the hash of the approved text, and says a footer and the headers went out with it.
  const [sent] = await auditOf(r.prospectId, 'send.sent');
  expect(sent!.content_hash).toBe(r.approved.contentHash);
  expect(sent!.details).toMatchObject({ unsubscribe: { footer: unsubscribeFooter('<one-click link>'), headers: ['List-Unsubscribe', 'List-Unsubscribe-Post'] } });
  await r.handle.terminate('test done');
});

test('GET shows a page and unsubscribes nobody; a forged link is refused; POST One-Click suppresses at once and ends the cadence; a repeat changes nothing', async () => {
  const r = await startCadence();
  const link = linkOf(r.first);
  const token = new URL(link).pathname.split('/').at(-1)!;

  // A forged token (one character changed) is refused, says nothing more, and suppresses nothing.
  const i = 40;
  const forgedLink = `${TEST_PUBLIC_BASE_URL}/u/${token.slice(0, i)}${token[i] === 'A' ? 'B' : 'A'}${token.slice(i + 1)}`;
  const forged = await oneClick(forgedLink);
  expect(forged.res.status).toBe(400);
  expect(JSON.parse(forged.text)).toEqual({ error: 'invalid-token', message: 'this unsubscribe link is not valid' });
  expect((await follow(forgedLink)).res.status).toBe(400);
  expect(await suppressionOf(r.email)).toBeUndefined();

  // A link scanner (or the person) fetching the link sees a confirmation page; nothing changes.
  const page = await follow(link);
  expect(page.res.status).toBe(200);
  expect(page.res.headers.get('content-type')).toMatch(/^text\/html/);
  expect(page.res.headers.get('cache-control')).toBe('no-store');
  expect(page.res.headers.get('set-cookie')).toBeNull();
  expect(page.text).toMatch(/<form method="post">/);
  expect(page.text).toContain('<input type="hidden" name="List-Unsubscribe" value="One-Click">');
  expect(page.text).not.toMatch(/<script/i);
  expect((await follow(link, { method: 'HEAD' })).res.status).toBe(200);
  expect(await suppressionOf(r.email)).toBeUndefined();
  expect(await auditOf(r.prospectId, 'prospect.unsubscribed')).toHaveLength(0);
  expect((await r.handle.query(stateQuery)).status).not.toBe('unsubscribed');

  // The one-click POST, as a mail provider sends it: suppressed when the answer arrives.
  const posted = await oneClick(link);
  expect(posted.res.status).toBe(200);
  expect(posted.res.headers.get('content-type')).toMatch(/^text\/plain/);
  expect(posted.res.headers.get('set-cookie')).toBeNull();
  expect(posted.res.headers.get('location')).toBeNull();
  expect(posted.text).toMatch(/unsubscribed/);
  const suppression = await suppressionOf(r.email);
  expect(suppression).toMatchObject({ reason: 'unsubscribed', source: 'one-click' });
  const [audit] = await auditOf(r.prospectId, 'prospect.unsubscribed');
  expect(audit).toMatchObject({ actor: 'component:one-click-unsubscribe', enrollment_id: r.enrollmentId, details: { address: r.email, source: 'one-click' } });

  // The cadence ends as unsubscribed, and step 2 never goes out.
  const result = await r.handle.result();
  expect(result.status).toBe('unsubscribed');
  const due = new Date(r.first.receivedAt).getTime() + STEP_2_DELAY_S * 1000;
  await sleep(Math.max(0, due - Date.now()) + 2000);
  expect(sentTo(r.email)).toHaveLength(1);
  const enrollment = await stack.database.db.selectFrom('enrollments').select(['status', 'ended_at']).where('id', '=', r.enrollmentId).executeTakeFirstOrThrow();
  expect(enrollment.status).toBe('unsubscribed');
  expect(enrollment.ended_at).not.toBeNull();

  // Again: 200, and nothing changes.
  const again = await oneClick(link);
  expect(again.res.status).toBe(200);
  expect(await suppressionOf(r.email)).toEqual(suppression);
  expect(await auditOf(r.prospectId, 'prospect.unsubscribed')).toHaveLength(1);
  expect(await stack.database.db.selectFrom('suppressions').select('id').where('value', '=', r.email).execute()).toHaveLength(1);
  // The page now says so, still without a button to press.
  const after = await follow(link);
  expect(after.res.status).toBe(200);
  expect(after.text).toContain('You are unsubscribed');
  expect(after.text).not.toContain('<form');
  expect(sentTo(r.email)).toHaveLength(1);
});

test("the rep's answer to a reply carries the link too, and the page's form (or an empty POST) unsubscribes", async () => {
  const r = await startCadence();
  const reply = humanReply({ original: r.first, from: { address: r.email }, text: 'Interesting. What would it cost for a team of 40?\n\nRobin' });
  const webhook = await stack.api('POST', '/v1/webhooks/inbound-reply', {
    token: stack.team.integration.token,
    body: { messageId: reply.messageId, from: reply.from, text: reply.text, raw: reply.raw },
  });
  expect(webhook.body).toMatchObject({ matched: true, effect: 'hand-over' });
  const suggestion = await eventually(async () => {
    const queue = await stack.api('GET', '/v1/approvals');
    return queue.body.items.find((i: any) => i.workflowId === r.handle.workflowId && i.whyGated[0]?.rule === 'manual-step');
  }, 'the suggested answer');
  expect((await stack.api('POST', `/v1/approvals/${suggestion.id}/decision`, { body: { action: 'approve', draftVersion: suggestion.draft.version } })).status).toBe(200);
  const [, answer] = await stack.smtp.waitFor((m) => m.envelopeTo.includes(r.email), 2);
  const link = linkOf(answer!);
  expect(answer!.text.startsWith(suggestion.draft.body)).toBe(true);

  const posted = await follow(link, { method: 'POST' });
  expect(posted.res.status).toBe(200);
  expect(await suppressionOf(r.email)).toMatchObject({ reason: 'unsubscribed', source: 'one-click' });
  expect((await r.handle.result()).status).toBe('unsubscribed');
});
