import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Ajv2020 from 'ajv/dist/2020';
import { UnsubscribeKeyring } from '../../activities/unsubscribe-token';
import { createApp } from '../../api/app';
import { createToken } from '../../api/auth';
import { buildOpenApiDocument } from '../../api/openapi';
import { addressKey, documentRateLimits, RateLimits, rateLimitSettingsFromConfig, type RateLimitSettings } from '../../api/rate-limit';
import { loadAppConfig } from '../../config/app';
import { testReplyOptions, TEST_UNSUBSCRIBE_SECRET } from '../helpers/harness';
import { createUser } from '../helpers/seed';
import { startStack, type Stack } from '../helpers/stack';

// The API's rate limits on the real stack and PostgreSQL: per user on /v1 and /metrics, per client address on
// the routes without a token and for failed authentications; shared by API processes through the database;
// a 429 decided before anything is done. Small budgets and a 2 s window keep it fast.

const WINDOW_MS = 2_000;
const settings: RateLimitSettings = {
  perToken: 2,
  perTokenBurst: 1,
  perAddress: 2,
  perAddressBurst: 0,
  authFailuresPerAddress: 2,
  windowMs: WINDOW_MS,
  burstWindowMs: 30_000,
  // Requests come from 127.0.0.1: X-Forwarded-For names the client, so each test has addresses of its own.
  trustProxy: ['loopback'],
};
const off: RateLimitSettings = { ...settings, perToken: 0, perTokenBurst: 0, perAddress: 0, perAddressBurst: 0, authFailuresPerAddress: 0 };

let stack: Stack;
const extraApps: Array<{ server: Server; limits: RateLimits }> = [];

beforeAll(async () => {
  stack = await startStack({}, {}, { rateLimits: settings });
});

afterAll(async () => {
  for (const { server, limits } of extraApps) {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await limits.close();
  }
  await stack?.stop();
});

const db = () => stack.database.db;
let addresses = 0;
const freshAddress = () => `198.51.100.${++addresses}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Answer {
  status: number;
  headers: Headers;
  body: any;
}

/** A request from the client address given (X-Forwarded-For from the loopback proxy), a fresh one by default. */
async function call(base: string, method: string, path: string, options: { token?: string; address?: string; body?: unknown } = {}): Promise<Answer> {
  const res = await fetch(base + path, {
    method,
    headers: {
      'x-forwarded-for': options.address ?? freshAddress(),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: res.headers.get('content-type')?.startsWith('application/json') ? JSON.parse(text) : text };
}
const api = (method: string, path: string, options: { token?: string; address?: string; body?: unknown } = {}) => call(stack.baseUrl, method, path, options);

/** Another API process on the same database: its own app, limiter and pool. */
async function startApp(limits: RateLimits): Promise<string> {
  const app = createApp({
    db: db(),
    temporal: stack.client,
    taskQueue: stack.taskQueue,
    log: (m, e) => console.error(m, e),
    replyOptions: testReplyOptions,
    unsubscribe: new UnsubscribeKeyring({ current: TEST_UNSUBSCRIBE_SECRET }),
    rateLimits: limits,
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  extraApps.push({ server, limits });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** The 429's contract: the error body, Retry-After (an integer of seconds, at least 1) and the RateLimit-* headers agreeing with it. */
function expectRateLimited(answer: Answer, message: RegExp): number {
  expect(answer.status).toBe(429);
  const retryAfter = answer.headers.get('retry-after');
  expect(retryAfter).toMatch(/^[1-9]\d*$/);
  expect(Number(retryAfter)).toBeLessThanOrEqual(Math.ceil(WINDOW_MS / 1000));
  expect(answer.body).toEqual({ error: 'rate-limited', message: expect.stringMatching(message), retryAfterSeconds: Number(retryAfter) });
  expect(answer.headers.get('ratelimit-remaining')).toBe('0');
  expect(answer.headers.get('ratelimit-reset')).toBe(retryAfter);
  return Number(retryAfter);
}

function metric(text: string, name: string, scope: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name}{scope="${scope}"} `));
  if (!line) throw new Error(`no ${name}{scope="${scope}"} in the metrics`);
  return Number(line.split(' ')[1]);
}

