import type { Client } from '@temporalio/client';
import type { ClassifyOptions } from '../activities/triage';
import type { UnsubscribeKeyring } from '../activities/unsubscribe-token';
import type { Db } from '../db/connect';
import type { BoundarySettings } from '../db/repositories/boundary-report';
import type { ReplyOptions } from '../db/repositories/replies';
import type { ReviewMetricsSettings } from '../db/repositories/review-metrics';
import type { RateLimits } from './rate-limit';
import type { WebhookFeedSettings } from '../workflows/definitions';

/** What every route needs; the app factory receives it, so tests pass their own. */
export interface ApiContext {
  db: Db;
  temporal: Client;
  taskQueue: string;
  /** The drafting worker's task queue (a model's); absent: cadences draft on their own queue. */
  draftingTaskQueue?: string;
  /** The webhook worker's task queue, where subscriptions' feeds run; absent: the cadence queue. */
  webhooksTaskQueue?: string;
  log: (message: string, err?: unknown) => void;
  /** Reply policy applied at the data layer when an inbound message is recorded. */
  replyOptions: ReplyOptions;
  /** How inbound messages are classified: a second opinion on people's replies, the floors' thresholds (rules only when absent). */
  triage?: ClassifyOptions;
  /**
   * The keys that verify one-click unsubscribe links (the worker's UNSUBSCRIBE_SECRET and the previous ones).
   */
  unsubscribe: UnsubscribeKeyring;
  /** Thresholds of the approval-theater and bottleneck metrics; the defaults of config/app.ts when absent. */
  reviewMetrics?: ReviewMetricsSettings;
  /** The configuration's gate policy and the boundary report's thresholds; from this process's environment when absent. */
  boundary?: BoundarySettings;
  /** The rate limits (api/rate-limit.ts), created and closed by the process; absent: no limits. */
  rateLimits?: RateLimits;
  /** The webhook feeds' polling, retry and pause settings (tests shorten them); the workflow's defaults when absent. */
  webhooks?: WebhookFeedSettings;
}
