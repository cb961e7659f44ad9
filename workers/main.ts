// Production worker entry point: `npm run worker`.
import { NativeConnection } from '@temporalio/worker';
import { crmSyncFromConfig, learningFromConfig, loadAppConfig } from '../config/app';
import { ConfigError } from '../config/errors';
import { connectionOptions } from '../config/temporal-client';
import { loadTemporalConfig } from '../config/temporal';
import { createDb, migrateToLatest } from '../db/connect';
import { createCadenceWorker, createDraftingWorker, createWebhookWorker } from './cadence-worker';
import { buildActivityDeps } from './deps';
import { checkSendingDomains, describeSenderDomainStatus } from '../activities/sender-domains';
import { ensureSearchAttributes } from './search-attributes';
import { Client, Connection } from '@temporalio/client';
import { ensureBoundaryReviewSchedule, ensureCrmSyncSchedule } from './schedules';
import { startFeedsAtStartup } from '../activities/crm-feed/start-feed';

async function main(): Promise<void> {
  const temporal = loadTemporalConfig();
  const config = loadAppConfig();
  if (!config.DATABASE_URL) throw new ConfigError('DATABASE_URL: required for a standalone worker (the embedded database is for `npm start` only)');
  const db = await createDb({ databaseUrl: config.DATABASE_URL });
  await migrateToLatest(db);
  const client = await Connection.connect(connectionOptions(temporal));
  const added = await ensureSearchAttributes(client, temporal);
  if (added.length) console.log(`registered search attributes: ${added.join(', ')}`);
  const crmSync = crmSyncFromConfig(config);
  if (crmSync) {
    const outcome = await ensureCrmSyncSchedule(new Client({ connection: client, namespace: temporal.namespace }), {
      taskQueue: temporal.taskQueue,
      url: crmSync.url,
      everyMs: crmSync.everyMs,
    });
    console.log(`CRM suppression sync schedule ${outcome}: every ${crmSync.everyMs / 60_000} min from ${crmSync.url}`);
  }
  const reviewEveryMs = learningFromConfig(config).reviewEveryMs;
  const review = await ensureBoundaryReviewSchedule(new Client({ connection: client, namespace: temporal.namespace }), { taskQueue: temporal.taskQueue, everyMs: reviewEveryMs });
  console.log(`boundary review schedule ${review}: every ${reviewEveryMs / 3_600_000} h`);
  // Built before anything connects to a CRM: half a CRM configuration stops start-up here, naming what is missing.
  const deps = { ...buildActivityDeps(config, db), ...(crmSync ? { crmSync: { url: crmSync.url, token: crmSync.token } } : {}) };
  await startFeedsAtStartup(db, new Client({ connection: client, namespace: temporal.namespace }), { taskQueue: temporal.webhooksTaskQueue, adapters: deps.crm ?? {}, log: (line) => console.log(line) });
  await client.close();
  // Before the first send, say which sending domains only send what a rep approves (the check repeats before automatic sends).
  for (const status of await checkSendingDomains(db, deps.senderAuth, config.DKIM_DOMAIN ? [config.DKIM_DOMAIN] : [], new Date())) {
    console.log(describeSenderDomainStatus(status));
  }
  const connection = await NativeConnection.connect(connectionOptions(temporal));
  const workflowBundle = config.WORKFLOW_BUNDLE_PATH ? { codePath: config.WORKFLOW_BUNDLE_PATH } : undefined;
  const worker = await createCadenceWorker({ temporal, deps, connection, workflowBundle });
  const draftingWorker = await createDraftingWorker({ temporal, deps, connection });
  const webhookWorker = await createWebhookWorker({ temporal, deps, connection, workflowBundle });
  console.log(
    `worker polling ${temporal.address} namespace ${temporal.namespace} task queues ${temporal.taskQueue}, ${temporal.draftingTaskQueue} (drafting: ${deps.drafter.name}) and ${temporal.webhooksTaskQueue} (webhook feeds)`,
  );
  await Promise.all([worker.run(), draftingWorker.run(), webhookWorker.run()]);
  deps.close();
  await connection.close();
  await db.destroy();
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? `configuration error: ${err.message}` : err);
  process.exit(1);
});
