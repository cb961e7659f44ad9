// Starting a subscription's feed workflow: from the API when the subscription is made, and from the worker at
// start-up for every active subscription (a feed whose start was lost, e.g. Temporal unreachable right after
// the insert, is started then). Idempotent: a running feed is left as it is. The CRM adapters' feeds are made
// from the worker's settings.
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { Db } from '../../db/connect';
import { ensureCrmSubscription } from '../../db/repositories/webhooks';
import type { CrmSystem } from '../../db/types';
import type { CrmAdapters } from './crm-adapter';
import { WEBHOOK_FEED_WORKFLOW_TYPE, webhookFeedWorkflowId, type WebhookFeedInput, type WebhookFeedSettings } from '../../workflows/definitions';

export async function startWebhookFeed(client: Client, options: { taskQueue: string; subscriptionId: string; settings?: WebhookFeedSettings }): Promise<'started' | 'running'> {
  const input: WebhookFeedInput = { subscriptionId: options.subscriptionId, afterSeq: '0', ...options.settings };
  try {
    await client.workflow.start(WEBHOOK_FEED_WORKFLOW_TYPE, {
      workflowId: webhookFeedWorkflowId(options.subscriptionId),
      taskQueue: options.taskQueue,
      args: [input],
      memo: { description: `Signed webhook feed of subscription ${options.subscriptionId}` },
    });
    return 'started';
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) return 'running';
    throw err;
  }
}

/** Makes each configured CRM's subscription (kept if it exists) and starts its feed; returns what it did per CRM. */
export async function ensureCrmFeeds(db: Db, client: Client, options: { taskQueue: string; adapters: CrmAdapters; settings?: WebhookFeedSettings }) {
  const outcomes: Array<{ system: CrmSystem; subscriptionId: string; status: string; feed: 'started' | 'running' | 'paused' }> = [];
  for (const adapter of Object.values(options.adapters)) {
    const sub = await ensureCrmSubscription(db, { system: adapter.system, url: adapter.baseUrl });
    const feed = sub.status === 'paused' ? 'paused' : await startWebhookFeed(client, { taskQueue: options.taskQueue, subscriptionId: sub.id, ...(options.settings ? { settings: options.settings } : {}) });
    outcomes.push({ system: adapter.system, subscriptionId: sub.id, status: sub.status, feed });
  }
  return outcomes;
}

/**
 * At a worker's start-up: the configured CRMs' subscriptions made, and every active subscription's feed started
 * (a feed whose start was lost is started now). Says what it did through `log`.
 */
export async function startFeedsAtStartup(db: Db, client: Client, options: { taskQueue: string; adapters: CrmAdapters; log: (line: string) => void }): Promise<void> {
  for (const crm of await ensureCrmFeeds(db, client, { taskQueue: options.taskQueue, adapters: options.adapters })) {
    options.log(`CRM logging to ${crm.system}: subscription ${crm.subscriptionId} ${crm.status}, feed ${crm.feed}`);
  }
  const feeds = await db.selectFrom('webhook_subscriptions').select(['id', 'kind']).where('status', '=', 'active').execute();
  for (const { id, kind } of feeds) {
    if (kind !== 'webhook' && !options.adapters[kind]) options.log(`webhook feeds: ${id} logs to ${kind}, which this worker has no settings for: its deliveries fail until it has`);
    await startWebhookFeed(client, { taskQueue: options.taskQueue, subscriptionId: id });
  }
  if (feeds.length) options.log(`webhook feeds: ${feeds.length} active subscriptions, each feed running`);
}
