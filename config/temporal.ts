import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { ConfigError, formatZodIssues } from './errors';

const searchAttributeType = z.enum(['Keyword', 'Text', 'Int', 'Double', 'Bool', 'Datetime', 'KeywordList']);

const hostPort = z
  .string()
  .regex(/^[^\s:]+:\d{1,5}$/, 'must be host:port, e.g. 127.0.0.1:7233');

export const temporalConfigSchema = z
  .object({
    address: hostPort,
    namespace: z.string().min(1),
    taskQueue: z.string().min(1),
    /** Drafting (enrichment, a model writing, scoring) runs here, on its own worker. */
    draftingTaskQueue: z.string().min(1).default('drafting'),
    /** The signed webhook feeds (workflows and deliveries) run here, on their own worker: a slow subscriber never takes a cadence's slots. */
    webhooksTaskQueue: z.string().min(1).default('webhooks'),
    tls: z.boolean().default(false),
    apiKey: z.string().min(1).optional(),
    clientCertPath: z.string().min(1).optional(),
    clientKeyPath: z.string().min(1).optional(),
    worker: z
      .object({
        maxCachedWorkflows: z.number().int().positive().default(500),
        maxConcurrentActivityTaskExecutions: z.number().int().positive().default(50),
        /** Drafting activities at once on one worker; with the local model, generations still run one at a time. */
        maxConcurrentDrafts: z.number().int().positive().default(4),
        /** Webhook deliveries in flight at once on one worker (each waits at most 15 s for its receiver). */
        maxConcurrentWebhookDeliveries: z.number().int().positive().default(20),
      })
      .strict()
      .default({ maxCachedWorkflows: 500, maxConcurrentActivityTaskExecutions: 50, maxConcurrentDrafts: 4, maxConcurrentWebhookDeliveries: 20 }),
    searchAttributes: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/), searchAttributeType),
    devServer: z
      .object({
        ip: z.string().min(1),
        port: z.number().int().min(1).max(65535),
        uiPort: z.number().int().min(1).max(65535),
        dbFilename: z.string().min(1),
        logLevel: z.enum(['debug', 'info', 'warn', 'error']).default('warn'),
      })
      .strict(),
  })
  .strict()
  .refine((c) => !c.clientCertPath === !c.clientKeyPath, {
    message: 'clientCertPath and clientKeyPath must be set together',
    path: ['clientCertPath'],
  });

export type TemporalConfig = Readonly<z.infer<typeof temporalConfigSchema>>;

const ENV_OVERRIDES: Array<[string, (raw: Record<string, any>, value: string) => void]> = [
  ['TEMPORAL_ADDRESS', (c, v) => (c.address = v)],
  ['TEMPORAL_NAMESPACE', (c, v) => (c.namespace = v)],
  ['TEMPORAL_TASK_QUEUE', (c, v) => (c.taskQueue = v)],
  ['TEMPORAL_DRAFTING_TASK_QUEUE', (c, v) => (c.draftingTaskQueue = v)],
  ['TEMPORAL_WEBHOOKS_TASK_QUEUE', (c, v) => (c.webhooksTaskQueue = v)],
  ['TEMPORAL_TLS', (c, v) => (c.tls = parseBool('TEMPORAL_TLS', v))],
  ['TEMPORAL_API_KEY', (c, v) => (c.apiKey = v)],
  ['TEMPORAL_TLS_CERT', (c, v) => (c.clientCertPath = v)],
  ['TEMPORAL_TLS_KEY', (c, v) => (c.clientKeyPath = v)],
  ['TEMPORAL_MAX_CACHED_WORKFLOWS', (c, v) => ((c.worker ??= {}).maxCachedWorkflows = parseNumber('TEMPORAL_MAX_CACHED_WORKFLOWS', v))],
  ['TEMPORAL_DEV_PORT', (c, v) => ((c.devServer ??= {}).port = parseNumber('TEMPORAL_DEV_PORT', v))],
  ['TEMPORAL_DEV_UI_PORT', (c, v) => ((c.devServer ??= {}).uiPort = parseNumber('TEMPORAL_DEV_UI_PORT', v))],
];

function parseBool(name: string, value: string): boolean {
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  throw new ConfigError(`${name}: expected true or false, got "${value}"`);
}

function parseNumber(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n)) throw new ConfigError(`${name}: expected a number, got "${value}"`);
  return n;
}

export const defaultTemporalConfigPath = path.resolve(__dirname, '..', 'temporal.yaml');

/** Reads temporal.yaml, applies environment overrides and validates; throws ConfigError naming the bad value. */
export function loadTemporalConfig(
  file: string = process.env.TEMPORAL_CONFIG ?? defaultTemporalConfigPath,
  env: NodeJS.ProcessEnv = process.env,
): TemporalConfig {
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ConfigError(`${file}: cannot be read as YAML: ${(err as Error).message}`);
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ConfigError(`${file}: expected a mapping at the top level`);
  }
  const merged = structuredClone(raw) as Record<string, any>;
  for (const [name, apply] of ENV_OVERRIDES) {
    const value = env[name];
    if (value !== undefined && value !== '') apply(merged, value);
  }
  const result = temporalConfigSchema.safeParse(merged);
  if (!result.success) throw new ConfigError(`${file}: ${formatZodIssues(result.error)}`);
  return Object.freeze(result.data);
}
