import { createHash } from 'node:crypto';
import { sql, type QueryCreator } from 'kysely';
import type { Db } from '../connect';
import type { AuditEvent, Database } from '../types';

export interface AuditInput {
  /** Makes a retried write a no-op: the same business event always has the same key. */
  key: string;
  occurredAt: Date;
  /** Who: `user:<id>` for a person, `component:<name>` for the machine. */
  actor: string;
  action: string;
  prospectId?: string | null;
  enrollmentId?: string | null;
  step?: number | null;
  contentHash?: string | null;
  details?: Record<string, unknown>;
}

/**
 * Appends one event to the audit trail. The database links it into the hash chain when the caller's
 * transaction commits (migration 2026_11_21_0005_audit_chain: seq, prev_hash, hash), so this may run inside
 * any transaction, before or after its row locks, without holding the chain for the rest of it. A retry
 * with the same key inserts nothing and so takes no place in the chain. `db` may carry a data-modifying WITH
 * (`db.with('sent', (w) => w.updateTable(…))`): the change and its event are then one statement, one round trip.
 */
export async function recordAudit<DB extends Database>(db: QueryCreator<DB>, event: AuditInput): Promise<void> {
  await recordAudits(db, [event]);
}

/** recordAudit for several events at once, one statement; they take their places in the chain in this order. */
export async function recordAudits<DB extends Database>(db: QueryCreator<DB>, events: AuditInput[]): Promise<void> {
  if (events.length === 0) return;
  // A WITH adds its own names to DB; audit_events is typed as Database has it.
  await (db as unknown as QueryCreator<Database>)
    .insertInto('audit_events')
    .values(
      events.map((event) => ({
        event_key: event.key,
        occurred_at: event.occurredAt,
        actor: event.actor,
        action: event.action,
        prospect_id: event.prospectId ?? null,
        enrollment_id: event.enrollmentId ?? null,
        step: event.step ?? null,
        content_hash: event.contentHash ?? null,
        details: JSON.stringify(event.details ?? {}),
      })),
    )
    .onConflict((oc) => oc.column('event_key').doNothing())
    .execute();
}

// --- The hash chain, recomputed independently of the database's functions ---

/** The prev_hash of the first event in the chain. */
export const AUDIT_GENESIS_HASH = `sha256:${'0'.repeat(64)}`;

/** The stored fields an event's hash covers, as the database holds them. */
export interface ChainedAuditFields {
  /** Decimal. */
  seq: string;
  prevHash: string | null;
  eventKey: string;
  /** Microseconds since the Unix epoch, decimal: PostgreSQL keeps microseconds, a JS Date only milliseconds. */
  occurredAtMicros: string;
  actor: string;
  action: string;
  prospectId: string | null;
  enrollmentId: string | null;
  step: number | null;
  contentHash: string | null;
  /** The details as jsonb renders them (`details::text`); numbers and strings are hashed as rendered. */
  details: string;
}

/** `2026-11-21T14:00:00.123456Z`: ISO 8601 in UTC with PostgreSQL's microseconds. */
export function isoWithMicros(epochMicros: bigint): string {
  const millis = epochMicros / 1000n - (epochMicros % 1000n < 0n ? 1n : 0n);
  const fraction = ((epochMicros % 1_000_000n) + 1_000_000n) % 1_000_000n;
  return new Date(Number(millis)).toISOString().replace(/\.\d{3}Z$/, `.${fraction.toString().padStart(6, '0')}Z`);
}

const JSON_SCALAR = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;

/**
 * Canonical JSON of a JSON text: object keys sorted by code point (UTF-8 byte order), no whitespace, every
 * scalar token kept exactly as written. Given jsonb's rendering, this is what the database's
 * audit_chain_canonical_json(jsonb) returns; re-serializing through JS numbers instead would turn
 * jsonb's 0.0000001 into 1e-7 and lose digits past 2^53.
 */
