import { describe, expect, it } from 'vitest';
import { clockTime, dayKey, relativeDay, formatDuration, localInputToIso, monthRange, monthRangeOf, toRfc3339, zonedToInstant } from './time';

describe('studio time zone', () => {
  it('groups an instant under its local day', () => {
    expect(dayKey('2027-10-31T23:30:00Z', 'Europe/Paris')).toBe('2027-11-01');
    expect(dayKey('2027-10-31T22:30:00Z', 'Europe/Paris')).toBe('2027-10-31');
    expect(clockTime('2027-03-28T07:00:00Z', 'Europe/Paris')).toBe('09:00');
    expect(clockTime('2027-03-27T08:00:00Z', 'Europe/Paris')).toBe('09:00');
  });

  it('turns typed local times into instants on ordinary and DST days', () => {
    expect(localInputToIso('2027-01-15T09:00', 'Europe/Paris')).toBe('2027-01-15T08:00:00Z');
    expect(localInputToIso('2027-07-15T09:00', 'Europe/Paris')).toBe('2027-07-15T07:00:00Z');
    expect(localInputToIso('2027-03-28T09:00', 'Europe/Paris')).toBe('2027-03-28T07:00:00Z');
    expect(localInputToIso('2027-10-31T09:00', 'Europe/Paris')).toBe('2027-10-31T08:00:00Z');
    expect(localInputToIso('2027-03-28T09:00', 'America/New_York')).toBe('2027-03-28T13:00:00Z');
    expect(localInputToIso('nonsense', 'Europe/Paris')).toBeNull();
  });

  it('writes instants to the whole second, as the API reads them', () => {
    expect(toRfc3339(new Date('2026-12-01T10:00:00.000Z'))).toBe('2026-12-01T10:00:00Z');
    // Milliseconds are cut, not rounded: "from now" never starts in the next second.
    expect(toRfc3339(new Date('2026-12-01T10:00:59.999Z'))).toBe('2026-12-01T10:00:59Z');
    expect(toRfc3339(new Date(Date.UTC(2027, 0, 1)))).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  });

  it('resolves the skipped and the repeated hour', () => {
    // 02:30 does not exist in Paris on 2027-03-28: forward to 03:30 (01:30Z).
    expect(zonedToInstant({ year: 2027, month: 3, day: 28, hour: 2, minute: 30 }, 'Europe/Paris').toISOString()).toBe(
      '2027-03-28T01:30:00.000Z',
    );
    // 02:30 happens twice on 2027-10-31: the first one (00:30Z).
    expect(zonedToInstant({ year: 2027, month: 10, day: 31, hour: 2, minute: 30 }, 'Europe/Paris').toISOString()).toBe(
      '2027-10-31T00:30:00.000Z',
    );
  });

  it('months and durations', () => {
    expect(monthRange(2027, 2)).toEqual({ from: '2027-02-01', to: '2027-02-28' });
    expect(monthRange(2028, 2)).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthRangeOf('2026-12-31')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    // The studio's day, not the browser's: 23:30 UTC on 31 March is already April in Paris.
    expect(monthRangeOf(dayKey('2027-03-31T23:30:00Z', 'Europe/Paris'))).toEqual({ from: '2027-04-01', to: '2027-04-30' });
    expect(formatDuration(90)).toBe('1 h 30');
    expect(formatDuration(45)).toBe('45 min');
    expect(formatDuration(120)).toBe('2 h');
  });

  it('says today and yesterday in the studio zone, across midnight and the DST change', () => {
    const now = new Date('2027-03-28T22:30:00Z'); // 00:30 on 29 March in Paris
    expect(relativeDay('2027-03-28T22:05:00Z', 'Europe/Paris', now)).toBe('today');
    expect(relativeDay('2027-03-28T21:55:00Z', 'Europe/Paris', now)).toBe('yesterday');
    expect(relativeDay('2027-03-27T23:30:00Z', 'Europe/Paris', now)).toBe('yesterday'); // 00:30 on the 28th, before the change
    expect(relativeDay('2027-03-27T22:55:00Z', 'Europe/Paris', now)).toBeNull(); // 23:55 on the 27th
    expect(relativeDay('2027-03-01T10:00:00Z', 'Europe/Paris', new Date('2027-03-02T09:00:00Z'))).toBe('yesterday');
    expect(relativeDay('2027-02-28T10:00:00Z', 'Europe/Paris', new Date('2027-03-01T09:00:00Z'))).toBe('yesterday');
  });
});
