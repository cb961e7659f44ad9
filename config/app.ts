import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import { z } from 'zod';
import { policyDefaults, type GatePolicy } from '../workflows/policy';
import { ConfigError, formatZodIssues } from './errors';
import type { SendingLimits } from '../db/repositories/mailboxes';
import type { LearningSettings } from '../db/repositories/learning';
import type { ReviewMetricsSettings } from '../db/repositories/review-metrics';

const duration = z
  .string()
  .regex(/^\d+(\.\d+)?\s*(ms|s|m|h|d)$/, 'must be a duration such as 90s, 15m, 4h or 2d')
  .transform((v) => {
    const [, n, unit] = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)$/.exec(v)!;
    const factor = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[unit as 'ms'];
    return Math.round(Number(n) * factor);
  });

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

const asUrl = (v: string): URL | null => {
  try {
    return new URL(v);
  } catch {
    return null;
  }
};
/** Where recipients reach the API (unsubscribe links): https, or http on this machine only; no query or fragment. */
const publicBaseUrl = z
  .string()
  .url('must be a URL such as https://cadence.example.com')
  .refine((v) => {
    const url = asUrl(v);
    return !url || url.protocol === 'https:' || (url.protocol === 'http:' && (LOOPBACK_HOSTS.includes(url.hostname) || url.hostname.startsWith('127.')));
  }, 'must be an https:// URL (http:// only for localhost)')
  .refine((v) => {
    const url = asUrl(v);
    return !url || (!url.search && !url.hash && !url.username && !url.password);
  }, 'must have no query, fragment or credentials')
  .transform((v) => v.replace(/\/+$/, ''));

