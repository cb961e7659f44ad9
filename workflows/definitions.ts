// Every wire contract of the cadence workflow: api/ imports this module and nothing else from workflows/.
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';

export const DEFAULT_TASK_QUEUE = 'cadence';

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

export type CadenceStatus =
  | 'enrolled'
  | 'waiting'
  | 'drafting'
  | 'awaiting-approval'
  | 'sending'
  | 'replied'
  | 'completed'
  | 'ended-by-rep';

export type StepStatus =
  | 'pending'
  | 'waiting'
  | 'drafting'
  | 'awaiting-approval'
  | 'sending'
  | 'sent'
  | 'skipped'
  | 'rejected'
  | 'expired'
  | 'cancelled';

export interface CadenceInput {
  enrollmentId: string;
  prospectId: string;
  cadenceId: string;
  ownerId: string;
}

export type GateRule = 'first-touch' | 'low-confidence' | 'high-value-account' | 'strategic-account';

export interface GateOutcome {
  gated: boolean;
  /** Every rule that fired, in policy order; empty when the step is sent automatically. */
  rules: Array<{ rule: GateRule; detail: string }>;
  policyVersion: string;
}

export type ApprovalStage = 'awaiting' | 'reminded' | 'escalated';

export interface AwaitingApproval {
  approvalId: string;
  step: number;
  draftVersion: number;
  stage: ApprovalStage;
  remindAt: string;
  escalateAt: string;
  expireAt: string;
}

export interface StepState {
  step: number;
  templateId: string | null;
  status: StepStatus;
  draftVersion?: number;
  confidence?: number;
  gate?: GateOutcome;
  approvalId?: string;
  decision?: DecisionAction;
  messageId?: string;
  sentAt?: string;
  note?: string;
}

export interface ReplyNotice {
  replyId: string;
  messageId: string;
  receivedAt: string;
}

export interface CadenceState {
  enrollmentId: string;
  prospectId: string;
  cadenceId: string;
  ownerId: string;
  ownerName?: string;
  prospectEmail?: string;
  accountName?: string;
  status: CadenceStatus;
  currentStep: number;
  totalSteps: number;
  nextTouchAt: string | null;
  awaitingApproval: AwaitingApproval | null;
  steps: StepState[];
  reply: ReplyNotice | null;
  endedReason: string | null;
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
}

export interface DecisionAccepted {
  approvalId: string;
  action: DecisionAction;
  step: number;
  /** The edited content the cadence accepted, so a retried call can tell whether it made the same edit. */
  edited?: { subject?: string; body?: string };
}

/** Failure types a decision can be refused with; the API maps them to HTTP statuses. */
export const DecisionRefusal = {
  notAwaiting: 'NotAwaitingDecision',
  staleDraftVersion: 'StaleDraftVersion',
  alreadyDecided: 'AlreadyDecided',
} as const;

export const replySignal = defineSignal<[ReplyNotice]>('reply');
export const decideUpdate = defineUpdate<DecisionAccepted, [DecisionInput]>('decide');
export const stateQuery = defineQuery<CadenceState>('state');

export type CadenceResult = Pick<CadenceState, 'status' | 'endedReason' | 'steps'>;
