/**
 * Every AI output is checked before it is scored; each finding is a confidence reason that points at the words
 * (the slot and the span), so the gate policy routes the draft to a rep and the rep sees why:
 *
 * - ai-ungrounded: a number, amount, percentage, date, link, address or proper name the model wrote that is not
 *   in the enrichment, the framework, the template or the thread;
 * - ai-hostile-enrichment: an enrichment value that reads as instructions to the model (it is left out of what
 *   grounds a claim, so a claim taken from it is ungrounded too);
 * - ai-commitment: a discount, a free offer, a guarantee or a refund the approved text does not make;
 * - ai-placeholder, ai-empty, ai-too-long, ai-tone: leftovers and the slot's limits;
 * - ai-dont / ai-do: the framework's do/don't list;
 * - ai-language: the answer is not in the language it was asked for.
 */
import * as chrono from 'chrono-node';
import { detectAll } from 'tinyld';
import type { ConfidenceReason } from '../../db/types';
import type { Enrichment } from '../deps';
import { fixedText, type AiSlot, type Framework } from './framework';
import type { ThreadMessage } from './prompt';

export interface CheckInput {
  slots: AiSlot[];
  values: Record<string, string>;
  framework: Framework;
  enrichment: Enrichment;
  ownerName: string;
  thread: ThreadMessage[];
  /** ISO 639-1 code of the language asked for, or null when any will do. */
  language: string | null;
}

export interface Span {
  slot: string;
  start: number;
  end: number;
  text: string;
}

export type Finding = ConfidenceReason & { span?: Span };

const PENALTY = {
  ungrounded: 0.4,
  hostile: 0.5,
  commitment: 0.4,
  placeholder: 0.5,
  empty: 0.5,
  tooLong: 0.2,
  tone: 0.1,
  dont: 0.4,
  do: 0.2,
  language: 0.3,
} as const;

const HOSTILE = /\b(ignore|disregard|forget|override)\b[^.\n]{0,40}\b(above|previous|prior|earlier|all|your|the)\b[^.\n]{0,20}\b(instructions?|rules?|prompt|guidelines|directions)\b|\byou are (now )?(a|an|the|chatgpt|an ai)\b|\bsystem prompt\b|<\/?(system|instructions?|prompt)>|\b(promise|offer|tell (them|the prospect)|write|say|include)\b[^.\n]{0,40}\b(discount|free|guarantee|refund|% off)\b/i;
const COMMITMENT = /\b(\d+\s?%\s?(off|discount)|discount(s|ed)?|free of charge|for free|free (trial|pilot|month|months|access|upgrade)|guarantee(d|s)?|refund(s|ed)?|money[- ]back|no cost|at no charge|lowest price|price match)\b/i;
const PLACEHOLDER = /\{\{[^}]*\}\}|\[(?:[A-Z][A-Za-z]*(?: [A-Za-z]+){0,3})\]|<(?:[A-Za-z]+(?: [A-Za-z]+){0,3})>|\b(XXX+|TBD|TODO|INSERT|PLACEHOLDER)\b|lorem ipsum/;
const URL = /\bhttps?:\/\/[^\s)>\]"']+|\bwww\.[^\s)>\]"']+/gi;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const NUMBER = /(?:[$€£¥]\s?)?\d(?:[\d,.]*\d)?(?:\s?%|\s?(?:percent|k|m|bn|x)\b)?/gi;
// Counts and ordinals in words are numbers too ("a second warehouse", "three new sites").
const NUMBER_WORD = /\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen|second|third|fourth|fifth|tenth|double|triple|twice|half)\b/gi;
const NOT_A_NAME = new Set(
  'I Hi Hello Hey Dear Thanks Thank Best Regards Cheers Congratulations Congrats Great Quick Just Would Could Can Do Does Is Are As If When While With Your You We Our My The A An This That These Those It Its Happy Hope Looking PS P.S. OK Ok'.split(' '),
);

const NOT_A_VOCATIVE = new Set('Also However So Well Still Yes No Again Now Plus Besides Meanwhile Otherwise Indeed First Second Third Finally Lastly Anyway Instead Then Today Yesterday Recently Lately Sure Absolutely Naturally Of Ah Oh Wow'.split(' '));

const norm = (s: string) => s.toLowerCase().normalize('NFKC').replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ');

