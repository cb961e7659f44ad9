import http from 'node:http';
import type { AddressInfo } from 'node:net';
import PostalMime from 'postal-mime';
import { SMTPServer, type SMTPServerAddress, type SMTPServerSession } from 'smtp-server';

export interface CapturedMessage {
  id: number;
  receivedAt: string;
  envelopeFrom: string;
  envelopeTo: string[];
  messageId: string | null;
  from: string | null;
  to: string | null;
  subject: string | null;
  text: string;
  headers: Record<string, string>;
  raw: string;
}

/**
 * Points in an SMTP conversation where a test can act (e.g. kill the sending worker). Each is awaited
 * before the server answers; a rejection refuses that step with the error's responseCode (default 421).
 */
export interface CaptureHooks {
  /** A client connected, before the greeting. */
  onConnect?(session: SMTPServerSession): void | Promise<void>;
  /** RCPT TO, before it is answered. */
  onRcptTo?(address: SMTPServerAddress, session: SMTPServerSession): void | Promise<void>;
  /** The whole message is in and stored in `messages`; the 250 (or the hook's error) is sent after this. */
  beforeAccept?(message: CapturedMessage, session: SMTPServerSession): void | Promise<void>;
}

/** Runs a hook and answers smtp-server's callback: a thrown error refuses the step, 421 unless it names a code. */
function answer(hook: (() => void | Promise<void>) | undefined, callback: (err?: Error | null) => void): void {
  Promise.resolve()
    .then(hook)
    .then(
      () => callback(),
      (err: unknown) => {
        const refusal = err instanceof Error ? err : new Error(String(err));
        (refusal as Error & { responseCode?: number }).responseCode ??= 421;
        callback(refusal);
      },
    );
}

/**
 * A local SMTP server that accepts every message and keeps it, for the dev stack and the tests.
 * It speaks real SMTP (smtp-server) and parses real MIME (postal-mime). Like a real MTA it keeps only
 * complete messages: a connection that drops before the terminating dot leaves nothing behind.
 */
export class CaptureSmtpServer {
  readonly messages: CapturedMessage[] = [];
  private readonly server: SMTPServer;
  private waiters: Array<() => void> = [];
  private http?: http.Server;

  constructor(hooks: CaptureHooks = {}) {
    this.server = new SMTPServer({
      authOptional: true,
      // Do not wait long for idle pooled client connections when closing.
      closeTimeout: 1000,
      disabledCommands: ['STARTTLS'],
      logger: false,
      ...(hooks.onConnect ? { onConnect: (session, callback) => answer(() => hooks.onConnect!(session), callback) } : {}),
      ...(hooks.onRcptTo ? { onRcptTo: (address, session, callback) => answer(() => hooks.onRcptTo!(address, session), callback) } : {}),
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        // smtp-server ends the stream only at the terminating dot; a client that goes away mid-DATA
        // destroys it (an 'error' with a listener, else just 'close'), and nothing is stored.
        stream.on('error', () => undefined);
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          PostalMime.parse(raw)
            .then((email) => {
              const message: CapturedMessage = {
                id: this.messages.length + 1,
                receivedAt: new Date().toISOString(),
                envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
                envelopeTo: session.envelope.rcptTo.map((r) => r.address),
                messageId: email.messageId ?? null,
                from: email.from ? `${email.from.name ? `${email.from.name} ` : ''}<${email.from.address}>` : null,
                to: (email.to ?? []).map((t) => t.address).join(', ') || null,
                subject: email.subject ?? null,
                text: (email.text ?? '').replace(/\r\n/g, '\n').replace(/\n$/, ''),
                headers: Object.fromEntries(email.headers.map((h) => [h.key, h.value])),
                raw,
              };
              this.messages.push(message);
              const waiters = this.waiters;
              this.waiters = [];
              waiters.forEach((w) => w());
              answer(hooks.beforeAccept && (() => hooks.beforeAccept!(message, session)), callback);
            })
            .catch((err: Error) => callback(err));
        });
      },
    });
    // smtp-server reports a client that resets its connection inside a transaction as a server
    // 'error'; that is the client's failure (its transaction is discarded), not a reason to crash.
    this.server.on('error', () => undefined);
  }

  async listen(port = 0, host = '127.0.0.1'): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => resolve());
    });
    return (this.server.server.address() as AddressInfo).port;
  }

  /** Resolves once at least `count` messages match, or rejects after the timeout. */
  async waitFor(predicate: (m: CapturedMessage) => boolean, count = 1, timeoutMs = 15_000): Promise<CapturedMessage[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.filter(predicate);
      if (found.length >= count) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${count} message(s); have ${found.length}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** The dev outbox page: every captured message, newest first, and the same as JSON at /messages. */
  async serveOutbox(port: number, host = '127.0.0.1'): Promise<number> {
    this.http = http.createServer((req, res) => {
      if (req.url === '/messages') {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(this.messages.map(({ raw, ...m }) => m)));
        return;
      }
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(renderOutbox(this.messages));
    });
    await new Promise<void>((resolve) => this.http!.listen(port, host, resolve));
    return (this.http.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    if (this.http) await new Promise<void>((resolve) => this.http!.close(() => resolve()));
  }
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function renderOutbox(messages: CapturedMessage[]): string {
  const rows = [...messages]
    .reverse()
    .map(
      (m) => `<article><h2>${escapeHtml(m.subject ?? '(no subject)')}</h2>
<p><b>From</b> ${escapeHtml(m.from ?? '')} <b>To</b> ${escapeHtml(m.to ?? '')} <b>at</b> ${m.receivedAt}<br><b>Message-ID</b> ${escapeHtml(m.messageId ?? '')}</p>
<pre>${escapeHtml(m.text)}</pre></article>`,
    )
    .join('\n');
  return `<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="5"><title>Dev outbox (${messages.length})</title>
<style>body{font:14px system-ui;margin:2em;max-width:60em}article{border-bottom:1px solid #ccc;padding:.5em 0}pre{white-space:pre-wrap;background:#f6f6f6;padding:1em}</style>
<h1>Dev outbox: ${messages.length} message(s) captured</h1>${rows || '<p>Nothing sent yet.</p>'}`;
}
