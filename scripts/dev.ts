// The local stack (`npm start` runs scripts/start.sh, which runs this file): one Node process with the
// embedded database, the capture SMTP server and outbox page, the worker and the API, plus the Temporal
// dev server (and its UI) as a child process. Everything persists under .data/. It seeds a demo team and
// cadence, enrolls one demo prospect over the API and prints how to approve the first draft.
//
// Ctrl-C or SIGTERM stops everything in order (API, worker, SMTP, database, Temporal); a second Ctrl-C
// forces the exit.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, type LogLevel, type Worker } from '@temporalio/worker';
import { createApp } from '../api/app';
import { createToken } from '../api/auth';
import { RateLimits, rateLimitSettingsFromConfig } from '../api/rate-limit';
import { UnsubscribeKeyring } from '../activities/unsubscribe-token';
import { crmSyncFromConfig, gatePolicyFromConfig, learningFromConfig, loadAppConfig, replyOptionsFromConfig, reviewMetricsSettingsFromConfig, unsubscribeSecretsFromConfig, type AppConfig } from '../config/app';
import { ConfigError } from '../config/errors';
import { connectionOptions } from '../config/temporal-client';
import { loadTemporalConfig, type TemporalConfig } from '../config/temporal';
import { createDb, migrateToLatest, type Db } from '../db/connect';
import { normalizeEmail } from '../db/repositories/prospects';
import { createCadenceWorker, createDraftingWorker, createWebhookWorker } from '../workers/cadence-worker';
import { buildActivityDeps } from '../workers/deps';
import { startFeedsAtStartup } from '../activities/crm-feed/start-feed';
import { ensureSearchAttributes } from '../workers/search-attributes';
import { ensureBoundaryReviewSchedule, ensureCrmSyncSchedule } from '../workers/schedules';
import { cadenceWorkflowId, stateQuery } from '../workflows/definitions';
import { CaptureSmtpServer } from './capture-smtp';
import { DEMO_DOMAIN, demoProspect, demoUsers, localStackPidPath, runningLocalStackPid, seedDemo, type DemoIds } from './demo-seed';
import { startDevServer, type DevServer } from './dev-server';

const log = (message: string) => console.error(`[dev] ${message}`);

/** Thrown by startup steps once a stop was requested, so the half-started stack is torn down. */
class Stopping extends Error {}

/** A failure whose message says everything (no stack trace). */
class StartupError extends Error {}

// --- shutdown bookkeeping -----------------------------------------------------------------------

interface CleanupStep {
  name: string;
  run: () => Promise<void>;
}

/** Registered in start-up order, run in reverse: API, worker, SMTP, database, Temporal. */
const cleanup: CleanupStep[] = [];
let stopping = false;
let stopped: Promise<void> | undefined;
let signals = 0;
let devServer: DevServer | undefined;
let pidFile: string | undefined;

function onStop(name: string, run: () => Promise<void>): void {
  cleanup.push({ name, run });
}

function checkNotStopping(): void {
  if (stopping) throw new Stopping();
}

async function runCleanup(): Promise<void> {
  while (cleanup.length) {
    const step = cleanup.pop()!;
    const started = Date.now();
    try {
      await step.run();
      log(`stopped ${step.name} (${Date.now() - started} ms)`);
    } catch (err) {
      log(`stopping ${step.name} failed: ${(err as Error).message ?? err}`);
    }
  }
}

/** The start-up sequence; a stop waits for its current step, after which it throws Stopping. */
let startup: Promise<void> = Promise.resolve();

function stop(code: number): Promise<void> {
  stopping = true;
  if (!stopped) process.exitCode = code;
  stopped ??= (async () => {
    // A stop that nobody can repeat (SIGTERM from a supervisor) still ends: force after a while.
    setTimeout(() => {
      log('still stopping after 60 s');
      forceExit();
    }, 60_000).unref();
    await startup.catch(() => undefined);
    await runCleanup();
    removePidFile();
    process.exit(code);
  })();
  return stopped;
}

function forceExit(): never {
  log('forced exit');
  if (devServer && devServer.process.exitCode === null) devServer.process.kill('SIGKILL');
  removePidFile();
  process.exit(130);
}

