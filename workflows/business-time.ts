// Business-time scheduling: WHEN the next touch of a cadence may happen.
//
// Pure and deterministic, so the cadence workflow calls it directly: no Node built-ins, no I/O, and
// the clock is never read (the caller passes `from`, normally the workflow's own `new Date()`).
// Time-zone rules come from `Intl.DateTimeFormat`, which the workflow sandbox provides; no date
// library is bundled. Date arithmetic on local calendar days is done here on plain numbers.
//
// The model, used by every function below:
// - A *business day* is a local date (in `calendar.timeZone`) whose ISO weekday is in `window.days`
//   and which is not in `calendar.holidays`.
// - On a business day the window is ONE half-open interval of instants [S, E): S is the first instant
//   of that local date whose wall-clock time is at or after `window.start`, E the first instant whose
//   wall-clock time is at or after `window.end` ('24:00' = the start of the next local day). A day
//   whose interval is empty (a window lying wholly inside a spring-forward gap) has no window.
// - A step whose window is `null` uses ALL_DAY_WINDOW: any time on Mon–Fri that is not a holiday.
//
// Daylight saving (one rule for every local wall-clock time this module turns into an instant:
// window bounds, and the targets of `days` and `business_days` delays):
// - A local time that does not exist (spring-forward gap) means the first instant at or after it,
//   which is the instant the clocks jump: 02:30 on 2026-03-08 in America/New_York is 03:00 EDT
//   (07:00Z). A window 02:30–17:00 that day opens at 03:00 EDT; a window 02:00–02:45 does not open
//   that day at all.
// - A local time that occurs twice (fall-back overlap) means its first occurrence, the earlier
//   instant, still on summer time: 01:30 on 2026-11-01 in New York is 01:30 EDT (05:30Z). A window
//   therefore stays one contiguous interval and the repeated hour is not a second window.
// - Every other wall-clock time is itself: a 09:00 window start is 09:00 local on both sides of a
//   change, so its UTC instant moves by the hour of the change.
//
// Windows crossing midnight (22:00–02:00) are not supported: `end` must be after `start`; use
// '24:00' as the end for "until midnight".
//
// Replay note: results depend on the tz database of the worker's ICU. Workers of one deployment
// should run the same Node version so a replay computes the same instants.

/** When touches may go out, in the calendar's zone. */
export interface SendWindow {
  /** ISO weekdays on which the window opens: 1 = Monday … 7 = Sunday. Usually WEEKDAYS. Must not be empty. */
  days: number[];
  /** 'HH:MM' local wall-clock time the window opens (inclusive), '00:00'–'23:59'. */
  start: string;
  /** 'HH:MM' local wall-clock time the window closes (exclusive), after `start`; '24:00' = midnight at the end of the day. */
  end: string;
}

export type DelayUnit = 'minutes' | 'hours' | 'days' | 'business_hours' | 'business_days';

export interface StepTiming {
  /** How long after the previous touch. `amount` >= 0; whole numbers for `days` and `business_days`; at most ten years. */
  delay: { amount: number; unit: DelayUnit };
  /** When the step may be sent; `null` = any time on Mon–Fri (ALL_DAY_WINDOW). */
  window: SendWindow | null;
}

export interface Calendar {
  /** IANA zone, e.g. 'America/New_York'. */
  timeZone: string;
  /** 'YYYY-MM-DD' local dates on which nothing is sent and which business delays do not count. */
  holidays: string[];
}

/** Monday to Friday, the default `SendWindow.days`. */
export const WEEKDAYS: readonly number[] = Object.freeze([1, 2, 3, 4, 5]);

/** The window a step with `window: null` gets: the whole of every non-holiday Monday to Friday. */
export const ALL_DAY_WINDOW: Readonly<SendWindow> = Object.freeze({ days: [...WEEKDAYS], start: '00:00', end: '24:00' });

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** The longest delay accepted, so a typo cannot keep a workflow task busy for long. */
const MAX_DELAY_DAYS = 3660;

