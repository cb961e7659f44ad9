import { readFileSync } from 'node:fs';
import { gatePolicyFromConfig, type AppConfig } from '../config/app';
import type { ActivityDeps } from '../activities/deps';
import { noPacing } from '../activities/deps';
import { builtInDrafter } from '../activities/drafter';
import { builtInEnricher } from '../activities/enricher';
import { createSmtpMailer } from '../activities/mailer';
import type { Db } from '../db/connect';

/** The real dependencies of the activities, from configuration. */
export function buildActivityDeps(config: AppConfig, db: Db): ActivityDeps & { close(): void } {
  const dkim =
    config.DKIM_DOMAIN && config.DKIM_SELECTOR && config.DKIM_PRIVATE_KEY_PATH
      ? {
          domainName: config.DKIM_DOMAIN,
          keySelector: config.DKIM_SELECTOR,
          privateKey: readFileSync(config.DKIM_PRIVATE_KEY_PATH, 'utf8'),
        }
      : undefined;
  const mailer = createSmtpMailer({ url: config.SMTP_URL, dkim });
  const policy = gatePolicyFromConfig(config);
  return {
    db,
    mailer,
    drafter: builtInDrafter,
    enricher: builtInEnricher,
    pacer: noPacing,
    clock: () => new Date(),
    policy: async () => policy,
    messageIdDomain: config.MESSAGE_ID_DOMAIN,
    defaultTimeZone: config.DEFAULT_TIMEZONE,
    close: () => mailer.close?.(),
  };
}