const envSchema = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  API_HOST: z.string().min(1).default('127.0.0.1'),
  API_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_BASE_URL: publicBaseUrl.optional(),
  UNSUBSCRIBE_SECRET: z.string().min(32, 'must be at least 32 characters (e.g. openssl rand -base64 48)').optional(),
  UNSUBSCRIBE_PREVIOUS_SECRETS: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((t) => t.trim()).filter(Boolean))
    .pipe(z.array(z.string().min(32, 'each previous secret must be at least 32 characters'))),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL').default('smtp://127.0.0.1:2525'),
  MESSAGE_ID_DOMAIN: z.string().min(1).default('cadence.local'),
  DKIM_DOMAIN: z.string().min(1).optional(),
  DKIM_SELECTOR: z.string().min(1).optional(),
  DKIM_PRIVATE_KEY_PATH: z.string().min(1).optional(),
  GATE_CONFIDENCE_THRESHOLD: z.coerce.number().min(0).max(1).default(0.85),
  GATE_DEAL_VALUE_THRESHOLD: z.coerce.number().min(0).default(50_000),
  GATE_STRATEGIC_TIERS: z
    .string()
    .default('strategic')
    .transform((v) => v.split(',').map((t) => t.trim()).filter(Boolean)),
  APPROVAL_REMIND_AFTER: duration.default(4 * 3_600_000),
  APPROVAL_ESCALATE_AFTER: duration.default(20 * 3_600_000),
  APPROVAL_EXPIRE_AFTER: duration.default(48 * 3_600_000),
  REPLY_SLA: duration.default(policyDefaults.replySlaMs),
  TASK_SLA: duration.default(policyDefaults.taskSlaMs),
  TASK_EXPIRE_AFTER: duration.default(policyDefaults.taskExpireAfterMs),
  REPLY_HAND_OVER_TIMEOUT: duration.default(policyDefaults.replyHandOverTimeoutMs),
  SOFT_BOUNCE_RETRY_AFTER: duration.default(policyDefaults.softBounceRetryAfterMs),
  SOFT_BOUNCE_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(policyDefaults.softBounceMaxRetries),
  OUT_OF_OFFICE_DEFAULT: duration.default(policyDefaults.outOfOfficeDefaultMs),
  ACCOUNT_PAUSE: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  DEFAULT_TIMEZONE: z.string().min(1).default('UTC'),
  /** A prebuilt workflow bundle (bundleWorkflowCode output) the worker loads instead of bundling workflows/ at start-up. */
  WORKFLOW_BUNDLE_PATH: z.string().min(1).optional(),
  CRM_SYNC_URL: z
    .string()
    .url('must be an http:// or https:// URL such as https://crm.example.com/suppressions')
    .refine((v) => ['http:', 'https:'].includes(asUrl(v)?.protocol ?? ''), 'must be an http:// or https:// URL')
    .optional(),
  CRM_SYNC_TOKEN: z.string().min(1).optional(),
  CRM_SYNC_EVERY: duration.default(3_600_000).refine((ms) => ms >= 60_000, 'must be at least 1m'),
  // CRM logging (activities/crm-feed): each adapter is on when its token is set; tokens come from settings (no OAuth flow).
  /** A HubSpot private app's access token (scopes: crm.objects.contacts.read/write; emails, notes, tasks, meetings are engagements on them). */
  HUBSPOT_ACCESS_TOKEN: z.string().min(1).optional(),
  HUBSPOT_BASE_URL: z
    .string()
    .refine((v) => ['http:', 'https:'].includes(asUrl(v)?.protocol ?? ''), 'must be an http:// or https:// URL')
    .optional(),
  /** The org's My Domain URL, e.g. https://acme.my.salesforce.com, and an access token for it (e.g. from a connected app). */
  SALESFORCE_INSTANCE_URL: z
    .string()
    .refine((v) => ['http:', 'https:'].includes(asUrl(v)?.protocol ?? ''), 'must be an http:// or https:// URL')
    .optional(),
  SALESFORCE_ACCESS_TOKEN: z.string().min(1).optional(),
  SALESFORCE_API_VERSION: z
    .string()
    .regex(/^\d{2,3}\.0$/, 'must be a REST API version such as 62.0')
    .optional(),
  // A mailbox first seen at send time is created with these settings; PUT /v1/mailboxes/{address} changes them.
  MAILBOX_DEFAULT_DAILY_CAP: z.coerce.number().int().min(1).default(100),
  MAILBOX_DEFAULT_HOURLY_CAP: z.coerce.number().int().min(1).default(20),
  MAILBOX_DEFAULT_MIN_GAP_SECONDS: z.coerce.number().int().min(0).default(60),
  MAILBOX_DEFAULT_JITTER_SECONDS: z.coerce.number().int().min(0).default(60),
  /** A new mailbox's first-day cap; 0 starts it at its full daily cap (no warmup ramp). */
  MAILBOX_WARMUP_START_DAILY: z.coerce.number().int().min(0).default(20),
  MAILBOX_WARMUP_DAILY_INCREASE: z.coerce.number().int().min(0).default(5),
  MAILBOX_BOUNCE_RATE_LIMIT: z.coerce.number().gt(0).max(1).default(0.05),
  MAILBOX_COMPLAINT_RATE_LIMIT: z.coerce.number().gt(0).max(1).default(0.003),
  RECIPIENT_DOMAIN_DAILY_CAP: z.coerce.number().int().min(1).default(30),
  /** From domains allowed to send automatically although `cadence check-sender` fails for them. */
  SENDER_AUTH_OVERRIDE: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((t) => t.trim().toLowerCase()).filter(Boolean)),
  /** DNS servers for the worker's sender-domain check (host or host:port, comma-separated); default: the system's. */
  SENDER_AUTH_DNS_SERVERS: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((t) => t.trim()).filter(Boolean)),
  SENDER_AUTH_RECHECK_EVERY: duration.default(6 * 3_600_000),
  // Approval theater and bottleneck (db/repositories/review-metrics.ts): the default window and the thresholds that flag.
  REVIEW_METRICS_WINDOW: duration.default(30 * 86_400_000).refine((ms) => ms >= 3_600_000, 'must be at least 1h'),
  /** A plausible read of a draft takes words / READ_WORDS_PER_MINUTE minutes, and at least READ_MIN_SECONDS. */
  READ_WORDS_PER_MINUTE: z.coerce.number().gt(0).max(5000).default(400),
  READ_MIN_SECONDS: z.coerce.number().min(0).max(600).default(3),
  THEATER_MIN_DECISIONS: z.coerce.number().int().min(1).default(5),
  THEATER_FAST_APPROVAL_SHARE: z.coerce.number().gt(0).max(1).default(0.2),
  THEATER_UNCHANGED_RUN: z.coerce.number().int().min(2).default(20),
  QUEUE_P90_AGE: duration.default(4 * 3_600_000),
  GATED_SHARE_HEALTHY: z.coerce.number().gt(0).max(1).default(0.5),
  // The learning loop and the boundary report (db/repositories/learning.ts, boundary-report.ts).
  /** Decisions on a template's drafts before its rewrite rate lowers their confidence. */
  LEARNING_MIN_SAMPLE: z.coerce.number().int().min(1).default(10),
  /** A gated template is recommended to graduate with at least this many trusted decisions (viewed, unhurried, by reviewers not flagged) … */
  BOUNDARY_MIN_SAMPLE: z.coerce.number().int().min(1).default(20),
  /** … at least this share of them approved unchanged … */
  BOUNDARY_UNCHANGED_RATE: z.coerce.number().gt(0).max(1).default(0.9),
  /** … at least this share of its gated drafts gated only by rules graduation lifts (low confidence, template under review) … */
  BOUNDARY_MIN_WOULD_CHANGE_SHARE: z.coerce.number().gt(0).max(1).default(0.25),
  /** … and at least this many delivered sends with outcome rates within the limits below. */
  BOUNDARY_MIN_SENDS: z.coerce.number().int().min(1).default(20),
  // Outcome limits, per send, for graduating and for putting an automatic template back behind a gate.
  BOUNDARY_MAX_HARD_BOUNCE_RATE: z.coerce.number().min(0).max(1).default(0.03),
  BOUNDARY_MAX_COMPLAINT_RATE: z.coerce.number().min(0).max(1).default(0.003),
  BOUNDARY_MAX_UNSUBSCRIBE_RATE: z.coerce.number().min(0).max(1).default(0.03),
  BOUNDARY_MAX_NEGATIVE_REPLY_RATE: z.coerce.number().min(0).max(1).default(0.05),
  /** A rate above this multiple of the same rate over the cadence's other templates (with BOUNDARY_MIN_SENDS sends) is too high too. */
  BOUNDARY_MAX_RATIO_TO_CADENCE: z.coerce.number().min(1).default(1.5),
  BOUNDARY_REVIEW_EVERY: duration.default(7 * 86_400_000).refine((ms) => ms >= 60_000, 'must be at least 1m'),
  BOUNDARY_WINDOW: duration.default(90 * 86_400_000).refine((ms) => ms >= 3_600_000, 'must be at least 1h'),
  // API rate limits (api/rate-limit.ts), shared by the API processes through PostgreSQL; 0 turns a limit off.
  /** Requests a minute by one user (any of their tokens) on /v1 and /metrics … */
  RATE_LIMIT_PER_TOKEN_PER_MINUTE: z.coerce.number().int().min(0).default(600),
  /** … and this many more per RATE_LIMIT_BURST_WINDOW once a minute's are spent. */
  RATE_LIMIT_PER_TOKEN_BURST: z.coerce.number().int().min(0).default(1200),
  /** Requests a minute from one client address to each route without a token (/healthz, /u/:token, /v1/openapi.json, /app), and its burst. */
  RATE_LIMIT_PER_ADDRESS_PER_MINUTE: z.coerce.number().int().min(0).default(300),
  RATE_LIMIT_PER_ADDRESS_BURST: z.coerce.number().int().min(0).default(600),
  /** Failed authentications (401) a minute from one address on /v1 and /metrics; past them the address is refused (429) until the minute ends. */
  RATE_LIMIT_AUTH_FAILURES_PER_MINUTE: z.coerce.number().int().min(0).default(60),
  RATE_LIMIT_BURST_WINDOW: duration.default(10 * 60_000).refine((ms) => ms >= 60_000, 'must be at least 1m'),
  /** Express's `trust proxy` for the client address: false (the socket's), true (X-Forwarded-For's leftmost), hops, or the proxies' addresses. */
  RATE_LIMIT_TRUST_PROXY: z
    .string()
    .default('false')
    .transform((v, ctx): boolean | number | string[] => {
      const value = v.trim().toLowerCase();
      if (value === 'false' || value === 'true') return value === 'true';
      if (/^\d+$/.test(value)) return Number(value);
      const proxies = value.split(',').map((p) => p.trim()).filter(Boolean);
      const bad = proxies.filter((p) => !['loopback', 'linklocal', 'uniquelocal'].includes(p) && !isIP(p.replace(/\/\d{1,3}$/, '')));
      if (bad.length > 0) ctx.addIssue({ code: 'custom', message: `must be true, false, a number of hops, or proxy addresses/subnets (loopback, uniquelocal, 10.0.0.0/8, …); not ${bad.join(', ')}` });
      return proxies;
    }),
  /** Who drafts a step that names no drafter: the approved template, the embedded model, or an OpenAI-compatible server. */
  DRAFTER: z.enum(['template', 'local', 'openai']).default('template'),
  /** The OpenAI-compatible server (OpenAI, Azure OpenAI, Ollama, vLLM, llama.cpp, LM Studio), e.g. http://127.0.0.1:11434/v1. */
  DRAFTER_BASE_URL: z.string().url('must be a URL such as https://api.openai.com/v1').optional(),
  DRAFTER_MODEL: z.string().min(1).optional(),
  DRAFTER_API_KEY: z.string().min(1).optional(),
  /** The embedded model's GGUF file (`npm run model` fetches the default); default DATA_DIR/models/gemma-3-270m-q4_k_m.gguf. */
  DRAFTER_MODEL_PATH: z.string().min(1).optional(),
  DRAFTER_THREADS: z.coerce.number().int().min(1).max(64).default(1),
  DRAFTER_TEMPERATURE: z.coerce.number().min(0).max(2).default(0.4),
  DRAFTER_SEED: z.coerce.number().int().min(0).default(7),
  DRAFTER_TIMEOUT: duration.default(60_000).refine((ms) => ms >= 1_000, 'must be at least 1s'),
  /** Attempts of a drafting activity after which a model still unavailable gives way to the template draft. */
  DRAFTER_RETRY_BUDGET: z.coerce.number().int().min(1).max(50).default(5),
});

