// `cadence import-suppressions FILE`: bulk-imports suppression entries (do-not-contact, unsubscribed,
// bounced, complained, closed-lost, competitor; by address or whole domain) from a CSV or JSON file, with
// the same row-by-row validation as POST /v1/suppressions/import.
//
//   cadence import-suppressions dnc.csv --source crm-export
//   cadence import-suppressions competitors.json --format json
//
// Output: the bad rows with their line numbers, then a summary line, on stdout. Exit codes: 0 when at least
// one row was imported or every valid row was already on the list, 1 when every row was bad (or the file
// could not be read), 2 bad usage.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import type { AppConfig } from '../config/app';
import { migrateToLatest, type Db } from '../db/connect';
import { recordAudit } from '../db/repositories/audit';
import { addSuppressions, parseSuppressionRows, SuppressionInputError, type ParsedSuppressions } from '../db/repositories/suppressions';
import { openCommandDatabase } from './command-db';

export const IMPORT_SUPPRESSIONS_USAGE = `usage: cadence import-suppressions FILE [--format csv|json] [--source NAME]

Imports suppression entries into DATABASE_URL or, when it is unset, the embedded
PGlite database under DATA_DIR. A CSV file has a header line naming the columns
value, reason and optionally kind (address|domain; default domain when the value
has no "@"); a JSON file is an array of {value, reason, kind?} or {"rows": [...]}.
reason is one of do-not-contact, unsubscribed, bounced, complained, closed-lost,
competitor. Each row is validated on its own: bad rows are listed with their line
(CSV: the file line, header = 1; JSON: index + 1) and the good rows are kept.

  --format csv|json   default: json for a .json file, csv otherwise
  --source NAME       recorded on each new entry (default: the file name)

Exit codes: 0 imported (or all already there), 1 every row bad, 2 bad usage.`;

export interface ImportSuppressionsDeps {
  openDb(config: AppConfig): Promise<Db>;
}

/** The report printed on stdout: one line per bad row, then the counts. */
export function formatImportReport(parsed: ParsedSuppressions, counts: { imported: number; duplicates: number } | null): string {
  const lines = parsed.rejected.map((r) => `line ${r.line}: ${r.value === null ? '(no value)' : JSON.stringify(r.value)}: ${r.errors.join('; ')}`);
  const imported = counts?.imported ?? 0;
  const duplicates = counts?.duplicates ?? 0;
  lines.push(`${parsed.total} rows: ${imported} imported, ${duplicates} already suppressed, ${parsed.rejected.length} rejected`);
  return `${lines.join('\n')}\n`;
}

export async function importSuppressionsCommand(args: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream, deps: ImportSuppressionsDeps): Promise<number> {
  let values: { format?: string; source?: string; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      options: { format: { type: 'string' }, source: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: true,
    }));
  } catch (e) {
    err.write(`cadence: ${(e as Error).message}\n\n${IMPORT_SUPPRESSIONS_USAGE}\n`);
    return 2;
  }
  if (values.help) {
    out.write(`${IMPORT_SUPPRESSIONS_USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1) {
    err.write(`cadence: import-suppressions takes one FILE\n\n${IMPORT_SUPPRESSIONS_USAGE}\n`);
    return 2;
  }
  const file = positionals[0]!;
  const format = values.format ?? (file.toLowerCase().endsWith('.json') ? 'json' : 'csv');
  if (format !== 'csv' && format !== 'json') {
    err.write(`cadence: --format: "${format}" is not csv or json\n\n${IMPORT_SUPPRESSIONS_USAGE}\n`);
    return 2;
  }
  const source = values.source?.trim() || `cli:${file.split(/[\\/]/).pop()}`;

  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    err.write(`cadence: cannot read ${file}: ${(e as Error).message}\n`);
    return 1;
  }
  let parsed: ParsedSuppressions;
  try {
    parsed = parseSuppressionRows(format === 'csv' ? { csv: text } : { jsonText: text });
  } catch (e) {
    if (e instanceof SuppressionInputError) {
      err.write(`cadence: ${file}: ${e.message}; nothing was imported\n`);
      return 1;
    }
    throw e;
  }
  if (parsed.rows.length === 0) {
    out.write(formatImportReport(parsed, null));
    err.write(`cadence: ${file}: no valid row; nothing was imported\n`);
    return 1;
  }

  const opened = await openCommandDatabase(deps, err, 'cadence');
  if (!opened) return 1;
  const { db } = opened;
  try {
    await migrateToLatest(db);
    const counts = await addSuppressions(db, parsed.rows, source);
    let actor = 'cli';
    try {
      actor = `cli:${userInfo().username}`;
    } catch {
      // no user name (a container without /etc/passwd entry)
    }
    await recordAudit(db, {
      key: `suppressions.imported:${randomUUID()}`,
      occurredAt: new Date(),
      actor,
      action: 'suppressions.imported',
      details: { source, format, file, total: parsed.total, imported: counts.imported, duplicates: counts.duplicates, rejected: parsed.rejected.length },
    });
    out.write(formatImportReport(parsed, counts));
    return 0;
  } finally {
    await db.destroy();
  }
}
