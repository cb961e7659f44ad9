import { sql } from 'kysely';
import { eventually, pendingApproval } from '../helpers/harness';
import { createCadence, createUser, goodTemplate, type TestUser } from '../helpers/seed';
import { startStack, type Stack } from '../helpers/stack';

// Leads captured by triggers, list imports and direct enrollments: deduplicated by normalized email,
// held back by the cooldown after a cadence, and routed to an owner by territory and segment.
let stack: Stack;
let cadenceId: string;
let a: TestUser;
let b: TestUser;
let c: TestUser;
let d: TestUser;
let enterpriseRep: TestUser;

const rules = {
  formFill: 'er-form-pricing-demo',
  download: 'er-download-report',
  listImport: 'er-list-webinar',
};

beforeAll(async () => {
  stack = await startStack();
  const { db } = stack.database;
  cadenceId = await createCadence(db, [{ delaySeconds: 0, template: goodTemplate }]);
  a = await createUser(db, 'rep', 'Alex A', stack.team.manager.id);
  b = await createUser(db, 'rep', 'Blair B', stack.team.manager.id);
  c = await createUser(db, 'rep', 'Casey C', stack.team.manager.id);
  d = await createUser(db, 'rep', 'Drew D', stack.team.manager.id);
  enterpriseRep = await createUser(db, 'rep', 'Emery Enterprise', stack.team.manager.id);
  await db.updateTable('users').set({ active: false }).where('id', '=', c.id).execute();

  await db
    .insertInto('enrollment_rules')
    .values([
      { id: rules.formFill, name: 'Pricing or demo form', trigger_type: 'form_fill', match: JSON.stringify({ formId: ['pricing', 'demo'] }), cadence_id: cadenceId, priority: 10 },
      { id: 'er-form-newsletter-inactive', name: 'Newsletter (off)', trigger_type: 'form_fill', match: '{}', cadence_id: cadenceId, priority: 1, active: false },
      { id: rules.download, name: 'State of sales report', trigger_type: 'content_download', match: JSON.stringify({ asset: 'state-of-sales-2026.pdf' }), cadence_id: cadenceId },
      { id: rules.listImport, name: 'Webinar attendees', trigger_type: 'list_import', match: JSON.stringify({ listName: ['webinar-2026'] }), cadence_id: cadenceId },
    ])
    .execute();
  await db
    .insertInto('routing_rules')
    .values([
      // Inactive, and would otherwise catch every lead first.
      { id: 'rr-0-catch-all-off', name: 'Catch-all (off)', priority: 1, match: '{}', pool: JSON.stringify([a.id]), active: false },
      { id: 'rr-dach-enterprise', name: 'DACH enterprise', priority: 10, match: JSON.stringify({ countries: ['DE', 'AT', 'CH'], segments: ['Enterprise'] }), pool: JSON.stringify([enterpriseRep.id]) },
      { id: 'rr-dach', name: 'DACH', priority: 20, match: JSON.stringify({ countries: ['de', 'at', 'ch'] }), pool: JSON.stringify([a.id, b.id]) },
      { id: 'rr-north-america', name: 'North America', priority: 30, match: JSON.stringify({ regions: ['NA'] }), pool: JSON.stringify([a.id, c.id, b.id]) },
      { id: 'rr-japan', name: 'Japan', priority: 40, match: JSON.stringify({ countries: ['JP'] }), pool: JSON.stringify([a.id, b.id, d.id]) },
      { id: 'rr-uk', name: 'United Kingdom', priority: 50, match: JSON.stringify({ countries: ['GB'] }), pool: JSON.stringify([stack.team.rep.id]) },
    ])
    .execute();
});

afterAll(async () => {
  await stack?.stop();
});

const integration = () => stack.team.integration.token;

function trigger(body: Record<string, unknown>) {
  return stack.api('POST', '/v1/triggers', { token: integration(), body });
}

function lead(email: string, domain: string, account: Record<string, unknown> = {}) {
  return {
    prospect: { email, firstName: 'Lee', lastName: 'Morgan', title: 'VP Sales' },
    account: { name: `Company ${domain}`, domain, industry: 'logistics', ...account },
  };
}

/** Direct enrollment as an integration, without an owner: routing picks one. */
function enrollRouted(email: string, domain: string, account: Record<string, unknown>) {
  return stack.api('POST', '/v1/enrollments', { token: integration(), body: { cadenceId, ...lead(email, domain, account) } });
}

