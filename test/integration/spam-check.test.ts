import { sql } from 'kysely';
import { stateQuery } from '../../workflows/definitions';
import { eventually } from '../helpers/harness';
import { createCadence, goodTemplate } from '../helpers/seed';
import { startStack, type Stack } from '../helpers/stack';

// The spam-trigger check on the dev server, PostgreSQL and real SMTP, driven over HTTP: findings lower
// the confidence and show in the queue; a blocking finding is never sent, whether the template has it
// (approve unchanged) or the rep's edit adds it; a warning is the rep's call.
let stack: Stack;
let goodCadence: string;
let shortenerCadence: string;

const shortenerTemplate = {
  subject: goodTemplate.subject,
  body: goodTemplate.body.replace('Best,', 'A two-minute overview: https://bit.ly/3xYzAbC\n\nBest,'),
};

beforeAll(async () => {
  stack = await startStack();
  goodCadence = await createCadence(stack.database.db, [{ delaySeconds: 0, template: goodTemplate }]);
  shortenerCadence = await createCadence(stack.database.db, [{ delaySeconds: 0, template: shortenerTemplate }]);
});

afterAll(async () => {
  await stack?.stop();
});

async function enroll(cadenceId: string, local: string, domain: string) {
  const email = `${local}@${domain}`;
  const enrolled = await stack.api('POST', '/v1/enrollments', {
    body: {
      cadenceId,
      prospect: { email, firstName: 'Jordan', lastName: 'Avery', title: 'Head of Operations' },
      account: { name: 'Northwind Freight', domain, industry: 'freight', dealValue: 20_000 },
    },
  });
  expect(enrolled.status).toBe(201);
  const item = await eventually(async () => {
    const queue = await stack.api('GET', '/v1/approvals');
    return queue.body.items.find((i: any) => i.prospect.email === email);
  }, `a queue item for ${email}`);
  return { email, enrolled: enrolled.body, item };
}

async function statusOf(approvalId: string) {
  const row = await stack.database.db.selectFrom('approval_requests').select('status').where('id', '=', approvalId).executeTakeFirstOrThrow();
  return row.status;
}

test('a template with a URL shortener is scored below the threshold, its queue item lists the finding, and it cannot be approved unchanged', async () => {
  const { email, enrolled, item } = await enroll(shortenerCadence, 'jordan.avery', 'shortener-freight.test');
  expect(item.draft.body).toContain('https://bit.ly/3xYzAbC');
  expect(item.confidence).toBeLessThan(0.85);
  expect(item.confidenceReasons).toContainEqual({ code: 'spam:url-shortener', effect: -0.5, detail: 'body: URL shortener bit.ly' });
  expect(item.spamFindings).toContainEqual({ code: 'url-shortener', severity: 'block', detail: 'body: URL shortener bit.ly', match: 'bit.ly' });
  // Reported, but not scored: the sender's footer carries the unsubscribe link.
  expect(item.spamFindings).toContainEqual(expect.objectContaining({ code: 'missing-unsubscribe', severity: 'warn' }));
  expect(item.confidenceReasons.map((r: any) => r.code)).not.toContain('spam:missing-unsubscribe');

  // A request opened before the spam check existed has no stored findings: the queue checks its text when it serves it.
  await sql`update approval_requests set context = context - 'spamFindings' where id = ${item.id}`.execute(stack.database.db);
  const legacy = (await stack.api('GET', '/v1/approvals')).body.items.find((i: any) => i.id === item.id);
  expect(legacy.spamFindings).toEqual(item.spamFindings);
  expect(legacy).toEqual(item);
  const state = await stack.client.workflow.getHandle(enrolled.workflowId).query(stateQuery);
  expect(state.steps[0]).toMatchObject({ confidence: item.confidence });

  const approved = await stack.api('POST', `/v1/approvals/${item.id}/decision`, { body: { action: 'approve', draftVersion: 1 } });
  expect(approved.status).toBe(422);
  expect(approved.body).toMatchObject({
    error: 'spam-check',
    message: 'this draft cannot be sent: body: URL shortener bit.ly',
    findings: [{ code: 'url-shortener', severity: 'block', detail: 'body: URL shortener bit.ly' }],
  });
  expect(await statusOf(item.id)).toBe('pending');

  // The rep replaces the shortened link with the real one: accepted and sent as edited.
  const fixedBody = item.draft.body.replace('https://bit.ly/3xYzAbC', 'https://northwind.example/overview');
  const edited = await stack.api('POST', `/v1/approvals/${item.id}/decision`, { body: { action: 'edit', draftVersion: 1, body: fixedBody } });
  expect(edited.status).toBe(200);
  const [message] = await stack.smtp.waitFor((m) => m.envelopeTo.includes(email));
  expect(message!.text).toContain('https://northwind.example/overview');
  expect(message!.text).not.toContain('bit.ly');
  expect(await statusOf(item.id)).toBe('edited');
});

test('an edit that adds "!!!" to the subject is refused with 422, naming the finding, and the item stays pending; an edit with only a warning is sent', async () => {
  const { email, item } = await enroll(goodCadence, 'casey.lin', 'punctuation-shipping.test');
  expect(item.confidence).toBeGreaterThanOrEqual(0.85);
  expect(item.spamFindings).toEqual([expect.objectContaining({ code: 'missing-unsubscribe', severity: 'warn' })]);

  const shouted = await stack.api('POST', `/v1/approvals/${item.id}/decision`, {
    body: { action: 'edit', draftVersion: 1, subject: `${item.draft.subject}!!!` },
  });
  expect(shouted.status).toBe(422);
  expect(shouted.body.error).toBe('spam-check');
  expect(shouted.body.message).toBe("the edited draft cannot be sent: subject: punctuation run '!!!'");
  expect(shouted.body.findings).toEqual([{ code: 'punctuation-run', severity: 'block', detail: "subject: punctuation run '!!!'", match: '!!!' }]);

  const both = await stack.api('POST', `/v1/approvals/${item.id}/decision`, {
    body: { action: 'edit', draftVersion: 1, subject: 'Hello!!!', body: `${item.draft.body}\n\nMore at bit.ly/abc` },
  });
  expect(both.status).toBe(422);
  expect(both.body.message).toBe("the edited draft cannot be sent: subject: punctuation run '!!!'; body: URL shortener bit.ly");

  expect(await statusOf(item.id)).toBe('pending');
  const queue = await stack.api('GET', '/v1/approvals');
  expect(queue.body.items.find((i: any) => i.id === item.id)).toMatchObject({ status: 'pending', draft: { version: 1, subject: item.draft.subject } });
  await new Promise((r) => setTimeout(r, 300));
  expect(stack.smtp.messages.filter((m) => m.envelopeTo.includes(email))).toHaveLength(0);

  // A punctuation run in the body is only a warning: the rep may send it.
  const warnOnly = { subject: item.draft.subject, body: item.draft.body.replace('compare notes?', 'compare notes???') };
  const accepted = await stack.api('POST', `/v1/approvals/${item.id}/decision`, { body: { action: 'edit', draftVersion: 1, ...warnOnly } });
  expect(accepted.status).toBe(200);
  expect(accepted.body).toMatchObject({ action: 'edit', duplicate: false });
  const [message] = await stack.smtp.waitFor((m) => m.envelopeTo.includes(email));
  expect(message!.subject).toBe(warnOnly.subject);
  expect(message!.text).toContain('compare notes???');
  expect(await statusOf(item.id)).toBe('edited');
});
