import { generateKeyPairSync } from 'node:crypto';
import { checkSender, createSenderResolver, type SenderReport } from '../../activities/sender-auth';
import { runCadenceCli } from '../helpers/cli';
import { DnsFixture, startDnsServer, type TestDnsServer } from '../helpers/dns-server';

// `cadence check-sender` and `checkSender` against a real DNS server on loopback (UDP, fixture TXT records):
// the command is run through the real CLI entry with its resolver pointed at that server.


function publicKey(modulusLength: number): string {
  const { publicKey: key } = generateKeyPairSync('rsa', { modulusLength });
  return key.export({ type: 'spki', format: 'der' }).toString('base64');
}

const KEY = publicKey(2048); // ~392 base64 characters: one TXT record of two character-strings
const dkim = (key = KEY) => `v=DKIM1; k=rsa; p=${key}`;

/** Fixture zones, one domain per case. Anything not listed answers NXDOMAIN. */
function fixtures() {
  return {
    // all pass: SPF -all, a DKIM key (split over two strings, as zone files do), DMARC p=reject, aligned
    'acme.test': ['v=spf1 ip4:192.0.2.10 include:_spf.mailer.test -all', 'google-site-verification=abc123'],
    's1._domainkey.acme.test': [[dkim().slice(0, 200), dkim().slice(200)]],
    '_dmarc.acme.test': ['v=DMARC1; p=reject; adkim=s; aspf=r; rua=mailto:dmarc@acme.test'],
    // the From domain's DKIM key lives under another signing domain
    's1._domainkey.mail.acme.test': [dkim()],
    's1._domainkey.esp-mailer.test': [dkim()],
    'relaxed.test': ['v=spf1 mx ~all'],
    's1._domainkey.relaxed.test': [dkim()],
    's1._domainkey.mail.relaxed.test': [dkim()],
    '_dmarc.relaxed.test': ['v=DMARC1; p=quarantine'],
    // missing DKIM
    'nodkim.test': ['v=spf1 -all'],
    '_dmarc.nodkim.test': ['v=DMARC1; p=reject'],
    // revoked DKIM
    'revoked.test': ['v=spf1 -all'],
    's1._domainkey.revoked.test': ['v=DKIM1; k=rsa; p='],
    '_dmarc.revoked.test': ['v=DMARC1; p=reject'],
    // absent DMARC (the name has other TXT records, the org has none)
    'nodmarc.test': ['v=spf1 -all'],
    's1._domainkey.nodmarc.test': [dkim()],
    // DMARC p=none
    'monitor.test': ['v=spf1 -all'],
    's1._domainkey.monitor.test': [dkim()],
    '_dmarc.monitor.test': ['v=DMARC1; p=none; rua=mailto:d@monitor.test'],
    // two SPF records
    'twospf.test': ['v=spf1 ip4:192.0.2.1 -all', 'v=spf1 include:_spf.other.test ~all'],
    's1._domainkey.twospf.test': [dkim()],
    '_dmarc.twospf.test': ['v=DMARC1; p=reject'],
    // SPF variants
    'neutral.test': ['v=spf1 a ?all'],
    's1._domainkey.neutral.test': [dkim()],
    '_dmarc.neutral.test': ['v=DMARC1; p=reject'],
    'open.test': ['v=spf1 +all'],
    's1._domainkey.open.test': [dkim()],
    '_dmarc.open.test': ['v=DMARC1; p=reject'],
    'redirected.test': ['v=spf1 redirect=_spf.redirected.test'],
    '_spf.redirected.test': ['v=spf1 ip4:198.51.100.0/24 -all'],
    's1._domainkey.redirected.test': [dkim()],
    '_dmarc.redirected.test': ['v=DMARC1; p=reject'],
    // a subdomain inheriting the organizational domain's DMARC record (sp= applies)
    'news.parent.test': ['v=spf1 -all'],
    's1._domainkey.news.parent.test': [dkim()],
    '_dmarc.parent.test': ['v=DMARC1; p=reject; sp=none'],
    // weak key
    'weak.test': ['v=spf1 -all'],
    's1._domainkey.weak.test': [dkim(publicKey(512))],
    '_dmarc.weak.test': ['v=DMARC1; p=reject'],
    // DNS failures: SERVFAIL and no answer at all
    'broken.test': ['v=spf1 -all'],
    's1._domainkey.broken.test': [dkim()],
    '_dmarc.broken.test': DnsFixture.servfail,
    'slow.test': ['v=spf1 -all'],
    's1._domainkey.slow.test': DnsFixture.timeout,
    '_dmarc.slow.test': ['v=DMARC1; p=reject'],
  };
}

let dns: TestDnsServer;

beforeAll(async () => {
  dns = await startDnsServer(fixtures());
});

afterAll(async () => {
  await dns?.close();
});

