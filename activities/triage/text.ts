/** Text helpers shared by the triage rules. */

/**
 * Lower case, no accents on Latin letters, straight apostrophes and quotes, single spaces: what the phrase
 * rules match against. Marks are stripped from Latin letters only, so Japanese kana (で, ば) and Cyrillic (й)
 * keep theirs. ß, ł, ø and æ become ASCII so that \b works around them.
 */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/ł/g, 'l')
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/œ/g, 'oe')
    .replace(/[\u2018\u2019\u02bc\u2032`´]/g, "'")
    .replace(/[\u201c\u201d\u201e\u00ab\u00bb]/g, '"')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/[\u00a0\u202f\u2007\u3000\t ]+/g, ' ');
}

/** The text of a regular-expression match, shortened for a reason line. */
export function snippet(s: string, max = 60): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

export interface PhraseRule {
  /** Matched against folded text. */
  re: RegExp;
  /** What the match means, for reasons[]. */
  label: string;
  weight?: number;
}

export interface PhraseHit {
  label: string;
  text: string;
  index: number;
  weight: number;
}

/** Every rule that matches the folded text, with the matched words. */
export function matchRules(folded: string, rules: readonly PhraseRule[]): PhraseHit[] {
  const hits: PhraseHit[] = [];
  for (const rule of rules) {
    const m = rule.re.exec(folded);
    if (m) hits.push({ label: rule.label, text: m[0], index: m.index, weight: rule.weight ?? 1 });
  }
  return hits;
}

const EMAIL_RE = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

export function findEmails(s: string): string[] {
  return [...s.matchAll(EMAIL_RE)].map((m) => m[0].toLowerCase().replace(/\.$/, ''));
}
