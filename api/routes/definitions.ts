import { createHash, randomUUID } from 'node:crypto';
import { Router } from 'express';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db } from '../../db/connect';
import { contentHash } from '../../db/content-hash';
import { recordAudit } from '../../db/repositories/audit';
import type { DrafterKind, StepKind, StepTimingJson } from '../../db/types';
import { hasAiSlots } from '../../activities/ai/framework';
import { validateStepTiming } from '../../workflows/business-time';
import { cadenceListPage } from '../../db/repositories/pages';
import { principal, requireRole } from '../auth';
import { decodeCursor, pageOf } from '../pagination';
import type { ApiContext } from '../context';
import { badRequest, conflict, HttpError, notFound } from '../errors';
import {
  pageQuery,
  cadenceDefinitionRequest,
  cadenceIdParam,
  holidayDeleteQuery,
  holidayListQuery,
  holidayParams,
  holidayRequest,
  idParam,
  type cadenceDefinition,
  type cadenceStepInput,
} from '../schemas';
import { parse } from '../validate';

type DefinitionRequest = z.output<typeof cadenceDefinitionRequest>;
type StepInput = z.output<typeof cadenceStepInput>;
type DefinitionResponse = z.output<typeof cadenceDefinition>;
interface Issue {
  field: string;
  message: string;
}
/** A template's stored content; the framework fields only when given, so plain templates compare as before. */
interface Content {
  subject: string;
  body: string;
  instructions?: string;
  dos?: string[];
  donts?: string[];
}

function canonicalContent(c: { subject: string; body: string; instructions?: string | null; dos?: string[]; donts?: string[] }): Content {
  return {
    subject: c.subject,
    body: c.body,
    ...(c.instructions ? { instructions: c.instructions } : {}),
    ...(c.dos?.length ? { dos: [...c.dos] } : {}),
    ...(c.donts?.length ? { donts: [...c.donts] } : {}),
  };
}

/** The definition in the form it is stored in, and compared in: a re-PUT is the same when this is. */
interface CanonicalStep {
  kind: StepKind;
  delaySeconds: number;
  timing: StepTimingJson | null;
  taskSlaMinutes: number | null;
  instructions: string | null;
  template: Content | null;
  variants: Array<{ variant: string; template: Content }>;
  /** Only when the step names one, so definitions without it compare as before. */
  drafter?: DrafterKind;
}
interface CanonicalDefinition {
  name: string;
  steps: CanonicalStep[];
}

const EMAIL_KINDS: readonly StepKind[] = ['email', 'manual_email'];
const UNIT_SECONDS = { minutes: 60, hours: 3600 } as const;
const TIMING_FIELDS = /^(delay\.amount|delay\.unit|delay|window\.days|window\.start|window\.end|window)\b/;

/**
 * `{{name}}` or `{{name|fallback}}`, anchored at the `{{` (the drafter's own pattern, activities/drafter.ts):
 * anything else starting with `{{` would go to the prospect verbatim.
 */
const MERGE_FIELD_AT = /\{\{\s*(?:ai:[A-Za-z][A-Za-z0-9_-]*\s*(?:\|[^|}]*)?(?:\|\s*max\s*=\s*\d+\s*)?|[A-Za-z][A-Za-z0-9_.]*\s*(?:\|[^}]*)?)\}\}/y;

/** Where a text's merge fields are malformed: an unclosed or unparsable `{{`, or a `}}` closing nothing. */
export function mergeFieldProblem(text: string): string | null {
  let i = 0;
  for (;;) {
    const open = text.indexOf('{{', i);
    const close = text.indexOf('}}', i);
    if (close !== -1 && (open === -1 || close < open)) {
      return `unbalanced merge field: "}}" at character ${close + 1} closes no "{{"; write {{name}} or {{name|fallback}}`;
    }
    if (open === -1) return null;
    MERGE_FIELD_AT.lastIndex = open;
    const match = MERGE_FIELD_AT.exec(text);
    if (!match) {
      const snippet = text.slice(open, open + 30).split('\n')[0];
      return `unbalanced merge field at character ${open + 1} (${JSON.stringify(snippet)}): write {{name}}, {{name|fallback}} or an AI slot {{ai:NAME|instruction}}`;
    }
    i = open + match[0].length;
  }
}