const check = (domain: string, options: Parameters<typeof checkSender>[1] = {}) =>
  checkSender(domain, { selector: 's1', servers: [dns.address], timeoutMs: 300, tries: 1, ...options });

/** The real CLI, without the DKIM settings of whoever runs the suite. */
const cadence = (args: string[], env: Record<string, string> = {}) => runCadenceCli(args, env, ['DKIM_SELECTOR', 'DKIM_DOMAIN']);

const checkSenderCli = (domain: string, ...args: string[]) =>
  cadence(['check-sender', domain, '--selector', 's1', '--dns', dns.address, '--timeout', '300', ...args]);

const lastLine = (text: string) => text.trimEnd().split('\n').at(-1);

describe('cadence check-sender (CLI against a loopback DNS server)', () => {
  test('all pass: SPF -all, a DKIM key, DMARC p=reject, aligned → verdict pass, exit 0', async () => {
    const r = await checkSenderCli('acme.test');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^SPF\s+pass\s+acme\.test$/m);
    expect(r.stdout).toContain('found: "v=spf1 ip4:192.0.2.10 include:_spf.mailer.test -all"');
    expect(r.stdout).toContain('ends in -all');
    expect(r.stdout).toMatch(/^DKIM\s+pass\s+s1\._domainkey\.acme\.test$/m);
    expect(r.stdout).toContain('RSA public key, 2048 bits');
    expect(r.stdout).toMatch(/^DMARC\s+pass\s+_dmarc\.acme\.test$/m);
    expect(r.stdout).toContain('policy reject, adkim strict, aspf relaxed');
    expect(r.stdout).toMatch(/^ALIGN\s+pass\s+From acme\.test$/m);
    expect(lastLine(r.stdout)).toBe('verdict: pass');
  });

  test('missing DKIM → verdict fail naming DKIM, exit 1', async () => {
    const r = await checkSenderCli('nodkim.test');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^DKIM\s+FAIL\s+s1\._domainkey\.nodkim\.test$/m);
    expect(r.stdout).toContain('- DKIM: no DKIM key record (TXT) at s1._domainkey.nodkim.test');
    expect(lastLine(r.stdout)).toBe('verdict: fail');
  });

  test('DKIM d= in another organizational domain → not pass, naming alignment', async () => {
    const r = await checkSenderCli('acme.test', '--dkim-domain', 'esp-mailer.test');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^DKIM\s+pass\s+s1\._domainkey\.esp-mailer\.test$/m);
    expect(r.stdout).toMatch(/^ALIGN\s+(WARN|FAIL)\s+From acme\.test$/m);
    expect(r.stdout).toMatch(/- alignment: .*DKIM d=esp-mailer\.test does not align with From acme\.test/);
    // SPF (the envelope domain is acme.test) still aligns: only SPF-aligned is a warning
    expect(lastLine(r.stdout)).toBe('verdict: warn');
  });

  test('absent DMARC → verdict fail naming DMARC', async () => {
    const r = await checkSenderCli('nodmarc.test');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^DMARC\s+FAIL\s+_dmarc\.nodmarc\.test$/m);
    expect(r.stdout).toContain('- DMARC: no v=DMARC1 TXT record at _dmarc.nodmarc.test');
    expect(lastLine(r.stdout)).toBe('verdict: fail');
  });

  test('DMARC p=none → verdict warn, exit 1', async () => {
    const r = await checkSenderCli('monitor.test');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^DMARC\s+WARN\s+_dmarc\.monitor\.test$/m);
    expect(r.stdout).toContain('- DMARC: policy p=none only monitors');
    expect(lastLine(r.stdout)).toBe('verdict: warn');
  });

  test('two SPF records → verdict fail naming SPF', async () => {
    const r = await checkSenderCli('twospf.test');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^SPF\s+FAIL\s+twospf\.test$/m);
    expect(r.stdout).toContain('found: "v=spf1 ip4:192.0.2.1 -all"');
    expect(r.stdout).toContain('found: "v=spf1 include:_spf.other.test ~all"');
    expect(r.stdout).toContain('- SPF: 2 v=spf1 TXT records at twospf.test; there must be exactly one');
    expect(lastLine(r.stdout)).toBe('verdict: fail');
  });

  test('SERVFAIL is reported as a DNS failure, not as a missing record', async () => {
    const r = await checkSenderCli('broken.test');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^DMARC\s+FAIL\s+_dmarc\.broken\.test$/m);
    expect(r.stdout).toContain('found: lookup failed (servfail, ESERVFAIL)');
    expect(r.stdout).toContain('DNS SERVFAIL for TXT _dmarc.broken.test');
    expect(r.stdout).not.toContain('no v=DMARC1 TXT record');
    expect(r.stdout).toContain('note: a DNS lookup failed');
    expect(lastLine(r.stdout)).toBe('verdict: fail');
  });

  test('--json prints one JSON object, the same report', async () => {
    const r = await checkSenderCli('monitor.test', '--json');
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const report = JSON.parse(r.stdout) as SenderReport;
    expect(report).toMatchObject({
      domain: 'monitor.test',
      selector: 's1',
      verdict: 'warn',
      incomplete: false,
      spf: { status: 'pass', all: '-all', record: 'v=spf1 -all' },
      dkim: { status: 'pass', keyType: 'rsa', keyBits: 2048 },
      dmarc: { status: 'warn', policy: 'none' },
      alignment: { status: 'pass', dkim: { aligned: true }, spf: { aligned: true } },
    });
    expect(report.reasons).toEqual([expect.stringMatching(/^DMARC: policy p=none/)]);
  });

  test('the selector defaults to DKIM_SELECTOR, else "default"', async () => {
    const fromEnv = await cadence(['check-sender', 'acme.test', '--dns', dns.address, '--json'], { DKIM_SELECTOR: 's1' });
    expect(JSON.parse(fromEnv.stdout)).toMatchObject({ selector: 's1', verdict: 'pass' });
    expect(fromEnv.code).toBe(0);
    const fallback = await cadence(['check-sender', 'acme.test', '--dns', dns.address, '--json']);
    expect(JSON.parse(fallback.stdout)).toMatchObject({ selector: 'default', verdict: 'fail', dkim: { name: 'default._domainkey.acme.test' } });
    expect(fallback.code).toBe(1);
  });

  test('bad usage exits 2 with the usage text on stderr', async () => {
    const noDomain = await cadence(['check-sender', '--dns', dns.address]);
    expect(noDomain.code).toBe(2);
    expect(noDomain.stderr).toContain('missing DOMAIN');
    expect(noDomain.stderr).toContain('usage: cadence check-sender DOMAIN');

    const hostname = await cadence(['check-sender', 'acme.test', '--dns', 'dns.example:53']);
    expect(hostname.code).toBe(2);
    expect(hostname.stderr).toContain('must be an IP address');

    const unknown = await cadence(['check-sender', 'acme.test', '--frobnicate']);
    expect(unknown.code).toBe(2);

    const notADomain = await cadence(['check-sender', 'not a domain', '--dns', dns.address]);
    expect(notADomain.code).toBe(2);
    expect(notADomain.stderr).toContain('is not a domain name');
    expect(notADomain.stdout).toBe('');
  });

  test('`cadence help` lists check-sender', async () => {
    const r = await cadence(['help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('check-sender DOMAIN [--selector S] [--dns HOST:PORT] [--dkim-domain D] [--json]');
  });
});

