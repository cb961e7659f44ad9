/**
 * HTML to plain text for HTML-only replies. Block elements become line breaks and the content of
 * <blockquote> is prefixed with "> " per level, so the quote stripper treats an HTML quote like a
 * plain-text one. Script, style and head content are dropped; entities are decoded.
 */

const NAMED: Record<string, string> = {
  nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", mdash: '—', ndash: '–', hellip: '…',
  rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', laquo: '«', raquo: '»', bull: '•', middot: '·',
  copy: '©', reg: '®', trade: '™', euro: '€', pound: '£', yen: '¥', cent: '¢', sect: '§', deg: '°',
  shy: '', zwnj: '', zwj: '', ensp: ' ', emsp: ' ', thinsp: ' ', times: '×', iexcl: '¡', iquest: '¿',
  szlig: 'ß', ordf: 'ª', ordm: 'º',
};
// Accented letters: &eacute; &Uuml; &ntilde; &ccedil; … built from the base letter and the combining mark.
const MARKS: Record<string, string> = { acute: '\u0301', grave: '\u0300', circ: '\u0302', uml: '\u0308', tilde: '\u0303', cedil: '\u0327', ring: '\u030a' };

function decodeEntity(name: string): string | undefined {
  if (name.startsWith('#x') || name.startsWith('#X')) {
    const cp = parseInt(name.slice(2), 16);
    return Number.isFinite(cp) && cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : undefined;
  }
  if (name.startsWith('#')) {
    const cp = parseInt(name.slice(1), 10);
    return Number.isFinite(cp) && cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : undefined;
  }
  if (NAMED[name] !== undefined) return NAMED[name];
  if (NAMED[name.toLowerCase()] !== undefined && name.length > 2) return NAMED[name.toLowerCase()];
  const m = /^([a-zA-Z])(acute|grave|circ|uml|tilde|cedil|ring)$/.exec(name);
  if (m) return (m[1]! + MARKS[m[2]!]!).normalize('NFC');
  if (name === 'aelig') return 'æ';
  if (name === 'oslash') return 'ø';
  return undefined;
}

export function decodeEntities(s: string): string {
  return s.replace(/&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);?/g, (whole, name: string) => decodeEntity(name) ?? whole);
}

const BLOCK = new Set([
  'p', 'div', 'blockquote', 'tr', 'table', 'tbody', 'thead', 'ul', 'ol', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'pre', 'section', 'article', 'header', 'footer', 'address', 'center', 'dl', 'dt', 'dd', 'form', 'hr',
]);

export function htmlToText(html: string): string {
  const s = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|head|title|xml)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<!DOCTYPE[^>]*>/gi, '');

  const lines: Array<{ depth: number; text: string }> = [];
  let buf = '';
  let depth = 0;
  let pre = 0;
  const newline = () => {
    lines.push({ depth, text: buf.replace(/[ \t\u00a0]+$/g, '').replace(/^[ \t\u00a0]+/, '') });
    buf = '';
  };

  const token = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)\b[^>]*>|([^<]+)|</g;
  for (const m of s.matchAll(token)) {
    const [, closing, rawName, text] = m;
    if (text !== undefined) {
      const decoded = decodeEntities(text);
      buf += pre > 0 ? decoded : decoded.replace(/[\s\u00a0]+/g, ' ');
      if (pre > 0 && buf.includes('\n')) {
        const parts = buf.split('\n');
        buf = parts.pop()!;
        for (const p of parts) lines.push({ depth, text: p });
      }
      continue;
    }
    if (rawName === undefined) {
      buf += '<';
      continue;
    }
    const name = rawName.toLowerCase();
    if (name === 'br') {
      newline();
    } else if (BLOCK.has(name)) {
      if (buf.trim() !== '') newline();
      else buf = '';
      if (name === 'blockquote') depth = Math.max(0, depth + (closing ? -1 : 1));
      if (name === 'pre') pre = Math.max(0, pre + (closing ? -1 : 1));
      if (name === 'hr' || name === 'p' || name === 'table') lines.push({ depth, text: '' });
      if (name === 'li' && !closing) buf = '* ';
    } else if ((name === 'td' || name === 'th') && !closing) {
      if (buf !== '' && !buf.endsWith(' ')) buf += ' ';
    }
  }
  if (buf.trim() !== '') newline();

  const out: string[] = [];
  for (const line of lines) {
    const prefix = line.depth > 0 ? '> '.repeat(line.depth) : '';
    const text = line.text.trim() === '' ? prefix.trimEnd() : prefix + line.text;
    const blank = line.text.trim() === '';
    // No blank line first, and never two in a row (at the same quote depth).
    if (blank && (out.length === 0 || out[out.length - 1] === text || out[out.length - 1] === '')) continue;
    out.push(text);
  }
  while (out.length && /^[> ]*$/.test(out[out.length - 1]!)) out.pop();
  return out.join('\n');
}
