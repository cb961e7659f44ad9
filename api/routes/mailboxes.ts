import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import type { z } from 'zod';
import type { Db } from '../../db/connect';
import { recordAudit } from '../../db/repositories/audit';
import { healthBreaches, healthJson, mailboxHealth, stopIfUnhealthy } from '../../db/repositories/mailbox-health';
import { mailboxUsage } from '../../db/repositories/mailboxes';
import type { Mailbox } from '../../db/types';
import { mailboxListPage } from '../../db/repositories/pages';
import { principal, requireRole } from '../auth';
import { decodeCursor, pageOf } from '../pagination';
import type { ApiContext } from '../context';
import { badRequest, conflict, notFound } from '../errors';
import { mailboxParams, mailboxRequest, mailboxResumeRequest, pageQuery, type mailboxView } from '../schemas';
import { parse } from '../validate';

type MailboxRequest = z.output<typeof mailboxRequest>;
type MailboxView = z.output<typeof mailboxView>;

interface Settings {
  ownerId: string | null;
  dailyCap: number;
  hourlyCap: number;
  minGapSeconds: number;
  jitterSeconds: number;
  warmup: { startedAt: Date; startDaily: number; dailyIncrease: number } | null;
  bounceRateLimit: number;
  complaintRateLimit: number;
}

const SETTINGS: ReadonlyArray<keyof Settings> = ['ownerId', 'dailyCap', 'hourlyCap', 'minGapSeconds', 'jitterSeconds', 'warmup', 'bounceRateLimit', 'complaintRateLimit'];
/** What a new mailbox cannot do without; ownerId and warmup default to none. */
const REQUIRED_TO_CREATE: ReadonlyArray<keyof Settings> = ['dailyCap', 'hourlyCap', 'minGapSeconds', 'jitterSeconds', 'bounceRateLimit', 'complaintRateLimit'];

function settingsOf(m: Mailbox): Settings {
  return {
    ownerId: m.owner_id,
    dailyCap: m.daily_cap,
    hourlyCap: m.hourly_cap,
    minGapSeconds: m.min_gap_seconds,
    jitterSeconds: m.jitter_seconds,
    warmup:
      m.warmup_started_at && m.warmup_start_daily !== null
        ? { startedAt: m.warmup_started_at, startDaily: m.warmup_start_daily, dailyIncrease: m.warmup_daily_increase ?? 0 }
        : null,
    bounceRateLimit: m.bounce_rate_limit,
    complaintRateLimit: m.complaint_rate_limit,
  };
}

function settingsJson(s: Settings) {
  return { ...s, warmup: s.warmup ? { ...s.warmup, startedAt: s.warmup.startedAt.toISOString() } : null };
}

/** A mailbox with its settings, its use of the caps and its health figure, at `now`. */
export async function mailboxJson(db: Db, m: Mailbox, now: Date): Promise<MailboxView> {
  const [usage, health] = await Promise.all([mailboxUsage(db, m, now), mailboxHealth(db, m.address, now)]);
  const settings = settingsJson(settingsOf(m));
  return {
    address: m.address,
    status: m.status,
    stoppedReason: m.stopped_reason,
    stoppedAt: m.stopped_at?.toISOString() ?? null,
    stoppedBy: m.stopped_by,
    ...settings,
    usage,
    health: {
      ...healthJson(health),
      overLimit: healthBreaches(health, { bounceRateLimit: m.bounce_rate_limit, complaintRateLimit: m.complaint_rate_limit }).map((b) => b.figure),
    },
    createdAt: m.created_at.toISOString(),
    updatedAt: m.updated_at.toISOString(),
  };
}

interface Issue {
  field: string;
  message: string;
}

/** The settings after the request: what it gives replaces, the rest is kept; a new warmup without a start starts now. */
function merge(current: Settings | null, body: MailboxRequest, now: Date): Partial<Settings> {
  const next: Partial<Settings> = current ? { ...current } : { ownerId: null, warmup: null };
  for (const key of SETTINGS) {
    const value = body[key];
    if (value === undefined) continue;
    if (key === 'warmup') {
      const w = body.warmup!;
      next.warmup = w === null ? null : { startedAt: w.startedAt ? new Date(w.startedAt) : now, startDaily: w.startDaily, dailyIncrease: w.dailyIncrease };
    } else {
      (next as Record<string, unknown>)[key] = value;
    }
  }
  return next;
}

