import { Readable } from 'node:stream';
import nodemailer from 'nodemailer';
import { parseConnectionUrl } from 'nodemailer/lib/shared';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { HandOff, Mailer, OutgoingMail } from './deps';

export interface SmtpOptions {
  /** e.g. smtp://user:pass@relay.example.com:587 or smtps://…:465; query options as nodemailer reads them (tls.rejectUnauthorized=false). */
  url: string;
  dkim?: { domainName: string; keySelector: string; privateKey: string };
}

const DKIM_SIGNED_HEADERS =
  'From:Sender:Reply-To:Subject:Date:Message-ID:To:Cc:MIME-Version:Content-Type:Content-Transfer-Encoding:In-Reply-To:References:List-Unsubscribe:List-Unsubscribe-Post';

/**
 * The message as SMTP reads it after DATA was accepted: all of it, then, once `beforeEndOfData` has
 * resolved, its end, after which the connection writes the end-of-data marker. Until then the server
 * holds an incomplete message that it discards if the connection drops; if the hand-off throws, the
 * stream fails and the connection is dropped, so nothing is delivered.
 */
function gatedMessage(raw: Buffer, handOff: HandOff | undefined): Readable {
  let pushed = false;
  return new Readable({
    read() {
      if (!pushed) {
        pushed = true;
        this.push(raw);
      } else if (!handOff) {
        this.push(null);
      } else {
        handOff.beforeEndOfData().then(
          () => this.push(null),
          (err: Error) => this.destroy(err),
        );
      }
    },
  });
}

function call<T>(fn: (done: (err: Error | null, value?: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => fn((err, value) => (err ? reject(err) : resolve(value as T))));
}

/**
 * Sessions kept open between messages: opening one is a TCP handshake, the greeting and EHLO (and on a real relay
 * STARTTLS and AUTH) for every message otherwise. A worker sends for every mailbox through one relay, so sessions
 * are reused across mailboxes; each message still gets its own gated stream.
 */
const MAX_IDLE_SESSIONS = 8;
/** An unused session is quit after this long: relays drop idle sessions themselves after a minute or so. */
const IDLE_QUIT_MS = 15_000;
/** Many relays refuse more messages than this on one session. */
const MAX_MESSAGES_PER_SESSION = 100;

interface Session {
  smtp: SMTPConnection;
  messages: number;
  ended: boolean;
  /** Where the connection's errors go: whatever is pending on it; nothing while it is idle (its 'end' follows). */
  onError: (err: Error) => void;
  idleTimer?: NodeJS.Timeout;
}

/** The connection failed before a byte of the message went out on a session used before: the server had dropped it. */
function droppedBeforeMessage(err: unknown, session: Session, message: Readable): boolean {
  const { code, responseCode } = err as { code?: string; responseCode?: number };
  return session.messages > 0 && !message.readableDidRead && (responseCode === 421 || code === 'ECONNECTION' || code === 'ESOCKET' || code === 'ETIMEDOUT');
}

/**
 * SMTP submission over a few reused sessions. The message is built and DKIM-signed in memory first; the session
 * is fed our own stream so that the sender decides, after the whole message is with the server, whether the
 * end-of-data marker goes (see HandOff). A session that fails in any way is closed, never reused.
 */
export function createSmtpMailer(options: SmtpOptions): Mailer {
  // RFC 8058: the one-click unsubscribe headers must be covered by the DKIM signature.
  const dkim = options.dkim ? { ...options.dkim, headerFieldNames: DKIM_SIGNED_HEADERS } : undefined;
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows', ...(dkim ? { dkim } : {}) });
  const { auth, ...connection } = parseConnectionUrl(options.url);
  const idle: Session[] = [];
  let closed = false;

  const forget = (session: Session) => {
    clearTimeout(session.idleTimer);
    const at = idle.indexOf(session);
    if (at >= 0) idle.splice(at, 1);
  };

  /** One SMTP command on a session: the connection's own errors fail it too while it is pending. */
  function command<T>(session: Session, run: (done: (err: Error | null, value?: T) => void) => void): Promise<T> {
    return call<T>((done) => {
      session.onError = done;
      run(done);
    }).finally(() => {
      session.onError = () => undefined;
    });
  }

  async function open(): Promise<Session> {
    const smtp = new SMTPConnection({ connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 120_000, ...connection });
    const session: Session = { smtp, messages: 0, ended: false, onError: () => undefined };
    smtp.on('error', (err: Error) => session.onError(err));
    smtp.once('end', () => {
      session.ended = true;
      forget(session);
    });
    try {
      await command<void>(session, (done) => smtp.connect(() => done(null)));
      if (auth?.user) await command<void>(session, (done) => smtp.login(auth, (err) => done(err ?? null)));
    } catch (err) {
      smtp.close();
      throw err;
    }
    return session;
  }

  function release(session: Session) {
    if (closed || session.ended || session.messages >= MAX_MESSAGES_PER_SESSION || idle.length >= MAX_IDLE_SESSIONS) {
      session.smtp.quit();
      return;
    }
    session.idleTimer = setTimeout(() => {
      forget(session);
      session.smtp.quit();
    }, IDLE_QUIT_MS);
    session.idleTimer.unref();
    idle.push(session);
  }

  async function sendOn(session: Session, envelope: { from: string; to: string[] }, message: Readable): Promise<SMTPConnection.SentMessageInfo> {
    try {
      const info = await command<SMTPConnection.SentMessageInfo>(session, (done) => session.smtp.send(envelope, message, done));
      session.messages++;
      return info;
    } catch (err) {
      session.smtp.close();
      throw err;
    }
  }

  return {
    async send(mail: OutgoingMail, handOff?: HandOff) {
      const envelope = { from: mail.from.address, to: [mail.to] };
      const built = await composer.sendMail({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        messageId: mail.messageId,
        inReplyTo: mail.inReplyTo,
        references: mail.references,
        headers: mail.headers,
        envelope,
      });
      const raw = built.message as Buffer;
      let session = idle.pop();
      if (session) clearTimeout(session.idleTimer);
      else session = await open();
      let message = gatedMessage(raw, handOff);
      let info: SMTPConnection.SentMessageInfo;
      try {
        info = await sendOn(session, envelope, message);
      } catch (err) {
        if (!droppedBeforeMessage(err, session, message)) throw err;
        // Nothing of this message reached the server: it goes out, once, on a new session.
        session = await open();
        message = gatedMessage(raw, handOff);
        info = await sendOn(session, envelope, message);
      }
      release(session);
      return { accepted: info.accepted.map(String), response: info.response };
    },

    close() {
      closed = true;
      for (const session of idle.splice(0)) {
        clearTimeout(session.idleTimer);
        session.smtp.quit();
      }
    },
  };
}
