/**
 * Rules for replies written by people: intent, sentiment and whether a manager should see the reply.
 * Every rule is a phrase pattern over the folded new text (quotes and signature already removed), from the
 * per-language lexicons. When nothing matches clearly the answer is `other`, which a person reads.
 */
import { rules } from './lexicon';
import { fold, findEmails, matchRules, snippet, type PhraseHit } from './text';
import type { Intent, Sentiment } from './types';

export type HumanIntent = Exclude<Intent, 'out_of_office' | 'auto_reply_other' | 'bounce_hard' | 'bounce_soft'>;

const OPT_OUT = rules('optOut');
const OPT_OUT_NOT_REQUEST = rules('optOutNotRequest');
const NOT_INTERESTED = rules('notInterested');
const PRICE = rules('price');
const TIMING = rules('timing');
const COMPETITOR = rules('competitor');
const REFERRAL = rules('referral');
const MEETING = rules('meeting');
const QUESTION = rules('question');
const INTEREST = rules('interest');
const THREAT = rules('threat');
const ANGER = rules('anger');
const CONFUSED = rules('confused');

/** A whole reply (or subject) that is nothing but an opt-out word, in any of the lexicons' languages. */
const SINGLE_WORD_OPT_OUT =
  /^(please |pls |plz )?(stop|stopp|remove|remove me|unsubscribe|unsubscribe me|unsub|opt out|optout|opt-out|no more|take me off|delete|delete me|abmelden|austragen|desabonner|desinscrire|desinscription|baja|de baja|darme de baja|cancellami|cancellatemi|cancellazione|afmelden|uitschrijven|descadastrar|descadastre|remover|avregistrera|avsluta|wypisz|wypisz mnie|usun|配信停止|配信停止してください|停止)( please| pls| now| thanks| thank you)?[.!]*$/;

export interface HumanAnalysis {
  intent: HumanIntent;
  sentiment: Sentiment;
  escalate: boolean;
  confidence: number;
  reasons: string[];
  /** The opt-out phrases found (in the new text or the subject), whatever the intent. */
  optOut: PhraseHit[];
}

export interface HumanContext {
  /** The subject with reply prefixes removed; an opt-out there counts (our own subjects never carry one). */
  subject: string | null;
  senderAddress: string | null;
  ourAddresses: string[];
}

function describe(kind: string, hits: PhraseHit[]): string {
  return `${kind}: ${hits.map((h) => `"${snippet(h.text, 50)}" (${h.label})`).join(', ')}`;
}

/** Opt-out phrases that are not covered by a not-a-request phrase ("click here to unsubscribe"). */
export function findOptOut(folded: string): PhraseHit[] {
  const trimmed = folded.trim().replace(/\s+/g, ' ');
  if (SINGLE_WORD_OPT_OUT.test(trimmed)) return [{ label: 'a one-word opt-out', text: trimmed, index: 0, weight: 2 }];
  const hits = matchRules(folded, OPT_OUT);
  if (hits.length === 0) return [];
  const excluded = OPT_OUT_NOT_REQUEST.flatMap((rule) => [...folded.matchAll(new RegExp(rule.re.source, `${rule.re.flags.replace('g', '')}g`))].map((m) => [m.index!, m.index! + m[0].length] as const));
  return hits.filter((h) => !excluded.some(([start, end]) => h.index < end && start < h.index + h.text.length));
}

/** An opt-out phrase in the subject, or an opt-out word set apart in it ("Month-end close at Acme - REMOVE"). */
function findOptOutInSubject(folded: string): PhraseHit[] {
  const phrases = findOptOut(folded);
  if (phrases.length) return phrases;
  const parts = folded.split(/\s*[-–—:|()[\]*]+\s*|\s{2,}/).filter(Boolean);
  return parts.filter((p) => SINGLE_WORD_OPT_OUT.test(p.trim())).map((p) => ({ label: 'an opt-out word in the subject', text: p.trim(), index: folded.indexOf(p), weight: 2 }));
}

// "Could you send over the deck?" asks for general material: interest, not a question.
const GENERAL_MATERIAL = /\b(send|share|forward|email|e-mail|pass|provide|drop)\b.{0,30}\b(info|information|details|deck|slides|one-?pager|overview|brochure|materials?|more|something|anything|whatever)\b/;

// "What?", "¿Qué?", "Huh?": puzzlement, not a request for information.
const BARE_WH = /^[¿¡\s]*(what|huh|sorry|pardon|eh|que|quoi|comment|was|wie bitte|cosa|come|wat|hoe|o que|como|vad|co|なに|何)[\s?？!.]*$/;

/** Sentences that end in "?" and ask something (not a lone "?" or "what?"), without the ones asking for general material. */
function questions(text: string): string[] {
  const joined = text.replace(/\n(?!\n)/g, ' ');
  return (joined.match(/[^.!?\n。！？]*[?？]/g) ?? [])
    .map((q) => q.trim())
    .filter((q) => /[\p{L}]{2,}/u.test(q))
    .filter((q) => !BARE_WH.test(fold(q)))
    .filter((q) => !GENERAL_MATERIAL.test(fold(q)));
}

