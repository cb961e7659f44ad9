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

describe('per-template overrides from policy versions', () => {
  const versioned: GatePolicy = { ...policy, version: 'v2', templateOverrides: { 'tpl-graduated': 'automatic', 'tpl-review': 'gated' } };
  const rules = (input: Partial<Parameters<typeof decideGate>[0]>) =>
    decideGate({ isFirstTouch: false, confidence: 0.7, account: standard, ...input }, versioned).rules.map((r) => r.rule);

  test("a graduated template's draft below the confidence threshold is sent automatically, under the version that graduated it", () => {
    expect(decideGate({ isFirstTouch: false, confidence: 0.7, account: standard, templateId: 'tpl-graduated' }, versioned)).toEqual({
      gated: false,
      rules: [],
      policyVersion: 'v2',
    });
    // Other templates, and drafts that name no template, are judged by the threshold as before.
    expect(rules({ templateId: 'tpl-other' })).toEqual(['low-confidence']);
    expect(rules({})).toEqual(['low-confidence']);
  });

  test('graduating never lifts first-touch, manual-step, high-value, strategic or sender-unauthenticated', () => {
    expect(rules({ templateId: 'tpl-graduated', isFirstTouch: true })).toEqual(['first-touch']);
    expect(rules({ templateId: 'tpl-graduated', stepKind: 'manual_email' })).toEqual(['manual-step']);
    expect(rules({ templateId: 'tpl-graduated', account: { dealValue: 90_000, tier: 'strategic' } })).toEqual(['high-value-account', 'strategic-account']);
    expect(rules({ templateId: 'tpl-graduated', senderUnauthenticated: 'seller.test: no SPF record' })).toEqual(['sender-unauthenticated']);
  });

  test('a graduated template still never sends unseen a draft that lost half its confidence (an unresolved merge field, a blocking spam finding)', () => {
    const atFloor = decideGate({ isFirstTouch: false, confidence: 0.5, account: standard, templateId: 'tpl-graduated' }, versioned);
    expect(atFloor.gated).toBe(true);
    expect(atFloor.rules).toEqual([{ rule: 'low-confidence', detail: expect.stringContaining('at or below 0.50') }]);
    expect(rules({ templateId: 'tpl-graduated', confidence: 0.51 })).toEqual([]);
  });

  test('a template put back behind a gate is gated even at full confidence, with the rule that says so', () => {
    expect(decideGate({ isFirstTouch: false, confidence: 1, account: standard, templateId: 'tpl-review' }, versioned)).toEqual({
      gated: true,
      rules: [{ rule: 'template-under-review', detail: 'policy v2 put template tpl-review back behind a gate' }],
      policyVersion: 'v2',
    });
    expect(rules({ templateId: 'tpl-review', confidence: 0.4, isFirstTouch: true })).toEqual(['first-touch', 'low-confidence', 'template-under-review']);
  });

  test('a policy without overrides decides exactly as before, template or not (recorded histories replay unchanged)', () => {
    for (const confidence of [0.2, 0.84, 0.85, 1]) {
      for (const isFirstTouch of [true, false]) {
        const input = { isFirstTouch, confidence, account: standard };
        expect(decideGate({ ...input, templateId: 'tpl-graduated' }, policy)).toEqual(decideGate(input, policy));
      }
    }
  });
});