/**
 * The earliest moment a touch may go out after waiting `timing.delay` from `from`. By unit:
 * - `minutes`, `hours`: plain elapsed time, `from + amount`, then moved to nextWindowStart.
 * - `days`: the same local wall-clock time `amount` calendar days later (so 24 h ± 1 h across a DST
 *   change), then moved to nextWindowStart.
 * - `business_days`: step forward over local dates, counting only business days (holidays and days
 *   outside `window.days` are skipped and not counted; `from`'s own date never counts, whatever it
 *   is), keep `from`'s local time of day, then move into the window: before the window opens → that
 *   day's start; at or after it closes → the next business day's start.
 * - `business_hours`: only time inside windows counts. The count starts at nextWindowStart(from);
 *   when a window runs out the rest carries over to the next window (16:00 + 3 business hours with a
 *   09:00–17:00 window → 11:00 on the next business day). A count that ends exactly at a window's
 *   end (exclusive) lands on the next window's start. Time is real elapsed time, so a window holding
 *   a DST change holds an hour more or less that day.
 * An amount of 0 gives nextWindowStart(from). Throws an Error naming the field on invalid input.
 */
export function nextTouchAt(from: Date, timing: StepTiming, calendar: Calendar): Date {
  const fromMs = checkInstant(from, 'from');
  const cal = compileCalendar(calendar);
  const win = compileWindow(timing.window ?? ALL_DAY_WINDOW);
  const { amount, unit } = checkDelay(timing.delay);
  switch (unit) {
    case 'minutes':
      return new Date(windowAtOrAfter(fromMs + amount * MINUTE, win, cal).at);
    case 'hours':
      return new Date(windowAtOrAfter(fromMs + amount * HOUR, win, cal).at);
    case 'days': {
      const target = wallToInstant(toWall(fromMs, cal.tz) + amount * DAY, cal.tz);
      return new Date(windowAtOrAfter(target, win, cal).at);
    }
    case 'business_days': {
      const wall = toWall(fromMs, cal.tz);
      let day = Math.floor(wall / DAY);
      const timeOfDay = wall - day * DAY;
      // Terminates: `days` is non-empty and holidays are finite.
      for (let left = amount; left > 0; ) {
        day += 1;
        if (isBusinessDay(day, win, cal)) left -= 1;
      }
      return new Date(windowAtOrAfter(wallToInstant(day * DAY + timeOfDay, cal.tz), win, cal).at);
    }
    case 'business_hours': {
      let remaining = amount * HOUR;
      let t = fromMs;
      for (;;) {
        const { at, end } = windowAtOrAfter(t, win, cal);
        if (remaining < end - at) return new Date(at + remaining);
        remaining -= end - at;
        t = end;
      }
    }
  }
}

/**
 * `at` itself when it is inside the window on a business day, else the start of the next window
 * (later today if the window has not opened yet, else on the next business day). See the module
 * comment for what the window means on DST-change days. Throws an Error naming the field on invalid input.
 */
export function nextWindowStart(at: Date, window: SendWindow, calendar: Calendar): Date {
  const atMs = checkInstant(at, 'at');
  return new Date(windowAtOrAfter(atMs, compileWindow(window), compileCalendar(calendar)).at);
}

/** True when `tz` is a time zone this runtime's Intl knows (IANA names such as 'Europe/Berlin', or 'UTC'). */
export function isValidTimeZone(tz: string): boolean {
  if (typeof tz !== 'string' || tz.trim() === '') return false;
  try {
    formatterFor(tz);
    return true;
  } catch {
    return false;
  }
}

/**
 * A one-line human description for summaries and the approval page, e.g.
 * 'Mon–Fri 09:00–17:00 America/New_York' or 'Mon, Wed, Fri 10:00–12:00 Asia/Tokyo'.
 * A null window is described as ALL_DAY_WINDOW. Throws like nextWindowStart on invalid input.
 */
export function describeWindow(window: SendWindow | null, calendar: Calendar): string {
  const w = window ?? ALL_DAY_WINDOW;
  const win = compileWindow(w);
  const cal = compileCalendar(calendar);
  const days = [...win.days].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < days.length; ) {
    let j = i;
    while (j + 1 < days.length && days[j + 1] === days[j]! + 1) j += 1;
    if (j - i >= 2) {
      parts.push(`${DAY_NAMES[days[i]!]}–${DAY_NAMES[days[j]!]}`);
    } else {
      for (let k = i; k <= j; k += 1) parts.push(DAY_NAMES[days[k]!]!);
    }
    i = j + 1;
  }
  return `${parts.join(', ')} ${w.start}–${w.end} ${cal.tz}`;
}

