/**
 * Delivery status notifications (RFC 3464 multipart/report; report-type=delivery-status) and the common
 * non-standard bounces (Exim's and qmail's plain-text ones, NDRs without a report part).
 */
import { headerValue, type ParsedMessage } from './parse';
import { findEmails, fold } from './text';

export type BounceKind = 'hard' | 'soft';

export interface RecipientStatus {
  finalRecipient: string | null;
  originalRecipient: string | null;
  action: string | null;
  status: string | null;
  diagnosticCode: string | null;
}

export interface BounceResult {
  kind: BounceKind | null; // null: a report in which nothing failed (a delivery or relay notice)
  recipients: string[];
  /** The Message-ID of the message that bounced, when the bounce carries it. */
  originalMessageId: string | null;
  reasons: string[];
  structured: boolean;
  confidence: number;
  /** The human-readable notification text, without the returned message. */
  notification: string;
}

/** Unfolds continuation lines and splits a message/delivery-status body into field groups. */
export function parseDeliveryStatus(content: string): { perMessage: Record<string, string>; recipients: RecipientStatus[] } {
  const unfolded = content.replace(/\r\n?/g, '\n').replace(/\n[ \t]+/g, ' ');
  const groups = unfolded.split(/\n\s*\n/).map((g) =>
    Object.fromEntries(
      g
        .split('\n')
        .map((l) => /^([A-Za-z][A-Za-z0-9-]*)\s*:\s*(.*)$/.exec(l.trim()))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => [m[1]!.toLowerCase(), m[2]!.trim()]),
    ) as Record<string, string>,
  );
  const perMessage: Record<string, string> = {};
  const recipients: RecipientStatus[] = [];
  for (const g of groups) {
    if (g['final-recipient'] || g['original-recipient'] || g.status || g.action) {
      recipients.push({
        finalRecipient: recipientAddress(g['final-recipient']),
        originalRecipient: recipientAddress(g['original-recipient']),
        action: g.action ? g.action.toLowerCase() : null,
        status: g.status ?? null,
        diagnosticCode: g['diagnostic-code'] ?? null,
      });
    } else {
      Object.assign(perMessage, g);
    }
  }
  return { perMessage, recipients };
}

function recipientAddress(field: string | undefined): string | null {
  if (!field) return null;
  const v = field.includes(';') ? field.slice(field.indexOf(';') + 1) : field;
  const addr = v.trim().replace(/^<|>$/g, '').toLowerCase();
  return addr || null;
}

const ENHANCED = /\b([245])\.(\d{1,3})\.(\d{1,3})\b/;
const MAILBOX_FULL = /(mailbox (is )?full|over quota|quota exceeded|exceeded (the |its |their )?(storage|quota|mailbox size)|insufficient (storage|space)|out of storage|postfach (ist )?voll|speicherplatz|boite (aux lettres )?pleine|quota (depasse|excede|superato)|buzon (esta )?lleno|casella (piena|satura)|mailbox vol|caixa (postal )?(cheia|lotada)|brevladan (ar )?full|skrzynka (jest )?pelna|ящик переполнен|容量)/i;