/** What is wrong with the settings as a whole: each issue names the field, and the other setting it clashes with. */
async function settingsIssues(db: Db, address: string, current: Settings | null, body: MailboxRequest, next: Partial<Settings>): Promise<Issue[]> {
  const issues: Issue[] = [];
  if (!current) {
    for (const key of REQUIRED_TO_CREATE) {
      if (body[key] === undefined) issues.push({ field: `body.${key}`, message: `is required to create the mailbox ${address} (it does not exist yet)` });
    }
  }
  const kept = (key: keyof Settings) => (body[key] === undefined ? ' (its current value)' : '');
  if (next.hourlyCap !== undefined && next.dailyCap !== undefined && next.hourlyCap > next.dailyCap) {
    issues.push({
      field: body.hourlyCap !== undefined ? 'body.hourlyCap' : 'body.dailyCap',
      message: `hourlyCap ${next.hourlyCap}${kept('hourlyCap')} is above dailyCap ${next.dailyCap}${kept('dailyCap')}; the hourly cap must be at most the daily cap`,
    });
  }
  if (body.warmup && next.dailyCap !== undefined && body.warmup.startDaily > next.dailyCap) {
    issues.push({
      field: 'body.warmup.startDaily',
      message: `warmup.startDaily ${body.warmup.startDaily} is above dailyCap ${next.dailyCap}${kept('dailyCap')}; the ramp starts at or below the daily cap`,
    });
  }
  if (body.ownerId) {
    const owner = await db.selectFrom('users').select('id').where('id', '=', body.ownerId).executeTakeFirst();
    if (!owner) issues.push({ field: 'body.ownerId', message: `there is no user "${body.ownerId}"` });
  }
  return issues;
}

function changedSettings(before: Settings | null, after: Settings): Array<keyof Settings> {
  if (!before) return [...SETTINGS];
  const b = settingsJson(before);
  const a = settingsJson(after);
  return SETTINGS.filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]));
}

class CreatedConcurrently extends Error {}

