// The bench's webhook subscriber: a local receiver that verifies every delivery's signature with the
// standardwebhooks package (as a subscriber would) and notes when each event first arrived, so the bench can
// print deliveries per second and the lag from the audit event to its delivery.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface WebhookFigures {
  events: number;
  /** Events delivered more than once outside a replay. */
  duplicates: number;
  badSignatures: number;
  /** Deliveries per second from the first event's arrival to the last's. */
  perSecond: number;
  /** Receipt time minus the event's timestamp (its audit event's occurred_at), ms. */
  lags: number[];
}

export class WebhookReceiver {
  secret: string | null = null;
  private readonly first = new Map<string, { at: number; type: string; prospectId: string | null; lag: number }>();
  private duplicates = 0;
  /** When each repeat of an event (a replay's delivery) arrived. */
  readonly repeats: number[] = [];
  private badSignatures = 0;
  private server: Server | undefined;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const at = Date.now();
        const body = Buffer.concat(chunks).toString('utf8');
        try {
          new Webhook(this.secret ?? '').verify(body, headers(req.headers));
        } catch {
          this.badSignatures++;
          res.statusCode = 401;
          res.end();
          return;
        }
        const id = String(req.headers['webhook-id']);
        const event = JSON.parse(body) as { type: string; timestamp: string; data: { prospect: { id: string } | null } };
        if (this.first.has(id)) {
          this.duplicates++;
          this.repeats.push(at);
        }
        else this.first.set(id, { at, type: event.type, prospectId: event.data.prospect?.id ?? null, lag: at - Date.parse(event.timestamp) });
        res.statusCode = 204;
        res.end();
      });
    });
    const server = this.server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/bench`;
  }

  /** Deliveries per second of the repeats so far (a replayed backlog), first to last. */
  repeatRate(): number {
    const span = (Math.max(...this.repeats) - Math.min(...this.repeats)) / 1000;
    return span > 0 ? this.repeats.length / span : this.repeats.length;
  }

  /** How many events of type `type` arrived for these prospects. */
  count(type: string, prospectIds: Set<string>): number {
    let n = 0;
    for (const e of this.first.values()) if (e.type === type && e.prospectId && prospectIds.has(e.prospectId)) n++;
    return n;
  }

  /** The figures over the events of these prospects. */
  figures(prospectIds: Set<string>): WebhookFigures {
    const mine = [...this.first.values()].filter((e) => e.prospectId && prospectIds.has(e.prospectId));
    const times = mine.map((e) => e.at);
    const span = (Math.max(...times) - Math.min(...times)) / 1000;
    return {
      events: mine.length,
      duplicates: this.duplicates,
      badSignatures: this.badSignatures,
      perSecond: span > 0 ? mine.length / span : mine.length,
      lags: mine.map((e) => e.lag),
    };
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

const headers = (h: IncomingHttpHeaders) => ({
  'webhook-id': String(h['webhook-id']),
  'webhook-timestamp': String(h['webhook-timestamp']),
  'webhook-signature': String(h['webhook-signature']),
});
