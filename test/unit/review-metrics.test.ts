import { loadAppConfig, reviewMetricsDefaults, reviewMetricsSettingsFromConfig } from '../../config/app';
import {
  formatSeconds,
  gatingFigures,
  plausibleReadSeconds,
  quantile,
  reviewerFigures,
  type DecisionSample,
} from '../../db/repositories/review-metrics';
import { parseWindowBound } from '../../api/schemas';

const settings = reviewMetricsDefaults;
const t0 = new Date('2026-11-20T09:00:00Z').getTime();
const HOUR = 3_600_000;

/** Decisions one a minute apart, each `seconds` after the decider first viewed it (null: never viewed), on drafts of `words` words. */
function decisions(specs: Array<{ action: DecisionSample['action']; seconds: number | null; words?: number }>): DecisionSample[] {
  return specs.map((s, i) => {
    const decidedAt = new Date(t0 + i * 60_000);
    return { id: `d${String(i).padStart(3, '0')}`, action: s.action, decidedAt, viewedAt: s.seconds === null ? null : new Date(decidedAt.getTime() - s.seconds * 1000), words: s.words ?? 150 };
  });
}

describe('reviewer figures', () => {
  test('the defaults: 400 words a minute with a 3 s floor, 5 decisions before a flag, 20% fast, 20 in a row, 4h p90 age, 50% gated', () => {
    expect(settings).toMatchObject({
      windowMs: 30 * 24 * HOUR,
      readWordsPerMinute: 400,
      readMinSeconds: 3,
      minDecisions: 5,
      fastApprovalShare: 0.2,
      unchangedRun: 20,
      queueP90AgeMs: 4 * HOUR,
      gatedShareHealthy: 0.5,
      approvalRemindAfterMs: 4 * HOUR,
      approvalEscalateAfterMs: 20 * HOUR,
    });
    expect(plausibleReadSeconds(150, settings)).toBeCloseTo(22.5, 10);
    expect(plausibleReadSeconds(10, settings)).toBe(3);
  });

  test('a reviewer who approves 150-word drafts unchanged in one second, 10 times in a row, is flagged for fast approvals; the run of 10 is below 20', () => {
    const f = reviewerFigures(decisions(Array.from({ length: 10 }, () => ({ action: 'approve' as const, seconds: 1 }))), settings);
    expect(f).toMatchObject({
      decisions: 10,
      approvals: 10,
      edits: 0,
      rejections: 0,
      approvalRate: 1,
      unchangedApprovalRate: 1,
      medianReviewSeconds: 1,
      medianWords: 150,
      fastApprovals: 10,
      fastApprovalShare: 1,
      longestUnchangedRun: 10,
      currentUnchangedRun: 10,
    });
    expect(f.medianSecondsPer100Words).toBeCloseTo(100 / 150, 10);
    expect(f.flags).toEqual([
      {
        code: 'fast-approvals',
        reason:
          'approved 10 of 10 drafts unchanged faster than a plausible read (median 1.0 s from first view for 150 words; at 400 words a minute that takes 22.5 s); flagged at 20% of decisions',
      },
    ]);
    const strict = reviewerFigures(decisions(Array.from({ length: 10 }, () => ({ action: 'approve' as const, seconds: 1 }))), { ...settings, unchangedRun: 10 });
    expect(strict.flags.map((x) => x.code)).toEqual(['fast-approvals', 'unchanged-run']);
    expect(strict.flags[1]!.reason).toBe('approved 10 drafts in a row without a change (the current run is 10); flagged at 10 in a row');
  });

  test('a careful reviewer who reads at a plausible pace and edits some is not flagged', () => {
    const f = reviewerFigures(
      decisions([
        { action: 'approve', seconds: 60 },
        { action: 'edit', seconds: 240 },
        { action: 'approve', seconds: 45 },
        { action: 'approve', seconds: 90 },
        { action: 'reject', seconds: 30 },
        { action: 'approve', seconds: 75 },
        { action: 'edit', seconds: 300 },
        { action: 'approve', seconds: 50 },
      ]),
      settings,
    );
    expect(f).toMatchObject({ decisions: 8, approvals: 5, edits: 2, rejections: 1, fastApprovals: 0, longestUnchangedRun: 2, currentUnchangedRun: 1, flags: [] });
    expect(f.approvalRate).toBeCloseTo(7 / 8, 10);
    expect(f.unchangedApprovalRate).toBeCloseTo(5 / 8, 10);
    expect(f.medianReviewSeconds).toBe(67.5);
  });

  test('the decision order is by decision time, whatever the input order; a rejection or an edit ends a run', () => {
    const samples = decisions([
      { action: 'approve', seconds: 60 },
      { action: 'approve', seconds: 60 },
      { action: 'edit', seconds: 60 },
      { action: 'approve', seconds: 60 },
      { action: 'approve', seconds: 60 },
      { action: 'approve', seconds: 60 },
      { action: 'reject', seconds: 60 },
    ]);
    const f = reviewerFigures([...samples].reverse(), settings);
    expect(f).toMatchObject({ longestUnchangedRun: 3, currentUnchangedRun: 0 });
  });

  test('below the minimum sample nothing is flagged, however fast; edits and rejections are never fast approvals', () => {
    const few = reviewerFigures(decisions(Array.from({ length: 4 }, () => ({ action: 'approve' as const, seconds: 1 }))), settings);
    expect(few).toMatchObject({ fastApprovals: 4, flags: [] });
    const quickEdits = reviewerFigures(decisions(Array.from({ length: 6 }, () => ({ action: 'edit' as const, seconds: 1 }))), settings);
    expect(quickEdits).toMatchObject({ fastApprovals: 0, flags: [] });
  });

  test('the fast-approval share is over all decisions; exactly the threshold flags, just below does not', () => {
    const mixed = (fastCount: number) =>
      reviewerFigures(
        decisions([...Array.from({ length: fastCount }, () => ({ action: 'approve' as const, seconds: 2 })), ...Array.from({ length: 10 - fastCount }, () => ({ action: 'edit' as const, seconds: 200 }))]),
        settings,
      );
    expect(mixed(2).flags.map((f) => f.code)).toEqual(['fast-approvals']);
    expect(mixed(1).flags).toEqual([]);
  });

  test('an unchanged approval made without a view is a fast approval however long the item waited; a rejection without a view is only counted as not viewed', () => {
    const f = reviewerFigures(
      decisions([
        ...Array.from({ length: 4 }, () => ({ action: 'approve' as const, seconds: null })),
        { action: 'approve', seconds: 1 },
        { action: 'reject', seconds: null },
        { action: 'edit', seconds: 200 },
        { action: 'approve', seconds: 120 },
      ]),
      settings,
    );
    expect(f).toMatchObject({ decisions: 8, notViewed: 5, fastApprovals: 5, medianReviewSeconds: 120 });
    expect(f.flags[0]!.reason).toBe(
      'approved 5 of 8 drafts unchanged faster than a plausible read (median 1.0 s from first view for 150 words; at 400 words a minute that takes 22.5 s; 4 of them approved without ever being viewed); flagged at 20% of decisions',
    );
    const unseen = reviewerFigures(decisions(Array.from({ length: 5 }, () => ({ action: 'approve' as const, seconds: null }))), settings);
    expect(unseen).toMatchObject({ notViewed: 5, fastApprovals: 5, medianReviewSeconds: null, medianSecondsPer100Words: null });
    expect(unseen.flags[0]!.reason).toContain('(none of them viewed for 150 words;');
  });

  test('a short draft is read in at least READ_MIN_SECONDS: 2 s on a 10-word draft is fast, 4 s is not', () => {
    expect(reviewerFigures(decisions([{ action: 'approve', seconds: 2, words: 10 }]), settings).fastApprovals).toBe(1);
    expect(reviewerFigures(decisions([{ action: 'approve', seconds: 4, words: 10 }]), settings).fastApprovals).toBe(0);
  });
});

