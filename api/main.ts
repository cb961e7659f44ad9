// Production API entry point: `npm run api`.
import { UnsubscribeKeyring } from '../activities/unsubscribe-token';
import { loadAppConfig, replyOptionsFromConfig, reviewMetricsSettingsFromConfig, unsubscribeSecretsFromConfig } from '../config/app';
import { ConfigError } from '../config/errors';
import { connectClient } from '../config/temporal-client';
import { loadTemporalConfig } from '../config/temporal';
import { createDb, migrateToLatest } from '../db/connect';
import { createApp } from './app';
import { RateLimits, rateLimitSettingsFromConfig } from './rate-limit';

async function main(): Promise<void> {
  const temporal = loadTemporalConfig();
  const config = loadAppConfig();
  if (!config.DATABASE_URL) throw new ConfigError('DATABASE_URL: required for a standalone API (the embedded database is for `npm start` only)');
  const db = await createDb({ databaseUrl: config.DATABASE_URL });
  await migrateToLatest(db);
  const { client, connection } = await connectClient(temporal);
  const rateLimits = new RateLimits({ settings: rateLimitSettingsFromConfig(config), databaseUrl: config.DATABASE_URL, log: (m, e) => console.warn(m, e ?? '') });
  console.log(rateLimits.describe());
  const app = createApp({
    db,
    temporal: client,
    taskQueue: temporal.taskQueue,
    draftingTaskQueue: temporal.draftingTaskQueue,
    webhooksTaskQueue: temporal.webhooksTaskQueue,
    log: (m, e) => console.error(m, e),
    replyOptions: replyOptionsFromConfig(config),
    unsubscribe: new UnsubscribeKeyring(unsubscribeSecretsFromConfig(config)),
    reviewMetrics: reviewMetricsSettingsFromConfig(config),
    rateLimits,
  });
  const server = app.listen(config.API_PORT, config.API_HOST, () => console.log(`API listening on http://${config.API_HOST}:${config.API_PORT}`));
  const stop = () => {
    server.close(async () => {
      await connection.close();
      await rateLimits.close();
      await db.destroy();
      process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? `configuration error: ${err.message}` : err);
  process.exit(1);
});