/** The rules zod's shapes cannot say, each issue naming its field; and the stored form of each step. */
function canonicalize(body: DefinitionRequest): { definition: CanonicalDefinition; issues: Issue[] } {
  const issues: Issue[] = [];
  const steps = body.steps.map((step, index) => canonicalStep(step, `body.steps.${index}`, issues));
  return { definition: { name: body.name, steps }, issues };
}

function canonicalStep(step: StepInput, at: string, issues: Issue[]): CanonicalStep {
  const isEmail = EMAIL_KINDS.includes(step.kind);
  if (isEmail && !step.template && !step.variants) {
    issues.push({ field: `${at}.template`, message: `a ${step.kind} step needs a template (or variants)` });
  }
  if (!isEmail) {
    if (step.template) issues.push({ field: `${at}.template`, message: `a ${step.kind} step is a task for the rep and takes no template` });
    if (step.variants) issues.push({ field: `${at}.variants`, message: `a ${step.kind} step is a task for the rep and takes no variants` });
  } else {
    if (step.taskSlaMinutes !== undefined) issues.push({ field: `${at}.taskSlaMinutes`, message: `only call, linkedin and meeting steps are tasks with an SLA; a ${step.kind} step waits on its approval policy` });
    if (step.instructions !== undefined) issues.push({ field: `${at}.instructions`, message: `only call, linkedin and meeting steps show instructions (on their task); a ${step.kind} step has none` });
  }
  const checkText = (content: Content | undefined, where: string) => {
    if (!content) return;
    for (const field of ['subject', 'body'] as const) {
      const problem = mergeFieldProblem(content[field]);
      if (problem) issues.push({ field: `${where}.${field}`, message: problem });
    }
    if (step.drafter === 'template' && hasAiSlots(content)) {
      issues.push({ field: `${at}.drafter`, message: 'the template drafter cannot write AI slots ({{ai:…}}); name local or openai, or leave the drafter to the deployment' });
    }
    if (!hasAiSlots(content) && (content.instructions || content.dos?.length || content.donts?.length)) {
      issues.push({ field: `${where}.instructions`, message: 'instructions, dos and donts are for a framework, whose text has AI slots ({{ai:NAME|instruction}}); this text has none' });
    }
  };
  if (!isEmail && step.drafter !== undefined) issues.push({ field: `${at}.drafter`, message: `a ${step.kind} step is a task for the rep and has no drafter` });
  checkText(step.template, `${at}.template`);
  const seen = new Set<string>();
  step.variants?.forEach((v, i) => {
    checkText(v.template, `${at}.variants.${i}.template`);
    if (seen.has(v.variant)) issues.push({ field: `${at}.variants.${i}.variant`, message: `variant ${JSON.stringify(v.variant)} is given twice` });
    seen.add(v.variant);
  });

  // Plain elapsed minutes or hours are a delay_seconds; calendar days, business time or a window are a timing.
  let timing: StepTimingJson | null = null;
  let delaySeconds = 0;
  const delay = step.delay ? { amount: step.delay.amount, unit: step.delay.unit } : null;
  if (step.window || (delay && !(delay.unit in UNIT_SECONDS))) {
    timing = {
      delay: delay ?? { amount: 0, unit: 'minutes' },
      window: step.window ? { days: [...new Set(step.window.days)].sort((a, b) => a - b), start: step.window.start, end: step.window.end } : null,
    };
    try {
      validateStepTiming(timing);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const field = TIMING_FIELDS.exec(message)?.[1];
      issues.push({ field: field ? `${at}.${field}` : at, message });
    }
  } else if (delay) {
    try {
      validateStepTiming({ delay, window: null });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      issues.push({ field: `${at}.${TIMING_FIELDS.exec(message)?.[1] ?? 'delay'}`, message });
    }
    delaySeconds = delay.amount * UNIT_SECONDS[delay.unit as keyof typeof UNIT_SECONDS];
    if (!Number.isInteger(delaySeconds)) {
      issues.push({ field: `${at}.delay.amount`, message: `a plain delay of ${delay.amount} ${delay.unit} must come to whole seconds` });
    }
  }
  return {
    kind: step.kind,
    delaySeconds,
    timing,
    taskSlaMinutes: step.taskSlaMinutes ?? null,
    instructions: step.instructions ?? null,
    template: step.template ? canonicalContent(step.template) : null,
    variants: (step.variants ?? [])
      .map((v) => ({ variant: v.variant, template: canonicalContent(v.template) }))
      .sort((a, b) => (a.variant < b.variant ? -1 : a.variant > b.variant ? 1 : 0)),
    ...(step.drafter ? { drafter: step.drafter } : {}),
  };
}