test('per user: after the budget and its burst a 429 with Retry-After and the error body; the user’s other tokens share it, another user does not', async () => {
  const user = await createUser(db(), 'rep', 'Lim Rep');
  const secondToken = await createToken(db(), user.id, 'second');

  const first = await api('GET', '/v1/approvals', { token: user.token });
  expect(first.status).toBe(200);
  expect(Object.fromEntries(['ratelimit-limit', 'ratelimit-remaining', 'ratelimit-policy'].map((h) => [h, first.headers.get(h)]))).toEqual({
    'ratelimit-limit': '2',
    'ratelimit-remaining': '1',
    'ratelimit-policy': '2;w=2',
  });
  expect(Number(first.headers.get('ratelimit-reset'))).toBeGreaterThanOrEqual(1);
  const second = await api('GET', '/v1/approvals', { token: secondToken });
  expect([second.status, second.headers.get('ratelimit-remaining')]).toEqual([200, '0']);
  // The burst allowance: one more in the burst window once the window's are spent.
  expect((await api('GET', '/v1/approvals', { token: user.token })).status).toBe(200);

  const refused = await api('GET', '/v1/approvals', { token: secondToken });
  expectRateLimited(refused, /^too many requests by this user: at most 2 per 2 s \(and 1 more per 30 s\); retry after \d s$/);
  expect((await api('GET', '/v1/approvals', { token: user.token })).status).toBe(429);

  const other = await api('GET', '/v1/approvals', { token: stack.team.otherRep.token });
  expect([other.status, other.headers.get('ratelimit-remaining')]).toEqual([200, '1']);
});

test('/u/:token and /healthz per client address, each route its own budget (GET and POST of the link share one)', async () => {
  const client = freshAddress();
  expect((await api('GET', '/healthz', { address: client })).status).toBe(200);
  expect((await api('GET', '/healthz', { address: client })).status).toBe(200);
  expectRateLimited(await api('GET', '/healthz', { address: client }), /^too many requests from this address to \/healthz: at most 2 per 2 s; retry after \d s$/);

  // The unsubscribe link still has its own two from this address.
  expect((await api('GET', '/u/not-a-real-token', { address: client })).status).toBe(400);
  expect((await api('POST', '/u/not-a-real-token', { address: client })).status).toBe(400);
  expectRateLimited(await api('GET', '/u/another-token', { address: client }), /from this address to \/u:/);
  expect((await api('POST', '/u/not-a-real-token', { address: client })).status).toBe(429);

  // Another address is not affected.
  expect((await api('GET', '/healthz')).status).toBe(200);
  expect((await api('GET', '/u/not-a-real-token')).status).toBe(400);
});

test('failed authentications per address: past them the address is refused, even with a valid token; other addresses are not', async () => {
  const guesser = freshAddress();
  const user = await createUser(db(), 'rep', 'Guess Target');
  expect((await api('GET', '/v1/approvals', { address: guesser, token: 'cad_guess-1' })).status).toBe(401);
  expect((await api('GET', '/v1/approvals', { address: guesser })).status).toBe(401);
  expectRateLimited(await api('GET', '/v1/approvals', { address: guesser, token: 'cad_guess-3' }), /^too many failed authentications from this address: at most 2 per 2 s/);
  expectRateLimited(await api('GET', '/v1/approvals', { address: guesser, token: user.token }), /failed authentications/);
  expect((await api('GET', '/metrics', { address: guesser, token: user.token })).status).toBe(429);

  expect((await api('GET', '/v1/approvals', { token: user.token })).status).toBe(200);
  // /metrics counts its failures too.
  const scraper = freshAddress();
  expect((await api('GET', '/metrics', { address: scraper, token: 'cad_wrong' })).status).toBe(401);
  expect((await api('GET', '/metrics', { address: scraper, token: 'cad_wrong' })).status).toBe(401);
  expect((await api('GET', '/metrics', { address: scraper, token: 'cad_wrong' })).status).toBe(429);
});

