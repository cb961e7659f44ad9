import { request } from 'node:http';
import SwaggerParser from '@apidevtools/swagger-parser';
import { createCadence, createProspect, goodTemplate } from '../helpers/seed';
import { eventually } from '../helpers/harness';
import { startStack, type Stack } from '../helpers/stack';

// Bad input gets a clear error naming what is wrong, and loses nothing already accepted.
let stack: Stack;
let cadenceId: string;
let approval: any;

beforeAll(async () => {
  stack = await startStack();
  cadenceId = await createCadence(stack.database.db, [{ delaySeconds: 0, template: goodTemplate }]);
  const enrolled = await stack.api('POST', '/v1/enrollments', {
    body: { cadenceId, prospect: { email: 'lee@tailspin.test', firstName: 'Lee', title: 'CFO' }, account: { name: 'Tailspin', domain: 'tailspin.test' } },
  });
  expect(enrolled.status).toBe(201);
  approval = await eventually(async () => (await stack.api('GET', '/v1/approvals')).body.items[0], 'the queue item');
});

afterAll(async () => {
  await stack?.stop();
});

test('no token, or an unknown one, is 401', async () => {
  expect((await stack.api('GET', '/v1/approvals', { token: null })).status).toBe(401);
  const unknown = await stack.api('GET', '/v1/approvals', { token: 'cad_not-a-real-token' });
  expect(unknown).toMatchObject({ status: 401, body: { error: 'unauthorized' } });
});

test('a malformed body is 400 and names the bad field', async () => {
  const badEmail = await stack.api('POST', '/v1/enrollments', {
    body: { cadenceId, prospect: { email: 'not-an-email', firstName: 'X' }, account: { name: 'Y', domain: 'y.test' } },
  });
  expect(badEmail.status).toBe(400);
  expect(badEmail.body.issues.map((i: any) => i.field)).toEqual(['body.prospect.email']);
  expect(badEmail.body.message).toContain('body.prospect.email');

  const badAction = await stack.api('POST', `/v1/approvals/${approval.id}/decision`, { body: { action: 'ship-it', draftVersion: 1 } });
  expect(badAction.status).toBe(400);
  expect(badAction.body.message).toContain('body.action');

  const emptyEdit = await stack.api('POST', `/v1/approvals/${approval.id}/decision`, { body: { action: 'edit', draftVersion: 1 } });
  expect(emptyEdit.status).toBe(400);
  expect(emptyEdit.body.message).toContain('body.body');

  const notJson = await stack.api('POST', '/v1/enrollments', { body: '{"cadenceId": ' });
  expect(notJson.status).toBe(400);
  expect(notJson.body.message).toContain('malformed JSON');

  const webhook = await stack.api('POST', '/v1/webhooks/inbound-reply', { token: stack.team.integration.token, body: { from: 'a@b.test', text: 'hi' } });
  expect(webhook.status).toBe(400);
  expect(webhook.body.message).toContain('body.messageId');
});

test("a rep deciding another rep's item is 403, and so is a role that may not decide", async () => {
  const other = await stack.api('POST', `/v1/approvals/${approval.id}/decision`, {
    token: stack.team.otherRep.token,
    body: { action: 'approve', draftVersion: 1 },
  });
  expect(other).toMatchObject({ status: 403, body: { error: 'forbidden' } });
  const integration = await stack.api('POST', `/v1/approvals/${approval.id}/decision`, {
    token: stack.team.integration.token,
    body: { action: 'approve', draftVersion: 1 },
  });
  expect(integration.status).toBe(403);
  expect((await stack.api('GET', '/v1/approvals', { token: stack.team.otherRep.token })).body.items).toEqual([]);
  const repWebhook = await stack.api('POST', '/v1/webhooks/inbound-reply', { body: { messageId: '<x@y>', from: 'a@b.test', text: 'hi' } });
  expect(repWebhook.status).toBe(403);
});

test('an unknown item, cadence, prospect or route is 404', async () => {
  expect((await stack.api('POST', '/v1/approvals/00000000-0000-0000-0000-000000000000/decision', { body: { action: 'approve', draftVersion: 1 } })).status).toBe(404);
  const unknownCadence = await stack.api('POST', '/v1/enrollments', {
    body: { cadenceId: 'no-such-cadence', prospect: { email: 'z@z.test', firstName: 'Z' }, account: { name: 'Z', domain: 'z.test' } },
  });
  expect(unknownCadence).toMatchObject({ status: 404, body: { message: 'cadence no-such-cadence does not exist' } });
  expect((await stack.api('GET', '/v1/prospects/nobody/timeline')).status).toBe(404);
  expect(await stack.api('GET', '/v1/nothing-here')).toMatchObject({ status: 404, body: { error: 'not-found', message: 'no route for GET /v1/nothing-here' } });
});

