/**
 * Separates the new text of a reply from the earlier messages it quotes and from its signature.
 * Everything is line based and works on plain text (HTML is converted first, with blockquotes
 * turned into "> " lines).
 */
import { fold } from './text';

export interface StripResult {
  /** The text above the first quoted message (signature still included). */
  body: string;
  /** body without the signature. */
  newText: string;
  /** What was cut, for reasons[]. */
  cuts: string[];
}

// "On Mon, Nov 16, 2026 at 8:02 AM Dana <dana@x> wrote:", in the languages we support (folded text).
const ATTRIBUTION: Array<{ re: RegExp; label: string }> = [
  { re: /^(?:-{2,}\s*)?on\b.{0,300}\bwrote\s*:?\s*(?:-{2,})?\s*$/, label: '"On … wrote:"' },
  { re: /^am\b.{0,300}\bschrieb\b.{0,200}:\s*$/, label: '"Am … schrieb …:"' },
  { re: /^le\b.{0,300}\ba ecrit\s*:\s*$/, label: '"Le … a écrit :"' },
  { re: /^el\b.{0,300}\bescribio\s*:\s*$/, label: '"El … escribió:"' },
  { re: /^op\b.{0,300}\bschreef\b.{0,200}:\s*$/, label: '"Op … schreef:"' },
  { re: /^il giorno\b.{0,300}\bha scritto\s*:\s*$/, label: '"Il giorno … ha scritto:"' },
];
const ATTRIBUTION_START = /^(?:-{2,}\s*)?(on|am|le|el|op|il giorno)\b/;

