// The webhook feed's activities: the outbox step (audit events → frozen deliveries) and one signed delivery.
import { ApplicationFailure, Context } from '@temporalio/activity';
import { Webhook } from 'standardwebhooks';
import { getDelivery, loadFeedBatch, recordDelivered, recordFailedAttempt, type FeedBatch } from '../../db/repositories/webhooks';
import { WEBHOOK_SUBSCRIPTION_STOPPED, type DeliverWebhookInput } from '../../workflows/definitions';
import type { ActivityDeps } from '../deps';

const DELIVERY_TIMEOUT_MS = 15_000;
const BATCH = 100;

export function webhookFeedActivities({ db, clock }: ActivityDeps) {
  return {
    async loadWebhookBatch(input: { subscriptionId: string; afterSeq: string }): Promise<FeedBatch> {
      return loadFeedBatch(db, { ...input, limit: BATCH });
    },

    /**
     * POSTs one event, signed (Standard Webhooks: webhook-id is the event id, the same on every retry;
     * webhook-timestamp is this attempt's). A 2xx answer delivers it; anything else is a failed attempt,
     * recorded, and retried by Temporal with backoff until the subscription is paused.
     */
    async deliverWebhook(input: DeliverWebhookInput): Promise<{ status: number }> {
      const d = await getDelivery(db, input.subscriptionId, input.eventId);
      if (!d) throw ApplicationFailure.nonRetryable(`subscription ${input.subscriptionId} was deleted`, WEBHOOK_SUBSCRIPTION_STOPPED);
      if (d.status === 'delivered') return { status: 200 };
      if (d.subscription_status === 'paused') throw ApplicationFailure.nonRetryable(`subscription ${input.subscriptionId} is paused`, WEBHOOK_SUBSCRIPTION_STOPPED);
      const at = clock();
      const signature = new Webhook(d.secret).sign(input.eventId, at, d.payload);
      let error: string;
      try {
        const signal = AbortSignal.any([AbortSignal.timeout(DELIVERY_TIMEOUT_MS), Context.current().cancellationSignal]);
        const res = await fetch(d.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'webhook-id': input.eventId,
            'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
            'webhook-signature': signature,
          },
          body: d.payload,
          signal,
          redirect: 'manual',
        });
        await res.body?.cancel().catch(() => undefined);
        if (res.status >= 200 && res.status < 300) {
          await recordDelivered(db, input.subscriptionId, input.eventId, clock());
          return { status: res.status };
        }
        error = `HTTP ${res.status}`;
      } catch (err) {
        error = err instanceof Error ? `${err.name}: ${(err.cause as Error | undefined)?.message ?? err.message}` : String(err);
      }
      const outcome = await recordFailedAttempt(db, { subscriptionId: input.subscriptionId, eventId: input.eventId, at: clock(), error, maxFailures: input.maxFailures, pauseAfterMs: input.pauseAfterMs });
      if (outcome.paused) throw ApplicationFailure.nonRetryable(`subscription paused: ${outcome.reason ?? 'paused'}`, WEBHOOK_SUBSCRIPTION_STOPPED);
      throw ApplicationFailure.retryable(`delivery of ${input.eventId} to ${d.url} failed: ${error}`, 'WebhookDeliveryFailed');
    },
  };
}