async function events(prospectId: string, action?: string) {
  const rows = await stack.database.db
    .selectFrom('audit_events')
    .selectAll()
    .where('prospect_id', '=', prospectId)
    .orderBy('occurred_at')
    .orderBy('id')
    .execute();
  return action ? rows.filter((e) => e.action === action) : rows;
}

async function endByRejecting(enrollmentId: string, token: string) {
  const { db } = stack.database;
  const approval = await pendingApproval(db, enrollmentId, 1);
  const decision = await stack.api('POST', `/v1/approvals/${approval.id}/decision`, {
    token,
    body: { action: 'reject', draftVersion: approval.draft_version, mode: 'end-cadence', reason: 'not now' },
  });
  expect(decision.status).toBe(200);
  const row = await eventually(
    () => db.selectFrom('enrollments').select(['ended_at', 'status']).where('id', '=', enrollmentId).where('ended_at', 'is not', null).executeTakeFirst(),
    'the enrollment to end',
  );
  return row.ended_at!;
}

test('a form fill enrolls through its rule; the same person by another spelling, form or download does not start a second cadence', async () => {
  const { db } = stack.database;
  const first = await trigger({
    type: 'form_fill',
    source: 'website',
    attributes: { formId: 'Pricing', page: '/pricing' },
    occurredAt: '2026-11-21T09:00:00Z',
    ...lead('Pat.Smith@gmail.com', 'smith-consulting.test', { country: 'GB' }),
  });
  expect(first.status).toBe(201);
  expect(first.body).toMatchObject({ enrolled: true, ruleId: rules.formFill, ownerId: stack.team.rep.id, routedBy: 'rr-uk' });
  const { prospectId, workflowId } = first.body;

  const secondForm = await trigger({ type: 'form_fill', attributes: { formId: 'demo' }, ...lead('patsmith+demo@googlemail.com', 'smith-consulting.test', { country: 'GB' }) });
  expect(secondForm.status).toBe(200);
  expect(secondForm.body).toMatchObject({ enrolled: false, reason: 'already-enrolled', ruleId: rules.formFill, prospectId, workflowId });

  const download = await trigger({
    type: 'content_download',
    attributes: { asset: 'State-of-Sales-2026.PDF' },
    ...lead('P.A.T.SMITH+report@Gmail.com', 'smith-consulting.test', { country: 'GB' }),
  });
  expect(download.status).toBe(200);
  expect(download.body).toMatchObject({ enrolled: false, reason: 'already-enrolled', ruleId: rules.download, prospectId });

  // A rep enrolling the same person directly gets the usual 409.
  const direct = await stack.api('POST', '/v1/enrollments', { body: { cadenceId, ...lead('Pat.Smith+crm@gmail.com', 'smith-consulting.test') } });
  expect(direct).toMatchObject({ status: 409, body: { error: 'already-enrolled', prospectId } });

  // No rule for this form: not enrolled, not an error.
  const newsletter = await trigger({ type: 'form_fill', attributes: { formId: 'newsletter' }, ...lead('pat.smith@gmail.com', 'smith-consulting.test') });
  expect(newsletter.status).toBe(200);
  expect(newsletter.body).toMatchObject({ enrolled: false, reason: 'no-rule', ruleId: null, prospectId });

  // One prospect, under the address first given; one enrollment; one workflow run.
  const prospects = await db.selectFrom('prospects').select(['id', 'email', 'normalized_email']).where('normalized_email', '=', 'patsmith@gmail.com').execute();
  expect(prospects).toEqual([{ id: prospectId, email: 'pat.smith@gmail.com', normalized_email: 'patsmith@gmail.com' }]);
  await eventually(() => db.selectFrom('enrollments').select('id').where('prospect_id', '=', prospectId).executeTakeFirst(), 'the enrollment row');
  expect(await db.selectFrom('enrollments').select('id').where('prospect_id', '=', prospectId).execute()).toHaveLength(1);
  const runs = await eventually(async () => {
    const found: string[] = [];
    for await (const wf of stack.client.workflow.list({ query: `WorkflowId = "${workflowId}"` })) found.push(wf.runId);
    return found.length > 0 ? found : null;
  }, 'the workflow in visibility');
  expect(runs).toEqual([first.body.runId]);

  // Every decision is on the record.
  const triggered = await events(prospectId, 'enrollment.triggered');
  expect(triggered).toHaveLength(1);
  expect(triggered[0]).toMatchObject({
    actor: 'component:enrollment-rules',
    details: { enrollmentId: first.body.enrollmentId, trigger: { type: 'form_fill', ruleId: rules.formFill, source: 'website', attributes: { formId: 'Pricing' }, occurredAt: '2026-11-21T09:00:00Z' } },
  });
  const skipped = await events(prospectId, 'enrollment.skipped');
  expect(skipped.map((e) => [e.actor, e.details.reason, (e.details.trigger as any).type])).toEqual([
    ['component:enrollment-rules', 'already-enrolled', 'form_fill'],
    ['component:enrollment-rules', 'already-enrolled', 'content_download'],
    ['component:enrollment-rules', 'no-rule', 'form_fill'],
  ]);
  expect(skipped[1]!.details).toMatchObject({ email: 'P.A.T.SMITH+report@Gmail.com', trigger: { ruleId: rules.download } });
});

