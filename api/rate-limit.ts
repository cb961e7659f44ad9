// Rate limits of the API, shared by every API process through PostgreSQL (rate-limiter-flexible's
// RateLimiterPostgres over a small pool of its own, on the table of migration 2026_12_06_0010_rate_limits).
//
// - Per user (the principal a bearer token authenticates, not the token itself) on /v1 and /metrics.
// - Per client address on the routes without a token (/healthz, /u/:token, /v1/openapi.json, /app), each
//   route with its own budget, so a burst of unsubscribe clicks never starves a load balancer's health probe.
// - Per client address, failed authentications (401) on /v1 and /metrics: past the budget the address is
//   refused before its token is even looked at, so guessing tokens is throttled.
//
// A 429 is decided before the request does anything (before any route runs), so a webhook delivery refused
// with 429 was not accepted and its provider delivers it again. When the store fails the limits fail open:
// the request passes unchecked, a warning is logged and cadence_api_rate_limit_fail_open_total counts it.
import { isIPv4, isIPv6 } from 'node:net';
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { Pool } from 'pg';
import { Counter, Registry } from 'prom-client';
import { BurstyRateLimiter, RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { AppConfig } from '../config/app';
import { HttpError } from './errors';

/** The table the limiters share (created by migration 2026_12_06_0010_rate_limits; each limiter has its key prefix). */
export const RATE_LIMIT_TABLE = 'rate_limits';

/** Express's `trust proxy`: false (the socket's address), true (the leftmost X-Forwarded-For), hops, or trusted addresses/subnets. */
export type TrustProxy = boolean | number | string[];

export interface RateLimitSettings {
  /** Requests per window by one user (any of their tokens) on /v1 and /metrics; 0: no limit. */
  perToken: number;
  /** Extra requests per burst window a user may draw on once a window's are spent; 0: none. */
  perTokenBurst: number;
  /** Requests per window from one client address to one route without a token; 0: no limit. */
  perAddress: number;
  /** Extra requests per burst window an address may draw on, per route; 0: none. */
  perAddressBurst: number;
  /** Failed authentications (401) per window from one address on /v1 and /metrics, past which the address is refused; 0: no limit. */
  authFailuresPerAddress: number;
  windowMs: number;
  burstWindowMs: number;
  trustProxy: TrustProxy;
}

/** The settings of the environment (RATE_LIMIT_*): a minute's window. */
export function rateLimitSettingsFromConfig(config: AppConfig): RateLimitSettings {
  return {
    perToken: config.RATE_LIMIT_PER_TOKEN_PER_MINUTE,
    perTokenBurst: config.RATE_LIMIT_PER_TOKEN_BURST,
    perAddress: config.RATE_LIMIT_PER_ADDRESS_PER_MINUTE,
    perAddressBurst: config.RATE_LIMIT_PER_ADDRESS_BURST,
    authFailuresPerAddress: config.RATE_LIMIT_AUTH_FAILURES_PER_MINUTE,
    windowMs: 60_000,
    burstWindowMs: config.RATE_LIMIT_BURST_WINDOW,
    trustProxy: config.RATE_LIMIT_TRUST_PROXY,
  };
}

export type RateLimitScope = 'token' | 'address' | 'auth-failures';

interface Limiter {
  consume(key: string): Promise<RateLimiterRes>;
}

interface Limit {
  scope: RateLimitScope;
  limiter: Limiter;
  points: number;
  burst: number;
}

/** After a store failure, requests pass unchecked this long before the store is tried again. */
const STORE_RETRY_MS = 5_000;
/** At most one fail-open warning this often (with the count since the last one). */
const WARN_EVERY_MS = 60_000;
/** A store that does not answer within this fails open. */
const STORE_TIMEOUT_MS = 1_000;
/** Expired rows are deleted this often (an hour after they expired, as rate-limiter-flexible does). */
const CLEAR_EXPIRED_EVERY_MS = 5 * 60_000;

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));
const per = (ms: number) => (ms === 60_000 ? 'a minute' : ms % 60_000 === 0 ? `per ${ms / 60_000} min` : `per ${ms / 1000} s`);

