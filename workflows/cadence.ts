import {
  ActivityCancellationType,
  ActivityFailure,
  allHandlersFinished,
  ApplicationFailure,
  CancellationScope,
  condition,
  continueAsNew,
  isCancellation,
  log,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setCurrentDetails,
  setHandler,
  sleep,
  upsertSearchAttributes,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import type { CadenceActivities } from '../activities';
import type { DraftRef, GatedDraft, ScoredDraft, StepRef } from '../activities/drafting';
import type { CadenceStepDefinition, EnrollmentContext } from '../activities/enrollment';
import { nextTouchAt, nextWindowStart, type StepTiming } from './business-time';
import {
  accountPauseSignal,
  controlUpdate,
  decideUpdate,
  DecisionRefusal,
  replySignal,
  replyUpdate,
  searchAttributes,
  stateQuery,
  taskUpdate,
  type CadenceInput,
  type CadenceResult,
  type CadenceState,
  type CadenceStatus,
  type ControlInput,
  type DecisionInput,
  type GateOutcome,
  type Pause,
  type ReplyNotice,
  type StepState,
  type TaskInput,
} from './definitions';
import { decideGate, replyEffect, withDefaults, type GateInput, type GatePolicy } from './policy';

// Bookkeeping: quick, idempotent database writes.
const records = proxyActivities<CadenceActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

// The policy read and the enrollment's status row: short, harmless to repeat, so local activities (a marker in the
// history, no round trip through the server's task queue) for cadences started since PATCH_LOCAL_BOOKKEEPING.
const localRecords = proxyLocalActivities<CadenceActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

// A step the template alone writes (no slot for a model, the built-in enricher) is a few statements, harmless to
// repeat: drafted by the cadence's worker as a local activity (a marker in the history; no activity task, no extra
// workflow task) for cadences since PATCH_LOCAL_TEMPLATE_DRAFTING. Anything else is the drafting worker's.
const templateDrafting = proxyLocalActivities<CadenceActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '2 seconds', maximumInterval: '1 minute' },
});

