// `cadence check-sender DOMAIN`: reports the SPF, DKIM and DMARC records of a From domain and whether it
// aligns with the DKIM signing and envelope domains, with a final verdict (activities/sender-auth.ts).
//
//   cadence check-sender acme.com --selector s1
//   cadence check-sender acme.com --dns 127.0.0.1:5353 --json
//
// Output: a readable report on stdout ending in `verdict: pass|warn|fail`, or with --json one JSON object (the
// SenderReport). Exit codes: 0 pass, 1 warn or fail (or the check could not run), 2 bad usage.
import { parseArgs } from 'node:util';
import { checkSender, SenderCheckInputError, type SenderReport } from '../activities/sender-auth';

export const CHECK_SENDER_USAGE = `usage: cadence check-sender DOMAIN [--selector S] [--dkim-domain D] [--envelope-domain D]
                            [--dns HOST:PORT] [--timeout MS] [--json]

Looks up the SPF, DKIM and DMARC records of the From domain DOMAIN and checks
that it aligns with the DKIM signing domain and the envelope (Return-Path)
domain. Prints each record, what was found and pass/warn/fail, then a final
line "verdict: pass|warn|fail"; with --json, one JSON object instead.

  --selector S         DKIM selector (default DKIM_SELECTOR, else "default")
  --dkim-domain D      DKIM signing domain d= (default DKIM_DOMAIN, else DOMAIN)
  --envelope-domain D  Return-Path domain whose SPF record counts (default DOMAIN)
  --dns HOST:PORT      DNS server to ask, an IP address with an optional port
                       (repeatable; default the system's resolvers)
  --timeout MS         per-try DNS timeout in milliseconds (default 2000)
  --json               print the report as one JSON object

Exit codes: 0 pass, 1 warn or fail, 2 bad usage.`;

const ICON = { pass: 'pass', warn: 'WARN', fail: 'FAIL' } as const;

/** Shortens the p= public key of a DKIM record for display. */
function shortenKey(record: string): string {
  return record.replace(/(\bp\s*=\s*)([A-Za-z0-9+/=\s]{60,})/, (_, tag: string, key: string) => {
    const k = key.replace(/\s+/g, '');
    return `${tag}${k.slice(0, 24)}…${k.slice(-8)} (${k.length} chars)`;
  });
}

function section(label: string, status: keyof typeof ICON, name: string, found: string[], details: string[], problems: string[]): string[] {
  const pad = ' '.repeat(8);
  return [
    `${label.padEnd(6)}  ${ICON[status]}  ${name}`,
    ...found.map((f) => `${pad}${f}`),
    ...details.map((d) => `${pad}${d}`),
    ...problems.map((p) => `${pad}problem: ${p}`),
  ];
}

function foundLines(records: string[], dnsError: SenderReport['spf']['dnsError'], display = (r: string) => r): string[] {
  if (dnsError) return [`found: lookup failed (${dnsError.kind}, ${dnsError.code})`];
  if (records.length === 0) return ['found: no record'];
  return records.map((r) => `found: "${display(r)}"`);
}

/** The readable report, ending in the verdict line. */
export function formatSenderReport(report: SenderReport, context: { dns?: string[] } = {}): string {
  const { spf, dkim, dmarc, alignment } = report;
  const lines = [
    `sender authentication for ${report.domain} (DKIM selector ${report.selector}, d=${dkim.domain}, ` +
      `envelope ${spf.domain}; DNS ${context.dns?.length ? context.dns.join(', ') : 'system resolvers'})`,
    '',
    ...section('SPF', spf.status, spf.name, foundLines(spf.records, spf.dnsError), spf.details, spf.problems),
    ...section('DKIM', dkim.status, dkim.name, foundLines(dkim.records, dkim.dnsError, shortenKey), dkim.details, dkim.problems),
    ...section('DMARC', dmarc.status, dmarc.name, foundLines(dmarc.records, dmarc.dnsError), dmarc.details, dmarc.problems),
    ...section('ALIGN', alignment.status, `From ${alignment.fromDomain}`, [], alignment.details, alignment.problems),
    '',
  ];
  if (report.incomplete) lines.push('note: a DNS lookup failed; the verdict may change once DNS answers', '');
  if (report.verdict !== 'pass') {
    lines.push('reasons:', ...report.reasons.map((r) => `  - ${r}`), '');
  }
  lines.push(`verdict: ${report.verdict}`);
  return `${lines.join('\n')}\n`;
}

export async function checkSenderCommand(
  argv: string[],
  stdout: NodeJS.WritableStream = process.stdout,
  stderr: NodeJS.WritableStream = process.stderr,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const usage = (message: string) => {
    stderr.write(`cadence check-sender: ${message}\n\n${CHECK_SENDER_USAGE}\n`);
    return 2;
  };
  let values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      options: {
        selector: { type: 'string' },
        'dkim-domain': { type: 'string' },
        'envelope-domain': { type: 'string' },
        dns: { type: 'string', multiple: true },
        timeout: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: true,
    }));
  } catch (err) {
    return usage((err as Error).message);
  }
  if (values.help) {
    stdout.write(`${CHECK_SENDER_USAGE}\n`);
    return 0;
  }
  if (positionals.length === 0) return usage('missing DOMAIN');
  if (positionals.length > 1) return usage(`expected one DOMAIN, got ${positionals.map((p) => `"${p}"`).join(' ')}`);
  let timeoutMs: number | undefined;
  if (values.timeout !== undefined) {
    if (!/^\d+$/.test(values.timeout) || Number(values.timeout) < 1) return usage(`--timeout: "${values.timeout}" is not a number of milliseconds`);
    timeoutMs = Number(values.timeout);
  }
  const nonEmpty = (v: string | undefined) => (v !== undefined && v.trim() !== '' ? v.trim() : undefined);
  const dns = values.dns?.flatMap((d) => d.split(',')).map((d) => d.trim()).filter(Boolean);

  let report: SenderReport;
  try {
    report = await checkSender(positionals[0]!, {
      selector: nonEmpty(values.selector) ?? nonEmpty(env.DKIM_SELECTOR) ?? 'default',
      dkimDomain: nonEmpty(values['dkim-domain']) ?? nonEmpty(env.DKIM_DOMAIN),
      envelopeDomain: nonEmpty(values['envelope-domain']),
      servers: dns,
      timeoutMs,
    });
  } catch (err) {
    if (err instanceof SenderCheckInputError) return usage(err.message);
    stderr.write(`cadence check-sender: the check failed: ${(err as Error).message}\n`);
    return 1;
  }
  stdout.write(values.json ? `${JSON.stringify(report)}\n` : formatSenderReport(report, { dns }));
  return report.verdict === 'pass' ? 0 : 1;
}
