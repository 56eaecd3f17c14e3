import { describe, expect, it } from 'vitest';
import { fromPickerDate, fromPickerDateTime, fromPickerTime, pickerLocale, toPickerDateTime } from './dates';
import { localInputToIso } from './time';

describe('what the pickers hand over', () => {
  it('a date-time becomes the "YYYY-MM-DDTHH:MM" the datetime-local input gave, so the same instant is sent', () => {
    expect(fromPickerDateTime('2027-03-28 09:30:00')).toBe('2027-03-28T09:30');
    expect(fromPickerDateTime('2027-03-28 09:30')).toBe('2027-03-28T09:30');
    expect(fromPickerDateTime(null)).toBe('');
    expect(fromPickerDateTime('')).toBe('');
    expect(fromPickerDateTime('28/03/2027 09:30')).toBe('');
    // The request body is the one the native input produced: RFC 3339 UTC from the studio's zone.
    expect(localInputToIso(fromPickerDateTime('2027-03-28 09:30:00'), 'Europe/Paris')).toBe('2027-03-28T07:30:00Z');
    expect(localInputToIso(fromPickerDateTime('2027-01-15 23:45:00'), 'Europe/Paris')).toBe('2027-01-15T22:45:00Z');
  });

  it('a form value goes back into the picker unchanged', () => {
    expect(toPickerDateTime('2027-03-28T09:30')).toBe('2027-03-28 09:30:00');
    expect(fromPickerDateTime(toPickerDateTime('2027-12-31T18:05'))).toBe('2027-12-31T18:05');
    expect(toPickerDateTime('')).toBeNull();
  });

  it('a date is the API day "YYYY-MM-DD", "" when cleared', () => {
    expect(fromPickerDate('2027-04-01')).toBe('2027-04-01');
    expect(fromPickerDate('2027-04-01 00:00:00')).toBe('2027-04-01');
    expect(fromPickerDate(null)).toBe('');
  });

  it('a time is "HH:MM" on the 24-hour clock, "" while incomplete', () => {
    expect(fromPickerTime('09:30')).toBe('09:30');
    expect(fromPickerTime('18:00:00')).toBe('18:00');
    expect(fromPickerTime('00:05')).toBe('00:05');
    expect(fromPickerTime('')).toBe('');
    expect(fromPickerTime('24:00')).toBe('');
    expect(fromPickerTime('9:30')).toBe('');
  });

  it('English pickers are British (day first, Monday first), French ones French', () => {
    expect(pickerLocale('fr')).toBe('fr');
    expect(pickerLocale('en')).toBe('en-gb');
  });
});
