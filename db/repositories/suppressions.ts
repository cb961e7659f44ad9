import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../connect';
import type { SuppressionReason } from '../types';
import { emailDomain, normalizeEmail } from './prospects';

export type SuppressionKind = 'address' | 'domain';

export const SUPPRESSION_REASONS = ['do-not-contact', 'unsubscribed', 'bounced', 'complained', 'closed-lost', 'competitor'] as const satisfies readonly SuppressionReason[];
export const SUPPRESSION_KINDS = ['address', 'domain'] as const satisfies readonly SuppressionKind[];

/** At most this many rows in one import (API or CLI). */
export const MAX_SUPPRESSION_ROWS = 10_000;

export interface Suppression {
  kind: SuppressionKind;
  value: string;
  reason: SuppressionReason;
  source: string;
  createdAt: Date;
}

/** One valid row of an import, normalized, with the line it came from. */
export interface SuppressionRow {
  line: number;
  kind: SuppressionKind;
  value: string;
  reason: SuppressionReason;
}

/** One bad row of an import: its line (CSV: the file line, header = 1; JSON: index + 1), the value as given and why. */
export interface RejectedSuppressionRow {
  line: number;
  value: string | null;
  errors: string[];
}

export interface ParsedSuppressions {
  rows: SuppressionRow[];
  rejected: RejectedSuppressionRow[];
  total: number;
}

/** The input as a whole is unusable (no header, not a list, too many rows): nothing is imported. */
export class SuppressionInputError extends Error {
  override name = 'SuppressionInputError';
}

const HOSTNAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** A domain as stored: trimmed, lower-cased, without a leading `@` or `*.` and without a trailing dot. */
export function normalizeDomain(value: string): string {
  return value.trim().toLowerCase().replace(/^\*\./, '').replace(/^@/, '').replace(/\.$/, '');
}

/** The stored form of a value: an address by normalizeEmail (as the reply webhook and unsubscribe store it), a domain by normalizeDomain. */
export function normalizeSuppressionValue(kind: SuppressionKind, value: string): string {
  return kind === 'address' ? normalizeEmail(value) : normalizeDomain(value);
}

const reasonSchema = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim().toLowerCase() : v),
  z.enum(SUPPRESSION_REASONS, { error: `must be one of ${SUPPRESSION_REASONS.join(', ')}` }),
);
const kindSchema = z.preprocess(
  (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : v.trim().toLowerCase()) : v),
  z.enum(SUPPRESSION_KINDS, { error: 'must be address or domain' }).optional(),
);

/** An address when the value has a local part before an `@`; a domain otherwise (`@example.com` is a domain). */
export function inferKind(value: string): SuppressionKind {
  return /^[^@\s]+@/.test(value.trim()) ? 'address' : 'domain';
}

/** One row as given: kind defaults to domain when the value has no `@`, address otherwise. */
export const suppressionRowSchema = z
  .object({
    kind: kindSchema,
    value: z.string({ error: 'is required (an email address or a domain)' }).trim().min(1, 'is required (an email address or a domain)').max(320, 'is too long'),
    reason: reasonSchema,
  })
  .strict()
  .superRefine((row, ctx) => {
    if (!row.value || !row.reason) return;
    const kind = row.kind ?? inferKind(row.value);
    if (kind === 'address' && !z.email().safeParse(row.value.trim().toLowerCase()).success) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `"${row.value}" is not an email address` });
    }
    if (kind === 'domain' && !HOSTNAME.test(normalizeDomain(row.value))) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `"${row.value}" is not a domain such as example.com` });
    }
  })
  .transform((row): Omit<SuppressionRow, 'line'> => {
    const kind = row.kind ?? inferKind(row.value);
    return { kind, value: normalizeSuppressionValue(kind, row.value), reason: row.reason };
  });

function validateRow(raw: unknown, line: number, out: ParsedSuppressions): void {
  const parsed = suppressionRowSchema.safeParse(raw);
  if (parsed.success) {
    out.rows.push({ line, ...parsed.data });
    return;
  }
  const given = raw && typeof raw === 'object' ? (raw as Record<string, unknown>).value : undefined;
  out.rejected.push({
    line,
    value: typeof given === 'string' ? given : null,
    errors: parsed.error.issues.map((i) => {
      if (i.code === 'unrecognized_keys') return `unknown field(s): ${i.keys.join(', ')}`;
      const field = i.path.length ? i.path.join('.') : 'row';
      const missing = i.path.length === 1 && raw && typeof raw === 'object' && (raw as Record<string, unknown>)[String(i.path[0])] === undefined;
      if (missing && field !== 'kind') return `${field}: is required`;
      return `${field}: ${i.message}`;
    }),
  });
}

