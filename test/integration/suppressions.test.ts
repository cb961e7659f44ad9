import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Pacer } from '../../activities/deps';
import { noPacing } from '../../activities/deps';
import { runCadenceCli } from '../helpers/cli';
import { eventually, heldPacer, pendingApproval } from '../helpers/harness';
import { createCadence, createUser, goodTemplate, type TestUser } from '../helpers/seed';
import { startStack, type Stack } from '../helpers/stack';

// Suppression lists end to end: bulk import (API and CLI) validated row by row, and the three checkpoints
// (enrollment, approval, the send activity right before SMTP) on the dev server with real SMTP capture.


let stack: Stack;
let cadenceId: string;
let admin: TestUser;
let seq = 0;
/** The worker's pacer: no pacing unless a test holds a send in flight. */
let currentPacer: Pacer = noPacing;
const pacer: Pacer = { waitTurn: (mailbox, signal) => currentPacer.waitTurn(mailbox, signal) };

beforeAll(async () => {
  stack = await startStack({ pacer });
  cadenceId = await createCadence(stack.database.db, [{ delaySeconds: 0, template: goodTemplate }]);
  admin = await createUser(stack.database.db, 'admin', 'Ada Admin');
});

afterAll(async () => {
  await stack?.stop();
});

const manager = () => stack.team.manager.token;
const sentTo = (email: string) => stack.smtp.messages.filter((m) => m.envelopeTo.includes(email));

function importCsv(csv: string, token = manager(), query = '') {
  return stack.http('POST', `/v1/suppressions/import${query}`, { headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' }, body: csv });
}

function unique(prefix: string) {
  seq += 1;
  return `${prefix}-${seq}-${Date.now().toString(36)}`;
}

function enroll(email: string, domain: string) {
  return stack.api('POST', '/v1/enrollments', {
    body: { cadenceId, prospect: { email, firstName: 'Lee', lastName: 'Morgan', title: 'VP Sales' }, account: { name: `Company ${domain}`, domain, industry: 'logistics' } },
  });
}

async function importAudits() {
  return stack.database.db.selectFrom('audit_events').selectAll().where('action', '=', 'suppressions.imported').orderBy('occurred_at').execute();
}

test('a CSV import with two bad lines reports lines 3 and 5 and keeps the rest; a repeat counts duplicates', async () => {
  const d = unique('csv');
  const csv = [
    'value,reason,kind',
    `"Jo.Doe+list@${d}.example",do-not-contact,`,
    `not-an-address@,bounced,address`,
    `${d}-rival.example,competitor,`,
    `"${d}-lost.example",closed-lost-forever,`,
    `@${d}-cl.example,closed-lost,domain`,
  ].join('\n');
  const before = (await importAudits()).length;
  const res = await importCsv(csv, manager(), '?source=crm-export');
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ total: 5, imported: 3, duplicates: 0 });
  expect(res.body.rejected).toEqual([
    { line: 3, value: 'not-an-address@', errors: [expect.stringMatching(/^value: .* is not an email address/)] },
    { line: 5, value: `${d}-lost.example`, errors: [expect.stringMatching(/^reason: must be one of/)] },
  ]);
  const rows = await stack.database.db.selectFrom('suppressions').selectAll().where('source', '=', 'crm-export').where('value', 'like', `%${d}%`).execute();
  expect(rows.map((r) => [r.kind, r.value, r.reason]).sort((a, b) => a.join().localeCompare(b.join()))).toEqual([
    ['address', `jo.doe@${d}.example`, 'do-not-contact'],
    ['domain', `${d}-cl.example`, 'closed-lost'],
    ['domain', `${d}-rival.example`, 'competitor'],
  ]);
  const audits = await importAudits();
  expect(audits).toHaveLength(before + 1);
  expect(audits.at(-1)).toMatchObject({ actor: `user:${stack.team.manager.id}` });
  expect(audits.at(-1)!.details).toMatchObject({ source: 'crm-export', format: 'csv', imported: 3, duplicates: 0, rejected: 2 });

  // JSON, same rows again plus one new: the old ones are duplicates, and keep their reason.
  const again = await stack.api('POST', '/v1/suppressions/import', {
    token: stack.team.integration.token,
    body: { source: 'crm-json', rows: [{ value: `JO.DOE@${d}.example`, reason: 'bounced' }, { value: `${d}-new.example`, reason: 'competitor' }, { value: 'x', reason: 'bounced' }] },
  });
  expect(again.status).toBe(200);
  expect(again.body).toMatchObject({ total: 3, imported: 1, duplicates: 1, rejected: [{ line: 3, value: 'x' }] });
  const kept = await stack.database.db.selectFrom('suppressions').select(['reason', 'source']).where('value', '=', `jo.doe@${d}.example`).executeTakeFirstOrThrow();
  expect(kept).toEqual({ reason: 'do-not-contact', source: 'crm-export' });

  // Nothing valid: 400 with the per-row report, nothing written.
  const bad = await importCsv('value,reason\nnope,bounced\n,closed-lost\n');
  expect(bad.status).toBe(400);
  expect(bad.body).toMatchObject({ error: 'no-valid-rows', imported: 0, rejected: [{ line: 2 }, { line: 3 }] });
  expect((await importCsv('email,reason\nx@y.example,bounced')).status).toBe(400);
  // Reps may look up, not import; only admins delete.
  expect((await importCsv('value,reason\na.example,bounced', stack.team.rep.token)).status).toBe(403);

  const lookup = await stack.api('GET', `/v1/suppressions?value=${encodeURIComponent(`jo.doe+x@${d}.example`)}`);
  expect(lookup.status).toBe(200);
  expect(lookup.body).toMatchObject({ suppressed: true, items: [{ kind: 'address', value: `jo.doe@${d}.example`, reason: 'do-not-contact', source: 'crm-export' }] });
  const byDomain = await stack.api('GET', `/v1/suppressions?value=someone@${d}-rival.example`);
  expect(byDomain.body).toMatchObject({ suppressed: true, items: [{ kind: 'domain', value: `${d}-rival.example`, reason: 'competitor' }] });

  expect((await stack.api('DELETE', `/v1/suppressions/domain/${d}-rival.example`, { token: manager() })).status).toBe(403);
  expect((await stack.api('DELETE', `/v1/suppressions/domain/${d}-rival.example`, { token: admin.token })).status).toBe(204);
  expect((await stack.api('DELETE', `/v1/suppressions/domain/${d}-rival.example`, { token: admin.token })).status).toBe(404);
  expect((await stack.api('GET', `/v1/suppressions?value=${d}-rival.example`)).body).toMatchObject({ suppressed: false, items: [] });
  const removed = await stack.database.db.selectFrom('audit_events').selectAll().where('action', '=', 'suppression.removed').execute();
  expect(removed.map((e) => [e.actor, (e.details as any).value])).toContainEqual([`user:${admin.id}`, `${d}-rival.example`]);
});