/**
 * The client address a budget is kept for: IPv4 as is (IPv4-mapped IPv6 too), IPv6 by its /64 (a client
 * holds a whole /64 and could rotate through it). With `trust proxy` set, the address X-Forwarded-For names.
 */
export function addressKey(ip: string | undefined): string {
  if (!ip) return 'unknown';
  const address = ip.replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (isIPv4(address) || !isIPv6(address)) return address;
  const groupsOf = (part: string) => (part ? part.split(':').flatMap((g) => (g.includes('.') ? ['0', '0'] : [g])) : []);
  const [head, tail] = address.includes('::') ? address.split('::') : [address, undefined];
  const before = groupsOf(head!);
  const after = tail === undefined ? [] : groupsOf(tail);
  const groups = [...before, ...Array<string>(Math.max(0, 8 - before.length - after.length)).fill('0'), ...after];
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}

export interface RateLimitsOptions {
  settings: RateLimitSettings;
  /** PostgreSQL, for limits shared by every API process; without it (the embedded PGlite database) limits are kept in this process's memory. */
  databaseUrl?: string;
  /** Warnings (a failing store); console.warn by default. */
  log?: (message: string, err?: unknown) => void;
}

/**
 * The API's rate limits: Express middleware, their metrics, and the store's pool. `createApp` mounts the
 * middleware; the process that creates an instance closes it.
 */
export class RateLimits {
  /** No limits at all (an app created without rate limits: the tests' default). */
  static readonly off = new RateLimits({ settings: { perToken: 0, perTokenBurst: 0, perAddress: 0, perAddressBurst: 0, authFailuresPerAddress: 0, windowMs: 60_000, burstWindowMs: 600_000, trustProxy: false } });

  readonly settings: Readonly<RateLimitSettings>;
  /** Where the counters are: `PostgreSQL (table rate_limits)`, `this process's memory` or `off`. */
  readonly store: string;
  /** Counters for GET /metrics (per process: scrape each API process as its own target). */
  readonly registry = new Registry();
  private readonly pool: Pool | null = null;
  private readonly token: Limit | null;
  private readonly address: Limit | null;
  private readonly authFailures: (Limit & { get(key: string): Promise<RateLimiterRes | null> }) | null;
  private readonly limited: Counter<'scope'>;
  private readonly failOpen: Counter<'scope'>;
  private readonly log: (message: string, err?: unknown) => void;
  private readonly clearExpired: NodeJS.Timeout | null = null;
  private storeDownUntil = 0;
  private lastWarning = 0;
  private failuresSinceWarning = 0;

