import {
  ActivityCancellationType,
  ActivityFailure,
  allHandlersFinished,
  ApplicationFailure,
  CancellationScope,
  condition,
  isCancellation,
  log,
  proxyActivities,
  setCurrentDetails,
  setHandler,
  sleep,
  upsertSearchAttributes,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import type { CadenceActivities } from '../activities';
import type { DraftRef, ScoredDraft, StepRef } from '../activities/drafting';
import type { CadenceStepDefinition, EnrollmentContext } from '../activities/enrollment';
import {
  decideUpdate,
  DecisionRefusal,
  replySignal,
  searchAttributes,
  stateQuery,
  type CadenceInput,
  type CadenceResult,
  type CadenceState,
  type CadenceStatus,
  type DecisionInput,
  type StepState,
} from './definitions';
import { decideGate, type GatePolicy } from './policy';

// Bookkeeping: quick, idempotent database writes.
const records = proxyActivities<CadenceActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

// Drafting and enrichment may call slow providers; they are safe to retry.
const drafting = proxyActivities<CadenceActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '2 seconds', maximumInterval: '5 minutes', maximumAttempts: 20 },
});

// Sending is idempotent by its business key. It heartbeats throughout, so a reply reaches it within
// seconds while it waits its turn, and the workflow waits for it to stop before it records the outcome.
const sending = proxyActivities<CadenceActivities>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '3 seconds',
  cancellationType: ActivityCancellationType.WAIT_CANCELLATION_COMPLETED,
  retry: { initialInterval: '5 seconds', maximumInterval: '5 minutes', maximumAttempts: 10 },
});

type StepOutcome = 'sent' | 'skipped' | 'end-cadence';

/**
 * One prospect's cadence. Each step waits, drafts, scores and passes the gate policy; a gated step
 * waits for the owner's decision with reminder, escalation and expiry. A reply at any moment cancels
 * whatever step is in progress and hands the prospect to the rep.
 */