describe('checkSender (against the same DNS server)', () => {
  test('all pass, with what was found', async () => {
    const report = await check('ACME.test.');
    expect(report.verdict).toBe('pass');
    expect(report.domain).toBe('acme.test');
    expect(report.incomplete).toBe(false);
    expect(report.spf).toMatchObject({
      status: 'pass',
      records: ['v=spf1 ip4:192.0.2.10 include:_spf.mailer.test -all'],
      mechanisms: ['ip4:192.0.2.10', 'include:_spf.mailer.test', '-all'],
      all: '-all',
    });
    expect(report.dkim).toMatchObject({ status: 'pass', record: dkim(), keyType: 'rsa', keyBits: 2048, revoked: false });
    expect(report.dmarc).toMatchObject({ status: 'pass', policy: 'reject', adkim: 'strict', aspf: 'relaxed', pct: 100, inherited: false });
    expect(report.alignment).toMatchObject({ status: 'pass', dkim: { domain: 'acme.test', mode: 'strict', aligned: true } });
    expect(report.reasons).toHaveLength(1);
  });

  test('missing and revoked DKIM keys fail', async () => {
    const missing = await check('nodkim.test');
    expect(missing.verdict).toBe('fail');
    expect(missing.dkim).toMatchObject({ status: 'fail', records: [] });
    expect(missing.dkim.dnsError).toBeUndefined();
    expect(missing.reasons).toContain('DKIM: no DKIM key record (TXT) at s1._domainkey.nodkim.test');

    const revoked = await check('revoked.test');
    expect(revoked.verdict).toBe('fail');
    expect(revoked.dkim).toMatchObject({ status: 'fail', revoked: true });
    expect(revoked.reasons).toContain('DKIM: the key at s1._domainkey.revoked.test is revoked (empty p=)');

    const weak = await check('weak.test');
    expect(weak.verdict).toBe('fail');
    expect(weak.reasons.join('\n')).toMatch(/DKIM: the RSA key has 512 bits/);
  });

  test('alignment: strict adkim needs the same domain, relaxed the same organizational domain', async () => {
    // acme.test has adkim=s: a subdomain signer is not aligned, and only SPF aligns
    const strict = await check('acme.test', { dkimDomain: 'mail.acme.test' });
    expect(strict.dkim.status).toBe('pass');
    expect(strict.alignment).toMatchObject({ status: 'warn', dkim: { domain: 'mail.acme.test', mode: 'strict', aligned: false }, spf: { aligned: true } });
    expect(strict.verdict).toBe('warn');
    expect(strict.reasons).toEqual([expect.stringMatching(/^alignment: only SPF-aligned: DKIM d=mail\.acme\.test does not align/)]);

    // relaxed.test has no adkim: relaxed, so mail.relaxed.test aligns
    const relaxed = await check('relaxed.test', { dkimDomain: 'mail.relaxed.test' });
    expect(relaxed.alignment).toMatchObject({ status: 'pass', dkim: { mode: 'relaxed', aligned: true } });
    expect(relaxed.verdict).toBe('pass');

    // neither DKIM nor the envelope domain in the From domain's organization
    const neither = await check('acme.test', { dkimDomain: 'esp-mailer.test', envelopeDomain: 'redirected.test' });
    expect(neither.alignment.status).toBe('fail');
    expect(neither.verdict).toBe('fail');
    expect(neither.reasons.join('\n')).toMatch(/alignment: neither DKIM nor SPF gives an aligned pass/);
  });

  test('absent DMARC fails; p=none warns; a subdomain inherits the organizational record (sp=)', async () => {
    const absent = await check('nodmarc.test');
    expect(absent.verdict).toBe('fail');
    expect(absent.dmarc).toMatchObject({ status: 'fail', records: [], policy: null });
    expect(absent.reasons).toEqual([expect.stringMatching(/^DMARC: no v=DMARC1 TXT record at _dmarc\.nodmarc\.test/)]);

    const monitor = await check('monitor.test');
    expect(monitor.verdict).toBe('warn');
    expect(monitor.dmarc.policy).toBe('none');

    const sub = await check('news.parent.test');
    expect(sub.dmarc).toMatchObject({ name: '_dmarc.parent.test', domain: 'parent.test', inherited: true, policy: 'none', status: 'warn' });
    expect(sub.verdict).toBe('warn');
  });

  test('SPF: two records fail, ?all warns, +all fails, redirect= is followed', async () => {
    const two = await check('twospf.test');
    expect(two.spf).toMatchObject({ status: 'fail', record: null });
    expect(two.spf.records).toHaveLength(2);
    expect(two.verdict).toBe('fail');

    const neutral = await check('neutral.test');
    expect(neutral.spf).toMatchObject({ status: 'warn', all: '?all' });
    expect(neutral.verdict).toBe('warn');

    const open = await check('open.test');
    expect(open.spf).toMatchObject({ status: 'fail', all: '+all' });
    expect(open.verdict).toBe('fail');

    const redirected = await check('redirected.test');
    expect(redirected.spf).toMatchObject({ status: 'pass', all: '-all', redirects: ['_spf.redirected.test'] });
    expect(redirected.verdict).toBe('pass');
  });

  test('a DNS timeout is reported as a timeout, not as a missing record', async () => {
    const report = await check('slow.test');
    expect(report.verdict).toBe('fail');
    expect(report.incomplete).toBe(true);
    expect(report.dkim.dnsError).toMatchObject({ kind: 'timeout', code: 'ETIMEOUT' });
    expect(report.reasons).toContain('DKIM: could not be checked: DNS timeout: no answer for TXT s1._domainkey.slow.test');
    expect(report.reasons.join('\n')).not.toMatch(/no DKIM key record/);
    // the records that did answer are still reported
    expect(report.spf.status).toBe('pass');
    expect(report.dmarc.status).toBe('pass');
  });

  test('SERVFAIL is reported as such', async () => {
    const report = await check('broken.test');
    expect(report.dmarc.dnsError).toMatchObject({ kind: 'servfail', code: 'ESERVFAIL' });
    expect(report.incomplete).toBe(true);
    expect(report.verdict).toBe('fail');
  });

  test('takes a resolver made once (as a worker would keep one)', async () => {
    const resolver = createSenderResolver({ servers: [dns.address], timeoutMs: 300, tries: 1 });
    const report = await checkSender('acme.test', { selector: 's1', resolver });
    expect(report.verdict).toBe('pass');
    expect(dns.queries).toEqual(expect.arrayContaining([{ name: '_dmarc.acme.test', type: 16 }]));
  });

  test('rejects what is not a domain or a DNS server address', async () => {
    await expect(checkSender('not a domain')).rejects.toThrow('is not a domain name');
    await expect(checkSender('acme.test', { servers: ['dns.example'] })).rejects.toThrow('must be an IP address');
  });
});