/** Throws an Error naming the bad field unless `timing` is usable by nextTouchAt (for checking cadence definitions early). */
export function validateStepTiming(timing: StepTiming): void {
  checkDelay(timing.delay);
  compileWindow(timing.window ?? ALL_DAY_WINDOW);
}

/** Throws an Error naming the bad field unless `calendar` is usable. */
export function validateCalendar(calendar: Calendar): void {
  compileCalendar(calendar);
}

// ---------------------------------------------------------------------------------------------
// Internals. A "wall" value is a local wall-clock time written as milliseconds since 1970-01-01T00:00
// local, as if the zone were UTC; Math.floor(wall / DAY) is the local date as a day number.

const DAY_NAMES = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

interface CompiledWindow {
  days: ReadonlySet<number>;
  /** Milliseconds after local midnight. */
  startMs: number;
  endMs: number;
}

interface CompiledCalendar {
  tz: string;
  holidays: ReadonlySet<number>;
}

function checkInstant(d: Date, field: string): number {
  const ms = d instanceof Date ? d.getTime() : NaN;
  if (!Number.isFinite(ms)) throw new Error(`${field} must be a valid Date`);
  return ms;
}

function checkDelay(delay: StepTiming['delay']): { amount: number; unit: DelayUnit } {
  if (delay === null || typeof delay !== 'object') throw new Error('delay must be an object { amount, unit }');
  const { amount, unit } = delay;
  const perDay: Record<DelayUnit, number> = { minutes: 1440, hours: 24, days: 1, business_hours: 24, business_days: 1 };
  if (typeof unit !== 'string' || !Object.prototype.hasOwnProperty.call(perDay, unit)) {
    throw new Error(`delay.unit must be one of ${Object.keys(perDay).join(', ')}, got ${JSON.stringify(unit)}`);
  }
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0) {
    throw new Error(`delay.amount must be a finite number >= 0, got ${String(amount)}`);
  }
  if ((unit === 'days' || unit === 'business_days') && !Number.isInteger(amount)) {
    throw new Error(`delay.amount must be a whole number of ${unit}, got ${amount}`);
  }
  if (amount > MAX_DELAY_DAYS * perDay[unit]) {
    throw new Error(`delay.amount must be at most ${MAX_DELAY_DAYS * perDay[unit]} ${unit} (ten years), got ${amount}`);
  }
  return { amount, unit };
}

function parseClock(value: unknown, field: string, allowMidnightEnd: boolean): number {
  const m = typeof value === 'string' ? /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value) : null;
  if (m) return (Number(m[1]) * 60 + Number(m[2])) * MINUTE;
  if (allowMidnightEnd && value === '24:00') return DAY;
  throw new Error(`${field} must be 'HH:MM' (00:00–23:59${allowMidnightEnd ? ', or 24:00' : ''}), got ${JSON.stringify(value)}`);
}

function compileWindow(window: SendWindow): CompiledWindow {
  if (window === null || typeof window !== 'object') throw new Error('window must be an object { days, start, end } or null');
  if (!Array.isArray(window.days) || window.days.length === 0) {
    throw new Error('window.days must be a non-empty array of ISO weekdays (1 = Mon … 7 = Sun)');
  }
  for (const d of window.days) {
    if (!Number.isInteger(d) || d < 1 || d > 7) {
      throw new Error(`window.days must hold ISO weekdays 1 (Mon) … 7 (Sun), got ${JSON.stringify(d)}`);
    }
  }
  const startMs = parseClock(window.start, 'window.start', false);
  const endMs = parseClock(window.end, 'window.end', true);
  if (endMs <= startMs) {
    throw new Error(
      `window.end (${window.end}) must be after window.start (${window.start}); windows crossing midnight are not supported, use '24:00' to run until midnight`,
    );
  }
  return { days: new Set(window.days), startMs, endMs };
}

