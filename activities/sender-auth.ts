// Sender authentication check: does a From domain publish what mailbox providers require of a bulk sender?
//
//   const report = await checkSender('acme.com', { selector: 's1' });
//   report.verdict   // 'pass' | 'warn' | 'fail'
//   report.reasons   // why, in words
//
// It reads the domain's DNS (TXT records only) and reports:
// - SPF: the one `v=spf1` TXT record of the envelope (Return-Path) domain, its mechanisms, and how it ends:
//   `-all` or `~all` pass; `?all`, no `all` at all (after following `redirect=`) warn; `+all`, no record or
//   more than one record (a permanent error for receivers, RFC 7208 §4.5) fail.
// - DKIM: the key record at `<selector>._domainkey.<signing domain>`: a non-empty `p=` public key that parses
//   (RSA of at least 1024 bits, RFC 8301, or a 32-byte Ed25519 key); `v=`, when present, must be `DKIM1`.
//   Missing, revoked (`p=` empty) or unusable keys fail; testing mode (`t=y`) warns.
// - DMARC: the `v=DMARC1` record at `_dmarc.<From domain>` or, when there is none, at `_dmarc.<organizational
//   domain>` (whose `sp=`, else `p=`, then applies, RFC 7489 §6.6.3): `p=quarantine`/`reject` pass, `p=none`
//   warns (monitoring only), no record, more than one, or no valid `p=` fails. `pct` below 100 warns.
// - Alignment of the From domain with the DKIM signing domain (`d=`) and with the envelope domain, in the
//   record's `adkim`/`aspf` modes (relaxed when there is no record): strict means the same domain, relaxed
//   means the same organizational domain. DKIM-aligned passes; only SPF-aligned warns (forwarding breaks
//   SPF, so DMARC then rests on DKIM); neither fails.
//
// Simplification: the organizational domain is taken as the last two labels of a name (`mail.acme.com` →
// `acme.com`). Real DMARC uses the Public Suffix List, so for names under multi-label public suffixes
// (`acme.co.uk`, `foo.github.io`) this check treats the suffix (`co.uk`) as the organizational domain: relaxed
// alignment there is looser than a receiver's, and the DMARC fallback looks at `_dmarc.co.uk`.
//
// Verdict: the worst of the four checks, so `pass` means SPF passes, DKIM passes, DMARC exists with
// p=quarantine or p=reject and DKIM is aligned. A record that does not exist (NXDOMAIN, NODATA) is "missing";
// a lookup that failed (timeout, SERVFAIL, refused) is reported as such, fails its check and marks the report
// `incomplete` (a caller may retry later rather than conclude the record is absent).
import { createPublicKey } from 'node:crypto';
import { Resolver } from 'node:dns/promises';
import { isIP } from 'node:net';
import { domainToASCII } from 'node:url';

export type CheckStatus = 'pass' | 'warn' | 'fail';
export type AlignmentMode = 'relaxed' | 'strict';
export type DmarcPolicy = 'none' | 'quarantine' | 'reject';

/** Anything that resolves TXT records like `node:dns/promises` `Resolver#resolveTxt` (chunks per record). */
export interface TxtResolver {
  resolveTxt(name: string): Promise<string[][]>;
}

export interface SenderCheckOptions {
  /** The DKIM selector; default `default`. */
  selector?: string;
  /** The DKIM signing domain (`d=`); default the checked domain. The key record is looked up under it. */
  dkimDomain?: string;
  /** The envelope (Return-Path, SPF) domain; default the checked domain. Its SPF record is checked. */
  envelopeDomain?: string;
  /** The resolver to use; when absent one is made from `servers`, `timeoutMs` and `tries`. */
  resolver?: TxtResolver;
  /** DNS servers, as IP or IP:port (`127.0.0.1:5353`, `[::1]:53`); default the system's. */
  servers?: string[];
  /** Per-try timeout of a made resolver; default 2000 ms. */
  timeoutMs?: number;
  /** Tries per query of a made resolver; default 2. */
  tries?: number;
}

/** A lookup that failed for a reason other than the record not existing. */
export interface DnsLookupError {
  kind: 'timeout' | 'servfail' | 'refused' | 'unreachable' | 'error';
  /** The resolver's error code, e.g. ETIMEOUT, ESERVFAIL. */
  code: string;
  message: string;
}

