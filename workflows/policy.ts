// Pure policy: which steps a human must see, and what an inbound message does to a cadence.
// Deterministic, so it runs inside the workflow; the API uses the same functions.
import type { GateOutcome, GateRule, ReplyIntent, StepKind } from './definitions';

export interface GatePolicy {
  version: string;
  /** Below this confidence nothing is sent automatically. */
  confidenceThreshold: number;
  /** Accounts whose deal value is above this get full manual review. */
  dealValueThreshold: number;
  strategicTiers: string[];
  /** Each stage's own duration, in milliseconds: reminder after the request, escalation after the reminder, expiry after the escalation. */
  approvalRemindAfterMs: number;
  approvalEscalateAfterMs: number;
  approvalExpireAfterMs: number;
  /** A reply, or a task, not handled by its owner within this escalates to the manager. */
  replySlaMs?: number;
  taskSlaMs?: number;
  /** After its SLA escalation, a task step expires this much later and the cadence moves on. */
  taskExpireAfterMs?: number;
  /** A rep who neither answers nor resumes a replied cadence within this ends it. */
  replyHandOverTimeoutMs?: number;
  softBounceRetryAfterMs?: number;
  softBounceMaxRetries?: number;
  /** How long an out-of-office pauses the cadence when it states no return date. */
  outOfOfficeDefaultMs?: number;
  /** A human reply from one contact pauses the other cadences at the same account. */
  accountPause?: boolean;
  /**
   * Per template id, from accepted boundary-report recommendations (policy versions): 'automatic' lifts the
   * low-confidence rule for that template's drafts (never first-touch, manual-step, high-value, strategic or
   * sender-unauthenticated, and never for a draft at or below GRADUATED_CONFIDENCE_FLOOR); 'gated' puts
   * every draft of the template in front of a rep.
   */
  templateOverrides?: Record<string, TemplateOverride>;
}

export type TemplateOverride = 'automatic' | 'gated';

/**
 * A graduated template still never sends a draft unseen that lost half its confidence: an unresolved
 * merge field or a blocking spam-trigger finding each cost 0.5 (activities/scoring.ts).
 */
export const GRADUATED_CONFIDENCE_FLOOR = 0.5;

export const policyDefaults = {
  replySlaMs: 4 * 3_600_000,
  taskSlaMs: 24 * 3_600_000,
  taskExpireAfterMs: 48 * 3_600_000,
  replyHandOverTimeoutMs: 14 * 86_400_000,
  softBounceRetryAfterMs: 6 * 3_600_000,
  softBounceMaxRetries: 2,
  outOfOfficeDefaultMs: 7 * 86_400_000,
  accountPause: true,
} as const;

export function withDefaults(policy: GatePolicy): Required<GatePolicy> {
  return {
    ...policy,
    templateOverrides: policy.templateOverrides ?? {},
    replySlaMs: policy.replySlaMs ?? policyDefaults.replySlaMs,
    taskSlaMs: policy.taskSlaMs ?? policyDefaults.taskSlaMs,
    taskExpireAfterMs: policy.taskExpireAfterMs ?? policyDefaults.taskExpireAfterMs,
    replyHandOverTimeoutMs: policy.replyHandOverTimeoutMs ?? policyDefaults.replyHandOverTimeoutMs,
    softBounceRetryAfterMs: policy.softBounceRetryAfterMs ?? policyDefaults.softBounceRetryAfterMs,
    softBounceMaxRetries: policy.softBounceMaxRetries ?? policyDefaults.softBounceMaxRetries,
    outOfOfficeDefaultMs: policy.outOfOfficeDefaultMs ?? policyDefaults.outOfOfficeDefaultMs,
    accountPause: policy.accountPause ?? policyDefaults.accountPause,
  };
}

export interface GateInput {
  stepKind?: StepKind;
  /** True while nothing has been sent to this prospect in this cadence. */
  isFirstTouch: boolean;
  confidence: number;
  account: { dealValue: number; tier: string };
  /** Set when the From domain fails sender authentication and is not overridden: why. */
  senderUnauthenticated?: string;
  /** The template the draft came from, for the policy's per-template overrides. */
  templateId?: string;
  /** Who drafted it: 'template' (the default) or a model; an AI draft follows its own override. */
  drafter?: string;
}

/**
 * The key of a per-template override: the template's id for its template drafts, and the id with the model for a
 * model's drafts, so a boundary moved on a model's evidence moves for that model only.
 */
export function overrideKey(templateId: string, drafter: string | null | undefined): string {
  return !drafter || drafter === 'template' ? templateId : `${templateId}|${drafter}`;
}

export function decideGate(input: GateInput, policy: GatePolicy): GateOutcome {
  const rules: Array<{ rule: GateRule; detail: string }> = [];
  if (input.isFirstTouch) {
    rules.push({ rule: 'first-touch', detail: 'a first touch is never sent automatically' });
  }
  if (input.stepKind === 'manual_email') {
    rules.push({ rule: 'manual-step', detail: 'a manual email step is always written or approved by a rep' });
  }
  const override = input.templateId ? policy.templateOverrides?.[overrideKey(input.templateId, input.drafter)] : undefined;
  if (input.confidence < policy.confidenceThreshold) {
    if (override !== 'automatic') {
      rules.push({
        rule: 'low-confidence',
        detail: `confidence ${input.confidence.toFixed(2)} is below the threshold ${policy.confidenceThreshold.toFixed(2)}`,
      });
    } else if (input.confidence <= GRADUATED_CONFIDENCE_FLOOR) {
      rules.push({
        rule: 'low-confidence',
        detail: `confidence ${input.confidence.toFixed(2)} is at or below ${GRADUATED_CONFIDENCE_FLOOR.toFixed(2)}, which even a graduated template never sends unseen (an unresolved merge field or a blocking spam finding)`,
      });
    }
  }
  if (input.account.dealValue > policy.dealValueThreshold) {
    rules.push({
      rule: 'high-value-account',
      detail: `deal value ${input.account.dealValue} is above ${policy.dealValueThreshold}`,
    });
  }
  if (policy.strategicTiers.includes(input.account.tier)) {
    rules.push({ rule: 'strategic-account', detail: `account tier "${input.account.tier}" is strategic` });
  }
  if (input.senderUnauthenticated) {
    rules.push({ rule: 'sender-unauthenticated', detail: `nothing goes out automatically from a domain that fails sender authentication: ${input.senderUnauthenticated}` });
  }
  if (override === 'gated') {
    rules.push({ rule: 'template-under-review', detail: `policy ${policy.version} put template ${input.templateId} back behind a gate` });
  }
  return { gated: rules.length > 0, rules, policyVersion: policy.version };
}

/**
 * What an inbound message does to its cadence. Anything not positively recognised as automatic is a
 * human reply: the fail-safe is to stop automation and route to the rep, never to carry on.
 */
export type ReplyEffect = 'hand-over' | 'unsubscribe' | 'hard-bounce' | 'soft-bounce' | 'away' | 'record-only';

export function replyEffect(intent: ReplyIntent | undefined): ReplyEffect {
  switch (intent) {
    case 'unsubscribe':
      return 'unsubscribe';
    case 'bounce_hard':
      return 'hard-bounce';
    case 'bounce_soft':
      return 'soft-bounce';
    case 'out_of_office':
      return 'away';
    case 'auto_reply_other':
      return 'record-only';
    default:
      return 'hand-over';
  }
}

/** Human replies from one contact pause the account's other cadences; automatic messages do not. */
export function pausesAccount(effect: ReplyEffect): boolean {
  return effect === 'hand-over';
}
