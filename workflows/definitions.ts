// Every wire contract of the cadence workflow: api/ imports this module and nothing else from workflows/.
import { defineSearchAttributeKey, SearchAttributeType, type SearchAttributePair } from '@temporalio/common';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';

export const DEFAULT_TASK_QUEUE = 'cadence';
/** Drafting (enrichment, a model writing, scoring) runs on its own task queue, so a model's worker scales on its own. */
export const DEFAULT_DRAFTING_TASK_QUEUE = 'drafting';

/** One cadence per prospect at a time: the workflow ID is derived from the prospect alone. */
export function cadenceWorkflowId(prospectId: string): string {
  return `cadence-${prospectId}`;
}

export const searchAttributes = {
  status: defineSearchAttributeKey('CadenceStatus', SearchAttributeType.KEYWORD),
  owner: defineSearchAttributeKey('CadenceOwner', SearchAttributeType.KEYWORD),
  prospect: defineSearchAttributeKey('CadenceProspect', SearchAttributeType.KEYWORD),
  account: defineSearchAttributeKey('CadenceAccount', SearchAttributeType.KEYWORD),
  awaitingApproval: defineSearchAttributeKey('CadenceAwaitingApproval', SearchAttributeType.BOOL),
  nextTouchAt: defineSearchAttributeKey('CadenceNextTouchAt', SearchAttributeType.DATETIME),
} as const;

/**
 * How a cadence is started, wherever it is started from (the enrollment use case, the bench, the soak): one
 * workflow per prospect, a second enrollment while one runs refused, and the search attributes the Temporal UI
 * filters on from the first moment.
 */
export function cadenceStartOptions(input: { enrollment: CadenceInput; taskQueue: string; ownerId: string; prospectEmail: string; accountDomain: string; summary: string }) {
  return {
    taskQueue: input.taskQueue,
    workflowId: cadenceWorkflowId(input.enrollment.prospectId),
    args: [input.enrollment] as [CadenceInput],
    workflowIdConflictPolicy: 'FAIL' as const,
    workflowIdReusePolicy: 'ALLOW_DUPLICATE' as const,
    typedSearchAttributes: <SearchAttributePair[]>[
      { key: searchAttributes.status, value: 'enrolled' },
      { key: searchAttributes.owner, value: input.ownerId },
      { key: searchAttributes.prospect, value: input.prospectEmail },
      { key: searchAttributes.account, value: input.accountDomain },
      { key: searchAttributes.awaitingApproval, value: false },
    ],
    staticSummary: input.summary,
  };
}

export type CadenceStatus =
  | 'enrolled'
  | 'waiting'
  | 'drafting'
  | 'awaiting-approval'
  | 'awaiting-task'
  | 'sending'
  | 'paused'
  | 'replied'
  | 'completed'
  | 'ended-by-rep'
  | 'unsubscribed'
  | 'bounced';

export type StepStatus =
  | 'pending'
  | 'waiting'
  | 'drafting'
  | 'awaiting-approval'
  | 'awaiting-task'
  | 'sending'
  /** Over a mailbox or recipient-domain cap: a slot is reserved and the cadence sleeps until it. */
  | 'deferred'
  /**
   * A reply stopped the cadence while this step's send was in flight: the reply ledger already refuses the send
   * and its cancellation is on its way to the worker; it becomes 'cancelled' (or 'sent', when the message had
   * left before the reply was recorded) once the send activity has stopped.
   */
  | 'cancelling'
  | 'sent'
  | 'done'
  | 'skipped'
  | 'rejected'
  | 'expired'
  | 'cancelled';

export type StepKind = 'email' | 'manual_email' | 'call' | 'linkedin' | 'meeting';

export interface CadenceInput {
  enrollmentId: string;
  prospectId: string;
  cadenceId: string;
  ownerId: string;
  /** Present when this run continues an earlier one (continue-as-new): everything it had done. */
  carried?: CarriedState;
  /** Continue as new once history passes this many events (default: when Temporal suggests it). */
  historyLimit?: number;
  /** The task queue of the drafting worker (a model's); absent: drafting runs on the cadence's own queue. */
  draftingTaskQueue?: string;
}

