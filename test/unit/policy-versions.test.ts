import { effectivePolicy, type PolicyVersion } from '../../db/repositories/policy-versions';
import type { GatePolicy } from '../../workflows/policy';

const config: GatePolicy = {
  version: 'config:aaaaaaaaaaaa',
  confidenceThreshold: 0.85,
  dealValueThreshold: 50_000,
  strategicTiers: ['strategic'],
  approvalRemindAfterMs: 1,
  approvalEscalateAfterMs: 2,
  approvalExpireAfterMs: 3,
};

const v3: PolicyVersion = {
  version: 'v3',
  seq: 3,
  policy: { ...config, version: 'v3', templateOverrides: { 'tpl-a': 'automatic', 'tpl-c': 'gated' } },
  based_on: 'v2',
  change: {},
  created_by: 'user:manager-1',
  created_at: new Date('2026-11-20T10:00:00Z'),
};

test('with no policy version the configuration is the policy, as before', () => {
  expect(effectivePolicy(config, undefined)).toBe(config);
});

test("the newest version's template overrides go over the configuration, under the version's id", () => {
  expect(effectivePolicy(config, v3)).toEqual({ ...config, version: 'v3', templateOverrides: { 'tpl-a': 'automatic', 'tpl-c': 'gated' } });
});

test('a configuration changed since the version was made still applies, and the id names both', () => {
  const raised: GatePolicy = { ...config, version: 'config:bbbbbbbbbbbb', confidenceThreshold: 0.9 };
  expect(effectivePolicy(raised, v3)).toEqual({ ...raised, version: 'v3+config:bbbbbbbbbbbb', templateOverrides: { 'tpl-a': 'automatic', 'tpl-c': 'gated' } });
});
