/**
 * Safety floors: what holds whatever a classifier (the rules or a second opinion) says.
 *   1. An opt-out anywhere in what the person wrote (new text, subject, signature or P.S.) makes the message an
 *      unsubscribe: its effect (suppress and stop) wins over every other intent.
 *   2. A message the classifier is unsure is automatic is handled as a person's reply: automation stops and
 *      the rep reads it.
 * A delivery report's bounce is never changed: the floors read what people write, and a bounce is a mail
 * system's.
 */
import type { RuleEvidence } from './rules';
import { isAutomaticIntent, type Triage } from './types';

export interface FloorOptions {
  /** Below this confidence an automatic class is handled as a human reply. */
  automaticAtLeast: number;
}

export const DEFAULT_FLOORS: FloorOptions = { automaticAtLeast: 0.7 };

export function applyFloors(triage: Triage, evidence: RuleEvidence, options: FloorOptions = DEFAULT_FLOORS): Triage {
  if (evidence.bounce && (triage.intent === 'bounce_hard' || triage.intent === 'bounce_soft')) return triage;

  const optOut = evidence.mailSystem ? [] : [...new Set([...evidence.human.optOut.map((h) => h.text), ...evidence.optOutInBody])];
  if (optOut.length > 0 && triage.intent !== 'unsubscribe') {
    return {
      ...triage,
      intent: 'unsubscribe',
      sentiment: 'negative',
      returnDate: null,
      escalate: triage.escalate || evidence.human.escalate,
      confidence: Math.max(triage.confidence, 0.9),
      reasons: [`floor: an opt-out wins over ${triage.intent.replace(/_/g, ' ')}: ${optOut.map((t) => `"${t}"`).join(', ')}`, ...triage.reasons],
    };
  }

  if (isAutomaticIntent(triage.intent) && triage.confidence < options.automaticAtLeast) {
    const human = evidence.human;
    return {
      ...triage,
      intent: human.intent,
      sentiment: human.sentiment,
      escalate: human.escalate,
      returnDate: null,
      confidence: human.confidence,
      reasons: [`floor: not sure enough that a program wrote it (${triage.intent.replace(/_/g, ' ')} at ${triage.confidence}): handled as a person's reply`, ...human.reasons, ...triage.reasons],
    };
  }
  return triage;
}
