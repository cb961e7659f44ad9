/**
 * Dates in out-of-office notices: numeric (24.11.2026, 11/24/2026 in US English, 24/11/2026 elsewhere, 2026-11-24),
 * month names in English, German, French and Spanish, weekdays ("back on Monday", "ab Montag") and "tomorrow",
 * resolved against the day the message was written. All matching happens on folded text (lower case, no accents).
 */
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
}

export interface DateMention {
  start: number;
  end: number;
  text: string;
  value: YMD;
  kind: 'absolute' | 'weekday' | 'tomorrow';
  explicitYear: boolean;
}

const MONTHS: Record<string, number> = {};
const addMonths = (names: string[][]) => names.forEach((list, i) => list.forEach((n) => (MONTHS[n] = i + 1)));
addMonths([
  ['january', 'jan', 'januar', 'janner', 'janvier', 'janv', 'enero', 'ene'],
  ['february', 'feb', 'februar', 'fevrier', 'fevr', 'fev', 'febrero'],
  ['march', 'mar', 'marz', 'maerz', 'mars', 'marzo'],
  ['april', 'apr', 'avril', 'avr', 'abril', 'abr'],
  ['may', 'mai', 'mayo'],
  ['june', 'jun', 'juni', 'juin', 'junio'],
  ['july', 'jul', 'juli', 'juillet', 'juil', 'julio'],
  ['august', 'aug', 'aout', 'agosto', 'ago'],
  ['september', 'sept', 'sep', 'septembre', 'septiembre', 'setiembre'],
  ['october', 'oct', 'oktober', 'okt', 'octobre', 'octubre'],
  ['november', 'nov', 'novembre', 'noviembre'],
  ['december', 'dec', 'dezember', 'dez', 'decembre', 'diciembre', 'dic'],
]);

const WEEKDAYS: Record<string, number> = {};
const addWeekdays = (names: string[][]) => names.forEach((list, i) => list.forEach((n) => (WEEKDAYS[n] = i)));
// 0 = Sunday, as Date#getUTCDay.
addWeekdays([
  ['sunday', 'sonntag', 'dimanche', 'domingo'],
  ['monday', 'montag', 'lundi', 'lunes'],
  ['tuesday', 'dienstag', 'mardi', 'martes'],
  ['wednesday', 'mittwoch', 'mercredi', 'miercoles'],
  ['thursday', 'donnerstag', 'jeudi', 'jueves'],
  ['friday', 'freitag', 'vendredi', 'viernes'],
  ['saturday', 'samstag', 'sonnabend', 'samedi', 'sabado'],
]);

const alt = (names: string[]) => names.sort((a, b) => b.length - a.length).join('|');
const MONTH = `(${alt(Object.keys(MONTHS))})`;
const WEEKDAY = `(${alt(Object.keys(WEEKDAYS))})`;

