import { formatDate, type LocaleInput } from '@fullcalendar/core';
import { describe, expect, it } from 'vitest';
import { agendaLocaleOptions } from './agenda';

/** The agenda's locale code in `lang` ("fr", "en-gb"). */
const localeCode = (lang: string) => (agendaLocaleOptions(lang).locale as LocaleInput).code;

/** A time as the agenda prints it in a slot label or an event, in `lang`. */
function agendaTime(iso: string, lang: string, which: 'slotLabelFormat' | 'eventTimeFormat' = 'slotLabelFormat'): string {
  const options = agendaLocaleOptions(lang);
  return formatDate(iso, { ...(options[which] as object), locale: localeCode(lang), timeZone: 'UTC' });
}

describe('the agenda', () => {
  it('speaks French with weeks from Monday, and prints "09:30" rather than "9h30" or "9:30 AM"', () => {
    const fr = agendaLocaleOptions('fr');
    expect(localeCode('fr')).toBe('fr');
    expect(fr.firstDay).toBe(1);
    expect(agendaTime('2027-03-28T09:30:00Z', 'fr')).toBe('09:30');
    expect(agendaTime('2027-03-28T21:00:00Z', 'fr', 'eventTimeFormat')).toBe('21:00');
  });

  it('in English, British with the same 24-hour clock: no AM/PM', () => {
    const en = agendaLocaleOptions('en');
    expect(localeCode('en')).toBe('en-gb');
    expect(en.firstDay).toBe(1);
    for (const which of ['slotLabelFormat', 'eventTimeFormat'] as const) {
      expect(agendaTime('2027-03-28T09:30:00Z', 'en', which)).toBe('09:30');
      expect(agendaTime('2027-03-28T21:00:00Z', 'en', which)).toBe('21:00');
    }
  });

  it('names months in the language', () => {
    expect(formatDate('2027-03-28T09:30:00Z', { month: 'long', locale: localeCode('fr'), timeZone: 'UTC' })).toBe('mars');
    expect(formatDate('2027-03-28T09:30:00Z', { month: 'long', locale: localeCode('en'), timeZone: 'UTC' })).toBe('March');
  });
});