interface CheckBase {
  status: CheckStatus;
  /** The DNS name that was looked up. */
  name: string;
  /** The relevant TXT records found there (each joined from its character-strings). */
  records: string[];
  /** Set when the lookup failed (timeout, SERVFAIL …) rather than finding nothing. */
  dnsError?: DnsLookupError;
  /** Facts found, in words (for the report). */
  details: string[];
  /** What keeps this check from passing, in words; empty when it passes. */
  problems: string[];
}

export type SpfAll = '-all' | '~all' | '?all' | '+all';

export interface SpfCheck extends CheckBase {
  /** The domain whose SPF record was checked (the envelope domain). */
  domain: string;
  /** The one v=spf1 record, when there is exactly one. */
  record: string | null;
  /** Its terms after `v=spf1`: mechanisms and modifiers, in order. */
  mechanisms: string[];
  /** How the policy ends (after following `redirect=`), `null` when it has no `all`. */
  all: SpfAll | null;
  /** The `redirect=` chain followed to find the `all`, if any. */
  redirects: string[];
}

export interface DkimCheck extends CheckBase {
  selector: string;
  /** The signing domain (`d=`) whose key record was checked. */
  domain: string;
  record: string | null;
  /** `k=`, default rsa. */
  keyType: string | null;
  /** RSA modulus length, or 256 for Ed25519. */
  keyBits: number | null;
  /** `p=` present but empty: the key was revoked. */
  revoked: boolean;
  /** `t=y`: receivers treat signed mail as unsigned. */
  testing: boolean;
}

export interface DmarcCheck extends CheckBase {
  /** The domain whose `_dmarc` record applies (the From domain, or its organizational domain). */
  domain: string;
  /** True when the record was found at the organizational domain, not at the From domain itself. */
  inherited: boolean;
  record: string | null;
  /** The policy that applies to the From domain (`sp=` of an inherited record when it has one). */
  policy: DmarcPolicy | null;
  adkim: AlignmentMode;
  aspf: AlignmentMode;
  pct: number;
}

export interface AlignmentCheck {
  status: CheckStatus;
  fromDomain: string;
  dkim: { domain: string; mode: AlignmentMode; aligned: boolean };
  spf: { domain: string; mode: AlignmentMode; aligned: boolean };
  details: string[];
  problems: string[];
}

export interface SenderReport {
  /** The From domain checked. */
  domain: string;
  selector: string;
  verdict: CheckStatus;
  /** Why the verdict is what it is: every problem (prefixed SPF:, DKIM:, DMARC:, alignment:), or, on pass, a summary. */
  reasons: string[];
  /** True when a lookup failed (timeout, SERVFAIL …): the verdict may change once DNS answers. */
  incomplete: boolean;
  spf: SpfCheck;
  dkim: DkimCheck;
  dmarc: DmarcCheck;
  alignment: AlignmentCheck;
  checkedAt: string;
}

/** A domain, selector or DNS server that cannot be checked as given. */
export class SenderCheckInputError extends Error {
  override name = 'SenderCheckInputError';
}

const DEFAULT_TIMEOUT_MS = 2000;
const DEFAULT_TRIES = 2;
const MAX_SPF_REDIRECTS = 5;

// ---------------------------------------------------------------------------------------------------------
// Inputs

const LABEL = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/;

/** Lower-cased ASCII (punycode) form of a domain name, without a trailing dot; throws when it is not one. */
export function normalizeDomain(input: string, what = 'domain'): string {
  const trimmed = input.trim().replace(/\.$/, '');
  const ascii = trimmed === '' ? '' : domainToASCII(trimmed);
  const labels = ascii.split('.');
  if (ascii === '' || ascii.length > 253 || labels.length < 2 || !labels.every((l) => LABEL.test(l))) {
    throw new SenderCheckInputError(`${what} "${input}" is not a domain name`);
  }
  return ascii;
}

function normalizeSelector(input: string): string {
  const s = input.trim().toLowerCase();
  if (s === '' || s.length > 253 || !s.split('.').every((l) => LABEL.test(l))) {
    throw new SenderCheckInputError(`selector "${input}" is not a DKIM selector`);
  }
  return s;
}

