// Realistic inbound RFC 5322 messages for the reply webhook, built as answers to (or bounces of) a message
// our cadence really sent, as the capture SMTP server received it. Modelled on test/fixtures/replies/.
import { randomBytes, randomUUID } from 'node:crypto';
import type { CapturedMessage } from '../../scripts/capture-smtp';

export interface Mailbox {
  name?: string;
  address: string;
}

/** A built message: the raw text, and the fields an integration would post as JSON next to it. */
export interface InboundMessage {
  raw: string;
  messageId: string;
  from: string;
  subject: string;
  /** The plain-text body (what an integration would put in `text`). */
  text: string;
}

const CRLF = (s: string) => s.replace(/\r?\n/g, '\r\n');

/** RFC 5322 date-time, e.g. "Sat, 21 Nov 2026 11:37:07 +0000". */
export function rfc5322Date(d: Date = new Date()): string {
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${days[d.getUTCDay()]}, ${d.getUTCDate()} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

/** A display-name address: `"Name" <a@b>`, quoting the name only when it needs it. */
export function formatAddress(m: Mailbox): string {
  if (!m.name) return `<${m.address}>`;
  const name = /[^\w !#$%&'*+\-/=?^`{|}~]/.test(m.name) ? `"${m.name.replace(/(["\\])/g, '\\$1')}"` : m.name;
  return `${name} <${m.address}>`;
}

/** The sender of a captured message ("Dana Rep <dana@…>"), as a mailbox. */
export function senderOf(original: CapturedMessage): Mailbox {
  const m = /^(.*?)\s*<([^>]+)>$/.exec(original.from ?? '');
  if (m) return { name: m[1]!.trim() || undefined, address: m[2]! };
  return { address: original.envelopeFrom };
}

/** Encodes UTF-8 text as quoted-printable (RFC 2045), soft-wrapping lines at 76 characters. */
export function quotedPrintable(text: string): string {
  const out: string[] = [];
  for (const line of text.replace(/\r\n/g, '\n').split('\n')) {
    let encoded = '';
    const bytes = Buffer.from(line, 'utf8');
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i]!;
      const last = i === bytes.length - 1;
      if ((b >= 33 && b <= 126 && b !== 61) || ((b === 32 || b === 9) && !last)) encoded += String.fromCharCode(b);
      else encoded += `=${b.toString(16).toUpperCase().padStart(2, '0')}`;
    }
    let rest = encoded;
    while (rest.length > 76) {
      let cut = 75;
      // Never split an =XX escape.
      const eq = rest.lastIndexOf('=', cut);
      if (eq > cut - 3) cut = eq;
      out.push(`${rest.slice(0, cut)}=`);
      rest = rest.slice(cut);
    }
    out.push(rest);
  }
  return out.join('\n');
}

/** A MIME encoded-word for a header value with non-ASCII characters. */
export function encodedWord(value: string): string {
  return /^[\x20-\x7e]*$/.test(value) ? value : `=?utf-8?B?${Buffer.from(value, 'utf8').toString('base64')}?=`;
}

function randomToken(bytes: number): string {
  return randomBytes(bytes).toString('base64').replace(/[+/=]/g, (c) => ({ '+': 'x', '/': 'Q', '=': '' })[c]!);
}

/** Message-IDs in the styles of the mail systems the fixtures come from. */
export const messageIds = {
  gmail: () => `<CA${randomToken(30)}@mail.gmail.com>`,
  outlook: () => {
    const host = `FR${Math.floor(2 + Math.random() * 7)}P281MB${Math.floor(1000 + Math.random() * 8999)}`;
    return `<${host}${randomBytes(12).toString('hex').toUpperCase()}@${host}.DEUP281.PROD.OUTLOOK.COM>`;
  },
  thunderbird: (domain: string) => `<${randomUUID()}@${domain}>`,
  zendesk: () => `<${randomToken(8).toUpperCase()}_${randomBytes(6).toString('hex')}_${randomBytes(5).toString('hex')}_sprut@zendesk.com>`,
  postfix: (host: string) => `<${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}.${randomBytes(5).toString('hex').toUpperCase()}@${host}>`,
};

