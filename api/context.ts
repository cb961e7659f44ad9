import type { Client } from '@temporalio/client';
import type { UnsubscribeKeyring } from '../activities/unsubscribe-token';
import type { Db } from '../db/connect';
import type { ReplyOptions } from '../db/repositories/replies';

/** What every route needs; the app factory receives it, so tests pass their own. */
export interface ApiContext {
  db: Db;
  temporal: Client;
  taskQueue: string;
  log: (message: string, err?: unknown) => void;
  /** Reply policy applied at the data layer when an inbound message is recorded. */
  replyOptions: ReplyOptions;
  /**
   * The keys that verify one-click unsubscribe links (the worker's UNSUBSCRIBE_SECRET and the previous ones).
   */
  unsubscribe: UnsubscribeKeyring;
}