describe('gated share', () => {
  test('more than half of the gate decisions gated is flagged, naming the most frequent rule', () => {
    const g = gatingFigures({ decisions: 10, gated: 7, byRule: [{ rule: 'low-confidence', count: 3 }, { rule: 'first-touch', count: 5 }] }, settings);
    expect(g).toMatchObject({ decisions: 10, gated: 7, gatedShare: 0.7, byRule: [{ rule: 'first-touch', count: 5, share: 0.5 }, { rule: 'low-confidence', count: 3, share: 0.3 }] });
    expect(g.flags).toEqual([
      { code: 'gated-share', reason: 'gated 7 of 10 steps (70%), above the healthy 50%: a healthy policy gates a minority; the most frequent rule is first-touch (5)' },
    ]);
  });

  test('a minority gated, exactly half, too few decisions or none at all is not flagged', () => {
    expect(gatingFigures({ decisions: 10, gated: 3, byRule: [] }, settings).flags).toEqual([]);
    expect(gatingFigures({ decisions: 10, gated: 5, byRule: [] }, settings).flags).toEqual([]);
    expect(gatingFigures({ decisions: 4, gated: 4, byRule: [] }, settings).flags).toEqual([]);
    expect(gatingFigures({ decisions: 0, gated: 0, byRule: [] }, settings)).toMatchObject({ gatedShare: null, flags: [] });
  });
});