/** Checks one DNS server as `Resolver#setServers` takes it: an IP address, optionally with a port. */
export function normalizeDnsServer(input: string): string {
  const s = input.trim();
  let host = s;
  let port: string | undefined;
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(s);
  if (bracketed) {
    host = bracketed[1]!;
    port = bracketed[2];
    if (isIP(host) !== 6) throw new SenderCheckInputError(`DNS server "${input}": [${host}] is not an IPv6 address`);
  } else if (isIP(s) === 0) {
    const hostPort = /^([^:]+):(\d+)$/.exec(s);
    if (!hostPort || isIP(hostPort[1]!) !== 4) {
      throw new SenderCheckInputError(`DNS server "${input}" must be an IP address, optionally with a port (127.0.0.1:5353, [::1]:53)`);
    }
    host = hostPort[1]!;
    port = hostPort[2];
  }
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) {
    throw new SenderCheckInputError(`DNS server "${input}": port ${port} is out of range`);
  }
  return s;
}

/** A `node:dns/promises` Resolver pointed at `servers` (default the system's), with bounded timeouts. */
export function createSenderResolver(options: { servers?: string[]; timeoutMs?: number; tries?: number } = {}): Resolver {
  const resolver = new Resolver({ timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, tries: options.tries ?? DEFAULT_TRIES });
  if (options.servers?.length) resolver.setServers(options.servers.map(normalizeDnsServer));
  return resolver;
}

// ---------------------------------------------------------------------------------------------------------
// DNS

type TxtLookup =
  | { name: string; outcome: 'found'; records: string[] }
  | { name: string; outcome: 'missing'; records: []; code: string }
  | { name: string; outcome: 'error'; records: []; error: DnsLookupError };

async function lookupTxt(resolver: TxtResolver, name: string): Promise<TxtLookup> {
  try {
    const chunks = await resolver.resolveTxt(name);
    const records = chunks.map((parts) => parts.join(''));
    return records.length ? { name, outcome: 'found', records } : { name, outcome: 'missing', records: [], code: 'ENODATA' };
  } catch (err) {
    const code = String((err as NodeJS.ErrnoException).code ?? 'EUNKNOWN');
    if (code === 'ENOTFOUND' || code === 'ENODATA') return { name, outcome: 'missing', records: [], code };
    return { name, outcome: 'error', records: [], error: describeDnsError(name, code) };
  }
}

function describeDnsError(name: string, code: string): DnsLookupError {
  switch (code) {
    case 'ETIMEOUT':
      return { kind: 'timeout', code, message: `DNS timeout: no answer for TXT ${name}` };
    case 'ESERVFAIL':
      return { kind: 'servfail', code, message: `DNS SERVFAIL for TXT ${name}: the server could not answer (a broken zone or failed DNSSEC)` };
    case 'EREFUSED':
      return { kind: 'refused', code, message: `DNS server refused the query for TXT ${name}` };
    case 'ECONNREFUSED':
      return { kind: 'unreachable', code, message: `DNS server unreachable (connection refused) for TXT ${name}` };
    default:
      return { kind: 'error', code, message: `DNS lookup of TXT ${name} failed: ${code}` };
  }
}

/** The message for a check whose lookup failed, and the status it gets (fail: nothing could be verified). */
function lookupFailed<T extends CheckBase>(check: T, lookup: Extract<TxtLookup, { outcome: 'error' }>): T {
  check.dnsError = lookup.error;
  check.status = 'fail';
  check.problems.push(`could not be checked: ${lookup.error.message}`);
  return check;
}

// ---------------------------------------------------------------------------------------------------------
// Organizational domain and alignment

/** Simplified organizational domain: the last two labels (see the note at the top of this file). */
export function organizationalDomain(domain: string): string {
  return domain.split('.').slice(-2).join('.');
}

export function domainsAlign(fromDomain: string, other: string, mode: AlignmentMode): boolean {
  return mode === 'strict' ? fromDomain === other : organizationalDomain(fromDomain) === organizationalDomain(other);
}

// ---------------------------------------------------------------------------------------------------------
// SPF