function spansOf(slot: string, text: string, re: RegExp): Span[] {
  return [...text.matchAll(new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`))].map((m) => ({ slot, start: m.index!, end: m.index! + m[0].length, text: m[0] }));
}

/** Capitalised words that are not the first word of a sentence: names of people, companies, products, places. */
function properNouns(slot: string, text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(/\p{Lu}[\p{L}\p{M}'&.-]*(?:\s+\p{Lu}[\p{L}\p{M}'&.-]*)*/gu)) {
    const before = text.slice(0, m.index!).trimEnd();
    const sentenceStart = before === '' || /[.!?:;\n—–-]$/.test(before) || /(^|\s)["'(]$/.test(before);
    let words = m[0].split(/\s+/);
    // A sentence's first word is capitalised anyway, except that a word addressed to someone ("Sam, with a new
    // CFO…") is a name: greeting the prospect by the wrong name is the worst slip a model makes.
    const addressed = words.length === 1 && text[m.index! + m[0].length] === ',' && !/(ly|ally)$/.test(m[0]) && !NOT_A_VOCATIVE.has(m[0]);
    if (sentenceStart && !addressed) words = words.slice(1);
    // Words in capitals of four letters or more are shouting (the tone check's), not names.
    words = words.map((w) => w.replace(/[.'-]+$/, '')).filter((w) => w.length > 1 && !NOT_A_NAME.has(w) && !/^\p{Lu}{4,}$/u.test(w));
    if (words.length === 0) continue;
    const start = m.index! + m[0].indexOf(words[0]!);
    const phrase = words.join(' ');
    out.push({ slot, start, end: start + phrase.length, text: phrase });
  }
  return out;
}

/** Dates and weekdays, read by chrono in English and the language asked for. */
function dateMentions(slot: string, text: string, language: string | null): Span[] {
  const parsers = [chrono.en.casual, ...(language && language !== 'en' && (chrono as unknown as Record<string, { casual?: chrono.Chrono }>)[language]?.casual ? [(chrono as unknown as Record<string, { casual: chrono.Chrono }>)[language]!.casual] : [])];
  return parsers.flatMap((p) =>
    p.parse(text, new Date(Date.UTC(2026, 0, 1))).map((r) => {
      // chrono's match may start with a preposition ("on 14 February"): the claim is the date itself.
      const lead = /^(?:on|by|from|until|till|at|in|the)\s+/i.exec(r.text)?.[0].length ?? 0;
      return { slot, start: r.index + lead, end: r.index + r.text.length, text: r.text.slice(lead) };
    }),
  ).filter((d) => !/^(now|right now|today|tonight|this (morning|afternoon|evening))$/i.test(d.text));
}

function writtenInGerman(text: string, asked: string | null): boolean {
  if (asked === 'de') return true;
  const top = text.length >= 20 ? detectAll(text)[0] : undefined;
  return top?.lang === 'de' && top.accuracy >= 0.3;
}

function appearsIn(corpus: string, claim: string): boolean {
  const c = norm(claim).replace(/[.,;:!?]+$/, '');
  if (corpus.includes(c)) return true;
  // "$49" in "49 dollars", "40%" in "40 percent": the digits must be there.
  const digits = c.replace(/[^\d.]/g, '').replace(/\.$/, '');
  return digits.length > 0 && /\d/.test(c) && new RegExp(`(^|[^\\d])${digits.replace(/\./g, '\\.')}([^\\d]|$)`).test(corpus);
}

const contentWords = (s: string) =>
  norm(s)
    .replace(/^(do not|don't|never|avoid|no)\s+/, '')
    .split(/[^\p{L}\p{N}%$]+/u)
    .filter((w) => w.length >= 4 && !['mention', 'use', 'using', 'say', 'promise', 'offer', 'talk', 'about', 'write', 'include', 'make', 'give', 'with', 'that', 'this', 'their', 'them'].includes(w));
const stem = (w: string) => w.slice(0, 5);

export function checkAiOutput(input: CheckInput): Finding[] {
  const findings: Finding[] = [];
  const add = (code: string, effect: number, detail: string, span?: Span) => findings.push({ code, effect: -effect, detail, ...(span ? { span } : {}) });

  // The words that may ground a claim. An enrichment value that reads as instructions grounds nothing.
  const hostile = Object.entries(input.enrichment.fields).filter(([, v]) => HOSTILE.test(v));
  for (const [field, value] of hostile) {
    add('ai-hostile-enrichment', PENALTY.hostile, `enrichment field "${field}" reads as instructions to the model ("${value.slice(0, 80)}"); it was given as data and grounds no claim`);
  }
  const trusted = Object.entries(input.enrichment.fields).filter(([f]) => !hostile.some(([h]) => h === f)).map(([, v]) => v);
  const corpus = norm(
    [...trusted, fixedText(input.framework), input.framework.instructions, ...input.framework.dos, input.ownerName, ...input.thread.map((m) => `${m.subject} ${m.body}`)].join('\n'),
  );
  const approvedText = norm(`${fixedText(input.framework)} ${input.framework.instructions} ${input.framework.dos.join(' ')}`);

  for (const slot of input.slots) {
    const text = input.values[slot.name] ?? '';
    const words = text.split(/\s+/).filter(Boolean).length;
    if (words === 0) {
      add('ai-empty', PENALTY.empty, `the model wrote nothing for {{ai:${slot.name}}}`);
      continue;
    }
    if (words > slot.maxWords) add('ai-too-long', PENALTY.tooLong, `{{ai:${slot.name}}} has ${words} words, more than its ${slot.maxWords}`, { slot: slot.name, start: 0, end: text.length, text });

    for (const span of spansOf(slot.name, text, PLACEHOLDER)) add('ai-placeholder', PENALTY.placeholder, `a placeholder was left in {{ai:${slot.name}}}: "${span.text}"`, span);

    const claims = [
      ...spansOf(slot.name, text, URL),
      ...spansOf(slot.name, text, EMAIL),
      ...spansOf(slot.name, text, NUMBER).filter((s) => /\d/.test(s.text)),
      ...spansOf(slot.name, text, NUMBER_WORD),
      ...dateMentions(slot.name, text, input.language),
      // German capitalises every noun: there only names of two or more words count.
      ...properNouns(slot.name, text).filter((p) => !writtenInGerman(text, input.language) || p.text.includes(' ')),
    ];
    // Overlapping claims are one claim: the longest ("14 February", not "14" and "February").
    claims.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
    const kept: Span[] = [];
    for (const c of claims) if (!kept.some((k) => c.start < k.end && k.start < c.end)) kept.push(c);
    kept.sort((a, b) => a.start - b.start);
    const seen = new Set<string>();
    for (const claim of kept) {
      const key = norm(claim.text);
      if (seen.has(key)) continue;
      seen.add(key);
      // A proper name of several words is grounded when each of its words is (a name and a company side by side).
      const grounded = appearsIn(corpus, claim.text) || (claim.text.includes(' ') && claim.text.split(/\s+/).every((w) => appearsIn(corpus, w)));
      if (!grounded) add('ai-ungrounded', PENALTY.ungrounded, `"${claim.text}" in {{ai:${slot.name}}} is not in the enrichment, the framework or the template`, claim);
    }

    for (const span of spansOf(slot.name, text, COMMITMENT)) {
      if (!approvedText.includes(norm(span.text))) add('ai-commitment', PENALTY.commitment, `{{ai:${slot.name}}} offers "${span.text}", which the approved text does not`, span);
    }

    const exclamations = (text.match(/!/g) ?? []).length;
    const shouting = (text.match(/\b\p{Lu}{4,}\b/gu) ?? []).filter((w) => !/^(CFO|CEO|COO|CTO|ERP|SaaS|GDPR|SOC|USD|EUR)$/.test(w));
    const emoji = /\p{Extended_Pictographic}/u.test(text);
    if (exclamations > 1 || shouting.length > 0 || emoji) {
      add('ai-tone', PENALTY.tone, `{{ai:${slot.name}}} ${[exclamations > 1 ? `has ${exclamations} exclamation marks` : '', shouting.length ? `shouts (${shouting.join(', ')})` : '', emoji ? 'uses emoji' : ''].filter(Boolean).join(', ')}`);
    }

    const said = norm(text);
    const saidWords = said.split(/[^\p{L}\p{N}%$]+/u).map(stem);
    for (const dont of input.framework.donts) {
      const quoted = /["“]([^"”]+)["”]/.exec(dont)?.[1];
      const hit = quoted ? said.includes(norm(quoted)) : (() => {
        const needed = contentWords(dont);
        return needed.length > 0 && needed.every((w) => saidWords.includes(stem(w)));
      })();
      if (hit) add('ai-dont', PENALTY.dont, `{{ai:${slot.name}}} does what the framework says not to: "${dont}"`);
    }
  }

  const all = norm(input.slots.map((s) => input.values[s.name] ?? '').join('\n'));
  for (const item of input.framework.dos) {
    const quoted = /["“]([^"”]+)["”]/.exec(item)?.[1];
    const field = /\{\{\s*([A-Za-z][A-Za-z0-9_.]*)\s*\}\}/.exec(item)?.[1];
    const required = quoted ?? (field ? input.enrichment.fields[field] : undefined);
    if (required && !all.includes(norm(required))) add('ai-do', PENALTY.do, `the framework says to "${item}", and the AI text does not`);
  }

  if (input.language && all.replace(/[^\p{L}\s]/gu, '').trim().length >= 20) {
    const top = detectAll(all)[0];
    if (top && top.accuracy >= 0.3 && top.lang !== input.language) add('ai-language', PENALTY.language, `the AI text reads as ${top.lang}, not ${input.language}`);
  }
  return findings;
}