function compileCalendar(calendar: Calendar): CompiledCalendar {
  if (calendar === null || typeof calendar !== 'object') throw new Error('calendar must be an object { timeZone, holidays }');
  if (!isValidTimeZone(calendar.timeZone)) {
    throw new Error(`calendar.timeZone must be an IANA time zone such as 'America/New_York', got ${JSON.stringify(calendar.timeZone)}`);
  }
  if (!Array.isArray(calendar.holidays)) throw new Error("calendar.holidays must be an array of 'YYYY-MM-DD' dates");
  const holidays = new Set<number>();
  calendar.holidays.forEach((h, i) => {
    const m = typeof h === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(h) : null;
    const day = m ? daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3])) : NaN;
    const back = Number.isNaN(day) ? null : civilFromDays(day);
    if (!m || !back || back.y !== Number(m[1]) || back.m !== Number(m[2]) || back.d !== Number(m[3])) {
      throw new Error(`calendar.holidays[${i}] must be a real 'YYYY-MM-DD' date, got ${JSON.stringify(h)}`);
    }
    holidays.add(day);
  });
  return { tz: calendar.timeZone, holidays };
}

function isBusinessDay(day: number, win: CompiledWindow, cal: CompiledCalendar): boolean {
  const isoWeekday = (((day + 3) % 7) + 7) % 7 + 1; // day 0 = 1970-01-01, a Thursday
  return win.days.has(isoWeekday) && !cal.holidays.has(day);
}

/**
 * The first window whose end is after `t`, and the earliest instant in it at or after `t`
 * (`t` itself when `t` is inside it).
 */
function windowAtOrAfter(t: number, win: CompiledWindow, cal: CompiledCalendar): { at: number; end: number } {
  const first = Math.floor(toWall(t, cal.tz) / DAY);
  // Every 7 days hold a day in win.days; only holidays and windows lost in a DST gap (at most a
  // couple a year) can skip it, so this bound is never reached by valid input.
  const limit = 7 * (cal.holidays.size + 8);
  for (let day = first; day <= first + limit; day += 1) {
    if (!isBusinessDay(day, win, cal)) continue;
    const start = wallToInstant(day * DAY + win.startMs, cal.tz);
    const end = wallToInstant(day * DAY + win.endMs, cal.tz);
    if (start < end && t < end) return { at: Math.max(t, start), end };
  }
  throw new Error(`no sending window within ${limit} days: check window.days and calendar.holidays`);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(tz, f);
  }
  return f;
}

/** The zone's UTC offset at instant `t`, in milliseconds (local = UTC + offset). */
function offsetAt(t: number, tz: string): number {
  const seconds = Math.floor(t / 1000) * 1000;
  const p: Record<string, number> = {};
  for (const part of formatterFor(tz).formatToParts(new Date(seconds))) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  const hour = p.hour === 24 ? 0 : p.hour!;
  const wall = daysFromCivil(p.year!, p.month!, p.day!) * DAY + ((hour * 60 + p.minute!) * 60 + p.second!) * 1000;
  return wall - seconds;
}

function toWall(t: number, tz: string): number {
  return t + offsetAt(t, tz);
}

/**
 * The first instant whose local wall-clock time is at or after `wall`: the time itself when it exists
 * once, its first occurrence in a fall-back overlap, the moment the clocks jump in a spring-forward gap.
 */
function wallToInstant(wall: number, tz: string): number {
  // Offsets in force a day either side; assumes no two transitions within a day of each other.
  const offsets = [offsetAt(wall - DAY, tz), offsetAt(wall + DAY, tz)];
  const candidates = [...new Set(offsets.map((o) => wall - o))].sort((a, b) => a - b);
  for (const c of candidates) {
    if (toWall(c, tz) === wall) return c;
  }
  // In a gap: local time jumps over `wall` somewhere in [lo, hi]; find the first instant past it.
  let lo = candidates[0]!;
  let hi = candidates[candidates.length - 1]!;
  if (toWall(hi, tz) < wall) return hi; // not reachable with real tz data; keeps the search safe
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (toWall(mid, tz) >= wall) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(days: number): { y: number; m: number; d: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}