test('two API processes on one database share the budgets', async () => {
  const otherProcess = await startApp(new RateLimits({ settings, databaseUrl: stack.database.url }));
  const user = await createUser(db(), 'manager', 'Shared Budget');

  expect((await call(stack.baseUrl, 'GET', '/v1/approvals', { token: user.token })).headers.get('ratelimit-remaining')).toBe('1');
  const there = await call(otherProcess, 'GET', '/v1/approvals', { token: user.token });
  expect([there.status, there.headers.get('ratelimit-remaining')]).toEqual([200, '0']);
  expect((await call(stack.baseUrl, 'GET', '/v1/approvals', { token: user.token })).status).toBe(200); // the burst
  expectRateLimited(await call(otherProcess, 'GET', '/v1/approvals', { token: user.token }), /by this user/);
  expectRateLimited(await call(stack.baseUrl, 'GET', '/v1/approvals', { token: user.token }), /by this user/);

  const client = freshAddress();
  expect((await call(otherProcess, 'GET', '/healthz', { address: client })).status).toBe(200);
  expect((await call(stack.baseUrl, 'GET', '/healthz', { address: client })).status).toBe(200);
  expect((await call(otherProcess, 'GET', '/healthz', { address: client })).status).toBe(429);
});

test('a webhook delivery refused with 429 leaves no trace and is accepted when delivered again after Retry-After', async () => {
  const integration = await createUser(db(), 'integration', 'Busy CRM');
  for (let i = 0; i < 3; i++) expect((await api('GET', '/v1/approvals', { token: integration.token })).status).toBeLessThan(429);

  const id = randomUUID();
  const reply = { messageId: `<rl-${id}@prospect.test>`, from: `rl-${id}@prospect.test`, subject: 'Re: hello', text: 'Sounds good, call me on Tuesday.' };
  const events = { provider: `rl-${id}`, events: [{ id: `evt-${id}`, type: 'complaint', recipient: `rl-${id}@prospect.test`, occurredAt: new Date().toISOString() }] };
  const refusedReply = await api('POST', '/v1/webhooks/inbound-reply', { token: integration.token, body: reply });
  const retryAfter = expectRateLimited(refusedReply, /by this user/);
  expectRateLimited(await api('POST', '/v1/webhooks/delivery-events', { token: integration.token, body: events }), /by this user/);

  const traces = async () => ({
    replies: await db().selectFrom('replies').select('id').where('message_id', 'like', `%rl-${id}%`).execute(),
    deliveryEvents: await db().selectFrom('delivery_events').select('id').where('provider', '=', `rl-${id}`).execute(),
    suppressions: await db().selectFrom('suppressions').select('id').where('value', '=', `rl-${id}@prospect.test`).execute(),
    audits: await db().selectFrom('audit_events').select('id').where('event_key', 'like', `%rl-${id}%`).execute(),
  });
  expect(await traces()).toEqual({ replies: [], deliveryEvents: [], suppressions: [], audits: [] });

  await sleep(retryAfter * 1000);
  const accepted = await api('POST', '/v1/webhooks/inbound-reply', { token: integration.token, body: reply });
  expect(accepted.status).toBe(202);
  expect(accepted.body).toMatchObject({ duplicate: false });
  const applied = await api('POST', '/v1/webhooks/delivery-events', { token: integration.token, body: events });
  expect(applied.status).toBe(200);
  expect(applied.body.applied).toHaveLength(1);
  const after = await traces();
  expect([after.replies.length, after.deliveryEvents.length, after.suppressions.length]).toEqual([1, 1, 1]);
});

