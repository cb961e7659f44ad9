// The CRM adapters this worker runs, from its settings (config/app.ts crmSettingsFromConfig).
import type { CrmSettings } from '../config/app';
import type { CrmAdapters } from '../activities/crm-feed/crm-adapter';
import { hubspotAdapter } from '../activities/crm-feed/hubspot';
import { salesforceAdapter } from '../activities/crm-feed/salesforce';

export function buildCrmAdapters(settings: CrmSettings): CrmAdapters {
  const adapters: CrmAdapters = {};
  if (settings.hubspot) adapters.hubspot = hubspotAdapter(settings.hubspot);
  if (settings.salesforce) adapters.salesforce = salesforceAdapter(settings.salesforce);
  return adapters;
}
