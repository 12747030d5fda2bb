/**
 * Wall-clock time in Belgium (Europe/Brussels: CET in winter, CEST from the last Sunday of March to the
 * last Sunday of October) for scheduled work, through Intl (Node's ICU time-zone data) — no time-zone
 * library. A Belgian accountant sets "06:00" and means 06:00 on the office clock, summer and winter.
 */
export const BELGIAN_TIME_ZONE = 'Europe/Brussels';

export interface LocalTime {
  hour: number;
  minute: number;
}

/** "HH:MM" or "H:MM" (00:00–23:59) as hour and minute; null for anything else. */
export function parseLocalTime(text: string): LocalTime | null {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  return m ? { hour: Number(m[1]), minute: Number(m[2]) } : null;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export interface LocalDateTime {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock date and time of an instant in the time zone. */
export function localParts(at: Date, timeZone = BELGIAN_TIME_ZONE): LocalDateTime {
  const p: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(at)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return { year: p.year, month: p.month, day: p.day, hour: p.hour, minute: p.minute, second: p.second };
}

/** The zone's offset from UTC (ms) at an instant: +1 h for CET, +2 h for CEST. */
function offsetAt(ms: number, timeZone: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  const p = localParts(new Date(whole), timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - whole;
}

/**
 * The instant at which the zone's clocks show year-month-day hour:minute. A time skipped when clocks go
 * forward (02:30 on the last Sunday of March) is read with the offset before the change (→ 03:30 CEST);
 * a time shown twice when clocks go back (02:30 on the last Sunday of October) is its first occurrence.
 */
export function localToInstant(year: number, month: number, day: number, hour: number, minute: number, timeZone = BELGIAN_TIME_ZONE): Date {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // the offsets in force a little before and a little after that wall time (a zone changes at most once a day)
  const before = offsetAt(wall - 26 * 3600_000, timeZone);
  const after = offsetAt(wall + 26 * 3600_000, timeZone);
  const valid = [...new Set([before, after])].map((o) => wall - o).filter((t) => offsetAt(t, timeZone) === wall - t);
  return new Date(valid.length ? Math.min(...valid) : wall - before);
}

/** The zone's calendar date of an instant, moved by `days`, as [year, month, day]. */
function localDatePlus(at: Date, days: number, timeZone: string): [number, number, number] {
  const p = localParts(at, timeZone);
  const d = new Date(Date.UTC(p.year, p.month - 1, p.day + days));
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

/** The first instant strictly after `after` at which the zone's clocks show `time` (today or tomorrow). */
export function nextLocalTime(after: Date, time: LocalTime, timeZone = BELGIAN_TIME_ZONE): Date {
  for (let days = 0; ; days++) {
    const [y, m, d] = localDatePlus(after, days, timeZone);
    const t = localToInstant(y, m, d, time.hour, time.minute, timeZone);
    if (t.getTime() > after.getTime()) return t;
  }
}

/** Midnight (00:00 on the zone's clocks) of the first Saturday after the zone's calendar day of `after`. */
export function nextLocalSaturday(after: Date, timeZone = BELGIAN_TIME_ZONE): Date {
  const [y, m, d] = localDatePlus(after, 0, timeZone);
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  const saturday = new Date(Date.UTC(y, m - 1, d + ((6 - weekday + 7) % 7 || 7)));
  return localToInstant(saturday.getUTCFullYear(), saturday.getUTCMonth() + 1, saturday.getUTCDate(), 0, 0, timeZone);
}

/** The zone's calendar date of an instant as YYYY-MM-DD. */
export function localDate(at: Date, timeZone = BELGIAN_TIME_ZONE): string {
  const [y, m, d] = localDatePlus(at, 0, timeZone);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
