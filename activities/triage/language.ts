/** A small stop-word vote between English, German, French and Spanish, with Content-Language as a hint. */
import { fold } from './text';

export type Lang = 'en' | 'de' | 'fr' | 'es';

const WORDS: Record<Lang, string[]> = {
  en: ['the', 'and', 'you', 'your', 'i', 'is', 'are', 'for', 'with', 'will', 'be', 'this', 'my', 'to', 'of', 'please', 'thanks', 'thank', 'office', 'we', 'not', 'on', 'until', 'back', 'have'],
  de: ['der', 'die', 'das', 'und', 'ich', 'sie', 'nicht', 'ist', 'mit', 'bis', 'zum', 'wir', 'ihre', 'ihr', 'bitte', 'vielen', 'dank', 'fur', 'ab', 'bin', 'wieder', 'im', 'uns', 'mich', 'gruße', 'hallo'],
  fr: ['le', 'la', 'les', 'et', 'je', 'vous', 'est', 'pas', 'du', 'des', 'une', 'avec', 'mon', 'mes', 'merci', 'bonjour', 'suis', 'nous', 'pour', 'au', 'sur', 'votre', 'vos', 'cordialement', 'jusqu'],
  es: ['el', 'los', 'las', 'y', 'que', 'estoy', 'estare', 'por', 'favor', 'gracias', 'hasta', 'mi', 'su', 'una', 'con', 'para', 'hola', 'mas', 'del', 'mensaje', 'correo', 'saludos', 'usted', 'me', 'es'],
};

export interface LanguageGuess {
  lang: Lang;
  /** Whether ambiguous numeric dates are read day first (everything but US English). */
  dayFirst: boolean;
  source: string;
}

const DAY_FIRST_ENGLISH = /^en-(gb|uk|ie|au|nz|za|in|sg|hk|mt)\b/i;

export function detectLanguage(text: string, contentLanguage: string | null): LanguageGuess {
  const words = fold(text).match(/[a-zß']+/g) ?? [];
  const counts: Record<Lang, number> = { en: 0, de: 0, fr: 0, es: 0 };
  for (const w of words) {
    const base = w.replace(/^[a-z]'/, '');
    for (const lang of Object.keys(WORDS) as Lang[]) {
      if (WORDS[lang].includes(w) || WORDS[lang].includes(base)) counts[lang]++;
    }
  }
  const ranked = (Object.keys(counts) as Lang[]).sort((a, b) => counts[b] - counts[a]);
  const best = ranked[0]!;
  const second = ranked[1]!;
  const header = (contentLanguage ?? '').split(',')[0]!.trim().toLowerCase();
  const headerLang = (['en', 'de', 'fr', 'es'] as Lang[]).find((l) => header === l || header.startsWith(`${l}-`));

  let lang: Lang;
  let source: string;
  if (counts[best] >= 3 && counts[best] >= counts[second] * 1.5) {
    lang = best;
    source = 'text';
  } else if (headerLang) {
    lang = headerLang;
    source = `Content-Language: ${contentLanguage}`;
  } else if (counts[best] > 0) {
    lang = best;
    source = 'text (weak)';
  } else {
    lang = 'en';
    source = 'default';
  }
  const dayFirst = lang !== 'en' || (headerLang === 'en' && DAY_FIRST_ENGLISH.test(header));
  return { lang, dayFirst, source };
}