/** In-Reply-To and References for an answer to the original: its own References, then its Message-ID. */
function threadHeaders(original: CapturedMessage): string {
  const id = original.messageId;
  if (!id) throw new Error('the captured message has no Message-ID to reply to');
  const earlier = (original.headers['references'] ?? '').split(/\s+/).filter(Boolean);
  return `In-Reply-To: ${id}\nReferences: ${[...earlier, id].join(' ')}\n`;
}

/** The original text quoted the way Gmail does it: an attribution line, then "> " lines. */
export function gmailQuote(original: CapturedMessage, sentAt = new Date(Date.now() - 60_000)): string {
  const sender = senderOf(original);
  const when = sentAt.toLocaleString('en-US', {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: 'UTC',
  });
  const quoted = original.text
    .split('\n')
    .map((l) => (l ? `> ${l}` : '>'))
    .join('\n');
  return `On ${when} ${sender.name ?? sender.address} <${sender.address}>\nwrote:\n\n${quoted}\n`;
}

/** The original quoted the way Outlook does it: a header block under a rule, not indented. */
export function outlookQuote(original: CapturedMessage, sentAt = new Date(Date.now() - 60_000)): string {
  const sender = senderOf(original);
  return [
    '________________________________',
    `From: ${sender.name ?? sender.address} <${sender.address}>`,
    `Sent: ${sentAt.toUTCString()}`,
    `To: ${original.to ?? ''}`,
    `Subject: ${original.subject ?? ''}`,
    '',
    original.text,
    '',
  ].join('\n');
}

export interface HumanReplyOptions {
  /** The message of ours being answered, as the capture server received it. */
  original: CapturedMessage;
  /** The prospect; by default the original's recipient. */
  from?: Mailbox;
  /** What the person wrote (new text only). */
  text: string;
  /** Quote the original under the new text (default: Gmail style). */
  quote?: 'gmail' | 'outlook' | false;
  date?: Date;
  messageId?: string;
  /** Extra header lines, e.g. { 'Auto-Submitted': 'no' }. */
  headers?: Record<string, string>;
  userAgent?: string;
}

/** A person's reply from a desktop or web mail client: text/plain, UTF-8, threaded under the original. */
export function humanReply(o: HumanReplyOptions): InboundMessage {
  const from = o.from ?? { address: o.original.envelopeTo[0]! };
  const to = senderOf(o.original);
  const messageId = o.messageId ?? messageIds.gmail();
  const subject = `Re: ${o.original.subject ?? ''}`.trim();
  const quote = o.quote === false ? '' : o.quote === 'outlook' ? outlookQuote(o.original) : gmailQuote(o.original);
  const text = `${o.text.trim()}\n${quote ? `\n${quote}` : ''}`;
  const extra = Object.entries(o.headers ?? {})
    .map(([k, v]) => `${k}: ${v}\n`)
    .join('');
  const raw =
    `Received: from mail-sor-f41.google.com (mail-sor-f41.google.com [209.85.220.41])\n` +
    `\tby mx.seller.test (Postfix) with ESMTPS id ${randomToken(9)}\n` +
    `\tfor <${to.address}>; ${rfc5322Date(o.date)}\n` +
    `MIME-Version: 1.0\n` +
    threadHeaders(o.original) +
    `From: ${formatAddress(from)}\n` +
    `Date: ${rfc5322Date(o.date)}\n` +
    `Message-ID: ${messageId}\n` +
    `Subject: ${encodedWord(subject)}\n` +
    `To: ${formatAddress(to)}\n` +
    (o.userAgent ? `User-Agent: ${o.userAgent}\n` : '') +
    extra +
    `Content-Type: text/plain; charset="UTF-8"\n` +
    `Content-Transfer-Encoding: quoted-printable\n` +
    `\n` +
    `${quotedPrintable(text)}\n`;
  return { raw: CRLF(raw), messageId, from: from.address, subject, text };
}

export interface AutoReplyOptions {
  original: CapturedMessage;
  from?: Mailbox;
  date?: Date;
  messageId?: string;
}

/**
 * An Exchange "Automatische Antwort" (German out-of-office) with Auto-Submitted: auto-replied, saying the
 * sender is away until the given day (written DD.MM.YYYY, as German Outlook users do).
 */