test('the metric counts the 429s by scope', async () => {
  const admin = await createUser(db(), 'admin', 'Metrics Admin');
  const scrape = async () => {
    const answer = await api('GET', '/metrics', { token: admin.token });
    expect(answer.status).toBe(200);
    return answer.body as string;
  };
  const before = await scrape();
  expect(metric(before, 'cadence_api_rate_limit_fail_open_total', 'token')).toBe(0);

  const user = await createUser(db(), 'rep', 'Counted');
  for (let i = 0; i < 3; i++) expect((await api('GET', '/v1/approvals', { token: user.token })).status).toBe(200);
  expect((await api('GET', '/v1/approvals', { token: user.token })).status).toBe(429);
  const client = freshAddress();
  for (let i = 0; i < 2; i++) expect((await api('GET', '/healthz', { address: client })).status).toBe(200);
  expect((await api('GET', '/healthz', { address: client })).status).toBe(429);
  expect((await api('GET', '/healthz', { address: client })).status).toBe(429);
  const guesser = freshAddress();
  for (let i = 0; i < 2; i++) expect((await api('GET', '/v1/approvals', { address: guesser, token: 'cad_nope' })).status).toBe(401);
  expect((await api('GET', '/v1/approvals', { address: guesser, token: 'cad_nope' })).status).toBe(429);

  const after = await scrape();
  const delta = (scope: string) => metric(after, 'cadence_api_rate_limited_total', scope) - metric(before, 'cadence_api_rate_limited_total', scope);
  expect({ token: delta('token'), address: delta('address'), authFailures: delta('auth-failures') }).toEqual({ token: 1, address: 2, authFailures: 1 });
  expect(metric(before, 'cadence_api_rate_limited_total', 'token')).toBeGreaterThan(0);
  expect(after).toContain('# TYPE cadence_api_rate_limited_total counter');
});

test('limits of 0 are off: no 429 and no RateLimit headers, and no pool is opened', async () => {
  const limits = new RateLimits({ settings: off, databaseUrl: 'postgres://nobody@127.0.0.1:1/never-connected' });
  expect(limits.store).toBe('off');
  expect(limits.describe()).toMatch(/^rate limits: off/);
  const unlimited = await startApp(limits);
  const user = await createUser(db(), 'rep', 'Unlimited');
  const client = freshAddress();
  for (let i = 0; i < 8; i++) {
    const answer = await call(unlimited, 'GET', '/v1/approvals', { token: user.token, address: client });
    expect([answer.status, answer.headers.get('ratelimit-limit')]).toEqual([200, null]);
    expect((await call(unlimited, 'GET', '/healthz', { address: client })).status).toBe(200);
    expect((await call(unlimited, 'GET', '/v1/approvals', { token: 'cad_wrong', address: client })).status).toBe(401);
  }

  // One limit off, the others on: only the per-user limit is gone.
  const partly = await startApp(new RateLimits({ settings: { ...settings, perToken: 0, perTokenBurst: 0 }, databaseUrl: stack.database.url }));
  for (let i = 0; i < 5; i++) expect((await call(partly, 'GET', '/v1/approvals', { token: user.token })).status).toBe(200);
  for (let i = 0; i < 2; i++) expect((await call(partly, 'GET', '/healthz', { address: client })).status).toBe(200);
  expect((await call(partly, 'GET', '/healthz', { address: client })).status).toBe(429);
});

test('without trust proxy, X-Forwarded-For is ignored: a client cannot make itself a new budget', async () => {
  const direct = await startApp(new RateLimits({ settings: { ...settings, trustProxy: false, perAddress: 1 }, databaseUrl: stack.database.url }));
  expect((await call(direct, 'GET', '/v1/openapi.json', { address: freshAddress() })).status).toBe(200);
  expect((await call(direct, 'GET', '/v1/openapi.json', { address: freshAddress() })).status).toBe(429);
});

test('a failing store fails open: requests pass, one warning is logged and the passes are counted', async () => {
  const warnings: string[] = [];
  const limits = new RateLimits({ settings, databaseUrl: 'postgres://postgres@127.0.0.1:1/nowhere', log: (m) => warnings.push(m) });
  const broken = await startApp(limits);
  const user = await createUser(db(), 'rep', 'Store Down');
  const client = freshAddress();
  for (let i = 0; i < 5; i++) {
    expect((await call(broken, 'GET', '/v1/approvals', { token: user.token, address: client })).status).toBe(200);
    expect((await call(broken, 'GET', '/healthz', { address: client })).status).toBe(200);
  }
  expect(warnings).toHaveLength(1);
  expect(warnings[0]).toMatch(/^rate limits: the store \(PostgreSQL \(table rate_limits\)\) failed; failing open/);
  const text = await limits.metrics();
  expect(metric(text, 'cadence_api_rate_limit_fail_open_total', 'token')).toBe(5);
  expect(metric(text, 'cadence_api_rate_limit_fail_open_total', 'address')).toBe(5);
  expect(metric(text, 'cadence_api_rate_limited_total', 'token')).toBe(0);
});