describe('settings and inputs', () => {
  test('the thresholds come from the environment, and a bad one stops start-up naming it', () => {
    const s = reviewMetricsSettingsFromConfig(loadAppConfig({ THEATER_UNCHANGED_RUN: '10', QUEUE_P90_AGE: '2d', READ_WORDS_PER_MINUTE: '250', APPROVAL_REMIND_AFTER: '1h' }));
    expect(s).toMatchObject({ unchangedRun: 10, queueP90AgeMs: 48 * HOUR, readWordsPerMinute: 250, approvalRemindAfterMs: HOUR });
    expect(() => loadAppConfig({ THEATER_FAST_APPROVAL_SHARE: '1.5' })).toThrow(/THEATER_FAST_APPROVAL_SHARE/);
    expect(() => loadAppConfig({ QUEUE_P90_AGE: 'a while' })).toThrow(/QUEUE_P90_AGE: must be a duration/);
    expect(() => loadAppConfig({ READ_WORDS_PER_MINUTE: '0' })).toThrow(/READ_WORDS_PER_MINUTE/);
    expect(() => loadAppConfig({ REVIEW_METRICS_WINDOW: '5m' })).toThrow(/REVIEW_METRICS_WINDOW: must be at least 1h/);
  });

  test('window bounds: a real date (midnight UTC) or a date-time with its offset; a "+" that arrived as a space still reads', () => {
    expect(parseWindowBound('2026-11-01')?.toISOString()).toBe('2026-11-01T00:00:00.000Z');
    expect(parseWindowBound('2026-11-01T09:30:00+01:00')?.toISOString()).toBe('2026-11-01T08:30:00.000Z');
    expect(parseWindowBound('2026-11-01T09:30:00 01:00')?.toISOString()).toBe('2026-11-01T08:30:00.000Z');
    expect(parseWindowBound('2026-11-01T09:30Z')?.toISOString()).toBe('2026-11-01T09:30:00.000Z');
    for (const bad of ['yesterday', '2026-02-30', '2026-11-01T09:30:00', '1700000000', '']) expect(parseWindowBound(bad)).toBeNull();
  });

  test('quantiles interpolate between ranks; durations read in words', () => {
    expect(quantile([1, 2], 0.5)).toBe(1.5);
    expect(quantile([5], 0.9)).toBe(5);
    expect(quantile([10, 0, 20, 30], 1)).toBe(30);
    expect(formatSeconds(1)).toBe('1.0 s');
    expect(formatSeconds(59.96)).toBe('1m 0s');
    expect(formatSeconds(200)).toBe('3m 20s');
    expect(formatSeconds(4 * 3600)).toBe('4h 0m');
    expect(formatSeconds(3 * 86_400 + 7200)).toBe('3d 2h');
  });
});
