import { dailyCapAt, DAY_MS, earliestSlot, HOUR_MS, type MailboxLimits, type SlotRequest } from '../../db/repositories/mailboxes';

// The slot computation behind every cap: rolling windows, warmup, the recipient-domain cap and the gap.

const MIN = 60_000;
const t0 = new Date('2026-11-23T09:00:00Z').getTime();
const at = (ms: number) => new Date(ms);

const limits = (over: Partial<MailboxLimits> = {}): MailboxLimits => ({ dailyCap: 1000, hourlyCap: 1000, minGapMs: 0, warmup: null, ...over });

function request(over: Partial<SlotRequest>): SlotRequest {
  return {
    notBefore: at(t0),
    mailbox: limits(),
    mailboxSlots: [],
    recipientDomain: 'acme.test',
    domainSlots: [],
    domainDailyCap: 1000,
    jitterMs: 0,
    ...over,
  };
}

/** Every rolling window (t − length, t] ending at a send holds at most cap(t) sends. */
function assertWithinCap(slots: number[], length: number, cap: (t: number) => number) {
  for (const t of slots) {
    const inWindow = slots.filter((s) => s > t - length && s <= t).length;
    expect(inWindow).toBeLessThanOrEqual(cap(t));
  }
}

describe('hourly cap over a rolling window', () => {
  const mailbox = limits({ hourlyCap: 3 });
  const sent = [t0, t0 + 10 * MIN, t0 + 20 * MIN].map(at);

  test('a send under the cap goes at once', () => {
    expect(earliestSlot(request({ mailbox, mailboxSlots: sent.slice(0, 2), notBefore: at(t0 + 30 * MIN) }))).toEqual({ at: at(t0 + 30 * MIN), limitedBy: null });
  });

  test('the cap reached: deferred to the moment the oldest send leaves the window, not to the next clock hour', () => {
    const slot = earliestSlot(request({ mailbox, mailboxSlots: sent, notBefore: at(t0 + 30 * MIN) }));
    expect(slot.at).toEqual(at(t0 + HOUR_MS));
    expect(slot.limitedBy).toBe('hourly cap of 3 reached');
  });

  test('window boundary: exactly one hour after a send it no longer counts; a millisecond before it does', () => {
    expect(earliestSlot(request({ mailbox, mailboxSlots: sent, notBefore: at(t0 + HOUR_MS) })).limitedBy).toBeNull();
    expect(earliestSlot(request({ mailbox, mailboxSlots: sent, notBefore: at(t0 + HOUR_MS - 1) })).at).toEqual(at(t0 + HOUR_MS));
  });

  test('reservations already ahead are counted: a send now cannot push a later window over the cap', () => {
    const ahead = [t0 + 30 * MIN, t0 + 40 * MIN].map(at);
    const slot = earliestSlot(request({ mailbox: limits({ hourlyCap: 2 }), mailboxSlots: ahead, notBefore: at(t0) }));
    // Anywhere before 10:30 shares an hour with both reservations; 10:30 is the first moment that does not.
    expect(slot.at).toEqual(at(t0 + 90 * MIN));
  });
});

describe('daily cap and warmup', () => {
  const start = new Date('2026-11-23T00:00:00Z').getTime();
  const warming = limits({ dailyCap: 4, warmup: { startedAt: at(start), startDaily: 2, dailyIncrease: 1 } });

  test('the ramp: day 0 starts low, rises each day, and stops at the cap', () => {
    expect([0, 1, 2, 3, 10].map((d) => dailyCapAt(warming, at(start + d * DAY_MS + HOUR_MS)))).toEqual([2, 3, 4, 4, 4]);
    expect(dailyCapAt(limits({ dailyCap: 50 }), at(start))).toBe(50);
  });

  test('on day 0 the third send waits for day 1, when the ramp allows three in the rolling day', () => {
    const sent = [start + 9 * HOUR_MS, start + 10 * HOUR_MS].map(at);
    const slot = earliestSlot(request({ mailbox: warming, mailboxSlots: sent, notBefore: at(start + 11 * HOUR_MS) }));
    expect(slot.limitedBy).toBe('daily cap of 2 reached (warming up toward 4)');
    expect(slot.at).toEqual(at(start + DAY_MS));
  });

  test('a warmed-up mailbox: the rolling day, not the calendar day, decides', () => {
    const mailbox = limits({ dailyCap: 2 });
    const sent = [start + 23 * HOUR_MS, start + 23.5 * HOUR_MS].map(at);
    // Just after midnight both sends are still within the last 24 hours.
    const slot = earliestSlot(request({ mailbox, mailboxSlots: sent, notBefore: at(start + DAY_MS + MIN) }));
    expect(slot.at).toEqual(at(start + 47 * HOUR_MS));
  });
});

test('the recipient-domain daily cap counts every mailbox’s sends to that domain', () => {
  const domainSlots = [t0 - 23 * HOUR_MS, t0 - HOUR_MS].map(at);
  const slot = earliestSlot(request({ domainSlots, domainDailyCap: 2 }));
  expect(slot.limitedBy).toBe('daily cap of 2 for acme.test reached');
  expect(slot.at).toEqual(at(t0 + HOUR_MS));
});

test('a minimum gap plus this send’s jitter keeps sends apart', () => {
  const mailbox = limits({ minGapMs: 60_000 });
  const slot = earliestSlot(request({ mailbox, mailboxSlots: [at(t0 - 10_000)], jitterMs: 30_000 }));
  expect(slot.at).toEqual(at(t0 + 80_000));
  expect(slot.limitedBy).toMatch(/^minimum gap of 60 s/);
  // A gap that has passed holds nothing up.
  expect(earliestSlot(request({ mailbox, mailboxSlots: [at(t0 - 120_000)], jitterMs: 30_000 })).limitedBy).toBeNull();
});

test('a queue of sends asked for at once: taken in order, and no window ever over any cap', () => {
  const mailbox = limits({ hourlyCap: 5, dailyCap: 12, minGapMs: 2 * MIN });
  const slots: number[] = [];
  let random = 7;
  for (let i = 0; i < 40; i++) {
    random = (random * 48271) % 2147483647;
    const slot = earliestSlot(request({ mailbox, mailboxSlots: slots.map(at), jitterMs: random % 60_000 }));
    slots.push(slot.at.getTime());
  }
  for (let i = 1; i < slots.length; i++) expect(slots[i]!).toBeGreaterThan(slots[i - 1]!);
  assertWithinCap(slots, HOUR_MS, () => 5);
  assertWithinCap(slots, DAY_MS, () => 12);
  for (let i = 1; i < slots.length; i++) expect(slots[i]! - slots[i - 1]!).toBeGreaterThanOrEqual(2 * MIN);
});
