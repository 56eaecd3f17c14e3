import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatFileSize, formatMoney, timeZoneLabel } from './format';

// Intl output uses narrow no-break spaces; compare with plain spaces.
const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');

describe('format', () => {
  it('money from cents, per language', () => {
    expect(plain(formatMoney(15000, 'EUR', 'fr'))).toBe('150,00 €');
    expect(plain(formatMoney(15000, 'EUR', 'en'))).toBe('€150.00');
    expect(plain(formatMoney(123456, 'EUR', 'fr'))).toBe('1 234,56 €');
  });

  it('times in the studio time zone, across the daylight-saving change', () => {
    // 2027-03-28: Paris moves from UTC+1 to UTC+2 at 01:00 UTC.
    // (The separator between date and time varies with the ICU version: check the parts.)
    const before = plain(formatDateTime('2027-03-28T00:30:00Z', 'fr', 'Europe/Paris'));
    const after = plain(formatDateTime('2027-03-28T01:30:00Z', 'fr', 'Europe/Paris'));
    expect(before).toMatch(/^28 mars 2027.*01:30$/);
    expect(after).toMatch(/^28 mars 2027.*03:30$/);
    expect(plain(formatDateTime('2027-03-28T01:30:00Z', 'en', 'America/New_York'))).toMatch(/^27 Mar 2027.*21:30$/);
    expect(formatDate('2027-10-31T23:30:00Z', 'fr', 'Europe/Paris')).toBe('1 novembre 2027');
  });

  it('labels the zone', () => {
    expect(timeZoneLabel('Europe/Paris', 'fr')).toBe('heure de Paris');
    expect(timeZoneLabel('America/New_York', 'en')).toBe('New York time');
  });

  it('file sizes in decimal units, per language', () => {
    expect(plain(formatFileSize(2_400_000, 'fr'))).toBe('2,4 Mo');
    expect(plain(formatFileSize(24_900_000, 'en'))).toBe('25 MB');
    expect(plain(formatFileSize(820_000, 'en'))).toBe('820 kB');
    expect(plain(formatFileSize(512, 'fr'))).toBe('512 o');
    expect(plain(formatFileSize(1_230_000_000, 'fr'))).toBe('1,2 Go');
    expect(plain(formatFileSize(50e9, 'en'))).toBe('50 GB');
  });
});
