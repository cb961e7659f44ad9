// `cadence verify-audit`: checks the audit trail's hash chain (db/repositories/audit.ts verifyAuditChain) and
// names the first event that breaks it: altered, deleted (a gap before it), relinked, or outside the chain.
//
//   cadence verify-audit
//   cadence verify-audit --json
//   cadence verify-audit --expect-head sha256:…   (a head printed by an earlier run)
//
// Output on stdout: "audit chain intact: N events, head sha256:…", or the first bad event with what is wrong;
// with --json, one JSON object (the AuditChainReport). Exit codes: 0 intact, 1 broken (or the check could
// not run), 2 bad usage. Read-only: it never migrates or writes.
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import type { AppConfig } from '../config/app';
import type { Db } from '../db/connect';
import { verifyAuditChain, type AuditChainReport } from '../db/repositories/audit';
import { openCommandDatabase } from './command-db';

export const VERIFY_AUDIT_USAGE = `usage: cadence verify-audit [--json] [--batch-size N] [--expect-head HASH]

Walks the audit trail of DATABASE_URL (or, when it is unset, the embedded PGlite
database under DATA_DIR) in chain order and recomputes every event's hash: each
event's seq must follow the previous one's, its prev_hash must be the previous
event's hash, and its hash must match its content. Prints
"audit chain intact: N events, head <hash>", or the first bad event (its seq,
id and event key) and what is wrong with it.

  --json               print the report as one JSON object
  --batch-size N       events read per query (default 1000)
  --expect-head HASH   a head printed by an earlier run: it must still be in the
                       chain. Without it, deleting the newest events leaves a
                       shorter chain that verifies; keep each run's head outside
                       this database (a log, the monitoring system) and pass it here.

Exit codes: 0 intact, 1 broken (or the check could not run), 2 bad usage.`;

export interface VerifyAuditDeps {
  openDb(config: AppConfig): Promise<Db>;
}

export function formatAuditReport(report: AuditChainReport): string {
  if (report.intact) {
    return report.head
      ? `audit chain intact: ${report.events} events, head ${report.head}\n`
      : 'audit chain intact: 0 events (the audit trail is empty)\n';
  }
  const bad = report.firstBad;
  const where = bad.seq === null ? `event id ${bad.id}` : `seq ${bad.seq} (id ${bad.id})`;
  return (
    `audit chain broken: first bad event is ${where}, event key ${JSON.stringify(bad.eventKey)}\n` +
    `  ${bad.problem}: ${bad.message}\n` +
    `  the ${report.eventsBefore} events before it are intact\n`
  );
}

async function hasAuditChain(db: Db): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>`
    select exists (
      select 1 from information_schema.columns
      where table_schema = current_schema() and table_name = 'audit_events' and column_name = 'hash'
    ) as found`.execute(db);
  return rows[0]?.found === true;
}

export async function verifyAuditCommand(args: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream, deps: VerifyAuditDeps): Promise<number> {
  const usage = (message: string) => {
    err.write(`cadence verify-audit: ${message}\n\n${VERIFY_AUDIT_USAGE}\n`);
    return 2;
  };
  let values: { json?: boolean; 'batch-size'?: string; 'expect-head'?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      options: { json: { type: 'boolean' }, 'batch-size': { type: 'string' }, 'expect-head': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    return usage((e as Error).message);
  }
  if (values.help) {
    out.write(`${VERIFY_AUDIT_USAGE}\n`);
    return 0;
  }
  let batchSize: number | undefined;
  if (values['batch-size'] !== undefined) {
    const raw = values['batch-size'];
    if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 100_000) return usage(`--batch-size: "${raw}" is not a whole number from 1 to 100000`);
    batchSize = Number(raw);
  }
  const expectHead = values['expect-head'];
  if (expectHead !== undefined && !/^sha256:[0-9a-f]{64}$/.test(expectHead)) return usage(`--expect-head: "${expectHead}" is not a head as verify-audit prints it (sha256: and 64 hex digits)`);

  const opened = await openCommandDatabase(deps, err, 'cadence verify-audit');
  if (!opened) return 1;
  const { db } = opened;
  try {
    if (!(await hasAuditChain(db))) {
      err.write('cadence verify-audit: the database has no audit chain yet (migration 2026_11_21_0005_audit_chain is not applied); run `cadence migrate` first\n');
      return 1;
    }
    const report = await verifyAuditChain(db, { batchSize });
    if (report.intact && expectHead) {
      const earlier = await db.selectFrom('audit_events').select('seq').where('hash', '=', expectHead).executeTakeFirst();
      if (!earlier) {
        const missing = {
          intact: false as const,
          events: report.events,
          head: report.head,
          expectedHead: expectHead,
          problem: 'head-missing',
          message: `the head ${expectHead} recorded by an earlier run is not in the chain: events were deleted from its end, or the chain was rebuilt`,
        };
        out.write(values.json ? `${JSON.stringify(missing)}\n` : `audit chain broken: ${missing.message}\n  the ${report.events} events now in the chain are intact up to head ${report.head ?? '(none)'}\n`);
        return 1;
      }
    }
    out.write(values.json ? `${JSON.stringify(report)}\n` : formatAuditReport(report));
    return report.intact ? 0 : 1;
  } catch (e) {
    err.write(`cadence verify-audit: the check failed: ${(e as Error).message}\n`);
    return 1;
  } finally {
    await db.destroy();
  }
}
