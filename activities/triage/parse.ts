import iconv from 'iconv-lite';
import PostalMime from 'postal-mime';
import { htmlToText } from './html';
import type { TriageMessage } from './types';

/** The parts of a raw RFC 5322 message the triage rules read. */
export interface ParsedMessage {
  headers: Array<{ key: string; value: string }>;
  message: TriageMessage;
  fromAddress: string | null;
  fromName: string | null;
  /** Display names of the To recipients (the people the message answers). */
  recipientNames: string[];
  /** The Date header's calendar day in the sender's own time zone (YYYY-MM-DD), if it parses. */
  localDate: string | null;
  /** The sender's UTC offset in minutes, as the Date header gives it. */
  offsetMinutes: number | null;
  /** Root Content-Type, lower case, with its parameters. */
  contentType: string;
  /** The readable body: the text/plain part, or the HTML part converted when there is no plain part. */
  text: string;
  fromHtml: boolean;
  /** Non-text parts as text (message/delivery-status, text/rfc822-headers, message/rfc822, …). */
  parts: Array<{ mimeType: string; content: string }>;
}

export function headerValue(msg: ParsedMessage, name: string): string | null {
  const key = name.toLowerCase();
  const h = msg.headers.find((x) => x.key === key);
  return h ? h.value : null;
}

export function headerValues(msg: ParsedMessage, name: string): string[] {
  const key = name.toLowerCase();
  return msg.headers.filter((x) => x.key === key).map((x) => x.value);
}

function splitIds(v: string | undefined): string[] {
  if (!v) return [];
  const ids = v.match(/<[^<>\s]+>/g);
  return ids ?? v.split(/\s+/).filter(Boolean);
}

function addresses(list: PostalMime.Address[] | undefined): string[] {
  const out: string[] = [];
  for (const a of list ?? []) {
    if (a.group) out.push(...a.group.map((g) => g.address));
    else if (a.address) out.push(a.address);
  }
  return out.filter(Boolean).map((a) => a.toLowerCase());
}

const ZONES: Record<string, number> = { UT: 0, UTC: 0, GMT: 0, Z: 0, EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420 };

/** The UTC offset an RFC 5322 Date header was written in, in minutes (0 when it names none). */
export function offsetOf(dateHeader: string | null): number | null {
  if (!dateHeader || Number.isNaN(Date.parse(dateHeader.replace(/\([^)]*\)/g, ' ').trim()))) return null;
  const num = /\s([+-])(\d{2})(\d{2})\b/.exec(dateHeader);
  if (num) return (num[1] === '-' ? -1 : 1) * (Number(num[2]) * 60 + Number(num[3]));
  const zone = /\b(UTC|UT|GMT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|Z)\b/.exec(dateHeader);
  return zone ? (ZONES[zone[1]!] ?? 0) : 0;
}

/** The calendar day of an RFC 5322 Date header in the offset the sender wrote it in. */
export function localDateOf(dateHeader: string | null): string | null {
  const offset = offsetOf(dateHeader);
  if (offset === null) return null;
  const ms = Date.parse(dateHeader!.replace(/\([^)]*\)/g, ' ').trim());
  return new Date(ms + offset * 60_000).toISOString().slice(0, 10);
}

/**
 * Node's TextDecoder reads windows-1252 as ISO-8859-1, so Outlook's curly apostrophes, dashes and euro signs
 * arrive as C1 control characters (which never occur in real text): map them back with iconv-lite.
 */
function repairWindows1252(s: string): string {
  return s.replace(/[\u0080-\u009f]/g, (c) => iconv.decode(Buffer.from([c.charCodeAt(0)]), 'win1252'));
}

function toText(content: ArrayBuffer | Uint8Array | string): string {
  if (typeof content === 'string') return content;
  return new TextDecoder('utf-8').decode(content instanceof Uint8Array ? content : new Uint8Array(content));
}

/** True when some part of the message (or the message itself, with no Content-Type) is text/plain. */
function hasPlainPart(raw: string, headers: Array<{ key: string }>): boolean {
  if (!headers.some((h) => h.key === 'content-type')) return true;
  return /^content-type:[ \t]*text\/plain/im.test(raw);
}

export async function parseMessage(raw: string | Buffer): Promise<ParsedMessage> {
  const email = await PostalMime.parse(raw, { attachmentEncoding: 'arraybuffer' });
  const rawText = typeof raw === 'string' ? raw : raw.toString('latin1');
  const headers = email.headers.map((h) => ({ key: h.key, value: h.value }));
  const from = email.from && !email.from.group ? email.from : null;
  const dateHeader = headers.find((h) => h.key === 'date')?.value ?? null;

  const plain = repairWindows1252(email.text ?? '').replace(/\r\n?/g, '\n');
  let text = plain;
  let fromHtml = false;
  if (email.html && (!hasPlainPart(rawText, headers) || plain.trim() === '')) {
    text = htmlToText(repairWindows1252(email.html));
    fromHtml = true;
  }

  return {
    headers,
    message: {
      messageId: email.messageId ?? null,
      from: from?.address ? from.address.toLowerCase() : null,
      to: addresses(email.to),
      subject: email.subject ? repairWindows1252(email.subject) : null,
      date: email.date ?? null,
      inReplyTo: splitIds(email.inReplyTo)[0] ?? null,
      references: splitIds(email.references),
    },
    fromAddress: from?.address ? from.address.toLowerCase() : null,
    fromName: from?.name || null,
    recipientNames: (email.to ?? []).flatMap((a) => (a.group ? a.group.map((g) => g.name) : [a.name])).filter((n): n is string => Boolean(n)),
    localDate: localDateOf(dateHeader),
    offsetMinutes: offsetOf(dateHeader),
    contentType: (headers.find((h) => h.key === 'content-type')?.value ?? 'text/plain').toLowerCase(),
    text: text.replace(/\u00a0/g, ' '),
    fromHtml,
    parts: email.attachments.map((a) => ({ mimeType: a.mimeType.toLowerCase(), content: toText(a.content) })),
  };
}