  constructor({ settings, databaseUrl, log = (m, e) => console.warn(m, e ?? '') }: RateLimitsOptions) {
    this.settings = Object.freeze({ ...settings });
    this.log = log;
    this.limited = new Counter({
      name: 'cadence_api_rate_limited_total',
      help: 'Requests refused with 429, by scope: token (per user), address (per client address, routes without a token), auth-failures (an address past its failed authentications)',
      labelNames: ['scope'],
      registers: [this.registry],
    });
    this.failOpen = new Counter({
      name: 'cadence_api_rate_limit_fail_open_total',
      help: "Requests let through without a rate-limit check because the limits' store failed (fail open)",
      labelNames: ['scope'],
      registers: [this.registry],
    });
    for (const scope of ['token', 'address', 'auth-failures'] as const) {
      this.limited.inc({ scope }, 0);
      this.failOpen.inc({ scope }, 0);
    }

    const on = settings.perToken > 0 || settings.perAddress > 0 || settings.authFailuresPerAddress > 0;
    if (on && databaseUrl) {
      this.pool = new Pool({
        connectionString: databaseUrl,
        max: 4,
        connectionTimeoutMillis: STORE_TIMEOUT_MS,
        query_timeout: STORE_TIMEOUT_MS,
        application_name: 'cadence-api-rate-limits',
      });
      this.pool.on('error', (err) => this.log(`rate limits: PostgreSQL idle client error: ${err.message}`));
      // One sweep for every limiter (they share the table), instead of a timer per limiter.
      const pool = this.pool;
      this.clearExpired = setInterval(() => {
        pool.query(`delete from ${RATE_LIMIT_TABLE} where expire < $1`, [Date.now() - 3_600_000]).catch(() => undefined);
      }, CLEAR_EXPIRED_EVERY_MS);
      this.clearExpired.unref();
    }
    this.store = !on ? 'off' : this.pool ? `PostgreSQL (table ${RATE_LIMIT_TABLE})` : "this process's memory";

    const make = (keyPrefix: string, points: number, durationMs: number, inMemoryBlock: boolean) => {
      const common = { keyPrefix, points, duration: durationMs / 1000 };
      return this.pool
        ? new RateLimiterPostgres({
            ...common,
            storeClient: this.pool,
            storeType: 'pool',
            tableName: RATE_LIMIT_TABLE,
            tableCreated: true,
            clearExpiredByTimeout: false,
            // A key past its budget is refused from this process's memory until its window ends, without a query.
            ...(inMemoryBlock ? { inMemoryBlockOnConsumed: points } : {}),
          })
        : new RateLimiterMemory(common);
    };
    const limit = (scope: RateLimitScope, keyPrefix: string, points: number, burst: number): Limit | null => {
      if (points <= 0) return null;
      const primary = make(keyPrefix, points, settings.windowMs, true);
      const limiter = burst > 0 ? new BurstyRateLimiter(primary, make(`${keyPrefix}-burst`, burst, settings.burstWindowMs, true)) : primary;
      return { scope, limiter, points, burst };
    };
    this.token = limit('token', 'token', settings.perToken, settings.perTokenBurst);
    this.address = limit('address', 'address', settings.perAddress, settings.perAddressBurst);
    if (settings.authFailuresPerAddress > 0) {
      const limiter = make('auth-failures', settings.authFailuresPerAddress, settings.windowMs, false);
      this.authFailures = { scope: 'auth-failures', limiter, get: (key) => limiter.get(key), points: settings.authFailuresPerAddress, burst: 0 };
    } else {
      this.authFailures = null;
    }
  }

  /** The limits in words, for the start-up log. */
  describe(): string {
    const s = this.settings;
    if (this.store === 'off') return 'rate limits: off (every RATE_LIMIT_* limit is 0)';
    const burst = (n: number) => (n > 0 ? ` (+${n} ${per(s.burstWindowMs)})` : '');
    const parts = [
      s.perToken > 0 ? `${s.perToken} ${per(s.windowMs)} per user${burst(s.perTokenBurst)}` : 'none per user',
      s.perAddress > 0 ? `${s.perAddress} ${per(s.windowMs)} per address and route without a token${burst(s.perAddressBurst)}` : 'none per address',
      s.authFailuresPerAddress > 0 ? `${s.authFailuresPerAddress} failed authentications ${per(s.windowMs)} per address` : 'no limit on failed authentications',
    ];
    const where = this.pool
      ? `shared by every API process through ${this.store}`
      : "kept in this process's memory: no PostgreSQL pool (the embedded PGlite database), so they are not shared across processes";
    const proxy = s.trustProxy === false ? 'client address from the socket' : `client address from X-Forwarded-For (trust proxy ${JSON.stringify(s.trustProxy)})`;
    return `rate limits: ${parts.join('; ')}; ${where}; ${proxy}`;
  }

  /** Express's `trust proxy` value, for `app.set`. */
  get trustProxy(): TrustProxy {
    return this.settings.trustProxy;
  }

  /** The counters in the Prometheus text format (appended to GET /metrics). */
  metrics(): Promise<string> {
    return this.registry.metrics();
  }

  async close(): Promise<void> {
    if (this.clearExpired) clearInterval(this.clearExpired);
    await this.pool?.end();
  }