/** Rebuilt with a fixed key order: jsonb does not keep the order it was given. */
function canonicalTiming(t: StepTimingJson | null): StepTimingJson | null {
  if (!t) return null;
  return {
    delay: { amount: t.delay.amount, unit: t.delay.unit },
    window: t.window ? { days: [...t.window.days], start: t.window.start, end: t.window.end } : null,
  };
}

function definitionHash(d: CanonicalDefinition): string {
  return 'sha256:' + createHash('sha256').update(JSON.stringify(d)).digest('hex');
}

/** Up to `limit` paths where two definitions differ, for the 409 message. */
function differences(a: unknown, b: unknown, path = '', out: string[] = [], limit = 10): string[] {
  if (out.length >= limit) return out;
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    if (Array.isArray(a) && Array.isArray(b) && a.length !== b.length) {
      out.push(`${path || '.'} (${b.length} given, ${a.length} stored)`);
      return out;
    }
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    for (const k of keys) differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path ? `${path}.${k}` : k, out, limit);
    return out;
  }
  if (JSON.stringify(a) !== JSON.stringify(b)) out.push(path || '.');
  return out;
}

function templateOut(t: { id: string; name: string; version: number; subject: string; body: string; approved: boolean; instructions: string | null; dos: string[]; donts: string[] }) {
  return { id: t.id, name: t.name, version: t.version, subject: t.subject, body: t.body, approved: t.approved, contentHash: contentHash(t), instructions: t.instructions, dos: t.dos, donts: t.donts };
}

function requestDelay(delaySeconds: number, timing: StepTimingJson | null): { amount: number; unit: StepTimingJson['delay']['unit'] } | null {
  if (timing) return { amount: timing.delay.amount, unit: timing.delay.unit };
  if (delaySeconds <= 0) return null;
  return delaySeconds % 3600 === 0 ? { amount: delaySeconds / 3600, unit: 'hours' } : { amount: delaySeconds / 60, unit: 'minutes' };
}