test('a domain suppression blocks enrollment of any address at that domain (422), directly and by list import', async () => {
  const domain = `${unique('competitor')}.example`;
  const res = await stack.api('POST', '/v1/suppressions/import', { token: manager(), body: { rows: [{ value: domain, reason: 'competitor' }] } });
  expect(res.body).toMatchObject({ imported: 1 });

  for (const email of [`ceo@${domain}`, `Someone.Else+x@${domain.toUpperCase()}`]) {
    const refused = await enroll(email, domain);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ error: 'suppressed', suppression: { list: 'competitor', reason: 'competitor', kind: 'domain', value: domain } });
    expect(refused.body.message).toContain(`domain ${domain} is on the competitor list`);
  }
  // Nothing was created for the refused leads.
  expect(await stack.database.db.selectFrom('prospects').select('id').where('email', 'like', `%@${domain}`).execute()).toEqual([]);

  // A list import reports the suppressed lead as a skip and enrolls the others.
  await stack.database.db
    .insertInto('enrollment_rules')
    .values({ id: 'er-supp-list', name: 'Suppression list test', trigger_type: 'list_import', match: JSON.stringify({ listName: ['supp-list'] }), cadence_id: cadenceId })
    .execute();
  const okDomain = `${unique('fine')}.example`;
  const list = await stack.api('POST', '/v1/triggers/list-import', {
    token: stack.team.integration.token,
    body: {
      listName: 'supp-list',
      leads: [
        { ownerId: stack.team.rep.id, prospect: { email: `vp@${domain}`, firstName: 'Vic' }, account: { name: 'Rival', domain } },
        { ownerId: stack.team.rep.id, prospect: { email: `vp@${okDomain}`, firstName: 'Val' }, account: { name: 'Fine', domain: okDomain } },
      ],
    },
  });
  expect(list.status).toBe(200);
  expect(list.body).toMatchObject({ enrolled: 1, skipped: 1, failed: 0 });
  expect(list.body.rows[0]).toMatchObject({ line: 1, status: 'skipped', reason: 'suppressed' });
  expect(list.body.rows[1]).toMatchObject({ line: 2, status: 'enrolled' });
});