const SPF_START = /^v=spf1(\s|$)/i;

function spfTerms(record: string): string[] {
  return record.trim().split(/\s+/).slice(1);
}

function spfAllOf(terms: string[]): SpfAll | null {
  for (const term of terms) {
    const m = /^([+\-~?]?)all$/i.exec(term);
    if (m) return `${m[1] || '+'}all` as SpfAll;
  }
  return null;
}

function spfRedirectOf(terms: string[]): string | null {
  const term = terms.find((t) => /^redirect=/i.test(t));
  return term ? term.slice('redirect='.length).replace(/\.$/, '').toLowerCase() : null;
}

async function checkSpf(resolver: TxtResolver, domain: string): Promise<SpfCheck> {
  const lookup = await lookupTxt(resolver, domain);
  const records = lookup.records.filter((r) => SPF_START.test(r.trim()));
  const check: SpfCheck = {
    status: 'fail', name: domain, domain, records, record: null, mechanisms: [], all: null, redirects: [], details: [], problems: [],
  };
  if (lookup.outcome === 'error') return lookupFailed(check, lookup);
  if (records.length === 0) {
    check.problems.push(`no v=spf1 TXT record at ${domain}`);
    return check;
  }
  if (records.length > 1) {
    check.problems.push(`${records.length} v=spf1 TXT records at ${domain}; there must be exactly one (receivers treat several as a permanent error)`);
    return check;
  }
  const record = records[0]!;
  check.record = record;
  check.mechanisms = spfTerms(record);
  check.details.push(`mechanisms: ${check.mechanisms.join(' ') || '(none)'}`);

  // An `all` ends the evaluation, so `redirect=` counts only without one (RFC 7208 §6.1).
  let terms = check.mechanisms;
  let all = spfAllOf(terms);
  let redirect = all ? null : spfRedirectOf(terms);
  while (!all && redirect) {
    if (check.redirects.length >= MAX_SPF_REDIRECTS) {
      check.problems.push(`more than ${MAX_SPF_REDIRECTS} redirect= hops (${check.redirects.join(' → ')})`);
      return check;
    }
    check.redirects.push(redirect);
    const target = await lookupTxt(resolver, redirect);
    if (target.outcome === 'error') return lookupFailed(check, target);
    const targetRecords = target.records.filter((r) => SPF_START.test(r.trim()));
    if (targetRecords.length !== 1) {
      check.problems.push(`redirect=${redirect} leads to ${targetRecords.length === 0 ? 'no' : targetRecords.length} v=spf1 record${targetRecords.length === 1 ? '' : 's'} (a permanent error for receivers)`);
      return check;
    }
    terms = spfTerms(targetRecords[0]!);
    all = spfAllOf(terms);
    redirect = all ? null : spfRedirectOf(terms);
  }
  check.all = all;
  const via = check.redirects.length ? ` (via redirect=${check.redirects.join(' → ')})` : '';
  switch (all) {
    case '-all':
      check.status = 'pass';
      check.details.push(`ends in -all${via}: other hosts fail SPF`);
      break;
    case '~all':
      check.status = 'pass';
      check.details.push(`ends in ~all${via}: other hosts soft-fail SPF`);
      break;
    case '?all':
      check.status = 'warn';
      check.problems.push(`ends in ?all${via}: other hosts get a neutral result; end it in -all or ~all`);
      break;
    case '+all':
      check.status = 'fail';
      check.problems.push(`ends in +all${via}: it authorizes every host on the internet to send as ${domain}`);
      break;
    default:
      check.status = 'warn';
      check.problems.push(`has no all mechanism${via}: other hosts get a neutral result; end it in -all or ~all`);
  }
  return check;
}

// ---------------------------------------------------------------------------------------------------------
// DKIM and DMARC tag lists

/** `tag=value; tag=value` (RFC 6376 §3.2): tag names lower-cased, values trimmed; the first of a repeated tag wins. */
function parseTags(record: string): Map<string, string> {
  const tags = new Map<string, string>();
  for (const part of record.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const tag = part.slice(0, eq).trim().toLowerCase();
    if (tag && !tags.has(tag)) tags.set(tag, part.slice(eq + 1).trim());
  }
  return tags;
}