const P_ISO = /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/g;
const P_NUM = /\b(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})\b/g;
const P_NUM_DOTS_NO_YEAR = /\b(\d{1,2})\.(\d{1,2})\.(?!\d)/g;
const P_NUM_SLASH_NO_YEAR = /\b(\d{1,2})\/(\d{1,2})\b(?![/\d])/g;
const P_DAY_MONTH = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th|er|eme)?\\.?\\s*(?:of\\s+|de\\s+)?${MONTH}\\b\\.?(?:,?\\s*(?:de\\s+|del\\s+)?(\\d{4})\\b)?`, 'g');
const P_MONTH_DAY = new RegExp(`\\b${MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s*(\\d{4})\\b)?`, 'g');
const P_WEEKDAY = new RegExp(`\\b(?:(?:next|this|coming|nachsten|kommenden|diesen|prochain|ce|proximo|este)\\s+)?${WEEKDAY}\\b`, 'g');
const P_TOMORROW = /\b(tomorrow|morgen|demain|manana)\b/g;

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

const dayNumber = ({ y, m, d }: YMD) => Date.UTC(y, m - 1, d) / 86_400_000;
const fromDayNumber = (n: number): YMD => {
  const t = new Date(n * 86_400_000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
};

/** A month and day without a year: the next such day on or after the reference (allowing a week of slack). */
function inferYear(m: number, d: number, ref: YMD | null): YMD | null {
  if (!ref) return null;
  const sameYear = { y: ref.y, m, d };
  if (valid(sameYear) && dayNumber(sameYear) >= dayNumber(ref) - 7) return sameYear;
  const next = { y: ref.y + 1, m, d };
  return valid(next) ? next : null;
}

function fullYear(y: string): number {
  const n = Number(y);
  return y.length === 2 ? 2000 + n : n;
}

/** Every date mentioned in the text, resolved; overlapping matches keep the longest. */
export function findDateMentions(text: string, opts: DateOptions): DateMention[] {
  const f = fold(text);
  const ref = parseYMD(opts.reference);
  const found: DateMention[] = [];
  const add = (m: RegExpMatchArray, value: YMD | null, kind: DateMention['kind'], explicitYear: boolean) => {
    if (!value || !valid(value)) return;
    found.push({ start: m.index!, end: m.index! + m[0].length, text: m[0], value, kind, explicitYear });
  };

  for (const m of f.matchAll(P_ISO)) add(m, { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) }, 'absolute', true);
  for (const m of f.matchAll(P_NUM)) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const y = fullYear(m[4]!);
    let dayFirst = m[2] === '.' || opts.dayFirst;
    if (a > 12) dayFirst = true;
    else if (b > 12) dayFirst = false;
    add(m, dayFirst ? { y, m: b, d: a } : { y, m: a, d: b }, 'absolute', true);
  }
  for (const m of f.matchAll(P_NUM_DOTS_NO_YEAR)) add(m, inferYear(Number(m[2]), Number(m[1]), ref), 'absolute', false);
  for (const m of f.matchAll(P_NUM_SLASH_NO_YEAR)) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    let dayFirst = opts.dayFirst;
    if (a > 12) dayFirst = true;
    else if (b > 12) dayFirst = false;
    add(m, dayFirst ? inferYear(b, a, ref) : inferYear(a, b, ref), 'absolute', false);
  }
  for (const m of f.matchAll(P_DAY_MONTH)) {
    const month = MONTHS[m[2]!]!;
    add(m, m[3] ? { y: Number(m[3]), m: month, d: Number(m[1]) } : inferYear(month, Number(m[1]), ref), 'absolute', Boolean(m[3]));
  }
  for (const m of f.matchAll(P_MONTH_DAY)) {
    const month = MONTHS[m[1]!]!;
    add(m, m[3] ? { y: Number(m[3]), m: month, d: Number(m[2]) } : inferYear(month, Number(m[2]), ref), 'absolute', Boolean(m[3]));
  }
  if (ref) {
    for (const m of f.matchAll(P_WEEKDAY)) {
      const target = WEEKDAYS[m[1]!]!;
      const refDay = new Date(Date.UTC(ref.y, ref.m - 1, ref.d)).getUTCDay();
      const ahead = ((target - refDay + 7) % 7) || 7;
      add(m, fromDayNumber(dayNumber(ref) + ahead), 'weekday', false);
    }
    for (const m of f.matchAll(P_TOMORROW)) add(m, fromDayNumber(dayNumber(ref) + 1), 'tomorrow', false);
  }

  // Longest match wins where matches overlap; a weekday right before a full date ("Monday, November 30") is part of it.
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: DateMention[] = [];
  for (const c of found) {
    if (kept.some((k) => c.start < k.end && k.start < c.end)) continue;
    if (c.kind === 'weekday' && found.some((o) => o.kind === 'absolute' && o.start >= c.end && /^[\s,.]*(the|le|el|den|der)?[\s,.]*$/.test(f.slice(c.end, o.start)))) continue;
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Parses one date expression, e.g. "30. November 2026" or "11/24/2026"; null if there is none. */
export function parseDateExpression(expr: string, opts: DateOptions): string | null {
  const first = findDateMentions(expr, opts)[0];
  return first ? formatYMD(first.value) : null;
}

const RETURN_KW = /\b(back|return|returning|returns|will be in|in the office (on|from)|wieder|zuruck|ab dem|ab|retour|de retour|a partir du|a partir de|des le|regreso|regresare|vuelvo|volvere|de vuelta|a partir del|me reincorporo|reincorporare)\b/g;
const UNTIL_KW = /\b(until|till|til|through|thru|to|bis|jusqu'au|jusqu'a|jusqu|au|hasta|al)\b/g;
const FROM_KW = /\b(from|since|vom|von|seit|du|depuis|desde|del|starting|leaving|between|zwischen|entre)\b/g;

function lastIndex(re: RegExp, s: string): number {
  let last = -1;
  for (const m of s.matchAll(re)) last = m.index!;
  return last;
}

/** How strongly the words just before a date say it is the return date: 3 back/return, 2 until, -1 from, 0 nothing. */
function contextScore(folded: string, start: number): { score: number; cue: string } {
  let window = folded.slice(Math.max(0, start - 60), start);
  const boundary = Math.max(window.lastIndexOf('\n'), ...['. ', '! ', '? ', '; '].map((p) => window.lastIndexOf(p)));
  // A sentence boundary inside the window ends the context, unless it is the dot of a date ("vom 16. bis").
  if (boundary >= 0 && !/\d$/.test(window.slice(0, boundary))) window = window.slice(boundary + 1);
  const r = lastIndex(RETURN_KW, window);
  const u = lastIndex(UNTIL_KW, window);
  const fr = lastIndex(FROM_KW, window);
  const best = Math.max(r, u, fr);
  if (best < 0) return { score: 0, cue: '' };
  if (best === r) return { score: 3, cue: 'return' };
  if (best === u) return { score: 2, cue: 'until' };
  return { score: -1, cue: 'from' };
}

/** The day an out-of-office notice says its sender is back, if it says so. */
export function findReturnDate(text: string, opts: DateOptions): { date: string; evidence: string } | null {
  const folded = fold(text);
  const ref = parseYMD(opts.reference);
  const mentions = findDateMentions(text, opts);
  const scored = mentions
    .map((m) => ({ m, ...contextScore(folded, m.start) }))
    .filter(({ m, score }) => {
      if (ref && dayNumber(m.value) < dayNumber(ref)) return false; // a return date is not in the past
      if (m.kind !== 'absolute') return score >= 2; // "Monday" or "tomorrow" alone is not a return date
      return score >= 0;
    });
  if (scored.length === 0) return null;
  const withCue = scored.filter((s) => s.score >= 2);
  const pool = withCue.length ? withCue : scored.length === 1 ? scored : [];
  if (pool.length === 0) return null;
  pool.sort((a, b) => b.score - a.score || dayNumber(b.m.value) - dayNumber(a.m.value));
  const best = pool[0]!;
  const from = Math.max(0, best.m.start - 30);
  return { date: formatYMD(best.m.value), evidence: snippet(folded.slice(from, best.m.end), 80) };
}