test('re-enrollment is refused within the cooldown after a cadence ends, and allowed after it', async () => {
  const { db } = stack.database;
  const rep = stack.team.rep;
  const person = lead('jamie.fox+trial@fox-freight.test', 'fox-freight.test', { country: 'GB' });
  const first = await trigger({ type: 'form_fill', attributes: { formId: 'pricing' }, ...person });
  expect(first.status).toBe(201);
  const { prospectId, workflowId } = first.body;
  const endedAt = await endByRejecting(first.body.enrollmentId, rep.token);
  const expectedUntil = new Date(endedAt.getTime() + 30 * 86_400_000).toISOString();

  const download = await trigger({ type: 'content_download', attributes: { asset: 'state-of-sales-2026.pdf' }, ...lead('Jamie.Fox@Fox-Freight.test', 'fox-freight.test') });
  expect(download.status).toBe(200);
  expect(download.body).toMatchObject({ enrolled: false, reason: 'cooldown', until: expectedUntil, prospectId });
  const direct = await stack.api('POST', '/v1/enrollments', { body: { cadenceId, ...person } });
  expect(direct).toMatchObject({ status: 409, body: { error: 'cooldown', until: expectedUntil, prospectId } });
  expect(direct.body.message).toContain(expectedUntil);
  expect((await events(prospectId, 'enrollment.skipped')).map((e) => [e.details.reason, e.details.until])).toEqual([['cooldown', expectedUntil]]);

  // Past the default 30 days, a direct enrollment goes ahead: a new run under the same workflow ID.
  await stack.client.workflow.getHandle(workflowId, first.body.runId).result();
  await db
    .updateTable('enrollments')
    .set({ ended_at: sql<Date>`ended_at - interval '31 days'` })
    .where('prospect_id', '=', prospectId)
    .execute();
  const again = await stack.api('POST', '/v1/enrollments', { body: { cadenceId, ...person } });
  expect(again.status).toBe(201);
  expect(again.body).toMatchObject({ prospectId, workflowId, ownerId: rep.id, routedBy: null });
  expect(again.body.runId).not.toBe(first.body.runId);

  // A rule's cooldown governs its triggers: 30 days refuses, 0 allows at once.
  await endByRejecting(again.body.enrollmentId, rep.token);
  const refused = await trigger({ type: 'form_fill', attributes: { formId: 'demo' }, ...person });
  expect(refused.body).toMatchObject({ enrolled: false, reason: 'cooldown' });
  await stack.client.workflow.getHandle(workflowId, again.body.runId).result();
  await db.updateTable('enrollment_rules').set({ cooldown_days: 0 }).where('id', '=', rules.formFill).execute();
  try {
    const allowed = await trigger({ type: 'form_fill', attributes: { formId: 'demo' }, ...person });
    expect(allowed.status).toBe(201);
    expect(allowed.body).toMatchObject({ enrolled: true, prospectId, workflowId });
  } finally {
    await db.updateTable('enrollment_rules').set({ cooldown_days: 30 }).where('id', '=', rules.formFill).execute();
  }
});

