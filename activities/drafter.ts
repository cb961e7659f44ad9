import { fillSlots, findSlots } from './ai/framework';
import type { DraftContent, DraftContext, Drafter, DraftTemplate, Enrichment } from './deps';

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

/**
 * The template drafter: an approved template, personalized with enrichment data. A framework's AI slots are
 * left empty, each with the reason `ai-unavailable`, so a rep writes them: the draft is gated.
 */
export function templateDraft(template: DraftTemplate, enrichment: Enrichment, why = 'no model is configured for this step'): DraftContent {
  const usage = { unresolvedFields: [], fallbackFields: [], personalizedFields: [] };
  const slots = findSlots(template);
  const subject = renderTemplate(fillSlots(template.subject, {}), enrichment, usage).replace(/\s{2,}/g, ' ').trim();
  const body = renderTemplate(fillSlots(template.body, {}), enrichment, usage).replace(/[ \t]{2,}/g, ' ').replace(/\n{3,}/g, '\n\n');
  return {
    subject,
    body,
    ...usage,
    findings: slots.map((s) => ({ code: 'ai-unavailable', effect: -1, detail: `nobody wrote {{ai:${s.name}}} (${s.instruction}): ${why}; a rep writes it` })),
  };
}

export const builtInDrafter: Drafter = {
  name: 'builtin',
  async draft(template: DraftTemplate, enrichment: Enrichment, _context?: DraftContext): Promise<DraftContent> {
    return templateDraft(template, enrichment);
  },
};
