import type { ConfidenceReason } from '../db/types';
import type { DraftContent, Enrichment } from './deps';
import { checkContent } from './spam-check';

export interface Confidence {
  confidence: number;
  reasons: ConfidenceReason[];
}

const round = (n: number) => Math.round(n * 100) / 100;

/** What a spam-check finding costs: a warning is worth a rep's look, a block must never go out unseen. */
export const SPAM_PENALTY = { warn: 0.1, block: 0.5 } as const;

/** The name of a merge field as the drafter reports it (`{{ name | fallback }}` → `name`). */
const mergeFieldName = (token: string | undefined) => /^\{\{\s*([A-Za-z][A-Za-z0-9_.]*)\s*(?:\|[^}]*)?\}\}$/.exec(token ?? '')?.[1];

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

  // The spam-trigger check (activities/spam-check.ts): each finding is a reason `spam:<code>`.
  // Two findings are not scored:
  // - `missing-unsubscribe` is reported (in the approval queue) but costs nothing: the sender appends
  //   the unsubscribe footer to every message, and the approved templates carry no such wording, so
  //   scoring it would gate every draft and make the confidence meaningless.
  // - an unresolved merge field the drafter already reported is scored once, as
  //   `unresolved-merge-field` above; only leftovers the drafter did not recognize (e.g. `{{first name}}`)
  //   cost here.
  const unresolved = new Set(draft.unresolvedFields);
  for (const finding of checkContent(draft)) {
    if (finding.code === 'missing-unsubscribe') continue;
    if (finding.code === 'unresolved-merge-field') {
      const name = mergeFieldName(finding.match);
      if (name !== undefined && unresolved.has(name)) continue;
    }
    lose(`spam:${finding.code}`, SPAM_PENALTY[finding.severity], finding.detail);
  }

  // What the checks of AI-written text found (activities/ai/checks.ts), each already a reason with its span.
  reasons.push(...(draft.findings ?? []));

  const confidence = round(Math.max(0, reasons.reduce((score, r) => score + r.effect, 1)));
  return { confidence, reasons };
}