test('routing by territory and segment, then round-robin within the pool; the owner.routed event names the rule', async () => {
  const enterprise = await enrollRouted('kim@bavaria-logistik.test', 'bavaria-logistik.test', { country: 'DE', segment: 'enterprise' });
  expect(enterprise.status).toBe(201);
  expect(enterprise.body).toMatchObject({ ownerId: enterpriseRep.id, routedBy: 'rr-dach-enterprise' });

  const owners: string[] = [];
  for (const [i, country] of ['de', 'AT', 'Ch'].entries()) {
    const res = await enrollRouted(`buyer${i}@dach-smb-${i}.test`, `dach-smb-${i}.test`, { country, segment: 'smb' });
    expect(res.status).toBe(201);
    expect(res.body.routedBy).toBe('rr-dach');
    owners.push(res.body.ownerId);
  }
  expect(owners).toEqual([a.id, b.id, a.id]);

  // The owner sees it; the trail says which rule decided, before the cadence started.
  const timeline = await stack.api('GET', `/v1/prospects/${enterprise.body.prospectId}/timeline`, { token: stack.team.manager.token });
  expect(timeline.status).toBe(200);
  const routed = timeline.body.events.find((e: any) => e.action === 'owner.routed');
  expect(routed).toMatchObject({
    actor: 'component:router',
    details: {
      enrollmentId: enterprise.body.enrollmentId,
      ownerId: enterpriseRep.id,
      ruleId: 'rr-dach-enterprise',
      ruleName: 'DACH enterprise',
      lead: { country: 'DE', segment: 'enterprise' },
    },
  });
  const actions = await eventually(async () => {
    const evs = (await stack.api('GET', `/v1/prospects/${enterprise.body.prospectId}/timeline`, { token: stack.team.manager.token })).body.events.map((e: any) => e.action);
    return evs.includes('enrollment.started') ? evs : null;
  }, 'enrollment.started in the timeline');
  expect(actions.indexOf('owner.routed')).toBeLessThan(actions.indexOf('enrollment.started'));
  const enrollment = await eventually(
    () => stack.database.db.selectFrom('enrollments').select('owner_id').where('id', '=', enterprise.body.enrollmentId).executeTakeFirst(),
    'the enrollment row',
  );
  expect(enrollment.owner_id).toBe(enterpriseRep.id);
});

test('inactive users in a pool are skipped', async () => {
  const owners: string[] = [];
  for (let i = 0; i < 3; i++) {
    const res = await enrollRouted(`buyer${i}@na-${i}.test`, `na-${i}.test`, { country: 'US', region: 'na' });
    expect(res.status).toBe(201);
    owners.push(res.body.ownerId);
  }
  expect(owners).toEqual([a.id, b.id, a.id]);
  expect(owners).not.toContain(c.id);
  const rule = await stack.database.db.selectFrom('routing_rules').select('next_index').where('id', '=', 'rr-north-america').executeTakeFirstOrThrow();
  expect(rule.next_index).toBe(4); // A, (C skipped), B, A
});

test('concurrent leads get a fair split of the pool, each taking its own slot', async () => {
  const results = await Promise.all(Array.from({ length: 6 }, (_, i) => enrollRouted(`buyer${i}@tokyo-${i}.test`, `tokyo-${i}.test`, { country: 'JP' })));
  expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 201]);
  const counts = new Map<string, number>();
  for (const r of results) counts.set(r.body.ownerId, (counts.get(r.body.ownerId) ?? 0) + 1);
  expect(Object.fromEntries(counts)).toEqual({ [a.id]: 2, [b.id]: 2, [d.id]: 2 });

  const { db } = stack.database;
  const routed = await db
    .selectFrom('audit_events')
    .select('details')
    .where('action', '=', 'owner.routed')
    .where('prospect_id', 'in', results.map((r) => r.body.prospectId))
    .execute();
  expect(routed.map((e) => e.details.index).sort()).toEqual([0, 1, 2, 3, 4, 5]);
  expect(new Set(routed.map((e) => e.details.ruleName))).toEqual(new Set(['Japan']));
  const rule = await db.selectFrom('routing_rules').select('next_index').where('id', '=', 'rr-japan').executeTakeFirstOrThrow();
  expect(rule.next_index).toBe(6);
});

test('a lead no routing rule matches is 422 no-owner, naming why; a rep enrolling it owns it', async () => {
  const res = await enrollRouted('ana@sao-paulo-freight.test', 'sao-paulo-freight.test', { country: 'BR', segment: 'smb' });
  expect(res.status).toBe(422);
  expect(res.body.error).toBe('no-owner');
  expect(res.body.message).toContain('no active routing rule matches');
  expect(res.body.message).toContain('country=BR');

  const viaTrigger = await trigger({ type: 'form_fill', attributes: { formId: 'pricing' }, ...lead('ana@sao-paulo-freight.test', 'sao-paulo-freight.test', { country: 'BR' }) });
  expect(viaTrigger).toMatchObject({ status: 422, body: { error: 'no-owner' } });
  expect((await events(viaTrigger.body.prospectId, 'enrollment.skipped')).map((e) => e.details.reason)).toEqual(['no-owner']);

  const byRep = await stack.api('POST', '/v1/enrollments', { body: { cadenceId, ...lead('ana@sao-paulo-freight.test', 'sao-paulo-freight.test') } });
  expect(byRep.status).toBe(201);
  expect(byRep.body).toMatchObject({ ownerId: stack.team.rep.id, routedBy: null });
  expect(await events(byRep.body.prospectId, 'owner.routed')).toEqual([]);

  const inactiveOwner = await stack.api('POST', '/v1/enrollments', { token: integration(), body: { cadenceId, ownerId: c.id, ...lead('zed@inactive-owner.test', 'inactive-owner.test') } });
  expect(inactiveOwner).toMatchObject({ status: 422, body: { error: 'invalid-owner', issues: [{ field: 'body.ownerId' }] } });
});