// Drafting and enrichment may call slow providers; they are safe to retry. Cadences started before drafting had
// its own task queue keep drafting here.
const sameQueueDrafting = proxyActivities<CadenceActivities>({
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

type StepOutcome = 'done' | 'skipped' | 'end-cadence';

/**
 * Bookkeeping is never cancelled half-way: a reply waits the few milliseconds it takes, so the records
 * always match what the cadence did.
 */
const book = <T>(write: () => Promise<T>): Promise<T> => CancellationScope.nonCancellable(write);

/** Why the step in progress was cancelled; the main line decides what follows. */
type Interrupt =
  | { kind: 'reply' }
  | { kind: 'stop'; status: CadenceStatus; reason: string }
  | { kind: 'skip-step'; by: string };

// Changes to code that running cadences execute: each is taken only by cadences that reach it on a
// worker that knows it, so histories recorded before the change still replay.
const PATCH_REPLY_HAND_OVER = 'reply-hand-over-waits-for-rep';
const PATCH_BUSINESS_TIME = 'business-time-touches';
const PATCH_POLICY_AFTER_WAIT = 'policy-after-wait';
const PATCH_DRAFTING_QUEUE = 'drafting-task-queue';
const PATCH_TASK_BRIEF = 'task-brief';
/** The cadence reports 'replied' as it takes the reply in, not once its in-flight send has stopped. */
const PATCH_REPLY_AT_ONCE = 'reply-reported-at-once';
const PATCH_LOCAL_BOOKKEEPING = 'bookkeeping-as-local-activities';
const PATCH_LOCAL_GATE_RECORD = 'gate-record-as-local-activity';
/** Enrichment and drafting in one activity (they always run together). */
const PATCH_ONE_DRAFTING_ACTIVITY = 'enrich-draft-and-score';
/** Every patch decision of a run is taken in its first workflow task (see patchDecisions). */
const PATCH_DECIDED_AT_START = 'patches-decided-at-start';
/**
 * An email step's status, draft, score and gate decision in one activity that also returns the policy in force; the
 * enrollment's context carries the policy at the start. Four local activities fewer per email step.
 */
const PATCH_GATE_WITH_DRAFT = 'draft-score-and-gate';
/** The enrollment's start, an approval request and a decision's record as local activities (short, idempotent writes). */
const PATCH_LOCAL_STEP_RECORDS = 'step-records-as-local-activities';
/** The owner, prospect and account search attributes are upserted only when the start did not already set them. */
const PATCH_START_ATTRIBUTES = 'identity-attributes-from-start';
/** A step the template alone writes is drafted, scored and gated by a local activity (see templateDrafting). */
const PATCH_LOCAL_TEMPLATE_DRAFTING = 'template-drafting-as-local-activity';
/**
 * One marker for every patch above: a run started since then takes them all (BASELINE_PATCHES) on this one marker.
 * Each patch marker comes with an upsert of the TemporalChangeVersion search attribute, so deciding eleven patches
 * one by one cost every cadence 22 history events and 11 visibility writes in its first workflow task.
 */
const PATCH_BASELINE = 'cadence-baseline-2026-12-07';
/** The patches up to the baseline, which PATCH_BASELINE stands for. Never add to it (see PATCH_BASELINE_2). */
const BASELINE_PATCHES = [
  PATCH_REPLY_HAND_OVER,
  PATCH_BUSINESS_TIME,
  PATCH_POLICY_AFTER_WAIT,
  PATCH_DRAFTING_QUEUE,
  PATCH_TASK_BRIEF,
  PATCH_REPLY_AT_ONCE,
  PATCH_LOCAL_BOOKKEEPING,
  PATCH_LOCAL_GATE_RECORD,
  PATCH_ONE_DRAFTING_ACTIVITY,
  PATCH_GATE_WITH_DRAFT,
  PATCH_LOCAL_STEP_RECORDS,
  PATCH_START_ATTRIBUTES,
];
const IN_BASELINE: ReadonlySet<string> = new Set(BASELINE_PATCHES);
/**
 * The second baseline: every patch of the first and those since, on one marker, for runs started since. A run that
 * did not start on it never takes the patches it added (deciding one where the code reaches it could put its marker
 * after a local activity: see patchDecisions). Never add to it: a later patch makes a third.
 */
const PATCH_BASELINE_2 = 'cadence-baseline-2026-12-07b';
const SINCE_BASELINE: readonly string[] = [PATCH_LOCAL_TEMPLATE_DRAFTING];
const IN_BASELINE_2: ReadonlySet<string> = new Set([...BASELINE_PATCHES, ...SINCE_BASELINE]);

/**
 * patched() for one run. A run started on this code decides every patch in its first workflow task. Deciding where
 * the code reaches a patch broke under load: a worker can record a local activity's result in one workflow task
 * and run the code after it in the next, so a patch marker written by that code lands one task later than the
 * local activity; a replay resolves the local activity in the earlier task, reaches patched() before the marker is
 * known, takes the old branch and fails (test/fixtures/histories/known-nondeterminism). Runs started before this
 * patch keep deciding each patch where their code reaches it, as their histories recorded. Runs started since
 * PATCH_BASELINE take every patch up to it on its one marker, and runs since PATCH_BASELINE_2 every patch up to that.
 */
function patchDecisions(): (patchId: string) => boolean {
  if (patched(PATCH_BASELINE_2)) return (patchId) => IN_BASELINE_2.has(patchId);
  const before = patchDecisionsBeforeBaseline2();
  return (patchId) => !SINCE_BASELINE.includes(patchId) && before(patchId);
}

function patchDecisionsBeforeBaseline2(): (patchId: string) => boolean {
  if (patched(PATCH_BASELINE)) return (patchId) => IN_BASELINE.has(patchId);
  if (!patched(PATCH_DECIDED_AT_START)) return patched;
  const decided = new Map(BASELINE_PATCHES.map((id) => [id, patched(id)]));
  return (patchId) => decided.get(patchId) ?? patched(patchId);
}

/**
 * Drafting on its own task queue (a model's worker, one generation at a time): it heartbeats while a model writes,
 * so a reply cancels a generation in flight within seconds; a model that may come back (rate limit, 5xx) is
 * retried with backoff, and past its budget the activity itself gives way to the template draft.
 */
function draftingOn(taskQueue: string) {
  return proxyActivities<CadenceActivities>({
    taskQueue,
    startToCloseTimeout: '5 minutes',
    heartbeatTimeout: '30 seconds',
    retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '2 minutes', maximumAttempts: 20 },
  });
}

/**
 * One prospect's cadence. Each step waits for its moment (business time, in the prospect's send
 * window), then runs by kind: emails are drafted, scored and passed through the gate policy; manual
 * emails always go to the rep; call, LinkedIn and meeting steps become tasks the rep completes. A
 * human reply cancels whatever is in progress and hands the prospect to the rep; automatic replies
 * pause it (out of office), retry it (soft bounce) or end it (unsubscribe, hard bounce).
 */
export async function cadenceWorkflow(input: CadenceInput): Promise<CadenceResult> {
  const isPatched = patchDecisions();
  const { workflowId } = workflowInfo();
  const drafting = input.draftingTaskQueue && isPatched(PATCH_DRAFTING_QUEUE) ? draftingOn(input.draftingTaskQueue) : sameQueueDrafting;
  const state: CadenceState = input.carried?.state ?? {
    enrollmentId: input.enrollmentId,
    prospectId: input.prospectId,
    cadenceId: input.cadenceId,
    ownerId: input.ownerId,
    status: 'enrolled',
    currentStep: 0,
    totalSteps: 0,
    nextTouchAt: null,
    awaitingApproval: null,
    awaitingTask: null,
    pauses: [],
    steps: [],
    reply: null,
    inbound: [],
    softBounces: {},
    endedReason: null,
    runs: 0,
  };
  state.runs += 1;
  let stepScope: CancellationScope | undefined;
  let interrupt: Interrupt | undefined;
  let decision: DecisionInput | undefined;
  /** Set when an approval is taken out of the queue without a decision (its hand-over ended). */
  let withdrawn = false;
  let taskAction: TaskInput | undefined;
  let resumed = false;
  /** A rep resumed the cadence: the database's holds are released before anything is sent again. */
  let releasePending = false;
  let ctx: EnrollmentContext | undefined;
  let lastTouchAt = input.carried ? new Date(input.carried.lastTouchAt) : new Date();
  const pendingResends: Array<Promise<void>> = [];
  const resendScope = new CancellationScope();
  // Declared before the handlers: a signal or update that arrives with the start is handled as the handler is set,
  // before the rest of this function has run.
  let currentPolicy: GatePolicy | undefined;
  const fallbackPolicy: GatePolicy = { version: 'defaults', confidenceThreshold: 0.85, dealValueThreshold: 0, strategicTiers: [], approvalRemindAfterMs: 0, approvalEscalateAfterMs: 0, approvalExpireAfterMs: 0 };
  const ownerName = () => ctx?.profile.owner.name ?? input.ownerId;
  const when = (iso: string) => iso.replace('T', ' ').replace(/:\d\d\.\d+Z$/, ' UTC');

  const finished = () => ['replied', 'completed', 'ended-by-rep', 'unsubscribed', 'bounced'].includes(state.status) && state.endedReason !== null;
  const interruptStep = (why: Interrupt) => {
    if (interrupt?.kind === 'stop' || (interrupt?.kind === 'reply' && why.kind !== 'stop')) return;
    interrupt = why;
    stepScope?.cancel();
  };

  setHandler(stateQuery, () => state);

  const takeReply = (reply: ReplyNotice): void => {
    if (finished() || state.inbound.some((r) => r.replyId === reply.replyId)) return;
    const effect = replyEffect(reply.intent);
    state.inbound.push({ replyId: reply.replyId, intent: reply.intent ?? 'other', effect, receivedAt: reply.receivedAt });
    switch (effect) {
      case 'hand-over':
        if (state.reply) return;
        state.reply = reply;
        interruptStep({ kind: 'reply' });
        // The webhook recorded the reply in the ledger before telling us: no send can leave from here on, so the
        // cadence says so now rather than after its in-flight send has heard of the cancellation (a heartbeat).
        if (interrupt?.kind === 'reply' && isPatched(PATCH_REPLY_AT_ONCE)) {
          const inFlight = state.steps.find((s) => s.step === state.currentStep && (s.status === 'sending' || s.status === 'deferred'));
          if (inFlight) inFlight.status = 'cancelling';
          publish('replied', `The prospect replied at ${when(reply.receivedAt)}; automation stopped, handing over to ${ownerName()}.`);
        }
        return;
      case 'unsubscribe':
        interruptStep({ kind: 'stop', status: 'unsubscribed', reason: 'the prospect unsubscribed' });
        return;
      case 'hard-bounce':
        interruptStep({ kind: 'stop', status: 'bounced', reason: 'the address bounced permanently' });
        return;
      case 'soft-bounce':
        scheduleResend(reply);
        return;
      case 'away': {
        const until = outOfOfficeUntil(reply);
        state.pauses = state.pauses.filter((p) => p.kind !== 'out-of-office');
        state.pauses.push({ kind: 'out-of-office', by: 'prospect', reason: 'out of office', since: reply.receivedAt, until });
        return;
      }
      case 'record-only':
        return;
    }
  };
  setHandler(replySignal, takeReply);
  // The same, answering with the status the reply left (an unsubscribe or a bounce ends the cadence just after).
  setHandler(replyUpdate, (reply) => {
    takeReply(reply);
    const step = state.steps.find((s) => s.step === state.currentStep);
    return { replyId: reply.replyId, status: state.status, step: state.currentStep, stepStatus: step?.status ?? null };
  });

  setHandler(accountPauseSignal, (notice) => {
    if (finished() || state.pauses.some((p) => p.kind === 'account-reply')) return;
    state.pauses.push({
      kind: 'account-reply',
      by: notice.fromEmail,
      reason: `${notice.fromEmail} at the same account replied`,
      since: notice.receivedAt,
    });
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
        actorId: d.actorId,
        decidedAt: d.decidedAt,
        ...(d.requestId ? { requestId: d.requestId } : {}),
      };
    },
    {
      validator: (d) => {
        const awaiting = state.awaitingApproval;
        if (!awaiting || awaiting.approvalId !== d.approvalId || (state.reply && awaiting.kind === 'step') || interrupt) {
          refuse(DecisionRefusal.notAwaiting, `this cadence is not waiting for a decision on approval ${d.approvalId} (status: ${state.status})`);
        }
        if (decision) refuse(DecisionRefusal.alreadyDecided, `approval ${d.approvalId} is already decided`);
        if (awaiting!.draftVersion !== d.draftVersion) {
          refuse(DecisionRefusal.staleDraftVersion, `draft version ${d.draftVersion} is stale; the current version is ${awaiting!.draftVersion}`);
        }
        if (d.action === 'edit' && d.subject === undefined && d.body === undefined) {
          refuse(DecisionRefusal.invalid, 'an edit must carry a subject or a body');
        }
      },
    },
  );

  setHandler(
    taskUpdate,
    (t) => {
      taskAction = t;
      return { taskId: t.taskId, action: t.action, actorId: t.actorId, at: t.at, ...(t.requestId ? { requestId: t.requestId } : {}) };
    },
    {
      validator: (t) => {
        const awaiting = state.awaitingTask;
        if (!awaiting || awaiting.taskId !== t.taskId || taskAction) {
          refuse(DecisionRefusal.notAwaiting, `this cadence is not waiting for task ${t.taskId} (status: ${state.status})`);
        }
        if (awaiting!.kind === 'meeting' && t.action === 'complete' && !t.meetingAt) {
          refuse(DecisionRefusal.invalid, 'a meeting step is completed only with the meeting time the rep confirmed (meetingAt)');
        }
      },
    },
  );

  setHandler(
    controlUpdate,
    (c) => {
      applyControl(c);
      return { action: c.action, status: state.status, step: state.currentStep };
    },
    { validator: validateControl },
  );

  function validateControl(c: ControlInput): void {
    if (finished() || interrupt?.kind === 'stop') refuse(DecisionRefusal.notAwaiting, `the cadence has ended (${state.status})`);
    switch (c.action) {
      case 'pause':
        if (state.pauses.some((p) => p.kind === 'rep-pause')) refuse(DecisionRefusal.invalid, 'the cadence is already paused');
        return;
      case 'resume':
        if (state.pauses.length === 0 && !state.reply) refuse(DecisionRefusal.invalid, 'the cadence is not paused');
        return;
      case 'skip-step':
        if (state.currentStep === 0 || state.reply) refuse(DecisionRefusal.invalid, 'there is no step in progress to skip');
        if (interrupt?.kind === 'skip-step') refuse(DecisionRefusal.invalid, `step ${state.currentStep} is already being skipped`);
        return;
      case 'finish':
        return;
    }
  }

  function applyControl(c: ControlInput): void {
    const by = `user:${c.actorId}`;
    state.lastControl = { action: c.action, actorId: c.actorId, at: c.at };
    switch (c.action) {
      case 'pause':
        state.pauses.push({ kind: 'rep-pause', by, reason: c.reason ?? 'paused by a rep', since: c.at });
        return;
      case 'resume':
        state.pauses = [];
        releasePending = true;
        if (state.reply) resumed = true;
        return;
      case 'skip-step':
        interruptStep({ kind: 'skip-step', by });
        return;
      case 'finish':
        interruptStep({ kind: 'stop', status: 'ended-by-rep', reason: `${by} finished the cadence${c.reason ? `: ${c.reason}` : ''}` });
        return;
    }
  }

  function publish(status: CadenceStatus, details: string): void {
    state.status = status;
    upsertSearchAttributes([
      { key: searchAttributes.status, value: status },
      { key: searchAttributes.awaitingApproval, value: state.awaitingApproval !== null },
      { key: searchAttributes.nextTouchAt, value: state.nextTouchAt ? new Date(state.nextTouchAt) : null },
    ]);
    setCurrentDetails(details);
  }

  const bookkeeping = () => (isPatched(PATCH_LOCAL_BOOKKEEPING) ? localRecords : records);
  const stepRecords = () => (isPatched(PATCH_LOCAL_STEP_RECORDS) ? localRecords : records);
  const ref = (step: number): StepRef => ({ enrollmentId: input.enrollmentId, prospectId: input.prospectId, ownerId: input.ownerId, step });
  const calendar = () => ctx!.calendar;

  function outOfOfficeUntil(reply: ReplyNotice): string {
    const policy = withDefaults(currentPolicy ?? fallbackPolicy);
    if (reply.returnDate) {
      // Back on the stated day: the next touch goes out in that day's send window.
      return new Date(`${reply.returnDate}T00:00:00Z`).toISOString();
    }
    return new Date(new Date(reply.receivedAt).getTime() + policy.outOfOfficeDefaultMs).toISOString();
  }

  /** Nothing automated goes out while the cadence is paused; an out-of-office pause ends by itself. */
  async function waitWhilePaused(step: number): Promise<void> {
    for (;;) {
      const now = Date.now();
      state.pauses = state.pauses.filter((p) => !p.until || new Date(p.until).getTime() > now);
      if (state.pauses.length === 0) break;
      const timed = state.pauses.filter((p) => p.until).map((p) => new Date(p.until!).getTime());
      const until = timed.length === state.pauses.length ? Math.max(...timed) : undefined;
      const why = state.pauses.map((p) => p.reason).join('; ');
      const previous = state.status;
      publish('paused', `Paused before step ${step} (${why})${until ? `; resumes by itself at ${when(new Date(until).toISOString())}` : `; waiting for ${ownerName()} to resume it`}.`);
      const count = state.pauses.length;
      if (until) await condition(() => state.pauses.length !== count, until - now);
      else await condition(() => state.pauses.length !== count);
      if (previous !== 'paused') state.status = previous;
    }
    if (releasePending) {
      releasePending = false;
      await book(() => records.releaseHolds({ enrollmentId: input.enrollmentId, by: 'component:cadence-workflow', reason: 'a rep resumed the cadence' }));
    }
  }

  /** Sleeps until the step's moment: its delay in business time, inside its send window. */
  async function waitForTouch(def: CadenceStepDefinition, step: StepState): Promise<void> {
    if (!isPatched(PATCH_BUSINESS_TIME)) {
      // The first version: a plain delay counted from the start of the step.
      if (def.delaySeconds > 0) {
        state.nextTouchAt = new Date(Date.now() + def.delaySeconds * 1000).toISOString();
        step.status = 'waiting';
        publish('waiting', `Waiting until ${when(state.nextTouchAt)} to draft step ${def.position} of ${state.totalSteps}; a reply stops the cadence.`);
        await book(() => bookkeeping().updateEnrollmentStatus({ enrollmentId: input.enrollmentId, prospectId: input.prospectId, status: 'waiting', currentStep: def.position, ended: false }));
        await sleep(def.delaySeconds * 1000, { summary: `delay before step ${def.position}` });
      }
      state.nextTouchAt = null;
      return;
    }
    const timing: StepTiming | null = def.timing;
    const due = timing
      ? nextTouchAt(lastTouchAt, timing, calendar()).getTime()
      : def.delaySeconds > 0
        ? lastTouchAt.getTime() + def.delaySeconds * 1000
        : Date.now();
    if (due > Date.now()) {
      state.nextTouchAt = new Date(due).toISOString();
      step.status = 'waiting';
      const window = timing?.window ? ` (send window ${timing.window.start}–${timing.window.end} ${calendar().timeZone})` : '';
      publish('waiting', `Waiting until ${when(state.nextTouchAt)}${window} for step ${def.position} of ${state.totalSteps} (${def.kind}); a reply stops the cadence.`);
      await book(() => bookkeeping().updateEnrollmentStatus({ enrollmentId: input.enrollmentId, prospectId: input.prospectId, status: 'waiting', currentStep: def.position, ended: false }));
      await sleep(due - Date.now(), { summary: `wait for step ${def.position}` });
    }
    await waitWhilePaused(def.position);
    // A pause may have carried the step past its window: wait for the next one.
    if (timing?.window) {
      const open = nextWindowStart(new Date(Date.now()), timing.window, calendar()).getTime();
      if (open > Date.now()) {
        state.nextTouchAt = new Date(open).toISOString();
        publish('waiting', `Waiting for the send window at ${when(state.nextTouchAt)} for step ${def.position} of ${state.totalSteps}.`);
        await sleep(open - Date.now(), { summary: `send window for step ${def.position}` });
      }
    }
    state.nextTouchAt = null;
  }

  async function runStep(def: CadenceStepDefinition, step: StepState, loaded: GatePolicy): Promise<StepOutcome> {
    await waitForTouch(def, step);
    const isEmail = def.kind !== 'call' && def.kind !== 'linkedin' && def.kind !== 'meeting';
    // The drafting activity brings the policy in force and writes the status itself.
    if (isEmail && isPatched(PATCH_GATE_WITH_DRAFT)) return runEmailStep(def, step);
    let policy = loaded;
    if (isPatched(PATCH_POLICY_AFTER_WAIT)) {
      // The policy in force when the step's moment comes decides it: a version accepted during the wait applies.
      policy = currentPolicy = await book(() => bookkeeping().loadGatePolicy());
    }
    await book(() => bookkeeping().updateEnrollmentStatus({ enrollmentId: input.enrollmentId, prospectId: input.prospectId, status: 'drafting', currentStep: def.position, ended: false }));
    if (!isEmail) return runTaskStep(def, step, policy);
    return runEmailStep(def, step, policy);
  }

  /** An email step: drafted, scored and gated; then sent, at once or once a rep approves it. */
  async function runEmailStep(def: CadenceStepDefinition, step: StepState, loaded?: GatePolicy): Promise<StepOutcome> {
    const c = ctx!;
    const r = ref(def.position);
    step.status = 'drafting';
    const draftingNote = `Drafting step ${def.position} of ${state.totalSteps} for ${c.profile.prospect.email}`;

    const isFirstTouch = !state.steps.some((s) => s.status === 'sent');
    const gateInput = { stepKind: def.kind, isFirstTouch, account: c.profile.account };
    const emailStep = { ...r, cadenceId: input.cadenceId, templateId: def.templateId!, gateInput };
    let gated: GatedDraft | undefined;
    if (!loaded && isPatched(PATCH_LOCAL_TEMPLATE_DRAFTING)) {
      // Drafted within this workflow task, the step would never show as drafting in the search attributes: the
      // status is set for queries alone, and published only if the drafting worker is needed after all.
      state.status = 'drafting';
      setCurrentDetails(`${draftingNote}.`);
      const here = await templateDrafting.draftScoreAndGateFromTemplate(emailStep);
      if ('needsDraftingWorker' in here) publish('drafting', `${draftingNote} on the drafting worker (${here.needsDraftingWorker}).`);
      else gated = here;
    } else {
      publish('drafting', `${draftingNote}.`);
    }
    const { draft, gate, policy } = gated ?? (loaded ? await draftThenGate(def, gateInput, loaded) : await drafting.draftScoreAndGate(emailStep));
    currentPolicy = policy;
    step.draftVersion = draft.version;
    step.confidence = draft.confidence;
    step.variant = draft.variant ?? null;
    step.gate = gate;

    let toSend: DraftRef = draft;
    if (gate.gated) {
      const decided = await awaitDecision(r, 'step', step, draft, gate, policy);
      if (decided.outcome !== 'send') return decided.outcome;
      toSend = decided.draft;
    }
    return send(def.position, step, toSend, !gate.gated);
  }

  /** Before PATCH_GATE_WITH_DRAFT: the draft from its activity, the gate decided here and recorded by another. */
  async function draftThenGate(def: CadenceStepDefinition, gateInput: Omit<GateInput, 'confidence'>, policy: GatePolicy): Promise<{ draft: ScoredDraft; gate: GateOutcome; policy: GatePolicy }> {
    const r = ref(def.position);
    const draft: ScoredDraft = isPatched(PATCH_ONE_DRAFTING_ACTIVITY)
      ? await drafting.enrichDraftAndScore({ ...r, cadenceId: input.cadenceId, templateId: def.templateId! })
      : await drafting.draftAndScore({ ...r, cadenceId: input.cadenceId, templateId: def.templateId!, enrichment: await drafting.enrichProspect(r) });
    const gate = decideGate({ ...gateInput, confidence: draft.confidence, senderUnauthenticated: draft.senderUnauthenticated, templateId: draft.templateId, drafter: draft.drafter }, policy);
    // An audit row under its own key (a repeat inserts nothing): a local activity for cadences since PATCH_LOCAL_GATE_RECORD.
    await book(() => (isPatched(PATCH_LOCAL_GATE_RECORD) ? localRecords : records).recordGateDecision({ ...r, draftId: draft.draftId, contentHash: draft.contentHash, gate }));
    return { draft, gate, policy };
  }

  /**
   * Over a cap the send activity reserves the next slot with room and answers 'deferred': the cadence
   * sleeps until then (a timer the UI shows) and asks again. A cancellation while it sleeps (a reply, a
   * stop) gives the slot back.
   */
  async function waitForSlot(sent: { until: string; reason: string }, position: number, release: { draftVersion: number; purpose?: 'step' | 'reply'; attempt?: number }): Promise<void> {
    try {
      await sleep(Math.max(0, new Date(sent.until).getTime() - Date.now()), { summary: `deferred send of step ${position}: ${sent.reason}` });
    } catch (err) {
      if (isCancellation(err)) await book(() => records.releaseSendSlot({ enrollmentId: input.enrollmentId, step: position, ...release }));
      throw err;
    }
  }

  async function send(position: number, step: StepState, toSend: DraftRef, automatic: boolean): Promise<StepOutcome> {
    const c = ctx!;
    for (;;) {
      await waitWhilePaused(position);
      step.status = 'sending';
      publish('sending', `Sending step ${position} of ${state.totalSteps} to ${c.profile.prospect.email}.`);
      try {
        const sent = await sending.sendEmail({
          ...ref(position),
          asOf: new Date(Date.now()).toISOString(),
          draft: toSend,
          from: { name: c.profile.owner.name, address: c.profile.owner.email },
          references: sentMessageIds(),
          automatic,
        });
        if (sent.status === 'deferred') {
          step.status = 'deferred';
          step.deferredUntil = sent.until;
          publish('sending', `Step ${position} of ${state.totalSteps} to ${c.profile.prospect.email} is deferred until ${when(sent.until)}: ${sent.reason}.`);
          await waitForSlot(sent, position, { draftVersion: toSend.version });
          continue;
        }
        if (sent.status === 'cancelled') {
          // A pause recorded in the database that this run has not heard of (yet): adopt it, wait, try again.
          if (sent.held) {
            if (sent.holdUntil && new Date(sent.holdUntil).getTime() <= Date.now()) {
              // The hold ends by this cadence's clock but not yet by the database's: give the clocks a minute.
              await sleep(60_000, { summary: 'hold ending' });
              continue;
            }
            if (state.pauses.length === 0 && !releasePending) {
              state.pauses.push({
                kind: sent.holdKind === 'out-of-office' || sent.holdKind === 'account-reply' ? sent.holdKind : 'rep-pause',
                by: 'database',
                reason: sent.reason,
                since: new Date(Date.now()).toISOString(),
                ...(sent.holdUntil ? { until: sent.holdUntil } : {}),
              });
            }
            continue;
          }
          step.status = 'cancelled';
          step.note = sent.reason;
          return 'skipped';
        }
        step.status = 'sent';
        step.messageId = sent.messageId;
        step.sentAt = sent.sentAt;
        step.deferredUntil = undefined;
        if (sent.unconfirmed) step.unconfirmed = true;
        return 'done';
      } catch (err) {
        if (err instanceof ActivityFailure && err.cause instanceof ApplicationFailure && err.cause.nonRetryable) {
          step.status = 'skipped';
          step.note = err.cause.message;
          log.warn('step could not be sent', { step: position, error: err.cause.message });
          return 'skipped';
        }
        throw err;
      }
    }
  }

  const sentMessageIds = () => state.steps.filter((s) => s.messageId).map((s) => s.messageId!);

  async function awaitDecision(
    r: StepRef,
    kind: 'step' | 'reply',
    step: StepState | null,
    draft: ScoredDraft,
    gate: GateOutcome,
    policy: GatePolicy,
  ): Promise<{ outcome: 'send'; draft: DraftRef } | { outcome: 'skipped' | 'end-cadence' }> {
    const openedAt = Date.now();
    const remindAt = new Date(openedAt + policy.approvalRemindAfterMs);
    const escalateAt = new Date(remindAt.getTime() + policy.approvalEscalateAfterMs);
    const expireAt = new Date(escalateAt.getTime() + policy.approvalExpireAfterMs);
    // The cadence accepts a decision from the moment the request can be seen in the queue.
    const approvalId = uuid4();
    if (step) {
      step.approvalId = approvalId;
      step.status = 'awaiting-approval';
    }
    decision = undefined;
    withdrawn = false;
    state.awaitingApproval = {
      approvalId,
      kind,
      step: r.step,
      draftVersion: draft.version,
      stage: 'awaiting',
      remindAt: remindAt.toISOString(),
      escalateAt: escalateAt.toISOString(),
      expireAt: expireAt.toISOString(),
    };
    await book(() => stepRecords().openApprovalRequest({ ...r, approvalId, workflowId, draft, gate, remindAt: remindAt.toISOString(), ...(kind === 'reply' ? { kind, replyId: state.reply!.replyId } : {}) }));
    const what = kind === 'reply' ? `the suggested answer to ${ctx!.profile.prospect.email}'s reply` : `step ${r.step}`;
    const why = gate.rules.map((g) => g.rule).join(', ');
    const manager = ctx!.manager?.name ?? 'the manager';
    const stages = [
      {
        stage: 'reminder' as const,
        until: remindAt,
        details: `Waiting for ${ownerName()}'s approval of ${what} (draft v${draft.version}; gated: ${why}); reminder at ${when(remindAt.toISOString())}.`,
      },
      {
        stage: 'escalation' as const,
        until: escalateAt,
        details: `Waiting for ${ownerName()}'s approval of ${what} (reminded); escalation to ${manager} at ${when(escalateAt.toISOString())}.`,
      },
      {
        stage: 'expiry' as const,
        until: expireAt,
        details: `Waiting for ${ownerName()}'s approval of ${what} (escalated to ${manager}); it expires at ${when(expireAt.toISOString())}.`,
      },
    ];
    try {
      for (const { stage, until, details } of stages) {
        publish(kind === 'step' ? 'awaiting-approval' : 'replied', details);
        const decided = await condition(() => decision !== undefined || withdrawn, until.getTime() - Date.now(), {
          summary: `${stage} for approval of ${kind === 'reply' ? 'the suggested answer' : `step ${r.step}`}`,
        });
        if (decided) break;
        // An expired gate accepts no late decision: the validator refuses from this moment on.
        if (stage === 'expiry') state.awaitingApproval = null;
        await book(() => records.recordApprovalOverdue({
          ...r,
          approvalId,
          stage,
          dueAt: until.toISOString(),
          managerId: ctx!.manager?.id ?? null,
          describe: `${kind === 'reply' ? 'The suggested answer' : `Step ${r.step}`} for ${ctx!.profile.prospect.email} has waited for approval since ${when(new Date(openedAt).toISOString())}${
            stage === 'expiry' ? '; it expired and was skipped' : ''
          }.`,
        }));
        if (stage === 'expiry') {
          if (step) step.status = 'expired';
          return { outcome: 'skipped' };
        }
        state.awaitingApproval!.stage = stage === 'reminder' ? 'reminded' : 'escalated';
      }
    } finally {
      state.awaitingApproval = null;
    }
    if (withdrawn && !decision) return { outcome: 'skipped' };
    const d = decision!;
    if (step) step.decision = d.action;
    const approved = await CancellationScope.nonCancellable(() => stepRecords().recordDecision({ ...r, decision: d, shown: draft, kind }));
    if (d.action === 'reject') {
      if (step) {
        step.status = 'rejected';
        step.note = d.reason;
      }
      return { outcome: d.rejectMode === 'end-cadence' ? 'end-cadence' : 'skipped' };
    }
    if (step) step.draftVersion = approved!.version;
    return { outcome: 'send', draft: approved! };
  }

  /** Call, LinkedIn and meeting steps: a task for the rep, with an SLA, then expiry. */
  async function runTaskStep(def: CadenceStepDefinition, step: StepState, policy: GatePolicy): Promise<StepOutcome> {
    const p = withDefaults(policy);
    const kind = def.kind as 'call' | 'linkedin' | 'meeting';
    const taskId = uuid4();
    const now = Date.now();
    const slaAt = new Date(now + (def.taskSlaMinutes ? def.taskSlaMinutes * 60_000 : p.taskSlaMs));
    const expireAt = new Date(slaAt.getTime() + p.taskExpireAfterMs);
    step.taskId = taskId;
    step.status = 'awaiting-task';
    taskAction = undefined;
    state.awaitingTask = { taskId, kind, step: def.position, dueAt: new Date(now).toISOString(), slaAt: slaAt.toISOString(), expireAt: expireAt.toISOString(), escalated: false };
    await book(() => records.openTask({ ...ref(def.position), taskId, kind, dueAt: new Date(now).toISOString(), slaAt: slaAt.toISOString(), instructions: def.instructions }));
    // A model writes the rep a brief for the call or meeting while the task waits; the task never waits for it.
    const briefScope = new CancellationScope();
    if (kind !== 'linkedin' && isPatched(PATCH_TASK_BRIEF)) {
      briefScope.run(() => drafting.writeTaskBrief({ ...ref(def.position), taskId })).catch(() => undefined);
    }
    const label = kind === 'meeting' ? 'confirm the meeting' : kind === 'call' ? 'call' : 'LinkedIn touch';
    try {
      publish('awaiting-task', `Waiting for ${ownerName()} to ${label === 'call' ? 'make the call' : label === 'LinkedIn touch' ? 'make the LinkedIn touch' : label} for step ${def.position}; escalation to ${ctx!.manager?.name ?? 'the manager'} at ${when(slaAt.toISOString())}.`);
      if (!(await condition(() => taskAction !== undefined, slaAt.getTime() - Date.now(), { summary: `SLA for the ${kind} task of step ${def.position}` }))) {
        state.awaitingTask!.escalated = true;
        await book(() => records.recordTaskOverdue({ ...ref(def.position), taskId, stage: 'escalation', managerId: ctx!.manager?.id ?? null }));
        publish('awaiting-task', `The ${kind} task of step ${def.position} is past its SLA and was escalated; it expires at ${when(expireAt.toISOString())}.`);
        if (!(await condition(() => taskAction !== undefined, expireAt.getTime() - Date.now(), { summary: `expiry of the ${kind} task of step ${def.position}` }))) {
          state.awaitingTask = null;
          await book(() => records.recordTaskOverdue({ ...ref(def.position), taskId, stage: 'expiry', managerId: ctx!.manager?.id ?? null }));
          step.status = 'expired';
          return 'skipped';
        }
      }
    } finally {
      state.awaitingTask = null;
      briefScope.cancel();
    }
    const t = taskAction!;
    await CancellationScope.nonCancellable(() => records.recordTaskOutcome({ ...ref(def.position), task: t, kind }));
    step.status = t.action === 'complete' ? 'done' : 'skipped';
    step.outcome = t.outcome ?? (kind === 'meeting' && t.meetingAt ? `meeting confirmed for ${t.meetingAt}` : undefined);
    return t.action === 'complete' ? 'done' : 'skipped';
  }

  /** A soft bounce: the same message goes again later, a few times at most, then the cadence ends. */
  function scheduleResend(reply: ReplyNotice): void {
    const bounced = reply.bouncedMessageId;
    const step =
      state.steps.find((s) => bounced && (s.messageId === bounced || s.resentMessageIds?.includes(bounced))) ??
      [...state.steps].reverse().find((s) => s.status === 'sent');
    if (!step || !step.draftVersion) return;
    const attempts = (state.softBounces[step.step] ?? 0) + 1;
    state.softBounces[step.step] = attempts;
    const policy = withDefaults(currentPolicy ?? fallbackPolicy);
    if (attempts > policy.softBounceMaxRetries) {
      interruptStep({ kind: 'stop', status: 'bounced', reason: `step ${step.step} bounced ${attempts} times` });
      return;
    }
    const resend = resendScope.run(async () => {
      await sleep(policy.softBounceRetryAfterMs, { summary: `retry step ${step.step} after a soft bounce` });
      await waitWhilePaused(step.step);
      if (interrupt || state.reply) return;
      const draft = await records.loadSentDraft({ ...ref(step.step), draftVersion: step.draftVersion! });
      let sent;
      for (;;) {
        sent = await sending.sendEmail({
          ...ref(step.step),
          draft,
          attempt: attempts + 1,
          from: { name: ctx!.profile.owner.name, address: ctx!.profile.owner.email },
          references: sentMessageIds().filter((id) => id !== step.messageId),
        });
        if (sent.status !== 'deferred') break;
        await waitForSlot(sent, step.step, { draftVersion: draft.version, attempt: attempts + 1 });
      }
      if (sent.status === 'sent') {
        step.note = `resent after a soft bounce (attempt ${attempts + 1})`;
        step.resentMessageIds = [...(step.resentMessageIds ?? []), sent.messageId];
      }
    });
    pendingResends.push(resend.catch((err) => {
      if (!isCancellation(err)) throw err;
    }));
  }

  /** A human replied: the rep takes over. The cadence waits for the rep to answer, resume or finish. */
  async function handOver(policy: GatePolicy): Promise<void> {
    const p = withDefaults(policy);
    const reply = state.reply!;
    for (const s of state.steps) if (s.status === 'pending') s.status = 'cancelled';
    publish('replied', `The prospect replied at ${when(reply.receivedAt)}; automation stopped and ${ownerName()} has a task to respond.`);
    const task = await records.handOverToRep({ enrollmentId: input.enrollmentId, prospectId: input.prospectId, ownerId: input.ownerId, reply, slaMs: p.replySlaMs });
    if (!isPatched(PATCH_REPLY_HAND_OVER)) {
      state.endedReason = 'the prospect replied';
      return;
    }
    const slaAt = new Date(new Date(task.createdAt).getTime() + p.replySlaMs);
    const giveUpAt = new Date(new Date(task.createdAt).getTime() + p.replyHandOverTimeoutMs);
    taskAction = undefined;
    state.awaitingTask = { taskId: task.taskId, kind: 'reply', step: state.currentStep, dueAt: task.createdAt, slaAt: slaAt.toISOString(), expireAt: giveUpAt.toISOString(), escalated: false };

    // The suggested answer is drafted for the rep; only the rep's approval sends it.
    const suggestion = await drafting.suggestReply({ ...ref(state.currentStep), replyId: reply.replyId });
    const answer = awaitDecision(ref(state.currentStep), 'reply', null, suggestion, { gated: true, rules: [{ rule: 'manual-step', detail: 'an answer to a human reply is always a rep\'s' }], policyVersion: policy.version }, policy);
    const answered = answer.then(async (outcome) => {
      while (outcome.outcome === 'send') {
        const sent = await sending.sendEmail({
          ...ref(state.currentStep),
          draft: outcome.draft,
          purpose: 'reply',
          inReplyTo: reply.messageId,
          from: { name: ctx!.profile.owner.name, address: ctx!.profile.owner.email },
          references: [...sentMessageIds(), reply.messageId],
        });
        if (sent.status !== 'deferred') break;
        await waitForSlot(sent, state.currentStep, { draftVersion: outcome.draft.version, purpose: 'reply' });
      }
    });

    const done = () => taskAction !== undefined || resumed || interrupt?.kind === 'stop';
    setCurrentDetails(`${ctx!.profile.prospect.email} replied; waiting for ${ownerName()} to answer (SLA ${when(slaAt.toISOString())}), resume or finish the cadence.`);
    if (!(await condition(done, slaAt.getTime() - Date.now(), { summary: 'SLA for answering the reply' }))) {
      state.awaitingTask!.escalated = true;
      await book(() => records.recordTaskOverdue({ ...ref(state.currentStep), taskId: task.taskId, stage: 'escalation', managerId: ctx!.manager?.id ?? null }));
      await condition(done, giveUpAt.getTime() - Date.now(), { summary: 'hand-over time-out' });
    }
    state.awaitingTask = null;
    if (taskAction) await records.recordTaskOutcome({ ...ref(state.currentStep), task: taskAction, kind: 'reply' });
    // A suggested answer the rep has not decided by now is withdrawn.
    if (state.awaitingApproval?.kind === 'reply' && !decision) {
      const { approvalId } = state.awaitingApproval;
      withdrawn = true;
      await records.withdrawApproval({ approvalId, reason: 'the hand-over ended' });
    }
    await answered;
    if (resumed && interrupt?.kind !== 'stop') {
      await records.releaseHolds({ enrollmentId: input.enrollmentId, by: 'workflow', reason: 'the rep resumed the cadence' });
      state.reply = null;
      resumed = false;
      return;
    }
    state.endedReason = interrupt?.kind === 'stop' ? interrupt.reason : 'the prospect replied';
  }

  // --- main line ---
  const { carried: _carried, historyLimit: _limit, ...identity } = input;
  ctx = await stepRecords().startEnrollment({ ...identity, workflowId, asOf: new Date(Date.now()).toISOString() });
  state.ownerName = ctx.profile.owner.name;
  state.prospectEmail = ctx.profile.prospect.email;
  state.accountName = ctx.profile.account.name;
  state.timeZone = ctx.calendar?.timeZone;
  state.totalSteps = ctx.cadence.steps.length;
  if (isPatched(PATCH_GATE_WITH_DRAFT)) currentPolicy = ctx.policy ?? (await book(() => bookkeeping().loadGatePolicy()));
  if (!input.carried) {
    state.steps = ctx.cadence.steps.map((s) => ({ step: s.position, kind: s.kind, templateId: s.templateId, status: 'pending' }));
    const identityAttributes = [
      { key: searchAttributes.owner, value: input.ownerId },
      { key: searchAttributes.prospect, value: ctx.profile.prospect.email },
      { key: searchAttributes.account, value: ctx.profile.account.domain },
    ];
    // The API starts a cadence with them set (cadenceStartOptions); each upsert is a visibility write.
    const given = workflowInfo().typedSearchAttributes;
    if (!isPatched(PATCH_START_ATTRIBUTES) || identityAttributes.some(({ key, value }) => given.get(key) !== value)) upsertSearchAttributes(identityAttributes);
  }

  for (let index = input.carried?.nextStepIndex ?? 0; index < ctx.cadence.steps.length; index++) {
    const def = ctx.cadence.steps[index]!;
    if (interrupt?.kind === 'stop') break;
    if (state.reply) {
      if (!isPatched(PATCH_REPLY_HAND_OVER)) break;
      currentPolicy = await book(() => bookkeeping().loadGatePolicy());
      await handOver(currentPolicy);
      if (state.endedReason) break;
    }
    const step = state.steps.find((s) => s.step === def.position)!;
    state.currentStep = def.position;
    stepScope = new CancellationScope();
    try {
      const outcome = await stepScope.run(async () => {
        // The policy in force now decides this step, so a policy change applies from the next step on (since
        // PATCH_POLICY_AFTER_WAIT, the policy read at the step's moment decides it; since PATCH_GATE_WITH_DRAFT,
        // only that read is made).
        if (!isPatched(PATCH_GATE_WITH_DRAFT)) currentPolicy = await book(() => bookkeeping().loadGatePolicy());
        return runStep(def, step, currentPolicy!);
      });
      if (outcome === 'end-cadence') {
        interrupt = { kind: 'stop', status: 'ended-by-rep', reason: `${ownerName()} rejected step ${def.position} and ended the cadence` };
      }
      if (outcome === 'done') lastTouchAt = new Date(Date.now());
    } catch (err) {
      if (!(interrupt && isCancellation(err))) throw err;
      if (!['sent', 'done', 'skipped', 'rejected', 'expired'].includes(step.status)) step.status = interrupt.kind === 'skip-step' ? 'skipped' : 'cancelled';
      if (interrupt.kind === 'skip-step') {
        step.note = `skipped by ${interrupt.by}`;
        interrupt = undefined;
      }
      if (interrupt?.kind === 'reply') {
        if (!isPatched(PATCH_REPLY_HAND_OVER)) break;
        interrupt = undefined;
        index--; // after the hand-over, a resumed cadence runs this step again
        continue;
      }
    } finally {
      stepScope = undefined;
      state.nextTouchAt = null;
    }
    if (interrupt?.kind === 'stop') break;
    const limit = input.historyLimit;
    if (index + 1 < ctx.cadence.steps.length && (workflowInfo().continueAsNewSuggested || (limit && workflowInfo().historyLength > limit))) {
      await condition(allHandlersFinished);
      await continueAsNew<typeof cadenceWorkflow>({
        ...input,
        carried: { state, nextStepIndex: index + 1, lastTouchAt: lastTouchAt.toISOString() },
      });
    }
  }
  if (state.reply && !state.endedReason && interrupt?.kind !== 'stop') {
    await handOver(currentPolicy ?? (await book(() => bookkeeping().loadGatePolicy())));
  }

  resendScope.cancel();
  await Promise.all(pendingResends);
  state.nextTouchAt = null;
  state.awaitingApproval = null;
  state.awaitingTask = null;
  state.pauses = [];
  if (interrupt?.kind === 'stop') {
    for (const s of state.steps) if (s.status === 'pending') s.status = 'cancelled';
    state.endedReason = interrupt.reason;
    publish(interrupt.status, `Ended: ${interrupt.reason}.`);
  } else if (state.endedReason === 'the prospect replied') {
    // The hand-over already published the replied status.
    setCurrentDetails(`The prospect replied; ${ownerName()} took over.`);
  } else {
    state.endedReason = 'every step ran';
    publish('completed', `Completed: ${state.steps.filter((s) => s.status === 'sent' || s.status === 'done').length} of ${state.totalSteps} steps done.`);
  }
  await book(() => bookkeeping().updateEnrollmentStatus({ enrollmentId: input.enrollmentId, prospectId: input.prospectId, status: state.status, currentStep: state.currentStep, ended: true }));
  await condition(allHandlersFinished);
  return { status: state.status, endedReason: state.endedReason, steps: state.steps };
}

function refuse(type: string, message: string): never {
  throw ApplicationFailure.create({ type, message });
}
