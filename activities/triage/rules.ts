/**
 * The rule classifier: bounces from their delivery-status structure or a mail system's wording, automatic
 * replies from their headers, subject and wording, and people's replies from phrase rules over their new text.
 *
 * Fail safe: automatic classes (which let automation continue) need strong evidence: a delivery status
 * report or bounce from a mail system, an RFC 3834 / vendor auto-reply header, or wording that only a program
 * writes backed by a second signal. Anything else is a human class, `other` when nothing is clear.
 */
import { autoHeaderEvidence, autoSubject, oooEvidence } from './auto-reply';
import { findReturnDate } from './dates';
import { detectBounce, isMailerSender } from './dsn';
import { analyzeHuman, findOptOut, type HumanAnalysis } from './intent';
import { detectLanguage, type LanguageGuess } from './language';
import { headerValue, type ParsedMessage } from './parse';
import { extractNewText, stripDisclaimers } from './quotes';
import { fold } from './text';
import type { Intent, Sentiment, Triage } from './types';

const REPLY_PREFIX = /^\s*((re|aw|sv|vs|antw|antwort|rif|r|wg|fw|fwd|tr|rv|enc|ref|réf|odp|pd|vb|doorst|答复|回复|転送)\s*(\[\d+\])?\s*[:：]\s*)+/i;

/** What the rules found, beyond the classification: the floors and a second opinion read these. */
export interface RuleEvidence {
  /** The text above the first quoted message, signature included. */
  body: string;
  /** The subject without reply prefixes. */
  subject: string | null;
  language: LanguageGuess;
  /** The analysis of the new text as a person's reply, whatever the class. */
  human: HumanAnalysis;
  /** Opt-out phrases anywhere in the body above the quote (signature and P.S. included, disclaimers not). */
  optOutInBody: string[];
  /** Whether the class came from a delivery report or a mail system's bounce. */
  bounce: boolean;
  /** The sender is a mail system (mailer-daemon, postmaster): nobody there opts out. */
  mailSystem: boolean;
}

export interface RuleResult {
  triage: Triage;
  evidence: RuleEvidence;
}

export function triageResult(
  msg: ParsedMessage,
  fields: {
    intent: Intent;
    sentiment?: Sentiment;
    escalate?: boolean;
    returnDate?: string | null;
    confidence: number;
    reasons: string[];
    newText: string;
    bouncedRecipients?: string[];
    bouncedMessageId?: string | null;
  },
): Triage {
  return {
    intent: fields.intent,
    sentiment: fields.sentiment ?? 'neutral',
    escalate: fields.escalate ?? false,
    returnDate: fields.returnDate ?? null,
    confidence: Math.round(fields.confidence * 100) / 100,
    reasons: fields.reasons,
    message: msg.message,
    newText: fields.newText,
    bouncedRecipients: fields.bouncedRecipients ?? [],
    bouncedMessageId: fields.bouncedMessageId ?? null,
  };
}

// Intents that show a person engaging with the content, which an absence notice does not do.
const ENGAGED: readonly Intent[] = ['meeting_request', 'question', 'objection_price', 'objection_competitor', 'not_interested', 'interested'];

