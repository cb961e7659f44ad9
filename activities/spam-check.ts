/**
 * The spam-trigger check: what in a draft's text would make a mailbox provider's filter (or a
 * prospect) take it for bulk mail. It is a pure function of the subject and body, so the drafter's
 * scoring, the approval queue and the API's edit check all judge a text the same way.
 *
 * Severities:
 * - `warn`: worth a rep's look. Each one lowers the draft's confidence (see `scoreDraft`), so the draft
 *   is gated, but a rep may approve or send it.
 * - `block`: never sent. It lowers the confidence far enough to gate the draft, and the decision route
 *   refuses to approve it unchanged or to accept an edit that has one (422 `spam-check`).
 *
 * Rules and thresholds:
 * | code | what | severity |
 * |---|---|---|
 * | `trigger-phrase` | a curated classic spam phrase (word-bounded, case-insensitive) | warn; block for claims that a message is not spam |
 * | `too-many-links` | URLs in subject and body (`http(s)://…`, `www.…`, `host/path`) | more than 2: warn; more than 5: block |
 * | `too-many-images` | `<img` tags plus image URLs (.png, .jpg, .gif, …) | more than 1: warn |
 * | `all-caps` | 3+ consecutive all-caps words of 4+ letters | warn |
 * | `caps-subject` | a subject of 10+ letters, 70% or more of them capitals | warn |
 * | `punctuation-run` | 3+ of `!` / `?` in a row (`!!!`, `???`, `!?!?`) | body: warn; subject: block |
 * | `url-shortener` | a link through a URL shortener (bit.ly, tinyurl.com, t.co, …) | block |
 * | `missing-unsubscribe` | no unsubscribe / opt-out wording (EN, DE, FR, ES) in the body | warn (not scored: see `scoreDraft`) |
 * | `unresolved-merge-field` | a `{{…}}` merge field (or a stray `{{` / `}}`) left in the text | block |
 */

export type SpamSeverity = 'warn' | 'block';

export type SpamCode =
  | 'trigger-phrase'
  | 'too-many-links'
  | 'too-many-images'
  | 'all-caps'
  | 'caps-subject'
  | 'punctuation-run'
  | 'url-shortener'
  | 'missing-unsubscribe'
  | 'unresolved-merge-field';

export interface SpamFinding {
  code: SpamCode;
  severity: SpamSeverity;
  /** Where and what, for the rep: "subject: punctuation run '!!!'", "body: URL shortener bit.ly". */
  detail: string;
  /** The text that triggered the finding, when there is one (for highlighting). */
  match?: string;
}

export interface SpamCheckOptions {
  /**
   * Whether the body should carry unsubscribe wording (default true). An answer a rep writes to a
   * prospect's own reply is one-to-one mail, not a cadence touch, and is checked without it.
   */
  requireUnsubscribe?: boolean;
}

/** Classic spam phrases: hype, false urgency, money and "free" claims, click bait. */
const WARN_PHRASES = [
  'act now',
  'act immediately',
  'apply now',
  'buy now',
  'order now',
  'call now',
  'click here',
  'click below',
  'click now',
  'limited time',
  'offer expires',
  'expires today',
  'while supplies last',
  'once in a lifetime',
  'what are you waiting for',
  "don't miss out",
  'do not miss out',
  'urgent',
  '100% free',
  'totally free',
  'absolutely free',
  'free gift',
  'free money',
  'risk-free',
  'no risk',
  'guaranteed',
  'money-back guarantee',
  'winner',
  "you've been selected",
  'you have been selected',
  'no obligation',
  'no strings attached',
  'no catch',
  'no hidden fees',
  'no hidden costs',
  '$$$',
  'cash bonus',
  'extra cash',
  'earn money',
  'make money',
  'double your',
  'best price',
  'lowest price',
  'special promotion',
  'exclusive deal',
  'amazing deal',
  'instant access',
  'dear friend',
  'as seen on',
  'miracle',
  'be your own boss',
  'work from home',
  '100% satisfied',
];

/** Phrases that claim a message is not spam: only spam says so. */
const BLOCK_PHRASES = ["this is not spam", "this isn't spam", 'this is not a spam', 'this is not junk', 'not junk mail'];

