import type { ConfidenceReason } from '../db/types';
import type { DraftContent, Enrichment } from './deps';

export interface Confidence {
  confidence: number;
  reasons: ConfidenceReason[];
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * How sure the machine is that this draft can go out unseen, with every reason that moved the score.
 * It starts at 1 and only loses: the reasons are what a rep would otherwise have caught.
 */
export function scoreDraft(draft: DraftContent, enrichment: Enrichment): Confidence {
  const reasons: ConfidenceReason[] = [];
  const lose = (code: string, effect: number, detail: string) => reasons.push({ code, effect: -effect, detail });

  for (const field of draft.unresolvedFields) {
    lose('unresolved-merge-field', 0.5, `merge field {{${field}}} has no value for this prospect`);
  }
  for (const field of draft.fallbackFields) {
    lose('fallback-used', 0.1, `merge field {{${field}}} fell back to the template default`);
  }
  if (draft.personalizedFields.filter((f) => !['firstName', 'company', 'senderName', 'senderFirstName'].includes(f)).length === 0) {
    lose('generic', 0.05, 'no personalization beyond name and company');
  }
  if (!enrichment.fields.title) lose('missing-title', 0.05, "the prospect's title is unknown");
  const words = draft.body.split(/\s+/).filter(Boolean).length;
  if (words < 25) lose('too-short', 0.1, `body has ${words} words`);
  if (words > 220) lose('too-long', 0.1, `body has ${words} words`);
  if (draft.subject.length > 80) lose('long-subject', 0.05, `subject has ${draft.subject.length} characters`);
  if (!draft.subject.trim()) lose('empty-subject', 1, 'subject is empty');

  const confidence = round(Math.max(0, reasons.reduce((score, r) => score + r.effect, 1)));
  return { confidence, reasons };
}