export function germanOutOfOffice(o: AutoReplyOptions & { until: Date; deputy?: string }): InboundMessage {
  const from = o.from ?? { address: o.original.envelopeTo[0]! };
  const to = senderOf(o.original);
  const domain = from.address.split('@')[1]!;
  const messageId = o.messageId ?? messageIds.outlook();
  const p = (n: number) => String(n).padStart(2, '0');
  const day = `${p(o.until.getUTCDate())}.${p(o.until.getUTCMonth() + 1)}.${o.until.getUTCFullYear()}`;
  const subject = `Automatische Antwort: ${o.original.subject ?? ''}`;
  const text = [
    'Vielen Dank für Ihre Nachricht.',
    '',
    `Ich bin bis zum ${day} nicht im Büro und habe keinen Zugriff auf meine E-Mails. In dringenden Fällen wenden Sie sich bitte an ${o.deputy ?? `zentrale@${domain}`}.`,
    '',
    'Mit freundlichen Grüßen',
    from.name ?? from.address,
  ].join('\n');
  const boundary = `_000_${randomBytes(10).toString('hex').toUpperCase()}_`;
  const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body><div>${text
    .split('\n')
    .map((l) => l.replace(/&/g, '&amp;').replace(/</g, '&lt;'))
    .join('<br>')}</div></body></html>`;
  const raw =
    `Received: from FR3P281MB1573.DEUP281.PROD.OUTLOOK.COM (2603:10a6:d10:4f::9)\n` +
    ` by mx.seller.test with ESMTPS; ${rfc5322Date(o.date)}\n` +
    `From: ${formatAddress(from)}\n` +
    `To: ${formatAddress(to)}\n` +
    `Subject: ${encodedWord(subject)}\n` +
    `Thread-Topic: ${encodedWord(o.original.subject ?? '')}\n` +
    `Thread-Index: AQHb${randomToken(18)}\n` +
    `Date: ${rfc5322Date(o.date)}\n` +
    `Message-ID: ${messageId}\n` +
    threadHeaders(o.original) +
    `Accept-Language: de-DE\n` +
    `Content-Language: de-DE\n` +
    `X-MS-Has-Attach:\n` +
    `X-MS-Exchange-Organization-SCL: -1\n` +
    `X-MS-TNEF-Correlator:\n` +
    `Auto-Submitted: auto-replied\n` +
    `X-MS-Exchange-Generated-Message-Source: Mailbox Rules Agent\n` +
    `X-Auto-Response-Suppress: All\n` +
    `Content-Type: multipart/alternative;\n\tboundary="${boundary}"\n` +
    `MIME-Version: 1.0\n` +
    `\n` +
    `--${boundary}\n` +
    `Content-Type: text/plain; charset="utf-8"\n` +
    `Content-Transfer-Encoding: quoted-printable\n` +
    `\n` +
    `${quotedPrintable(text)}\n` +
    `\n` +
    `--${boundary}\n` +
    `Content-Type: text/html; charset="utf-8"\n` +
    `Content-Transfer-Encoding: quoted-printable\n` +
    `\n` +
    `${quotedPrintable(html)}\n` +
    `--${boundary}--\n`;
  return { raw: CRLF(raw), messageId, from: from.address, subject, text };
}

/** A help-desk ticket acknowledgement (Zendesk style): Auto-Submitted: auto-generated, no absence wording. */
export function ticketAcknowledgement(o: AutoReplyOptions & { company: string; ticket?: number }): InboundMessage {
  const slug = o.company.toLowerCase().replace(/[^a-z0-9]+/g, '');
  const from = o.from ?? { name: `${o.company} Support`, address: `support@${slug}.zendesk.com` };
  const to = senderOf(o.original);
  const ticket = o.ticket ?? Math.floor(10_000 + Math.random() * 89_999);
  const messageId = o.messageId ?? messageIds.zendesk();
  const subject = `[${o.company}] Re: ${o.original.subject ?? ''}`;
  const text = [
    '##- Please type your reply above this line -##',
    '',
    `Your request (${ticket}) has been received and is being reviewed by our support staff.`,
    '',
    'To add additional comments, reply to this email.',
    '',
    `This email is a service from ${o.company} Support.`,
  ].join('\n');
  const boundary = `--==_mimepart_${randomBytes(6).toString('hex')}_${randomBytes(6).toString('hex')}`;
  const html = `<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body><div style="color:#b5b5b5">##- Please type your reply above this line -##</div><p>Your request (${ticket}) has been received and is being reviewed by our support staff.</p><p>To add additional comments, reply to this email.</p><div style="font-size:11px;color:#aaaaaa">This email is a service from ${o.company} Support.</div></body></html>`;
  const raw =
    `Received: from outbyoip13.pod21.euc1.zdsys.com (outbyoip13.pod21.euc1.zdsys.com [188.172.137.13])\n` +
    `\tby mx.seller.test (Postfix) with ESMTPS id ${randomToken(9)}\n` +
    `\tfor <${to.address}>; ${rfc5322Date(o.date)}\n` +
    `Date: ${rfc5322Date(o.date)}\n` +
    `From: ${formatAddress(from)}\n` +
    `Reply-To: ${formatAddress({ name: from.name, address: from.address.replace('@', `+id${ticket}@`) })}\n` +
    `To: ${formatAddress(to)}\n` +
    `Message-ID: ${messageId}\n` +
    `In-Reply-To: ${o.original.messageId}\n` +
    `Subject: ${subject}\n` +
    `Mime-Version: 1.0\n` +
    `Content-Type: multipart/alternative; boundary="${boundary}";\n charset=utf-8\n` +
    `Content-Transfer-Encoding: 7bit\n` +
    `X-Mailer: Zendesk Mailer\n` +
    `X-Zendesk-Email-Id: ${randomToken(18).toUpperCase()}\n` +
    `Auto-Submitted: auto-generated\n` +
    `X-Auto-Response-Suppress: All\n` +
    `\n` +
    `--${boundary}\n` +
    `Content-Type: text/plain; charset=utf-8\n` +
    `Content-Transfer-Encoding: 7bit\n` +
    `\n` +
    `${text}\n` +
    `\n` +
    `--${boundary}\n` +
    `Content-Type: text/html; charset=utf-8\n` +
    `Content-Transfer-Encoding: 7bit\n` +
    `\n` +
    `${html}\n` +
    `\n` +
    `--${boundary}--\n`;
  return { raw: CRLF(raw), messageId, from: from.address, subject, text };
}