test('the settings: defaults from an empty environment, 0 to turn a limit off, trust proxy forms, bad values named', () => {
  expect(rateLimitSettingsFromConfig(loadAppConfig({}))).toEqual({
    perToken: 600,
    perTokenBurst: 1200,
    perAddress: 300,
    perAddressBurst: 600,
    authFailuresPerAddress: 60,
    windowMs: 60_000,
    burstWindowMs: 600_000,
    trustProxy: false,
  });
  const set = rateLimitSettingsFromConfig(
    loadAppConfig({ RATE_LIMIT_PER_TOKEN_PER_MINUTE: '0', RATE_LIMIT_BURST_WINDOW: '5m', RATE_LIMIT_TRUST_PROXY: 'loopback, 10.0.0.0/8, fd00::/8' }),
  );
  expect(set).toMatchObject({ perToken: 0, burstWindowMs: 300_000, trustProxy: ['loopback', '10.0.0.0/8', 'fd00::/8'] });
  expect(rateLimitSettingsFromConfig(loadAppConfig({ RATE_LIMIT_TRUST_PROXY: '1' })).trustProxy).toBe(1);
  expect(rateLimitSettingsFromConfig(loadAppConfig({ RATE_LIMIT_TRUST_PROXY: 'true' })).trustProxy).toBe(true);
  expect(() => loadAppConfig({ RATE_LIMIT_TRUST_PROXY: 'the-load-balancer' })).toThrow(/RATE_LIMIT_TRUST_PROXY: must be true, false, a number of hops/);
  expect(() => loadAppConfig({ RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '-1' })).toThrow(/RATE_LIMIT_PER_ADDRESS_PER_MINUTE/);
  expect(() => loadAppConfig({ RATE_LIMIT_BURST_WINDOW: '10s' })).toThrow(/RATE_LIMIT_BURST_WINDOW: must be at least 1m/);
});

test('client addresses: IPv4 as is (IPv4-mapped too), IPv6 by its /64', () => {
  expect(addressKey('203.0.113.9')).toBe('203.0.113.9');
  expect(addressKey('::ffff:203.0.113.9')).toBe('203.0.113.9');
  expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
  expect(addressKey('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
  expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
  expect(addressKey('::1')).toBe('0:0:0:0::/64');
  expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  expect(addressKey(undefined)).toBe('unknown');
});

test('documentRateLimits documents a 429 with Retry-After on every operation, and the answers match it', async () => {
  const doc = documentRateLimits(buildOpenApiDocument()) as any;
  const operations = Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ path, method, op })));
  expect(operations.length).toBeGreaterThan(20);
  for (const { path, method, op } of operations) {
    const documented = op.responses['429'];
    expect({ path, method, retryAfter: documented?.headers?.['Retry-After'], schema: documented?.content?.['application/json']?.schema }).toEqual({
      path,
      method,
      retryAfter: { $ref: '#/components/headers/Retry-After' },
      schema: { $ref: '#/components/schemas/RateLimited' },
    });
  }
  expect(doc.components.headers['Retry-After'].schema).toEqual({ type: 'integer', minimum: 1 });
  expect(JSON.stringify(documentRateLimits(structuredClone(doc)))).toBe(JSON.stringify(doc)); // applying it twice changes nothing

  const ajv = new Ajv2020({ strict: false });
  ajv.addSchema(doc, 'openapi.json');
  const validate = ajv.compile({ $ref: 'openapi.json#/components/schemas/RateLimited' });
  const client = freshAddress();
  await api('GET', '/healthz', { address: client });
  await api('GET', '/healthz', { address: client });
  const refused = await api('GET', '/healthz', { address: client });
  expect(refused.status).toBe(429);
  expect(validate(refused.body)).toBe(true);
  expect(validate({ error: 'rate-limited', message: 'x' })).toBe(false);
});