export async function cadenceWorkflow(input: CadenceInput): Promise<CadenceResult> {
  const { workflowId } = workflowInfo();
  const state: CadenceState = {
    enrollmentId: input.enrollmentId,
    prospectId: input.prospectId,
    cadenceId: input.cadenceId,
    ownerId: input.ownerId,
    status: 'enrolled',
    currentStep: 0,
    totalSteps: 0,
    nextTouchAt: null,
    awaitingApproval: null,
    steps: [],
    reply: null,
    endedReason: null,
  };
  let stepScope: CancellationScope | undefined;
  let decision: DecisionInput | undefined;
  let ctx: EnrollmentContext | undefined;

  setHandler(stateQuery, () => state);

  setHandler(replySignal, (reply) => {
    if (state.reply || isFinished(state.status)) return;
    state.reply = reply;
    stepScope?.cancel();
  });

  setHandler(
    decideUpdate,
    (d) => {
      decision = d;
      return {
        approvalId: d.approvalId,
        action: d.action,
        step: state.awaitingApproval!.step,
        ...(d.action === 'edit' ? { edited: { subject: d.subject, body: d.body } } : {}),
      };
    },
    {
      validator: (d) => {
        const awaiting = state.awaitingApproval;
        if (!awaiting || awaiting.approvalId !== d.approvalId || state.reply) {
          throw ApplicationFailure.create({
            type: DecisionRefusal.notAwaiting,
            message: `this cadence is not waiting for a decision on approval ${d.approvalId} (status: ${state.status})`,
          });
        }
        if (decision) {
          throw ApplicationFailure.create({ type: DecisionRefusal.alreadyDecided, message: `approval ${d.approvalId} is already decided` });
        }
        if (awaiting.draftVersion !== d.draftVersion) {
          throw ApplicationFailure.create({
            type: DecisionRefusal.staleDraftVersion,
            message: `draft version ${d.draftVersion} is stale; the current version is ${awaiting.draftVersion}`,
          });
        }
        if (d.action === 'edit' && d.subject === undefined && d.body === undefined) {
          throw ApplicationFailure.create({ type: 'InvalidDecision', message: 'an edit must carry a subject or a body' });
        }
      },
    },
  );

  function publish(status: CadenceStatus, details: string): void {
    state.status = status;
    upsertSearchAttributes([
      { key: searchAttributes.status, value: status },
      { key: searchAttributes.awaitingApproval, value: state.awaitingApproval !== null },
      { key: searchAttributes.nextTouchAt, value: state.nextTouchAt ? new Date(state.nextTouchAt) : null },
    ]);
    setCurrentDetails(details);
  }

  const ownerName = () => ctx?.profile.owner.name ?? input.ownerId;
  const when = (iso: string) => iso.replace('T', ' ').replace(/:\d\d\.\d+Z$/, ' UTC');

  async function runStep(def: CadenceStepDefinition, step: StepState, policy: GatePolicy): Promise<StepOutcome> {
    const c = ctx!;
    const total = state.totalSteps;
    const ref: StepRef = { enrollmentId: input.enrollmentId, prospectId: input.prospectId, ownerId: input.ownerId, step: def.position };

    if (def.delaySeconds > 0) {
      state.nextTouchAt = new Date(Date.now() + def.delaySeconds * 1000).toISOString();
      step.status = 'waiting';
      publish('waiting', `Waiting until ${when(state.nextTouchAt)} to draft step ${def.position} of ${total}; a reply stops the cadence.`);
      await records.updateEnrollmentStatus({ enrollmentId: input.enrollmentId, prospectId: input.prospectId, status: 'waiting', currentStep: def.position, ended: false });
      await sleep(def.delaySeconds * 1000, { summary: `delay before step ${def.position}` });
    }
    await records.updateEnrollmentStatus({ enrollmentId: input.enrollmentId, prospectId: input.prospectId, status: 'drafting', currentStep: def.position, ended: false });
    state.nextTouchAt = null;
    step.status = 'drafting';
    publish('drafting', `Drafting step ${def.position} of ${total} for ${c.profile.prospect.email}.`);

    const enrichment = await drafting.enrichProspect(ref);
    const draft: ScoredDraft = await drafting.draftAndScore({ ...ref, templateId: def.templateId!, enrichment });
    step.draftVersion = draft.version;
    step.confidence = draft.confidence;

    const isFirstTouch = !state.steps.some((s) => s.status === 'sent');
    const gate = decideGate({ isFirstTouch, confidence: draft.confidence, account: c.profile.account }, policy);
    step.gate = gate;
    await records.recordGateDecision({ ...ref, draftId: draft.draftId, contentHash: draft.contentHash, gate });

    let toSend: DraftRef = draft;
    if (gate.gated) {
      const decided = await awaitDecision(ref, step, draft, gate, policy);
      if (decided.outcome !== 'send') return decided.outcome;
      toSend = decided.draft;
    }

    step.status = 'sending';
    publish('sending', `Sending step ${def.position} of ${total} to ${c.profile.prospect.email}.`);
    const references = state.steps.filter((s) => s.messageId).map((s) => s.messageId!);
    try {
      const sent = await sending.sendEmail({
        ...ref,
        draft: toSend,
        from: { name: c.profile.owner.name, address: c.profile.owner.email },
        references,
      });
      if (sent.status === 'cancelled') {
        step.status = 'cancelled';
        step.note = sent.reason;
        return 'skipped';
      }
      step.status = 'sent';
      step.messageId = sent.messageId;
      step.sentAt = sent.sentAt;
      return 'sent';
    } catch (err) {
      if (err instanceof ActivityFailure && err.cause instanceof ApplicationFailure && err.cause.nonRetryable) {
        step.status = 'skipped';
        step.note = err.cause.message;
        log.warn('step could not be sent', { step: def.position, error: err.cause.message });
        return 'skipped';
      }
      throw err;
    }
  }

  async function awaitDecision(
    ref: StepRef,
    step: StepState,
    draft: ScoredDraft,
    gate: ReturnType<typeof decideGate>,
    policy: GatePolicy,
  ): Promise<{ outcome: 'send'; draft: DraftRef } | { outcome: 'skipped' | 'end-cadence' }> {
    const openedAt = Date.now();
    const remindAt = new Date(openedAt + policy.approvalRemindAfterMs);
    const escalateAt = new Date(remindAt.getTime() + policy.approvalEscalateAfterMs);
    const expireAt = new Date(escalateAt.getTime() + policy.approvalExpireAfterMs);
    // The cadence accepts a decision from the moment the request can be seen in the queue.
    const approvalId = uuid4();
    step.approvalId = approvalId;
    step.status = 'awaiting-approval';
    decision = undefined;
    state.awaitingApproval = {
      approvalId,
      step: ref.step,
      draftVersion: draft.version,
      stage: 'awaiting',
      remindAt: remindAt.toISOString(),
      escalateAt: escalateAt.toISOString(),
      expireAt: expireAt.toISOString(),
    };
    await records.openApprovalRequest({ ...ref, approvalId, workflowId, draft, gate, remindAt: remindAt.toISOString() });
    const why = gate.rules.map((r) => r.rule).join(', ');
    const manager = ctx!.manager?.name ?? 'the manager';
    const stages = [
      {
        stage: 'reminder' as const,
        until: remindAt,
        details: `Waiting for ${ownerName()}'s approval of step ${ref.step} (draft v${draft.version}; gated: ${why}); reminder at ${when(remindAt.toISOString())}.`,
      },
      {
        stage: 'escalation' as const,
        until: escalateAt,
        details: `Waiting for ${ownerName()}'s approval of step ${ref.step} (reminded); escalation to ${manager} at ${when(escalateAt.toISOString())}.`,
      },
      {
        stage: 'expiry' as const,
        until: expireAt,
        details: `Waiting for ${ownerName()}'s approval of step ${ref.step} (escalated to ${manager}); the step expires at ${when(expireAt.toISOString())}.`,
      },
    ];
    try {
      for (const { stage, until, details } of stages) {
        publish('awaiting-approval', details);
        const decided = await condition(() => decision !== undefined, until.getTime() - Date.now(), {
          summary: `${stage} for approval of step ${ref.step}`,
        });
        if (decided) break;
        // An expired gate accepts no late decision: the validator refuses from this moment on.
        if (stage === 'expiry') state.awaitingApproval = null;
        await records.recordApprovalOverdue({
          ...ref,
          approvalId,
          stage,
          dueAt: until.toISOString(),
          managerId: ctx!.manager?.id ?? null,
          describe: `Step ${ref.step} for ${ctx!.profile.prospect.email} has waited for approval since ${when(new Date(openedAt).toISOString())}${
            stage === 'expiry' ? '; it expired and was skipped' : ''
          }.`,
        });
        if (stage === 'expiry') {
          step.status = 'expired';
          return { outcome: 'skipped' };
        }
        state.awaitingApproval!.stage = stage === 'reminder' ? 'reminded' : 'escalated';
      }
    } finally {
      state.awaitingApproval = null;
    }
    const d = decision!;
    step.decision = d.action;
    const approved = await CancellationScope.nonCancellable(() => records.recordDecision({ ...ref, decision: d, shown: draft }));
    if (d.action === 'reject') {
      step.status = 'rejected';
      step.note = d.reason;
      return { outcome: d.rejectMode === 'end-cadence' ? 'end-cadence' : 'skipped' };
    }
    step.draftVersion = approved!.version;
    return { outcome: 'send', draft: approved! };
  }

  // --- main line ---
  ctx = await records.startEnrollment({ ...input, workflowId });
  state.ownerName = ctx.profile.owner.name;
  state.prospectEmail = ctx.profile.prospect.email;
  state.accountName = ctx.profile.account.name;
  state.totalSteps = ctx.cadence.steps.length;
  state.steps = ctx.cadence.steps.map((s) => ({ step: s.position, templateId: s.templateId, status: 'pending' }));
  upsertSearchAttributes([
    { key: searchAttributes.owner, value: input.ownerId },
    { key: searchAttributes.prospect, value: ctx.profile.prospect.email },
    { key: searchAttributes.account, value: ctx.profile.account.domain },
  ]);

  for (const def of ctx.cadence.steps) {
    if (state.reply) break;
    const step = state.steps.find((s) => s.step === def.position)!;
    state.currentStep = def.position;
    stepScope = new CancellationScope();
    try {
      const outcome = await stepScope.run(async () => {
        // The policy in force now decides this step, so a policy change applies from the next step on.
        const policy = await records.loadGatePolicy();
        return runStep(def, step, policy);
      });
      if (outcome === 'end-cadence') {
        state.endedReason = `${ownerName()} rejected step ${def.position} and ended the cadence`;
        break;
      }
    } catch (err) {
      if (!(state.reply && isCancellation(err))) throw err;
      if (!['sent', 'skipped', 'rejected', 'expired'].includes(step.status)) step.status = 'cancelled';
    } finally {
      stepScope = undefined;
    }
  }

  state.nextTouchAt = null;
  state.awaitingApproval = null;
  if (state.reply) {
    const reply = state.reply;
    for (const s of state.steps) if (s.status === 'pending') s.status = 'cancelled';
    publish('replied', `The prospect replied at ${when(reply.receivedAt)}; automation stopped and ${ownerName()} has a task to respond.`);
    await records.handOverToRep({ enrollmentId: input.enrollmentId, prospectId: input.prospectId, ownerId: input.ownerId, reply });
    state.endedReason = 'the prospect replied';
  } else if (state.endedReason) {
    for (const s of state.steps) if (s.status === 'pending') s.status = 'skipped';
    publish('ended-by-rep', `Ended: ${state.endedReason}.`);
  } else {
    state.endedReason = 'every step ran';
    publish('completed', `Completed: ${state.steps.filter((s) => s.status === 'sent').length} of ${state.totalSteps} steps sent.`);
  }
  await records.updateEnrollmentStatus({ enrollmentId: input.enrollmentId, prospectId: input.prospectId, status: state.status, currentStep: state.currentStep, ended: true });
  await condition(allHandlersFinished);
  return { status: state.status, endedReason: state.endedReason, steps: state.steps };
}

function isFinished(status: CadenceStatus): boolean {
  return status === 'replied' || status === 'completed' || status === 'ended-by-rep';
}