function installSignalHandlers(onFirst: () => void): void {
  let firstAt = 0;
  const handler = (signal: NodeJS.Signals) => {
    // One Ctrl-C can arrive more than once: from the terminal to the whole process group and again
    // relayed by npm and by tsx's parent process. Only a signal a moment later is a second Ctrl-C.
    if (signals > 0 && Date.now() - firstAt < 1000) return;
    signals += 1;
    if (signals > 1) forceExit();
    firstAt = Date.now();
    log(`${signal}: stopping (press Ctrl-C again to force)`);
    onFirst();
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  // Whatever happens, never leave the Temporal dev server behind.
  process.on('exit', () => {
    if (devServer && devServer.process.exitCode === null && devServer.process.signalCode === null) {
      devServer.process.kill('SIGKILL');
    }
  });
}

function removePidFile(): void {
  if (!pidFile) return;
  try {
    if (readFileSync(pidFile, 'utf8').trim() === String(process.pid)) rmSync(pidFile, { force: true });
  } catch {
    // already gone
  }
  pidFile = undefined;
}

// --- helpers --------------------------------------------------------------------------------------

async function assertPortFree(host: string, port: number, what: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', (err: NodeJS.ErrnoException) => {
      reject(
        new StartupError(
          err.code === 'EADDRINUSE'
            ? `port ${port} on ${host} (${what}) is already in use: is another \`npm start\` running? Stop it, or change the port`
            : `cannot listen on ${host}:${port} (${what}): ${err.message}`,
        ),
      );
    });
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve()));
  });
}

function parsePort(name: string, raw: string): number {
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new ConfigError(`${name}: expected a port number, got "${raw}"`);
  return port;
}

/** Where the capture SMTP server listens: the host and port of SMTP_URL, when it points at this machine. */
function captureSmtpAddress(config: AppConfig): { host: string; port: number } | null {
  const url = new URL(config.SMTP_URL);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (url.protocol !== 'smtp:' || !['127.0.0.1', 'localhost', '::1'].includes(host)) return null;
  return { host, port: url.port ? parsePort('SMTP_URL', url.port) : 25 };
}

/** A host to call and show for a server bound to `host` (a wildcard address is reached on loopback). */
function reachableHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