export function mailboxRoutes({ db }: ApiContext): Router {
  const router = Router();

  router.get('/v1/mailboxes', requireRole('manager', 'admin'), async (req, res) => {
    const query = parse(pageQuery, req.query, 'query');
    const now = new Date();
    const rows = await mailboxListPage(db, { after: decodeCursor(query.cursor, 'mailboxes', 1), fetch: query.limit + 1 }).execute();
    const page = pageOf(rows, query.limit, 'mailboxes', (m) => [m.address]);
    res.json({ items: await Promise.all(page.items.map((m) => mailboxJson(db, m, now))), nextCursor: page.nextCursor });
  });

  router.get('/v1/mailboxes/:address', requireRole('manager', 'admin'), async (req, res) => {
    const { address } = parse(mailboxParams, req.params, 'params');
    const m = await db.selectFrom('mailboxes').selectAll().where('address', '=', address).executeTakeFirst();
    if (!m) throw notFound(`there is no mailbox ${address}`);
    res.json(await mailboxJson(db, m, new Date()));
  });

  // Create, or change what the body gives. A change of a health limit re-evaluates the figure at once,
  // so a limit lowered below the mailbox's current rate stops it as a new bounce would.
  router.put('/v1/mailboxes/:address', requireRole('admin'), async (req, res) => {
    const { address } = parse(mailboxParams, req.params, 'params');
    // The settings to create or change, even if only {} (change nothing): a PUT without a body is a mistake.
    if (req.body === undefined) throw badRequest('body: is required: the settings to create the mailbox with or to change ({} changes nothing)');
    const body = parse(mailboxRequest, req.body, 'body');
    const actor = `user:${principal(req).userId}`;
    const now = new Date();
    const put = () =>
      db.transaction().execute(async (tx) => {
        const row = await tx.selectFrom('mailboxes').selectAll().where('address', '=', address).forUpdate().executeTakeFirst();
        const current = row ? settingsOf(row) : null;
        const next = merge(current, body, now);
        const issues = await settingsIssues(tx, address, current, body, next);
        if (issues.length > 0) throw badRequest(issues.map((i) => `${i.field}: ${i.message}`).join('; '), { issues });
        const s = next as Settings;
        const columns = {
          owner_id: s.ownerId,
          daily_cap: s.dailyCap,
          hourly_cap: s.hourlyCap,
          min_gap_seconds: s.minGapSeconds,
          jitter_seconds: s.jitterSeconds,
          warmup_started_at: s.warmup?.startedAt ?? null,
          warmup_start_daily: s.warmup?.startDaily ?? null,
          warmup_daily_increase: s.warmup?.dailyIncrease ?? null,
          bounce_rate_limit: s.bounceRateLimit,
          complaint_rate_limit: s.complaintRateLimit,
        };
        const changed = changedSettings(current, s);
        if (!row) {
          const inserted = await tx
            .insertInto('mailboxes')
            .values({ address, ...columns, created_at: now, updated_at: now })
            .onConflict((oc) => oc.column('address').doNothing())
            .returning('address')
            .executeTakeFirst();
          // The sender created it with the defaults meanwhile (its first send): this becomes a change of those.
          if (!inserted) throw new CreatedConcurrently();
        } else if (changed.length > 0) {
          await tx.updateTable('mailboxes').set({ ...columns, updated_at: now }).where('address', '=', address).execute();
        }
        if (changed.length > 0) {
          await recordAudit(tx, {
            key: `mailbox:${address}:${row ? 'changed' : 'created'}:${randomUUID()}`,
            occurredAt: now,
            actor,
            action: row ? 'mailbox.changed' : 'mailbox.created',
            details: { address, changed, before: current ? settingsJson(current) : null, after: settingsJson(s) },
          });
        }
        return { created: !row, limitsChanged: changed.some((k) => k === 'bounceRateLimit' || k === 'complaintRateLimit') };
      });
    let outcome;
    try {
      outcome = await put();
    } catch (err) {
      if (!(err instanceof CreatedConcurrently)) throw err;
      outcome = await put();
    }
    if (outcome.limitsChanged) await stopIfUnhealthy(db, address, now);
    const m = await db.selectFrom('mailboxes').selectAll().where('address', '=', address).executeTakeFirstOrThrow();
    res.status(outcome.created ? 201 : 200).json(await mailboxJson(db, m, now));
  });

  router.post('/v1/mailboxes/:address/resume', requireRole('manager', 'admin'), async (req, res) => {
    const { address } = parse(mailboxParams, req.params, 'params');
    const { reason } = parse(mailboxResumeRequest, req.body, 'body');
    const caller = principal(req);
    const now = new Date();
    await db.transaction().execute(async (tx) => {
      const m = await tx.selectFrom('mailboxes').selectAll().where('address', '=', address).forUpdate().executeTakeFirst();
      if (!m) throw notFound(`there is no mailbox ${address}`);
      if (m.status !== 'stopped') throw conflict('not-stopped', `the mailbox ${address} is ${m.status}, not stopped; there is nothing to resume`);
      await tx
        .updateTable('mailboxes')
        .set({ status: 'active', stopped_reason: null, stopped_at: null, stopped_by: null, updated_at: now })
        .where('address', '=', address)
        .execute();
      const health = await mailboxHealth(tx, address, now);
      await recordAudit(tx, {
        // One resume per stop.
        key: `mailbox.resumed:${address}:${m.stopped_at?.getTime() ?? now.getTime()}`,
        occurredAt: now,
        actor: `user:${caller.userId}`,
        action: 'mailbox.resumed',
        details: {
          address,
          reason,
          resumedBy: { id: caller.userId, name: caller.name, role: caller.role },
          stopped: { reason: m.stopped_reason, at: m.stopped_at?.toISOString() ?? null, by: m.stopped_by },
          // Resuming does not reset the figure: the next hard bounce or complaint while it is above a limit stops the mailbox again.
          health: {
            ...healthJson(health),
            overLimit: healthBreaches(health, { bounceRateLimit: m.bounce_rate_limit, complaintRateLimit: m.complaint_rate_limit }).map((b) => b.figure),
          },
        },
      });
    });
    const m = await db.selectFrom('mailboxes').selectAll().where('address', '=', address).executeTakeFirstOrThrow();
    res.json(await mailboxJson(db, m, now));
  });

  return router;
}