export type GateRule =
  | 'first-touch'
  | 'manual-step'
  | 'low-confidence'
  | 'high-value-account'
  | 'strategic-account'
  | 'sender-unauthenticated'
  /** The policy put the template back behind a gate (an accepted boundary-report recommendation). */
  | 'template-under-review';

export interface GateOutcome {
  gated: boolean;
  /** Every rule that fired, in policy order; empty when the step is sent automatically. */
  rules: Array<{ rule: GateRule; detail: string }>;
  policyVersion: string;
}

export type ApprovalStage = 'awaiting' | 'reminded' | 'escalated';

export interface AwaitingApproval {
  approvalId: string;
  /** A step's draft, or the suggested answer to a reply. */
  kind: 'step' | 'reply';
  step: number;
  draftVersion: number;
  stage: ApprovalStage;
  remindAt: string;
  escalateAt: string;
  expireAt: string;
}

export interface AwaitingTask {
  taskId: string;
  kind: 'call' | 'linkedin' | 'meeting' | 'reply';
  step: number;
  dueAt: string;
  slaAt: string;
  expireAt: string;
  escalated: boolean;
}

export interface StepState {
  step: number;
  kind: StepKind;
  templateId: string | null;
  status: StepStatus;
  draftVersion?: number;
  variant?: string | null;
  confidence?: number;
  gate?: GateOutcome;
  approvalId?: string;
  decision?: DecisionAction;
  taskId?: string;
  outcome?: string;
  messageId?: string;
  /** Message-IDs of resends after soft bounces. */
  resentMessageIds?: string[];
  sentAt?: string;
  /** When a deferred send goes. */
  deferredUntil?: string;
  /** The worker stopped after handing the message to SMTP: counted as sent, never resent, and the owner confirms it. */
  unconfirmed?: boolean;
  note?: string;
}

/** What the inbound-reply webhook learned about a message, from the triage classifier. */
export type ReplyIntent =
  | 'interested'
  | 'meeting_request'
  | 'question'
  | 'objection_price'
  | 'objection_timing'
  | 'objection_competitor'
  | 'not_interested'
  | 'unsubscribe'
  | 'referral'
  | 'out_of_office'
  | 'auto_reply_other'
  | 'bounce_hard'
  | 'bounce_soft'
  | 'other';

export interface ReplyNotice {
  replyId: string;
  messageId: string;
  receivedAt: string;
  /** Absent on notices from before triage existed: treated as a human reply. */
  intent?: ReplyIntent;
  sentiment?: 'negative' | 'neutral' | 'positive';
  escalate?: boolean;
  /** YYYY-MM-DD, for an out-of-office that states one. */
  returnDate?: string | null;
  /** For a bounce: the Message-ID of our message that bounced. */
  bouncedMessageId?: string | null;
}

export interface Pause {
  kind: 'rep-pause' | 'account-reply' | 'out-of-office';
  by: string;
  reason: string;
  since: string;
  /** An out-of-office pause ends by itself at this time. */
  until?: string;
}

export interface CadenceState {
  enrollmentId: string;
  prospectId: string;
  cadenceId: string;
  ownerId: string;
  ownerName?: string;
  prospectEmail?: string;
  accountName?: string;
  timeZone?: string;
  status: CadenceStatus;
  currentStep: number;
  totalSteps: number;
  nextTouchAt: string | null;
  awaitingApproval: AwaitingApproval | null;
  awaitingTask: AwaitingTask | null;
  pauses: Pause[];
  /** Absent in cadences that have applied no control since this was added. */
  lastControl?: AppliedControl;
  steps: StepState[];
  reply: ReplyNotice | null;
  /** Every inbound message the cadence was told about, in order, with what it did about it. */
  inbound: Array<{ replyId: string; intent: ReplyIntent; effect: string; receivedAt: string }>;
  softBounces: Record<number, number>;
  endedReason: string | null;
  runs: number;
}

/** What a continued run takes over from the one before it. */
export interface CarriedState {
  state: CadenceState;
  nextStepIndex: number;
  lastTouchAt: string;
}

export type DecisionAction = 'approve' | 'edit' | 'reject';
export type RejectMode = 'skip-step' | 'end-cadence';