/** RFC 4180 records with the 1-based line each starts on; quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsvRecords(text: string): Array<{ line: number; fields: string[] }> {
  const records: Array<{ line: number; fields: string[] }> = [];
  const input = text.replace(/^\uFEFF/, '');
  let line = 1;
  let startLine = 1;
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let inQuotes = false;
  let any = false;
  const endRecord = () => {
    fields.push(field);
    // A blank line is no record (it still counts as a line).
    if (!(fields.length === 1 && fields[0]!.trim() === '' && !quoted)) records.push({ line: startLine, fields });
    fields = [];
    field = '';
    quoted = false;
    any = false;
  };
  for (let i = 0; i < input.length; i++) {
    const ch = input[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (input[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (!any) {
      startLine = line;
      any = true;
    }
    if (ch === '"' && field.trim() === '') {
      inQuotes = true;
      quoted = true;
      field = '';
    } else if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\r' && input[i + 1] === '\n') {
      // the \n ends the record
    } else if (ch === '\n' || ch === '\r') {
      endRecord();
      line++;
    } else {
      field += ch;
    }
  }
  if (inQuotes) throw new SuppressionInputError(`line ${startLine}: a quoted field is never closed`);
  if (any) endRecord();
  return records;
}

const CSV_COLUMNS = ['value', 'reason', 'kind'] as const;

/** A CSV import: a header line naming the columns value, reason and optionally kind (any order), then one row a line. */
export function parseSuppressionCsv(text: string): ParsedSuppressions {
  const records = parseCsvRecords(text);
  const header = records.shift();
  if (!header) throw new SuppressionInputError('the CSV is empty; it needs a header line "value,reason[,kind]"');
  const columns = header.fields.map((f) => f.trim().toLowerCase());
  const unknown = columns.filter((c) => !(CSV_COLUMNS as readonly string[]).includes(c));
  if (unknown.length) throw new SuppressionInputError(`line ${header.line}: unknown column(s) ${unknown.map((c) => JSON.stringify(c)).join(', ')}; the header is "value,reason[,kind]"`);
  for (const required of ['value', 'reason']) {
    if (!columns.includes(required)) throw new SuppressionInputError(`line ${header.line}: the header has no "${required}" column; it is "value,reason[,kind]"`);
  }
  const duplicated = columns.filter((c, i) => columns.indexOf(c) !== i);
  if (duplicated.length) throw new SuppressionInputError(`line ${header.line}: the column "${duplicated[0]}" appears twice`);
  if (records.length > MAX_SUPPRESSION_ROWS) throw new SuppressionInputError(`${records.length} rows; at most ${MAX_SUPPRESSION_ROWS} in one import`);

  const out: ParsedSuppressions = { rows: [], rejected: [], total: records.length };
  for (const record of records) {
    if (record.fields.length > columns.length) {
      out.rejected.push({
        line: record.line,
        value: record.fields[columns.indexOf('value')] ?? null,
        errors: [`row: ${record.fields.length} fields; the header has ${columns.length} (quote a value that holds a comma)`],
      });
      continue;
    }
    const raw: Record<string, string> = {};
    columns.forEach((c, i) => {
      const v = record.fields[i];
      if (v !== undefined && !(c === 'kind' && v.trim() === '')) raw[c] = v;
    });
    validateRow(raw, record.line, out);
  }
  return out;
}

/** A JSON import: an array of rows, or `{ rows: [...] }`; a row's line is its index + 1. */
export function parseSuppressionJson(input: unknown): ParsedSuppressions {
  const list = Array.isArray(input) ? input : input && typeof input === 'object' && Array.isArray((input as { rows?: unknown }).rows) ? (input as { rows: unknown[] }).rows : null;
  if (!list) throw new SuppressionInputError('the JSON must be an array of rows or an object { "rows": [...] }');
  if (list.length > MAX_SUPPRESSION_ROWS) throw new SuppressionInputError(`${list.length} rows; at most ${MAX_SUPPRESSION_ROWS} in one import`);
  const out: ParsedSuppressions = { rows: [], rejected: [], total: list.length };
  list.forEach((raw, index) => validateRow(raw, index + 1, out));
  return out;
}

