import type { Client } from '@temporalio/client';
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
}
