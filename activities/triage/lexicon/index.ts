/**
 * Every language's rules, merged per category. The rules of all languages run on every message: short replies
 * are too short for a language guess, and people mix languages (a German notice with an English copy).
 */
import type { PhraseRule } from '../text';
import { cs } from './cs';
import { da } from './da';
import { de } from './de';
import { en } from './en';
import { es } from './es';
import { fi } from './fi';
import { fr } from './fr';
import { it } from './it';
import { ja } from './ja';
import { nl } from './nl';
import { no } from './no';
import { pl } from './pl';
import { pt } from './pt';
import { ru } from './ru';
import { sv } from './sv';
import type { Lexicon } from './types';
import { zh } from './zh';

export type { Lexicon } from './types';

export const LEXICONS: readonly Lexicon[] = [en, de, fr, es, it, nl, pt, sv, da, no, fi, pl, cs, ru, ja, zh];

type RuleCategory = {
  [K in keyof Lexicon]: Lexicon[K] extends PhraseRule[] ? K : never;
}[keyof Lexicon];

/** The rules of one category in every language, each label tagged with its language when it is not English. */
export function rules(category: RuleCategory): PhraseRule[] {
  return LEXICONS.flatMap((lex) => lex[category].map((r) => (lex.lang === 'en' ? r : { ...r, label: `${r.label} (${lex.lang})` })));
}

export const AUTO_SUBJECTS = LEXICONS.flatMap((lex) => lex.autoSubjects);

export type DateCue = 'return' | 'until' | 'from';

/** Return, until and from cues of every language, longest first so that "back from" wins over "from". */
export const DATE_CUES: ReadonlyArray<{ words: string; cue: DateCue }> = LEXICONS.flatMap((lex) => [
  ...lex.returnCue.map((words) => ({ words, cue: 'return' as const })),
  ...lex.untilCue.map((words) => ({ words, cue: 'until' as const })),
  ...lex.fromCue.map((words) => ({ words, cue: 'from' as const })),
]).sort((a, b) => b.words.length - a.words.length);
