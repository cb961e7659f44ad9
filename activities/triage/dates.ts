/**
 * Dates in out-of-office notices, read by chrono-node in the sender's language (and English, which many notices
 * add), resolved against the day the message was written in the sender's own time zone. chrono does the
 * calendar work; what stays here is which of the dates is the return day, read from the words before it
 * ("back on", "until", "from") in the lexicons' languages, plus the few forms chrono does not read
 * (a day and month without a year as "27.11.", "the 5th", "next week Monday", "the Monday after Thanksgiving").
 */
import * as chrono from 'chrono-node';
import { DATE_CUES, type DateCue } from './lexicon';
import { fold, snippet } from './text';

export interface YMD {
  y: number;
  m: number;
  d: number;
}

export interface DateOptions {
  /** Read ambiguous numeric dates (both parts <= 12) day first. */
  dayFirst: boolean;
  /** The day the message was written (YYYY-MM-DD); needed for weekdays, "tomorrow" and dates without a year. */
  reference: string | null;
  /** The sender's UTC offset in minutes, from the Date header (default 0). */
  offsetMinutes?: number;
  /** ISO 639-1 languages to read the text in, most likely first (default: all chrono knows here). */
  languages?: string[];
}

export interface DateMention {
  start: number;
  end: number;
  text: string;
  value: YMD;
  /** The last day of a range ("20 to 27 November"), when the mention is one. */
  rangeEnd: YMD | null;
  /** A weekday or "tomorrow" alone, not a calendar date. */
  relative: boolean;
}

type ChronoParser = { parse: (text: string, ref: chrono.ParsingReference, option?: chrono.ParsingOption) => chrono.ParsedResult[] };

const PARSERS: Record<string, (dayFirst: boolean) => ChronoParser> = {
  en: (dayFirst) => (dayFirst ? chrono.en.GB : chrono.en.casual),
  de: () => chrono.de.casual,
  fr: () => chrono.fr.casual,
  es: () => chrono.es.casual,
  it: () => chrono.it.casual,
  nl: () => chrono.nl.casual,
  pt: () => chrono.pt.casual,
  sv: () => chrono.sv.casual,
  ja: () => chrono.ja.casual,
  ru: () => chrono.ru.casual,
  zh: () => chrono.zh.casual,
  fi: () => chrono.fi.casual,
};

const dayNumber = ({ y, m, d }: YMD) => Date.UTC(y, m - 1, d) / 86_400_000;
const fromDayNumber = (n: number): YMD => {
  const t = new Date(n * 86_400_000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
};
const weekday = (ymd: YMD) => new Date(dayNumber(ymd) * 86_400_000).getUTCDay();

function valid({ y, m, d }: YMD): boolean {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2200) return false;
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

export function formatYMD({ y, m, d }: YMD): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function parseYMD(s: string | null): YMD | null {
  const m = s ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(s) : null;
  return m ? { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) } : null;
}

/** A month and day without a year: the next such day on or after the reference. */
function nextOccurrence(m: number, d: number, ref: YMD): YMD | null {
  const sameYear = { y: ref.y, m, d };
  if (valid(sameYear) && dayNumber(sameYear) >= dayNumber(ref)) return sameYear;
  const next = { y: ref.y + 1, m, d };
  return valid(next) ? next : null;
}

const componentsOf = (c: chrono.ParsedComponents): YMD => ({ y: c.get('year')!, m: c.get('month')!, d: c.get('day')! });

// Month names chrono has no parser for: Polish and Czech (genitive), Danish and Norwegian. Written folded (no accents).
const EXTRA_MONTHS: Record<string, number> = {
  stycznia: 1, lutego: 2, marca: 3, kwietnia: 4, maja: 5, czerwca: 6, lipca: 7, sierpnia: 8, wrzesnia: 9, pazdziernika: 10, listopada: 11, grudnia: 12,
  ledna: 1, unora: 2, brezna: 3, dubna: 4, kvetna: 5, cervna: 6, cervence: 7, srpna: 8, zari: 9, rijna: 10, listopadu: 11, prosince: 12,
  januar: 1, februar: 2, marts: 3, mars: 3, maj: 5, mai: 5, juni: 6, juli: 7, desember: 12,
};

