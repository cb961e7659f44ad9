import { randomUUID } from 'node:crypto';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { Router } from 'express';
import { normalizeEmail } from '../../db/repositories/prospects';
import { cadenceWorkflowId, searchAttributes, type CadenceInput } from '../../workflows/definitions';
import { principal, requireRole } from '../auth';
import type { ApiContext } from '../context';
import { badRequest, conflict, notFound } from '../errors';
import { enrollRequest } from '../schemas';
import { parse } from '../validate';

export function enrollmentRoutes({ db, temporal, taskQueue }: ApiContext): Router {
  const router = Router();

  router.post('/v1/enrollments', requireRole('rep', 'manager', 'admin', 'integration'), async (req, res) => {
    const body = parse(enrollRequest, req.body, 'body');
    const caller = principal(req);
    const ownerId = body.ownerId ?? (caller.role === 'rep' ? caller.userId : undefined);
    if (!ownerId) throw badRequest('body.ownerId: required unless the caller is a rep', { issues: [{ field: 'body.ownerId', message: 'required' }] });
    const owner = await db.selectFrom('users').select(['id', 'name', 'role']).where('id', '=', ownerId).executeTakeFirst();
    if (!owner || !['rep', 'manager'].includes(owner.role)) throw badRequest(`body.ownerId: ${ownerId} is not a rep or manager`);
    const cadence = await db.selectFrom('cadences').select(['id', 'name']).where('id', '=', body.cadenceId).executeTakeFirst();
    if (!cadence) throw notFound(`cadence ${body.cadenceId} does not exist`);

    const email = normalizeEmail(body.prospect.email);
    const prospectId = await db.transaction().execute(async (tx) => {
      const account = await tx
        .insertInto('accounts')
        .values({
          id: randomUUID(),
          name: body.account.name,
          domain: body.account.domain,
          tier: body.account.tier,
          deal_value: body.account.dealValue,
          industry: body.account.industry ?? null,
          employee_count: body.account.employeeCount ?? null,
          attributes: JSON.stringify(body.account.attributes ?? {}),
        })
        .onConflict((oc) =>
          oc.column('domain').doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            ...(body.account.tier !== undefined ? { tier: eb.ref('excluded.tier') } : {}),
            ...(body.account.dealValue !== undefined ? { deal_value: eb.ref('excluded.deal_value') } : {}),
            ...(body.account.industry !== undefined ? { industry: eb.ref('excluded.industry') } : {}),
            ...(body.account.employeeCount !== undefined ? { employee_count: eb.ref('excluded.employee_count') } : {}),
            ...(body.account.attributes !== undefined ? { attributes: eb.ref('excluded.attributes') } : {}),
            updated_at: new Date(),
          })),
        )
        .returning('id')
        .executeTakeFirstOrThrow();
      const prospect = await tx
        .insertInto('prospects')
        .values({
          id: randomUUID(),
          email,
          normalized_email: email,
          first_name: body.prospect.firstName,
          last_name: body.prospect.lastName ?? null,
          title: body.prospect.title ?? null,
          timezone: body.prospect.timezone ?? null,
          account_id: account.id,
          attributes: JSON.stringify(body.prospect.attributes ?? {}),
        })
        .onConflict((oc) =>
          oc.column('email').doUpdateSet((eb) => ({
            first_name: eb.ref('excluded.first_name'),
            account_id: eb.ref('excluded.account_id'),
            ...(body.prospect.lastName !== undefined ? { last_name: eb.ref('excluded.last_name') } : {}),
            ...(body.prospect.title !== undefined ? { title: eb.ref('excluded.title') } : {}),
            ...(body.prospect.timezone !== undefined ? { timezone: eb.ref('excluded.timezone') } : {}),
            ...(body.prospect.attributes !== undefined ? { attributes: eb.ref('excluded.attributes') } : {}),
            updated_at: new Date(),
          })),
        )
        .returning('id')
        .executeTakeFirstOrThrow();
      return prospect.id;
    });

    const enrollmentId = randomUUID();
    const workflowId = cadenceWorkflowId(prospectId);
    const input: CadenceInput = { enrollmentId, prospectId, cadenceId: cadence.id, ownerId };
    try {
      const handle = await temporal.workflow.start('cadenceWorkflow', {
        taskQueue,
        workflowId,
        args: [input],
        workflowIdConflictPolicy: 'FAIL',
        workflowIdReusePolicy: 'ALLOW_DUPLICATE',
        typedSearchAttributes: [
          { key: searchAttributes.status, value: 'enrolled' },
          { key: searchAttributes.owner, value: ownerId },
          { key: searchAttributes.prospect, value: email },
          { key: searchAttributes.account, value: body.account.domain },
          { key: searchAttributes.awaitingApproval, value: false },
        ],
        staticSummary: `${cadence.name} for ${email} at ${body.account.name}, owned by ${owner.name}`,
      });
      res.status(201).json({ enrollmentId, prospectId, workflowId, runId: handle.firstExecutionRunId });
    } catch (err) {
      if (err instanceof WorkflowExecutionAlreadyStartedError) {
        throw conflict('already-enrolled', `${email} is already in a running cadence (${workflowId})`, { workflowId, prospectId });
      }
      throw err;
    }
  });

  return router;
}
