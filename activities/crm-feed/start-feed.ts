// Starting a subscription's feed workflow: from the API when the subscription is made, and from the worker at
// start-up for every active subscription (a feed whose start was lost, e.g. Temporal unreachable right after
// the insert, is started then). Idempotent: a running feed is left as it is.
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
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
