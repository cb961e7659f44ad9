import type { Db } from '../db/connect';
import { checkSender, type SenderReport } from './sender-auth';

/** How the worker judges its From domains before sending automatically. */
export interface SenderAuthPolicy {
  /** Domains allowed to send automatically although their check fails (SENDER_AUTH_OVERRIDE). */
  overrides: string[];
  /** A stored verdict older than this is checked again. */
  recheckEveryMs: number;
  check(domain: string): Promise<SenderReport>;
}

export interface SenderDomainStatus {
  domain: string;
  verdict: 'pass' | 'warn' | 'fail';
  summary: string;
  checkedAt: string | null;
  overridden: boolean;
  /** False when automatic sending from this domain is refused. */
  automaticAllowed: boolean;
}

/** An incomplete check (a DNS failure) is retried soon rather than trusted for hours. */
const INCOMPLETE_RECHECK_MS = 5 * 60_000;

/** The real check: `cadence check-sender` for the DKIM selector in use, through the configured DNS servers. */
export function dnsSenderAuthPolicy(options: { overrides: string[]; recheckEveryMs: number; selector?: string; dnsServers?: string[] }): SenderAuthPolicy {
  return {
    overrides: options.overrides,
    recheckEveryMs: options.recheckEveryMs,
    check: (domain) => checkSender(domain, { selector: options.selector, ...(options.dnsServers?.length ? { servers: options.dnsServers } : {}) }),
  };
}

function describe(report: SenderReport): string {
  return `${report.verdict}: ${report.reasons.join('; ')}`;
}

/**
 * Whether mail may go out automatically from this From domain: its stored verdict, checked again when
 * stale. A failing domain sends only what a rep approves, unless it is explicitly overridden.
 */
export async function senderDomainStatus(db: Db, policy: SenderAuthPolicy, domain: string, now: Date): Promise<SenderDomainStatus> {
  const d = domain.toLowerCase();
  if (policy.overrides.includes(d) || policy.overrides.includes('*')) {
    return { domain: d, verdict: 'pass', summary: 'overridden by SENDER_AUTH_OVERRIDE', checkedAt: null, overridden: true, automaticAllowed: true };
  }
  let row = await db.selectFrom('sender_domain_checks').selectAll().where('domain', '=', d).executeTakeFirst();
  const incomplete = Boolean((row?.report as { incomplete?: boolean } | undefined)?.incomplete);
  const stale = !row || now.getTime() - row.checked_at.getTime() > (incomplete ? INCOMPLETE_RECHECK_MS : policy.recheckEveryMs);
  if (stale) row = await recordSenderCheck(db, await policy.check(d), now);
  return {
    domain: d,
    verdict: row!.verdict,
    summary: row!.summary,
    checkedAt: row!.checked_at.toISOString(),
    overridden: false,
    automaticAllowed: row!.verdict !== 'fail',
  };
}

export async function recordSenderCheck(db: Db, report: SenderReport, now: Date) {
  const values = { verdict: report.verdict, summary: describe(report), report: JSON.stringify(report), checked_at: now };
  return db
    .insertInto('sender_domain_checks')
    .values({ domain: report.domain, ...values })
    .onConflict((oc) => oc.column('domain').doUpdateSet(values))
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * The verdict for every domain the worker may send from (the active mailboxes', plus any named), checked
 * at worker start so that ops see in the log, before the first send, which domains only send what a rep approves.
 */
export async function checkSendingDomains(db: Db, policy: SenderAuthPolicy, extra: string[], now: Date): Promise<SenderDomainStatus[]> {
  const rows = await db.selectFrom('mailboxes').select('address').where('status', '=', 'active').execute();
  const domains = [...new Set([...rows.map((r) => r.address.slice(r.address.lastIndexOf('@') + 1)), ...extra.map((d) => d.toLowerCase())])].sort();
  const statuses: SenderDomainStatus[] = [];
  for (const domain of domains) statuses.push(await senderDomainStatus(db, policy, domain, now));
  return statuses;
}

export function describeSenderDomainStatus(s: SenderDomainStatus): string {
  if (s.overridden) return `sender domain ${s.domain}: automatic sending allowed by SENDER_AUTH_OVERRIDE (not checked)`;
  return s.automaticAllowed
    ? `sender domain ${s.domain}: ${s.summary}`
    : `sender domain ${s.domain}: FAILS sender authentication, automatic sends from it go to a rep for approval (${s.summary}); fix its DNS or set SENDER_AUTH_OVERRIDE`;
}
