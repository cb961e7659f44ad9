import { randomUUID } from 'node:crypto';
import { contentHash } from '../db/content-hash';
import { viewAtDecision } from '../db/repositories/approval-views';
import { recordAudit } from '../db/repositories/audit';
import { draftEditDistance } from '../db/repositories/learning';
import { loadProfile } from '../db/repositories/prospects';
import { priorThread } from '../db/repositories/thread';
import type { DecisionInput, GateOutcome } from '../workflows/definitions';
import { draftEdit } from './audit-details';
import type { ActivityDeps } from './deps';
import type { DraftRef, ScoredDraft, StepRef } from './drafting';
import { checkContent } from './spam-check';

export type OverdueStage = 'reminder' | 'escalation' | 'expiry';

export function approvalActivities({ db, clock }: ActivityDeps) {
  return {
    /** Puts the draft in the owner's queue with everything the rep needs to judge it. */
    async openApprovalRequest(
      input: StepRef & {
        approvalId: string;
        workflowId: string;
        draft: ScoredDraft;
        gate: GateOutcome;
        remindAt: string;
        kind?: 'step' | 'reply';
        replyId?: string;
      },
    ): Promise<void> {
      const existing = await db.selectFrom('approval_requests').select('id').where('id', '=', input.approvalId).executeTakeFirst();
      if (existing) return;

      const profile = await loadProfile(db, input.prospectId, input.ownerId);
      if (!profile) throw new Error(`prospect ${input.prospectId} or owner ${input.ownerId} is gone`);
      const { prospect, account } = profile;
      const { approvalId } = input;
      const now = clock();
      const context = {
        draft: {
          draftId: input.draft.draftId,
          version: input.draft.version,
          subject: input.draft.subject,
          body: input.draft.body,
          contentHash: input.draft.contentHash,
          template: { id: input.draft.templateId, version: input.draft.templateVersion },
        },
        confidence: input.draft.confidence,
        confidenceReasons: input.draft.reasons,
        // What the spam-trigger check finds in the shown text; an answer to a prospect's reply is
        // one-to-one mail and is not expected to carry unsubscribe wording.
        spamFindings: checkContent(input.draft, { requireUnsubscribe: (input.kind ?? 'step') === 'step' }),
        whyGated: input.gate.rules,
        prospect: {
          id: prospect.id,
          email: prospect.email,
          name: [prospect.firstName, prospect.lastName].filter(Boolean).join(' '),
          title: prospect.title,
        },
        account: {
          name: account.name,
          domain: account.domain,
          tier: account.tier,
          dealValue: account.dealValue,
          industry: account.industry,
        },
        thread: await priorThread(db, input.prospectId, input.enrollmentId),
      };
      await db.transaction().execute(async (tx) => {
        await tx
          .insertInto('approval_requests')
          .values({
            id: approvalId,
            enrollment_id: input.enrollmentId,
            workflow_id: input.workflowId,
            prospect_id: input.prospectId,
            owner_id: input.ownerId,
            step: input.step,
            draft_id: input.draft.draftId,
            draft_version: input.draft.version,
            status: 'pending',
            gate_rules: JSON.stringify(input.gate.rules),
            policy_version: input.gate.policyVersion,
            context: JSON.stringify(context),
            remind_at: input.remindAt,
            kind: input.kind ?? 'step',
            reply_id: input.replyId ?? null,
            created_at: now,
          })
          .execute();
        if ((input.kind ?? 'step') === 'step') {
          await tx
            .updateTable('enrollments')
            .set({ status: 'awaiting-approval', current_step: input.step, updated_at: now })
            .where('id', '=', input.enrollmentId)
            .execute();
        }
        await recordAudit(tx, {
          key: `approval:${approvalId}:requested`,
          occurredAt: now,
          actor: 'component:gate-policy',
          action: 'approval.requested',
          prospectId: input.prospectId,
          enrollmentId: input.enrollmentId,
          step: input.step,
          contentHash: input.draft.contentHash,
          details: { approvalId, ownerId: input.ownerId, draftVersion: input.draft.version, rules: input.gate.rules },
        });
      });
    },

    /**
     * Records the rep's decision and returns the exact draft to send: the shown draft on approve,
     * a new rep-authored version on edit, nothing on reject.
     */
    async recordDecision(input: StepRef & { decision: DecisionInput; shown: DraftRef; kind?: 'step' | 'reply' }): Promise<DraftRef | null> {
      const { decision, shown } = input;
      const now = clock();
      let toSend: DraftRef | null = null;
      if (decision.action === 'approve') toSend = shown;
      if (decision.action === 'edit') {
        const edited = { subject: decision.subject ?? shown.subject, body: decision.body ?? shown.body };
        toSend = {
          ...shown,
          draftId: `${shown.draftId}:v${shown.version + 1}`,
          version: shown.version + 1,
          subject: edited.subject,
          body: edited.body,
          contentHash: contentHash(edited),
        };
      }
      const request = await db
        .selectFrom('approval_requests')
        .select('created_at')
        .where('id', '=', decision.approvalId)
        .executeTakeFirstOrThrow();
      await db.transaction().execute(async (tx) => {
        const decidedAt = new Date(decision.decidedAt);
        const view = await viewAtDecision(tx, { approvalId: decision.approvalId, viewerId: decision.actorId, decidedAt });
        if (decision.action === 'edit' && toSend) {
          await tx
            .insertInto('drafts')
            .values({
              id: toSend.draftId,
              enrollment_id: input.enrollmentId,
              step: input.step,
              kind: input.kind ?? 'step',
              version: toSend.version,
              author: `user:${decision.actorId}`,
              subject: toSend.subject,
              body: toSend.body,
              content_hash: toSend.contentHash,
              template_id: shown.templateId,
              template_version: shown.templateVersion,
              created_at: decision.decidedAt,
            })
            .onConflict((oc) => oc.columns(['enrollment_id', 'step', 'kind', 'version']).doNothing())
            .execute();
        }
        const inserted = await tx
          .insertInto('approval_decisions')
          .values({
            id: randomUUID(),
            approval_request_id: decision.approvalId,
            actor_id: decision.actorId,
            action: decision.action,
            reject_mode: decision.action === 'reject' ? (decision.rejectMode ?? 'skip-step') : null,
            reason: decision.reason ?? null,
            draft_version: decision.draftVersion,
            content_hash: toSend?.contentHash ?? null,
            decided_at: decision.decidedAt,
            recorded_at: now,
            first_viewed_at: view?.firstViewedAt ?? null,
            visible_ms: view?.visibleMs ?? null,
            edit_distance: decision.action === 'edit' && toSend ? draftEditDistance(shown, toSend) : null,
          })
          .onConflict((oc) => oc.column('approval_request_id').doNothing())
          .executeTakeFirst();
        if (inserted.numInsertedOrUpdatedRows === 0n) return;
        await tx
          .updateTable('approval_requests')
          .set({
            status: decision.action === 'approve' ? 'approved' : decision.action === 'edit' ? 'edited' : 'rejected',
            resolved_at: decision.decidedAt,
          })
          .where('id', '=', decision.approvalId)
          .execute();
        await recordAudit(tx, {
          key: `approval:${decision.approvalId}:decided`,
          occurredAt: new Date(decision.decidedAt),
          actor: `user:${decision.actorId}`,
          action: 'approval.decided',
          prospectId: input.prospectId,
          enrollmentId: input.enrollmentId,
          step: input.step,
          contentHash: toSend?.contentHash ?? shown.contentHash,
          details: {
            approvalId: decision.approvalId,
            decision: decision.action,
            shownDraftVersion: decision.draftVersion,
            shownContentHash: shown.contentHash,
            sentDraftVersion: toSend?.version ?? null,
            rejectMode: decision.action === 'reject' ? (decision.rejectMode ?? 'skip-step') : undefined,
            reason: decision.reason,
            secondsToDecide: Math.round((decidedAt.getTime() - request.created_at.getTime()) / 1000),
            // Review time is the decision minus the decider's first view; without a view the decision is "not viewed".
            review: view
              ? { viewed: true, firstViewedAt: view.firstViewedAt.toISOString(), reviewSeconds: Math.round((decidedAt.getTime() - view.firstViewedAt.getTime()) / 100) / 10, visibleSeconds: Math.round(view.visibleMs / 100) / 10 }
              : { viewed: false },
            edit: decision.action === 'edit' && toSend ? draftEdit(shown, toSend) : undefined,
          },
        });
      });
      return toSend;
    },

    /** A gate that was not decided in time: remind the owner, then escalate to the manager, then expire. */
    async recordApprovalOverdue(
      input: StepRef & { approvalId: string; stage: OverdueStage; dueAt: string; managerId: string | null; describe: string },
    ): Promise<void> {
      const now = clock();
      const recipients =
        input.stage === 'reminder'
          ? [input.ownerId]
          : input.stage === 'escalation'
            ? [input.managerId ?? input.ownerId]
            : [...new Set([input.ownerId, input.managerId ?? input.ownerId])];
      const kind = `approval.${input.stage === 'reminder' ? 'reminded' : input.stage === 'escalation' ? 'escalated' : 'expired'}`;
      await db.transaction().execute(async (tx) => {
        for (const userId of recipients) {
          await tx
            .insertInto('notifications')
            .values({
              id: randomUUID(),
              key: `${input.approvalId}:${input.stage}:${userId}`,
              user_id: userId,
              kind,
              message: input.describe,
              approval_request_id: input.approvalId,
              created_at: now,
            })
            .onConflict((oc) => oc.column('key').doNothing())
            .execute();
        }
        await tx
          .updateTable('approval_requests')
          .set(
            input.stage === 'reminder'
              ? { reminded_at: now }
              : input.stage === 'escalation'
                ? { escalated_at: now }
                : { status: 'expired', resolved_at: now },
          )
          .where('id', '=', input.approvalId)
          .where('status', '=', 'pending')
          .execute();
        await recordAudit(tx, {
          key: `approval:${input.approvalId}:${kind}`,
          occurredAt: now,
          actor: 'component:approval-timer',
          action: kind,
          prospectId: input.prospectId,
          enrollmentId: input.enrollmentId,
          step: input.step,
          details: { approvalId: input.approvalId, notified: recipients, dueAt: input.dueAt },
        });
      });
    },
  };
}
