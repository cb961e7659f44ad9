import nodemailer from 'nodemailer';
import type { Mailer, OutgoingMail } from './deps';

export interface SmtpOptions {
  /** e.g. smtp://user:pass@relay.example.com:587 or smtps://…:465 */
  url: string;
  dkim?: { domainName: string; keySelector: string; privateKey: string };
}

const DKIM_SIGNED_HEADERS =
  'From:Sender:Reply-To:Subject:Date:Message-ID:To:Cc:MIME-Version:Content-Type:Content-Transfer-Encoding:In-Reply-To:References:List-Unsubscribe:List-Unsubscribe-Post';

export function createSmtpMailer(options: SmtpOptions): Mailer {
  // A pooled transport reuses its SMTP connections (and TLS and login) across messages.
  // RFC 8058: the one-click unsubscribe headers must be covered by the DKIM signature.
  const dkim = options.dkim ? { ...options.dkim, headerFieldNames: DKIM_SIGNED_HEADERS } : undefined;
  const transport = nodemailer.createTransport({ url: options.url, pool: true, ...(dkim ? { dkim } : {}) });
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