/** The greeting line, when it names the person the message answers ("Hi Dana,", "Hallo Frau Whitfield"). */
function greetsByName(newText: string, msg: ParsedMessage): string | null {
  const names = msg.message.to.length ? msg.recipientNames : [];
  const first = newText.split('\n').find((l) => l.trim() !== '')?.trim() ?? '';
  if (first.length > 60) return null;
  const folded = fold(first);
  for (const name of names) {
    for (const part of fold(name).split(/\s+/).filter((p) => p.length >= 3)) {
      if (new RegExp(`^(hi|hello|hey|dear|morning|good morning|hallo|liebe|lieber|sehr geehrte|guten tag|bonjour|chere|cher|hola|estimada|ciao|gentile|beste|hoi|ola|prezado|prezada|hej|dzien dobry|witam|czesc)?[ ,]*(ms\\.?|mrs\\.?|miss|frau|mme|madame|sra\\.?|senora|sig\\.ra|signora|mevrouw|pani)?[ ,]*${part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(folded)) return first;
    }
  }
  return null;
}

export function classifyByRules(msg: ParsedMessage): RuleResult {
  const rawSubject = msg.message.subject;
  const subject = rawSubject ? rawSubject.replace(REPLY_PREFIX, '').trim() : null;

  // The new text: no quoted earlier messages, no signature.
  const { body, newText, cuts } = extractNewText(msg.text);
  // Guessed only when something reads it (an out-of-office's return date, a second opinion): most replies need none.
  let guessed: LanguageGuess | undefined;
  const guessLanguage = () => (guessed ??= detectLanguage(body || subject || '', headerValue(msg, 'content-language'), msg.offsetMinutes));
  const human = analyzeHuman(newText, { subject, senderAddress: msg.fromAddress, ourAddresses: msg.message.to });
  const optOutInBody = findOptOut(fold(stripDisclaimers(body))).map((h) => h.text);
  const evidence = (bounce: boolean): RuleEvidence => ({
    body,
    subject,
    get language() {
      return guessLanguage();
    },
    human,
    optOutInBody,
    bounce,
    mailSystem: isMailerSender(msg),
  });

  // 1. Bounces: the DSN structure, or a mail system's non-standard bounce.
  const bounce = detectBounce(msg);
  if (bounce) {
    if (bounce.kind) {
      return {
        triage: triageResult(msg, {
          intent: bounce.kind === 'hard' ? 'bounce_hard' : 'bounce_soft',
          confidence: bounce.confidence,
          reasons: bounce.reasons,
          newText: bounce.notification,
          bouncedRecipients: bounce.recipients,
          bouncedMessageId: bounce.originalMessageId,
        }),
        evidence: evidence(true),
      };
    }
    return {
      triage: triageResult(msg, {
        intent: 'auto_reply_other',
        confidence: bounce.confidence,
        reasons: [...bounce.reasons, 'a delivery report in which no recipient failed'],
        newText: bounce.notification,
      }),
      evidence: evidence(true),
    };
  }

  const textReasons = [...(msg.fromHtml ? ['HTML-only body converted to text'] : []), ...cuts.map((c) => `ignored ${c}`)];

  // 2. Automatic replies.
  const headers = autoHeaderEvidence(msg);
  const subj = autoSubject(rawSubject);
  const ooo = oooEvidence(body);
  const oooInSubject = subject ? oooEvidence(subject).core : [];
  const engaged = ENGAGED.includes(human.intent) && human.confidence >= 0.75;
  const returnDate = () => {
    const language = guessLanguage();
    const opts = { dayFirst: language.dayFirst, reference: msg.localDate, offsetMinutes: msg.offsetMinutes ?? 0, languages: [language.lang] };
    const found = findReturnDate(body, opts) ?? (subject ? findReturnDate(subject, opts) : null);
    return found
      ? { date: found.date, reason: `return date ${found.date} from "${found.evidence}" (language ${language.lang}, ${language.dayFirst ? 'day first' : 'month first'}; sent ${msg.localDate ?? 'unknown'})` }
      : null;
  };
  const subjectReason = subj ? [`subject marks an automatic reply: "${subj.label}"`] : [];
  const oooWording = [...ooo.core, ...oooInSubject.map((r) => `${r} (subject)`)];
  const oooSaid = ooo.core.length > 0 || oooInSubject.length > 0 || (subj?.ooo ?? false);
  const outOfOffice = (confidence: number, reasons: string[]): RuleResult => {
    const rd = returnDate();
    return {
      triage: triageResult(msg, {
        intent: 'out_of_office',
        returnDate: rd?.date ?? null,
        confidence,
        reasons: [...reasons, ...(rd ? [rd.reason] : ['no return date stated']), ...textReasons],
        newText,
      }),
      evidence: evidence(false),
    };
  };
  const automatic = (confidence: number, reasons: string[]): RuleResult => ({
    triage: triageResult(msg, { intent: 'auto_reply_other', confidence, reasons: [...reasons, ...textReasons], newText }),
    evidence: evidence(false),
  });

  // A header a program sets is enough, unless the only one is Precedence (which some list and CRM tools put on
  // people's mail) and the text engages like a person.
  const onlyPrecedence = headers.strong.every((h) => /^(X-)?Precedence:/i.test(h));
  if (headers.strong.length > 0 && !(onlyPrecedence && engaged && !subj && ooo.selfDeclared.length === 0)) {
    // A departure notice sent through an absence rule ("Automatic reply: …", "I have left Acme") is not an absence.
    const leftCompany = ooo.selfDeclared.some((r) => /left the company|nicht mehr|ne fait plus|ya no|non fa piu|niet meer werkzaam|nao trabalha|arbetar inte|nie pracuje|退職/.test(r));
    if (oooSaid && !(leftCompany && ooo.core.length === 0)) {
      return outOfOffice(ooo.core.length || subj?.ooo ? 0.97 : 0.9, [...headers.strong, ...headers.weak, ...subjectReason, ...oooWording, ...ooo.support]);
    }
    return automatic(0.9, [...headers.strong, ...headers.weak, ...subjectReason, ...ooo.selfDeclared, 'no out-of-office wording']);
  }

  // A text that greets our sender by name was written by a person, whatever else it says: a program does not know
  // who wrote to it (Outlook's and the HR systems' notices say "Hello," or nothing).
  const greetsUs = greetsByName(newText, msg);
  if (greetsUs) {
    return {
      triage: triageResult(msg, {
        intent: human.intent,
        sentiment: human.sentiment,
        escalate: human.escalate,
        confidence: human.confidence,
        reasons: [...human.reasons, `greets the sender by name ("${greetsUs}"): a person wrote it`, ...textReasons],
        newText,
      }),
      evidence: evidence(false),
    };
  }

  // Without such a header: two independent signals, one of them saying the person is away (for an
  // out-of-office) or that a program wrote it (for other automatic replies), and a text that does not engage.
  const awaySignals = [...(ooo.core.length ? ['body'] : []), ...(subj ? ['subject'] : []), ...(ooo.support.length ? ['notice'] : []), ...(headers.weak.length ? ['header'] : []), ...(ooo.selfDeclared.length ? ['self'] : [])];
  if (oooSaid && awaySignals.length >= 2 && !engaged) {
    const backing = [...subjectReason, ...ooo.support, ...ooo.selfDeclared, ...headers.weak];
    return outOfOffice(Math.min(0.9, 0.75 + 0.05 * backing.length), ['no RFC 3834 header', ...oooWording, ...backing]);
  }
  const autoSignals = ooo.selfDeclaredStrength + (subj?.autoReply ? 1 : 0) + headers.weak.length;
  // Three signals (a read receipt's "was read on Tuesday 9:03" under "Read:") outweigh words that look like engagement.
  if (ooo.selfDeclared.length > 0 && autoSignals >= 2 && (!engaged || autoSignals >= 3)) {
    return automatic(0.8, ['no RFC 3834 header', ...ooo.selfDeclared, ...subjectReason, ...headers.weak]);
  }

  // 3. A person wrote it.
  const failSafe: string[] = [];
  if (oooSaid) {
    failSafe.push(
      engaged
        ? `out-of-office wording, but the text engages like a person (${human.intent}): treated as a human reply`
        : 'out-of-office wording without an automatic header, subject or notice phrasing: treated as a human reply (fail-safe)',
    );
  }
  if (headers.strong.length > 0) failSafe.push(`${headers.strong.join(', ')}, but the text engages like a person (${human.intent}): treated as a human reply`);
  if (headers.weak.length > 0) failSafe.push(`${headers.weak.join(', ')} alone does not make a message automatic`);
  if (ooo.selfDeclared.length > 0) failSafe.push(`${ooo.selfDeclared.join(', ')} without a second sign of automation: treated as a human reply (fail-safe)`);
  const autoSubmittedNo = headerValue(msg, 'auto-submitted');
  if (autoSubmittedNo !== null && headers.strong.length === 0) failSafe.push(`Auto-Submitted: ${autoSubmittedNo} (a person sent it)`);
  return {
    triage: triageResult(msg, {
      intent: human.intent,
      sentiment: human.sentiment,
      escalate: human.escalate,
      confidence: human.confidence,
      reasons: [...human.reasons, ...failSafe, ...textReasons],
      newText,
    }),
    evidence: evidence(false),
  };
}