/** The sentence of the folded text around a position. */
function sentenceAt(folded: string, index: number): string {
  const start = Math.max(...['.', '!', '?', '\n'].map((p) => folded.lastIndexOf(p, index - 1))) + 1;
  const ends = ['.', '!', '?', '\n'].map((p) => folded.indexOf(p, index)).filter((i) => i >= 0);
  return folded.slice(start, ends.length ? Math.min(...ends) + 1 : folded.length);
}

// A verb that sends the sender elsewhere, before another person's address in the same sentence ("reach out to them
// at procurement@acme.com", "bitte wenden Sie sich an …@…").
const POINTS_TO_ADDRESS =
  /\b(reach(ing)? out|contact|write|e-?mail|talk|speak|direct|forward|send|get in touch|try|kontaktier\w*|wenden|schreiben|melden|contact\w*|ecrire|ecrivez|escrib\w*|contact\w*|dirig\w*|contatt\w*|scriv\w*|mail\w*|neem contact|entre em contato|fale com|kontakta|skriv|napisz|skontaktuj)\b[^.!?\n]{0,80}@/;

const score = (hits: PhraseHit[]) => hits.reduce((s, h) => s + h.weight, 0);

// "We're on Xero", "we went with FloQast", "signed with Trintech": a product by its capitalised name, read from the
// unfolded text. Words that are capitalised for other reasons (days, months, pronouns) are not products.
const USES_NAMED_PRODUCT = new RegExp(
  [
    "\\b(?:[Ww]e(?:'re| are|'ve| have)?|[Oo]ur (?:team|company|finance team|accounting team)(?: is| has)?)\\s+(?:already\\s+|currently\\s+|now\\s+|just\\s+|happily\\s+|recently\\s+|been\\s+)*",
    "(?:on|using|use|run|running|went with|go with|chose|picked|selected|signed with|signed on with|moved to|switched to|migrated to|implemented|rolled out|bought|licensed|standardi[sz]ed on|went live (?:with|on))\\s+([A-Z][A-Za-z0-9&.-]+)",
    "|\\b[Ww]e(?:'re| are) an? ([A-Z][A-Za-z0-9&.-]+) (?:shop|house|customer|user)\\b",
  ].join(''),
  'g',
);
const NOT_A_PRODUCT = /^(I|A|An|The|It|This|That|Our|Your|My|We|You|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Q[1-4]|Dana|Northpeak|Thanks|Thank|Please|Happy|Not|No|Yes|Also|And|But|So|Just|Holiday|Vacation|PTO|Leave)$/;

function namedProducts(text: string): string[] {
  const out: string[] = [];
  const asked = questions(text).join(' ');
  for (const m of text.matchAll(USES_NAMED_PRODUCT)) {
    const name = m[1] ?? m[2];
    // "Does it plug into Xero? We're on Xero." asks about the product rather than declining for it.
    if (name && !NOT_A_PRODUCT.test(name) && !asked.includes(name)) out.push(m[0].trim());
  }
  return out;
}