export function canonicalJson(text: string): string {
  let i = 0;
  const fail = (what: string): never => {
    throw new Error(`not valid JSON: ${what} at offset ${i}`);
  };
  const skipSpace = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
  };
  const stringToken = (): string => {
    const start = i++;
    while (i < text.length) {
      const c = text[i];
      if (c === '\\') i += 2;
      else if (c === '"') return text.slice(start, ++i);
      else i++;
    }
    return fail('unterminated string');
  };
  const value = (): string => {
    skipSpace();
    const c = text[i];
    if (c === '{' || c === '[') {
      const object = c === '{';
      i++;
      const items: Array<{ sortKey: Buffer | null; text: string }> = [];
      skipSpace();
      if (text[i] === (object ? '}' : ']')) {
        i++;
        return object ? '{}' : '[]';
      }
      for (;;) {
        if (object) {
          skipSpace();
          if (text[i] !== '"') fail('expected a key');
          const key = stringToken();
          skipSpace();
          if (text[i] !== ':') fail("expected ':'");
          i++;
          items.push({ sortKey: Buffer.from(JSON.parse(key) as string, 'utf8'), text: `${key}:${value()}` });
        } else {
          items.push({ sortKey: null, text: value() });
        }
        skipSpace();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === (object ? '}' : ']')) {
          i++;
          break;
        }
        fail(`expected ',' or '${object ? '}' : ']'}'`);
      }
      if (object) items.sort((a, b) => Buffer.compare(a.sortKey!, b.sortKey!));
      const inner = items.map((item) => item.text).join(',');
      return object ? `{${inner}}` : `[${inner}]`;
    }
    if (c === '"') return stringToken();
    JSON_SCALAR.lastIndex = i;
    const scalar = JSON_SCALAR.exec(text);
    if (!scalar) return fail('expected a value');
    i += scalar[0].length;
    return scalar[0];
  };
  const out = value();
  skipSpace();
  if (i !== text.length) fail('unexpected text after the value');
  return out;
}

/**
 * The text an event's hash is taken over:
 * [seq,prev_hash,event_key,occurred_at,actor,action,prospect_id,enrollment_id,step,content_hash,details].
 * Strings are JSON-escaped as jsonb escapes them (JSON.stringify escapes the same characters the same way).
 */
export function canonicalAuditEvent(e: ChainedAuditFields): string {
  const str = (v: string | null) => JSON.stringify(v);
  return (
    `[${e.seq},${str(e.prevHash)},${str(e.eventKey)},${str(isoWithMicros(BigInt(e.occurredAtMicros)))},${str(e.actor)},${str(e.action)},` +
    `${str(e.prospectId)},${str(e.enrollmentId)},${e.step === null ? 'null' : String(e.step)},${str(e.contentHash)},${canonicalJson(e.details)}]`
  );
}

export function auditEventHash(e: ChainedAuditFields): string {
  return `sha256:${createHash('sha256').update(canonicalAuditEvent(e), 'utf8').digest('hex')}`;
}

export type AuditChainProblem = 'missing-before' | 'relinked' | 'altered' | 'unsealed';

export interface AuditChainBreak {
  problem: AuditChainProblem;
  /** null for an event outside the chain. */
  seq: string | null;
  id: string;
  eventKey: string;
  message: string;
}

export type AuditChainReport =
  | { intact: true; events: number; head: string | null }
  | { intact: false; eventsBefore: number; firstBad: AuditChainBreak };

interface ChainRow {
  id: string;
  seq: string | null;
  prev_hash: string | null;
  hash: string | null;
  event_key: string;
  occurred_us: string;
  actor: string;
  action: string;
  prospect_id: string | null;
  enrollment_id: string | null;
  step: number | null;
  content_hash: string | null;
  details: string;
}

function chainRows(db: Db) {
  return db
    .selectFrom('audit_events')
    .select([
      sql<string>`id::text`.as('id'),
      sql<string | null>`seq::text`.as('seq'),
      'prev_hash',
      'hash',
      'event_key',
      sql<string>`(extract(epoch from occurred_at) * 1000000)::bigint::text`.as('occurred_us'),
      'actor',
      'action',
      'prospect_id',
      'enrollment_id',
      'step',
      'content_hash',
      sql<string>`details::text`.as('details'),
    ]);
}

