// A subscription's feed (a signed webhook or a CRM adapter): one long-running workflow (`webhook-feed:<subscriptionId>`)
// that reads the audit trail in chain order after its cursor and delivers each event it takes, a batch at a time in
// one activity. Each prospect's events go one at a time, in order, on their own lane; different prospects' lanes run
// side by side (up to `lanes`), so one slow receiver answer holds up one prospect, not the whole backlog. A failing
// receiver is retried with backoff (the pending activity shows the attempt and the last error in the UI) and only
// delays this feed; the run continues as new periodically. A replay signals `rewind`: once the batch in flight has
// ended, the feed reads again from the given point.
import {
  ActivityFailure,
  ApplicationFailure,
  condition,
  continueAsNew,
  defineSignal,
  patched,
  proxyActivities,
  setCurrentDetails,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { CadenceActivities } from '../activities';
import type { FeedBatch } from '../db/repositories/webhooks';
import { WEBHOOK_FEED_REWIND_SIGNAL, WEBHOOK_SUBSCRIPTION_STOPPED, type WebhookFeedInput, type WebhookFeedRewind } from './definitions';

export const rewindSignal = defineSignal<[WebhookFeedRewind]>(WEBHOOK_FEED_REWIND_SIGNAL);
const earlier = (a: string, b: string) => (BigInt(a) < BigInt(b) ? a : b);

const DEFAULT_POLL_MS = 5_000;
const DEFAULT_MAX_FAILURES = 20;
const DEFAULT_PAUSE_AFTER_MS = 24 * 3600_000;
const DEFAULT_LANES = 16;
/** Batches per run before it continues as new (history stays small). */
const BATCHES_PER_RUN = 200;
/**
 * Feeds started before this delivered one event at a time and slept in a workflow timer when idle; their histories
 * replay that way. Now: prospect lanes, and the batch activity itself waits for the next event.
 */
const LANES_PATCH = 'webhook-feed-lanes-and-waiting-batch';
/**
 * A batch's deliveries in one activity (deliverWebhookLanes) instead of one activity per event, each of which cost the
 * server a task and a workflow task. Feeds that decided before it deliver event by event.
 */
const BATCH_ACTIVITY_PATCH = 'webhook-feed-one-activity-per-batch';

type FeedEvent = FeedBatch['pending'][number];

export async function webhookFeedWorkflow(input: WebhookFeedInput): Promise<string> {
  const { loadWebhookBatch } = proxyActivities<CadenceActivities>({
    startToCloseTimeout: '1 minute',
    retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
  });
  const deliveryRetry = {
    initialInterval: input.retry?.initialIntervalMs ?? 10_000,
    maximumInterval: input.retry?.maximumIntervalMs ?? 30 * 60_000,
    backoffCoefficient: 2,
    // No attempt limit: the subscription is paused past its failure limit, which ends the retries.
    nonRetryableErrorTypes: [WEBHOOK_SUBSCRIPTION_STOPPED],
  };
  const { deliverWebhook } = proxyActivities<CadenceActivities>({
    // Past the 15 s answer timeout of a webhook (and a CRM's few calls): an attempt on a worker that died is given
    // up and retried this soon, not a minute later.
    startToCloseTimeout: '30 seconds',
    retry: deliveryRetry,
  });
  const { deliverWebhookLanes } = proxyActivities<CadenceActivities>({
    // A batch of up to 100 events, each bounded by the 15 s answer timeout; a worker that dies mid-batch is noticed
    // by its missing heartbeats, and the retry skips what was delivered.
    startToCloseTimeout: '30 minutes',
    heartbeatTimeout: '30 seconds',
    retry: deliveryRetry,
  });
  const settings = { maxFailures: input.maxFailures ?? DEFAULT_MAX_FAILURES, pauseAfterMs: input.pauseAfterMs ?? DEFAULT_PAUSE_AFTER_MS };
  let afterSeq = input.afterSeq;
  let rewindTo: string | undefined;
  setHandler(rewindSignal, ({ afterSeq: to }) => {
    rewindTo = rewindTo === undefined ? to : earlier(rewindTo, to);
  });
  let delivered = 0;
  let stopped: string | null = null;

  /** Delivers events in order until one stops the feed or a rewind asks the batch to end. */
  async function deliverInOrder(events: FeedEvent[]): Promise<void> {
    for (const event of events) {
      if (rewindTo !== undefined || stopped) return;
      try {
        await deliverWebhook({ subscriptionId: input.subscriptionId, eventId: event.eventId, ...settings });
        delivered++;
      } catch (err) {
        if (err instanceof ActivityFailure && err.cause instanceof ApplicationFailure && err.cause.type === WEBHOOK_SUBSCRIPTION_STOPPED) {
          stopped = err.cause.message;
          return;
        }
        throw err;
      }
    }
  }

  /** Each prospect's events on its own lane, in audit order. */
  function byProspect(events: FeedEvent[]): FeedEvent[][] {
    const lanes = new Map<string, FeedEvent[]>();
    for (const event of events) {
      const key = event.prospectId ?? '';
      lanes.set(key, [...(lanes.get(key) ?? []), event]);
    }
    return [...lanes.values()];
  }

  /** The batch's lanes in one activity: a rewind asked for meanwhile applies after it. */
  async function deliverBatch(events: FeedEvent[]): Promise<void> {
    if (events.length === 0) return;
    const lanes = byProspect(events).map((lane) => lane.map((e) => e.eventId));
    try {
      delivered += (await deliverWebhookLanes({ subscriptionId: input.subscriptionId, lanes, concurrency: input.lanes ?? DEFAULT_LANES, ...settings })).delivered;
    } catch (err) {
      if (err instanceof ActivityFailure && err.cause instanceof ApplicationFailure && err.cause.type === WEBHOOK_SUBSCRIPTION_STOPPED) {
        stopped = err.cause.message;
        return;
      }
      throw err;
    }
  }

  /** Up to `lanes` lanes at once, an activity per event (feeds from before BATCH_ACTIVITY_PATCH). */
  async function deliverByProspect(events: FeedEvent[]): Promise<void> {
    const queue = byProspect(events);
    const runner = async () => {
      for (let lane = queue.shift(); lane; lane = queue.shift()) await deliverInOrder(lane);
    };
    await Promise.all(Array.from({ length: Math.min(input.lanes ?? DEFAULT_LANES, queue.length) }, runner));
  }

  for (let batch = 0; batch < BATCHES_PER_RUN && !workflowInfo().continueAsNewSuggested; batch++) {
    if (rewindTo !== undefined) {
      setCurrentDetails(`Replaying from audit seq ${rewindTo} (was at ${afterSeq}).`);
      // Never forward: a feed behind the replay point still has those events to deliver.
      afterSeq = earlier(afterSeq, rewindTo);
      rewindTo = undefined;
    }
    const waits = patched(LANES_PATCH);
    const batched = waits && patched(BATCH_ACTIVITY_PATCH);
    const next = await loadWebhookBatch({ subscriptionId: input.subscriptionId, afterSeq, ...(waits ? { waitMs: input.pollMs ?? DEFAULT_POLL_MS } : {}) });
    if (next.stop) {
      setCurrentDetails(`Feed stopped: the subscription is ${next.stop}.`);
      return next.stop;
    }
    if (next.pending.length) setCurrentDetails(`Delivering ${next.pending.length} events after audit seq ${afterSeq}, each prospect's in order; a failed attempt is retried with backoff.`);
    await (batched ? deliverBatch(next.pending) : waits ? deliverByProspect(next.pending) : deliverInOrder(next.pending));
    if (stopped) {
      setCurrentDetails(`Feed stopped: ${stopped}`);
      return 'paused';
    }
    if (rewindTo !== undefined) continue;
    const readNothing = next.nextSeq === afterSeq;
    afterSeq = next.nextSeq;
    setCurrentDetails(`Delivered ${delivered} events this run; up to audit seq ${afterSeq}.`);
    if (readNothing && !waits) await condition(() => rewindTo !== undefined, input.pollMs ?? DEFAULT_POLL_MS);
  }
  return continueAsNew<typeof webhookFeedWorkflow>({ ...input, afterSeq: rewindTo === undefined ? afterSeq : earlier(rewindTo, afterSeq) });
}