function firstTag(record: string): string {
  return record.split(';')[0]!.trim();
}

function describeKey(keyType: string, key: Buffer): { bits: number | null; problem?: string } {
  if (keyType === 'ed25519') {
    return key.length === 32 ? { bits: 256 } : { bits: null, problem: `p= is ${key.length} bytes, not a 32-byte Ed25519 key` };
  }
  if (keyType !== 'rsa') return { bits: null, problem: `k=${keyType} is not a key type receivers verify (rsa, ed25519)` };
  try {
    const bits = createPublicKey({ key, format: 'der', type: 'spki' }).asymmetricKeyDetails?.modulusLength ?? null;
    if (bits !== null && bits < 1024) return { bits, problem: `the RSA key has ${bits} bits; receivers ignore keys shorter than 1024 bits` };
    return { bits };
  } catch {
    return { bits: null, problem: 'p= is not a valid RSA public key' };
  }
}

async function checkDkim(resolver: TxtResolver, selector: string, domain: string): Promise<DkimCheck> {
  const name = `${selector}._domainkey.${domain}`;
  const lookup = await lookupTxt(resolver, name);
  // Key records: those with a p= tag or a v=DKIM1 start; any other TXT record there is ignored.
  const records = lookup.records.filter((r) => /^v=/i.test(firstTag(r)) || parseTags(r).has('p'));
  const check: DkimCheck = {
    status: 'fail', name, selector, domain, records, record: null, keyType: null, keyBits: null, revoked: false, testing: false,
    details: [], problems: [],
  };
  if (lookup.outcome === 'error') return lookupFailed(check, lookup);
  if (records.length === 0) {
    check.problems.push(`no DKIM key record (TXT) at ${name}`);
    return check;
  }
  const record = records[0]!;
  check.record = record;
  const tags = parseTags(record);
  const version = tags.get('v');
  if (version !== undefined && (version !== 'DKIM1' || !/^v\s*=/i.test(firstTag(record)))) {
    check.problems.push(`the record at ${name} starts with "${firstTag(record)}", not v=DKIM1`);
    return check;
  }
  if (version === undefined) check.details.push('no v= tag (optional; v=DKIM1 is recommended)');
  if (records.length > 1) check.problems.push(`${records.length} key records at ${name}; receivers may use any one of them`);

  const keyType = (tags.get('k') ?? 'rsa').toLowerCase();
  check.keyType = keyType;
  const p = tags.get('p');
  if (p === undefined) {
    check.problems.push(`the record at ${name} has no p= public key`);
    return check;
  }
  const base64 = p.replace(/\s+/g, '');
  if (base64 === '') {
    check.revoked = true;
    check.problems.push(`the key at ${name} is revoked (empty p=)`);
    return check;
  }
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) {
    check.problems.push(`p= at ${name} is not base64`);
    return check;
  }
  const key = describeKey(keyType, Buffer.from(base64, 'base64'));
  check.keyBits = key.bits;
  if (key.problem) {
    check.problems.push(`${key.problem} (${name})`);
    return check;
  }
  check.details.push(`${keyType === 'rsa' ? 'RSA' : 'Ed25519'} public key${key.bits ? `, ${key.bits} bits` : ''}`);
  const flags = (tags.get('t') ?? '').split(':').map((f) => f.trim().toLowerCase());
  check.testing = flags.includes('y');
  check.status = 'pass';
  if (check.testing) {
    check.status = 'warn';
    check.problems.push(`t=y: the key at ${name} is in testing mode, so receivers treat signed mail as unsigned`);
  }
  if (records.length > 1) check.status = 'warn';
  return check;
}

const DMARC_START = /^v\s*=\s*DMARC1$/i;

function alignmentMode(value: string | undefined, tag: string, check: DmarcCheck): AlignmentMode {
  if (value === undefined || value.toLowerCase() === 'r') return 'relaxed';
  if (value.toLowerCase() === 's') return 'strict';
  check.details.push(`${tag}=${value} is not r or s; receivers use relaxed`);
  return 'relaxed';
}

function dmarcPolicyOf(value: string | undefined): DmarcPolicy | null {
  const v = value?.toLowerCase();
  return v === 'none' || v === 'quarantine' || v === 'reject' ? v : null;
}