export interface DecisionInput {
  approvalId: string;
  draftVersion: number;
  actorId: string;
  action: DecisionAction;
  /** Required for edit: exactly what will be sent. */
  subject?: string;
  body?: string;
  rejectMode?: RejectMode;
  reason?: string;
  decidedAt: string;
  /** Unique per API call: concurrent calls share one update ID, and the one whose request won is told so. */
  requestId?: string;
}

export interface DecisionAccepted {
  approvalId: string;
  action: DecisionAction;
  step: number;
  /** The edited content the cadence accepted, so a retried call can tell whether it made the same edit. */
  edited?: { subject?: string; body?: string };
  /** Who decided, when, and the call that did (absent in results recorded before they were added). */
  actorId?: string;
  decidedAt?: string;
  requestId?: string;
}

/** Failure types a decision, task or control can be refused with; the API maps them to HTTP statuses. */
export const DecisionRefusal = {
  notAwaiting: 'NotAwaitingDecision',
  staleDraftVersion: 'StaleDraftVersion',
  alreadyDecided: 'AlreadyDecided',
  invalid: 'InvalidRequest',
} as const;

export type ControlAction = 'pause' | 'resume' | 'skip-step' | 'finish';

export interface ControlInput {
  action: ControlAction;
  actorId: string;
  reason?: string;
  at: string;
}

export interface ControlAccepted {
  action: ControlAction;
  status: CadenceStatus;
  step: number;
}

/** The last control a rep applied: a call refused because it asks for what is already done is told who did it. */
export interface AppliedControl {
  action: ControlAction;
  actorId: string;
  at: string;
}

export interface TaskInput {
  taskId: string;
  action: 'complete' | 'skip';
  actorId: string;
  outcome?: string;
  notes?: string;
  /** A meeting step: the time the rep confirmed with the prospect. */
  meetingAt?: string;
  at: string;
  /** Unique per API call: concurrent calls share one update ID, and the one whose request won is told so. */
  requestId?: string;
}

export interface TaskAccepted {
  taskId: string;
  action: TaskInput['action'];
  /** Who acted, when, and the call that did (absent in results recorded before they were added). */
  actorId?: string;
  at?: string;
  requestId?: string;
}

export interface AccountPauseNotice {
  replyId: string;
  fromProspectId: string;
  fromEmail: string;
  receivedAt: string;
}

export const replySignal = defineSignal<[ReplyNotice]>('reply');
/** What a cadence reports as it takes a reply in (the reply update's answer). */
export interface ReplyTaken {
  replyId: string;
  status: CadenceStatus;
  /** The step in progress and its status then: `cancelling` when the reply stopped a send in flight. */
  step: number;
  stepStatus: StepState['status'] | null;
}
/**
 * The reply as an update, which the webhook sends first: it answers once the cadence has acted on the reply, so the
 * integration learns in one round trip that automation has stopped. The signal stays for when no worker answers in
 * time (the webhook falls back to it) and for callers that need no answer; a cadence takes a reply once either way.
 */
export const replyUpdate = defineUpdate<ReplyTaken, [ReplyNotice]>('reply');
export const accountPauseSignal = defineSignal<[AccountPauseNotice]>('accountPause');
export const decideUpdate = defineUpdate<DecisionAccepted, [DecisionInput]>('decide');
export const controlUpdate = defineUpdate<ControlAccepted, [ControlInput]>('control');
export const taskUpdate = defineUpdate<TaskAccepted, [TaskInput]>('task');
export const stateQuery = defineQuery<CadenceState>('state');

export type CadenceResult = Pick<CadenceState, 'status' | 'endedReason' | 'steps'>;

// --- CRM suppression sync (a Temporal Schedule runs one workflow per interval) ---

/** The Schedule's ID; each run's workflow ID is this plus the scheduled time (Temporal appends it). */
export const CRM_SYNC_SCHEDULE_ID = 'crm-suppression-sync';
/** The workflow ID the Schedule starts runs under (Temporal appends the scheduled time). */
export const CRM_SYNC_WORKFLOW_ID = 'crm-suppression-sync';
/** The registered workflow type name of the sync. */
export const CRM_SYNC_WORKFLOW_TYPE = 'crmSuppressionSync';

