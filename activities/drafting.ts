import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { ApplicationFailure, CancelledFailure, Context } from '@temporalio/activity';
import { contentHash } from '../db/content-hash';
import { recordAudit, recordAudits, type AuditInput } from '../db/repositories/audit';
import { stepDraftingInputs, type StepDraftRow } from '../db/repositories/drafts';
import { setEnrollmentStatus } from '../db/repositories/enrollments';
import { assignSendingMailbox, domainOf } from '../db/repositories/mailboxes';
import { loadProfile } from '../db/repositories/prospects';
import type { ConfidenceReason, DrafterKind } from '../db/types';
import type { GateOutcome } from '../workflows/definitions';
import { decideGate, type GateInput, type GatePolicy } from '../workflows/policy';
import { draftInputHash } from './audit-details';
import { ModelError } from './ai/model';
import type { ActivityDeps, DraftContent, DraftContext, Drafter, Enrichment } from './deps';
import { builtInDrafter, templateDraft } from './drafter';
import { builtInEnricher } from './enricher';
import { hasAiSlots } from './ai/framework';
import { FailureType } from './failures';
import { scoreDraft, type Confidence } from './scoring';
import { learningDefaults } from '../config/app';
import { historyAdjustment } from '../db/repositories/learning';
import { senderDomainStatus } from './sender-domains';
import { replyFramework, suggestAnswer, taskBriefFramework } from './reply-suggestions';

/** The running activity's context, or undefined outside an activity (the CLI, unit tests). */
function currentActivity(): Context | undefined {
  try {
    return Context.current();
  } catch {
    return undefined;
  }
}

function CancelledFailureFrom(signal: AbortSignal | undefined): Error {
  const reason = signal?.reason as unknown;
  return reason instanceof Error ? reason : new CancelledFailure('the drafting was cancelled');
}

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

export interface ScoredDraft extends DraftRef, Confidence {
  /** The A/B variant this prospect was assigned for the step, when the step has variants. */
  variant?: string | null;
  /** Set when the cadence's From domain fails sender authentication (and is not overridden): why. */
  senderUnauthenticated?: string;
  /** 'template', or the model that wrote part of it: the gate applies that drafter's override. */
  drafter?: string;
}

/** An email step as its cadence asks for it to be drafted and gated: what the gate needs beside the draft. */
export interface EmailStepInput extends StepRef {
  cadenceId?: string;
  templateId: string;
  gateInput: Pick<GateInput, 'stepKind' | 'isFirstTouch' | 'account'>;
}

/** A drafted, scored and gated email step, with the policy that gated it. */
export interface GatedDraft {
  draft: ScoredDraft;
  gate: GateOutcome;
  policy: GatePolicy;
}

/** What draftScoreAndGateFromTemplate answers when the step needs the drafting worker: it drafted nothing. */
export interface NeedsDraftingWorker {
  needsDraftingWorker: string;
}

/** The score with what the template's own history costs it (reps keep rewriting its drafts). */
function withHistory(score: Confidence, adjustment: ConfidenceReason | null): Confidence {
  if (!adjustment) return score;
  return { confidence: Math.max(0, Math.round((score.confidence + adjustment.effect) * 100) / 100), reasons: [...score.reasons, adjustment] };
}

/** A stored draft as the workflow carries it. */
function scoredDraftFromRow(row: StepDraftRow): ScoredDraft {
  return {
    draftId: row.id,
    version: row.version,
    subject: row.subject,
    body: row.body,
    contentHash: row.content_hash,
    templateId: row.template_id ?? '',
    templateVersion: row.template_version ?? 0,
    confidence: row.confidence ?? 0,
    reasons: row.confidence_reasons,
    variant: row.variant,
    drafter: row.drafter ?? 'template',
  };
}

/**
 * Which variant a prospect gets: a stable hash of prospect, cadence and step over the approved
 * variants, so a retry, a replay or a re-draft always picks the same one.
 */
export function assignVariant<T extends { variant: string }>(prospectId: string, cadenceId: string, step: number, approved: T[]): T | null {
  if (approved.length === 0) return null;
  const sorted = [...approved].sort((a, b) => a.variant.localeCompare(b.variant));
  const digest = createHash('sha256').update(`${prospectId}:${cadenceId}:${step}`).digest();
  return sorted[digest.readUInt32BE(0) % sorted.length]!;
}

