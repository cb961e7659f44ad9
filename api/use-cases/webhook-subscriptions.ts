import { randomBytes, randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { startWebhookFeed } from '../../activities/crm-feed/start-feed';
import type { Db } from '../../db/connect';
import { recordAudit } from '../../db/repositories/audit';
import { createSubscription, deleteSubscription, getSubscription, requeueFrom, resumeSubscription } from '../../db/repositories/webhooks';
import type { WebhookSubscriptionsTable } from '../../db/types';
import type { Selectable } from 'kysely';
import { WEBHOOK_FEED_REWIND_SIGNAL, WEBHOOK_FEED_WORKFLOW_TYPE, webhookFeedWorkflowId, type WebhookFeedInput, type WebhookFeedSettings } from '../../workflows/definitions';
import type { Principal } from '../auth';
import { badRequest, notFound } from '../errors';

type Subscription = Selectable<WebhookSubscriptionsTable>;

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** A Standard Webhooks secret: whsec_ + base64 of 24 random bytes. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`;
}

/** https anywhere; http only to a loopback host (a receiver on this machine, for development and tests). */
export function checkWebhookUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw badRequest('body.url: must be an absolute http(s) URL', { issues: [{ field: 'body.url', message: 'must be an absolute http(s) URL' }] });
  }
  const fail = (message: string) => badRequest(`body.url: ${message}`, { issues: [{ field: 'body.url', message }] });
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw fail('must use https (or http to a loopback host)');
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) throw fail('must use https; http is accepted only for a loopback host (localhost, 127.0.0.1, [::1])');
  if (url.username || url.password) throw fail('must not carry credentials');
  return url.toString();
}

export function subscriptionJson(s: Subscription) {
  return {
    id: s.id,
    kind: s.kind,
    url: s.url,
    events: s.events,
    description: s.description,
    status: s.status,
    pausedReason: s.paused_reason,
    pausedAt: s.paused_at?.toISOString() ?? null,
    createdAt: s.created_at.toISOString(),
  };
}

export interface WebhookDeps {
  db: Db;
  temporal: Client;
  taskQueue: string;
  settings?: WebhookFeedSettings;
}

/** Creates a subscription and starts its feed workflow; the answer is the only one that shows the secret. */
export async function subscribe(deps: WebhookDeps, input: { url: string; events: string[]; description?: string; caller: Principal }) {
  const url = checkWebhookUrl(input.url);
  const events = input.events.includes('*') ? ['*'] : [...new Set(input.events)];
  const secret = newWebhookSecret();
  const row = await createSubscription(deps.db, { id: `whs_${randomUUID()}`, url, events, description: input.description ?? null, secret, createdBy: input.caller.userId });
  await recordAudit(deps.db, {
    key: `webhook-subscription:${row.id}:created`,
    occurredAt: row.created_at,
    actor: `user:${input.caller.userId}`,
    action: 'webhook-subscription.created',
    details: { subscriptionId: row.id, url, events },
  });
  await startWebhookFeed(deps.temporal, { taskQueue: deps.taskQueue, subscriptionId: row.id, ...(deps.settings ? { settings: deps.settings } : {}) });
  return { ...subscriptionJson(row), secret };
}

/**
 * Resumes a paused subscription: active again, its failure count cleared, and its feed started anew from where it
 * stopped (every event not yet delivered, the one that kept failing first, in order). Resuming an active one
 * changes nothing.
 */
export async function resumeWebhookSubscription(deps: WebhookDeps, input: { id: string; caller: Principal }) {
  const existing = await getSubscription(deps.db, input.id);
  if (!existing) throw notFound(`webhook subscription ${input.id} does not exist`);
  const resumed = await resumeSubscription(deps.db, input.id);
  if (!resumed) return subscriptionJson(existing);
  await recordAudit(deps.db, {
    key: `webhook-subscription:${resumed.id}:resumed:${randomUUID()}`,
    occurredAt: new Date(),
    actor: `user:${input.caller.userId}`,
    action: 'webhook-subscription.resumed',
    details: { subscriptionId: resumed.id, url: resumed.url, pausedReason: existing.paused_reason },
  });
  await startWebhookFeed(deps.temporal, { taskQueue: deps.taskQueue, subscriptionId: resumed.id, ...(deps.settings ? { settings: deps.settings } : {}) });
  return subscriptionJson(resumed);
}

/**
 * Replays a subscription's backlog from a point in time: every event from the first audit event at or after
 * `from` is delivered again in order, under its own webhook-id (a receiver that already has one keeps one), and
 * events from before the subscription existed are sent too. An active feed is rewound at once (started if it was
 * not running); a paused subscription keeps the replay for when it is resumed.
 */
export async function replayWebhookSubscription(deps: WebhookDeps, input: { id: string; from: Date; caller: Principal }) {
  const replay = await requeueFrom(deps.db, { subscriptionId: input.id, from: input.from });
  const sub = replay && (await getSubscription(deps.db, input.id));
  if (!replay || !sub) throw notFound(`webhook subscription ${input.id} does not exist`);
  await recordAudit(deps.db, {
    key: `webhook-subscription:${sub.id}:replayed:${randomUUID()}`,
    occurredAt: new Date(),
    actor: `user:${input.caller.userId}`,
    action: 'webhook-subscription.replayed',
    details: { subscriptionId: sub.id, from: input.from.toISOString(), afterSeq: replay.afterSeq, requeued: replay.requeued },
  });
  if (sub.status === 'active') {
    const feedInput: WebhookFeedInput = { subscriptionId: sub.id, afterSeq: replay.afterSeq, ...deps.settings };
    await deps.temporal.workflow.signalWithStart(WEBHOOK_FEED_WORKFLOW_TYPE, {
      workflowId: webhookFeedWorkflowId(sub.id),
      taskQueue: deps.taskQueue,
      args: [feedInput],
      signal: WEBHOOK_FEED_REWIND_SIGNAL,
      signalArgs: [{ afterSeq: replay.afterSeq }],
      memo: { description: `Signed webhook feed of subscription ${sub.id}` },
    });
  }
  return {
    subscription: subscriptionJson(sub),
    from: input.from.toISOString(),
    fromAuditSeq: String(BigInt(replay.afterSeq) + 1n),
    requeued: replay.requeued,
    feed: sub.status === 'active' ? ('replaying' as const) : ('waiting-for-resume' as const),
  };
}

/** Deletes a subscription (its deliveries go with it) and ends its feed. */
export async function unsubscribeWebhook(deps: WebhookDeps, input: { id: string; caller: Principal }) {
  const existing = await getSubscription(deps.db, input.id);
  if (!existing) throw notFound(`webhook subscription ${input.id} does not exist`);
  const removed = await deleteSubscription(deps.db, input.id);
  if (!removed) throw notFound(`webhook subscription ${input.id} does not exist`);
  await recordAudit(deps.db, {
    key: `webhook-subscription:${removed.id}:deleted`,
    occurredAt: new Date(),
    actor: `user:${input.caller.userId}`,
    action: 'webhook-subscription.deleted',
    details: { subscriptionId: removed.id, url: removed.url },
  });
  // The feed also stops by itself when it next finds the subscription gone; ending it now frees it at once.
  await deps.temporal.workflow
    .getHandle(webhookFeedWorkflowId(removed.id))
    .terminate('webhook subscription deleted')
    .catch(() => undefined);
  return subscriptionJson(removed);
}
