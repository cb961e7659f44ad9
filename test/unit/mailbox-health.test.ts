import { formatRate, healthBreaches, healthFromCounts, HEALTH_WINDOW_DAYS, MIN_SAMPLE } from '../../db/repositories/mailbox-health';
import { validateDeliveryEvent } from '../../api/routes/delivery-events';

const since = new Date('2026-10-22T00:00:00Z');
const limits = { bounceRateLimit: 0.05, complaintRateLimit: 0.003 };

describe('mailbox health figure', () => {
  test('one hard bounce out of 2 sends reads as 1 in MIN_SAMPLE (5%), not 50%, and is within a 5% limit', () => {
    expect(MIN_SAMPLE).toBe(20);
    const h = healthFromCounts({ sends: 2, hardBounces: 1, complaints: 0 }, since);
    expect(h.bounceRate).toBeCloseTo(0.05, 10);
    expect(healthBreaches(h, limits)).toEqual([]);
  });

  test('a second early hard bounce is above the limit; the reason says the sample was counted as MIN_SAMPLE', () => {
    const h = healthFromCounts({ sends: 3, hardBounces: 2, complaints: 0 }, since);
    const [breach, ...more] = healthBreaches(h, limits);
    expect(more).toEqual([]);
    expect(breach).toMatchObject({ figure: 'bounce', events: 2, limit: 0.05 });
    expect(breach!.reason).toBe('hard-bounce rate 10.00% over the last 30 days (2 of 3 sends, counted as 20 until the mailbox has sent 20) is above the limit 5.00%');
  });

  test('past MIN_SAMPLE sends the real rate counts: 1 complaint in 200 sends is 0.50%, above 0.30%', () => {
    const h = healthFromCounts({ sends: 200, hardBounces: 0, complaints: 1 }, since);
    expect(h.complaintRate).toBeCloseTo(0.005, 10);
    expect(healthBreaches(h, limits).map((b) => b.reason)).toEqual([
      'complaint rate 0.50% over the last 30 days (1 of 200 sends) is above the limit 0.30%',
    ]);
  });

  test('a rate equal to its limit is within it; just above is not', () => {
    expect(healthBreaches(healthFromCounts({ sends: 100, hardBounces: 5, complaints: 0 }, since), limits)).toEqual([]);
    expect(healthBreaches(healthFromCounts({ sends: 100, hardBounces: 6, complaints: 0 }, since), limits).map((b) => b.figure)).toEqual(['bounce']);
  });

  test('both figures above their limits are both named, hard bounces first', () => {
    const h = healthFromCounts({ sends: 40, hardBounces: 4, complaints: 1 }, since);
    expect(healthBreaches(h, limits).map((b) => b.figure)).toEqual(['bounce', 'complaint']);
  });

  test('no sends and no events is a clean figure over the whole window', () => {
    const h = healthFromCounts({ sends: 0, hardBounces: 0, complaints: 0 }, since);
    expect(h).toMatchObject({ windowDays: HEALTH_WINDOW_DAYS, minSample: MIN_SAMPLE, bounceRate: 0, complaintRate: 0, since });
    expect(healthBreaches(h, limits)).toEqual([]);
  });

  test('rates read as percentages with two decimals', () => {
    expect(formatRate(0.003)).toBe('0.30%');
    expect(formatRate(0.05)).toBe('5.00%');
    expect(formatRate(1)).toBe('100.00%');
  });
});

describe('delivery event validation', () => {
  const now = new Date('2026-11-21T12:00:00Z');
  const good = { id: 'evt-1', type: 'bounce', bounceType: 'hard', recipient: 'Pat@Example.com', occurredAt: '2026-11-21T11:00:00Z' };

  test('a good event passes, its Message-ID given without <> gets them', () => {
    expect(validateDeliveryEvent({ ...good, messageId: 'abc@cadence.test' }, now)).toEqual({ event: { ...good, messageId: '<abc@cadence.test>' } });
  });

  test('each problem is named by its field', () => {
    const checked = validateDeliveryEvent({ type: 'bounce', recipient: 'not-an-address', occurredAt: 'yesterday', colour: 'red' }, now);
    expect(checked).toEqual({
      errors: expect.arrayContaining([
        'id: is required',
        'recipient: must be an email address such as pat@example.com',
        'occurredAt: Invalid ISO datetime',
        'unknown field(s): colour',
        'bounceType: is required for a bounce (hard or soft)',
      ]),
    });
  });

  test('a complaint takes no bounceType; an event two hours ahead of our clock is refused; a non-object is named as such', () => {
    expect(validateDeliveryEvent({ ...good, type: 'complaint' }, now)).toEqual({ errors: ['bounceType: is only for a bounce; a complaint has none'] });
    expect(validateDeliveryEvent({ ...good, occurredAt: '2026-11-21T14:00:00Z' }, now)).toEqual({ errors: ['occurredAt: 2026-11-21T14:00:00Z is in the future'] });
    expect(validateDeliveryEvent('bounce', now)).toEqual({ errors: ['event: must be an object'] });
  });
});
