import { bundleWorkflowCode } from '@temporalio/worker';
import {
  describeWindow,
  isValidTimeZone,
  nextTouchAt,
  nextWindowStart,
  validateCalendar,
  validateStepTiming,
  type Calendar,
  type DelayUnit,
  type SendWindow,
  type StepTiming,
} from '../../workflows/business-time';

// Inputs and expected results are written as UTC instants worked out by hand, with the local time
// beside them; `local()` formats with Intl independently of the module, so each expectation checks
// both the instant and the wall-clock time a rep in that zone would see.

const NY: Calendar = { timeZone: 'America/New_York', holidays: [] };
const BERLIN: Calendar = { timeZone: 'Europe/Berlin', holidays: [] };
const OFFICE: SendWindow = { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];
const ALL_DAY_EVERY_DAY: SendWindow = { days: EVERY_DAY, start: '00:00', end: '24:00' };
const HOUR = 3_600_000;

function local(d: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    weekday: 'short',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(d);
  const p = Object.fromEntries(parts.map((x) => [x.type, x.value]));
  return `${p.weekday} ${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** Asserts the instant (UTC) and what it looks like on a clock in `calendar`'s zone. */
function expectAt(actual: Date, utc: string, wallClock: string, calendar: Calendar): void {
  expect({ utc: actual.toISOString(), local: local(actual, calendar.timeZone) }).toEqual({ utc, local: wallClock });
}

function touch(from: string, amount: number, unit: DelayUnit, window: SendWindow | null, calendar: Calendar): Date {
  return nextTouchAt(new Date(from), { delay: { amount, unit }, window }, calendar);
}

describe('nextWindowStart', () => {
  test('inside the window: the instant itself, to the millisecond', () => {
    const at = new Date('2026-01-13T15:12:34.567Z'); // Tue 10:12:34.567 EST
    expect(nextWindowStart(at, OFFICE, NY).toISOString()).toBe('2026-01-13T15:12:34.567Z');
  });

  test('the window start is inside (inclusive); the window end is not (exclusive)', () => {
    expectAt(nextWindowStart(new Date('2026-01-13T14:00:00Z'), OFFICE, NY), '2026-01-13T14:00:00.000Z', 'Tue 2026-01-13 09:00', NY);
    expectAt(nextWindowStart(new Date('2026-01-13T22:00:00Z'), OFFICE, NY), '2026-01-14T14:00:00.000Z', 'Wed 2026-01-14 09:00', NY);
    expectAt(nextWindowStart(new Date('2026-01-13T21:59:59.999Z'), OFFICE, NY), '2026-01-13T21:59:59.999Z', 'Tue 2026-01-13 16:59', NY);
  });

  test('before the window opens: today’s start', () => {
    expectAt(nextWindowStart(new Date('2026-01-13T11:00:00Z'), OFFICE, NY), '2026-01-13T14:00:00.000Z', 'Tue 2026-01-13 09:00', NY);
  });

  test('the window has closed for today: the next business day’s start', () => {
    expectAt(nextWindowStart(new Date('2026-01-13T23:00:00Z'), OFFICE, NY), '2026-01-14T14:00:00.000Z', 'Wed 2026-01-14 09:00', NY);
  });

  test('weekends are skipped', () => {
    // Fri 18:00 EST, Sat 11:00 EST and Sun 23:59 EST all wait for Monday 09:00.
    for (const from of ['2026-01-09T23:00:00Z', '2026-01-10T16:00:00Z', '2026-01-12T04:59:00Z']) {
      expectAt(nextWindowStart(new Date(from), OFFICE, NY), '2026-01-12T14:00:00.000Z', 'Mon 2026-01-12 09:00', NY);
    }
  });

  test('holidays are skipped, including a Friday holiday before a weekend', () => {
    const july4: Calendar = { timeZone: 'America/New_York', holidays: ['2026-07-03'] };
    // Thu 2026-07-02 17:30 EDT: Fri is the observed holiday, then the weekend.
    expectAt(nextWindowStart(new Date('2026-07-02T21:30:00Z'), OFFICE, july4), '2026-07-06T13:00:00.000Z', 'Mon 2026-07-06 09:00', july4);
    // Inside the holiday's window hours is still not inside a window.
    expectAt(nextWindowStart(new Date('2026-07-03T15:00:00Z'), OFFICE, july4), '2026-07-06T13:00:00.000Z', 'Mon 2026-07-06 09:00', july4);
    // Two consecutive holidays (Thu + Fri) then the weekend.
    const xmas: Calendar = { timeZone: 'America/New_York', holidays: ['2026-12-24', '2026-12-25'] };
    expectAt(nextWindowStart(new Date('2026-12-23T23:00:00Z'), OFFICE, xmas), '2026-12-28T14:00:00.000Z', 'Mon 2026-12-28 09:00', xmas);
  });

  test('a window on chosen weekdays only', () => {
    const tueThu: SendWindow = { days: [2, 4], start: '10:00', end: '12:00' };
    // Wed 2026-01-14 10:30 EST → Thu 10:00; Thu 12:00 → next Tue 10:00.
    expectAt(nextWindowStart(new Date('2026-01-14T15:30:00Z'), tueThu, NY), '2026-01-15T15:00:00.000Z', 'Thu 2026-01-15 10:00', NY);
    expectAt(nextWindowStart(new Date('2026-01-15T17:00:00Z'), tueThu, NY), '2026-01-20T15:00:00.000Z', 'Tue 2026-01-20 10:00', NY);
  });

  test('a window running until midnight (24:00)', () => {
    const evening: SendWindow = { days: [1, 2, 3, 4, 5], start: '18:00', end: '24:00' };
    expectAt(nextWindowStart(new Date('2026-01-14T04:59:00Z'), evening, NY), '2026-01-14T04:59:00.000Z', 'Tue 2026-01-13 23:59', NY);
    expectAt(nextWindowStart(new Date('2026-01-14T05:00:00Z'), evening, NY), '2026-01-14T23:00:00.000Z', 'Wed 2026-01-14 18:00', NY);
  });
});

describe('time zones far from UTC: business days are local days', () => {
  test('Asia/Tokyo (UTC+9): a UTC Sunday evening is already Monday morning', () => {
    const tokyo: Calendar = { timeZone: 'Asia/Tokyo', holidays: [] };
    // Sun 2026-01-11 23:30Z = Mon 08:30 JST → Mon 09:00 JST.
    expectAt(nextWindowStart(new Date('2026-01-11T23:30:00Z'), OFFICE, tokyo), '2026-01-12T00:00:00.000Z', 'Mon 2026-01-12 09:00', tokyo);
    // Fri 2026-01-09 08:30Z = Fri 17:30 JST (closed) → Mon 09:00 JST, though it is Friday morning in UTC.
    expectAt(nextWindowStart(new Date('2026-01-09T08:30:00Z'), OFFICE, tokyo), '2026-01-12T00:00:00.000Z', 'Mon 2026-01-12 09:00', tokyo);
  });

  test('America/Los_Angeles (UTC−8): a UTC Saturday can still be Friday afternoon', () => {
    const la: Calendar = { timeZone: 'America/Los_Angeles', holidays: [] };
    expectAt(nextWindowStart(new Date('2026-01-10T00:30:00Z'), OFFICE, la), '2026-01-10T00:30:00.000Z', 'Fri 2026-01-09 16:30', la);
    expectAt(touch('2026-01-10T00:30:00Z', 2, 'hours', OFFICE, la), '2026-01-12T17:00:00.000Z', 'Mon 2026-01-12 09:00', la);
  });

  test('Pacific/Auckland (UTC+13 in January): a UTC Friday can be Saturday', () => {
    const akl: Calendar = { timeZone: 'Pacific/Auckland', holidays: [] };
    // Fri 2026-01-09 20:00Z = Sat 09:00 NZDT → Mon 09:00 NZDT = Sun 20:00Z.
    expectAt(nextWindowStart(new Date('2026-01-09T20:00:00Z'), OFFICE, akl), '2026-01-11T20:00:00.000Z', 'Mon 2026-01-12 09:00', akl);
    // A holiday on the local Monday (which is Sunday in UTC) is honoured.
    const aklHoliday: Calendar = { timeZone: 'Pacific/Auckland', holidays: ['2026-01-12'] };
    expectAt(nextWindowStart(new Date('2026-01-09T20:00:00Z'), OFFICE, aklHoliday), '2026-01-12T20:00:00.000Z', 'Tue 2026-01-13 09:00', aklHoliday);
  });

  test('Asia/Kolkata (UTC+5:30): half-hour offset', () => {
    const ist: Calendar = { timeZone: 'Asia/Kolkata', holidays: [] };
    // Fri 2026-01-09 03:00Z = 08:30 IST → 09:00 IST = 03:30Z.
    expectAt(nextWindowStart(new Date('2026-01-09T03:00:00Z'), OFFICE, ist), '2026-01-09T03:30:00.000Z', 'Fri 2026-01-09 09:00', ist);
    // Fri 16:00 IST + 3 business hours → Mon 11:00 IST.
    expectAt(touch('2026-01-09T10:30:00Z', 3, 'business_hours', OFFICE, ist), '2026-01-12T05:30:00.000Z', 'Mon 2026-01-12 11:00', ist);
    // Mon 10:15 IST + 1 business day → Tue 10:15 IST.
    expectAt(touch('2026-01-12T04:45:00Z', 1, 'business_days', OFFICE, ist), '2026-01-13T04:45:00.000Z', 'Tue 2026-01-13 10:15', ist);
  });
});

describe('nextTouchAt: plain elapsed delays (minutes, hours, days)', () => {
  test('minutes and hours are elapsed time, then moved into the next window', () => {
    // Tue 10:00 EST + 90 minutes → 11:30, inside.
    expectAt(touch('2026-01-13T15:00:00Z', 90, 'minutes', OFFICE, NY), '2026-01-13T16:30:00.000Z', 'Tue 2026-01-13 11:30', NY);
    // Tue 16:00 EST + 2 hours → 18:00, closed → Wed 09:00.
    expectAt(touch('2026-01-13T21:00:00Z', 2, 'hours', OFFICE, NY), '2026-01-14T14:00:00.000Z', 'Wed 2026-01-14 09:00', NY);
    // Fractional hours are fine.
    expectAt(touch('2026-01-13T15:00:00Z', 1.5, 'hours', OFFICE, NY), '2026-01-13T16:30:00.000Z', 'Tue 2026-01-13 11:30', NY);
  });

  test('days keep the local time of day; a result outside the window moves to the next window', () => {
    // Tue 10:00 + 2 days → Thu 10:00.
    expectAt(touch('2026-01-13T15:00:00Z', 2, 'days', OFFICE, NY), '2026-01-15T15:00:00.000Z', 'Thu 2026-01-15 10:00', NY);
    // Thu 10:00 + 2 calendar days → Sat 10:00 → Mon 09:00.
    expectAt(touch('2026-01-15T15:00:00Z', 2, 'days', OFFICE, NY), '2026-01-19T14:00:00.000Z', 'Mon 2026-01-19 09:00', NY);
  });

  test('a delay of 0 is nextWindowStart(from)', () => {
    expectAt(touch('2026-01-10T15:00:00Z', 0, 'hours', OFFICE, NY), '2026-01-12T14:00:00.000Z', 'Mon 2026-01-12 09:00', NY);
    expectAt(touch('2026-01-13T15:00:00Z', 0, 'business_days', OFFICE, NY), '2026-01-13T15:00:00.000Z', 'Tue 2026-01-13 10:00', NY);
  });

  test('a null window means any time on a non-holiday Monday to Friday', () => {
    const cal: Calendar = { timeZone: 'America/New_York', holidays: ['2026-01-19'] };
    // Tue 23:30 + 1 hour → Wed 00:30, no time-of-day limit.
    expectAt(touch('2026-01-14T04:30:00Z', 1, 'hours', null, cal), '2026-01-14T05:30:00.000Z', 'Wed 2026-01-14 00:30', cal);
    // Fri 22:00 + 3 hours → Sat 01:00 → Mon is a holiday → Tue 00:00.
    expectAt(touch('2026-01-17T03:00:00Z', 3, 'hours', null, cal), '2026-01-20T05:00:00.000Z', 'Tue 2026-01-20 00:00', cal);
  });
});

describe('nextTouchAt: business_hours', () => {
  test('16:00 + 3 business hours with a 09–17 window → next business day 11:00', () => {
    expectAt(touch('2026-01-13T21:00:00Z', 3, 'business_hours', OFFICE, NY), '2026-01-14T16:00:00.000Z', 'Wed 2026-01-14 11:00', NY);
  });

  test('spanning a weekend, and a holiday', () => {
    // Fri 15:00 + 9 business hours: 2 on Friday, 7 on Monday → Mon 16:00.
    expectAt(touch('2026-01-09T20:00:00Z', 9, 'business_hours', OFFICE, NY), '2026-01-12T21:00:00.000Z', 'Mon 2026-01-12 16:00', NY);
    const mlk: Calendar = { timeZone: 'America/New_York', holidays: ['2026-01-19'] };
    // Fri 2026-01-16 15:00 + 9: Monday is a holiday → Tue 16:00.
    expectAt(touch('2026-01-16T20:00:00Z', 9, 'business_hours', OFFICE, mlk), '2026-01-20T21:00:00.000Z', 'Tue 2026-01-20 16:00', mlk);
    // Several days: Mon 09:00 + 20 business hours (8 + 8 + 4) → Wed 13:00.
    expectAt(touch('2026-01-12T14:00:00Z', 20, 'business_hours', OFFICE, NY), '2026-01-14T18:00:00.000Z', 'Wed 2026-01-14 13:00', NY);
  });

  test('counting starts at the next window when `from` is outside one', () => {
    // Sat 11:00 + 1.5 business hours → Mon 10:30.
    expectAt(touch('2026-01-10T16:00:00Z', 1.5, 'business_hours', OFFICE, NY), '2026-01-12T15:30:00.000Z', 'Mon 2026-01-12 10:30', NY);
  });

  test('a count ending exactly at the (exclusive) window end lands on the next window start', () => {
    // Fri 15:00 + 10 business hours = 2 on Friday + 8 on Monday, ending at Mon 17:00 → Tue 09:00.
    expectAt(touch('2026-01-09T20:00:00Z', 10, 'business_hours', OFFICE, NY), '2026-01-13T14:00:00.000Z', 'Tue 2026-01-13 09:00', NY);
  });

  test('business hours are real elapsed time: a window holding the spring-forward hour is an hour shorter', () => {
    const night: SendWindow = { days: [7], start: '00:00', end: '06:00' };
    // Sun 2026-03-08 00:00 EST (05:00Z); 00:00–06:00 that night holds 5 real hours.
    expectAt(touch('2026-03-08T05:00:00Z', 4.5, 'business_hours', night, NY), '2026-03-08T09:30:00.000Z', 'Sun 2026-03-08 05:30', NY);
    expectAt(touch('2026-03-08T05:00:00Z', 5.5, 'business_hours', night, NY), '2026-03-15T04:30:00.000Z', 'Sun 2026-03-15 00:30', NY);
  });
});

describe('nextTouchAt: business_days', () => {
  test('keeps the local time of day and skips weekends', () => {
    // Thu 10:15 + 2 business days → Mon 10:15.
    expectAt(touch('2026-01-08T15:15:00Z', 2, 'business_days', OFFICE, NY), '2026-01-12T15:15:00.000Z', 'Mon 2026-01-12 10:15', NY);
    // Milliseconds survive too.
    expect(touch('2026-01-08T15:15:07.123Z', 1, 'business_days', OFFICE, NY).toISOString()).toBe('2026-01-09T15:15:07.123Z');
  });

  test('skips holidays, including a Friday holiday before a weekend', () => {
    const july4: Calendar = { timeZone: 'America/New_York', holidays: ['2026-07-03'] };
    // Thu 2026-07-02 10:00 EDT + 1 business day → Mon 07-06 10:00.
    expectAt(touch('2026-07-02T14:00:00Z', 1, 'business_days', OFFICE, july4), '2026-07-06T14:00:00.000Z', 'Mon 2026-07-06 10:00', july4);
    // + 2 → Tue.
    expectAt(touch('2026-07-02T14:00:00Z', 2, 'business_days', OFFICE, july4), '2026-07-07T14:00:00.000Z', 'Tue 2026-07-07 10:00', july4);
  });

  test('a time of day outside the window is clamped into it', () => {
    // Sat 07:00 + 1 business day → Mon 07:00 → Mon 09:00 (before the window: that day's start).
    expectAt(touch('2026-01-10T12:00:00Z', 1, 'business_days', OFFICE, NY), '2026-01-12T14:00:00.000Z', 'Mon 2026-01-12 09:00', NY);
    // Thu 18:30 + 1 business day → Fri 18:30 → closed → Mon 09:00.
    expectAt(touch('2026-01-08T23:30:00Z', 1, 'business_days', OFFICE, NY), '2026-01-12T14:00:00.000Z', 'Mon 2026-01-12 09:00', NY);
  });

  test('counts only the window’s days; Mon–Fri when the window is null', () => {
    const tueThu: SendWindow = { days: [2, 4], start: '09:00', end: '17:00' };
    // Mon 2026-01-12 10:00 + 2 business days (Tue, Thu) → Thu 10:00.
    expectAt(touch('2026-01-12T15:00:00Z', 2, 'business_days', tueThu, NY), '2026-01-15T15:00:00.000Z', 'Thu 2026-01-15 10:00', NY);
    // Fri 2026-01-09 20:00 + 1 business day, no window → Mon 20:00, no clamping.
    expectAt(touch('2026-01-10T01:00:00Z', 1, 'business_days', null, NY), '2026-01-13T01:00:00.000Z', 'Mon 2026-01-12 20:00', NY);
  });
});

describe('daylight saving', () => {
  // For each change: the window start on the day before and the day of the change, every day open.
  const daily: SendWindow = { days: EVERY_DAY, start: '09:00', end: '17:00' };
  const cases: Array<[string, Calendar, string, string, string, string, number]> = [
    // name, calendar, 09:00 the day before (UTC), its local, 09:00 on the day of the change (UTC), its local, hours between
    ['New York spring forward 2026-03-08', NY, '2026-03-07T14:00:00.000Z', 'Sat 2026-03-07 09:00', '2026-03-08T13:00:00.000Z', 'Sun 2026-03-08 09:00', 23],
    ['New York fall back 2026-11-01', NY, '2026-10-31T13:00:00.000Z', 'Sat 2026-10-31 09:00', '2026-11-01T14:00:00.000Z', 'Sun 2026-11-01 09:00', 25],
    ['Berlin spring forward 2026-03-29', BERLIN, '2026-03-28T08:00:00.000Z', 'Sat 2026-03-28 09:00', '2026-03-29T07:00:00.000Z', 'Sun 2026-03-29 09:00', 23],
    ['Berlin fall back 2026-10-25', BERLIN, '2026-10-24T07:00:00.000Z', 'Sat 2026-10-24 09:00', '2026-10-25T08:00:00.000Z', 'Sun 2026-10-25 09:00', 25],
  ];

  test.each(cases)('%s: 09:00 stays 09:00 local and the UTC instant shifts by an hour', (_name, cal, beforeUtc, beforeLocal, afterUtc, afterLocal, hours) => {
    const before = nextWindowStart(new Date(new Date(beforeUtc).getTime() - 2 * HOUR), daily, cal);
    expectAt(before, beforeUtc, beforeLocal, cal);
    // From the close of the day before, the next window opens at 09:00 local on the day of the change.
    const after = nextWindowStart(new Date(before.getTime() + 8 * HOUR), daily, cal);
    expectAt(after, afterUtc, afterLocal, cal);
    expect((after.getTime() - before.getTime()) / HOUR).toBe(hours);
    // The same 09:00 as a 'days' delay: 1 day = 23 or 25 real hours.
    expectAt(touch(beforeUtc, 1, 'days', daily, cal), afterUtc, afterLocal, cal);
    // While 24 plain hours lands at 08:00 or 10:00 local.
    expect(local(touch(beforeUtc, 24, 'hours', ALL_DAY_EVERY_DAY, cal), cal.timeZone)).toBe(afterLocal.replace('09:00', hours === 23 ? '10:00' : '08:00'));
  });

  test('a Mon–Fri 09:00 window on both sides of the change (New York, Berlin)', () => {
    // Fri 2026-03-06 18:00 EST → Mon 03-09 09:00 EDT: 13:00Z where the Friday start was 14:00Z.
    expectAt(nextWindowStart(new Date('2026-03-06T23:00:00Z'), OFFICE, NY), '2026-03-09T13:00:00.000Z', 'Mon 2026-03-09 09:00', NY);
    expectAt(nextWindowStart(new Date('2026-10-30T22:00:00Z'), OFFICE, NY), '2026-11-02T14:00:00.000Z', 'Mon 2026-11-02 09:00', NY);
    expectAt(nextWindowStart(new Date('2026-03-27T17:00:00Z'), OFFICE, BERLIN), '2026-03-30T07:00:00.000Z', 'Mon 2026-03-30 09:00', BERLIN);
    expectAt(nextWindowStart(new Date('2026-10-23T16:00:00Z'), OFFICE, BERLIN), '2026-10-26T08:00:00.000Z', 'Mon 2026-10-26 09:00', BERLIN);
  });

  test('a day delay across the change keeps wall-clock time', () => {
    // Fri 2026-03-06 10:00 EST + 3 days → Mon 10:00 EDT: 71 real hours.
    const ny = touch('2026-03-06T15:00:00Z', 3, 'days', OFFICE, NY);
    expectAt(ny, '2026-03-09T14:00:00.000Z', 'Mon 2026-03-09 10:00', NY);
    expect((ny.getTime() - Date.parse('2026-03-06T15:00:00Z')) / HOUR).toBe(71);
    // Fri 2026-10-23 10:00 CEST + 3 days → Mon 10:00 CET: 73 real hours.
    const berlin = touch('2026-10-23T08:00:00Z', 3, 'days', OFFICE, BERLIN);
    expectAt(berlin, '2026-10-26T09:00:00.000Z', 'Mon 2026-10-26 10:00', BERLIN);
    expect((berlin.getTime() - Date.parse('2026-10-23T08:00:00Z')) / HOUR).toBe(73);
    // business_days keep it too: Fri 2026-03-27 10:00 CET + 1 → Mon 10:00 CEST.
    expectAt(touch('2026-03-27T09:00:00Z', 1, 'business_days', OFFICE, BERLIN), '2026-03-30T08:00:00.000Z', 'Mon 2026-03-30 10:00', BERLIN);
    // And NY fall back: Fri 2026-10-30 16:30 EDT + 1 business day → Mon 16:30 EST.
    expectAt(touch('2026-10-30T20:30:00Z', 1, 'business_days', OFFICE, NY), '2026-11-02T21:30:00.000Z', 'Mon 2026-11-02 16:30', NY);
  });

  test('spring-forward gap: a window start that does not exist opens when the clocks jump', () => {
    const early: SendWindow = { days: EVERY_DAY, start: '02:30', end: '04:00' };
    // 2026-03-08 New York: 02:00 EST jumps to 03:00 EDT (07:00Z). 02:30 → 03:00 EDT.
    expectAt(nextWindowStart(new Date('2026-03-08T06:00:00Z'), early, NY), '2026-03-08T07:00:00.000Z', 'Sun 2026-03-08 03:00', NY);
    // 2026-03-29 Berlin: 02:00 CET jumps to 03:00 CEST (01:00Z).
    expectAt(nextWindowStart(new Date('2026-03-28T23:00:00Z'), early, BERLIN), '2026-03-29T01:00:00.000Z', 'Sun 2026-03-29 03:00', BERLIN);
    // The day after, 02:30 exists again.
    expectAt(nextWindowStart(new Date('2026-03-08T09:00:00Z'), early, NY), '2026-03-09T06:30:00.000Z', 'Mon 2026-03-09 02:30', NY);
  });

  test('spring-forward gap: a window wholly inside the gap does not open that day', () => {
    const lost: SendWindow = { days: EVERY_DAY, start: '02:00', end: '02:45' };
    expectAt(nextWindowStart(new Date('2026-03-08T05:00:00Z'), lost, NY), '2026-03-09T06:00:00.000Z', 'Mon 2026-03-09 02:00', NY);
  });

  test('spring-forward gap: a days delay landing in the gap resolves to the jump', () => {
    // Sat 2026-03-07 02:30 EST + 1 day → Sun 02:30 does not exist → 03:00 EDT.
    expectAt(touch('2026-03-07T07:30:00Z', 1, 'days', ALL_DAY_EVERY_DAY, NY), '2026-03-08T07:00:00.000Z', 'Sun 2026-03-08 03:00', NY);
  });

  test('fall-back overlap: a repeated local time means its first occurrence', () => {
    const early: SendWindow = { days: EVERY_DAY, start: '01:30', end: '05:00' };
    // 2026-11-01 New York: 01:30 happens at 05:30Z (EDT) and 06:30Z (EST); the window opens at the first.
    const opens = nextWindowStart(new Date('2026-11-01T04:00:00Z'), early, NY);
    expect(opens.toISOString()).toBe('2026-11-01T05:30:00.000Z');
    // The window is one interval: the repeated 01:15 EST (06:15Z) is inside it, unchanged.
    expect(nextWindowStart(new Date('2026-11-01T06:15:00Z'), early, NY).toISOString()).toBe('2026-11-01T06:15:00.000Z');
    // Sat 01:30 EDT + 1 day → Sun's first 01:30 (still EDT): 24 real hours.
    expect(touch('2026-10-31T05:30:00Z', 1, 'days', ALL_DAY_EVERY_DAY, NY).toISOString()).toBe('2026-11-01T05:30:00.000Z');
    // Berlin 2026-10-25: 02:30 happens at 00:30Z (CEST) and 01:30Z (CET).
    const berlinEarly: SendWindow = { days: EVERY_DAY, start: '02:30', end: '05:00' };
    expect(nextWindowStart(new Date('2026-10-24T22:00:00Z'), berlinEarly, BERLIN).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });
});

describe('invalid input throws an Error naming the field', () => {
  const timing = (over: Partial<StepTiming['delay']> = {}, window: SendWindow | null = OFFICE): StepTiming => ({
    delay: { amount: 1, unit: 'hours', ...over },
    window,
  });
  const from = new Date('2026-01-13T15:00:00Z');

  test.each([
    ['9:00', 'window.start'],
    ['24:00', 'window.start'],
    ['25:00', 'window.start'],
    ['12:60', 'window.start'],
    ['noon', 'window.start'],
  ])('window.start %p', (start, field) => {
    expect(() => nextWindowStart(from, { ...OFFICE, start }, NY)).toThrow(field);
    expect(() => nextTouchAt(from, timing({}, { ...OFFICE, start }), NY)).toThrow(field);
  });

  test('window.end must be HH:MM (or 24:00) and after start; windows crossing midnight are rejected', () => {
    expect(() => nextWindowStart(from, { ...OFFICE, end: '17' }, NY)).toThrow('window.end');
    expect(() => nextWindowStart(from, { ...OFFICE, end: '24:01' }, NY)).toThrow('window.end');
    expect(() => nextWindowStart(from, { ...OFFICE, end: '09:00' }, NY)).toThrow(/window\.end .*must be after window\.start/);
    expect(() => nextWindowStart(from, { days: OFFICE.days, start: '22:00', end: '02:00' }, NY)).toThrow(/window\.end .*crossing midnight/);
  });

  test('window.days must be a non-empty list of ISO weekdays', () => {
    expect(() => nextWindowStart(from, { ...OFFICE, days: [] }, NY)).toThrow('window.days');
    expect(() => nextWindowStart(from, { ...OFFICE, days: [0] }, NY)).toThrow('window.days');
    expect(() => nextWindowStart(from, { ...OFFICE, days: [8] }, NY)).toThrow('window.days');
    expect(() => nextWindowStart(from, { ...OFFICE, days: [1.5] }, NY)).toThrow('window.days');
    expect(() => nextTouchAt(from, timing({}, { ...OFFICE, days: [] }), NY)).toThrow('window.days');
  });

  test('calendar.timeZone must be a known zone', () => {
    for (const timeZone of ['Mars/Olympus_Mons', '', 'EST+5+5']) {
      expect(() => nextWindowStart(from, OFFICE, { timeZone, holidays: [] })).toThrow('calendar.timeZone');
      expect(() => nextTouchAt(from, timing(), { timeZone, holidays: [] })).toThrow('calendar.timeZone');
      expect(() => describeWindow(OFFICE, { timeZone, holidays: [] })).toThrow('calendar.timeZone');
    }
  });

  test('calendar.holidays must be real YYYY-MM-DD dates, and the message says which one', () => {
    expect(() => nextWindowStart(from, OFFICE, { timeZone: 'UTC', holidays: ['2026-01-01', '2026-02-30'] })).toThrow('calendar.holidays[1]');
    expect(() => validateCalendar({ timeZone: 'UTC', holidays: ['2026-1-5'] })).toThrow('calendar.holidays[0]');
    expect(() => validateCalendar({ timeZone: 'UTC', holidays: ['01/05/2026'] })).toThrow('calendar.holidays[0]');
    expect(() => validateCalendar({ timeZone: 'UTC', holidays: ['2024-02-29'] })).not.toThrow();
  });

  test('delay.amount must be a finite number >= 0, whole for days units, at most ten years', () => {
    expect(() => nextTouchAt(from, timing({ amount: -1 }), NY)).toThrow('delay.amount');
    expect(() => nextTouchAt(from, timing({ amount: Number.NaN }), NY)).toThrow('delay.amount');
    expect(() => nextTouchAt(from, timing({ amount: Number.POSITIVE_INFINITY }), NY)).toThrow('delay.amount');
    expect(() => nextTouchAt(from, timing({ amount: 1.5, unit: 'days' }), NY)).toThrow('delay.amount');
    expect(() => nextTouchAt(from, timing({ amount: 1.5, unit: 'business_days' }), NY)).toThrow('delay.amount');
    expect(() => nextTouchAt(from, timing({ amount: 1e9, unit: 'business_hours' }), NY)).toThrow('delay.amount');
    expect(() => validateStepTiming(timing({ amount: 1.5, unit: 'business_hours' }))).not.toThrow();
  });

  test('delay.unit must be a known unit; from must be a valid Date', () => {
    expect(() => nextTouchAt(from, timing({ unit: 'weeks' as DelayUnit }), NY)).toThrow('delay.unit');
    expect(() => nextTouchAt(new Date('nope'), timing(), NY)).toThrow('from');
    expect(() => nextWindowStart(new Date(Number.NaN), OFFICE, NY)).toThrow('at');
  });
});

describe('isValidTimeZone and describeWindow', () => {
  test('isValidTimeZone', () => {
    for (const tz of ['America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'Pacific/Auckland', 'UTC']) expect(isValidTimeZone(tz)).toBe(true);
    for (const tz of ['Mars/Olympus_Mons', '', 'America/Springfield']) expect(isValidTimeZone(tz)).toBe(false);
  });

  test('describeWindow', () => {
    expect(describeWindow(OFFICE, NY)).toBe('Mon–Fri 09:00–17:00 America/New_York');
    expect(describeWindow({ days: [5, 1, 3], start: '10:00', end: '12:00' }, { timeZone: 'Asia/Tokyo', holidays: [] })).toBe(
      'Mon, Wed, Fri 10:00–12:00 Asia/Tokyo',
    );
    expect(describeWindow({ days: [1, 2, 3, 6, 7], start: '08:30', end: '24:00' }, BERLIN)).toBe('Mon–Wed, Sat, Sun 08:30–24:00 Europe/Berlin');
    expect(describeWindow(null, NY)).toBe('Mon–Fri 00:00–24:00 America/New_York');
    expect(() => describeWindow({ ...OFFICE, start: '9am' }, NY)).toThrow('window.start');
  });
});

describe('workflow sandbox', () => {
  test('a workflow importing workflows/business-time.ts bundles with bundleWorkflowCode', async () => {
    const noop = () => undefined;
    const { code } = await bundleWorkflowCode({
      workflowsPath: require.resolve('../fixtures/business-time-workflow'),
      logger: { trace: noop, debug: noop, info: noop, warn: noop, error: noop, log: noop },
    });
    expect(code.length).toBeGreaterThan(0);
    expect(code).toContain('businessTimeWorkflow');
    expect(code).toContain('nextTouchAt');
  });
});
