import { Router } from 'express';
import { subscriptionListPage } from '../../db/repositories/webhooks';
import { principal, requireRole } from '../auth';
import type { ApiContext } from '../context';
import { decodeCursor, pageOf } from '../pagination';
import { pageQuery, webhookReplayRequest, webhookSubscriptionParams, webhookSubscriptionRequest } from '../schemas';
import { replayWebhookSubscription, resumeWebhookSubscription, subscribe, subscriptionJson, unsubscribeWebhook } from '../use-cases/webhook-subscriptions';
import { parse } from '../validate';

export function webhookSubscriptionRoutes({ db, temporal, taskQueue: cadenceQueue, webhooksTaskQueue, webhooks }: ApiContext): Router {
  const taskQueue = webhooksTaskQueue ?? cadenceQueue;
  const router = Router();
  const deps = { db, temporal, taskQueue, ...(webhooks ? { settings: webhooks } : {}) };

  router.post('/v1/webhook-subscriptions', requireRole('admin'), async (req, res) => {
    const body = parse(webhookSubscriptionRequest, req.body, 'body');
    const created = await subscribe(deps, { ...body, caller: principal(req) });
    res.status(201).json(created);
  });

  router.get('/v1/webhook-subscriptions', requireRole('admin'), async (req, res) => {
    const query = parse(pageQuery, req.query, 'query');
    const rows = await subscriptionListPage(db, { after: decodeCursor(query.cursor, 'webhook-subscriptions', 2), fetch: query.limit + 1 }).execute();
    const page = pageOf(rows, query.limit, 'webhook-subscriptions', (r) => [r.page_at, r.id]);
    res.json({ items: page.items.map(subscriptionJson), nextCursor: page.nextCursor });
  });

  router.post('/v1/webhook-subscriptions/:id/resume', requireRole('admin'), async (req, res) => {
    const { id } = parse(webhookSubscriptionParams, req.params, 'params');
    res.json(await resumeWebhookSubscription(deps, { id, caller: principal(req) }));
  });

  router.post('/v1/webhook-subscriptions/:id/replay', requireRole('admin'), async (req, res) => {
    const { id } = parse(webhookSubscriptionParams, req.params, 'params');
    const body = parse(webhookReplayRequest, req.body, 'body');
    res.status(202).json(await replayWebhookSubscription(deps, { id, from: new Date(body.from), caller: principal(req) }));
  });

  router.delete('/v1/webhook-subscriptions/:id', requireRole('admin'), async (req, res) => {
    const { id } = parse(webhookSubscriptionParams, req.params, 'params');
    await unsubscribeWebhook(deps, { id, caller: principal(req) });
    res.status(204).end();
  });

  return router;
}
