// The webhook feed's activities: the outbox step (audit events → frozen deliveries) and one delivery, signed to a
// webhook or recorded in a CRM through its adapter.
import { ApplicationFailure, Context } from '@temporalio/activity';
import { Webhook } from 'standardwebhooks';
import { getDelivery, loadFeedBatch, recordDelivered, recordFailedAttempt, type FeedBatch } from '../../db/repositories/webhooks';
import { WEBHOOK_SUBSCRIPTION_STOPPED, type DeliverWebhookInput, type DeliverWebhookLanesInput } from '../../workflows/definitions';
import type { CrmSystem } from '../../db/types';
import type { ActivityDeps } from '../deps';
import { deliverToCrm } from './crm-adapter';
import type { OutboundEvent } from '../../db/webhook-events';

const CRM_NAMES: Record<CrmSystem, string> = { hubspot: 'HubSpot', salesforce: 'Salesforce' };
const CRM_SETTINGS: Record<CrmSystem, string> = { hubspot: 'HUBSPOT_ACCESS_TOKEN', salesforce: 'SALESFORCE_INSTANCE_URL and SALESFORCE_ACCESS_TOKEN' };

const DELIVERY_TIMEOUT_MS = 15_000;
const BATCH = 100;
const IDLE_LOOK_MS = 250;
/** A batch heartbeats at least this often (a delivery itself is bounded by DELIVERY_TIMEOUT_MS). */
const BATCH_HEARTBEAT_MS = 5_000;

const isStopped = (err: unknown) => err instanceof ApplicationFailure && err.type === WEBHOOK_SUBSCRIPTION_STOPPED;

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

    /** One event (feeds started before their batches were one activity): see deliverOne; Temporal retries it with backoff. */
    async deliverWebhook(input: DeliverWebhookInput): Promise<{ status: number }> {
      await deliverOne(input);
      return { status: 200 };
    },

    /**
     * A feed batch in one activity task: each prospect's lane in audit order, up to `concurrency` lanes at once, each
     * event as deliverWebhook delivers it. A lane stops at its first failed delivery, recorded as an attempt; once
     * every lane has stopped or finished, the failure fails the activity, and Temporal retries the batch with
     * backoff, the delivered events skipped (their rows say so). A stopped subscription stops every lane.
     */
    async deliverWebhookLanes(input: DeliverWebhookLanesInput): Promise<{ delivered: number }> {
      const ctx = Context.current();
      let delivered = 0;
      let failure: unknown;
      let stopped: unknown;
      const beat = setInterval(() => ctx.heartbeat({ delivered }), BATCH_HEARTBEAT_MS);
      const queue = [...input.lanes];
      const runLanes = async () => {
        for (let lane = queue.shift(); lane && !stopped; lane = queue.shift()) {
          for (const eventId of lane) {
            if (stopped) return;
            try {
              if ((await deliverOne({ ...input, eventId })) === 'delivered') delivered++;
              ctx.heartbeat({ delivered });
            } catch (err) {
              if (isStopped(err)) stopped ??= err;
              else failure ??= err;
              break;
            }
          }
        }
      };
      try {
        await Promise.all(Array.from({ length: Math.max(1, Math.min(input.concurrency, input.lanes.length)) }, runLanes));
      } finally {
        clearInterval(beat);
      }
      if (stopped ?? failure) throw stopped ?? failure;
      return { delivered };
    },
  };

  /**
   * One event. To a webhook: POSTs it signed (Standard Webhooks: webhook-id is the event id, the same on every retry;
   * webhook-timestamp is this attempt's), and a 2xx answer delivers it. To a CRM: records it through the adapter.
   * Anything else is a failed attempt, recorded, and thrown as retryable until the subscription is paused.
   */
  async function deliverOne(input: DeliverWebhookInput): Promise<'delivered' | 'already'> {
    const d = await getDelivery(db, input.subscriptionId, input.eventId);
    if (!d) throw ApplicationFailure.nonRetryable(`subscription ${input.subscriptionId} was deleted`, WEBHOOK_SUBSCRIPTION_STOPPED);
    if (d.status === 'delivered') return 'already';
    if (d.subscription_status === 'paused') throw ApplicationFailure.nonRetryable(`subscription ${input.subscriptionId} is paused`, WEBHOOK_SUBSCRIPTION_STOPPED);
    const error = d.kind === 'webhook' ? await postSigned(d, input.eventId) : await recordInCrm(d.kind, d.payload, input.eventId);
    if (error === null) {
      const subscriptionFailing = d.consecutive_failures > 0 || d.failing_since !== null;
      await recordDelivered(db, { subscriptionId: input.subscriptionId, eventId: input.eventId, at: clock(), subscriptionFailing });
      return 'delivered';
    }
    const outcome = await recordFailedAttempt(db, { subscriptionId: input.subscriptionId, eventId: input.eventId, at: clock(), error, maxFailures: input.maxFailures, pauseAfterMs: input.pauseAfterMs });
    if (outcome.paused) throw ApplicationFailure.nonRetryable(`subscription paused: ${outcome.reason ?? 'paused'}`, WEBHOOK_SUBSCRIPTION_STOPPED);
    throw ApplicationFailure.retryable(`delivery of ${input.eventId} to ${d.url} failed: ${error}`, 'WebhookDeliveryFailed');
  }

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
