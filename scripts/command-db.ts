import { loadAppConfig, type AppConfig } from '../config/app';
import { ConfigError } from '../config/errors';
import type { Db } from '../db/connect';

/**
 * The configuration and the database a `cadence` command works on. A configuration error or a database
 * that cannot be opened is written to `err` (prefixed with `prefix`) and answered with null: exit 1.
 */
export async function openCommandDatabase(
  deps: { openDb(config: AppConfig): Promise<Db> },
  err: NodeJS.WritableStream,
  prefix: string,
): Promise<{ config: AppConfig; db: Db } | null> {
  let config: AppConfig;
  try {
    config = loadAppConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      err.write(`cadence: configuration error: ${e.message}\n`);
      return null;
    }
    throw e;
  }
  try {
    return { config, db: await deps.openDb(config) };
  } catch (e) {
    err.write(`${prefix}: ${(e as Error).message}\n`);
    return null;
  }
}
