import { generateKeyPairSync } from 'node:crypto';
import { promises as dnsPromises } from 'node:dns';
import { authenticate, type DNSResolver } from 'mailauth';
import type { CapturedMessage } from '../../scripts/capture-smtp';
import { startApprovedCadence } from '../helpers/deliverability';
import { startDnsServer, type TestDnsServer } from '../helpers/dns-server';
import { startStack, type Stack } from '../helpers/stack';

// Messages are DKIM-signed when a key is configured: the worker's mailer signs with a fresh RSA-2048 key, a
// first touch goes out over real SMTP, and an independent verifier (mailauth) checks the bytes the capture
// server received, fetching the public key from a real DNS server on loopback, as a receiving MTA would.

const SIGNING_DOMAIN = 'seller.test'; // the domain of the seeded reps, who are the From of every message
const SELECTOR = 's2026';
const KEY_NAME = `${SELECTOR}._domainkey.${SIGNING_DOMAIN}`;

function rsaKey() {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    dnsRecord: `v=DKIM1; k=rsa; p=${publicKey.export({ type: 'spki', format: 'der' }).toString('base64')}`,
  };
}

const signingKey = rsaKey();

let stack: Stack;
let publishedDns: TestDnsServer;
/** Serves another key under the same name, as after a key rotation the mailer missed. */
let otherKeyDns: TestDnsServer;
let received: CapturedMessage;

beforeAll(async () => {
  publishedDns = await startDnsServer({ [KEY_NAME]: [signingKey.dnsRecord] });
  otherKeyDns = await startDnsServer({ [KEY_NAME]: [rsaKey().dnsRecord] });
  stack = await startStack({}, { dkim: { domainName: SIGNING_DOMAIN, keySelector: SELECTOR, privateKey: signingKey.privateKeyPem } });
  // The approved first touch, as the capture server received it.
  received = (await startApprovedCadence(stack)).first;
});

afterAll(async () => {
  await stack?.stop();
  await publishedDns?.close();
  await otherKeyDns?.close();
});

/** A resolver that really asks the given DNS server, in the (name, rrtype) shape mailauth calls. */
function resolverFor(server: TestDnsServer): DNSResolver {
  const resolver = new dnsPromises.Resolver({ timeout: 2000, tries: 1 });
  resolver.setServers([server.address]);
  return (name, rrtype) => resolver.resolve(name, rrtype) as Promise<string[][] | string[]>;
}

/** The DKIM results for a message as a receiving server would compute them. */
async function verifyDkim(raw: string, dns: TestDnsServer = publishedDns) {
  const { dkim } = await authenticate(Buffer.from(raw, 'utf8'), {
    resolver: resolverFor(dns),
    ip: '127.0.0.1',
    helo: 'localhost',
    sender: received.envelopeFrom,
    mta: 'capture.test',
    disableArc: true,
    disableBimi: true,
  });
  // Exactly one signature, ours: without it every "does not verify" below would hold vacuously.
  expect(dkim.results).toHaveLength(1);
  // mailauth's results carry more than its type declarations say (the body hashes, the signed header lines).
  const result = dkim.results[0] as (typeof dkim.results)[0] & {
    bodyHash?: string;
    bodyHashExpecting?: string;
    signingHeaders?: { keys: string };
  };
  expect(result).toMatchObject({ signingDomain: SIGNING_DOMAIN, selector: SELECTOR, bodyHashExpecting: expect.any(String) });
  return result;
}

/** The header section of a raw message, unfolded: one entry per field. */
function headerFields(raw: string): string[] {
  const head = raw.slice(0, raw.indexOf('\r\n\r\n'));
  return head.replace(/\r\n[ \t]+/g, ' ').split('\r\n');
}

/** The `h=` tag of the message's DKIM-Signature: the header names the signer committed to, lower-cased. */
function signedHeaderNames(raw: string): string[] {
  const field = headerFields(raw).find((f) => /^dkim-signature:/i.test(f));
  if (!field) throw new Error('the message has no DKIM-Signature header');
  const h = field
    .slice(field.indexOf(':') + 1)
    .split(';')
    .map((tag) => tag.replace(/\s+/g, ''))
    .find((tag) => tag.startsWith('h='));
  if (!h) throw new Error(`the DKIM-Signature has no h= tag: ${field}`);
  return h.slice(2).split(':').map((name) => name.toLowerCase());
}

/** The raw message with one letter of the body changed (a letter, so no canonicalization can hide it). */
function withBodyLetterChanged(raw: string): string {
  const bodyStart = raw.indexOf('\r\n\r\n') + 4;
  const at = raw.slice(bodyStart).search(/[A-Za-z]/) + bodyStart;
  return raw.slice(0, at) + (raw[at] === 'x' ? 'y' : 'x') + raw.slice(at + 1);
}

test('a sent message carries a DKIM signature by the From domain that verifies against the key published in DNS', async () => {
  expect(received.from).toMatch(/@seller\.test>$/);
  expect(received.headers['list-unsubscribe']).toBeDefined();

  const result = await verifyDkim(received.raw);
  expect(result.status.result).toBe('pass');
  expect(result.status.aligned).toBe(SIGNING_DOMAIN); // the signer is the From domain, as DMARC wants
  expect(publishedDns.queries).toContainEqual({ name: KEY_NAME, type: 16 }); // the key came from DNS (16 = TXT)

  // RFC 8058 wants the one-click headers signed; they are named in h= and were present when verified.
  expect(signedHeaderNames(received.raw)).toEqual(
    expect.arrayContaining(['from', 'subject', 'message-id', 'list-unsubscribe', 'list-unsubscribe-post']),
  );
  const covered = result.signingHeaders!.keys.split(':').map((k) => k.trim().toLowerCase());
  expect(covered).toEqual(expect.arrayContaining(['from', 'subject', 'message-id', 'list-unsubscribe', 'list-unsubscribe-post']));
});

test('one letter changed in the body breaks the signature (body hash mismatch)', async () => {
  const tampered = withBodyLetterChanged(received.raw);
  expect(tampered).not.toBe(received.raw);

  const result = await verifyDkim(tampered);
  expect(result.status.result).not.toBe('pass');
  expect(result.bodyHash).not.toBe(result.bodyHashExpecting);
});

test('a changed Subject breaks the signature, though the body still matches', async () => {
  const subjectLine = /(?<=\r\n|^)Subject: /i; // the header, never a line of the body
  expect(received.raw).toMatch(subjectLine);
  const tampered = received.raw.replace(subjectLine, (s) => `${s}Re: `);

  const result = await verifyDkim(tampered);
  expect(result.status.result).not.toBe('pass');
  expect(result.bodyHash).toBe(result.bodyHashExpecting);
});

test('the message does not verify against a different public key under the same selector', async () => {
  const result = await verifyDkim(received.raw, otherKeyDns);
  expect(result.status.result).not.toBe('pass');
  expect(result.bodyHash).toBe(result.bodyHashExpecting); // the message is intact: only the key is wrong
  expect(otherKeyDns.queries).toContainEqual({ name: KEY_NAME, type: 16 });
});
