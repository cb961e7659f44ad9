/**
 * What the tests' local webhook receivers share (webhooks.test.ts, webhook-worker-kill.test.ts): a server that
 * reads each delivery in full, and the Standard Webhooks check made on it with the standardwebhooks package, as a
 * subscriber would. How a receiver answers stays in its test.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/** The three Standard Webhooks headers of a request, as standardwebhooks' verify() takes them. */
export const pickWebhookHeaders = (h: IncomingHttpHeaders) => ({
  'webhook-id': String(h['webhook-id']),
  'webhook-timestamp': String(h['webhook-timestamp']),
  'webhook-signature': String(h['webhook-signature']),
});

/** Whether `body` verifies under `secret` with the request's webhook-id / -timestamp / -signature headers. */
export function verifyWebhook(body: string, headers: IncomingHttpHeaders, secret: string): boolean {
  try {
    new Webhook(secret).verify(body, pickWebhookHeaders(headers));
    return true;
  } catch {
    return false;
  }
}

/** Listens on a free port of 127.0.0.1 and hands every request to `onRequest` once its body has been read in full. */
export async function listenForWebhooks(onRequest: (req: IncomingMessage, body: Buffer, res: ServerResponse) => void): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => onRequest(req, Buffer.concat(chunks), res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return { server, port: (server.address() as AddressInfo).port };
}