test('suppressed after enrollment, before approval: approve and edit are refused (409), nothing is sent, reject is allowed', async () => {
  const domain = `${unique('late')}.example`;
  const email = `buyer@${domain}`;
  const enrolled = await enroll(email, domain);
  expect(enrolled.status).toBe(201);
  const approval = await pendingApproval(stack.database.db, enrolled.body.enrollmentId, 1);

  const imported = await importCsv(`value,reason\n${email},do-not-contact\n`);
  expect(imported.body).toMatchObject({ imported: 1 });

  const approve = await stack.api('POST', `/v1/approvals/${approval.id}/decision`, { body: { action: 'approve', draftVersion: approval.draft_version } });
  expect(approve.status).toBe(409);
  expect(approve.body).toMatchObject({ error: 'suppressed', suppression: { kind: 'address', reason: 'do-not-contact', value: email } });
  const edit = await stack.api('POST', `/v1/approvals/${approval.id}/decision`, {
    body: { action: 'edit', draftVersion: approval.draft_version, body: `${goodTemplate.body}\n\nP.S. edited` },
  });
  expect(edit.status).toBe(409);
  expect(edit.body.error).toBe('suppressed');
  const still = await stack.database.db.selectFrom('approval_requests').select('status').where('id', '=', approval.id).executeTakeFirstOrThrow();
  expect(still.status).toBe('pending');

  const reject = await stack.api('POST', `/v1/approvals/${approval.id}/decision`, {
    body: { action: 'reject', draftVersion: approval.draft_version, mode: 'end-cadence', reason: 'suppressed' },
  });
  expect(reject.status).toBe(200);
  await eventually(
    () => stack.database.db.selectFrom('enrollments').select('ended_at').where('id', '=', enrolled.body.enrollmentId).where('ended_at', 'is not', null).executeTakeFirst(),
    'the cadence to end',
  );
  expect(sentTo(email)).toEqual([]);
  expect(await stack.database.db.selectFrom('sends').select('id').where('recipient', '=', email).execute()).toEqual([]);
});

test('suppressed after approval, before SMTP: the send activity cancels the step and nothing reaches SMTP', async () => {
  const domain = `${unique('inflight')}.example`;
  const email = `owner@${domain}`;
  const enrolled = await enroll(email, domain);
  expect(enrolled.status).toBe(201);
  const approval = await pendingApproval(stack.database.db, enrolled.body.enrollmentId, 1);

  const held = heldPacer();
  currentPacer = held;
  try {
    const approve = await stack.api('POST', `/v1/approvals/${approval.id}/decision`, { body: { action: 'approve', draftVersion: approval.draft_version } });
    expect(approve.status).toBe(200);
    await held.entered;
    // The whole domain, by the CLI-equivalent repository path through the API.
    const imported = await stack.api('POST', '/v1/suppressions/import', { token: stack.team.integration.token, body: { rows: [{ value: domain, reason: 'complained' }] } });
    expect(imported.body).toMatchObject({ imported: 1 });
    held.release();
    const send = await eventually(
      () => stack.database.db.selectFrom('sends').selectAll().where('enrollment_id', '=', enrolled.body.enrollmentId).where('status', '=', 'cancelled').executeTakeFirst(),
      'the send to be cancelled',
    );
    expect(send.cancel_reason).toBe(`domain ${domain} is suppressed (complained)`);
    const audit = await eventually(
      () => stack.database.db.selectFrom('audit_events').selectAll().where('enrollment_id', '=', enrolled.body.enrollmentId).where('action', '=', 'send.cancelled').executeTakeFirst(),
      'send.cancelled in the audit trail',
    );
    expect((audit.details as any).reason).toContain('suppressed');
  } finally {
    currentPacer = noPacing;
    held.release();
  }
  await new Promise((r) => setTimeout(r, 500));
  expect(sentTo(email)).toEqual([]);
});

test('the cadence CLI imports a file against DATABASE_URL and reports bad lines; all-bad exits 1', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'suppressions-'));
  try {
    const d = unique('cli');
    const csvFile = join(dir, 'dnc.csv');
    await writeFile(csvFile, ['value,reason', `a@${d}.example,do-not-contact`, 'broken,nope', `${d}-b.example,closed-lost`, ''].join('\n'));
    const run = await cadence(['import-suppressions', csvFile, '--source', 'crm-nightly'], { DATABASE_URL: stack.database.url });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('line 3: "broken": reason: must be one of');
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('3 rows: 2 imported, 0 already suppressed, 1 rejected');
    const rows = await stack.database.db.selectFrom('suppressions').select(['kind', 'value', 'source']).where('value', 'like', `%${d}%`).orderBy('kind').execute();
    expect(rows).toEqual([
      { kind: 'address', value: `a@${d}.example`, source: 'crm-nightly' },
      { kind: 'domain', value: `${d}-b.example`, source: 'crm-nightly' },
    ]);
    expect(await stack.database.db.selectFrom('audit_events').select('details').where('action', '=', 'suppressions.imported').execute()).toContainEqual({
      details: expect.objectContaining({ source: 'crm-nightly', imported: 2, rejected: 1 }),
    });

    // The same file again: all duplicates, still exit 0. A JSON file where every row is bad: exit 1.
    const again = await cadence(['import-suppressions', csvFile], { DATABASE_URL: stack.database.url });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('0 imported, 2 already suppressed, 1 rejected');
    const jsonFile = join(dir, 'bad.json');
    await writeFile(jsonFile, JSON.stringify([{ value: 'nope', reason: 'bounced' }, { value: 'x@y.example' }]));
    const allBad = await cadence(['import-suppressions', jsonFile], { DATABASE_URL: stack.database.url });
    expect(allBad.code).toBe(1);
    expect(allBad.stdout).toContain('line 1: "nope": value:');
    expect(allBad.stdout).toContain('line 2: "x@y.example": reason: is required');
    expect((await cadence(['import-suppressions'], { DATABASE_URL: stack.database.url })).code).toBe(2);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

const cadence = runCadenceCli;
