// The webhook feed's activities: the outbox step (audit events → frozen deliveries) and one delivery, signed to a
// webhook or recorded in a CRM through its adapter.
import { ApplicationFailure, Context } from '@temporalio/activity';
import { Webhook } from 'standardwebhooks';
import { getDelivery, loadFeedBatch, recordDelivered, recordFailedAttempt, type FeedBatch } from '../../db/repositories/webhooks';
import { WEBHOOK_SUBSCRIPTION_STOPPED, type DeliverWebhookInput } from '../../workflows/definitions';
import type { CrmSystem } from '../../db/types';
import type { ActivityDeps } from '../deps';
import { deliverToCrm } from './crm-adapter';
import type { OutboundEvent } from '../../db/webhook-events';

const CRM_NAMES: Record<CrmSystem, string> = { hubspot: 'HubSpot', salesforce: 'Salesforce' };
const CRM_SETTINGS: Record<CrmSystem, string> = { hubspot: 'HUBSPOT_ACCESS_TOKEN', salesforce: 'SALESFORCE_INSTANCE_URL and SALESFORCE_ACCESS_TOKEN' };

const DELIVERY_TIMEOUT_MS = 15_000;
const BATCH = 100;
const IDLE_LOOK_MS = 250;

export function webhookFeedActivities({ db, clock, crm }: ActivityDeps) {
  return {
    /**
     * The next batch. With `waitMs`, a feed that has caught up waits here for the next audit event (looking every
     * quarter second) rather than in a workflow timer: a new event is delivered within moments, and an idle feed
     * writes one activity per wait to its history.
     */
    async loadWebhookBatch(input: { subscriptionId: string; afterSeq: string; waitMs?: number }): Promise<FeedBatch> {
      const deadline = Date.now() + (input.waitMs ?? 0);
      const cancelled = Context.current().cancellationSignal;
      for (;;) {
        const batch = await loadFeedBatch(db, { subscriptionId: input.subscriptionId, afterSeq: input.afterSeq, limit: BATCH });
        if (batch.stop || batch.nextSeq !== input.afterSeq || Date.now() >= deadline || cancelled.aborted) return batch;
        await new Promise((resolve) => setTimeout(resolve, IDLE_LOOK_MS));
      }
    },

    /**
     * Delivers one event. To a webhook: POSTs it signed (Standard Webhooks: webhook-id is the event id, the same on
     * every retry; webhook-timestamp is this attempt's), and a 2xx answer delivers it. To a CRM: records it through
     * the adapter. Anything else is a failed attempt, recorded, and retried by Temporal with backoff until the
     * subscription is paused.
     */
    async deliverWebhook(input: DeliverWebhookInput): Promise<{ status: number }> {
      const d = await getDelivery(db, input.subscriptionId, input.eventId);
      if (!d) throw ApplicationFailure.nonRetryable(`subscription ${input.subscriptionId} was deleted`, WEBHOOK_SUBSCRIPTION_STOPPED);
      if (d.status === 'delivered') return { status: 200 };
      if (d.subscription_status === 'paused') throw ApplicationFailure.nonRetryable(`subscription ${input.subscriptionId} is paused`, WEBHOOK_SUBSCRIPTION_STOPPED);
      const error = d.kind === 'webhook' ? await postSigned(d, input.eventId) : await recordInCrm(d.kind, d.payload, input.eventId);
      if (error === null) {
        await recordDelivered(db, input.subscriptionId, input.eventId, clock());
        return { status: 200 };
      }
      const outcome = await recordFailedAttempt(db, { subscriptionId: input.subscriptionId, eventId: input.eventId, at: clock(), error, maxFailures: input.maxFailures, pauseAfterMs: input.pauseAfterMs });
      if (outcome.paused) throw ApplicationFailure.nonRetryable(`subscription paused: ${outcome.reason ?? 'paused'}`, WEBHOOK_SUBSCRIPTION_STOPPED);
      throw ApplicationFailure.retryable(`delivery of ${input.eventId} to ${d.url} failed: ${error}`, 'WebhookDeliveryFailed');
    },
  };

  /** POSTs the frozen payload, signed; null when the receiver took it (2xx), else what went wrong. */
  async function postSigned(d: { url: string; secret: string | null; payload: string }, eventId: string): Promise<string | null> {
    if (!d.secret) return 'the subscription has no signing secret';
    const at = clock();
    const signature = new Webhook(d.secret).sign(eventId, at, d.payload);
    try {
      const signal = AbortSignal.any([AbortSignal.timeout(DELIVERY_TIMEOUT_MS), Context.current().cancellationSignal]);
      const res = await fetch(d.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'webhook-id': eventId,
          'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
          'webhook-signature': signature,
        },
        body: d.payload,
        signal,
        redirect: 'manual',
      });
      await res.body?.cancel().catch(() => undefined);
      return res.status >= 200 && res.status < 300 ? null : `HTTP ${res.status}`;
    } catch (err) {
      return err instanceof Error ? `${err.name}: ${(err.cause as Error | undefined)?.message ?? err.message}` : String(err);
    }
  }

  /** Records the event in the CRM through its adapter; null when it is there, else what went wrong. */
  async function recordInCrm(system: CrmSystem, payload: string, eventId: string): Promise<string | null> {
    const adapter = crm?.[system];
    if (!adapter) return `${CRM_NAMES[system]} is not configured on this worker (${CRM_SETTINGS[system]})`;
    try {
      await deliverToCrm(db, adapter, { id: eventId, ...(JSON.parse(payload) as Omit<OutboundEvent, 'id'>) });
      return null;
    } catch (err) {
      return err instanceof Error ? err.message : String(err);
    }
  }
}