/** Validates an import row by row: CSV text (with its header line) or JSON (already parsed, or as text). */
export function parseSuppressionRows(input: { csv: string } | { json: unknown } | { jsonText: string }): ParsedSuppressions {
  if ('csv' in input) return parseSuppressionCsv(input.csv);
  if ('json' in input) return parseSuppressionJson(input.json);
  let parsed: unknown;
  try {
    parsed = JSON.parse(input.jsonText);
  } catch (err) {
    throw new SuppressionInputError(`malformed JSON (${(err as Error).message})`);
  }
  return parseSuppressionJson(parsed);
}

/** Inserts the rows; an entry already on the list keeps its reason and source. New and already-present counts. */
export async function addSuppressions(db: Db, rows: Array<Pick<SuppressionRow, 'kind' | 'value' | 'reason'>>, source: string): Promise<{ imported: number; duplicates: number }> {
  const seen = new Set<string>();
  const unique = rows.filter((r) => {
    const key = `${r.kind}:${r.value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  let imported = 0;
  const now = new Date();
  for (let i = 0; i < unique.length; i += 1000) {
    const chunk = unique.slice(i, i + 1000);
    const inserted = await db
      .insertInto('suppressions')
      .values(chunk.map((r) => ({ id: randomUUID(), kind: r.kind, value: r.value, reason: r.reason, source, created_at: now })))
      .onConflict((oc) => oc.columns(['kind', 'value']).doNothing())
      .returning('id')
      .execute();
    imported += inserted.length;
  }
  return { imported, duplicates: rows.length - imported };
}

function toSuppression(row: { kind: SuppressionKind; value: string; reason: SuppressionReason; source: string; created_at: Date }): Suppression {
  return { kind: row.kind, value: row.value, reason: row.reason, source: row.source, createdAt: row.created_at };
}

/**
 * The entry that forbids mailing this address, if any: the address itself (as given lower-cased, or
 * normalized: +tags and Gmail dots ignored) or its whole domain. An address entry wins over a domain entry.
 */
export async function findSuppression(db: Db, email: string): Promise<Suppression | null> {
  const row = await suppressionOf(db, email).executeTakeFirst();
  return row ? toSuppression(row) : null;
}

/** findSuppression's query, for a caller that reads it together with other checks in one statement. */
export function suppressionOf(db: Db, email: string) {
  return db
    .selectFrom('suppressions')
    .select(['kind', 'value', 'reason', 'source', 'created_at'])
    .where((eb) =>
      eb.or([
        eb.and([eb('kind', '=', 'address'), eb('value', 'in', [email.trim().toLowerCase(), normalizeEmail(email)])]),
        eb.and([eb('kind', '=', 'domain'), eb('value', '=', emailDomain(email))]),
      ]),
    )
    .orderBy(sql`kind = 'address'`, 'desc')
    .limit(1);
}

/** Every entry a value hits: for an address, the address and its domain; for a domain, the domain entry. */
export async function lookupSuppressions(db: Db, value: string): Promise<Suppression[]> {
  const v = value.trim().toLowerCase();
  if (v.includes('@')) {
    const found = await findSuppressionsFor(db, v);
    return found;
  }
  const rows = await db.selectFrom('suppressions').select(['kind', 'value', 'reason', 'source', 'created_at']).where('kind', '=', 'domain').where('value', '=', normalizeDomain(v)).execute();
  return rows.map(toSuppression);
}

async function findSuppressionsFor(db: Db, email: string): Promise<Suppression[]> {
  const rows = await db
    .selectFrom('suppressions')
    .select(['kind', 'value', 'reason', 'source', 'created_at'])
    .where((eb) =>
      eb.or([
        eb.and([eb('kind', '=', 'address'), eb('value', 'in', [email, normalizeEmail(email)])]),
        eb.and([eb('kind', '=', 'domain'), eb('value', '=', emailDomain(email))]),
      ]),
    )
    .orderBy('kind')
    .execute();
  return rows.map(toSuppression);
}

/** Removes one entry (value normalized as stored); the removed entry, or null when there was none. */
export async function removeSuppression(db: Db, kind: SuppressionKind, value: string): Promise<Suppression | null> {
  const row = await db
    .deleteFrom('suppressions')
    .where('kind', '=', kind)
    .where('value', 'in', [...new Set([value.trim().toLowerCase(), normalizeSuppressionValue(kind, value)])])
    .returning(['kind', 'value', 'reason', 'source', 'created_at'])
    .executeTakeFirst();
  return row ? toSuppression(row) : null;
}

/** How a suppression reads in an error message: "address pat@x.com is on the do-not-contact list (source crm)". */
export function describeSuppression(s: Pick<Suppression, 'kind' | 'value' | 'reason' | 'source'>): string {
  return `${s.kind} ${s.value} is on the ${s.reason} list (source ${s.source})`;
}
