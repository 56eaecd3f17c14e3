import { describe, expect, it } from 'vitest';
import { queryRoots } from '../../lib/queryKeys';
import { renderScreen } from '../../test/renderScreen';
import { availabilityKeys, type Block, type WeeklyRange } from './api';
import { AvailabilityPage } from './AvailabilityPage';

const studio = { name: 'Studio Lumière', timeZone: 'Europe/Paris', currency: 'EUR', locale: 'fr' };
const weekly: WeeklyRange[] = [
  { weekday: 1, start: '09:30', end: '18:00' },
  { weekday: 6, start: '10:00', end: '13:15' },
];
const blocks: Block[] = [{ id: 'b1', start: '2027-03-28T07:30:00Z', end: '2027-03-28T16:00:00Z', reason: 'Salon' }];
const data: [readonly unknown[], unknown][] = [
  [queryRoots.studio, studio],
  [availabilityKeys.weekly, weekly],
  [availabilityKeys.blocks, blocks],
];

/** The value shown in the spin box named `name`. */
const spin = (html: string, name: string) => new RegExp(`aria-label="${name}"[^>]*value="(\\d\\d)"`).exec(html)?.[1];

describe('availability', () => {
  it('in French: hours on the 24-hour clock in the app’s fields, never the browser’s', async () => {
    const html = await renderScreen(<AvailabilityPage />, { data });
    expect(html).not.toMatch(/type="(date|time|datetime-local)"/);
    expect(html).toContain('role="group" aria-label="Lundi — début"');
    expect(spin(html, 'Lundi — début, heures')).toBe('09');
    expect(spin(html, 'Lundi — début, minutes')).toBe('30');
    expect(spin(html, 'Lundi — fin, heures')).toBe('18');
    expect(spin(html, 'Samedi — fin, minutes')).toBe('15');
    // The blocked period reads as the fields would write it.
    expect(html).toContain('28 mars 2027, 09:30 → 28 mars 2027, 18:00');
    // The new period's fields keep their labels, their zone and their asterisk.
    expect(html).toMatch(/<label[^>]*>Début<span[^>]*> \*<\/span><\/label><p[^>]*>heure de Paris<\/p>/);
    expect(html).toMatch(/<label[^>]*>Fin<span/);
    expect(html).not.toMatch(/\b(AM|PM)\b/);
  });

  it('in English: the same clock, English names', async () => {
    const html = await renderScreen(<AvailabilityPage />, { data, lang: 'en' });
    expect(html).not.toMatch(/type="(date|time|datetime-local)"/);
    expect(spin(html, 'Monday — end, hours')).toBe('18');
    expect(spin(html, 'Saturday — start, hours')).toBe('10');
    expect(html).toContain('28 Mar 2027, 09:30 → 28 Mar 2027, 18:00');
    expect(html).toMatch(/<label[^>]*>Start<span[^>]*> \*<\/span><\/label><p[^>]*>Paris time<\/p>/);
    expect(html).not.toMatch(/\b(AM|PM|am|pm)\b/);
  });
});
