import type { Migration } from 'kysely';
import * as initial from './2026_11_21_0001_initial';
import * as cadenceSemantics from './2026_11_21_0002_cadence_semantics';
import * as deliverability from './2026_11_21_0003_deliverability';
import * as deliveryEventLookups from './2026_11_21_0004_delivery_event_lookups';
import * as auditChain from './2026_11_21_0005_audit_chain';
import * as policyVersions from './2026_11_21_0006_policy_versions';
import * as auditActionIndex from './2026_11_21_0007_audit_action_index';
import * as aiDrafting from './2026_12_06_0008_ai_drafting';
import * as approvalViews from './2026_12_06_0009_approval_views';
import * as rateLimits from './2026_12_06_0010_rate_limits';
import * as listIndexes from './2026_12_06_0011_list_indexes';
import * as webhooks from './2026_12_06_0012_webhooks';
import * as webhookReplay from './2026_12_06_0013_webhook_replay';
import * as crmAdapters from './2026_12_06_0014_crm_adapters';
import * as volumeIndexes from './2026_12_06_0015_volume_indexes';
import * as draftWords from './2026_12_06_0016_draft_words';
import * as reportFacts from './2026_12_06_0017_report_facts';
import * as queueItems from './2026_12_06_0018_queue_items';
import * as sendCadence from './2026_12_06_0019_send_cadence';
import * as gateSummaryShards from './2026_12_07_0020_gate_summary_shards';

/** Every migration, by its timestamped name; the Migrator runs them in name order. */
export const migrations: Record<string, Migration> = {
  '2026_11_21_0001_initial': initial,
  '2026_11_21_0002_cadence_semantics': cadenceSemantics,
  '2026_11_21_0003_deliverability': deliverability,
  '2026_11_21_0004_delivery_event_lookups': deliveryEventLookups,
  '2026_11_21_0005_audit_chain': auditChain,
  '2026_11_21_0006_policy_versions': policyVersions,
  '2026_11_21_0007_audit_action_index': auditActionIndex,
  '2026_12_06_0008_ai_drafting': aiDrafting,
  '2026_12_06_0009_approval_views': approvalViews,
  '2026_12_06_0010_rate_limits': rateLimits,
  '2026_12_06_0011_list_indexes': listIndexes,
  '2026_12_06_0012_webhooks': webhooks,
  '2026_12_06_0013_webhook_replay': webhookReplay,
  '2026_12_06_0014_crm_adapters': crmAdapters,
  '2026_12_06_0015_volume_indexes': volumeIndexes,
  '2026_12_06_0016_draft_words': draftWords,
  '2026_12_06_0017_report_facts': reportFacts,
  '2026_12_06_0018_queue_items': queueItems,
  '2026_12_06_0019_send_cadence': sendCadence,
  '2026_12_07_0020_gate_summary_shards': gateSummaryShards,
};