async function checkDmarc(resolver: TxtResolver, fromDomain: string): Promise<DmarcCheck> {
  const ownName = `_dmarc.${fromDomain}`;
  let lookup = await lookupTxt(resolver, ownName);
  let domain = fromDomain;
  let inherited = false;
  const orgDomain = organizationalDomain(fromDomain);
  const dmarcRecords = (l: TxtLookup) => l.records.filter((r) => DMARC_START.test(firstTag(r)));
  if (lookup.outcome === 'missing' || (lookup.outcome === 'found' && dmarcRecords(lookup).length === 0)) {
    if (orgDomain !== fromDomain) {
      const orgLookup = await lookupTxt(resolver, `_dmarc.${orgDomain}`);
      if (orgLookup.outcome === 'error' || dmarcRecords(orgLookup).length > 0) {
        lookup = orgLookup;
        domain = orgDomain;
        inherited = true;
      }
    }
  }
  const records = dmarcRecords(lookup);
  const check: DmarcCheck = {
    status: 'fail', name: lookup.name, domain, inherited, records, record: null, policy: null, adkim: 'relaxed', aspf: 'relaxed', pct: 100,
    details: [], problems: [],
  };
  if (lookup.outcome === 'error') return lookupFailed(check, lookup);
  if (records.length === 0) {
    check.problems.push(
      `no v=DMARC1 TXT record at ${ownName}${orgDomain !== fromDomain ? ` or _dmarc.${orgDomain}` : ''}; publish one with p=quarantine or p=reject`,
    );
    return check;
  }
  if (records.length > 1) {
    check.problems.push(`${records.length} v=DMARC1 records at ${lookup.name}; receivers apply none of them when there is more than one`);
    return check;
  }
  const record = records[0]!;
  check.record = record;
  const tags = parseTags(record);
  check.adkim = alignmentMode(tags.get('adkim'), 'adkim', check);
  check.aspf = alignmentMode(tags.get('aspf'), 'aspf', check);
  const policy = dmarcPolicyOf(tags.get('p'));
  const subdomainPolicy = dmarcPolicyOf(tags.get('sp'));
  if (!policy) {
    check.problems.push(tags.has('p') ? `p=${tags.get('p')} at ${lookup.name} is not none, quarantine or reject` : `the record at ${lookup.name} has no p= policy`);
    return check;
  }
  check.policy = inherited && subdomainPolicy ? subdomainPolicy : policy;
  const pctText = tags.get('pct');
  if (pctText !== undefined && /^\d+$/.test(pctText.trim())) check.pct = Math.min(100, Number(pctText.trim()));
  check.details.push(
    `policy ${check.policy}${inherited ? ` (inherited from ${domain}${subdomainPolicy ? ' sp=' : ' p='})` : ''}, ` +
      `adkim ${check.adkim}, aspf ${check.aspf}${check.pct < 100 ? `, pct ${check.pct}` : ''}`,
  );
  if (check.policy === 'none') {
    check.status = 'warn';
    check.problems.push(`policy p=none only monitors: receivers take no action on mail that fails DMARC; move to p=quarantine or p=reject`);
    return check;
  }
  check.status = 'pass';
  if (check.pct < 100) {
    check.status = 'warn';
    check.problems.push(`pct=${check.pct}: the ${check.policy} policy applies to only ${check.pct}% of failing mail`);
  }
  return check;
}

// ---------------------------------------------------------------------------------------------------------
// Alignment and verdict

