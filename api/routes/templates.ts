import { Router } from 'express';
import { distance } from 'fastest-levenshtein';
import type { z } from 'zod';
import { contentHash } from '../../db/content-hash';
import { recordAudit } from '../../db/repositories/audit';
import { principal, requireRole } from '../auth';
import type { ApiContext } from '../context';
import { conflict, forbidden, notFound } from '../errors';
import { idParam, promoteTemplateRequest, type promotedTemplate } from '../schemas';
import { parse } from '../validate';

/** `{{field}}` or `{{field|fallback}}`: the drafter's own pattern (activities/drafter.ts). */
const MERGE_FIELD = /\{\{\s*([A-Za-z][A-Za-z0-9_.]*)\s*(?:\|([^}]*))?\}\}/g;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Restored {
  field: string;
  value: string;
  occurrences: number;
}

/**
 * The rep's text as a template: wherever it still says what one of the template's merge fields said for
 * this prospect (their name, their company, a fallback), the merge field goes back in, so the next
 * prospect is not greeted with this one's name. Longer values first; whole words only.
 */
export function restoreMergeFields(text: { subject: string; body: string }, template: { subject: string; body: string }, fields: Record<string, unknown>) {
  const byValue = new Map<string, { token: string; field: string }>();
  for (const m of `${template.subject}\n${template.body}`.matchAll(MERGE_FIELD)) {
    const [token, field, fallback] = m as unknown as [string, string, string | undefined];
    const raw = fields[field];
    const value = typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : fallback?.trim();
    if (value && value.length >= 2 && !byValue.has(value)) byValue.set(value, { token, field });
  }
  const values = [...byValue.keys()].sort((a, b) => b.length - a.length);
  const restored: Restored[] = [];
  const marks: string[] = [];
  let { subject, body } = text;
  for (const value of values) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}_])${escapeRegExp(value)}(?![\\p{L}\\p{N}_])`, 'gu');
    let occurrences = 0;
    // A placeholder first (a private-use character), so a shorter value never matches inside a merge field already put back.
    const mark = String.fromCharCode(0xe000 + marks.length);
    subject = subject.replace(re, () => (occurrences++, mark));
    body = body.replace(re, () => (occurrences++, mark));
    if (occurrences === 0) continue;
    marks.push(byValue.get(value)!.token);
    restored.push({ field: byValue.get(value)!.field, value, occurrences });
  }
  const unmark = (s: string) => s.replace(/[\ue000-\uf8ff]/g, (c) => marks[c.charCodeAt(0) - 0xe000] ?? c);
  return { subject: unmark(subject), body: unmark(body), restored };
}

/** What the rep changed in the shown draft, in numbers. */
function diffSummary(shown: { subject: string; body: string }, edited: { subject: string; body: string }) {
  const lines = (s: string) => s.split('\n').map((l) => l.trim()).filter(Boolean);
  const before = lines(shown.body);
  const after = lines(edited.body);
  return {
    subjectChanged: shown.subject !== edited.subject,
    editDistance: distance(`${shown.subject}\n\n${shown.body}`, `${edited.subject}\n\n${edited.body}`),
    linesAdded: after.filter((l) => !before.includes(l)).length,
    linesRemoved: before.filter((l) => !after.includes(l)).length,
  };
}

/**
 * Promote a rep's edited text to the template's next version: approved by the act of promoting it (who,
 * from which draft, what changed, all recorded), and used by the cadence steps and variants that used
 * the old version from the next enrollment on.
 */
export function templateRoutes({ db }: ApiContext): Router {
  const router = Router();

  router.post('/v1/templates/:id/promote', requireRole('rep', 'manager', 'admin'), async (req, res) => {
    const { id } = parse(idParam, req.params, 'params');
    const { draftId } = parse(promoteTemplateRequest, req.body, 'body');
    const caller = principal(req);
    const actor = `user:${caller.userId}`;
    const now = new Date();
    const result = await db.transaction().execute(async (tx) => {
      // Locked first, so two promotions of the same version queue here and the second sees the first's.
      const template = await tx.selectFrom('templates').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
      if (!template) throw notFound(`there is no template ${id}`);
      const draft = await tx
        .selectFrom('drafts as d')
        .innerJoin('enrollments as e', 'e.id', 'd.enrollment_id')
        .select(['d.id', 'd.enrollment_id', 'd.step', 'd.kind', 'd.version', 'd.author', 'd.subject', 'd.body', 'd.template_id', 'd.template_version', 'e.owner_id', 'e.prospect_id'])
        .where('d.id', '=', draftId)
        .executeTakeFirst();
      if (!draft) throw notFound(`there is no draft ${draftId}`);
      if (caller.role === 'rep' && draft.owner_id !== caller.userId) {
        throw forbidden(`draft ${draftId} is of another rep's prospect; a rep promotes only edits of their own prospects' drafts`);
      }
      if (draft.template_id !== id) {
        throw conflict('draft-not-from-template', `draft ${draftId} was not drafted from template ${id} (its template is ${draft.template_id ?? 'none: it answers a reply'})`);
      }
      if (draft.kind !== 'step' || draft.version < 2 || !draft.author.startsWith('user:')) {
        throw conflict(
          'not-an-edit',
          `draft ${draftId} is version ${draft.version} by ${draft.author}, not a rep's edit: only text a rep wrote over a draft (version 2 or later, by user:…) can become a template version`,
        );
      }
      const latest = await tx.selectFrom('templates').select(['id', 'version']).where('name', '=', template.name).orderBy('version', 'desc').limit(1).executeTakeFirstOrThrow();
      if (latest.id !== template.id) {
        throw conflict(
          'template-superseded',
          `template ${template.name} v${template.version} (${id}) has been superseded by v${latest.version} (${latest.id}); only the latest version of a template takes a promotion`,
          { latest: { id: latest.id, version: latest.version } },
        );
      }
      const shown = await tx
        .selectFrom('drafts')
        .select(['subject', 'body', 'enrichment'])
        .where('enrollment_id', '=', draft.enrollment_id)
        .where('step', '=', draft.step)
        .where('kind', '=', 'step')
        .where('version', '=', 1)
        .executeTakeFirstOrThrow();
      const content = restoreMergeFields(draft, template, shown.enrichment ?? {});
      const version = template.version + 1;
      let newId = `${template.name}.v${version}`;
      if (await tx.selectFrom('templates').select('id').where('id', '=', newId).executeTakeFirst()) newId = `${newId}.${draft.id.slice(0, 8)}`;
      const created = await tx
        .insertInto('templates')
        .values({
          id: newId,
          name: template.name,
          version,
          subject: content.subject,
          body: content.body,
          // A framework keeps its instructions and do/don't list; the rep's text replaces its wording.
          instructions: template.instructions,
          dos: JSON.stringify(template.dos),
          donts: JSON.stringify(template.donts),
          approved: true,
          created_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const steps = await tx.updateTable('cadence_steps').set({ template_id: newId }).where('template_id', '=', id).returning(['cadence_id', 'position']).execute();
      const variants = await tx
        .updateTable('cadence_step_variants')
        .set({ template_id: newId })
        .where('template_id', '=', id)
        .returning(['cadence_id', 'position', 'variant'])
        .execute();
      const repointed = {
        steps: steps.map((s) => ({ cadenceId: s.cadence_id, position: s.position })),
        variants: variants.map((v) => ({ cadenceId: v.cadence_id, position: v.position, variant: v.variant })),
      };
      const hash = contentHash({ subject: created.subject, body: created.body });
      const from = { templateId: template.id, version: template.version, draftId: draft.id, author: draft.author };
      await recordAudit(tx, {
        key: `template:${newId}:v${version}:template.promoted`,
        occurredAt: now,
        actor,
        action: 'template.promoted',
        prospectId: draft.prospect_id,
        enrollmentId: draft.enrollment_id,
        step: draft.step,
        contentHash: hash,
        details: {
          templateId: newId,
          name: template.name,
          version,
          from,
          diff: diffSummary(shown, draft),
          mergeFieldsRestored: content.restored,
          repointed,
        },
      });
      // Promoting is approving: who approved exactly which content, by hash, as for a defined template.
      await recordAudit(tx, {
        key: `template:${newId}:v${version}:template.approved`,
        occurredAt: now,
        actor,
        action: 'template.approved',
        contentHash: hash,
        details: { templateId: newId, version, promotedFrom: from },
      });
      return { created, from, restored: content.restored, repointed };
    });
    const body: z.output<typeof promotedTemplate> = {
      id: result.created.id,
      name: result.created.name,
      version: result.created.version,
      subject: result.created.subject,
      body: result.created.body,
      approved: result.created.approved,
      createdAt: result.created.created_at.toISOString(),
      promotedFrom: result.from,
      mergeFieldsRestored: result.restored,
      repointed: result.repointed,
    };
    res.status(201).json(body);
  });

  return router;
}
