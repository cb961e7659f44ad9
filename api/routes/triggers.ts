import { Router } from 'express';
import type { Db } from '../../db/connect';
import { normalizeEmail } from '../../db/repositories/prospects';
import { matchEnrollmentRule } from '../../db/repositories/routing';
import { principal, requireRole } from '../auth';
import type { ApiContext } from '../context';
import { HttpError } from '../errors';
import { enrollProspect, isDuplicateLead, recordSkippedEnrollment, type SkipReason, type TriggerContext } from '../use-cases/enroll';
import { listImportEnvelope, listImportLead, triggerRequest, type listImportRow } from '../schemas';
import { parse } from '../validate';
import type { z } from 'zod';

type RowOutcome = z.infer<typeof listImportRow>;

/** Leads of one list import enrolled at once; keeps a 1000-lead import quick without flooding the database pool. */
const IMPORT_CONCURRENCY = 4;

async function existingProspectId(db: Db, email: string): Promise<string | null> {
  const row = await db.selectFrom('prospects').select('id').where('normalized_email', '=', normalizeEmail(email)).executeTakeFirst();
  return row?.id ?? null;
}

export function triggerRoutes(ctx: ApiContext): Router {
  const { db } = ctx;
  const router = Router();

  // An integration reports what a person did; a matching enrollment rule enrolls them. A person already
  // in a cadence, or just out of one, is a skip (200, recorded), never a second cadence or an error.
  router.post('/v1/triggers', requireRole('integration', 'admin'), async (req, res) => {
    const body = parse(triggerRequest, req.body, 'body');
    const caller = principal(req);
    const requestedBy = `user:${caller.userId}`;
    const attributes: Record<string, string> = { ...(body.source !== undefined ? { source: body.source } : {}), ...body.attributes };
    const rule = await matchEnrollmentRule(db, body.type, attributes);
    const trigger: TriggerContext = {
      type: body.type,
      ruleId: rule?.id ?? '',
      ruleName: rule?.name ?? '',
      ...(body.source !== undefined ? { source: body.source } : {}),
      attributes: body.attributes,
      ...(body.occurredAt !== undefined ? { occurredAt: body.occurredAt } : {}),
    };
    if (!rule) {
      const prospectId = await existingProspectId(db, body.prospect.email);
      const message = `no active ${body.type} enrollment rule matches ${JSON.stringify(attributes)}`;
      await recordSkippedEnrollment(db, { reason: 'no-rule', prospectId, email: body.prospect.email, message, trigger: { ...trigger, ruleId: undefined, ruleName: undefined }, requestedBy });
      res.status(200).json({ enrolled: false, reason: 'no-rule', message, ruleId: null, prospectId });
      return;
    }
    try {
      const result = await enrollProspect(ctx, {
        cadenceId: rule.cadenceId,
        ownerId: body.ownerId,
        prospect: body.prospect,
        account: body.account,
        cooldownDays: rule.cooldownDays,
        trigger,
        requestedBy,
      });
      res.status(201).json({ enrolled: true, ruleId: rule.id, ...result });
    } catch (err) {
      if (isDuplicateLead(err)) {
        const details = err.details ?? {};
        const until = typeof details.until === 'string' ? details.until : undefined;
        const prospectId = typeof details.prospectId === 'string' ? details.prospectId : null;
        await recordSkippedEnrollment(db, { reason: err.code, prospectId, email: body.prospect.email, message: err.message, until, trigger, requestedBy });
        res.status(200).json({
          enrolled: false,
          reason: err.code,
          message: err.message,
          ...(until ? { until } : {}),
          ruleId: rule.id,
          prospectId,
          ...(typeof details.workflowId === 'string' ? { workflowId: details.workflowId } : {}),
        });
        return;
      }
      if (err instanceof HttpError && err.code === 'no-owner') {
        const prospectId = typeof err.details?.prospectId === 'string' ? err.details.prospectId : null;
        await recordSkippedEnrollment(db, { reason: 'no-owner', prospectId, email: body.prospect.email, message: err.message, trigger, requestedBy });
      }
      throw err;
    }
  });

  // A list of leads, validated and enrolled row by row: a bad row is reported with its line and the
  // field at fault, and never costs the good rows their enrollment.
  router.post('/v1/triggers/list-import', requireRole('rep', 'manager', 'admin', 'integration'), async (req, res) => {
    const body = parse(listImportEnvelope, req.body, 'body');
    const caller = principal(req);
    const requestedBy = `user:${caller.userId}`;
    const attributes: Record<string, string> = { listName: body.listName, ...(body.source !== undefined ? { source: body.source } : {}) };
    const rule = await matchEnrollmentRule(db, 'list_import', attributes);
    if (!rule) {
      throw new HttpError(422, 'no-rule', `no active list_import enrollment rule matches the list ${JSON.stringify(body.listName)}; nothing was imported`);
    }

    type Lead = z.infer<typeof listImportLead>;
    const rows: RowOutcome[] = new Array(body.leads.length);
    // Rows naming the same person (by normalized email) go one after another, in list order, so the
    // first line wins and the later ones are skipped as already enrolled, deterministically.
    const groups = new Map<string, Array<{ index: number; lead: Lead }>>();
    body.leads.forEach((raw, index) => {
      const line = index + 1;
      const parsed = listImportLead.safeParse(raw);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => ({ field: ['body', 'leads', index, ...i.path].join('.'), message: i.message }));
        rows[index] = {
          index,
          line,
          status: 'failed',
          reason: 'invalid',
          message: `line ${line}: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`,
          issues,
        };
        return;
      }
      const key = normalizeEmail(parsed.data.prospect.email);
      groups.set(key, [...(groups.get(key) ?? []), { index, lead: parsed.data }]);
    });
    if (groups.size === 0) {
      // Like a suppression import or a delivery-event batch: a list without one valid lead is refused, with the report.
      throw new HttpError(400, 'no-valid-leads', `none of the ${rows.length} leads is valid; nothing was imported`, {
        listName: body.listName,
        ruleId: rule.id,
        total: rows.length,
        enrolled: 0,
        skipped: 0,
        failed: rows.length,
        rows,
      });
    }

    const importOne = async (index: number, lead: Lead): Promise<RowOutcome> => {
      const line = index + 1;
      const trigger: TriggerContext = { type: 'list_import', ruleId: rule.id, ruleName: rule.name, listName: body.listName, line, ...(body.source ? { source: body.source } : {}) };
      try {
        const result = await enrollProspect(ctx, {
          cadenceId: rule.cadenceId,
          ownerId: lead.ownerId ?? (caller.role === 'rep' ? caller.userId : undefined),
          prospect: lead.prospect,
          account: lead.account,
          cooldownDays: rule.cooldownDays,
          trigger,
          requestedBy,
        });
        return { index, line, status: 'enrolled', email: lead.prospect.email, ...result };
      } catch (err) {
        if (!(err instanceof HttpError)) {
          ctx.log(`list import ${body.listName}, line ${line}: enrollment failed`, err);
          return { index, line, status: 'failed', reason: 'error', email: lead.prospect.email, message: `line ${line}: enrollment failed; see the server log` };
        }
        const details = err.details ?? {};
        const until = typeof details.until === 'string' ? details.until : undefined;
        const prospectId = typeof details.prospectId === 'string' ? details.prospectId : undefined;
        const workflowId = typeof details.workflowId === 'string' ? details.workflowId : undefined;
        const duplicate = isDuplicateLead(err);
        const reason = err.code;
        if (duplicate || reason === 'no-owner' || reason === 'invalid-owner') {
          await recordSkippedEnrollment(db, { reason: reason as SkipReason, prospectId, email: lead.prospect.email, message: err.message, until, trigger, requestedBy });
        }
        const issues = Array.isArray(details.issues)
          ? (details.issues as Array<{ field: string; message: string }>).map((i) => ({ ...i, field: i.field.replace(/^body\./, `body.leads.${index}.`) }))
          : undefined;
        return {
          index,
          line,
          status: duplicate ? 'skipped' : 'failed',
          reason,
          email: lead.prospect.email,
          message: `line ${line}: ${err.message}`,
          ...(issues ? { issues } : {}),
          ...(until ? { until } : {}),
          ...(prospectId ? { prospectId } : {}),
          ...(workflowId ? { workflowId } : {}),
        };
      }
    };

    const skipEnrolledAgain = async (index: number, lead: Lead, enrolled: RowOutcome): Promise<RowOutcome> => {
      const line = index + 1;
      const trigger: TriggerContext = { type: 'list_import', ruleId: rule.id, ruleName: rule.name, listName: body.listName, line, ...(body.source ? { source: body.source } : {}) };
      const { prospectId, workflowId } = enrolled as RowOutcome & { prospectId?: string; workflowId?: string };
      const message = `${lead.prospect.email} is already in a running cadence (${workflowId}), enrolled from line ${enrolled.line}`;
      await recordSkippedEnrollment(db, { reason: 'already-enrolled', prospectId, email: lead.prospect.email, message, trigger, requestedBy });
      return {
        index,
        line,
        status: 'skipped',
        reason: 'already-enrolled',
        email: lead.prospect.email,
        message: `line ${line}: ${message}`,
        ...(prospectId ? { prospectId } : {}),
        ...(workflowId ? { workflowId } : {}),
      };
    };

    const queue = [...groups.values()];
    const worker = async () => {
      for (let group = queue.shift(); group; group = queue.shift()) {
        let enrolled: RowOutcome | null = null;
        for (const { index, lead } of group) {
          // Once the person is enrolled, their later lines are skipped without asking Temporal again each time.
          rows[index] = enrolled ? await skipEnrolledAgain(index, lead, enrolled) : await importOne(index, lead);
          if (!enrolled && rows[index]!.status === 'enrolled') enrolled = rows[index]!;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(IMPORT_CONCURRENCY, queue.length) }, worker));

    const count = (status: RowOutcome['status']) => rows.filter((r) => r.status === status).length;
    res.status(200).json({
      listName: body.listName,
      ruleId: rule.id,
      total: rows.length,
      enrolled: count('enrolled'),
      skipped: count('skipped'),
      failed: count('failed'),
      rows,
    });
  });

  return router;
}
