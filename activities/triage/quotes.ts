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

// "On Mon, Nov 16, 2026 at 8:02 AM Dana <dana@x> wrote:", in the lexicons' languages (folded text).
const ATTRIBUTION: Array<{ re: RegExp; label: string }> = [
  { re: /^(?:-{2,}\s*)?on\b.{0,300}\bwrote\s*:?\s*(?:-{2,})?\s*$/, label: '"On … wrote:"' },
  { re: /^.{0,200}\bwrote\s*:\s*$/, label: '"… wrote:"' },
  { re: /^am\b.{0,300}\bschrieb\b.{0,200}:\s*$/, label: '"Am … schrieb …:"' },
  { re: /^.{0,200}\bschrieb\b.{0,200}:\s*$/, label: '"… schrieb …:"' },
  { re: /^le\b.{0,300}\ba ecrit\s*:\s*$/, label: '"Le … a écrit :"' },
  { re: /^.{0,200}\ba ecrit\s*:\s*$/, label: '"… a écrit :"' },
  { re: /^el\b.{0,300}\bescribio\s*:\s*$/, label: '"El … escribió:"' },
  { re: /^.{0,200}\bescribio\s*:\s*$/, label: '"… escribió:"' },
  { re: /^op\b.{0,300}\bschreef\b.{0,200}:\s*$/, label: '"Op … schreef:"' },
  { re: /^(il giorno|il)\b.{0,300}\bha scritto\s*:\s*$/, label: '"Il giorno … ha scritto:"' },
  { re: /^.{0,200}\bha scritto\s*:\s*$/, label: '"… ha scritto:"' },
  { re: /^(em|no dia)\b.{0,300}\bescreveu\s*:\s*$/, label: '"Em … escreveu:"' },
  { re: /^.{0,200}\bescreveu\s*:\s*$/, label: '"… escreveu:"' },
  { re: /^(den|on|man|tis|ons|tors|fre|lor|son)\b.{0,300}\bskrev\b.{0,200}:\s*$/, label: '"Den … skrev …:"' },
  { re: /^(w dniu|dnia)\b.{0,300}\b(napisal|napisala|napisal\(a\)|pisze)\s*:\s*$/, label: '"W dniu … napisał:"' },
  { re: /^.{0,200}\b(skrev|kirjoitti|napsal|napsala|napisal|napisala)\b.{0,200}:\s*$/, label: '"… skrev:"' },
  { re: /^.{0,200}(написал|написала|пишет)\(?а?\)?\s*:\s*$/, label: '"… написал:"' },
  { re: /^(在|于).{0,200}(写道|寫道)\s*[:：]\s*$/, label: '"在 … 写道："' },
  // Any line with a date and an address that ends in a colon: "2026年11月17日(火) 9:02 Dana <dana@x>:", "17.11.2026 15:02, Dana <dana@x>:".
  { re: /^.{0,200}\d.{0,200}(<[^>\s]+@[^>\s]+>|\[mailto:[^\]\s]+\]|\([^)\s]+@[^)\s]+\))\s*[:：]\s*$/, label: 'an attribution line' },
];
const ATTRIBUTION_START = /^(?:-{2,}\s*)?(on|am|le|el|op|il giorno|il|em|no dia|den|w dniu|dnia|\d)/;