/** A raw request (fetch refuses TRACE): status, Allow and the JSON body if any. */
function rawRequest(method: string, path: string): Promise<{ status: number; allow: string | null; body: any }> {
  return new Promise((resolve, reject) => {
    const req = request(`${stack.baseUrl}${path}`, { method }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, allow: (res.headers.allow as string | undefined) ?? null, body: text ? JSON.parse(text) : null }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('a method a path does not serve is 405 with Allow, before authentication; OPTIONS answers with the same Allow', async () => {
  for (const [method, path, allow] of [
    ['TRACE', '/v1/approvals', 'GET, HEAD'],
    ['DELETE', '/v1/approvals/00000000-0000-0000-0000-000000000000/decision', 'POST'],
    ['PATCH', '/v1/cadences', 'GET, HEAD'],
    ['POST', '/healthz', 'GET, HEAD'],
    ['PUT', '/u/some-token', 'GET, HEAD, POST'],
  ] as const) {
    const res = await rawRequest(method, path);
    expect([method, path, res.status, res.allow]).toEqual([method, path, 405, allow]);
    expect(res.body).toMatchObject({ error: 'method-not-allowed', allow: allow.split(', ') });
  }
  const options = await rawRequest('OPTIONS', '/v1/cadences/some-id');
  expect([options.status, options.allow]).toEqual([204, 'GET, HEAD, PUT']);
});

test('a stale draft version is 409 and the item stays pending', async () => {
  const stale = await stack.api('POST', `/v1/approvals/${approval.id}/decision`, { body: { action: 'approve', draftVersion: 7 } });
  expect(stale).toMatchObject({ status: 409, body: { error: 'stale-draft-version', currentDraftVersion: 1 } });
  const row = await stack.database.db.selectFrom('approval_requests').select('status').where('id', '=', approval.id).executeTakeFirstOrThrow();
  expect(row.status).toBe('pending');
  expect(stack.smtp.messages).toHaveLength(0);
});

test('a manager may decide for their rep; a decided item then refuses a different decision with 409', async () => {
  const { prospectId } = await createProspect(stack.database.db);
  expect(prospectId).toBeTruthy();
  const managerDecision = await stack.api('POST', `/v1/approvals/${approval.id}/decision`, {
    token: stack.team.manager.token,
    body: { action: 'reject', draftVersion: 1, mode: 'end-cadence', reason: 'not a fit' },
  });
  expect(managerDecision.status).toBe(200);
  await eventually(
    async () => (await stack.database.db.selectFrom('approval_requests').select('status').where('id', '=', approval.id).executeTakeFirst())?.status === 'rejected',
    'the rejection to be recorded',
  );
  const late = await stack.api('POST', `/v1/approvals/${approval.id}/decision`, { body: { action: 'approve', draftVersion: 1 } });
  expect(late).toMatchObject({ status: 409, body: { error: 'not-pending' } });
});

test('the OpenAPI document describes every route from the same schemas', async () => {
  const doc = await stack.api('GET', '/v1/openapi.json', { token: null });
  expect(doc.status).toBe(200);
  expect(Object.keys(doc.body.paths).sort()).toEqual([
    '/healthz',
    '/metrics',
    '/u/{token}',
    '/v1/approvals',
    '/v1/approvals/{id}/decision',
    '/v1/approvals/{id}/views',
    '/v1/boundary-report',
    '/v1/boundary-report/accept',
    '/v1/cadences',
    '/v1/cadences/{id}',
    '/v1/enrollments',
    '/v1/holidays',
    '/v1/holidays/{date}',
    '/v1/mailboxes',
    '/v1/mailboxes/{address}',
    '/v1/mailboxes/{address}/resume',
    '/v1/openapi.json',
    '/v1/prospects/{id}/cadence/{action}',
    '/v1/prospects/{id}/timeline',
    '/v1/review-metrics',
    '/v1/suppressions',
    '/v1/suppressions/import',
    '/v1/suppressions/{kind}/{value}',
    '/v1/tasks',
    '/v1/tasks/{id}/{action}',
    '/v1/templates/{id}/promote',
    '/v1/triggers',
    '/v1/triggers/list-import',
    '/v1/webhook-subscriptions',
    '/v1/webhook-subscriptions/{id}',
    '/v1/webhook-subscriptions/{id}/replay',
    '/v1/webhook-subscriptions/{id}/resume',
    '/v1/webhooks/delivery-events',
    '/v1/webhooks/inbound-reply',
  ]);
  expect(doc.body.components.schemas.EnrollRequest.properties.prospect.properties.email).toMatchObject({ type: 'string', maxLength: 320, pattern: expect.stringContaining('@') });
});

test('the document is a valid OpenAPI 3.1 document, and every pattern in it is a plain ECMA-262 regular expression', async () => {
  const doc = (await stack.api('GET', '/v1/openapi.json', { token: null })).body;
  // swagger-parser validates against the OpenAPI 3.1 schema and resolves every $ref (it mutates what it gets).
  await expect(SwaggerParser.validate(structuredClone(doc))).resolves.toBeTruthy();
  const patterns: Array<[string, string]> = [];
  const walk = (node: unknown, at: string) => {
    if (Array.isArray(node)) node.forEach((n, i) => walk(n, `${at}/${i}`));
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'pattern' && typeof value === 'string') patterns.push([at, value]);
        else walk(value, `${at}/${key}`);
      }
    }
  };
  walk(doc, '#');
  expect(patterns.length).toBeGreaterThan(5);
  for (const [at, pattern] of patterns) {
    expect(() => new RegExp(pattern, 'u')).not.toThrow();
    // A regex literal's flags leaked into the text (`…$/i`) would make every value fail a client's check.
    expect([at, pattern]).not.toEqual([at, expect.stringMatching(/\/[dgimsuyv]+$/)]);
  }
  const domain = new RegExp(doc.components.schemas.EnrollRequest.properties.account.properties.domain.pattern, 'u');
  expect(['Example.COM', 'acme.co.uk'].map((d) => domain.test(d))).toEqual([true, true]);
});
