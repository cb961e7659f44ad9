import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addOpenApiLinks } from '../../api/openapi-links';
import { buildOpenApiDocument } from '../../api/openapi';
import { eventually } from '../helpers/harness';
import { createCadence, createUser, goodTemplate, type TestUser } from '../helpers/seed';
import { startStack, type Stack } from '../helpers/stack';

// Schemathesis, the property-based tester that reads the OpenAPI document, against the real stack: once per
// role, with that role's token, every check (`--checks all`) on every operation, and the stateful phase
// following the document's links (api/openapi-links.ts); in the rep's run, another rep's token checks that
// the rep's objects stay the rep's. Its settings, and the per-operation exceptions for deliberate behaviour,
// are in schemathesis.toml beside this file. Installed by scripts/fetch-schemathesis.sh (npm test runs it).
// A failure lists each operation, check and message, with a curl line to reproduce it.

const ROOT = path.resolve(__dirname, '../..');
const SCHEMATHESIS = path.join(ROOT, '.data/schemathesis/bin/schemathesis');
const CONFIG = path.join(__dirname, 'schemathesis.toml');
/** Fixed, so that a run generates what the previous one did: a failure reproduces with the same seed. */
const SEED = '20261206';
/** A role's run takes one to two minutes on 2 idle cores (the admin role has every operation); past this it is stopped and reported as hung. */
const RUN_TIMEOUT_MS = 270_000;

const ROLES = ['admin', 'manager', 'rep', 'integration'] as const;
type Role = (typeof ROLES)[number];

let stack: Stack;
let admin: TestUser;
let approvalCadenceId: string;
let taskCadenceId: string;
let work: string;
let authPath: string;