const SEPARATOR: Array<{ re: RegExp; label: string }> = [
  {
    re: /^-{2,}\s*(original message|reply message|ursprungliche nachricht|originalnachricht|message d'origine|message original|mensaje original|messaggio originale|oorspronkelijk bericht|origineel bericht|mensagem original|ursprungligt meddelande|originalmeddelande|wiadomosc oryginalna|oryginalna wiadomosc|元のメッセージ|original)\s*-{2,}/,
    label: '"-----Original Message-----"',
  },
  { re: /^-{2,}\s*(forwarded message|weitergeleitete nachricht|message transfere|mensaje reenviado|messaggio inoltrato|doorgestuurd bericht|mensagem encaminhada|vidarebefordrat meddelande|wiadomosc przekazana|転送されたメッセージ)\s*-*/, label: 'forwarded message' },
  { re: /^(begin forwarded message|anfang der weitergeleiteten nachricht|debut du message reexpedie|inicio del mensaje reenviado|inizio messaggio inoltrato)\s*:/, label: 'forwarded message' },
];

// Outlook-style header blocks: "From: … / Sent: … / To: … / Subject: …" and their translations.
const HEADER_KEYS: Record<string, 'from' | 'date' | 'to' | 'subject' | 'cc'> = {
  from: 'from', von: 'from', de: 'from', da: 'from', van: 'from', fran: 'from', fra: 'from', od: 'from', lahettaja: 'from', от: 'from', 差出人: 'from', 送信者: 'from', 发件人: 'from', 寄件者: 'from', absender: 'from', remitente: 'from', expediteur: 'from',
  sendt: 'date', lahetetty: 'date', odeslano: 'date', отправлено: 'date', дата: 'date', 发送时间: 'date', 日期: 'date', 時間: 'date', dato: 'date',
  sent: 'date', date: 'date', gesendet: 'date', datum: 'date', envoye: 'date', 'envoye le': 'date', enviado: 'date', 'enviado el': 'date', enviada: 'date', 'enviada em': 'date', fecha: 'date', inviato: 'date', verzonden: 'date', data: 'date', skickat: 'date', wyslano: 'date', 送信日時: 'date', 日付: 'date', 'sent at': 'date',
  to: 'to', an: 'to', a: 'to', para: 'to', aan: 'to', till: 'to', til: 'to', do: 'to', komu: 'to', vastaanottaja: 'to', кому: 'to', 宛先: 'to', 收件人: 'to', destinataire: 'to',
  subject: 'subject', betreff: 'subject', objet: 'subject', asunto: 'subject', oggetto: 'subject', onderwerp: 'subject', assunto: 'subject', amne: 'subject', emne: 'subject', aihe: 'subject', predmet: 'subject', temat: 'subject', тема: 'subject', 件名: 'subject', 主题: 'subject', 主旨: 'subject',
  cc: 'cc', kopie: 'cc', kopia: 'cc',
};
const HEADER_LINE = /^\*?\s*([\p{L}]+(?: [\p{L}]+)?)\s?\*?\s?[:：]\*?\s?(.*)$/u;

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

const MOBILE_SIGNATURE = /^(sent from my|sent from outlook|sent from mail for|sent from yahoo|sent from samsung|sent from the|sent via|sent with|sent on the go|get outlook for|von meinem .{1,40} gesendet|gesendet von meinem|gesendet mit|envoye de mon|envoye depuis|envoye a partir|enviado desde mi|enviado desde|enviado do meu|enviado do|inviato da|inviato dal|verzonden vanaf|verstuurd vanaf|verzonden met|skickat fran min|skickat fran|sendt fra min|sendt fra|hent outlook for|fa outlook for|wyslane z|lahetetty|odeslano z|отправлено с|iphoneから送信|android.{0,20}から送信|my iphoneから)/;
const SIGN_OFF = /^(best|best regards|best wishes|kind regards|warm regards|warmest regards|regards|many thanks|thanks|thanks again|thanks so much|thank you|thank you again|thx|ta|cheers|sincerely|yours sincerely|yours faithfully|yours truly|all the best|all best|br|rgds|with best regards|with kind regards|mit freundlichen grussen|mit freundlichen gruessen|mit besten grussen|freundliche grusse|viele grusse|beste grusse|liebe grusse|herzliche grusse|schone grusse|gruss|grusse|lg|vg|mfg|danke|vielen dank|cordialement|bien cordialement|tres cordialement|bien a vous|salutations|sincères salutations|sinceres salutations|bonne journee|merci|merci d'avance|a bientot|saludos|un saludo|saludos cordiales|atentamente|gracias|muchas gracias|un abrazo|cordiali saluti|distinti saluti|saluti|grazie|un saluto|met vriendelijke groet|met vriendelijke groeten|vriendelijke groet|groeten|groet|mvg|bedankt|atenciosamente|abracos|abraco|obrigado|obrigada|cumprimentos|att|med vanliga halsningar|vanliga halsningar|halsningar|mvh|tack|pozdrawiam|z powazaniem|dziekuje|serdecznie pozdrawiam|よろしくお願いいたします|よろしくお願いします|宜しくお願い致します|以上、よろしくお願いいたします)\s*[,.!、。]*\s*$/;
const DISCLAIMER_START = /^(confidentiality notice|confidentiality|disclaimer|legal notice|privileged|this (e-?mail|message) (and any attachments )?(is|are|may contain)|vertraulichkeitshinweis|haftungsausschluss|diese e-?mail (enthalt|ist|kann)|avis de confidentialite|ce (message|courriel|e-?mail) (et|est|peut)|aviso de confidencialidad|aviso legal|este (mensaje|correo)|questo messaggio|avviso di riservatezza|dit (e-?mail)?bericht|esta mensagem|denna e-?post|niniejsza wiadomosc)\b/;
const DISCLAIMER_WORDS = /\b(intended recipient|confidential|privileged|vertraulich|destinataire|destinatario|confidencial|riservat|vertrouwelijk|konfidentiell|poufn)/;
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
  const body = unquoted.join('\n').trim();
  if (body === '' && end < lines.length) {
    // Nothing above the quote: an inline reply, written between the quoted lines below its attribution.
    const inline = inlineAnswers(lines.slice(end + 1), folded.slice(end + 1));
    if (inline) {
      cuts.push('quoted lines around an inline reply');
      return { body: inline, cuts };
    }
  }
  return { body, cuts };
}

/** The unquoted lines written between ">" lines, up to the next quoted message's attribution or separator. */
function inlineAnswers(lines: string[], folded: string[]): string | null {
  const answers: string[] = [];
  let sawQuote = false;
  for (let i = 0; i < lines.length; i++) {
    const f = folded[i]!.trim();
    if (f.startsWith('>')) {
      sawQuote = true;
      continue;
    }
    if (ATTRIBUTION.some((a) => a.re.test(f)) || SEPARATOR.some((s) => s.re.test(f)) || isHeaderBlock(folded, i)) break;
    if (sawQuote) answers.push(lines[i]!);
  }
  const text = answers.join('\n').trim();
  return sawQuote && text ? text : null;
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

/** The body without legal disclaimers (they talk about confidentiality, not about this conversation). */
export function stripDisclaimers(body: string): string {
  const lines = body.split('\n');
  const at = lines.findIndex((l) => isDisclaimer(fold(l).trim()));
  return at < 0 ? body : lines.slice(0, at).join('\n');
}

export function extractNewText(text: string): StripResult {
  const q = stripQuotes(text);
  const s = stripSignature(q.body);
  return { body: q.body, newText: s.text, cuts: [...q.cuts, ...s.cuts] };
}