  /** Routes without a token, mounted on their paths: a budget per client address and route (`req.baseUrl`). */
  readonly perAddress: RequestHandler = async (req, res, next) => {
    if (!this.address) return next();
    const route = req.baseUrl || req.path;
    const refused = await this.consume(this.address, `${route}|${addressKey(req.ip)}`, res, `from this address to ${route}`);
    next(refused);
  };

  /** After authentication: a budget per user (whatever token of theirs), whose requests answer with the RateLimit-* headers. */
  readonly perPrincipal: RequestHandler = async (req, res, next) => {
    const userId = req.principal?.userId;
    if (!this.token || !userId) return next();
    next(await this.consume(this.token, userId, res, 'by this user'));
  };

  /** Before authentication on /v1 and /metrics: an address past its failed authentications is refused, whatever token it sends. */
  readonly authFailureGate: RequestHandler = async (req, res, next) => {
    const limit = this.authFailures;
    if (!limit || this.storeDown(limit.scope)) return next();
    try {
      const used = await limit.get(addressKey(req.ip));
      if (used && used.consumedPoints >= limit.points && used.msBeforeNext > 0) return next(this.refuse(limit, res, used, 'failed authentications from this address'));
    } catch (err) {
      this.storeFailed(limit.scope, err);
    }
    next();
  };

  /** An error handler before the API's: a 401 counts against its address before it is answered. */
  readonly countAuthFailures: ErrorRequestHandler = async (err, req, _res, next) => {
    const limit = this.authFailures;
    if (limit && err instanceof HttpError && err.status === 401 && !this.storeDown(limit.scope)) {
      try {
        await limit.limiter.consume(addressKey(req.ip));
      } catch (e) {
        // Over the budget already (a concurrent request): the gate refuses the next one; this one stays a 401.
        if (!(e instanceof RateLimiterRes)) this.storeFailed(limit.scope, e);
      }
    }
    next(err);
  };

  /** Consumes a point: undefined to go on (headers set), or the 429 to answer. */
  private async consume(limit: Limit, key: string, res: Response, what: string): Promise<HttpError | undefined> {
    if (this.storeDown(limit.scope)) return undefined;
    try {
      const result = await limit.limiter.consume(key);
      this.headers(res, limit, result.remainingPoints, result.msBeforeNext);
      return undefined;
    } catch (err) {
      if (err instanceof RateLimiterRes) return this.refuse(limit, res, err, `requests ${what}`);
      this.storeFailed(limit.scope, err);
      return undefined;
    }
  }

  private refuse(limit: Limit, res: Response, result: RateLimiterRes, what: string): HttpError {
    const retryAfter = seconds(result.msBeforeNext);
    this.limited.inc({ scope: limit.scope });
    this.headers(res, limit, 0, result.msBeforeNext);
    res.setHeader('Retry-After', String(retryAfter));
    const burst = limit.burst > 0 ? ` (and ${limit.burst} more ${per(this.settings.burstWindowMs)})` : '';
    return new HttpError(429, 'rate-limited', `too many ${what}: at most ${limit.points} ${per(this.settings.windowMs)}${burst}; retry after ${retryAfter} s`, {
      retryAfterSeconds: retryAfter,
    });
  }

  /** IETF draft (draft-ietf-httpapi-ratelimit-headers-06) style; RateLimit-Reset equals Retry-After on a 429. */
  private headers(res: Response, limit: Limit, remaining: number, msBeforeNext: number): void {
    res.setHeader('RateLimit-Limit', String(limit.points));
    res.setHeader('RateLimit-Remaining', String(Math.max(0, remaining)));
    res.setHeader('RateLimit-Reset', String(seconds(msBeforeNext)));
    res.setHeader('RateLimit-Policy', `${limit.points};w=${seconds(this.settings.windowMs)}`);
  }

  private storeDown(scope: RateLimitScope): boolean {
    if (Date.now() >= this.storeDownUntil) return false;
    this.failOpen.inc({ scope });
    this.failuresSinceWarning++;
    return true;
  }

