/**
 * The HTTP scaffolding of the in-memory vendor API fakes (hubspot-api.ts, salesforce-api.ts): a local server that
 * logs every request, can inject faults (errors, hung requests) and revoke tokens, and hands each request that gets
 * through to the fake's `route`. What the vendor answers (error bodies, how it reads the Authorization header and
 * the query string, its Content-Type) is each fake's, through the protected hooks below.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoggedRequest {
  method: string;
  path: string;
  /** One value a parameter; how repeated parameters are read is the fake's (its `queryRecord`). */
  query: Record<string, string>;
  body: unknown;
  /** The status answered; undefined while a request hangs. */
  status?: number;
}

/** An answer thrown from anywhere below `route`: sent with its status and body. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: object,
    vendor: string,
  ) {
    super(`${vendor} ${status}`);
  }
}

/** `Overrides` is what `failNext` accepts to change an injected fault's body. */
export abstract class FakeVendorApi<Overrides> {
  readonly token: string;
  readonly requests: LoggedRequest[] = [];
  url = '';
  private server?: Server;
  private faults: Array<{ status: number; overrides?: Overrides } | 'hang'> = [];
  private rejecting = false;

  protected constructor(token: string) {
    this.token = token;
  }

  /** The next `count` requests answer `status` with the vendor's error body for it (`injectedFaultBody`). */
  failNext(count: number, status: number, overrides?: Overrides): void {
    for (let i = 0; i < count; i++) this.faults.push({ status, overrides });
  }

  /** The next `count` requests are read and never answered (their sockets close at stop()). */
  hangNext(count: number): void {
    for (let i = 0; i < count; i++) this.faults.push('hang');
  }

  /** While on, every request answers 401 (`unauthorizedBody`) as for a revoked token (after queued faults). */
  rejectTokens(on: boolean): void {
    this.rejecting = on;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((err: Error) => {
        if (!res.headersSent && !res.destroyed) this.send(res, 500, this.crashBody(err));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections(); // also ends hung requests
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = undefined;
  }

  /** The Content-Type of every answer with a body. */
  protected abstract readonly contentType: string;
  /** The body of an injected `status` (failNext), with its overrides applied. */
  protected abstract injectedFaultBody(status: number, overrides?: Overrides): object;
  /** The 401 body for a missing, wrong or revoked token. */
  protected abstract unauthorizedBody(): object;
  /** The 400 body for a request body that is not JSON. */
  protected abstract badJsonBody(): object;
  /** The 500 body when the fake itself throws. */
  protected abstract crashBody(err: Error): object;
  /** Whether the Authorization header carries the fake's token in a form the vendor accepts. */
  protected abstract acceptsAuthorization(header: string | undefined): boolean;
  /** The query string as logged and handed to `route`. */
  protected abstract queryRecord(params: URLSearchParams): Record<string, string>;
  /** Answers a request that passed the fault, token and JSON checks; may throw an HttpError. */
  protected abstract route(method: string, url: URL, query: Record<string, string>, body: unknown): [number, object | undefined];

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: unknown = raw || undefined;
    let badJson = false;
    try {
      if (raw) body = JSON.parse(raw);
    } catch {
      badJson = true;
    }
    const query = this.queryRecord(url.searchParams);
    const entry: LoggedRequest = { method: req.method ?? 'GET', path: url.pathname, query, body };
    this.requests.push(entry);
    const answer = (status: number, payload: object | undefined) => {
      entry.status = status;
      this.send(res, status, payload);
    };

    const fault = this.faults.shift();
    if (fault === 'hang') return;
    if (fault) return answer(fault.status, this.injectedFaultBody(fault.status, fault.overrides));
    if (this.rejecting || !this.acceptsAuthorization(req.headers.authorization)) return answer(401, this.unauthorizedBody());
    if (badJson) return answer(400, this.badJsonBody());
    try {
      answer(...this.route(req.method ?? 'GET', url, query, body));
    } catch (err) {
      if (!(err instanceof HttpError)) throw err;
      answer(err.status, err.body);
    }
  }

  private send(res: ServerResponse, status: number, body: object | undefined): void {
    if (body === undefined) return void res.writeHead(status).end();
    res.writeHead(status, { 'content-type': this.contentType }).end(JSON.stringify(body));
  }
}
