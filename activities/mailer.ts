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
 * SMTP submission, one connection per message. The message is built and DKIM-signed in memory first;
 * the connection is fed our own stream so that the sender decides, after the whole message is with
 * the server, whether the end-of-data marker goes (see HandOff). Sales mailboxes send a message a
 * minute at most, so a pool would save nothing worth that control.
 */
export function createSmtpMailer(options: SmtpOptions): Mailer {
  // RFC 8058: the one-click unsubscribe headers must be covered by the DKIM signature.
  const dkim = options.dkim ? { ...options.dkim, headerFieldNames: DKIM_SIGNED_HEADERS } : undefined;
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows', ...(dkim ? { dkim } : {}) });
  const { auth, ...connection } = parseConnectionUrl(options.url);
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
      const smtp = new SMTPConnection({ connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 120_000, ...connection });
      // A connection error fails whatever is pending: the connect below, or the command under way.
      let failed: (err: Error) => void = () => undefined;
      smtp.on('error', (err: Error) => failed(err));
      try {
        await call<void>((done) => {
          failed = done;
          smtp.connect(() => done(null));
        });
        if (auth?.user) await call<void>((done) => smtp.login(auth, (err) => done(err ?? null)));
        const info = await call<SMTPConnection.SentMessageInfo>((done) => smtp.send(envelope, gatedMessage(built.message as Buffer, handOff), done));
        smtp.quit();
        return { accepted: info.accepted.map(String), response: info.response };
      } catch (err) {
        smtp.close();
        throw err;
      }
    },
  };
}
