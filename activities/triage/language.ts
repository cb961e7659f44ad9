/**
 * The language a message is written in, by tinyld over the languages the lexicons know, with Content-Language
 * as the tie-breaker for text too short to tell. It decides the order of the date parsers and whether
 * ambiguous numeric dates are read day first.
 */
import { detectAll } from 'tinyld';
import { LEXICONS } from './lexicon';

export type Lang = string;

export interface LanguageGuess {
  lang: Lang;
  /** Whether ambiguous numeric dates are read day first (everything but US English). */
  dayFirst: boolean;
  source: string;
}

const KNOWN = LEXICONS.map((l) => l.lang);
const DAY_FIRST_ENGLISH = /^en-(gb|uk|ie|au|nz|za|in|sg|hk|mt)\b/i;

/**
 * @param offsetMinutes the sender's UTC offset from the Date header: English from the Americas (UTC-3 to
 * UTC-10) reads 1/4 as January 4, English from elsewhere as 1 April.
 */
export function detectLanguage(text: string, contentLanguage: string | null, offsetMinutes: number | null = null): LanguageGuess {
  const header = (contentLanguage ?? '').split(',')[0]!.trim().toLowerCase();
  const headerLang = KNOWN.find((l) => header === l || header.startsWith(`${l}-`));
  const ranked = text.trim().length >= 12 ? detectAll(text, { only: KNOWN }) : [];
  const top = ranked[0];

  let lang: Lang;
  let source: string;
  if (top && top.accuracy >= 0.5) {
    lang = top.lang;
    source = 'text';
  } else if (headerLang) {
    lang = headerLang;
    source = `Content-Language: ${contentLanguage}`;
  } else if (top) {
    lang = top.lang;
    source = 'text (weak)';
  } else {
    lang = 'en';
    source = 'default';
  }
  const americas = offsetMinutes !== null && offsetMinutes <= -180 && offsetMinutes >= -600;
  const dayFirst = lang !== 'en' || (headerLang === 'en' ? DAY_FIRST_ENGLISH.test(header) : !americas && offsetMinutes !== null);
  return { lang, dayFirst, source };
}