export interface DsnOptions {
  /** Our message that could not be delivered, as the capture server received it. */
  original: CapturedMessage;
  /** RFC 3463 status, e.g. 5.1.1 (no such user) or 4.2.2 (mailbox full). */
  status: string;
  /** failed (default for 5.x.x) or delayed (default for 4.x.x). */
  action?: 'failed' | 'delayed';
  /** The SMTP reply of the remote server. */
  diagnostic?: string;
  /** The host of the MTA reporting the failure (the sender's own relay). */
  reportingMta?: string;
  remoteMta?: string;
  date?: Date;
}

/**
 * A Postfix-style delivery status notification (RFC 3464): multipart/report; report-type=delivery-status,
 * with a human-readable part, a message/delivery-status part (Reporting-MTA, Final-Recipient, Action,
 * Status, Diagnostic-Code) and a text/rfc822-headers part carrying the original's headers (and so its
 * Message-ID). Like Postfix, it has no In-Reply-To: the only link to our message is the returned headers.
 */
export function deliveryStatusNotification(o: DsnOptions): InboundMessage {
  const recipient = o.original.envelopeTo[0]!;
  const ourAddress = senderOf(o.original).address;
  const reportingMta = o.reportingMta ?? 'mail.seller.test';
  const remoteMta = o.remoteMta ?? `mx.${recipient.split('@')[1]}`;
  const permanent = o.status.startsWith('5');
  const action = o.action ?? (permanent ? 'failed' : 'delayed');
  const diagnostic =
    o.diagnostic ??
    (o.status === '5.1.1'
      ? `550 5.1.1 <${recipient}>: Recipient address rejected: User unknown in virtual mailbox table`
      : o.status === '4.2.2'
        ? `452 4.2.2 <${recipient}>: Mailbox full, over quota`
        : `${permanent ? 550 : 451} ${o.status} delivery failed`);
  const date = o.date ?? new Date();
  const queueId = randomToken(10).toUpperCase();
  const messageId = messageIds.postfix(reportingMta);
  const subject = permanent ? 'Undelivered Mail Returned to Sender' : 'Delayed Mail (still being retried)';
  const boundary = `${queueId}.${Math.floor(date.getTime() / 1000)}/${reportingMta}`;
  const notification = permanent
    ? [
        `This is the mail system at host ${reportingMta}.`,
        '',
        "I'm sorry to have to inform you that your message could not",
        'be delivered to one or more recipients. The headers are attached below.',
        '',
        'For further assistance, please send mail to postmaster.',
        '',
        'If you do so, please include this problem report. You can',
        'delete your own text from the attached returned message.',
        '',
        '                   The mail system',
        '',
        `<${recipient}>: host ${remoteMta}[192.0.2.25] said: ${diagnostic} (in reply to`,
        '    RCPT TO command)',
      ].join('\n')
    : [
        `This is the mail system at host ${reportingMta}.`,
        '',
        '####################################################################',
        '# THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #',
        '####################################################################',
        '',
        'Your message could not be delivered for 0.0 hours.',
        'It will be retried until it is 5.0 days old.',
        '',
        'For further assistance, please send mail to postmaster.',
        '',
        '                   The mail system',
        '',
        `<${recipient}>: host ${remoteMta}[192.0.2.25] said: ${diagnostic} (in reply to`,
        '    RCPT TO command)',
      ].join('\n');
  const arrival = new Date(date.getTime() - 5_000);
  const status = [
    `Reporting-MTA: dns; ${reportingMta}`,
    `X-Postfix-Queue-ID: ${queueId}`,
    `X-Postfix-Sender: rfc822; ${ourAddress}`,
    `Arrival-Date: ${rfc5322Date(arrival)}`,
    '',
    `Final-Recipient: rfc822; ${recipient}`,
    `Original-Recipient: rfc822;${recipient}`,
    `Action: ${action}`,
    `Status: ${o.status}`,
    `Remote-MTA: dns; ${remoteMta}`,
    `Diagnostic-Code: smtp; ${diagnostic}`,
    ...(action === 'delayed' ? [`Will-Retry-Until: ${rfc5322Date(new Date(date.getTime() + 5 * 86_400_000))}`] : []),
  ].join('\n');
  // The headers of our message exactly as the relay received them.
  const originalHeaders = o.original.raw.replace(/\r\n/g, '\n').split(/\n\n/)[0]!;
  const raw =
    `Return-Path: <>\n` +
    `Delivered-To: ${ourAddress}\n` +
    `Received: by ${reportingMta} (Postfix)\n\tid ${queueId}; ${rfc5322Date(date)}\n` +
    `Date: ${rfc5322Date(date)}\n` +
    `From: MAILER-DAEMON@${reportingMta} (Mail Delivery System)\n` +
    `Subject: ${subject}\n` +
    `To: ${ourAddress}\n` +
    `Auto-Submitted: auto-replied\n` +
    `MIME-Version: 1.0\n` +
    `Content-Type: multipart/report; report-type=delivery-status;\n\tboundary="${boundary}"\n` +
    `Content-Transfer-Encoding: 8bit\n` +
    `Message-Id: ${messageId}\n` +
    `\n` +
    `This is a MIME-encapsulated message.\n` +
    `\n` +
    `--${boundary}\n` +
    `Content-Description: Notification\n` +
    `Content-Type: text/plain; charset=us-ascii\n` +
    `\n` +
    `${notification}\n` +
    `\n` +
    `--${boundary}\n` +
    `Content-Description: Delivery report\n` +
    `Content-Type: message/delivery-status\n` +
    `\n` +
    `${status}\n` +
    `\n` +
    `--${boundary}\n` +
    `Content-Description: Undelivered Message Headers\n` +
    `Content-Type: text/rfc822-headers\n` +
    `Content-Transfer-Encoding: 8bit\n` +
    `\n` +
    `${originalHeaders}\n` +
    `\n` +
    `--${boundary}--\n`;
  return { raw: CRLF(raw), messageId, from: `MAILER-DAEMON@${reportingMta}`, subject, text: notification };
}