test('a list import validates row by row: bad rows are reported by line and field, good rows are enrolled', async () => {
  const { db } = stack.database;
  const leads = [
    lead('Ana.Ruiz@list-one.test', 'list-one.test'),
    lead('not-an-email', 'list-bad.test'),
    { ...lead('ben.ode@list-two.test', 'list-two.test'), ownerId: stack.team.otherRep.id },
    { prospect: { email: 'cy@list-three.test' }, account: { name: 'Three', domain: 'not a domain' } },
    lead('ana.ruiz+webinar@LIST-ONE.test', 'list-one.test'),
    { ...lead('dee@list-four.test', 'list-four.test'), extra: true },
  ];
  const res = await stack.api('POST', '/v1/triggers/list-import', { body: { listName: 'Webinar-2026', leads } });
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ listName: 'Webinar-2026', ruleId: rules.listImport, total: 6, enrolled: 2, skipped: 1, failed: 3 });
  const rows = res.body.rows;
  expect(rows.map((r: any) => [r.index, r.line, r.status, r.reason ?? null])).toEqual([
    [0, 1, 'enrolled', null],
    [1, 2, 'failed', 'invalid'],
    [2, 3, 'enrolled', null],
    [3, 4, 'failed', 'invalid'],
    [4, 5, 'skipped', 'already-enrolled'],
    [5, 6, 'failed', 'invalid'],
  ]);
  expect(rows[0]).toMatchObject({ ownerId: stack.team.rep.id, routedBy: null });
  expect(rows[2]).toMatchObject({ ownerId: stack.team.otherRep.id });
  expect(rows[1].issues.map((i: any) => i.field)).toEqual(['body.leads.1.prospect.email']);
  expect(rows[1].message).toMatch(/^line 2: body\.leads\.1\.prospect\.email: /);
  expect(rows[3].issues.map((i: any) => i.field).sort()).toEqual(['body.leads.3.account.domain', 'body.leads.3.prospect.firstName']);
  expect(rows[5].message).toContain('line 6');
  expect(rows[4]).toMatchObject({ prospectId: rows[0].prospectId, workflowId: rows[0].workflowId });

  const stored = await db.selectFrom('prospects').select('email').where('email', 'in', ['ana.ruiz@list-one.test', 'ben.ode@list-two.test', 'cy@list-three.test']).orderBy('email').execute();
  expect(stored.map((p) => p.email)).toEqual(['ana.ruiz@list-one.test', 'ben.ode@list-two.test']);
  const triggered = await events(rows[2].prospectId, 'enrollment.triggered');
  expect(triggered[0]!.details).toMatchObject({ trigger: { type: 'list_import', listName: 'Webinar-2026', line: 3, ruleId: rules.listImport } });

  const noRule = await stack.api('POST', '/v1/triggers/list-import', { body: { listName: 'trade-show', leads: [lead('x@list-five.test', 'list-five.test')] } });
  expect(noRule).toMatchObject({ status: 422, body: { error: 'no-rule' } });
  const tooMany = await stack.api('POST', '/v1/triggers/list-import', { body: { listName: 'webinar-2026', leads: Array.from({ length: 1001 }, () => ({})) } });
  expect(tooMany.status).toBe(400);
  expect(tooMany.body.message).toContain('body.leads');
});

test('triggers are for integrations; a bad trigger body is 400 naming the field', async () => {
  const asRep = await stack.api('POST', '/v1/triggers', { body: { type: 'form_fill', attributes: {}, ...lead('x@y.test', 'y.test') } });
  expect(asRep.status).toBe(403);
  const bad = await trigger({ type: 'webinar', attributes: { formId: 'pricing' }, ...lead('x@y.test', 'y.test') });
  expect(bad.status).toBe(400);
  expect(bad.body.issues.map((i: any) => i.field)).toEqual(['body.type']);
});
