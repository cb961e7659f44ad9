import type { Enricher, Enrichment, ProspectProfile } from './deps';

function put(target: Enrichment, field: string, value: unknown, source: string): void {
  if (value === null || value === undefined) return;
  const text = String(value).trim();
  if (!text) return;
  target.fields[field] = text;
  target.sources[field] = source;
}

/**
 * The built-in enricher: everything known about the prospect and account in the database,
 * including their free-form attributes (e.g. from a CRM sync or a form fill), as merge fields.
 */
export const builtInEnricher: Enricher = {
  name: 'builtin',
  async enrich({ prospect, account, owner }: ProspectProfile): Promise<Enrichment> {
    const out: Enrichment = { fields: {}, sources: {} };
    for (const [key, value] of Object.entries(account.attributes)) {
      if (typeof value !== 'object') put(out, key, value, 'account.attributes');
    }
    for (const [key, value] of Object.entries(prospect.attributes)) {
      if (typeof value !== 'object') put(out, key, value, 'prospect.attributes');
    }
    put(out, 'firstName', prospect.firstName, 'prospect');
    put(out, 'lastName', prospect.lastName, 'prospect');
    put(out, 'fullName', [prospect.firstName, prospect.lastName].filter(Boolean).join(' '), 'prospect');
    put(out, 'title', prospect.title, 'prospect');
    put(out, 'company', account.name, 'account');
    put(out, 'domain', account.domain, 'account');
    put(out, 'industry', account.industry, 'account');
    put(out, 'employeeCount', account.employeeCount, 'account');
    put(out, 'senderName', owner.name, 'owner');
    put(out, 'senderFirstName', owner.name.split(/\s+/)[0], 'owner');
    return out;
  },
};