export function analyzeHuman(newText: string, ctx: HumanContext): HumanAnalysis {
  // A reply whose words are all in the subject ("Re: … — Wednesday 10am ET works") is read from the subject.
  if (newText.trim() === '' && ctx.subject) {
    const fromSubject = analyzeHuman(ctx.subject, { ...ctx, subject: null });
    if (fromSubject.intent !== 'other') return { ...fromSubject, reasons: [...fromSubject.reasons, 'read from the subject: no new text above the quote'] };
  }
  const f = fold(newText);
  const subject = ctx.subject ? fold(ctx.subject) : '';
  const reasons: string[] = [];

  const optOut = [...findOptOut(f), ...findOptOutInSubject(subject).map((h) => ({ ...h, text: `subject: ${h.text}` }))];
  const notInterested = matchRules(f, NOT_INTERESTED);
  const price = matchRules(f, PRICE);
  const timing = matchRules(f, TIMING);
  const competitor = [...matchRules(f, COMPETITOR), ...namedProducts(newText).map((text) => ({ label: 'uses a named product', text, index: 0, weight: 2 }))];
  const referral = matchRules(f, REFERRAL);
  // Office hours ("Monday to Friday, 9am-5pm") name days and times without proposing a meeting.
  const meeting = matchRules(f.replace(/\b(mon(day)?|lun(di|es)?|montag|mo)\.?\s*(-|–|to|through|thru|a|al|bis|au)\s*(fri(day)?|ven(dredi)?|viernes|freitag|fr)\b\.?/g, ' '), MEETING);
  const questionCues = matchRules(f, QUESTION).filter((h) => h.weight >= 2 && matchRules(sentenceAt(f, h.index), CONFUSED).length === 0);
  const interest = matchRules(f, INTEREST);
  const threat = matchRules(f, THREAT);
  const anger = matchRules(f, ANGER);
  const confused = matchRules(f, CONFUSED);
  const qs = questions(newText).filter((q) => matchRules(fold(q), CONFUSED).length === 0);

  // Another person's address in the new text supports a referral ("talk to jane@acme.com").
  const own = new Set([ctx.senderAddress, ...ctx.ourAddresses].filter(Boolean));
  const others = findEmails(newText).filter((a) => !own.has(a));
  const pointsTo = others.length > 0 && POINTS_TO_ADDRESS.test(f);
  const referralStrength = score(referral) + (others.length && referral.length ? 1 : 0) + (pointsTo ? 2 : 0);
  const shouting = (newText.match(/\b[A-Z]{4,}\b/g) ?? []).filter((w) => !/^(HTTP|HTTPS|HTML|GDPR|DSGVO|RGPD|ASAP|FYI|SOC|CFO|CEO|COO|NDA|SaaS|NETSUITE)$/.test(w)).length;

  let intent: HumanIntent = 'other';
  let hits: PhraseHit[] = [];
  let kind = '';
  const concreteMeeting = meeting.some((h) => h.weight >= 3);
  if (optOut.length) [intent, hits, kind] = ['unsubscribe', optOut, 'opt-out'];
  else if (concreteMeeting) [intent, hits, kind] = ['meeting_request', meeting, 'meeting request'];
  else if (referralStrength >= 2) [intent, hits, kind] = ['referral', referral, 'referral'];
  else if (competitor.length) [intent, hits, kind] = ['objection_competitor', competitor, 'competitor objection'];
  else if (price.length) [intent, hits, kind] = ['objection_price', price, 'price objection'];
  else if (score(meeting) >= 2 && score(timing) < 2) [intent, hits, kind] = ['meeting_request', meeting, 'meeting request'];
  else if (score(timing) >= 2) [intent, hits, kind] = ['objection_timing', timing, 'timing objection'];
  else if (notInterested.length) [intent, hits, kind] = ['not_interested', notInterested, 'not interested'];
  else if (meeting.length) [intent, hits, kind] = ['meeting_request', meeting, 'meeting request (weak)'];
  else if (qs.length || questionCues.length) [intent, hits, kind] = ['question', questionCues, 'question'];
  else if (interest.length) [intent, hits, kind] = ['interested', interest, 'interest'];
  else if (referral.length) [intent, hits, kind] = ['referral', referral, 'referral (weak)'];

  if (intent === 'question') reasons.push(qs.length ? `question: "${snippet(qs[0]!, 70)}"` : describe('asks for information', questionCues));
  else if (intent !== 'other') reasons.push(describe(kind, hits));
  if (intent === 'referral' && others.length) reasons.push(`referred address: ${others.join(', ')}${pointsTo ? ' (the reply points to it)' : ''}`);
  if (intent === 'question' && interest.length) reasons.push(describe('also shows interest', interest));
  if (intent === 'other') {
    if (confused.length) reasons.push('the only questions are about who we are: confused, not a product question');
    else if (f.trim() === '') reasons.push('no new text above the quoted message');
    else reasons.push('no clear intent in the new text (fail-safe: a person reads it)');
  }

  let sentiment: Sentiment;
  switch (intent) {
    case 'interested':
    case 'meeting_request':
      sentiment = 'positive';
      break;
    case 'not_interested':
    case 'unsubscribe':
    case 'objection_price':
    case 'objection_competitor':
      sentiment = 'negative';
      break;
    case 'question':
      sentiment = interest.length ? 'positive' : 'neutral';
      break;
    default:
      sentiment = 'neutral';
  }

  const escalateBecause: string[] = [];
  if (threat.length) escalateBecause.push(describe('threat', threat));
  if (anger.length) escalateBecause.push(describe('anger', anger));
  if (shouting >= 2 && (optOut.length || notInterested.length || anger.length)) escalateBecause.push(`shouting (${shouting} words in capitals)`);
  if (confused.length) escalateBecause.push(describe('confused about who we are', confused));
  const escalate = escalateBecause.length > 0;
  if (escalate) reasons.push(...escalateBecause.map((r) => `escalate: ${r}`));
  // Anger, threats and "I never signed up" complain; confusion about who we are alone does not say how the writer
  // feels about going on, unless it comes with something else the writer says.
  if (threat.length || anger.length || confused.some((h) => h.weight >= 2) || (confused.length && intent !== 'other')) sentiment = 'negative';

  const strength = intent === 'question' ? 2 + Math.min(1, qs.length) : score(hits);
  const confidence =
    intent === 'unsubscribe' ? 0.95 : intent === 'other' ? (confused.length ? 0.6 : 0.4) : Math.min(0.95, 0.55 + 0.1 * strength + (intent === 'referral' && others.length ? 0.1 : 0));
  return { intent, sentiment, escalate, confidence: Math.round(confidence * 100) / 100, reasons, optOut };
}