export interface CrmSyncInput {
  /** The endpoint, for what the run says it is doing; the worker fetches the URL it was configured with. */
  endpoint: string;
  /** Activity retry policy overrides (tests); defaults: first retry after 10 s, at most 10 min apart, no attempt limit. */
  retry?: { initialIntervalMs?: number; maximumIntervalMs?: number };
}

export interface CrmSyncListCounts {
  /** Entries in the CRM's list (after normalising and removing duplicates). */
  received: number;
  /** Entries not suppressed before this run. */
  added: number;
}

export interface CrmSyncResult {
  endpoint: string;
  doNotContact: CrmSyncListCounts;
  closedLost: CrmSyncListCounts;
  /** E.g. an empty response while earlier syncs added entries: nothing is removed, but it is worth a look. */
  warnings: string[];
  syncedAt: string;
}

/** Failure type of a CRM payload that does not have the expected shape: never retried. */
export const CRM_SYNC_INVALID_PAYLOAD = 'CrmSyncInvalidPayload';
/** Failure type when the worker has no CRM endpoint configured: never retried. */
export const CRM_SYNC_NOT_CONFIGURED = 'CrmSyncNotConfigured';

// --- scheduled boundary review (a Temporal Schedule runs one workflow per interval) ---

/** The Schedule's ID; each run's workflow ID is this plus the scheduled time (Temporal appends it). */
export const BOUNDARY_REVIEW_SCHEDULE_ID = 'boundary-review';
export const BOUNDARY_REVIEW_WORKFLOW_ID = 'boundary-review';
export const BOUNDARY_REVIEW_WORKFLOW_TYPE = 'boundaryReviewWorkflow';

export interface BoundaryReviewResult {
  /** The policy version the report was built against. */
  policyVersion: string;
  /** One line, e.g. "2 templates ready to graduate, 1 to put back behind a gate". */
  summary: string;
  /** The ids of the recommendations in the report (accept one with POST /v1/boundary-report/accept). */
  recommendations: string[];
  /** Managers and admins who got a `boundary-report` notification. */
  notified: string[];
}

// --- the signed webhook feed: one long-running workflow per subscription ---

/** The workflow ID of a subscription's feed. */
export const webhookFeedWorkflowId = (subscriptionId: string) => `webhook-feed:${subscriptionId}`;
/** The registered workflow type name of the feed. */
export const WEBHOOK_FEED_WORKFLOW_TYPE = 'webhookFeedWorkflow';
/** Failure type of a delivery to a subscription that is paused or deleted: never retried, the feed stops. */
export const WEBHOOK_SUBSCRIPTION_STOPPED = 'WebhookSubscriptionStopped';

export interface WebhookFeedSettings {
  /** How long one look for new events waits when there are none, ms (default 5 s). */
  pollMs?: number;
  /** Delivery retry backoff: first retry after (default 10 s), at most this far apart (default 30 min). */
  retry?: { initialIntervalMs?: number; maximumIntervalMs?: number };
  /** Pause the subscription after this many consecutive failed attempts (default 20) … */
  maxFailures?: number;
  /** … spanning at least this long, ms (default 24 h). */
  pauseAfterMs?: number;
  /** Prospects whose events are delivered side by side (each prospect's in order; default 16). */
  lanes?: number;
}

export interface WebhookFeedInput extends WebhookFeedSettings {
  subscriptionId: string;
  /** The audit seq (decimal) the feed has delivered up to; '0' at first (the subscription's own start applies). */
  afterSeq: string;
}

/** Rewinds a running feed to read again after this audit seq (a replay from a point in time). */
export const WEBHOOK_FEED_REWIND_SIGNAL = 'rewind';
export interface WebhookFeedRewind {
  /** The audit seq (decimal) the feed reads after next. */
  afterSeq: string;
}

export interface DeliverWebhookInput {
  subscriptionId: string;
  eventId: string;
  maxFailures: number;
  pauseAfterMs: number;
}

/** A feed batch's deliveries: each lane (one prospect's events, in audit order) in order, up to `concurrency` lanes at once. */
export interface DeliverWebhookLanesInput {
  subscriptionId: string;
  lanes: string[][];
  concurrency: number;
  maxFailures: number;
  pauseAfterMs: number;
}