/** A cadence as stored, with its steps, templates and variants; null when there is no such cadence. */
async function loadDefinition(db: Db, id: string): Promise<{ response: DefinitionResponse; canonical: CanonicalDefinition } | null> {
  const cadence = await db.selectFrom('cadences').select(['id', 'name', 'created_at']).where('id', '=', id).executeTakeFirst();
  if (!cadence) return null;
  const steps = await db.selectFrom('cadence_steps').selectAll().where('cadence_id', '=', id).orderBy('position').execute();
  const variants = await db
    .selectFrom('cadence_step_variants')
    .select(['position', 'variant', 'template_id'])
    .where('cadence_id', '=', id)
    .orderBy('position')
    .orderBy('variant')
    .execute();
  const templateIds = [...new Set([...steps.map((s) => s.template_id), ...variants.map((v) => v.template_id)].filter((t): t is string => !!t))];
  const templates = templateIds.length
    ? await db.selectFrom('templates').select(['id', 'name', 'version', 'subject', 'body', 'approved', 'instructions', 'dos', 'donts']).where('id', 'in', templateIds).execute()
    : [];
  const byId = new Map(templates.map((t) => [t.id, t]));
  const template = (templateId: string | null) => {
    const t = templateId ? byId.get(templateId) : undefined;
    return t ? templateOut(t) : null;
  };
  const stepVariants = (position: number) =>
    variants
      .filter((v) => v.position === position)
      .flatMap((v) => {
        const t = template(v.template_id);
        return t ? [{ variant: v.variant, template: t }] : [];
      })
      .sort((a, b) => (a.variant < b.variant ? -1 : a.variant > b.variant ? 1 : 0));

  const responseSteps = steps.map((s) => {
    const timing = canonicalTiming(s.timing);
    return {
      position: s.position,
      kind: s.kind,
      delay: requestDelay(s.delay_seconds, timing),
      window: timing?.window ?? null,
      delaySeconds: s.delay_seconds,
      timing,
      taskSlaMinutes: s.task_sla_minutes,
      instructions: s.instructions,
      template: template(s.template_id),
      variants: stepVariants(s.position),
      drafter: s.drafter,
    };
  });
  return {
    response: { id: cadence.id, name: cadence.name, createdAt: cadence.created_at.toISOString(), steps: responseSteps },
    canonical: {
      name: cadence.name,
      steps: responseSteps.map((s) => ({
        kind: s.kind,
        delaySeconds: s.delaySeconds,
        timing: s.timing,
        taskSlaMinutes: s.taskSlaMinutes,
        instructions: s.instructions,
        template: s.template ? canonicalContent(s.template) : null,
        variants: s.variants.map((v) => ({ variant: v.variant, template: canonicalContent(v.template) })),
        ...(s.drafter ? { drafter: s.drafter } : {}),
      })),
    },
  };
}

const isUniqueViolation = (err: unknown) => typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23505';

/**
 * Managers and admins define cadences (steps, timing, templates, A/B variants) and holidays. A cadence
 * definition is immutable once created: running cadences and their history refer to it, so a change
 * is a new cadence id. Templates defined here are approved by the act of defining them.
 */