export function draftingActivities({ db, clock, drafter, drafters = {}, aiRetryBudget = 5, enricher, policy, senderAuth, learning = learningDefaults }: ActivityDeps) {
  /** The step's own drafter (cadence_steps.drafter), else the deployment's default. */
  function chooseDrafter(kind: DrafterKind | null): { drafter: Drafter; missing: string | null } {
    if (!kind) return { drafter, missing: null };
    const named = kind === 'template' ? builtInDrafter : drafters[kind];
    return named ? { drafter: named, missing: null } : { drafter: builtInDrafter, missing: `the step asks for the ${kind} drafter, which this worker is not configured with` };
  }

  /** What a model may see beyond the template: the owner, the language, the thread so far and the rep's approved edits. */
  async function draftContext(input: StepRef & { templateId: string; enrichment: Enrichment }, templateName: string): Promise<DraftContext> {
    const sent = await db
      .selectFrom('sends')
      .select(['subject', 'body', 'sent_at'])
      .where('enrollment_id', '=', input.enrollmentId)
      .where('sent_at', 'is not', null)
      .orderBy('sent_at')
      .execute();
    const replies = await db.selectFrom('replies').select(['subject', 'body', 'received_at']).where('enrollment_id', '=', input.enrollmentId).orderBy('received_at').execute();
    const thread = [
      ...sent.map((m) => ({ at: m.sent_at!.getTime(), message: { direction: 'outbound' as const, subject: m.subject, body: m.body } })),
      ...replies.map((m) => ({ at: m.received_at.getTime(), message: { direction: 'inbound' as const, subject: m.subject ?? '', body: m.body } })),
    ]
      .sort((a, b) => a.at - b.at)
      .map((m) => m.message);
    // The feedback loop: the latest texts reps approved for drafts from this framework, their own edits first.
    const approved = await db
      .selectFrom('approval_decisions as d')
      .innerJoin('approval_requests as r', 'r.id', 'd.approval_request_id')
      .innerJoin('drafts as dr', (j) => j.onRef('dr.enrollment_id', '=', 'r.enrollment_id').onRef('dr.step', '=', 'r.step').onRef('dr.version', '=', 'd.draft_version').on('dr.kind', '=', 'step'))
      .innerJoin('drafts as original', (j) => j.onRef('original.enrollment_id', '=', 'r.enrollment_id').onRef('original.step', '=', 'r.step').on('original.version', '=', 1).on('original.kind', '=', 'step'))
      .innerJoin('templates as t', 't.id', 'original.template_id')
      .select(['dr.subject', 'dr.body', 'd.action', 'd.decided_at'])
      .where('t.name', '=', templateName)
      .where('d.action', 'in', ['edit', 'approve'])
      .orderBy('d.decided_at', 'desc')
      .limit(10)
      .execute();
    const approvedExamples = [...approved.filter((a) => a.action === 'edit'), ...approved.filter((a) => a.action !== 'edit')].slice(0, 3).map((a) => ({ subject: a.subject, body: a.body }));
    const activity = currentActivity();
    return {
      ownerName: input.enrichment.fields.senderName ?? 'the sender',
      language: input.enrichment.fields.language?.slice(0, 2).toLowerCase() ?? null,
      thread,
      approvedExamples,
      signal: activity?.cancellationSignal,
      onProgress: () => activity?.heartbeat(),
    };
  }

  /** The model that writes suggestions and briefs: the default drafter when it is one, else any configured. */
  function aiDrafter(): Drafter | null {
    if (drafter !== builtInDrafter && drafter.name !== builtInDrafter.name) return drafter;
    return drafters.local ?? drafters.openai ?? null;
  }

  /**
   * A model's answer to a reply, from the reply's text and the thread; null when the model cannot write one now
   * (the fixed opener by intent is suggested instead). A cancellation (the rep ends the hand-over) stops it.
   */
  async function suggestWithModel(model: Drafter, input: StepRef, reply: { subject: string | null; body: string }, profile: NonNullable<Awaited<ReturnType<typeof loadProfile>>>): Promise<DraftContent | null> {
    const enrichment = await enricher.enrich(profile);
    const base = reply.subject?.trim() || 'your note';
    enrichment.fields.replySubject = /^re:/i.test(base) ? base : `Re: ${base}`;
    const context = await draftContext({ ...input, templateId: '', enrichment }, '');
    const activity = currentActivity();
    const beat = activity ? setInterval(() => activity.heartbeat(), 1_000) : undefined;
    try {
      return await model.draft({ id: 'reply-framework', name: 'reply-framework', version: 1, ...replyFramework }, enrichment, { ...context, approvedExamples: [] });
    } catch (err) {
      if (!(err instanceof ModelError)) throw err;
      if (err.failure === 'aborted') throw CancelledFailureFrom(context.signal);
      return null;
    } finally {
      clearInterval(beat);
    }
  }

  /**
   * The draft from the chosen drafter. A model that fails for good (a 4xx, answers that never parse), or stays
   * unavailable past the retry budget, gives way to the template: its AI slots are left for a rep, with the
   * reason `ai-unavailable`, so the step is gated. A cancellation (a reply) stops the generation and the activity.
   */
  async function draftWith(
    chosen: { drafter: Drafter; missing: string | null },
    template: Parameters<Drafter['draft']>[0] & { name: string },
    input: StepRef & { templateId: string; enrichment: Enrichment },
  ): Promise<DraftContent> {
    if (chosen.missing) return templateDraft(template, input.enrichment, chosen.missing);
    if (chosen.drafter === builtInDrafter) return chosen.drafter.draft(template, input.enrichment);
    const context = await draftContext(input, template.name);
    // A server holding the request writes no progress: heartbeat anyway, so a cancellation (a reply) gets through.
    const activity = currentActivity();
    const beat = activity ? setInterval(() => activity.heartbeat(), 1_000) : undefined;
    try {
      return await chosen.drafter.draft(template, input.enrichment, context);
    } catch (err) {
      if (!(err instanceof ModelError)) throw err;
      if (err.failure === 'aborted') throw CancelledFailureFrom(context.signal);
      const attempt = currentActivity()?.info.attempt ?? aiRetryBudget;
      if (err.retryable && attempt < aiRetryBudget) {
        throw ApplicationFailure.create({ type: FailureType.aiUnavailable, message: `${err.message} (attempt ${attempt} of ${aiRetryBudget})` });
      }
      return templateDraft(template, input.enrichment, `${chosen.drafter.name} ${err.retryable ? `was still unavailable after ${attempt} attempts` : 'failed'}: ${err.message}`);
    } finally {
      clearInterval(beat);
    }
  }

  /**
   * Drafts the step from its approved template and scores it. The draft row is keyed by
   * (enrollment, step, version 1), so a retry returns the draft already written.
   */
  async function draftStep(
    input: StepRef & { cadenceId?: string; templateId: string; enrichment: Enrichment },
    alongside: { before?: AuditInput[]; after?: (draft: ScoredDraft) => Promise<AuditInput[]>; templateOnly?: boolean } = {},
  ): Promise<ScoredDraft | NeedsDraftingWorker> {
    const { existing, variants, drafter: stepDrafter } = await stepDraftingInputs(db, input);
    if (existing?.confidence !== null && existing?.confidence !== undefined) return scoredDraftFromRow(existing);
    // Only approved templates are ever drafted from; an unapproved variant is not in the draw.
    const assigned = assignVariant(input.prospectId, input.cadenceId ?? '', input.step, variants.filter((v) => v.approved));
    const template = await db
      .selectFrom('templates')
      .selectAll()
      .where('id', '=', assigned?.template_id ?? input.templateId)
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
    // A slot a model writes is the drafting worker's, whatever drafter this worker is configured with.
    if (alongside.templateOnly && hasAiSlots(template)) return { needsDraftingWorker: `template ${template.name} v${template.version} has a slot a model writes` };
    const chosen = chooseDrafter(stepDrafter);
    const content = await draftWith(chosen, template, input);
    const score = withHistory(scoreDraft(content, input.enrichment), await historyAdjustment(db, template.id, { now: clock(), windowMs: learning.boundary.windowMs, minSample: learning.minSample }));
    const hash = contentHash(content);
    const draftId = existing?.id ?? randomUUID();
    const drafted: ScoredDraft = {
      draftId,
      version: 1,
      subject: content.subject,
      body: content.body,
      contentHash: hash,
      templateId: template.id,
      templateVersion: template.version,
      variant: assigned?.variant ?? null,
      drafter: content.ai ? chosen.drafter.name : 'template',
      ...score,
    };
    const after = alongside.after ? await alongside.after(drafted) : [];
    const now = clock();
    // The draft and its events (with any the caller adds) in one statement: atomic as a transaction was, one round trip.
    const insertDraft = db.with('draft', (w) =>
      w
        .insertInto('drafts')
        .values({
          id: draftId,
          enrollment_id: input.enrollmentId,
          step: input.step,
          version: 1,
          author: `component:drafter:${content.ai ? chosen.drafter.name : builtInDrafter.name}`,
          subject: content.subject,
          body: content.body,
          content_hash: hash,
          drafter: content.ai ? chosen.drafter.name : 'template',
          ai: content.ai ? JSON.stringify(content.ai) : null,
          template_id: template.id,
          template_version: template.version,
          enrichment: JSON.stringify(input.enrichment.fields),
          confidence: score.confidence,
          confidence_reasons: JSON.stringify(score.reasons),
          variant: assigned?.variant ?? null,
          created_at: now,
        })
        .onConflict((oc) => oc.columns(['enrollment_id', 'step', 'kind', 'version']).doNothing()),
    );
    await recordAudits(insertDraft, [
      ...(alongside.before ?? []),
      {
        key: `${input.enrollmentId}:${input.step}:v1:draft.created`,
        occurredAt: now,
        actor: `component:drafter:${content.ai ? chosen.drafter.name : builtInDrafter.name}`,
        action: 'draft.created',
        prospectId: input.prospectId,
        enrollmentId: input.enrollmentId,
        step: input.step,
        contentHash: hash,
        details: {
          draftId,
          version: 1,
          template: { id: template.id, name: template.name, version: template.version },
          variant: assigned ? { assigned: assigned.variant, among: variants.filter((v) => v.approved).map((v) => v.variant).sort() } : null,
          personalizedFields: content.personalizedFields,
          fallbackFields: content.fallbackFields,
          unresolvedFields: content.unresolvedFields,
          // The drafter's whole input: the same hash means the same template text and enrichment.
          inputHash: draftInputHash({ template: { subject: template.subject, body: template.body }, enrichment: input.enrichment.fields }),
          drafter: content.ai ? chosen.drafter.name : 'template',
          // What a model did; the whole prompt and raw answers are kept on the draft row, their hash here.
          ai: content.ai
            ? {
                provider: content.ai.provider,
                model: content.ai.model,
                version: content.ai.version,
                promptHash: content.ai.promptHash,
                temperature: content.ai.temperature,
                seed: content.ai.seed,
                latencyMs: content.ai.latencyMs,
                promptTokens: content.ai.promptTokens,
                completionTokens: content.ai.completionTokens,
                attempts: content.ai.raw.length,
                slots: content.ai.slots,
              }
            : null,
          findings: content.findings ?? [],
        },
      },
      {
        key: `${input.enrollmentId}:${input.step}:v1:draft.scored`,
        occurredAt: now,
        actor: 'component:scorer',
        action: 'draft.scored',
        prospectId: input.prospectId,
        enrollmentId: input.enrollmentId,
        step: input.step,
        contentHash: hash,
        details: { draftId, confidence: score.confidence, reasons: score.reasons },
      },
      ...after,
    ]);
    return drafted;
  }

  /** The prospect's enrichment and its audit event, to be recorded by the caller. */
  async function enrich(ref: StepRef): Promise<{ enrichment: Enrichment; event: AuditInput }> {
    const profile = await loadProfile(db, ref.prospectId, ref.ownerId);
    if (!profile) {
      throw ApplicationFailure.create({ type: FailureType.notFound, message: `prospect ${ref.prospectId} is gone`, nonRetryable: true });
    }
    const enrichment = await enricher.enrich(profile);
    const event: AuditInput = {
      key: `${ref.enrollmentId}:${ref.step}:enrichment`,
      occurredAt: clock(),
      actor: `component:enricher:${enricher.name}`,
      action: 'prospect.enriched',
      prospectId: ref.prospectId,
      enrollmentId: ref.enrollmentId,
      step: ref.step,
      details: { fields: Object.keys(enrichment.fields).sort(), sources: enrichment.sources },
    };
    return { enrichment, event };
  }

  /** A step's gate decision as its audit event (keyed by the step: a repeat inserts nothing). */
  function gateDecisionEvent(input: StepRef & { draftId: string; contentHash: string; gate: GateOutcome }): AuditInput {
    return {
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
    };
  }

  /** Whether the cadence's sending mailbox (assigned here at the first draft, and kept) may send automatically. */
  async function sendingDomainStatus(enrollmentId: string) {
    const now = clock();
    const mailbox = await assignSendingMailbox(db, enrollmentId, now);
    return senderDomainStatus(db, senderAuth, domainOf(mailbox.address), now);
  }

  /** The email step up to its gate (see the draftScoreAndGate activity); `templateOnly` as draftScoreAndGateFromTemplate. */
  async function draftScoreAndGate(input: EmailStepInput, templateOnly: boolean): Promise<GatedDraft | NeedsDraftingWorker> {
    await setEnrollmentStatus(db, { enrollmentId: input.enrollmentId, status: 'drafting', currentStep: input.step, ended: false, now: clock() });
    const inForce = await policy();
    const { enrichment, event: enriched } = await enrich(input);
    const gated = async (draft: ScoredDraft): Promise<{ draft: ScoredDraft; gate: GateOutcome }> => {
      // Checked here so that the gate, not the last moment of sending, routes the message to a rep.
      const sender = await sendingDomainStatus(input.enrollmentId);
      const checked = sender.automaticAllowed ? draft : { ...draft, senderUnauthenticated: `${sender.domain}: ${sender.summary}` };
      const gate = decideGate(
        { ...input.gateInput, confidence: checked.confidence, senderUnauthenticated: checked.senderUnauthenticated, templateId: checked.templateId, drafter: checked.drafter },
        inForce,
      );
      return { draft: checked, gate };
    };
    // A new draft is written with its enrichment and its gate decision in one statement.
    let decided: { draft: ScoredDraft; gate: GateOutcome } | undefined;
    const draft = await draftStep({ ...input, enrichment }, {
      templateOnly,
      before: [enriched],
      after: async (d) => {
        decided = await gated(d);
        return [gateDecisionEvent({ ...input, draftId: d.draftId, contentHash: d.contentHash, gate: decided.gate })];
      },
    });
    if ('needsDraftingWorker' in draft) return draft;
    if (!decided) {
      // An earlier attempt wrote the draft (and, with it, its events): decide again on it; the record stays the first.
      decided = await gated(draft);
      await recordAudit(db, gateDecisionEvent({ ...input, draftId: draft.draftId, contentHash: draft.contentHash, gate: decided.gate }));
    }
    return { ...decided, policy: inForce };
  }

  const activities = {
    async loadGatePolicy(): Promise<GatePolicy> {
      return policy();
    },

    async enrichProspect(ref: StepRef): Promise<Enrichment> {
      const { enrichment, event } = await enrich(ref);
      await recordAudit(db, event);
      return enrichment;
    },

    /**
     * Drafts the step from its approved template and scores it. The draft row is keyed by
     * (enrollment, step, version 1), so a retry returns the draft already written.
     */
    async draftAndScore(input: StepRef & { cadenceId?: string; templateId: string; enrichment: Enrichment }): Promise<ScoredDraft> {
      const draft = (await draftStep(input)) as ScoredDraft;
      // Checked here so that the gate, not the last moment of sending, routes the message to a rep.
      const sender = await sendingDomainStatus(input.enrollmentId);
      return sender.automaticAllowed ? draft : { ...draft, senderUnauthenticated: `${sender.domain}: ${sender.summary}` };
    },

    /**
     * Enrichment, then the draft and its score: the two always run together, so one activity task (a retry repeats
     * the enrichment, recorded under its own key, and returns the draft already written).
     */
    async enrichDraftAndScore(input: StepRef & { cadenceId?: string; templateId: string }): Promise<ScoredDraft> {
      const enrichment = await activities.enrichProspect(input);
      return activities.draftAndScore({ ...input, enrichment });
    },

    /**
     * An email step up to its gate, in one activity task: the enrollment shows 'drafting'; the draft is scored and
     * the gate policy in force now decides it; the draft is written with its enrichment, creation, score and gate
     * decision events in one statement. The cadence acts on the gate it is given. A retry returns the draft already
     * written and decides again on it; the record of the first decision stays (its key is the step's).
     */
    async draftScoreAndGate(input: EmailStepInput): Promise<GatedDraft> {
      return (await draftScoreAndGate(input, false)) as GatedDraft;
    },

    /**
     * draftScoreAndGate for a step the template alone writes, run by the cadence's own worker as a local activity:
     * with the built-in enricher and no slot for a model, it is a few statements, harmless to repeat, and needs no
     * round trip through a task queue. A step that needs more (a model, an outside enrichment provider) is the
     * drafting worker's: this drafts nothing and says why, and the cadence asks the drafting task queue.
     */
    async draftScoreAndGateFromTemplate(input: EmailStepInput): Promise<GatedDraft | NeedsDraftingWorker> {
      if (enricher !== builtInEnricher) return { needsDraftingWorker: `the ${enricher.name} enricher may call a provider` };
      return draftScoreAndGate(input, true);
    },

    /** The draft a step sent, to send it again after a soft bounce. */
    async loadSentDraft(input: StepRef & { draftVersion: number }): Promise<DraftRef> {
      const row = await db
        .selectFrom('drafts')
        .selectAll()
        .where('enrollment_id', '=', input.enrollmentId)
        .where('step', '=', input.step)
        .where('kind', '=', 'step')
        .where('version', '=', input.draftVersion)
        .executeTakeFirstOrThrow();
      const { confidence: _c, reasons: _r, variant: _v, ...draft } = scoredDraftFromRow(row);
      return draft;
    },

    /**
     * A suggested answer to a human reply, for the rep to approve, edit or discard. It is never sent
     * without the rep's approval.
     */
    async suggestReply(input: StepRef & { replyId: string }): Promise<ScoredDraft> {
      const draftId = `reply-${input.replyId}`;
      const existing = await db.selectFrom('drafts').selectAll().where('id', '=', draftId).executeTakeFirst();
      const reply = await db.selectFrom('replies').selectAll().where('id', '=', input.replyId).executeTakeFirstOrThrow();
      if (existing) return scoredDraftFromRow(existing);
      const profile = await loadProfile(db, input.prospectId, input.ownerId);
      if (!profile) throw ApplicationFailure.create({ type: FailureType.notFound, message: `prospect ${input.prospectId} is gone`, nonRetryable: true });
      const model = aiDrafter();
      const written = model ? await suggestWithModel(model, input, reply, profile) : null;
      const fixed = suggestAnswer(reply.intent, reply.subject, profile.prospect.firstName, profile.owner.name);
      const content: DraftContent = written ?? { ...fixed, unresolvedFields: [], fallbackFields: [], personalizedFields: [] };
      const hash = contentHash(content);
      const reasons = [
        { code: 'human-reply', effect: -1, detail: `an answer to a human reply (${reply.intent ?? 'unclassified'}) is always the rep's` },
        ...(content.findings ?? []),
      ];
      const now = clock();
      await db.transaction().execute(async (tx) => {
        const versions = await tx
          .selectFrom('drafts')
          .select(sql<number>`coalesce(max(version), 0)`.as('max'))
          .where('enrollment_id', '=', input.enrollmentId)
          .where('step', '=', input.step)
          .where('kind', '=', 'reply')
          .executeTakeFirstOrThrow();
        await tx
          .insertInto('drafts')
          .values({
            id: draftId,
            enrollment_id: input.enrollmentId,
            step: input.step,
            kind: 'reply',
            version: Number(versions.max) + 1,
            author: `component:drafter:${content.ai ? model!.name : builtInDrafter.name}`,
            subject: content.subject,
            body: content.body,
            content_hash: hash,
            drafter: content.ai ? model!.name : 'template',
            ai: content.ai ? JSON.stringify(content.ai) : null,
            confidence: 0,
            confidence_reasons: JSON.stringify(reasons),
            created_at: now,
          })
          .execute();
        await recordAudit(tx, {
          key: `${draftId}:draft.created`,
          occurredAt: now,
          actor: `component:drafter:${content.ai ? model!.name : builtInDrafter.name}`,
          action: 'draft.created',
          prospectId: input.prospectId,
          enrollmentId: input.enrollmentId,
          step: input.step,
          contentHash: hash,
          details: {
            draftId,
            kind: 'reply-suggestion',
            replyId: input.replyId,
            intent: reply.intent,
            inputHash: draftInputHash({ intent: reply.intent, replySubject: reply.subject, firstName: profile.prospect.firstName, ownerName: profile.owner.name }),
            drafter: content.ai ? model!.name : 'template',
            ai: content.ai ? { provider: content.ai.provider, model: content.ai.model, version: content.ai.version, promptHash: content.ai.promptHash, latencyMs: content.ai.latencyMs } : null,
            findings: content.findings ?? [],
          },
        });
      });
      const created = await db.selectFrom('drafts').select('version').where('id', '=', draftId).executeTakeFirstOrThrow();
      return { draftId, version: created.version, ...content, contentHash: hash, templateId: '', templateVersion: 0, confidence: 0, reasons };
    },

    /**
     * A call or meeting task's brief: an account summary and discovery questions a model writes from the
     * enrichment, marked as AI-written and kept on the task with the checks' findings. Without a model, nothing.
     */
    async writeTaskBrief(input: StepRef & { taskId: string }): Promise<void> {
      const model = aiDrafter();
      if (!model) return;
      const task = await db.selectFrom('tasks').select(['details', 'status']).where('id', '=', input.taskId).executeTakeFirst();
      if (!task || task.status !== 'open' || task.details.aiBrief) return;
      const profile = await loadProfile(db, input.prospectId, input.ownerId);
      if (!profile) return;
      const enrichment = await enricher.enrich(profile);
      const activity = currentActivity();
      const beat = activity ? setInterval(() => activity.heartbeat(), 1_000) : undefined;
      let content: DraftContent;
      try {
        content = await model.draft({ id: 'task-brief', name: 'task-brief', version: 1, ...taskBriefFramework }, enrichment, {
          ownerName: profile.owner.name,
          language: null,
          thread: [],
          approvedExamples: [],
          signal: activity?.cancellationSignal,
          onProgress: () => activity?.heartbeat(),
        });
      } catch (err) {
        if (err instanceof ModelError && !err.retryable) return;
        throw err;
      } finally {
        clearInterval(beat);
      }
      if (!content.ai) return;
      const brief = { aiWritten: true, drafter: model.name, model: content.ai.model, version: content.ai.version, brief: content.ai.slots.brief ?? '', questions: content.ai.slots.questions ?? '', findings: content.findings ?? [], writtenAt: clock().toISOString() };
      await db.transaction().execute(async (tx) => {
        const current = await tx.selectFrom('tasks').select('details').where('id', '=', input.taskId).forUpdate().executeTakeFirstOrThrow();
        if (current.details.aiBrief) return;
        await tx.updateTable('tasks').set({ details: JSON.stringify({ ...current.details, aiBrief: brief }) }).where('id', '=', input.taskId).execute();
        await recordAudit(tx, {
          key: `task:${input.taskId}:briefed`,
          occurredAt: clock(),
          actor: `component:drafter:${model.name}`,
          action: 'task.briefed',
          prospectId: input.prospectId,
          enrollmentId: input.enrollmentId,
          step: input.step,
          details: { taskId: input.taskId, drafter: model.name, version: content.ai!.version, promptHash: content.ai!.promptHash, findings: brief.findings },
        });
      });
    },

    async recordGateDecision(input: StepRef & { draftId: string; contentHash: string; gate: GateOutcome }): Promise<void> {
      await recordAudit(db, gateDecisionEvent(input));
    },
  };
  return activities;
}
