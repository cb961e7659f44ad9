// Pure policy: which steps a human must see. Deterministic, so it runs inside the workflow.
import type { GateOutcome, GateRule } from './definitions';

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
}

export interface GateInput {
  /** True while nothing has been sent to this prospect in this cadence. */
  isFirstTouch: boolean;
  confidence: number;
  account: { dealValue: number; tier: string };
}

export function decideGate(input: GateInput, policy: GatePolicy): GateOutcome {
  const rules: Array<{ rule: GateRule; detail: string }> = [];
  if (input.isFirstTouch) {
    rules.push({ rule: 'first-touch', detail: 'a first touch is never sent automatically' });
  }
  if (input.confidence < policy.confidenceThreshold) {
    rules.push({
      rule: 'low-confidence',
      detail: `confidence ${input.confidence.toFixed(2)} is below the threshold ${policy.confidenceThreshold.toFixed(2)}`,
    });
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
  return { gated: rules.length > 0, rules, policyVersion: policy.version };
}