export function definitionRoutes({ db }: ApiContext): Router {
  const router = Router();

  router.get('/v1/cadences', requireRole('rep', 'manager', 'admin'), async (req, res) => {
    const query = parse(pageQuery, req.query, 'query');
    const rows = await cadenceListPage(db, { after: decodeCursor(query.cursor, 'cadences', 2), fetch: query.limit + 1 }).execute();
    const page = pageOf(rows, query.limit, 'cadences', (r) => [r.page_at, r.id]);
    res.json({ items: page.items.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at.toISOString(), steps: Number(r.steps ?? 0) })), nextCursor: page.nextCursor });
  });

  router.get('/v1/cadences/:id', requireRole('rep', 'manager', 'admin'), async (req, res) => {
    const { id } = parse(idParam, req.params, 'params');
    const found = await loadDefinition(db, id);
    if (!found) throw notFound(`cadence ${id} does not exist`);
    res.json(found.response);
  });

  router.put('/v1/cadences/:id', requireRole('manager', 'admin'), async (req, res) => {
    const { id } = parse(cadenceIdParam, req.params, 'params');
    const body = parse(cadenceDefinitionRequest, req.body, 'body');
    const caller = principal(req);
    const { definition, issues } = canonicalize(body);
    if (issues.length) throw badRequest(issues.map((i) => `${i.field}: ${i.message}`).join('; '), { issues });

    /** 200 with the stored definition when it is this one, 409 cadence-exists when it is not. */
    const existing = async (): Promise<DefinitionResponse | null> => {
      const stored = await loadDefinition(db, id);
      if (!stored) return null;
      const diff = differences(stored.canonical, definition);
      if (diff.length === 0) return stored.response;
      throw conflict(
        'cadence-exists',
        `cadence ${id} already exists with a different definition (differs at ${diff.join(', ')}); definitions are immutable once created, because running cadences and their history refer to them: define the change under a new cadence id`,
        { differences: diff },
      );
    };

    const same = await existing();
    if (same) {
      res.status(200).json(same);
      return;
    }

    const actor = `user:${caller.userId}`;
    const now = new Date();
    try {
      await db.transaction().execute(async (trx) => {
        // First, so a concurrent definition of the same id waits here and then fails on the key.
        await trx.insertInto('cadences').values({ id, name: definition.name, created_at: now }).execute();
        const templates: Array<{ id: string; position: number; variant: string | null; content: Content }> = [];
        definition.steps.forEach((step, i) => {
          const position = i + 1;
          if (step.template) templates.push({ id: `${id}.step-${position}`, position, variant: null, content: step.template });
          for (const v of step.variants) templates.push({ id: `${id}.step-${position}.${v.variant}`, position, variant: v.variant, content: v.template });
        });
        if (templates.length) {
          const taken = await trx
            .selectFrom('templates')
            .select('id')
            .where((eb) => eb.or([eb('id', 'in', templates.map((t) => t.id)), eb('name', 'in', templates.map((t) => t.id))]))
            .execute();
          if (taken.length) {
            throw conflict('template-exists', `template ${taken.map((t) => t.id).join(', ')} already exists; define the cadence under another id`);
          }
          await trx
            .insertInto('templates')
            .values(
              templates.map((t) => ({
                id: t.id,
                name: t.id,
                version: 1,
                subject: t.content.subject,
                body: t.content.body,
                instructions: t.content.instructions ?? null,
                dos: JSON.stringify(t.content.dos ?? []),
                donts: JSON.stringify(t.content.donts ?? []),
                approved: true,
                created_at: now,
              })),
            )
            .execute();
        }
        await trx
          .insertInto('cadence_steps')
          .values(
            definition.steps.map((step, i) => ({
              cadence_id: id,
              position: i + 1,
              kind: step.kind,
              delay_seconds: step.delaySeconds,
              timing: step.timing ? JSON.stringify(step.timing) : null,
              task_sla_minutes: step.taskSlaMinutes,
              instructions: step.instructions,
              template_id: step.template ? `${id}.step-${i + 1}` : null,
              drafter: step.drafter ?? null,
            })),
          )
          .execute();
        const variantRows = templates.filter((t) => t.variant !== null);
        if (variantRows.length) {
          await trx
            .insertInto('cadence_step_variants')
            .values(variantRows.map((t) => ({ cadence_id: id, position: t.position, variant: t.variant!, template_id: t.id })))
            .execute();
        }
        // Defining a template here is its approval: who approved exactly which content, by hash.
        for (const t of templates) {
          await recordAudit(trx, {
            key: `template:${t.id}:v1:template.approved`,
            occurredAt: now,
            actor,
            action: 'template.approved',
            step: t.position,
            contentHash: contentHash(t.content),
            // A framework's instructions and do/don't list are approved with its text.
            details: {
              templateId: t.id,
              version: 1,
              cadenceId: id,
              position: t.position,
              variant: t.variant,
              ...(t.content.instructions || t.content.dos || t.content.donts ? { framework: { instructions: t.content.instructions ?? null, dos: t.content.dos ?? [], donts: t.content.donts ?? [] } } : {}),
            },
          });
        }
        await recordAudit(trx, {
          key: `cadence:${id}:cadence.defined`,
          occurredAt: now,
          actor,
          action: 'cadence.defined',
          details: {
            cadenceId: id,
            name: definition.name,
            steps: definition.steps.map((s, i) => ({ position: i + 1, kind: s.kind, variants: s.variants.map((v) => v.variant) })),
            templates: templates.map((t) => t.id),
            definitionHash: definitionHash(definition),
          },
        });
      });
    } catch (err) {
      // Someone defined the same id at the same moment: theirs stands; this PUT is a repeat of it or a conflict.
      if (!(err instanceof HttpError) && isUniqueViolation(err)) {
        const raced = await existing();
        if (raced) {
          res.status(200).json(raced);
          return;
        }
      }
      throw err;
    }
    const created = await loadDefinition(db, id);
    res.status(201).json(created!.response);
  });

  // --- holidays ---

  router.get('/v1/holidays', requireRole('rep', 'manager', 'admin'), async (req, res) => {
    const query = parse(holidayListQuery, req.query, 'query');
    if (query.from && query.to && query.from > query.to) throw badRequest(`query.to: ${query.to} is before query.from (${query.from})`, { issues: [{ field: 'query.to', message: 'must not be before from' }] });
    let rows = db.selectFrom('holidays').select(['calendar', 'name', sql<string>`to_char(date, 'YYYY-MM-DD')`.as('day')]);
    if (query.from) rows = rows.where('date', '>=', query.from);
    if (query.to) rows = rows.where('date', '<=', query.to);
    if (query.calendar) rows = rows.where('calendar', '=', query.calendar);
    const holidays = await rows.orderBy('date').orderBy('calendar').execute();
    res.json({ items: holidays.map((h) => ({ date: h.day, name: h.name, calendar: h.calendar })) });
  });

  router.put('/v1/holidays/:date', requireRole('manager', 'admin'), async (req, res) => {
    const { date } = parse(holidayParams, req.params, 'params');
    const body = parse(holidayRequest, req.body, 'body');
    const actor = `user:${principal(req).userId}`;
    const status = await db.transaction().execute(async (trx) => {
      const now = new Date();
      const inserted = await trx
        .insertInto('holidays')
        .values({ calendar: body.calendar, date, name: body.name })
        .onConflict((oc) => oc.columns(['calendar', 'date']).doNothing())
        .returning('name')
        .executeTakeFirst();
      const details = { calendar: body.calendar, date, name: body.name };
      if (inserted) {
        await recordAudit(trx, { key: `holiday:${body.calendar}:${date}:added:${randomUUID()}`, occurredAt: now, actor, action: 'holiday.added', details });
        return 201;
      }
      const current = await trx
        .selectFrom('holidays')
        .select('name')
        .where('calendar', '=', body.calendar)
        .where('date', '=', date)
        .forUpdate()
        .executeTakeFirstOrThrow();
      if (current.name !== body.name) {
        await trx.updateTable('holidays').set({ name: body.name }).where('calendar', '=', body.calendar).where('date', '=', date).execute();
        await recordAudit(trx, {
          key: `holiday:${body.calendar}:${date}:renamed:${randomUUID()}`,
          occurredAt: now,
          actor,
          action: 'holiday.renamed',
          details: { ...details, previousName: current.name },
        });
      }
      return 200;
    });
    res.status(status).json({ date, name: body.name, calendar: body.calendar });
  });

  router.delete('/v1/holidays/:date', requireRole('manager', 'admin'), async (req, res) => {
    const { date } = parse(holidayParams, req.params, 'params');
    const { calendar } = parse(holidayDeleteQuery, req.query, 'query');
    const actor = `user:${principal(req).userId}`;
    await db.transaction().execute(async (trx) => {
      const removed = await trx.deleteFrom('holidays').where('calendar', '=', calendar).where('date', '=', date).returning('name').executeTakeFirst();
      if (!removed) throw notFound(`there is no holiday on ${date} in the calendar ${calendar}`);
      await recordAudit(trx, {
        key: `holiday:${calendar}:${date}:removed:${randomUUID()}`,
        occurredAt: new Date(),
        actor,
        action: 'holiday.removed',
        details: { calendar, date, name: removed.name },
      });
    });
    res.status(204).end();
  });

  return router;
}
