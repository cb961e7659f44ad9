import type { Client } from '@temporalio/client';
import type { Db } from '../db/connect';

/** What every route needs; the app factory receives it, so tests pass their own. */
export interface ApiContext {
  db: Db;
  temporal: Client;
  taskQueue: string;
  log: (message: string, err?: unknown) => void;
}
