import nodemailer from 'nodemailer';
import type { Mailer, OutgoingMail } from './deps';

export interface SmtpOptions {
  /** e.g. smtp://user:pass@relay.example.com:587 or smtps://…:465 */
  url: string;
  dkim?: { domainName: string; keySelector: string; privateKey: string };
}

export function createSmtpMailer(options: SmtpOptions): Mailer {
  // A pooled transport reuses its SMTP connections (and TLS and login) across messages.
  const transport = nodemailer.createTransport({ url: options.url, pool: true, ...(options.dkim ? { dkim: options.dkim } : {}) });
  return {
    async send(mail: OutgoingMail) {
      const info = await transport.sendMail({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        messageId: mail.messageId,
        inReplyTo: mail.inReplyTo,
        references: mail.references,
        headers: mail.headers,
      });
      return { accepted: info.accepted.map(String), response: info.response };
    },
    close: () => transport.close(),
  };
}
