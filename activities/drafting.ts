import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/activity';
import { contentHash } from '../db/content-hash';
import { recordAudit } from '../db/repositories/audit';
import { loadProfile } from '../db/repositories/prospects';
import type { GateOutcome } from '../workflows/definitions';
import type { GatePolicy } from '../workflows/policy';
import type { ActivityDeps, Enrichment } from './deps';
import { FailureType } from './failures';
import { scoreDraft, type Confidence } from './scoring';

export interface StepRef {
  enrollmentId: string;
  prospectId: string;
  ownerId: string;
  step: number;
}

export interface DraftRef {
  draftId: string;
  version: number;
  subject: string;
  body: string;
  contentHash: string;
  templateId: string;
  templateVersion: number;
}

export interface ScoredDraft extends DraftRef, Confidence {}

export function draftingActivities({ db, clock, drafter, enricher, policy }: ActivityDeps) {
  return {
    async loadGatePolicy(): Promise<GatePolicy> {
      return policy();
    },

    async enrichProspect(ref: StepRef): Promise<Enrichment> {
      const profile = await loadProfile(db, ref.prospectId, ref.ownerId);
      if (!profile) {
        throw ApplicationFailure.create({ type: FailureType.notFound, message: `prospect ${ref.prospectId} is gone`, nonRetryable: true });
      }
      const enrichment = await enricher.enrich(profile);
      await recordAudit(db, {
        key: `${ref.enrollmentId}:${ref.step}:enrichment`,
        occurredAt: clock(),
        actor: `component:enricher:${enricher.name}`,
        action: 'prospect.enriched',
        prospectId: ref.prospectId,
        enrollmentId: ref.enrollmentId,
        step: ref.step,
        details: { fields: Object.keys(enrichment.fields).sort(), sources: enrichment.sources },
      });
      return enrichment;
    },

    /**
     * Drafts the step from its approved template and scores it. The draft row is keyed by
     * (enrollment, step, version 1), so a retry returns the draft already written.
     */
    async draftAndScore(input: StepRef & { templateId: string; enrichment: Enrichment }): Promise<ScoredDraft> {
      const existing = await db
        .selectFrom('drafts')
        .selectAll()
        .where('enrollment_id', '=', input.enrollmentId)
        .where('step', '=', input.step)
        .where('version', '=', 1)
        .executeTakeFirst();
      if (existing?.confidence !== null && existing?.confidence !== undefined) {
        return {
          draftId: existing.id,
          version: existing.version,
          subject: existing.subject,
          body: existing.body,
          contentHash: existing.content_hash,
          templateId: existing.template_id!,
          templateVersion: existing.template_version!,
          confidence: existing.confidence,
          reasons: existing.confidence_reasons,
        };
      }
      const template = await db
        .selectFrom('templates')
        .selectAll()
        .where('id', '=', input.templateId)
        .executeTakeFirst();
      if (!template) {
        throw ApplicationFailure.create({ type: FailureType.notFound, message: `template ${input.templateId} does not exist`, nonRetryable: true });
      }
      if (!template.approved) {
        throw ApplicationFailure.create({
          type: FailureType.invalidTemplate,
          message: `template ${template.name} v${template.version} is not approved; only approved templates are drafted from`,
          nonRetryable: true,
        });
      }
      const content = await drafter.draft(template, input.enrichment);
      const score = scoreDraft(content, input.enrichment);
      const hash = contentHash(content);
      const draftId = existing?.id ?? randomUUID();
      const now = clock();
      await db.transaction().execute(async (tx) => {
        await tx
          .insertInto('drafts')
          .values({
            id: draftId,
            enrollment_id: input.enrollmentId,
            step: input.step,
            version: 1,
            author: `component:drafter:${drafter.name}`,
            subject: content.subject,
            body: content.body,
            content_hash: hash,
            template_id: template.id,
            template_version: template.version,
            enrichment: JSON.stringify(input.enrichment.fields),
            confidence: score.confidence,
            confidence_reasons: JSON.stringify(score.reasons),
            created_at: now,
          })
          .onConflict((oc) => oc.columns(['enrollment_id', 'step', 'kind', 'version']).doNothing())
          .execute();
        await recordAudit(tx, {
          key: `${input.enrollmentId}:${input.step}:v1:draft.created`,
          occurredAt: now,
          actor: `component:drafter:${drafter.name}`,
          action: 'draft.created',
          prospectId: input.prospectId,
          enrollmentId: input.enrollmentId,
          step: input.step,
          contentHash: hash,
          details: {
            draftId,
            version: 1,
            template: { id: template.id, name: template.name, version: template.version },
            personalizedFields: content.personalizedFields,
            fallbackFields: content.fallbackFields,
            unresolvedFields: content.unresolvedFields,
          },
        });
        await recordAudit(tx, {
          key: `${input.enrollmentId}:${input.step}:v1:draft.scored`,
          occurredAt: now,
          actor: 'component:scorer',
          action: 'draft.scored',
          prospectId: input.prospectId,
          enrollmentId: input.enrollmentId,
          step: input.step,
          contentHash: hash,
          details: { draftId, confidence: score.confidence, reasons: score.reasons },
        });
      });
      return {
        draftId,
        version: 1,
        subject: content.subject,
        body: content.body,
        contentHash: hash,
        templateId: template.id,
        templateVersion: template.version,
        ...score,
      };
    },

    async recordGateDecision(input: StepRef & { draftId: string; contentHash: string; gate: GateOutcome }): Promise<void> {
      await recordAudit(db, {
        key: `${input.enrollmentId}:${input.step}:gate.decided`,
        occurredAt: clock(),
        actor: 'component:gate-policy',
        action: 'gate.decided',
        prospectId: input.prospectId,
        enrollmentId: input.enrollmentId,
        step: input.step,
        contentHash: input.contentHash,
        details: {
          draftId: input.draftId,
          gated: input.gate.gated,
          rules: input.gate.rules,
          policyVersion: input.gate.policyVersion,
        },
      });
    },
  };
}