  private storeFailed(scope: RateLimitScope, err: unknown): void {
    this.failOpen.inc({ scope });
    this.failuresSinceWarning++;
    this.storeDownUntil = Date.now() + STORE_RETRY_MS;
    const now = Date.now();
    if (now - this.lastWarning < WARN_EVERY_MS) return;
    this.log(
      `rate limits: the store (${this.store}) failed; failing open: requests pass unchecked, the store is tried again every ${STORE_RETRY_MS / 1000} s (${this.failuresSinceWarning} request(s) unchecked since the last warning)`,
      err,
    );
    this.lastWarning = now;
    this.failuresSinceWarning = 0;
  }
}

/** The same limits with the other settings, for the middleware of an app created without any (`ctx.rateLimits` absent). */
export function rateLimitsOf(ctx: { rateLimits?: RateLimits }): RateLimits {
  return ctx.rateLimits ?? RateLimits.off;
}

// --- the OpenAPI document ---------------------------------------------------------------------------

const RATE_LIMIT_HEADERS = {
  'Retry-After': { description: 'Seconds (an integer, at least 1) before a request may succeed', schema: { type: 'integer', minimum: 1 } },
  'RateLimit-Limit': { description: 'Requests allowed per window by the budget that applies', schema: { type: 'integer', minimum: 1 } },
  'RateLimit-Remaining': { description: 'Requests left in the current window (0 on a 429)', schema: { type: 'integer', minimum: 0 } },
  'RateLimit-Reset': { description: 'Seconds before the window resets (equal to Retry-After on a 429)', schema: { type: 'integer', minimum: 1 } },
  'RateLimit-Policy': { description: 'The budget: requests;w=window seconds', schema: { type: 'string' } },
} as const;

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

/**
 * Documents the rate limits on every operation of the built document: a `429` with the `RateLimited` error
 * body and `Retry-After` (and the RateLimit-* headers). Changes the document in place and returns it.
 */
export function documentRateLimits<D extends object>(doc: D): D {
  const d = doc as { components?: Record<string, Record<string, unknown>>; paths?: Record<string, Record<string, unknown>> };
  d.components ??= {};
  d.components.schemas ??= {};
  d.components.headers ??= {};
  Object.assign(d.components.headers, RATE_LIMIT_HEADERS);
  d.components.schemas.RateLimited = {
    description: 'Too many requests (429 rate-limited); nothing of the request was done or recorded: send it again after retryAfterSeconds',
    allOf: [
      { $ref: '#/components/schemas/Error' },
      {
        type: 'object',
        properties: {
          error: { type: 'string', enum: ['rate-limited'] },
          retryAfterSeconds: { type: 'integer', minimum: 1, description: 'The same as the Retry-After header' },
        },
        required: ['retryAfterSeconds'],
      },
    ],
  };
  const ref = (name: string) => ({ $ref: `#/components/headers/${name}` });
  for (const item of Object.values(d.paths ?? {})) {
    for (const [method, operation] of Object.entries(item)) {
      if (!METHODS.includes(method) || !operation || typeof operation !== 'object') continue;
      const op = operation as { responses?: Record<string, unknown>; security?: unknown[] };
      const withToken = op.security === undefined || op.security.length > 0;
      op.responses ??= {};
      op.responses['429'] = {
        description: withToken
          ? 'Rate limited: too many requests by this user (RATE_LIMIT_PER_TOKEN_PER_MINUTE), or too many failed authentications from this address (RATE_LIMIT_AUTH_FAILURES_PER_MINUTE); nothing was done'
          : 'Rate limited: too many requests from this address (RATE_LIMIT_PER_ADDRESS_PER_MINUTE); nothing was done',
        headers: Object.fromEntries(Object.keys(RATE_LIMIT_HEADERS).map((h) => [h, ref(h)])),
        content: { 'application/json': { schema: { $ref: '#/components/schemas/RateLimited' } } },
      };
    }
  }
  return doc;
}