// A mail system's words for a message that could not be delivered, and for a delay, in the languages MTAs localise to
// (matched on folded text: lower case, no accents).
const FAILURE_WORDING = new RegExp(
  [
    'could not be delivered', "couldn't be delivered", "wasn't delivered", 'was not delivered', 'not (been )?delivered', 'unable to deliver', 'delivery (has )?failed', 'delivery to the following recipient(s)? failed',
    'undeliverable', 'permanent (fatal )?error', 'i\'m afraid i wasn\'t able to deliver', 'message not delivered', 'failed to deliver', 'rejected your message', 'returned to sender', 'no such user', 'user unknown',
    'not listed in (the )?(domino )?directory', 'konnte nicht zugestellt werden', 'nicht zugestellt', 'unzustellbar', 'zustellung (ist )?fehlgeschlagen', "n'a pas pu etre (remis|distribue|delivre|achemine)", 'non distribu', 'non remis', 'echec de (la )?(remise|distribution|livraison)',
    'no (se )?(ha podido|pudo|puede) (ser )?entregar', 'no (pudo|ha podido) ser entregado', 'entrega fallida', 'non (e stato|e|puo essere) (possibile )?(recapitat|consegnat)', 'mancata consegna', 'impossibile recapitare', 'kon niet (worden )?(afgeleverd|bezorgd)', 'onbestelbaar',
    'nao (pode|foi possivel|pôde) (ser )?entreg', 'falha na entrega', 'nao entregue', 'kunde inte levereras', 'ej levererat', 'nie (mogla|moglo|mozna|udalo sie) (zostac )?dostarcz', 'niedostarczon', 'не (может быть|удалось|было) доставлен', 'не доставлено', 'недоставлен', 'не существует',
    '配信できません', 'お届けできません', '送信できませんでした', '配信不能', '配送不能', 'delivery status notification', 'non-?delivery',
  ].join('|'),
);
const TEMPORARY_WORDING = new RegExp(
  [
    'temporar', 'will (be )?retr(y|ied)', 'retrying', 'still (being )?(retried|trying|queued|in the queue)', 'delayed', 'delay', 'not yet (been )?delivered', 'warning message only', 'this is a warning', 'no action is required', 'greylist', 'graylist', 'try again later', 'deferred',
    'noch nicht zugestellt', 'weitere(n)? (zustell)?versuch', 'wird (weiter(hin)?|erneut) versucht', 'verzogert', 'pas encore (ete )?(remis|distribue|delivre|achemine)', 'nouvelles? tentatives?', 'retarde',
    'aun no (se )?ha (sido )?entregad', '(seguira|volvera) intent', 'reintent', 'retrasad', 'non (e )?ancora (stato )?(recapitat|consegnat)', 'nuovi tentativi', 'tentativi', 'in ritardo', 'nog niet (afgeleverd|bezorgd)', 'vertraagd',
    'ainda nao (foi )?entreg', 'novas? tentativas?', 'atrasad', 'inte levererats annu', 'nie zostala jeszcze dostarczona', 'opozni', 'пока не доставлено', 'попытк', 'задерж', '遅延', '再送', '再試行',
  ].join('|'),
);
const PERMANENT_WORDING = /(permanent|dauerhaft|endgultig|definitiv|giving up|given up|gave up|i've given up|permanente|definitif|definitivo|permanentemente|trwal|постоянн|恒久)/;
const BOUNCE_SUBJECT = new RegExp(
  [
    'undeliver(ed|able)', 'returned mail', 'delivery status notification', 'mail delivery (failed|failure|subsystem|system)', 'delivery (failure|has failed|notification)', 'failure notice', 'non[- ]?delivery', 'could not be delivered', 'delayed mail', 'delivery delayed',
    'warning: (could not send|message .* delayed|delayed)', 'message delayed', 'not delivered', 'returned to sender', 'unzustellbar', 'nicht zustellbar', 'zustellungsfehler', 'fehler bei der zustellung', 'verzogerte zustellung', 'non remis', 'non distribu', 'remise differee', 'echec de (la )?(remise|distribution)',
    'no se puede entregar', 'no entregado', 'entrega (fallida|retrasada)', 'mensaje no entregado', 'non recapitat', 'mancata consegna', 'consegna (ritardata|fallita)', 'niet bezorgd', 'onbestelbaar', 'kan niet worden bezorgd', 'nao entregue', 'falha na entrega', 'entrega atrasada', 'kunde inte levereras',
    'niedostarczon', 'не доставлено', 'недоставлен', '配信不能', '配信エラー', '配送不能',
  ].join('|'),
);

export interface StatusVerdict {
  kind: BounceKind | null;
  code: string | null;
  why: string;
}

/**
 * Maps an RFC 3463 status (with the diagnostic text as a tie-breaker for the unspecific x.0.0) to a bounce kind.
 * A permanent failure (5.x.x) for the recipient is hard, whatever its cause (unknown user, disabled mailbox, a
 * policy or blocklist rejection), except a full mailbox (x.2.2 or "over quota"), which is soft; a temporary one
 * (4.x.x, Action: delayed) is soft. Without a status, a failure is hard unless its words say it is temporary.
 */
export function bounceKindForStatus(status: string | null, diagnostic: string | null = null, action: string | null = null): StatusVerdict {
  let code = status ? (ENHANCED.exec(status)?.[0] ?? null) : null;
  const diagCode = diagnostic ? (ENHANCED.exec(diagnostic)?.[0] ?? null) : null;
  if ((!code || /\.0\.0$/.test(code)) && diagCode && diagCode[0] === (code ?? diagCode)[0]) code = diagCode;
  if (!code && diagCode) code = diagCode;
  const diag = diagnostic ?? '';
  const folded = fold(diag);
  if (action === 'delivered' || action === 'relayed' || action === 'expanded') return { kind: null, code, why: `Action: ${action}` };
  if (!code) {
    if (MAILBOX_FULL.test(folded)) return { kind: 'soft', code, why: 'mailbox full' };
    if (action === 'delayed') return { kind: 'soft', code, why: 'delivery delayed' };
    if (TEMPORARY_WORDING.test(folded) && !PERMANENT_WORDING.test(folded)) return { kind: 'soft', code, why: 'temporary failure (diagnostic text)' };
    return { kind: 'hard', code, why: 'permanent failure (no status code, nothing says it is temporary)' };
  }
  const [cls, subject, detail] = code.split('.').map(Number) as [number, number, number];
  if (cls === 2) return { kind: null, code, why: 'success status' };
  if (action === 'delayed') return { kind: 'soft', code, why: 'delivery delayed, still being retried' };
  if (subject === 2 && detail === 2) return { kind: 'soft', code, why: 'mailbox full' };
  if (cls === 4) return { kind: 'soft', code, why: 'temporary failure' };
  if (MAILBOX_FULL.test(folded)) return { kind: 'soft', code, why: 'mailbox full' };
  if (subject === 1) return { kind: 'hard', code, why: detail === 2 || detail === 10 ? 'recipient domain or address not found' : 'address does not exist' };
  if (subject === 2) return { kind: 'hard', code, why: 'mailbox disabled or unavailable' };
  if (subject === 4 && detail === 4) return { kind: 'hard', code, why: 'recipient domain cannot be routed' };
  if (subject === 7) return { kind: 'hard', code, why: 'permanently rejected by the recipient\'s policy' };
  return { kind: 'hard', code, why: 'permanent failure' };
}

const MAILER_LOCAL = /^(mailer-daemon|mailer_daemon|mailerdaemon|mail-daemon|postmaster|microsoftexchange[0-9a-f]*|mdaemon|mail\.delivery\.system|mailadmin|bounce|bounces|nobody)$/i;
const MAILER_NAME = /^(mail delivery (system|subsystem|service)|mail administrator|microsoft outlook|postmaster|mailer-daemon|mail delivery|mailer daemon|system administrator|mail system|e-?mail (delivery )?system|lotus notes|domino|mail-server|mailserver|mail server)$/i;
const RETURNED_COPY = /^(-{3,}.*(copy of the message|below this line|original message|undelivered message|returned message|headers? of the original|nachricht|ursprungliche|message d'origine|messaggio originale|mensaje original|mensagem original).*|original message headers:|-+ ?original message ?-+|--- the header of the original message is following\. ---)\s*$/im;

export function isMailerSender(msg: ParsedMessage): boolean {
  const from = msg.fromAddress ?? '';
  const local = from.split('@')[0] ?? '';
  return MAILER_LOCAL.test(local) || MAILER_NAME.test((msg.fromName ?? '').trim());
}

export function detectBounce(msg: ParsedMessage): BounceResult | null {
  const reasons: string[] = [];
  const reportType = /multipart\/report/.test(msg.contentType) && /report-type\s*=\s*"?delivery-status/.test(msg.contentType);
  const statusParts = msg.parts.filter((p) => p.mimeType === 'message/delivery-status' || p.mimeType === 'message/global-delivery-status');
  const notification = notificationText(msg.text);

  if (reportType || statusParts.length > 0) {
    reasons.push(reportType ? 'multipart/report; report-type=delivery-status' : 'message/delivery-status part');
    const parsed = statusParts.map((p) => parseDeliveryStatus(p.content));
    const recipients = parsed.flatMap((p) => p.recipients);
    const perMessage = Object.assign({}, ...parsed.map((p) => p.perMessage)) as Record<string, string>;
    if (recipients.length > 0) {
      let kind: BounceKind | null = null;
      const failed: string[] = [];
      for (const r of recipients) {
        const v = bounceKindForStatus(r.status, r.diagnosticCode, r.action);
        const who = r.finalRecipient ?? r.originalRecipient ?? 'unknown recipient';
        const derived = v.code && r.status && !r.status.startsWith(v.code) ? ` (Status: ${r.status}; code ${v.code} from Diagnostic-Code)` : '';
        reasons.push(`DSN status ${v.code ?? r.status ?? 'none'}${derived} for ${who}, Action: ${r.action ?? 'none'}: ${v.why}`);
        if (v.kind) {
          for (const a of [r.finalRecipient, r.originalRecipient]) if (a && !failed.includes(a)) failed.push(a);
          if (v.kind === 'hard' || kind === null) kind = v.kind === 'hard' ? 'hard' : (kind ?? 'soft');
        }
      }
      return { kind, recipients: failed, originalMessageId: originalMessageId(msg, perMessage), reasons, structured: true, confidence: kind ? 0.98 : 0.9, notification };
    }
    reasons.push('the report has no per-recipient status; reading the notification text');
  }

  // Non-standard bounces: a mail system (or a null sender, X-Failed-Recipients, an Exchange NDR) with failure wording.
  const mailer = isMailerSender(msg);
  const failedHeader = headerValue(msg, 'x-failed-recipients');
  const nullSender = (headerValue(msg, 'return-path') ?? '').trim() === '<>';
  const ndrHeader = headerValue(msg, 'x-ms-exchange-message-is-ndr') !== null;
  const subject = msg.message.subject ?? '';
  const foldedSubject = fold(subject);
  const foldedNotification = fold(notification);
  const bounceSubject = BOUNCE_SUBJECT.test(foldedSubject);
  const bounceBody = FAILURE_WORDING.test(foldedNotification) || TEMPORARY_WORDING.test(foldedNotification) && /(deliver|zustell|remis|distribu|entreg|recapit|consegn|bezorg|afgeleverd|levere|dostarcz|достав|配信)/.test(foldedNotification);
  const senderEvidence = mailer || failedHeader !== null || ndrHeader || (nullSender && (bounceSubject || bounceBody));
  if (!(reportType || statusParts.length > 0) && !(senderEvidence && (bounceSubject || bounceBody))) return null;

  if (mailer) reasons.push(`sender ${msg.fromAddress ?? msg.fromName} is a mail system`);
  if (failedHeader) reasons.push(`X-Failed-Recipients: ${failedHeader}`);
  if (ndrHeader) reasons.push('X-MS-Exchange-Message-Is-Ndr');
  if (nullSender) reasons.push('Return-Path: <> (null sender)');
  if (bounceSubject) reasons.push(`bounce subject "${subject}"`);
  if (bounceBody) reasons.push('failure or delay wording in the notification');

  const qmailCode = /\(#([245]\.\d{1,3}\.\d{1,3})\)/.exec(notification)?.[1] ?? null;
  const code = qmailCode ?? ENHANCED.exec(notification)?.[0] ?? null;
  const diagLine = code ? (notification.split('\n').find((l) => l.includes(code)) ?? null) : null;
  const temporary = (TEMPORARY_WORDING.test(foldedNotification) || TEMPORARY_WORDING.test(foldedSubject)) && !PERMANENT_WORDING.test(foldedNotification);
  let kind: BounceKind;
  if (code) {
    const v = bounceKindForStatus(code, diagLine, temporary ? 'delayed' : 'failed');
    kind = v.kind ?? 'soft';
    reasons.push(`status ${code} in the notification text: ${v.why}`);
  } else if (MAILBOX_FULL.test(foldedNotification)) {
    kind = 'soft';
    reasons.push('mailbox full (notification text)');
  } else if (temporary) {
    kind = 'soft';
    reasons.push('temporary failure wording, no status code');
  } else {
    kind = 'hard';
    reasons.push('a failure notice with no status code that does not say it is temporary: permanent');
  }

  const ours = new Set([...msg.message.to, msg.fromAddress ?? ''].filter(Boolean));
  let recipients: string[] = [];
  if (failedHeader) recipients = findEmails(failedHeader);
  if (recipients.length === 0) {
    recipients = [...new Set(findEmails(notification))].filter((a) => !ours.has(a) && !MAILER_LOCAL.test(a.split('@')[0] ?? ''));
    // Prefer addresses the notification names as failed ("<a@b>:" lines, "RCPT TO:<a@b>").
    const named = [...notification.matchAll(/^\s*<([^>\s]+@[^>\s]+)>\s*:/gm), ...notification.matchAll(/RCPT TO:\s*<([^>\s]+@[^>\s]+)>/gi)].map((m) => m[1]!.toLowerCase());
    if (named.length) recipients = [...new Set(named)];
  }
  return { kind, recipients, originalMessageId: originalMessageId(msg, {}), reasons, structured: false, confidence: code ? 0.9 : 0.75, notification };
}

const MESSAGE_ID_HEADER = /^message-id:[ \t]*(?:\r?\n[ \t]+)?(<[^<>\s]+>)/im;

/**
 * The Message-ID of the returned message: from the returned message or its headers, the report's
 * X-Original-Message-ID, the copy in a plain-text bounce, or else the bounce's own In-Reply-To.
 */
function originalMessageId(msg: ParsedMessage, perMessage: Record<string, string>): string | null {
  for (const p of msg.parts) {
    if (p.mimeType === 'message/rfc822' || p.mimeType === 'text/rfc822-headers' || p.mimeType === 'message/global' || p.mimeType === 'message/global-headers') {
      const headerBlock = p.content.split(/\r?\n\r?\n/)[0] ?? '';
      const m = MESSAGE_ID_HEADER.exec(headerBlock);
      if (m) return m[1]!;
    }
  }
  const xOriginal = perMessage['x-original-message-id'];
  if (xOriginal && /<[^<>\s]+>/.test(xOriginal)) return /<[^<>\s]+>/.exec(xOriginal)![0];
  const copy = RETURNED_COPY.exec(msg.text);
  if (copy) {
    const m = MESSAGE_ID_HEADER.exec(msg.text.slice(copy.index));
    if (m) return m[1]!;
  }
  return msg.message.inReplyTo ?? msg.message.references[msg.message.references.length - 1] ?? null;
}

/** The notification part of a bounce, without the copy of the returned message. */
function notificationText(text: string): string {
  const m = RETURNED_COPY.exec(text);
  const cut = m ? text.slice(0, m.index) : text;
  return cut.trim();
}

