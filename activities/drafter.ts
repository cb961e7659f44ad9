import type { DraftContent, Drafter, DraftTemplate, Enrichment } from './deps';

/** `{{field}}` or `{{field|fallback text}}`. */
const MERGE_FIELD = /\{\{\s*([A-Za-z][A-Za-z0-9_.]*)\s*(?:\|([^}]*))?\}\}/g;

export function renderTemplate(text: string, enrichment: Enrichment, usage: Omit<DraftContent, 'subject' | 'body'>): string {
  return text.replace(MERGE_FIELD, (whole, field: string, fallback: string | undefined) => {
    const value = enrichment.fields[field];
    if (value !== undefined) {
      if (!usage.personalizedFields.includes(field)) usage.personalizedFields.push(field);
      return value;
    }
    if (fallback !== undefined) {
      if (!usage.fallbackFields.includes(field)) usage.fallbackFields.push(field);
      return fallback.trim();
    }
    if (!usage.unresolvedFields.includes(field)) usage.unresolvedFields.push(field);
    return whole;
  });
}

/** The built-in drafter: an approved template, personalized with enrichment data. */
export const builtInDrafter: Drafter = {
  name: 'builtin',
  async draft(template: DraftTemplate, enrichment: Enrichment): Promise<DraftContent> {
    const usage = { unresolvedFields: [], fallbackFields: [], personalizedFields: [] };
    const subject = renderTemplate(template.subject, enrichment, usage);
    const body = renderTemplate(template.body, enrichment, usage);
    return { subject, body, ...usage };
  },
};
