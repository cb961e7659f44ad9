import { decideGate, type GatePolicy } from '../../workflows/policy';

const policy: GatePolicy = {
  version: 'p1',
  confidenceThreshold: 0.85,
  dealValueThreshold: 50_000,
  strategicTiers: ['strategic'],
  approvalRemindAfterMs: 1,
  approvalEscalateAfterMs: 1,
  approvalExpireAfterMs: 1,
};
const standard = { dealValue: 10_000, tier: 'standard' };

test('a first touch is always gated, whatever the confidence', () => {
  expect(decideGate({ isFirstTouch: true, confidence: 1, account: standard }, policy)).toEqual({
    gated: true,
    rules: [{ rule: 'first-touch', detail: 'a first touch is never sent automatically' }],
    policyVersion: 'p1',
  });
});

test('a follow-up below the confidence threshold is gated; at the threshold it is sent automatically', () => {
  expect(decideGate({ isFirstTouch: false, confidence: 0.84, account: standard }, policy).rules.map((r) => r.rule)).toEqual(['low-confidence']);
  expect(decideGate({ isFirstTouch: false, confidence: 0.85, account: standard }, policy)).toMatchObject({ gated: false, rules: [] });
});

test('a high-value or strategic account is gated, and every rule that fires is reported', () => {
  expect(decideGate({ isFirstTouch: false, confidence: 1, account: { dealValue: 50_001, tier: 'standard' } }, policy).rules.map((r) => r.rule)).toEqual([
    'high-value-account',
  ]);
  expect(decideGate({ isFirstTouch: false, confidence: 1, account: { dealValue: 50_000, tier: 'standard' } }, policy).gated).toBe(false);
  expect(decideGate({ isFirstTouch: true, confidence: 0.2, account: { dealValue: 90_000, tier: 'strategic' } }, policy).rules.map((r) => r.rule)).toEqual([
    'first-touch',
    'low-confidence',
    'high-value-account',
    'strategic-account',
  ]);
});
