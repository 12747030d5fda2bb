/**
 * Belgian wall-clock time for the daily jobs: 06:00 in Brussels is 05:00 UTC in winter (CET) and
 * 04:00 UTC in summer (CEST); the clocks change on the last Sunday of March (02:00 → 03:00) and of
 * October (03:00 → 02:00). In 2026 those Sundays are 29 March and 25 October.
 */
import { describe, expect, it } from 'vitest';
import { configFromEnv } from '../../services.ts';
import { localDate, localParts, localToInstant, nextLocalSaturday, nextLocalTime, parseLocalTime } from './local-time.ts';

const six = { hour: 6, minute: 0 };
const next = (after: string, time = six) => nextLocalTime(new Date(after), time).toISOString();
const saturday = (after: string) => nextLocalSaturday(new Date(after)).toISOString();

describe('Brussels time for scheduled work', () => {
  it('reads a time of day and refuses anything else', () => {
    expect(parseLocalTime('06:00')).toEqual({ hour: 6, minute: 0 });
    expect(parseLocalTime('7:30')).toEqual({ hour: 7, minute: 30 });
    expect(parseLocalTime('23:59')).toEqual({ hour: 23, minute: 59 });
    for (const bad of ['24:00', '06:60', '6', '06.00', '', 'morning']) expect(parseLocalTime(bad)).toBeNull();
  });

  it('BANK_INBOX_TIME defaults to 06:00 and a wrong value stops the configuration, naming the setting', () => {
    expect(configFromEnv({}).bankInboxTime).toBe('06:00');
    expect(configFromEnv({ BANK_INBOX_TIME: '07:30' }).bankInboxTime).toBe('07:30');
    expect(() => configFromEnv({ BANK_INBOX_TIME: '25:00' })).toThrow(/BANK_INBOX_TIME.*HH:MM.*"25:00"/);
  });

  it('06:00 in Brussels is 05:00 UTC in winter and 04:00 UTC in summer', () => {
    expect(next('2026-01-15T12:00:00Z')).toBe('2026-01-16T05:00:00.000Z');
    expect(next('2026-01-15T04:59:00Z')).toBe('2026-01-15T05:00:00.000Z'); // still ahead today
    expect(next('2026-07-01T04:00:00Z')).toBe('2026-07-02T04:00:00.000Z'); // exactly at the time: the next day
    expect(next('2026-12-31T23:30:00Z')).toBe('2027-01-01T05:00:00.000Z'); // already 1 January in Brussels
    expect(localParts(new Date('2026-07-01T04:00:00Z'))).toMatchObject({ hour: 6, minute: 0 });
  });

  it('keeps 06:00 on the last Sunday of March, when the clocks go forward', () => {
    // Saturday 28 March 06:00 CET → Sunday 29 March 06:00 CEST: 23 hours later
    expect(next('2026-03-28T05:00:00Z')).toBe('2026-03-29T04:00:00.000Z');
    expect(next('2026-03-29T04:00:00Z')).toBe('2026-03-30T04:00:00.000Z');
    // 02:30 does not exist that night: it is read as 03:30 CEST
    expect(localToInstant(2026, 3, 29, 2, 30).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(next('2026-03-28T12:00:00Z', { hour: 2, minute: 30 })).toBe('2026-03-29T01:30:00.000Z');
  });

  it('keeps 06:00 on the last Sunday of October, when the clocks go back', () => {
    // Saturday 24 October 06:00 CEST → Sunday 25 October 06:00 CET: 25 hours later
    expect(next('2026-10-24T04:00:00Z')).toBe('2026-10-25T05:00:00.000Z');
    expect(next('2026-10-25T04:30:00Z')).toBe('2026-10-25T05:00:00.000Z'); // 05:30 CET: 06:00 still ahead
    // 02:30 happens twice that night: the first time (CEST) counts, and only once
    expect(localToInstant(2026, 10, 25, 2, 30).toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(next('2026-10-25T00:30:00Z', { hour: 2, minute: 30 })).toBe('2026-10-26T01:30:00.000Z');
  });

  it('the next Saturday starts at midnight in Brussels, from the Brussels calendar day', () => {
    expect(saturday('2026-03-16T05:00:00Z')).toBe('2026-03-20T23:00:00.000Z'); // Monday → Saturday 21 March 00:00 CET
    expect(saturday('2026-03-20T22:30:00Z')).toBe('2026-03-20T23:00:00.000Z'); // Friday 23:30 in Brussels → in half an hour
    expect(saturday('2026-03-20T23:30:00Z')).toBe('2026-03-27T23:00:00.000Z'); // already Saturday 00:30 in Brussels → a week later
    expect(saturday('2026-03-23T10:00:00Z')).toBe('2026-03-27T23:00:00.000Z'); // Saturday 28 March, still CET
    expect(saturday('2026-03-30T10:00:00Z')).toBe('2026-04-03T22:00:00.000Z'); // Saturday 4 April, CEST
    expect(saturday('2026-10-20T10:00:00Z')).toBe('2026-10-23T22:00:00.000Z'); // Saturday 24 October, still CEST
    expect(saturday('2026-10-26T10:00:00Z')).toBe('2026-10-30T23:00:00.000Z'); // Saturday 31 October, CET again
  });

  it('gives the calendar day in Brussels', () => {
    expect(localDate(new Date('2026-03-20T23:30:00Z'))).toBe('2026-03-21');
    expect(localDate(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
    expect(localDate(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
  });
});