async function listen(server: Server, port: number, host: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Unsubscribe links point at this API unless PUBLIC_BASE_URL says otherwise, signed with UNSUBSCRIBE_SECRET
 * or else a secret generated once and kept in the data directory, so links in mail already sent keep
 * working across restarts.
 */
function withLocalUnsubscribe(config: AppConfig, apiUrl: string): AppConfig {
  let secret = config.UNSUBSCRIBE_SECRET;
  if (!secret) {
    const file = path.join(config.DATA_DIR, 'unsubscribe-secret');
    try {
      secret = readFileSync(file, 'utf8').trim();
    } catch {
      secret = randomBytes(32).toString('base64url');
      writeFileSync(file, `${secret}\n`, { mode: 0o600 });
    }
    if (secret.length < 32) throw new StartupError(`${file} holds no usable unsubscribe secret (under 32 characters); delete it to have a new one generated`);
  }
  return Object.freeze({ ...config, PUBLIC_BASE_URL: config.PUBLIC_BASE_URL ?? apiUrl, UNSUBSCRIBE_SECRET: secret });
}

// --- the demo enrollment --------------------------------------------------------------------------

interface PendingApproval {
  id: string;
  draftVersion: number;
  step: number;
  subject: string;
  prospectEmail: string;
  workflowId: string;
}

async function firstPendingApproval(db: Db, ownerId: string): Promise<PendingApproval | null> {
  const row = await db
    .selectFrom('approval_requests as r')
    .innerJoin('prospects as p', 'p.id', 'r.prospect_id')
    .select(['r.id', 'r.draft_version', 'r.step', 'r.context', 'r.workflow_id', 'p.email'])
    .where('r.owner_id', '=', ownerId)
    .where('r.status', '=', 'pending')
    .orderBy('r.created_at')
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  const subject = (row.context as { draft?: { subject?: string } }).draft?.subject ?? '';
  return { id: row.id, draftVersion: row.draft_version, step: row.step, subject, prospectEmail: row.email, workflowId: row.workflow_id };
}

/** The cadence's own account of itself (its state query), or the enrollments row when it does not answer. */
async function describeCadence(client: Client, workflowId: string, row: { status: string; current_step: number }): Promise<string> {
  try {
    const state = await Promise.race([
      client.workflow.getHandle(workflowId).query(stateQuery),
      sleep(5000).then(() => Promise.reject(new Error('timeout'))),
    ]);
    const next = state.nextTouchAt ? `, next touch ${state.nextTouchAt.replace('T', ' ').replace(/:\d\d\.\d+Z$/, ' UTC')}` : '';
    return `${state.status} at step ${state.currentStep} of ${state.totalSteps}${next}`;
  } catch {
    return `${row.status}, step ${row.current_step}`;
  }
}

/**
 * Enrolls the demo prospect through the API, as an integration or a rep would, unless it already has a
 * pending approval or a running cadence. Returns what happened, in words, and whether to wait for a draft.
 */
async function enrollDemoProspect(db: Db, client: Client, ids: DemoIds, apiUrl: string, token: string): Promise<{ note: string; enrolled: boolean }> {
  const email = normalizeEmail(demoProspect.prospect.email);
  const prospect = await db.selectFrom('prospects').select('id').where('email', '=', email).executeTakeFirst();
  if (prospect) {
    const pending = await db
      .selectFrom('approval_requests as r')
      .select('r.id')
      .where('r.prospect_id', '=', prospect.id)
      .where('r.status', '=', 'pending')
      .executeTakeFirst();
    if (pending) return { note: `${email} already has a pending approval (${pending.id}); not enrolling again`, enrolled: false };
    const running = await db
      .selectFrom('enrollments')
      .select(['id', 'status', 'current_step'])
      .where('prospect_id', '=', prospect.id)
      .where('ended_at', 'is', null)
      .executeTakeFirst();
    if (running) {
      const workflowId = cadenceWorkflowId(prospect.id);
      return { note: `${email} is already in a running cadence (${workflowId}, ${await describeCadence(client, workflowId, running)}); not enrolling again`, enrolled: false };
    }
  }

  const res = await fetch(`${apiUrl}/v1/enrollments`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ cadenceId: ids.cadenceId, ...demoProspect }),
  });
  const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (res.status === 201) {
    return { note: `enrolled ${email} in ${ids.cadenceId} over the API (workflow ${body.workflowId})`, enrolled: true };
  }
  if (res.status === 409 && body.error === 'already-enrolled') {
    return { note: `${email} is already enrolled (${body.workflowId}): the API answered 409 already-enrolled, which is fine`, enrolled: false };
  }
  throw new StartupError(`enrolling the demo prospect failed: HTTP ${res.status} ${JSON.stringify(body)}`);
}

async function waitForApproval(db: Db, ownerId: string, timeoutMs: number): Promise<PendingApproval | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    checkNotStopping();
    const found = await firstPendingApproval(db, ownerId);
    if (found || Date.now() >= deadline) return found;
    await sleep(500);
  }
}