export type AppConfig = Readonly<z.infer<typeof envSchema>>;

/** Reads and validates the environment once; a bad value stops start-up with a message naming it. */
export function loadAppConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) throw new ConfigError(`environment: ${formatZodIssues(result.error)}`);
  return Object.freeze(result.data);
}

/** The gate policy from configuration; its version changes whenever any of its values does. */
export function gatePolicyFromConfig(config: AppConfig): GatePolicy {
  const values = {
    confidenceThreshold: config.GATE_CONFIDENCE_THRESHOLD,
    dealValueThreshold: config.GATE_DEAL_VALUE_THRESHOLD,
    strategicTiers: [...config.GATE_STRATEGIC_TIERS],
    approvalRemindAfterMs: config.APPROVAL_REMIND_AFTER,
    approvalEscalateAfterMs: config.APPROVAL_ESCALATE_AFTER,
    approvalExpireAfterMs: config.APPROVAL_EXPIRE_AFTER,
    replySlaMs: config.REPLY_SLA,
    taskSlaMs: config.TASK_SLA,
    taskExpireAfterMs: config.TASK_EXPIRE_AFTER,
    replyHandOverTimeoutMs: config.REPLY_HAND_OVER_TIMEOUT,
    softBounceRetryAfterMs: config.SOFT_BOUNCE_RETRY_AFTER,
    softBounceMaxRetries: config.SOFT_BOUNCE_MAX_RETRIES,
    outOfOfficeDefaultMs: config.OUT_OF_OFFICE_DEFAULT,
    accountPause: config.ACCOUNT_PAUSE,
  };
  return { version: `config:${fingerprint(JSON.stringify(values))}`, ...values };
}