const WEEKDAYS_EN: Record<string, number> = { sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6 };

/** US Thanksgiving (fourth Thursday of November), Christmas and New Year's Day in the year that follows the reference. */
function holiday(name: string, ref: YMD): YMD | null {
  const pick = (y: number): YMD | null => {
    if (/thanksgiving/.test(name)) {
      const first = weekday({ y, m: 11, d: 1 });
      return { y, m: 11, d: 1 + ((4 - first + 7) % 7) + 21 };
    }
    if (/christmas|xmas/.test(name)) return { y, m: 12, d: 25 };
    if (/new year/.test(name)) return { y: y + 1, m: 1, d: 1 };
    return null;
  };
  const thisYear = pick(ref.y);
  if (!thisYear) return null;
  return dayNumber(thisYear) >= dayNumber(ref) - 7 ? thisYear : pick(ref.y + 1);
}

/** The forms chrono leaves out, on folded text (same length as the original for these patterns' characters). */
function extraMentions(folded: string, ref: YMD, dayFirst: boolean): DateMention[] {
  const out: DateMention[] = [];
  const add = (m: RegExpMatchArray, value: YMD | null, relative = false) => {
    if (value && valid(value)) out.push({ start: m.index!, end: m.index! + m[0].length, text: m[0], value, rangeEnd: null, relative });
  };
  // "27.11." and "27.11" (day first everywhere dots are used); "30/11" read by the sender's convention.
  for (const m of folded.matchAll(/(?<![\d./-])(\d{1,2})\.(\d{1,2})\.?(?![\d]|\.\d)/g)) add(m, nextOccurrence(Number(m[2]), Number(m[1]), ref));
  for (const m of folded.matchAll(/(?<![\d./-])(\d{1,2})\/(\d{1,2})(?![\d/])/g)) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const first = a > 12 ? true : b > 12 ? false : dayFirst;
    add(m, first ? nextOccurrence(b, a, ref) : nextOccurrence(a, b, ref));
  }
  // Languages chrono does not read: "7 grudnia", "27. listopadu", "30. november", "4. januar 2027".
  const monthNames = Object.keys(EXTRA_MONTHS).join('|');
  for (const m of folded.matchAll(new RegExp(`\\b(\\d{1,2})\\.? (${monthNames}|november|december|september|oktober|august|april)(?: (\\d{4}))?\\b`, 'g'))) {
    const month = EXTRA_MONTHS[m[2]!] ?? { november: 11, december: 12, september: 9, oktober: 10, august: 8, april: 4 }[m[2]!]!;
    add(m, m[3] ? { y: Number(m[3]), m: month, d: Number(m[1]) } : nextOccurrence(month, Number(m[1]), ref));
  }
  // "the 5th", "on the 30th": the next such day of the month.
  for (const m of folded.matchAll(/\bthe (\d{1,2})(st|nd|rd|th)\b(?! of)/g)) {
    const day = Number(m[1]);
    let value: YMD | null = null;
    for (let i = 0; i < 3 && !value; i++) {
      const y = ref.y + Math.floor((ref.m - 1 + i) / 12);
      const mo = ((ref.m - 1 + i) % 12) + 1;
      const c = { y, m: mo, d: day };
      if (valid(c) && dayNumber(c) >= dayNumber(ref)) value = c;
    }
    add(m, value);
  }
  // "next week Monday", "Monday next week": that weekday in the week (Monday to Sunday) after the reference's.
  for (const m of folded.matchAll(/\b(?:next week,? (monday|tuesday|wednesday|thursday|friday)|(monday|tuesday|wednesday|thursday|friday),? next week)\b/g)) {
    const target = WEEKDAYS_EN[(m[1] ?? m[2])!]!;
    const mondayThisWeek = dayNumber(ref) - ((weekday(ref) + 6) % 7);
    add(m, fromDayNumber(mondayThisWeek + 7 + ((target + 6) % 7)));
  }
  // "el día siguiente a Reyes", "le lendemain du jour de l'an", "am Tag nach Heilige Drei Könige".
  for (const m of folded.matchAll(/\b(?:el )?dia (?:siguiente|despues) (?:a|de) (?:los )?reyes\b|\bthe day after (?:epiphany|three kings)\b|\b(?:le )?lendemain de l'epiphanie\b/g)) {
    const epiphany = nextOccurrence(1, 6, ref);
    if (epiphany) add(m, fromDayNumber(dayNumber(epiphany) + 1));
  }
  // "the Monday after Thanksgiving", "the day after New Year's Day".
  for (const m of folded.matchAll(/\b(?:the )?(?:first )?(monday|tuesday|wednesday|thursday|friday|day) (?:after|following) (thanksgiving|christmas|xmas|new year'?s?(?: day)?)\b/g)) {
    const h = holiday(m[2]!, ref);
    if (!h) continue;
    if (m[1] === 'day') add(m, fromDayNumber(dayNumber(h) + 1));
    else {
      const target = WEEKDAYS_EN[m[1]!]!;
      add(m, fromDayNumber(dayNumber(h) + (((target - weekday(h) + 7) % 7) || 7)));
    }
  }
  return out;
}

/** Every date mentioned in the text, resolved against the reference; overlapping mentions keep the longest. */
export function findDateMentions(text: string, opts: DateOptions): DateMention[] {
  const ref = parseYMD(opts.reference);
  if (!ref) return [];
  const offset = opts.offsetMinutes ?? 0;
  const reference: chrono.ParsingReference = { instant: new Date(Date.UTC(ref.y, ref.m - 1, ref.d, 12) - offset * 60_000), timezone: offset };
  // Only the sender's language and English: every parser reads its own short words as dates (Swedish "to" is Thursday).
  const languages = [...new Set([...(opts.languages ?? Object.keys(PARSERS)), 'en'])].filter((l) => PARSERS[l]);
  const normalized = text.normalize('NFC');
  const found: Array<DateMention & { rank: number }> = [];
  languages.forEach((lang, rank) => {
    for (const r of PARSERS[lang]!(opts.dayFirst).parse(normalized, reference, { forwardDate: true })) {
      if (!r.start.isCertain('day') && !r.start.isCertain('weekday')) continue; // "next week", "in January": no day
      const relative = !r.start.isCertain('month') && !r.start.isCertain('day');
      if (relative && r.text.trim().length < 3) continue;
      let value = componentsOf(r.start);
      // With forwardDate, chrono puts a yearless start that has just passed ("away since 17 Nov", sent 18 Nov) next year.
      if (!r.start.isCertain('year') && r.start.isCertain('month') && dayNumber(value) - dayNumber(ref) > 180) value = { ...value, y: value.y - 1 };
      // A range's end without a year is the next such day on or after its start, not after the reference.
      let rangeEnd = r.end ? componentsOf(r.end) : null;
      if (r.end && rangeEnd && !r.end.isCertain('year')) rangeEnd = nextOccurrence(rangeEnd.m, rangeEnd.d, value.y < ref.y || dayNumber(value) < dayNumber(ref) ? ref : value) ?? rangeEnd;
      // "Back on Wednesday" written on a Wednesday means next week's.
      if (relative && dayNumber(value) === dayNumber(ref) && r.start.isCertain('weekday')) value = fromDayNumber(dayNumber(value) + 7);
      // chrono moves a range's start a year ahead when only its start is past; the end is what counts.
      if (rangeEnd && dayNumber(value) > dayNumber(rangeEnd)) value = { ...value, y: rangeEnd.y };
      found.push({ start: r.index, end: r.index + r.text.length, text: r.text, value, rangeEnd, relative, rank });
    }
  });
  // Lower case without accents, character for character, so that positions stay those of the text.
  const folded = [...normalized.toLowerCase()].map((c) => {
    const bare = c.normalize('NFD').replace(/\p{M}/gu, '');
    return bare.length === 1 ? bare : c;
  }).join('');
  for (const e of extraMentions(folded, ref, opts.dayFirst)) found.push({ ...e, rank: languages.length });

  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.rank - b.rank || a.start - b.start);
  const kept: DateMention[] = [];
  for (const c of found) {
    if (kept.some((k) => c.start < k.end && k.start < c.end)) continue;
    const { rank: _rank, ...mention } = c;
    kept.push(mention);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Parses one date expression, e.g. "30. November 2026" or "11/24/2026"; null if there is none. */
export function parseDateExpression(expr: string, opts: DateOptions): string | null {
  const first = findDateMentions(expr, opts)[0];
  return first ? formatYMD(first.value) : null;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const CUE_PATTERNS = DATE_CUES.map((c) => ({ ...c, re: new RegExp(`(^|[^\\p{L}])${escapeRegExp(c.words)}(?=[^\\p{L}]|$)`, 'gu') }));
// Weekday names and filler between a cue and its date: "back on Monday, the 30th".
const FILLER = /(\s|,|\(|\b(the|on|le|el|den|der|dem|am|il|op|em|dia|o|a|de|del|la|lundi|mardi|mercredi|jeudi|vendredi|monday|tuesday|wednesday|thursday|friday|montag|dienstag|mittwoch|donnerstag|freitag|lunes|martes|miercoles|jueves|viernes|lunedi|martedi|mercoledi|giovedi|venerdi|maandag|dinsdag|woensdag|donderdag|vrijdag|segunda|terca|quarta|quinta|sexta|mandag|tisdag|onsdag|torsdag|fredag|poniedzialek|wtorek|sroda|czwartek|piatek)\b)*$/u;

/** Which cue the words just before a date give it: the nearest one within the same sentence and 30 characters. */
function cueBefore(text: string, start: number): DateCue | null {
  let window = fold(text.slice(Math.max(0, start - 80), start)).replace(/\s+/g, ' ');
  const boundary = Math.max(window.lastIndexOf('\n'), ...['. ', '! ', '? ', '; ', '。'].map((p) => window.lastIndexOf(p)));
  // A sentence boundary ends the context, unless it is the dot of a date ("vom 16. bis") or of an abbreviation ("bis einschl. 27.11.").
  if (boundary >= 0 && !/\d$/.test(window.slice(0, boundary)) && !ABBREVIATION.test(window.slice(0, boundary))) window = window.slice(boundary + 1);
  const trimmed = window.replace(FILLER, '');
  const found: Array<{ start: number; end: number; cue: DateCue; length: number }> = [];
  for (const c of CUE_PATTERNS) {
    for (const m of trimmed.matchAll(c.re)) found.push({ start: m.index! + m[1]!.length, end: m.index! + m[0].length, cue: c.cue, length: c.words.length });
  }
  const near = found.filter((f) => trimmed.length - f.end <= 30);
  if (near.length === 0) return null;
  near.sort((a, b) => b.end - a.end || b.length - a.length);
  const nearest = near[0]!;
  // "back from vacation on …" is a return, not the first day away.
  if (nearest.cue === 'from' && found.some((f) => f.cue === 'return' && f.end <= nearest.start && nearest.start - f.end <= 25)) return 'return';
  return nearest.cue;
}

const ABBREVIATION = /\b(einschl|inkl|incl|bzw|ca|evtl|ggf|vgl|approx|jan|feb|febr|mar|apr|jun|jul|aug|sep|sept|oct|okt|nov|dec|dez|janv|fevr|avr|juil|dic|ene|mo|di|mi|do|fr|sa|so|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|lun|mer|jeu|ven|sam|dim|mie|jue|vie|sab|dom|gio|dr|st|nr|no)$/;

// A return stated after its date: "Am 30.11. bin ich wieder im Büro", "Monday 30 November I'm back", "le 4 janvier je serai de retour".
const RETURN_AFTER =
  /^[\s,.:)–-]{0,4}(?:(?:bin ich|ist (?:sie|er)|sind wir|ich bin)\s+(?:wieder|zuruck)|(?:i'?m|i am|i will be|i'll be|we're|we are|we will be|she is|he is|she'll be|he'll be)\s+back|(?:je suis|je serai|nous serons|il sera|elle sera)\s+de retour|(?:estoy|estare|estaremos|estara)\s+de (?:vuelta|regreso)|(?:sono|saro|saremo|sara)\s+(?:di nuovo|nuovamente|di ritorno)|(?:ben ik|zijn we|is hij|is zij)\s+(?:weer|terug)|(?:estou|estarei|estaremos)\s+de volta|(?:ar jag|ar vi)\s+tillbaka|(?:er jeg|er vi)\s+tilbage|(?:er jeg|er vi)\s+tilbake)/;

/**
 * Japanese and Chinese put the cue after the date, and the other languages sometimes do: "11月24日（火）より出社" (back from the 24th), "11月23日まで不在" (away until the
 * 23rd), "11月17日から" (from the 17th). A weekday in brackets may sit between.
 */
function cueAfter(text: string, end: number): DateCue | null {
  if (RETURN_AFTER.test(fold(text.slice(end, end + 40)))) return 'return';
  const after = text.slice(end, end + 16).replace(/^\s*[（(][^)）]{0,6}[)）]/, '').trimStart();
  if (/^(より|から)?\s*(出社|戻|復帰|帰社|通常|業務を再開|勤務)/.test(after) || /^(返回|回到|回来|上班|复工|恢复)/.test(after)) return 'return';
  if (/^(まで|为止|之前)/.test(after)) return 'until';
  if (/^(から|より|起)/.test(after)) return 'from';
  return null;
}

const CUE_SCORE: Record<DateCue, number> = { return: 3, until: 2, from: -1 };

/** The day an out-of-office notice says its sender is back, if it says so. */
export function findReturnDate(text: string, opts: DateOptions): { date: string; evidence: string } | null {
  const ref = parseYMD(opts.reference);
  const candidates: Array<{ value: YMD; score: number; at: number; evidence: string }> = [];
  for (const m of findDateMentions(text, opts)) {
    const cue = cueAfter(text, m.end) ?? cueBefore(text, m.start);
    const evidence = snippet(text.slice(Math.max(0, m.start - 30), m.end), 80);
    if (m.rangeEnd) {
      // "from 20 to 27 November": away until the 27th; "back 30 Nov - 1 Dec" is rare enough to read as a range too.
      candidates.push({ value: m.rangeEnd, score: cue === 'return' ? 3 : 2, at: m.start, evidence });
      continue;
    }
    const score = cue ? CUE_SCORE[cue] : 0;
    if (m.relative && score < 2) continue; // "Monday" alone is not a return date
    candidates.push({ value: m.value, score, at: m.start, evidence });
  }
  // "Urlaub bis 20.11., ab 23.11. wieder da" / "do 20 listopada, od 23.11": a first day after the last day away is the return.
  const lastUntil = Math.max(-Infinity, ...candidates.filter((c) => c.score === 2).map((c) => dayNumber(c.value)));
  for (const c of candidates) if (c.score === -1 && dayNumber(c.value) > lastUntil && dayNumber(c.value) - lastUntil <= 7) c.score = 3;
  const usable = candidates.filter((c) => c.score >= 0 && (!ref || dayNumber(c.value) >= dayNumber(ref)));
  if (usable.length === 0) return null;
  const withCue = usable.filter((c) => c.score >= 2);
  // Without any cue, an absence notice's dates are about the absence: the latest one ahead (within two months) ends it.
  const ahead = usable.filter((c) => !ref || dayNumber(c.value) - dayNumber(ref) <= 62);
  const pool = withCue.length ? withCue : usable.length === 1 ? usable : ahead.length ? [ahead.reduce((a, b) => (dayNumber(b.value) > dayNumber(a.value) ? b : a))] : [];
  if (pool.length === 0) return null;
  pool.sort((a, b) => b.score - a.score || dayNumber(b.value) - dayNumber(a.value));
  const best = pool[0]!;
  return { date: formatYMD(best.value), evidence: best.evidence };
}