function banner(options: {
  temporal: TemporalConfig;
  uiUrl: string | null;
  apiUrl: string;
  outboxUrl: string | null;
  smtpUrl: string;
  dbDescription: string;
  repId: string;
  token: string;
  approval: PendingApproval | null;
  enrollNote: string;
}): string {
  const { apiUrl, approval } = options;
  const rule = '='.repeat(100);
  const lines = [
    '',
    rule,
    '  Cadence engine: the local stack is up',
    '',
    `  Temporal UI  ${options.uiUrl ? `${options.uiUrl}/namespaces/${options.temporal.namespace}/workflows` : '(headless)'}`,
    `  API          ${apiUrl}   (OpenAPI document: ${apiUrl}/v1/openapi.json)`,
    `  Rep page     ${apiUrl}/app   (log in with the rep token below)`,
    options.outboxUrl
      ? `  Outbox       ${options.outboxUrl}   (JSON: ${options.outboxUrl}/messages)`
      : `  Outbox       none: mail goes to ${options.smtpUrl}`,
    `  Database     ${options.dbDescription}`,
    '',
    `  Demo: ${options.enrollNote}.`,
    '',
    `  Rep token for ${demoUsers.rep.name} (${options.repId}), created for this run:`,
    `    export TOKEN=${options.token}`,
    '',
  ];
  if (approval) {
    lines.push(
      `  First draft waiting for approval: step ${approval.step} to ${approval.prospectEmail}, "${approval.subject}" (draft v${approval.draftVersion}).`,
      options.uiUrl ? `  Its workflow: ${options.uiUrl}/namespaces/${options.temporal.namespace}/workflows/${approval.workflowId}` : '',
      '  Approve it (the email then shows in the outbox):',
      `    curl -X POST -H "Authorization: Bearer $TOKEN" -H 'content-type: application/json' -d '{"action":"approve","draftVersion":${approval.draftVersion}}' ${apiUrl}/v1/approvals/${approval.id}/decision`,
    );
  } else {
    lines.push(`  ${demoUsers.rep.name}'s approval queue is empty right now.`);
  }
  lines.push(
    '  List the approval queue:',
    `    curl -H "Authorization: Bearer $TOKEN" ${apiUrl}/v1/approvals`,
    '',
    '  Ctrl-C stops everything; state persists in .data/.',
    rule,
    '',
  );
  return lines.filter((l, i, all) => !(l === '' && all[i - 1] === '' && i > 0)).join('\n');
}

// --- main -----------------------------------------------------------------------------------------

