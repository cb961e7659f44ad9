import { randomUUID } from 'node:crypto';
import { ApplicationFailure, Context } from '@temporalio/activity';
import { z } from 'zod';
import { recordAudit } from '../db/repositories/audit';
import type { SuppressionReason } from '../db/types';
import {
  CRM_SYNC_INVALID_PAYLOAD,
  CRM_SYNC_NOT_CONFIGURED,
  type CrmSyncListCounts,
  type CrmSyncResult,
} from '../workflows/definitions';
import type { ActivityDeps } from './deps';

export const CRM_SYNC_SOURCE = 'crm-sync';
const DEFAULT_TIMEOUT_MS = 30_000;

const ADDRESS = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** One entry: an email address (contains '@') or a whole domain (a leading '@' is allowed: `@example.com`). */
const entry = z
  .string()
  .transform((v) => v.trim().toLowerCase())
  .refine((v) => (v.indexOf('@') > 0 ? ADDRESS.test(v) : DOMAIN.test(v.replace(/^@/, ''))), 'must be an email address or a domain');

const list = z.array(entry).max(1_000_000);

/** The CRM's answer: `{ doNotContact: string[], closedLost: string[] }`; other fields are ignored. */
export const crmSuppressionPayload = z.object({ doNotContact: list, closedLost: list });

export type CrmSuppressionPayload = z.infer<typeof crmSuppressionPayload>;

interface Row {
  kind: 'address' | 'domain';
  value: string;
}

function toRows(entries: string[]): Row[] {
  const seen = new Map<string, Row>();
  for (const e of entries) {
    const row: Row = e.indexOf('@') > 0 ? { kind: 'address', value: e } : { kind: 'domain', value: e.replace(/^@/, '') };
    seen.set(`${row.kind}:${row.value}`, row);
  }
  return [...seen.values()];
}

/** Names the first bad field, e.g. `closedLost[3]: must be an email address or a domain`. */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') : '(body)'}: ${i.message}`)
    .join('; ');
}

export function crmSyncActivities(deps: ActivityDeps) {
  async function fetchLists(url: string, token: string | undefined, timeoutMs: number, attempt: number): Promise<CrmSuppressionPayload> {
    const signal = AbortSignal.any([AbortSignal.timeout(timeoutMs), Context.current().cancellationSignal]);
    let res: Response;
    try {
      res = await fetch(url, {
        headers: { accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        signal,
      });
    } catch (err) {
      const reason = (err as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : ((err as Error).cause as Error | undefined)?.message ?? (err as Error).message;
      throw ApplicationFailure.retryable(`fetching ${url} (attempt ${attempt} failed: ${reason})`, 'CrmSyncUnavailable');
    }
    const text = await res.text();
    if (!res.ok) {
      throw ApplicationFailure.retryable(`fetching ${url} (attempt ${attempt} failed: HTTP ${res.status})`, 'CrmSyncUnavailable', {
        status: res.status,
        body: text.slice(0, 500),
      });
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw ApplicationFailure.nonRetryable(`CRM payload from ${url}: body: not JSON`, CRM_SYNC_INVALID_PAYLOAD);
    }
    const parsed = crmSuppressionPayload.safeParse(json);
    if (!parsed.success) {
      throw ApplicationFailure.nonRetryable(`CRM payload from ${url}: ${describeIssues(parsed.error)}`, CRM_SYNC_INVALID_PAYLOAD);
    }
    return parsed.data;
  }

  async function addRows(rows: Row[], reason: SuppressionReason): Promise<number> {
    let added = 0;
    for (let i = 0; i < rows.length; i += 500) {
      const chunk = rows.slice(i, i + 500);
      // Only ever adds: an existing suppression (any reason, any source) is left as it is.
      const inserted = await deps.db
        .insertInto('suppressions')
        .values(chunk.map((r) => ({ id: randomUUID(), kind: r.kind, value: r.value, reason, source: CRM_SYNC_SOURCE, created_at: deps.clock() })))
        .onConflict((oc) => oc.columns(['kind', 'value']).doNothing())
        .returning('id')
        .execute();
      added += inserted.length;
      Context.current().heartbeat({ stage: 'upserting', reason, done: i + chunk.length, of: rows.length });
    }
    return added;
  }

  return {
    /**
     * Pulls the do-not-contact and closed-lost lists from the CRM and adds every entry to `suppressions`
     * (source `crm-sync`). It never deletes: a failed or empty fetch leaves the list as it was. A
     * malformed payload fails without retry, naming the field, before anything is written.
     */
    async syncCrmSuppressions(): Promise<CrmSyncResult> {
      const source = deps.crmSync;
      if (!source) {
        throw ApplicationFailure.nonRetryable('this worker has no CRM endpoint configured (set CRM_SYNC_URL)', CRM_SYNC_NOT_CONFIGURED);
      }
      const info = Context.current().info;
      const payload = await fetchLists(source.url, source.token, source.timeoutMs ?? DEFAULT_TIMEOUT_MS, info.attempt);
      const dnc = toRows(payload.doNotContact);
      const lost = toRows(payload.closedLost);
      const warnings: string[] = [];
      if (dnc.length === 0 && lost.length === 0) {
        const earlier = await deps.db
          .selectFrom('suppressions')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('source', '=', CRM_SYNC_SOURCE)
          .executeTakeFirstOrThrow();
        if (Number(earlier.n) > 0) {
          warnings.push(`the CRM returned empty lists while ${earlier.n} entries came from earlier syncs; nothing was removed`);
        }
      }
      const doNotContact: CrmSyncListCounts = { received: dnc.length, added: await addRows(dnc, 'do-not-contact') };
      const closedLost: CrmSyncListCounts = { received: lost.length, added: await addRows(lost, 'closed-lost') };
      const syncedAt = deps.clock();
      await recordAudit(deps.db, {
        key: `suppressions.synced:${info.workflowExecution?.workflowId ?? info.activityId}:${info.workflowExecution?.runId ?? info.attempt}`,
        occurredAt: syncedAt,
        actor: 'component:crm-sync',
        action: 'suppressions.synced',
        details: { endpoint: source.url, doNotContact, closedLost, warnings, attempt: info.attempt },
      });
      return { endpoint: source.url, doNotContact, closedLost, warnings, syncedAt: syncedAt.toISOString() };
    },
  };
}
