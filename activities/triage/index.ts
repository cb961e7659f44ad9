/**
 * Reply triage: classifies one inbound message (the whole RFC 5322 text) as a person's reply of some intent,
 * an out-of-office or other automatic reply, or a bounce; with sentiment, whether a manager should see it,
 * the return date of an out-of-office, and the evidence for each decision.
 *
 * Fail safe: automatic classes (which let automation continue) need strong evidence: a delivery status
 * report or bounce from a mail system, an RFC 3834 / vendor auto-reply header, or clear out-of-office
 * wording backed by an automatic subject or absence-notice phrasing. Anything else is a human class,
 * `other` when nothing is clear.
 */
import { autoHeaderEvidence, autoSubject, oooEvidence } from './auto-reply';
import { findReturnDate } from './dates';
import { detectBounce } from './dsn';
import { analyzeHuman } from './intent';
import { detectLanguage } from './language';
import { headerValue, parseMessage, type ParsedMessage } from './parse';
import { extractNewText } from './quotes';
import type { Intent, Sentiment, Triage } from './types';

export type { Intent, Sentiment, Triage, TriageMessage } from './types';
export { AUTOMATIC_INTENTS, isAutomaticIntent } from './types';
export { extractNewText, stripQuotes, stripSignature } from './quotes';
export { bounceKindForStatus, parseDeliveryStatus } from './dsn';
export { findDateMentions, findReturnDate, parseDateExpression } from './dates';
export { htmlToText } from './html';

const REPLY_PREFIX = /^\s*((re|aw|sv|vs|antw|antwort|rif|r|wg|fw|fwd|tr|rv|enc|réf)\s*(\[\d+\])?\s*:\s*)+/i;

function result(
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

export async function classifyMessage(raw: string | Buffer): Promise<Triage> {
  const msg = await parseMessage(raw);
  const subject = msg.message.subject;

  // 1. Bounces: the DSN structure, or a mail system's non-standard bounce.
  const bounce = detectBounce(msg);
  if (bounce) {
    if (bounce.kind) {
      return result(msg, {
        intent: bounce.kind === 'hard' ? 'bounce_hard' : 'bounce_soft',
        confidence: bounce.confidence,
        reasons: bounce.reasons,
        newText: bounce.notification,
        bouncedRecipients: bounce.recipients,
        bouncedMessageId: bounce.originalMessageId,
      });
    }
    return result(msg, {
      intent: 'auto_reply_other',
      confidence: bounce.confidence,
      reasons: [...bounce.reasons, 'a delivery report in which no recipient failed'],
      newText: bounce.notification,
    });
  }

  // 2. The new text: no quoted earlier messages, no signature.
  const { body, newText, cuts } = extractNewText(msg.text);
  const textReasons = [...(msg.fromHtml ? ['HTML-only body converted to text'] : []), ...cuts.map((c) => `ignored ${c}`)];

  // 3. Automatic replies.
  const headers = autoHeaderEvidence(msg);
  const subj = autoSubject(subject);
  const ooo = oooEvidence(body);
  const oooInSubject = subject ? oooEvidence(subject).core : [];
  const ownSubject = subject && !REPLY_PREFIX.test(subject) && !subj ? subject : null;
  const human = analyzeHuman(newText, {
    ownSubject,
    senderAddress: msg.fromAddress,
    ourAddresses: msg.message.to,
  });
  const lang = detectLanguage(body || subject || '', headerValue(msg, 'content-language'));
  const returnDate = () => {
    const found = findReturnDate(body, { dayFirst: lang.dayFirst, reference: msg.localDate }) ?? (subject ? findReturnDate(subject, { dayFirst: lang.dayFirst, reference: msg.localDate }) : null);
    return found ? { date: found.date, reason: `return date ${found.date} from "${found.evidence}" (language ${lang.lang}, ${lang.dayFirst ? 'day first' : 'month first'}; sent ${msg.localDate ?? 'unknown'})` } : null;
  };
  const subjectReason = subj ? [`subject marks an automatic reply: "${subj.label}"`] : [];
  const oooWording = [...ooo.core, ...oooInSubject.map((r) => `${r} (subject)`)];

  if (headers.strong.length > 0) {
    const isOoo = oooWording.length > 0 || (subj?.ooo ?? false);
    if (isOoo) {
      const rd = returnDate();
      return result(msg, {
        intent: 'out_of_office',
        returnDate: rd?.date ?? null,
        confidence: ooo.core.length ? 0.97 : 0.9,
        reasons: [...headers.strong, ...headers.weak, ...subjectReason, ...oooWording, ...ooo.support, ...(rd ? [rd.reason] : ['no return date stated']), ...textReasons],
        newText,
      });
    }
    return result(msg, {
      intent: 'auto_reply_other',
      confidence: 0.9,
      reasons: [...headers.strong, ...headers.weak, ...subjectReason, ...ooo.selfDeclared, 'no out-of-office wording', ...textReasons],
      newText,
    });
  }

  // Without an RFC 3834 header: out-of-office wording counts only with an automatic subject, absence-notice
  // phrasing or a supporting header, and only when the text does not also engage like a person would.
  // Two independent signals are needed, one of them out-of-office wording (in the body or as the subject).
  const engaged = !['other', 'referral'].includes(human.intent);
  const signals = [...(ooo.core.length ? ['body'] : []), ...(subj ? ['subject'] : []), ...(ooo.support.length ? ['support'] : []), ...(ooo.selfDeclared.length ? ['self'] : []), ...(headers.weak.length ? ['header'] : [])];
  const backing = [...subjectReason, ...ooo.support, ...ooo.selfDeclared, ...headers.weak];
  const oooSaid = ooo.core.length > 0 || oooInSubject.length > 0 || (subj?.ooo ?? false);
  if (oooSaid && signals.length >= 2 && !engaged) {
    const rd = returnDate();
    return result(msg, {
      intent: 'out_of_office',
      returnDate: rd?.date ?? null,
      confidence: Math.min(0.9, 0.75 + 0.05 * backing.length),
      reasons: ['no RFC 3834 header', ...oooWording, ...backing, ...(rd ? [rd.reason] : ['no return date stated']), ...textReasons],
      newText,
    });
  }
  if (headers.weak.length > 0 && subj?.autoReply && !engaged) {
    return result(msg, {
      intent: 'auto_reply_other',
      confidence: 0.75,
      reasons: [...headers.weak, ...subjectReason, ...ooo.selfDeclared, ...textReasons],
      newText,
    });
  }

  // 4. A person wrote it.
  const failSafe: string[] = [];
  if (oooSaid) {
    failSafe.push(
      engaged
        ? `out-of-office wording, but the text engages like a person (${human.intent}): treated as a human reply`
        : 'out-of-office wording without an automatic header, subject or notice phrasing: treated as a human reply (fail-safe)',
    );
  }
  if (headers.weak.length > 0) failSafe.push(`${headers.weak.join(', ')} alone does not make a message automatic`);
  if (ooo.selfDeclared.length > 0) failSafe.push(`${ooo.selfDeclared.join(', ')} without an automatic header: treated as a human reply (fail-safe)`);
  const autoSubmittedNo = headerValue(msg, 'auto-submitted');
  if (autoSubmittedNo !== null) failSafe.push(`Auto-Submitted: ${autoSubmittedNo} (a person sent it)`);
  return result(msg, {
    intent: human.intent,
    sentiment: human.sentiment,
    escalate: human.escalate,
    confidence: human.confidence,
    reasons: [...human.reasons, ...failSafe, ...textReasons],
    newText,
  });
}