async function main(): Promise<void> {
  let temporal: TemporalConfig;
  let config: AppConfig;
  let outboxPort: number;
  try {
    temporal = loadTemporalConfig();
    config = loadAppConfig();
    outboxPort = parsePort('OUTBOX_PORT', process.env.OUTBOX_PORT || '8025');
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`configuration error: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }

  installSignalHandlers(() => void stop(0));

  // Worker logs at WARN unless asked otherwise; the banner and [dev] lines say what matters.
  const logLevel = (process.env.TEMPORAL_WORKER_LOG_LEVEL?.toUpperCase() || 'WARN') as LogLevel;
  Runtime.install({ logger: new DefaultLogger(logLevel) });

  // One local stack per data directory: the embedded database is single-process.
  const other = runningLocalStackPid(config.DATA_DIR);
  if (other !== null) throw new StartupError(`another local stack (pid ${other}) is using ${path.resolve(config.DATA_DIR)}; stop it first`);

  const smtp = captureSmtpAddress(config);
  const apiHost = reachableHost(config.API_HOST);
  const ports: Array<[string, number, string]> = [
    [temporal.devServer.ip, temporal.devServer.port, 'Temporal dev server, TEMPORAL_DEV_PORT'],
    [temporal.devServer.ip, temporal.devServer.uiPort, 'Temporal UI, TEMPORAL_DEV_UI_PORT'],
    [config.API_HOST, config.API_PORT, 'API, API_PORT'],
    ['127.0.0.1', outboxPort, 'outbox page, OUTBOX_PORT'],
  ];
  if (smtp) ports.push([smtp.host, smtp.port, 'capture SMTP server, SMTP_URL']);
  for (const [host, port, what] of ports) await assertPortFree(host, port, what);

  mkdirSync(config.DATA_DIR, { recursive: true });
  pidFile = localStackPidPath(config.DATA_DIR);
  writeFileSync(pidFile, `${process.pid}\n`);
  config = withLocalUnsubscribe(config, `http://${apiHost}:${config.API_PORT}`);

  // 1. Temporal dev server, with its UI; its state persists in devServer.dbFilename.
  const dbFilename = path.resolve(temporal.devServer.dbFilename);
  mkdirSync(path.dirname(dbFilename), { recursive: true });
  log(`starting the Temporal dev server on ${temporal.devServer.ip}:${temporal.devServer.port} (state in ${path.relative(process.cwd(), dbFilename)})`);
  devServer = await startDevServer({
    config: temporal,
    port: temporal.devServer.port,
    uiPort: temporal.devServer.uiPort,
    dbFilename,
  });
  const server = devServer;
  onStop('Temporal dev server', async () => {
    // stop() would wait forever for a child that was already killed by a signal (exitCode stays null).
    if (server.process.exitCode !== null || server.process.signalCode !== null) return;
    await server.stop();
  });
  server.process.once('exit', (code, signal) => {
    if (stopping) return;
    log(`the Temporal dev server exited unexpectedly (${signal ?? `code ${code}`}); stopping`);
    void stop(1);
  });
  checkNotStopping();
  // Everything below talks to the server just started, whatever temporal.yaml's address says.
  const temporalHere: TemporalConfig = { ...temporal, address: server.address };

  // 2. Search attributes (the dev server was started with them; this also checks temporal.yaml).
  const connection = await Connection.connect(connectionOptions(temporalHere));
  onStop('Temporal client connection', () => connection.close());
  const added = await ensureSearchAttributes(connection, temporalHere);
  if (added.length) log(`registered search attributes: ${added.join(', ')}`);
  const client = new Client({ connection, namespace: temporal.namespace });
  checkNotStopping();

  // 3. Database (embedded PGlite unless DATABASE_URL is set), migrated, with the demo seeded.
  const dbDescription = config.DATABASE_URL
    ? `PostgreSQL ${new URL(config.DATABASE_URL).host}${new URL(config.DATABASE_URL).pathname}`
    : `embedded PGlite under ${path.join(config.DATA_DIR, 'pglite')}`;
  log(`opening the database: ${dbDescription}`);
  const db = await createDb({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  onStop('database', () => db.destroy());
  const migrated = await migrateToLatest(db);
  const applied = (migrated.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  if (applied.length) log(`applied migrations: ${applied.join(', ')}`);
  // Seeded before the worker and the API start, so nothing else uses the database meanwhile.
  const ids = await seedDemo(db, config.DRAFTER !== 'template');
  checkNotStopping();

  // 4. Capture SMTP server and its outbox page.
  let outboxUrl: string | null = null;
  if (smtp) {
    const capture = new CaptureSmtpServer();
    await capture.listen(smtp.port, smtp.host);
    onStop('capture SMTP server and outbox', () => capture.close());
    await capture.serveOutbox(outboxPort, '127.0.0.1');
    outboxUrl = `http://127.0.0.1:${outboxPort}`;
    log(`capture SMTP server on ${smtp.host}:${smtp.port}, outbox at ${outboxUrl}`);
  } else {
    log(`SMTP_URL points at ${new URL(config.SMTP_URL).host}: no capture server, mail goes there`);
  }
  checkNotStopping();

  // 5. The worker, in the background.
  const crmSync = crmSyncFromConfig(config);
  let workerConfig = config;
  if (smtp && !config.SENDER_AUTH_OVERRIDE.includes(DEMO_DOMAIN)) {
    // The demo domain publishes no DNS; mail only reaches the capture server, so it may send automatically.
    workerConfig = { ...config, SENDER_AUTH_OVERRIDE: [...config.SENDER_AUTH_OVERRIDE, DEMO_DOMAIN] };
    log(`sender authentication: ${DEMO_DOMAIN} has no SPF/DKIM/DMARC; allowed for the capture server only (SENDER_AUTH_OVERRIDE)`);
  }
  const deps = { ...buildActivityDeps(workerConfig, db), ...(crmSync ? { crmSync: { url: crmSync.url, token: crmSync.token } } : {}) };
  if (crmSync) {
    const outcome = await ensureCrmSyncSchedule(client, { taskQueue: temporalHere.taskQueue, url: crmSync.url, everyMs: crmSync.everyMs });
    log(`CRM suppression sync schedule ${outcome}: every ${crmSync.everyMs / 60_000} min from ${crmSync.url}`);
  }
  await startFeedsAtStartup(db, client, { taskQueue: temporalHere.webhooksTaskQueue, adapters: deps.crm ?? {}, log });
  const learning = learningFromConfig(config);
  const review = await ensureBoundaryReviewSchedule(client, { taskQueue: temporalHere.taskQueue, everyMs: learning.reviewEveryMs });
  log(`boundary review schedule ${review}: every ${learning.reviewEveryMs / 3_600_000} h`);
  const nativeConnection = await NativeConnection.connect(connectionOptions(temporalHere));
  onStop('worker connection', async () => {
    deps.close();
    await nativeConnection.close();
  });
  log('bundling the workflows and starting the worker');
  const worker: Worker = await createCadenceWorker({ temporal: temporalHere, deps, connection: nativeConnection });
  const draftingWorker: Worker = await createDraftingWorker({ temporal: temporalHere, deps, connection: nativeConnection });
  const webhookWorker: Worker = await createWebhookWorker({ temporal: temporalHere, deps, connection: nativeConnection });
  log(`drafting with ${deps.drafter.name} on task queue ${temporalHere.draftingTaskQueue}; webhook feeds on ${temporalHere.webhooksTaskQueue}`);
  const running = Promise.all([worker.run(), draftingWorker.run(), webhookWorker.run()]);
  running.catch((err) => {
    if (stopping) return;
    log(`the worker failed: ${(err as Error).stack ?? err}`);
    void stop(1);
  });
  onStop('worker', async () => {
    if (worker.getState() === 'RUNNING') worker.shutdown();
    if (draftingWorker.getState() === 'RUNNING') draftingWorker.shutdown();
    if (webhookWorker.getState() === 'RUNNING') webhookWorker.shutdown();
    await running.catch(() => undefined);
  });
  checkNotStopping();

  // 6. The API.
  const rateLimits = new RateLimits({ settings: rateLimitSettingsFromConfig(config), databaseUrl: config.DATABASE_URL, log: (m, e) => console.error(`[api] ${m}`, e ?? '') });
  onStop('rate limits', () => rateLimits.close());
  log(rateLimits.describe());
  const app = createApp({
    db,
    temporal: client,
    taskQueue: temporal.taskQueue,
    draftingTaskQueue: temporal.draftingTaskQueue,
    webhooksTaskQueue: temporal.webhooksTaskQueue,
    log: (message, err) => console.error(`[api] ${message}`, err ?? ''),
    replyOptions: replyOptionsFromConfig(config),
    unsubscribe: new UnsubscribeKeyring(unsubscribeSecretsFromConfig(config)),
    reviewMetrics: reviewMetricsSettingsFromConfig(config),
    boundary: { basePolicy: gatePolicyFromConfig(config), thresholds: learning.boundary },
    rateLimits,
  });
  const apiServer = createServer(app);
  await listen(apiServer, config.API_PORT, config.API_HOST);
  onStop('API', async () => {
    await new Promise<void>((resolve) => {
      apiServer.close(() => resolve());
      apiServer.closeAllConnections();
    });
  });
  const apiUrl = `http://${apiHost}:${config.API_PORT}`;
  log(`API listening on ${apiUrl}`);
  checkNotStopping();

  // 7. The demo: a fresh token for Dana, one prospect enrolled over the API, its first draft.
  const token = await createToken(db, ids.repId, 'demo');
  const { note, enrolled } = await enrollDemoProspect(db, client, ids, apiUrl, token);
  log(note);
  let approval = await firstPendingApproval(db, ids.repId);
  if (!approval && enrolled) {
    log('waiting for the first draft to reach the approval queue');
    approval = await waitForApproval(db, ids.repId, 60_000);
    if (!approval) log('no pending approval after 60 s; see the worker output above and the Temporal UI');
  }
  checkNotStopping();

  console.log(
    banner({
      temporal,
      uiUrl: server.uiUrl,
      apiUrl,
      outboxUrl,
      smtpUrl: config.SMTP_URL,
      dbDescription,
      repId: ids.repId,
      token,
      approval,
      enrollNote: note,
    }),
  );
}

startup = main();
startup.catch(async (err) => {
  if (err instanceof Stopping) return; // a signal arrived during start-up; stop() tears down
  if (err instanceof ConfigError) console.error(`configuration error: ${err.message}`);
  else if (err instanceof StartupError) console.error(`[dev] ${err.message}`);
  else console.error('[dev] start-up failed:', err);
  await stop(1);
});