/** A request as a client makes it (the stack's `api` helper also asserts the document, which is what is tested here). */
async function call(method: string, urlPath: string, token: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(stack.baseUrl + urlPath, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

async function expectStatus(what: string, res: Promise<{ status: number; body: any }>, ...statuses: number[]) {
  const { status, body } = await res;
  if (!statuses.includes(status)) throw new Error(`seeding: ${what} answered ${status}: ${JSON.stringify(body)}`);
  return body;
}

/** The tokens as a Web Fuzzing Commons auth file (schemathesis.toml reads it from $CADENCE_SCHEMATHESIS_AUTH). */
function authFile(): string {
  const users: Record<string, TestUser> = { admin, manager: stack.team.manager, rep: stack.team.rep, otherRep: stack.team.otherRep, integration: stack.team.integration };
  const file = path.join(work, 'auth.json');
  const auth = Object.entries(users).map(([name, user]) => ({ name, fixedHeaders: [{ name: 'Authorization', value: `Bearer ${user.token}` }] }));
  writeFileSync(file, JSON.stringify({ auth }), { mode: 0o600 });
  return file;
}

/**
 * Something for every operation to act on, made afresh before each role's run (the previous run may have
 * decided, completed or removed what was there): two gated drafts pending approval and an open call task
 * of the rep (the manager's team), a holiday, a suppression and a stopped mailbox.
 */
async function seedForRun(role: Role): Promise<void> {
  const { db } = stack.database;
  const rep = stack.team.rep.token;
  const suffix = `${role}-${randomUUID().slice(0, 6)}`;
  const enrollmentIds: string[] = [];
  for (const [i, cadenceId] of [approvalCadenceId, approvalCadenceId, taskCadenceId].entries()) {
    const domain = `prospect-${suffix}-${i}.test`;
    const enrolled = await expectStatus(
      'POST /v1/enrollments',
      call('POST', '/v1/enrollments', rep, {
        cadenceId,
        // Every merge field of goodTemplate filled (a clean draft that can be approved), and a deal value
        // above the policy's threshold, so the draft is gated into the approval queue.
        prospect: { email: `pat@${domain}`, firstName: 'Pat', lastName: 'Lee', title: 'VP Sales' },
        account: { name: `Acme ${i}`, domain, industry: 'logistics', dealValue: 60_000, tier: 'standard' },
      }),
      201,
    );
    enrollmentIds.push(enrolled.enrollmentId);
  }
  await eventually(
    async () => {
      const approvals = await db.selectFrom('approval_requests').select('id').where('enrollment_id', 'in', enrollmentIds.slice(0, 2)).where('status', '=', 'pending').execute();
      const tasks = await db.selectFrom('tasks').select('id').where('enrollment_id', '=', enrollmentIds[2]!).where('status', '=', 'open').execute();
      return approvals.length === 2 && tasks.length === 1;
    },
    'the seeded approvals and task',
    60_000,
  );

  const day = String(ROLES.indexOf(role) + 1).padStart(2, '0');
  await expectStatus('PUT /v1/holidays', call('PUT', `/v1/holidays/2031-12-${day}`, admin.token, { name: `Seeded for ${role}` }), 200, 201);
  await expectStatus(
    'POST /v1/suppressions/import',
    call('POST', '/v1/suppressions/import', admin.token, { source: 'schemathesis-seed', rows: [{ value: `no@competitor-${suffix}.test`, reason: 'competitor' }, { value: `competitor-${suffix}.test`, reason: 'competitor' }] }),
    200,
  );
  const mailbox = `sender-${suffix}@seller.test`;
  await expectStatus(
    'PUT /v1/mailboxes',
    call('PUT', `/v1/mailboxes/${encodeURIComponent(mailbox)}`, admin.token, { dailyCap: 200, hourlyCap: 20, minGapSeconds: 0, jitterSeconds: 0, bounceRateLimit: 0.05, complaintRateLimit: 0.003 }),
    201,
  );
  // Stopped as the health check stops one, so that resuming it has something to do.
  await db
    .updateTable('mailboxes')
    .set({ status: 'stopped', stopped_reason: 'seeded: bounce rate above the limit', stopped_at: new Date(), stopped_by: 'component:mailbox-health' })
    .where('address', '=', mailbox)
    .execute();
}

interface Finding {
  operation: string;
  text: string;
}

const XML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const decodeXml = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (XML_ENTITIES[e] ?? whole),
  );

/** The failures and errors of a Schemathesis JUnit report: per operation, the text the CLI prints (checks, messages, curl). */
function junitFindings(xml: string): Finding[] {
  const findings: Finding[] = [];
  for (const testcase of xml.matchAll(/<testcase\b([^>]*?)(?:\/>|>([\s\S]*?)<\/testcase>)/g)) {
    const operation = decodeXml(/\bname="([^"]*)"/.exec(testcase[1]!)?.[1] ?? '?');
    for (const item of (testcase[2] ?? '').matchAll(/<(failure|error)\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1>)/g)) {
      const message = decodeXml(/\bmessage="([^"]*)"/.exec(item[2]!)?.[1] ?? '');
      findings.push({ operation, text: decodeXml(item[3] ?? '').trim() || `${item[1]}: ${message}` });
    }
  }
  return findings;
}

interface RunResult {
  code: number | null;
  output: string;
  findings: Finding[];
}

/** Runs the CLI as a child process (asynchronously: the API under test answers from this process's event loop). */
function runSchemathesis(role: Role): Promise<RunResult> {
  const dir = mkdtempSync(path.join(work, `${role}-`));
  const junit = path.join(dir, 'junit.xml');
  const args = [
    '--config-file', CONFIG,
    'run', `${stack.baseUrl}/v1/openapi.json`,
    '--auth-wfc-user', role,
    '--checks', 'all',
    '--seed', SEED,
    '--no-color',
    '--report', 'junit', '--report-dir', dir, '--report-junit-path', junit,
  ];
  return new Promise((resolve, reject) => {
    // cwd: Hypothesis keeps a .hypothesis directory in the working directory.
    const env = { ...process.env, CADENCE_SCHEMATHESIS_AUTH: authPath, NO_COLOR: '1', PYTHONDONTWRITEBYTECODE: '1' };
    const child = spawn(SCHEMATHESIS, args, { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const append = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-200_000);
    };
    child.stdout.on('data', append);
    child.stderr.on('data', append);
    const timer = setTimeout(() => {
      output += `\n[killed: still running after ${RUN_TIMEOUT_MS / 1000} s]`;
      child.kill('SIGKILL');
    }, RUN_TIMEOUT_MS);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      const findings = existsSync(junit) ? junitFindings(readFileSync(junit, 'utf8')) : [];
      resolve({ code, output, findings });
    });
  });
}