/** Word-bounded, case-insensitive; a space also matches a hyphen or several spaces, an apostrophe either kind. */
function phrasePattern(phrase: string): RegExp {
  const body = phrase
    .split(/([ '-])/)
    .map((part) => (part === ' ' || part === '-' ? '[\\s-]+' : part === "'" ? "['\u2019]" : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'giu');
}

const PHRASE_RULES: Array<{ phrase: string; re: RegExp; severity: SpamSeverity }> = [
  ...BLOCK_PHRASES.map((phrase) => ({ phrase, re: phrasePattern(phrase), severity: 'block' as const })),
  ...WARN_PHRASES.map((phrase) => ({ phrase, re: phrasePattern(phrase), severity: 'warn' as const })),
];

/** Link shorteners hide where a link goes; filters treat them as a strong spam signal. */
export const URL_SHORTENERS = [
  'bit.ly',
  'bitly.com',
  'bit.do',
  'tinyurl.com',
  't.co',
  'goo.gl',
  'ow.ly',
  'is.gd',
  'v.gd',
  'buff.ly',
  'rebrand.ly',
  'cutt.ly',
  'shorturl.at',
  'tiny.cc',
  'rb.gy',
  't.ly',
  'bl.ink',
  'lnkd.in',
  'soo.gd',
  'clck.ru',
  'shorte.st',
  'adf.ly',
  's.id',
  'qr.ae',
  'tr.im',
];

export const LINK_WARN_ABOVE = 2;
export const LINK_BLOCK_ABOVE = 5;
export const IMAGE_WARN_ABOVE = 1;
export const CAPS_RUN_WORDS = 3;
export const CAPS_WORD_LETTERS = 4;
export const CAPS_SUBJECT_MIN_LETTERS = 10;
export const CAPS_SUBJECT_SHARE = 0.7;

const URL_CHARS = `[^\\s<>"'()\\[\\]{}]`;
/** `http(s)://…`, `www.…`, or a scheme-less `host.tld/path` (mail clients link all three). */
const URL_RE = new RegExp(
  `(?<![\\w.@/-])(?:https?://${URL_CHARS}+|www\\.${URL_CHARS}+|(?:[a-z0-9-]+\\.)+[a-z]{2,}/${URL_CHARS}*)`,
  'gi',
);
const IMG_TAG = /<img\b[^>]*>?/gi;
const IMAGE_URL = /\.(?:png|jpe?g|gif|webp|bmp|svg)(?:[?#]|$)/i;
const PUNCTUATION_RUN = /[!?]{3,}/g;
const MERGE_FIELD = /\{\{[^{}]*\}\}/g;
const STRAY_BRACES = /\{\{|\}\}/g;
const UNSUBSCRIBE = new RegExp(
  [
    'unsubscrib',
    'opt[\\s-]?out',
    'abmeld',
    'abbestell',
    'austragen',
    'd[ée]sinscri',
    'd[ée]sabonn',
    'desuscrib',
    'dar(?:se|te|me)?\\s+de\\s+baja',
    'cancelar\\s+(?:la|su|tu)\\s+suscripci[óo]n',
  ]
    .map((p) => `(?<![\\p{L}])${p}`)
    .join('|'),
  'iu',
);

/** The URLs in a text, without trailing sentence punctuation. */
export function findUrls(text: string): string[] {
  return [...text.matchAll(URL_RE)].map((m) => m[0].replace(/[.,;:!?]+$/, ''));
}

function hostOf(url: string): string | null {
  try {
    return new URL(/^https?:\/\//i.test(url) ? url : `http://${url}`).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return null;
  }
}

function shortenerOf(url: string): string | null {
  const host = hostOf(url);
  if (!host) return null;
  return URL_SHORTENERS.find((s) => host === s || host.endsWith(`.${s}`)) ?? null;
}

function capsRuns(text: string): string[] {
  const runs: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length >= CAPS_RUN_WORDS) runs.push(run.join(' '));
    run = [];
  };
  for (const token of text.split(/\s+/)) {
    const word = token.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
    const isCaps = word.length >= CAPS_WORD_LETTERS && /^\p{L}+$/u.test(word) && word === word.toUpperCase() && word !== word.toLowerCase();
    if (isCaps) run.push(word);
    else flush();
  }
  flush();
  return runs;
}

const unique = <T>(items: T[]) => [...new Set(items)];

export function checkContent(content: { subject: string; body: string }, options: SpamCheckOptions = {}): SpamFinding[] {
  const findings: SpamFinding[] = [];
  const add = (code: SpamCode, severity: SpamSeverity, detail: string, match?: string) =>
    findings.push({ code, severity, detail, ...(match !== undefined ? { match } : {}) });
  const fields = [
    ['subject', content.subject],
    ['body', content.body],
  ] as const;

  for (const [where, text] of fields) {
    // Unresolved merge fields: the prospect would see the template's plumbing.
    for (const token of unique([...text.matchAll(MERGE_FIELD)].map((m) => m[0]))) {
      add('unresolved-merge-field', 'block', `${where}: unresolved merge field ${token}`, token);
    }
    const stray = [...text.replace(MERGE_FIELD, '').matchAll(STRAY_BRACES)].map((m) => m[0]);
    for (const token of unique(stray)) add('unresolved-merge-field', 'block', `${where}: stray merge-field braces '${token}'`, token);

    // Trigger phrases.
    for (const rule of PHRASE_RULES) {
      const hit = text.match(rule.re);
      if (!hit) continue;
      add('trigger-phrase', rule.severity, `${where}: trigger phrase '${hit[0]}'`, hit[0]);
    }

    // Punctuation runs: a warning in the body, never sent in the subject.
    for (const run of unique([...text.matchAll(PUNCTUATION_RUN)].map((m) => m[0]))) {
      add('punctuation-run', where === 'subject' ? 'block' : 'warn', `${where}: punctuation run '${run}'`, run);
    }

    // Shouting.
    const letters = [...text].filter((c) => /\p{L}/u.test(c) && c.toUpperCase() !== c.toLowerCase());
    const capitals = letters.filter((c) => c === c.toUpperCase()).length;
    const mostlyCaps = where === 'subject' && letters.length >= CAPS_SUBJECT_MIN_LETTERS && capitals / letters.length >= CAPS_SUBJECT_SHARE;
    if (mostlyCaps) {
      add('caps-subject', 'warn', `subject: mostly capitals (${Math.round((100 * capitals) / letters.length)}% of its letters)`, text);
    } else {
      for (const run of unique(capsRuns(text))) add('all-caps', 'warn', `${where}: all-caps words '${run}'`, run);
    }

    // Shorteners.
    const withoutImages = text.replace(IMG_TAG, ' ');
    for (const host of unique(findUrls(withoutImages).map(shortenerOf).filter((h): h is string => h !== null))) {
      add('url-shortener', 'block', `${where}: URL shortener ${host}`, host);
    }
  }

  // Links and images, over the whole message.
  const linksIn = (text: string) => findUrls(text.replace(IMG_TAG, ' '));
  const links = [...linksIn(content.subject), ...linksIn(content.body)];
  if (links.length > LINK_WARN_ABOVE) {
    const where = linksIn(content.subject).length > 0 ? 'subject and body' : 'body';
    const severity = links.length > LINK_BLOCK_ABOVE ? 'block' : 'warn';
    const limit = severity === 'block' ? LINK_BLOCK_ABOVE : LINK_WARN_ABOVE;
    add('too-many-links', severity, `${where}: ${links.length} links (more than ${limit})`);
  }
  const images = fields.reduce((n, [, text]) => n + (text.match(IMG_TAG)?.length ?? 0) + linksIn(text).filter((u) => IMAGE_URL.test(u)).length, 0);
  if (images > IMAGE_WARN_ABOVE) add('too-many-images', 'warn', `body: ${images} images (more than ${IMAGE_WARN_ABOVE})`);

  // Unsubscribe wording. The sender appends its own footer link, but a template should not depend on it silently.
  if ((options.requireUnsubscribe ?? true) && !UNSUBSCRIBE.test(content.body)) {
    add('missing-unsubscribe', 'warn', 'body: no unsubscribe or opt-out wording (only the sender footer would carry the link)');
  }

  return findings;
}

/** The findings that stop a text from being sent. */
export const blockingFindings = (findings: SpamFinding[]) => findings.filter((f) => f.severity === 'block');