function fingerprint(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

/** The unsubscribe secrets for signing and verifying one-click links; an error naming UNSUBSCRIBE_SECRET when it is not set. */
export function unsubscribeSecretsFromConfig(config: Pick<AppConfig, 'UNSUBSCRIBE_SECRET' | 'UNSUBSCRIBE_PREVIOUS_SECRETS'>): { current: string; previous: string[] } {
  if (!config.UNSUBSCRIBE_SECRET) {
    throw new ConfigError('UNSUBSCRIBE_SECRET: required: it signs the one-click unsubscribe link on every message (at least 32 characters, e.g. openssl rand -base64 48)');
  }
  return { current: config.UNSUBSCRIBE_SECRET, previous: [...config.UNSUBSCRIBE_PREVIOUS_SECRETS] };
}

/** What sending needs for the one-click unsubscribe link on every message: the public URL of the API and the secrets. */
export function unsubscribeLinkConfig(config: AppConfig): { baseUrl: string; secrets: { current: string; previous: string[] } } {
  if (!config.PUBLIC_BASE_URL) {
    throw new ConfigError('PUBLIC_BASE_URL: required for sending: every message carries a one-click unsubscribe link to the API at this URL (https://…, or http://localhost:PORT)');
  }
  return { baseUrl: config.PUBLIC_BASE_URL, secrets: unsubscribeSecretsFromConfig(config) };
}

/** What the reply webhook applies at the data layer, from configuration. */
export function replyOptionsFromConfig(config: AppConfig): { pauseAccount: boolean; outOfOfficeDefaultMs: number } {
  return { pauseAccount: config.ACCOUNT_PAUSE, outOfOfficeDefaultMs: config.OUT_OF_OFFICE_DEFAULT };
}

/** The CRM suppression sync, when CRM_SYNC_URL is set: where the activity fetches and how often the Schedule runs. */
export function crmSyncFromConfig(config: AppConfig): { url: string; token?: string; everyMs: number } | undefined {
  if (!config.CRM_SYNC_URL) return undefined;
  return { url: config.CRM_SYNC_URL, token: config.CRM_SYNC_TOKEN, everyMs: config.CRM_SYNC_EVERY };
}

export interface CrmSettings {
  hubspot?: { accessToken: string; baseUrl?: string };
  salesforce?: { instanceUrl: string; accessToken: string; apiVersion?: string };
}

/**
 * The CRM adapters to run, from settings. Half a configuration is a start-up error that names what is missing
 * (an unreachable URL or a refused token is not: those are delivery failures, retried and shown on the feed).
 */
export function crmSettingsFromConfig(config: AppConfig): CrmSettings {
  const settings: CrmSettings = {};
  if (config.HUBSPOT_BASE_URL && !config.HUBSPOT_ACCESS_TOKEN) throw new ConfigError('HUBSPOT_ACCESS_TOKEN: required when HUBSPOT_BASE_URL is set (the HubSpot adapter is on when its token is set)');
  if (config.HUBSPOT_ACCESS_TOKEN) settings.hubspot = { accessToken: config.HUBSPOT_ACCESS_TOKEN, ...(config.HUBSPOT_BASE_URL ? { baseUrl: config.HUBSPOT_BASE_URL } : {}) };
  const salesforce = { SALESFORCE_INSTANCE_URL: config.SALESFORCE_INSTANCE_URL, SALESFORCE_ACCESS_TOKEN: config.SALESFORCE_ACCESS_TOKEN };
  const given = Object.entries(salesforce).filter(([, v]) => v);
  if (given.length === 1 || (config.SALESFORCE_API_VERSION && given.length === 0)) {
    const missing = Object.entries(salesforce).filter(([, v]) => !v).map(([k]) => k);
    throw new ConfigError(`${missing.join(', ')}: required for the Salesforce adapter (it needs both SALESFORCE_INSTANCE_URL and SALESFORCE_ACCESS_TOKEN)`);
  }
  if (config.SALESFORCE_INSTANCE_URL && config.SALESFORCE_ACCESS_TOKEN) {
    settings.salesforce = { instanceUrl: config.SALESFORCE_INSTANCE_URL, accessToken: config.SALESFORCE_ACCESS_TOKEN, ...(config.SALESFORCE_API_VERSION ? { apiVersion: config.SALESFORCE_API_VERSION } : {}) };
  }
  return settings;
}

/** Caps, pacing, warmup and health limits a mailbox gets when it is first used. */
export function sendingLimitsFromConfig(config: AppConfig): SendingLimits {
  return {
    mailboxDefaults: {
      dailyCap: config.MAILBOX_DEFAULT_DAILY_CAP,
      hourlyCap: config.MAILBOX_DEFAULT_HOURLY_CAP,
      minGapSeconds: config.MAILBOX_DEFAULT_MIN_GAP_SECONDS,
      jitterSeconds: config.MAILBOX_DEFAULT_JITTER_SECONDS,
      warmup: config.MAILBOX_WARMUP_START_DAILY > 0 ? { startDaily: config.MAILBOX_WARMUP_START_DAILY, dailyIncrease: config.MAILBOX_WARMUP_DAILY_INCREASE } : null,
      bounceRateLimit: config.MAILBOX_BOUNCE_RATE_LIMIT,
      complaintRateLimit: config.MAILBOX_COMPLAINT_RATE_LIMIT,
    },
    recipientDomainDailyCap: config.RECIPIENT_DOMAIN_DAILY_CAP,
  };
}

/** What the learning loop, the boundary report and its scheduled review use. */
export function learningFromConfig(config: AppConfig): LearningSettings {
  return {
    minSample: config.LEARNING_MIN_SAMPLE,
    boundary: {
      minSample: config.BOUNDARY_MIN_SAMPLE,
      unchangedRate: config.BOUNDARY_UNCHANGED_RATE,
      minWouldChangeShare: config.BOUNDARY_MIN_WOULD_CHANGE_SHARE,
      minSends: config.BOUNDARY_MIN_SENDS,
      maxRates: {
        hardBounce: config.BOUNDARY_MAX_HARD_BOUNCE_RATE,
        complaint: config.BOUNDARY_MAX_COMPLAINT_RATE,
        unsubscribe: config.BOUNDARY_MAX_UNSUBSCRIBE_RATE,
        negativeReply: config.BOUNDARY_MAX_NEGATIVE_REPLY_RATE,
      },
      maxRatioToCadence: config.BOUNDARY_MAX_RATIO_TO_CADENCE,
      windowMs: config.BOUNDARY_WINDOW,
      review: reviewMetricsSettingsFromConfig(config),
    },
    reviewEveryMs: config.BOUNDARY_REVIEW_EVERY,
  };
}

/** Approval theater and bottleneck thresholds (db/repositories/review-metrics.ts). */
export function reviewMetricsSettingsFromConfig(config: AppConfig): ReviewMetricsSettings {
  return {
    windowMs: config.REVIEW_METRICS_WINDOW,
    readWordsPerMinute: config.READ_WORDS_PER_MINUTE,
    readMinSeconds: config.READ_MIN_SECONDS,
    minDecisions: config.THEATER_MIN_DECISIONS,
    fastApprovalShare: config.THEATER_FAST_APPROVAL_SHARE,
    unchangedRun: config.THEATER_UNCHANGED_RUN,
    queueP90AgeMs: config.QUEUE_P90_AGE,
    gatedShareHealthy: config.GATED_SHARE_HEALTHY,
    approvalRemindAfterMs: config.APPROVAL_REMIND_AFTER,
    approvalEscalateAfterMs: config.APPROVAL_ESCALATE_AFTER,
  };
}

/** The settings of an empty environment: every default of config/app.ts. */
export const reviewMetricsDefaults: Readonly<ReviewMetricsSettings> = Object.freeze(reviewMetricsSettingsFromConfig(loadAppConfig({})));

/** The learning loop's settings of an empty environment (the activities' default when the worker passes none). */
export const learningDefaults: Readonly<LearningSettings> = Object.freeze(learningFromConfig(loadAppConfig({})));