const SEPARATOR: Array<{ re: RegExp; label: string }> = [
  { re: /^-{2,}\s*(original message|ursprungliche nachricht|originalnachricht|message d'origine|mensaje original|messaggio originale)\s*-{2,}/, label: '"-----Original Message-----"' },
  { re: /^-{2,}\s*(forwarded message|weitergeleitete nachricht|message transfere|mensaje reenviado|begin forwarded message)\s*-*/, label: 'forwarded message' },
  { re: /^begin forwarded message:/, label: 'forwarded message' },
];

// Outlook-style header blocks: "From: … / Sent: … / To: … / Subject: …" and their translations.
const HEADER_KEYS: Record<string, 'from' | 'date' | 'to' | 'subject' | 'cc'> = {
  from: 'from', von: 'from', de: 'from', da: 'from', van: 'from',
  sent: 'date', date: 'date', gesendet: 'date', datum: 'date', envoye: 'date', enviado: 'date', fecha: 'date', inviato: 'date', verzonden: 'date',
  to: 'to', an: 'to', a: 'to', para: 'to', aan: 'to',
  subject: 'subject', betreff: 'subject', objet: 'subject', asunto: 'subject', oggetto: 'subject', onderwerp: 'subject',
  cc: 'cc', kopie: 'cc',
};
const HEADER_LINE = /^\*?\s*([a-z]+)\s?\*?\s?:\*?\s?(.*)$/;

function headerKind(foldedLine: string): string | null {
  const m = HEADER_LINE.exec(foldedLine.trim());
  if (!m) return null;
  return HEADER_KEYS[m[1]!] ?? null;
}

/** Index of the line where an Outlook-style header block starts, if `i` starts one. */
function isHeaderBlock(folded: string[], i: number): boolean {
  const first = headerKind(folded[i]!);
  if (first !== 'from' && first !== 'date') return false;
  const kinds = new Set([first]);
  for (let j = i + 1; j < Math.min(folded.length, i + 7); j++) {
    const line = folded[j]!.trim();
    if (line === '') {
      if (kinds.size >= 2) break;
      continue;
    }
    const k = headerKind(line);
    if (k) kinds.add(k);
  }
  return kinds.size >= 3 || (kinds.has('from') && kinds.has('date'));
}

const MOBILE_SIGNATURE = /^(sent from my|sent from outlook|sent from mail for|sent from yahoo|sent from samsung|sent via|sent with|get outlook for|von meinem .{1,40} gesendet|gesendet von meinem|envoye de mon|envoye depuis|enviado desde mi|enviado desde|inviato da)\b/;
const SIGN_OFF = /^(best|best regards|best wishes|kind regards|warm regards|warmest regards|regards|many thanks|thanks|thanks again|thank you|thx|cheers|sincerely|yours sincerely|yours truly|all the best|br|with best regards|mit freundlichen grußen|mit freundlichen gruessen|freundliche gruße|viele gruße|beste gruße|liebe gruße|herzliche gruße|gruß|grusse|lg|vg|mfg|danke|cordialement|bien cordialement|bien a vous|salutations|bonne journee|merci|a bientot|saludos|un saludo|saludos cordiales|atentamente|gracias|un abrazo|cordiali saluti|met vriendelijke groet)\s*[,.!]*\s*$/;
const DISCLAIMER_START = /^(confidentiality notice|confidentiality|disclaimer|legal notice|vertraulichkeitshinweis|haftungsausschluss|avis de confidentialite|aviso de confidencialidad|aviso legal)\b/;
const DISCLAIMER_WORDS = /\b(intended recipient|confidential|privileged|vertraulich|destinataire|destinatario|confidencial)\b/;
const isDisclaimer = (foldedLine: string) => DISCLAIMER_START.test(foldedLine) || (foldedLine.length > 80 && DISCLAIMER_WORDS.test(foldedLine));

/** Cuts quoted earlier messages: attribution lines, separators, Outlook header blocks and "> " lines. */
export function stripQuotes(text: string): { body: string; cuts: string[] } {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const folded = lines.map((l) => fold(l));
  const cuts: string[] = [];
  let end = lines.length;

  for (let i = 0; i < lines.length && end === lines.length; i++) {
    const f = folded[i]!.trim();
    if (f === '') continue;
    if (f.startsWith('>')) continue;
    for (const a of ATTRIBUTION) {
      // Attribution lines are often wrapped over two or three lines.
      for (let span = 1; span <= 3 && i + span <= lines.length; span++) {
        if (span > 1 && !ATTRIBUTION_START.test(f)) break;
        const joined = folded.slice(i, i + span).map((x) => x.trim()).join(' ');
        if (a.re.test(joined)) {
          end = i;
          cuts.push(`quoted text after ${a.label}`);
          break;
        }
      }
      if (end !== lines.length) break;
    }
    if (end !== lines.length) break;
    for (const s of SEPARATOR) {
      if (s.re.test(f)) {
        end = i;
        cuts.push(`quoted text after ${s.label}`);
        break;
      }
    }
    if (end !== lines.length) break;
    if (/^_{8,}$/.test(f) || /^-{8,}$/.test(f)) {
      // Outlook's separator rule: a quote when a header block follows.
      let j = i + 1;
      while (j < lines.length && folded[j]!.trim() === '') j++;
      if (j < lines.length && isHeaderBlock(folded, j)) {
        end = i;
        cuts.push('quoted text after an Outlook separator and header block');
        break;
      }
    }
    if (isHeaderBlock(folded, i)) {
      end = i;
      cuts.push('quoted text after a "From: … Sent: …" header block');
      break;
    }
  }

  const kept = lines.slice(0, end);
  const unquoted = kept.filter((l) => !/^\s*>/.test(l));
  if (unquoted.length !== kept.length) cuts.push('lines quoted with ">"');
  return { body: unquoted.join('\n').trim(), cuts };
}

/** Cuts the signature: "-- " delimiter, mobile signatures, disclaimers and a closing sign-off with what follows. */
export function stripSignature(body: string): { text: string; cuts: string[] } {
  const lines = body.split('\n');
  const folded = lines.map((l) => fold(l).trim());
  const cuts: string[] = [];
  let end = lines.length;
  let seenContent = false;
  for (let i = 0; i < lines.length; i++) {
    const f = folded[i]!;
    if (f === '') continue;
    if (/^--\s*$/.test(lines[i]!.trimEnd()) || /^-- $/.test(lines[i]!) || f === '—' || f === '__') {
      end = i;
      cuts.push('signature after "-- "');
      break;
    }
    if (MOBILE_SIGNATURE.test(f)) {
      end = i;
      cuts.push(`mobile signature "${lines[i]!.trim()}"`);
      break;
    }
    if (isDisclaimer(f)) {
      end = i;
      cuts.push('legal disclaimer');
      break;
    }
    if (seenContent && SIGN_OFF.test(f)) {
      end = i;
      cuts.push(`sign-off "${lines[i]!.trim()}" and what follows`);
      break;
    }
    seenContent = true;
  }
  return { text: lines.slice(0, end).join('\n').trim(), cuts };
}

export function extractNewText(text: string): StripResult {
  const q = stripQuotes(text);
  const s = stripSignature(q.body);
  return { body: q.body, newText: s.text, cuts: [...q.cuts, ...s.cuts] };
}
