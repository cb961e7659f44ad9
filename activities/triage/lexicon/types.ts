/**
 * What one language contributes to the triage rules. Every pattern is matched against folded text (see
 * text.ts: lower case, no accents on Latin letters, straight apostrophes), so patterns are written that way:
 * "desinscrire", not "désinscrire". Japanese has no word boundaries, so its patterns use no \b.
 */
import type { PhraseRule } from '../text';

export interface Lexicon {
  /** ISO 639-1 code. */
  lang: string;

  // --- human intents -------------------------------------------------------------------------------
  /** Asks not to be emailed any more, objects to marketing use of their data, or threatens to report the sender. */
  optOut: PhraseRule[];
  /** Words that look like an opt-out but are not a request (an unsubscribe link's instructions, "don't stop"). */
  optOutNotRequest: PhraseRule[];
  /** Declines with no price, timing or competitor reason. */
  notInterested: PhraseRule[];
  /** Price or budget pushback. */
  price: PhraseRule[];
  /** Not now / later. */
  timing: PhraseRule[];
  /** Already uses, chose or built something else. */
  competitor: PhraseRule[];
  /** Points to someone else as the right person. */
  referral: PhraseRule[];
  /** Proposes or accepts a call, demo or meeting, or asks for times or a link. */
  meeting: PhraseRule[];
  /** Asks for specific information (besides sentences ending in "?"): "I'd like to know", "tell me more about pricing". */
  question: PhraseRule[];
  /** Positive, wants to hear more. */
  interest: PhraseRule[];

  // --- escalation ----------------------------------------------------------------------------------
  threat: PhraseRule[];
  anger: PhraseRule[];
  /** Alarm or confusion about who the sender is or how they got the address. */
  confused: PhraseRule[];

  // --- automatic messages --------------------------------------------------------------------------
  /** Says the person is away (vacation, leave, travel, out of office). */
  away: PhraseRule[];
  /** Phrasing typical of an absence notice (limited access, urgent contact, reply on return). */
  awayNotice: PhraseRule[];
  /** The message says about itself that it is automatic, or is a help-desk / not-monitored / left-company notice. */
  automatic: PhraseRule[];
  /** Subjects automatic replies put in front ("Automatic reply:", "Abwesenheitsnotiz"); `away` marks absence. */
  autoSubjects: Array<{ re: RegExp; away: boolean }>;

  // --- return dates --------------------------------------------------------------------------------
  /** Words right before the day the sender is back ("back on", "zurück am", "de retour le"). */
  returnCue: string[];
  /** Words right before the last day away ("until", "bis", "jusqu'au"): the named day is the label. */
  untilCue: string[];
  /** Words right before the first day away ("from", "vom"): not a return date. */
  fromCue: string[];
}
