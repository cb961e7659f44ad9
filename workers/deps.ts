import { readFileSync } from 'node:fs';
import { crmSettingsFromConfig, gatePolicyFromConfig, learningFromConfig, sendingLimitsFromConfig, unsubscribeLinkConfig, type AppConfig } from '../config/app';
import type { ActivityDeps } from '../activities/deps';
import { noPacing } from '../activities/deps';
import { builtInEnricher } from '../activities/enricher';
import { createSmtpMailer } from '../activities/mailer';
import { dnsSenderAuthPolicy } from '../activities/sender-domains';
import { UnsubscribeKeyring } from '../activities/unsubscribe-token';
import type { Db } from '../db/connect';
import { policySource } from '../db/repositories/policy-versions';
import { buildDrafters } from './drafters';
import { buildCrmAdapters } from './crm-adapters';

/**
 * The real dependencies of the activities, from configuration. Nothing is sent without a working
 * one-click unsubscribe link: PUBLIC_BASE_URL and UNSUBSCRIBE_SECRET are required (a ConfigError names
 * the missing one), before any SMTP connection is made.
 */
export function buildActivityDeps(config: AppConfig, db: Db): ActivityDeps & { close(): void } {
  const links = unsubscribeLinkConfig(config);
  const unsubscribe = { baseUrl: links.baseUrl, keyring: new UnsubscribeKeyring(links.secrets) };
  const dkim =
    config.DKIM_DOMAIN && config.DKIM_SELECTOR && config.DKIM_PRIVATE_KEY_PATH
      ? {
          domainName: config.DKIM_DOMAIN,
          keySelector: config.DKIM_SELECTOR,
          privateKey: readFileSync(config.DKIM_PRIVATE_KEY_PATH, 'utf8'),
        }
      : undefined;
  const mailer = createSmtpMailer({ url: config.SMTP_URL, dkim });
  // The configuration's policy with the newest accepted policy version over it, read afresh every couple of seconds.
  const policy = policySource(db, gatePolicyFromConfig(config), { cacheMs: 2_000 });
  const drafting = buildDrafters(config);
  const crm = buildCrmAdapters(crmSettingsFromConfig(config));
  return {
    db,
    mailer,
    drafter: drafting.drafter,
    drafters: drafting.drafters,
    aiRetryBudget: config.DRAFTER_RETRY_BUDGET,
    enricher: builtInEnricher,
    pacer: noPacing,
    clock: () => new Date(),
    policy,
    learning: learningFromConfig(config),
    crm,
    messageIdDomain: config.MESSAGE_ID_DOMAIN,
    unsubscribe,
    defaultTimeZone: config.DEFAULT_TIMEZONE,
    limits: sendingLimitsFromConfig(config),
    senderAuth: dnsSenderAuthPolicy({
      overrides: [...config.SENDER_AUTH_OVERRIDE],
      recheckEveryMs: config.SENDER_AUTH_RECHECK_EVERY,
      selector: config.DKIM_SELECTOR,
      dnsServers: [...config.SENDER_AUTH_DNS_SERVERS],
    }),
    close: () => {
      mailer.close?.();
      void drafting.dispose();
    },
  };
}
