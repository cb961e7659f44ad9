/**
 * Reply triage: classifies one inbound message (the whole RFC 5322 text) as a person's reply of some intent,
 * an out-of-office or other automatic reply, or a bounce; with sentiment, whether a manager should see it,
 * the return date of an out-of-office, a confidence and the evidence for each decision.
 *
 *   parse → rules (rules.ts) → second opinion on a person's reply (an IntentRefiner, optional) → safety floors
 *
 * The floors (floors.ts) run last, so nothing a second opinion says can undo an opt-out or a bounce, or make a
 * message the rules were unsure of automatic.
 */
import { applyFloors, DEFAULT_FLOORS, type FloorOptions } from './floors';
import type { HumanIntent } from './intent';
import { parseMessage } from './parse';
import { classifyByRules, type RuleEvidence } from './rules';
import { isAutomaticIntent, type Sentiment, type Triage } from './types';

export type { Intent, Sentiment, Triage, TriageMessage } from './types';
export type { HumanIntent } from './intent';
export { AUTOMATIC_INTENTS, isAutomaticIntent } from './types';
export { extractNewText, stripQuotes, stripSignature } from './quotes';
export { bounceKindForStatus, parseDeliveryStatus } from './dsn';
export { findDateMentions, findReturnDate, parseDateExpression } from './dates';
export { htmlToText } from './html';

/** What a second opinion is shown: a person's reply as the rules read it. */
export interface RefinerInput {
  newText: string;
  subject: string | null;
  language: string;
  rules: Pick<Triage, 'intent' | 'sentiment' | 'confidence' | 'reasons'>;
}

export interface Refinement {
  intent: HumanIntent;
  sentiment?: Sentiment;
  confidence: number;
  /** Why, in words, for the audit trail and the rep. */
  reason: string;
}

/**
 * A second opinion on the intent of a person's reply (a language model, say). It is asked only about messages
 * the rules read as a person's reply and not as an opt-out, may answer only with a person's intent, and its
 * answer passes the floors like the rules' own.
 */
export interface IntentRefiner {
  readonly name: string;
  refine(input: RefinerInput): Promise<Refinement | null>;
}

export interface ClassifyOptions {
  refiner?: IntentRefiner;
  floors?: FloorOptions;
}

async function secondOpinion(triage: Triage, evidence: RuleEvidence, refiner: IntentRefiner): Promise<Triage> {
  if (isAutomaticIntent(triage.intent) || triage.intent === 'unsubscribe') return triage;
  let refined: Refinement | null;
  try {
    refined = await refiner.refine({
      newText: triage.newText,
      subject: evidence.subject,
      language: evidence.language.lang,
      rules: { intent: triage.intent, sentiment: triage.sentiment, confidence: triage.confidence, reasons: triage.reasons },
    });
  } catch (err) {
    return { ...triage, reasons: [...triage.reasons, `second opinion (${refiner.name}) failed: ${(err as Error).message}; the rules' reading stands`] };
  }
  if (!refined || refined.intent === triage.intent) return triage;
  if (isAutomaticIntent(refined.intent)) {
    return { ...triage, reasons: [...triage.reasons, `second opinion (${refiner.name}) said ${refined.intent}, which only the rules may decide; ignored`] };
  }
  return {
    ...triage,
    intent: refined.intent,
    sentiment: triage.escalate ? 'negative' : (refined.sentiment ?? triage.sentiment),
    confidence: Math.round(refined.confidence * 100) / 100,
    reasons: [`second opinion (${refiner.name}): ${refined.intent.replace(/_/g, ' ')} rather than ${triage.intent.replace(/_/g, ' ')}: ${refined.reason}`, ...triage.reasons],
  };
}

export async function classifyMessage(raw: string | Buffer, options: ClassifyOptions = {}): Promise<Triage> {
  const msg = await parseMessage(raw);
  const { triage, evidence } = classifyByRules(msg);
  const refined = options.refiner ? await secondOpinion(triage, evidence, options.refiner) : triage;
  return applyFloors(refined, evidence, options.floors ?? DEFAULT_FLOORS);
}