function checkAlignment(fromDomain: string, spf: SpfCheck, dkim: DkimCheck, dmarc: DmarcCheck): AlignmentCheck {
  const dkimAligned = domainsAlign(fromDomain, dkim.domain, dmarc.adkim);
  const spfAligned = domainsAlign(fromDomain, spf.domain, dmarc.aspf);
  const check: AlignmentCheck = {
    status: 'fail',
    fromDomain,
    dkim: { domain: dkim.domain, mode: dmarc.adkim, aligned: dkimAligned },
    spf: { domain: spf.domain, mode: dmarc.aspf, aligned: spfAligned },
    details: [
      `DKIM d=${dkim.domain} ${dkimAligned ? 'aligns' : 'does not align'} with From ${fromDomain} (${dmarc.adkim})`,
      `SPF ${spf.domain} ${spfAligned ? 'aligns' : 'does not align'} with From ${fromDomain} (${dmarc.aspf})`,
    ],
    problems: [],
  };
  const dkimUsable = dkim.status !== 'fail' && !dkim.testing;
  const spfUsable = spf.status !== 'fail';
  if (dkimAligned && dkimUsable) {
    check.status = 'pass';
    return check;
  }
  const dkimWhy = !dkimAligned
    ? `DKIM d=${dkim.domain} does not align with From ${fromDomain} (${dmarc.adkim === 'strict' ? 'adkim=s needs the same domain' : 'relaxed needs the same organizational domain'})`
    : `DKIM d=${dkim.domain} would align with From ${fromDomain}, but its key record ${dkim.testing ? 'is in testing mode' : 'does not pass'}`;
  if (spfAligned && spfUsable) {
    check.status = 'warn';
    check.problems.push(`only SPF-aligned: ${dkimWhy}; DMARC then rests on SPF alone, which forwarding breaks`);
    return check;
  }
  const spfWhy = !spfAligned
    ? `SPF domain ${spf.domain} does not align with From ${fromDomain} (${dmarc.aspf === 'strict' ? 'aspf=s needs the same domain' : 'relaxed needs the same organizational domain'})`
    : `SPF domain ${spf.domain} would align, but its SPF record does not pass`;
  check.problems.push(
    dkimAligned && spfAligned
      ? `DKIM d=${dkim.domain} and SPF ${spf.domain} align with From ${fromDomain}, but neither passes, so DMARC cannot pass`
      : `neither DKIM nor SPF gives an aligned pass for From ${fromDomain}: ${dkimWhy}; ${spfWhy}`,
  );
  return check;
}

const RANK: Record<CheckStatus, number> = { pass: 0, warn: 1, fail: 2 };

function worst(statuses: CheckStatus[]): CheckStatus {
  return statuses.reduce((a, b) => (RANK[b] > RANK[a] ? b : a), 'pass');
}

/**
 * Checks the sender authentication of a From domain in DNS (SPF, DKIM for `selector`, DMARC and alignment).
 * Never throws for DNS trouble (that is reported); throws `SenderCheckInputError` for an invalid domain,
 * selector or DNS server.
 */
export async function checkSender(domain: string, options: SenderCheckOptions = {}): Promise<SenderReport> {
  const fromDomain = normalizeDomain(domain);
  const selector = normalizeSelector(options.selector ?? 'default');
  const dkimDomain = options.dkimDomain ? normalizeDomain(options.dkimDomain, 'DKIM domain') : fromDomain;
  const envelopeDomain = options.envelopeDomain ? normalizeDomain(options.envelopeDomain, 'envelope domain') : fromDomain;
  const resolver = options.resolver ?? createSenderResolver(options);

  const [spf, dkim, dmarc] = await Promise.all([
    checkSpf(resolver, envelopeDomain),
    checkDkim(resolver, selector, dkimDomain),
    checkDmarc(resolver, fromDomain),
  ]);
  const alignment = checkAlignment(fromDomain, spf, dkim, dmarc);
  const verdict = worst([spf.status, dkim.status, dmarc.status, alignment.status]);
  const reasons = [
    ...spf.problems.map((p) => `SPF: ${p}`),
    ...dkim.problems.map((p) => `DKIM: ${p}`),
    ...dmarc.problems.map((p) => `DMARC: ${p}`),
    ...alignment.problems.map((p) => `alignment: ${p}`),
  ];
  if (verdict === 'pass') {
    reasons.push(
      `SPF (${spf.all}), DKIM (selector ${selector}, d=${dkimDomain}) and DMARC (p=${dmarc.policy}) pass, and DKIM aligns with From ${fromDomain}`,
    );
  }
  return {
    domain: fromDomain,
    selector,
    verdict,
    reasons,
    incomplete: Boolean(spf.dnsError || dkim.dnsError || dmarc.dnsError),
    spf,
    dkim,
    dmarc,
    alignment,
    checkedAt: new Date().toISOString(),
  };
}
