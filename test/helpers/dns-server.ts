// A real DNS server on loopback for tests: UDP on 127.0.0.1, an ephemeral port, answering TXT queries from
// fixture records. Point a resolver at it with `resolver.setServers([server.address])` or the CLI's
// `--dns ${server.address}`.
//
//   const dns = await startDnsServer({
//     'example.test': ['v=spf1 -all'],                              // one TXT record
//     's1._domainkey.example.test': [['v=DKIM1; p=MIIB…', '…AQAB']],  // one record split into two strings
//     '_dmarc.broken.test': DnsFixture.servfail,                     // answers SERVFAIL
//     '_dmarc.slow.test': DnsFixture.timeout,                        // never answers (the client times out)
//   });
//   …
//   await dns.close();
//
// A name in the fixtures answers NOERROR: its TXT records to a TXT query, nothing (NODATA) to other types. Any
// other name answers NXDOMAIN. Names match case-insensitively, with or without a trailing dot.
import type { AddressInfo } from 'node:net';
import DNS from 'dns2';

/** One TXT record: a string, or the character-strings it is split into on the wire (each at most 255 bytes). */
export type TxtRecord = string | string[];

export const DnsFixture = {
  /** The server answers with RCODE 2 (SERVFAIL). */
  servfail: { rcode: 'SERVFAIL' } as const,
  /** The server answers with RCODE 5 (REFUSED). */
  refused: { rcode: 'REFUSED' } as const,
  /** The server reads the query and never answers. */
  timeout: { rcode: 'TIMEOUT' } as const,
};

export type DnsFixtureBehaviour = (typeof DnsFixture)[keyof typeof DnsFixture];

/** Fixture zone: each name's TXT records, or a failure the server produces for that name. */
export type DnsFixtures = Record<string, TxtRecord[] | DnsFixtureBehaviour>;

export interface QueryLogEntry {
  name: string;
  type: number;
}

export interface TestDnsServer {
  /** "127.0.0.1:PORT", as `Resolver.setServers` and `--dns` take it. */
  address: string;
  port: number;
  /** Every question received, in order (lower-cased names). */
  queries: QueryLogEntry[];
  /** Replaces or adds records while the server runs. */
  set(name: string, value: TxtRecord[] | DnsFixtureBehaviour): void;
  close(): Promise<void>;
}

const { Packet } = DNS;

/** RFC 1035 §4.1.1 response codes (dns2 has them at runtime but not in its types). */
const RCODE = { NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, REFUSED: 5 } as const;

function normalizeName(name: string): string {
  return name.toLowerCase().replace(/\.$/, '');
}

/** Splits a long string into character-strings of at most 255 bytes (RFC 1035 §3.3.14), as zone tools do. */
function characterStrings(record: TxtRecord): string[] {
  if (Array.isArray(record)) return record;
  const bytes = Buffer.from(record, 'utf8');
  if (bytes.length <= 255) return [record];
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 255) parts.push(bytes.subarray(i, i + 255).toString('utf8'));
  return parts;
}

export async function startDnsServer(fixtures: DnsFixtures = {}): Promise<TestDnsServer> {
  const zone = new Map<string, TxtRecord[] | DnsFixtureBehaviour>();
  for (const [name, value] of Object.entries(fixtures)) zone.set(normalizeName(name), value);
  const queries: QueryLogEntry[] = [];

  const server = new DNS.UDPServer({ type: 'udp4' });
  server.on('request', (request, send) => {
    const response = Packet.createResponseFromRequest(request);
    response.header.aa = 1;
    response.header.ra = 1;
    const question = request.questions[0];
    if (!question) {
      response.header.rcode = RCODE.FORMERR;
      void send(response).catch(() => undefined);
      return;
    }
    const name = normalizeName(question.name);
    queries.push({ name, type: question.type });
    const entry = zone.get(name);
    if (entry === undefined) {
      response.header.rcode = RCODE.NXDOMAIN;
    } else if (!Array.isArray(entry)) {
      if (entry.rcode === 'TIMEOUT') return;
      response.header.rcode = RCODE[entry.rcode];
    } else if (question.type === Packet.TYPE.TXT || question.type === Packet.TYPE.ANY) {
      for (const record of entry) {
        response.answers.push(
          Packet.createResourceFromQuestion(question, {
            type: Packet.TYPE.TXT,
            class: Packet.CLASS.IN,
            ttl: 0,
            data: characterStrings(record),
          }),
        );
      }
    }
    // A socket closed while a reply is on its way is not the test's concern.
    void send(response).catch(() => undefined);
  });
  server.on('requestError', () => undefined); // a malformed packet gets no answer, as from a real server

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.bind(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    address: `127.0.0.1:${port}`,
    port,
    queries,
    set(name, value) {
      zone.set(normalizeName(name), value);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