/** The first thing wrong with one event, given the event before it in the chain, or null. */
function checkLink(row: ChainRow, expectedSeq: bigint, previous: { seq: bigint; hash: string } | null): AuditChainBreak | null {
  const at = { seq: row.seq, id: row.id, eventKey: row.event_key };
  const seq = BigInt(row.seq!);
  if (seq !== expectedSeq) {
    const message =
      seq > expectedSeq
        ? `seq ${seq} follows ${previous ? `seq ${previous.seq}` : 'the start of the chain'}: ` +
          `${seq - expectedSeq === 1n ? `the event with seq ${expectedSeq} is` : `the events with seq ${expectedSeq} to ${seq - 1n} are`} missing (deleted)`
        : `seq ${seq} is before the start of the chain (seq 1): an event was inserted`;
    return { problem: 'missing-before', ...at, message };
  }
  const expectedPrev = previous?.hash ?? AUDIT_GENESIS_HASH;
  if (row.prev_hash !== expectedPrev) {
    return {
      problem: 'relinked',
      ...at,
      message: previous
        ? `prev_hash ${row.prev_hash} is not the hash of the event before it (seq ${previous.seq}, ${previous.hash}): ` +
          'an event was removed or inserted before it, or the one before it was altered and rehashed'
        : `prev_hash ${row.prev_hash} of the first event is not the genesis value ${AUDIT_GENESIS_HASH}`,
    };
  }
  const recomputed = auditEventHash({
    seq: row.seq!,
    prevHash: row.prev_hash,
    eventKey: row.event_key,
    occurredAtMicros: row.occurred_us,
    actor: row.actor,
    action: row.action,
    prospectId: row.prospect_id,
    enrollmentId: row.enrollment_id,
    step: row.step,
    contentHash: row.content_hash,
    details: row.details,
  });
  if (recomputed !== row.hash) {
    return {
      problem: 'altered',
      ...at,
      message: `stored hash ${row.hash} does not match the event's content (recomputed ${recomputed}): the event was altered after it was written`,
    };
  }
  return null;
}

/**
 * Walks the audit chain in seq order, batch by batch: each event's seq must follow the previous one's, its
 * prev_hash must be the previous event's hash, and its hash must be that of its own content. Reports the
 * first event that breaks one of these, else the number of events and the head hash. A deleted tail leaves
 * an intact, shorter chain: compare the head with one recorded earlier to catch that.
 */
export async function verifyAuditChain(db: Db, options: { batchSize?: number } = {}): Promise<AuditChainReport> {
  const batchSize = options.batchSize ?? 1000;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`batchSize must be a positive integer, got ${batchSize}`);
  let previous: { seq: bigint; hash: string } | null = null;
  let events = 0;
  for (;;) {
    let query = chainRows(db).where('seq', 'is not', null);
    if (previous) query = query.where('seq', '>', previous.seq.toString());
    // Qualified: the bare names would sort by the text columns selected under the same names.
    const rows: ChainRow[] = await query.orderBy('audit_events.seq').limit(batchSize).execute();
    for (const row of rows) {
      const broken = checkLink(row, previous ? previous.seq + 1n : 1n, previous);
      if (broken) return { intact: false, eventsBefore: events, firstBad: broken };
      previous = { seq: BigInt(row.seq!), hash: row.hash! };
      events++;
    }
    if (rows.length < batchSize) break;
  }
  const outside = await chainRows(db).where('seq', 'is', null).orderBy('audit_events.id').limit(1).executeTakeFirst();
  if (outside) {
    return {
      intact: false,
      eventsBefore: events,
      firstBad: {
        problem: 'unsealed',
        seq: null,
        id: outside.id,
        eventKey: outside.event_key,
        message: 'the event has no place in the chain (no seq, prev_hash or hash): it was written with the database triggers bypassed',
      },
    };
  }
  return { intact: true, events, head: previous?.hash ?? null };
}