function describeFailures(role: Role, result: RunResult): string {
  const operations = [...new Set(result.findings.map((f) => f.operation))];
  const header =
    `Schemathesis as ${role} (seed ${SEED}, test/integration/schemathesis.toml): ` +
    (result.findings.length > 0
      ? `${operations.length} operation(s) failed: ${operations.join(', ')}. ` +
        `Each curl line needs -H 'Authorization: Bearer <${/^[aeiou]/.test(role) ? 'an' : 'a'} ${role}'s token>' (the stack's port changes per run).`
      : `exit code ${result.code} and no failure in the JUnit report; the end of its output:\n${result.output.slice(-6000)}`);
  const body = result.findings.map((f) => `\n──── ${f.operation}\n${f.text}`).join('\n');
  return `${header}\n${body}`;
}

beforeAll(async () => {
  if (!existsSync(SCHEMATHESIS)) throw new Error(`Schemathesis is not installed at ${SCHEMATHESIS}: run bash scripts/fetch-schemathesis.sh (npm test does)`);
  work = mkdtempSync(path.join(os.tmpdir(), 'cadence-schemathesis-'));
  stack = await startStack();
  const { db } = stack.database;
  admin = await createUser(db, 'admin', 'Ada Admin');
  approvalCadenceId = await createCadence(db, [{ delaySeconds: 0, template: goodTemplate }]);
  taskCadenceId = await createCadence(db, [{ kind: 'call', taskSlaMinutes: 60 }]);
  // Leads without an owner go to the rep, and every form fill, download and imported list enrolls (into the
  // call cadence: a task, no draft), so that generated triggers reach past "no rule" and "no owner".
  await db.insertInto('routing_rules').values({ id: 'rr-schemathesis-all', name: 'Everyone to the rep', priority: 1, match: '{}', pool: JSON.stringify([stack.team.rep.id]) }).execute();
  await db
    .insertInto('enrollment_rules')
    .values(
      (['form_fill', 'content_download', 'list_import'] as const).map((type) => ({ id: `er-schemathesis-${type}`, name: `Every ${type}`, trigger_type: type, match: '{}', cadence_id: taskCadenceId })),
    )
    .execute();
  authPath = authFile();
  // One cadence defined over HTTP too, as managers do.
  await expectStatus(
    'PUT /v1/cadences',
    call('PUT', '/v1/cadences/schemathesis-outbound', stack.team.manager.token, {
      name: 'Outbound, defined over HTTP',
      steps: [
        { kind: 'email', template: { subject: 'Hello {{company}}', body: goodTemplate.body } },
        { kind: 'call', delay: { amount: 2, unit: 'days' }, taskSlaMinutes: 240, instructions: 'Call about the email.' },
      ],
    }),
    201,
  );
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

test('the served document carries the OpenAPI links of api/openapi-links.ts, which the stateful phase follows', async () => {
  const served = await (await fetch(`${stack.baseUrl}/v1/openapi.json`)).json();
  const linksOf = (doc: any) =>
    Object.entries(doc.paths ?? {}).flatMap(([p, item]: [string, any]) =>
      Object.entries(item).flatMap(([method, op]: [string, any]) =>
        Object.entries(op?.responses ?? {}).flatMap(([status, response]: [string, any]) => Object.keys(response?.links ?? {}).map((name) => `${method.toUpperCase()} ${p} ${status} ${name}`)),
      ),
    );
  const expected = linksOf(addOpenApiLinks(buildOpenApiDocument()));
  expect(expected.length).toBeGreaterThan(0);
  const present = new Set(linksOf(served));
  const missing = expected.filter((l) => !present.has(l));
  if (missing.length > 0) {
    throw new Error(
      `GET /v1/openapi.json lacks ${missing.length} of the ${expected.length} links of api/openapi-links.ts (is the document served through addOpenApiLinks?):\n${missing.join('\n')}`,
    );
  }
});

test.each(ROLES)('Schemathesis as %s: every check on every operation passes', async (role) => {
  await seedForRun(role);
  const result = await runSchemathesis(role);
  const failed = result.code !== 0 || result.findings.length > 0;
  if (failed) throw new Error(describeFailures(role, result));
}, 330_000);
