import { formatDate, type LocaleInput } from '@fullcalendar/core';
import { describe, expect, it } from 'vitest';
import { agendaLocaleOptions, blockEvents, businessHours, daySpan, formatSessionTimes, isMovable, slotWindow } from './agenda';

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

describe('working hours on the agenda', () => {
  const week = [
    { weekday: 1, start: '09:00', end: '18:00' },
    { weekday: 6, start: '10:30', end: '13:00' },
    { weekday: 7, start: '14:00', end: '17:30' },
  ];

  it('shades outside the hours, with Sunday as FullCalendar counts it (0)', () => {
    expect(businessHours(week)).toEqual([
      { daysOfWeek: [1], startTime: '09:00', endTime: '18:00' },
      { daysOfWeek: [6], startTime: '10:30', endTime: '13:00' },
      { daysOfWeek: [0], startTime: '14:00', endTime: '17:30' },
    ]);
  });

  it('shades nothing when no hours are set (as before)', () => {
    expect(businessHours([])).toBe(false);
  });

  it('draws from an hour before the earliest start to an hour after the latest end, on whole hours', () => {
    expect(slotWindow([{ weekday: 1, start: '09:00', end: '18:00' }])).toEqual({ slotMinTime: '08:00:00', slotMaxTime: '19:00:00' });
    expect(slotWindow(week)).toEqual({ slotMinTime: '08:00:00', slotMaxTime: '19:00:00' });
    expect(slotWindow([{ weekday: 2, start: '09:30', end: '17:15' }])).toEqual({ slotMinTime: '08:00:00', slotMaxTime: '19:00:00' });
  });

  it('stays within the day', () => {
    expect(slotWindow([{ weekday: 3, start: '00:30', end: '24:00' }])).toEqual({ slotMinTime: '00:00:00', slotMaxTime: '24:00:00' });
  });

  it('without hours, keeps 07:00 to 22:00', () => {
    expect(slotWindow([])).toEqual({ slotMinTime: '07:00:00', slotMaxTime: '22:00:00' });
  });

  it('widens to a session outside the hours, never cutting it off', () => {
    const hours = [{ weekday: 1, start: '09:00', end: '18:00' }];
    expect(slotWindow(hours, [{ from: 19 * 60 + 30, to: 20 * 60 + 45 }])).toEqual({ slotMinTime: '08:00:00', slotMaxTime: '21:00:00' });
    expect(slotWindow(hours, [{ from: 6 * 60 + 15, to: 7 * 60 }])).toEqual({ slotMinTime: '06:00:00', slotMaxTime: '19:00:00' });
    expect(slotWindow(hours, [{ from: 10 * 60, to: 11 * 60 }])).toEqual({ slotMinTime: '08:00:00', slotMaxTime: '19:00:00' });
  });

  it('reads a session’s minutes in the studio’s zone, to midnight when it ends on a later day', () => {
    // 09:00Z is 10:00 in Paris in winter, 11:00 in summer.
    expect(daySpan('2027-01-12T09:00:00Z', '2027-01-12T10:30:00Z', 'Europe/Paris')).toEqual({ from: 600, to: 690 });
    expect(daySpan('2027-07-12T09:00:00Z', '2027-07-12T10:00:00Z', 'Europe/Paris')).toEqual({ from: 660, to: 720 });
    expect(daySpan('2027-07-12T20:00:00Z', '2027-07-13T02:00:00Z', 'Europe/Paris')).toEqual({ from: 22 * 60, to: 1440 });
  });
});

describe('blocked periods on the agenda', () => {
  const title = (reason: string | null) => (reason ? `Unavailable: ${reason}` : 'Unavailable');

  it('are background events titled by their reason', () => {
    const events = blockEvents([{ id: 'b1', start: '2027-03-22T08:00:00Z', end: '2027-03-22T11:00:00Z', reason: 'Holidays' }], title, 'block');
    expect(events).toEqual([
      {
        id: 'block-b1',
        start: '2027-03-22T08:00:00Z',
        end: '2027-03-22T11:00:00Z',
        display: 'background',
        title: 'Unavailable: Holidays',
        classNames: ['block'],
        extendedProps: { block: { id: 'b1', start: '2027-03-22T08:00:00Z', end: '2027-03-22T11:00:00Z', reason: 'Holidays' } },
      },
    ]);
  });

  it('say "unavailable" alone without a reason (none, or only spaces)', () => {
    const events = blockEvents(
      [
        { id: 'b1', start: '2027-03-22T08:00:00Z', end: '2027-03-22T11:00:00Z', reason: null },
        { id: 'b2', start: '2027-03-23T08:00:00Z', end: '2027-03-23T11:00:00Z', reason: '  ' },
      ],
      title,
      'block',
    );
    expect(events.map((e) => e.title)).toEqual(['Unavailable', 'Unavailable']);
  });
});

describe('moving a session on the agenda', () => {
  it('is for live sessions the server lets staff move', () => {
    expect(isMovable({ status: 'CONFIRMED', actions: ['reschedule', 'cancel'] })).toBe(true);
    expect(isMovable({ status: 'PENDING', actions: ['confirm', 'decline', 'reschedule', 'cancel'] })).toBe(true);
    // The project has moved on (shot, delivered…): the server no longer offers "reschedule".
    expect(isMovable({ status: 'CONFIRMED', actions: ['cancel'] })).toBe(false);
    expect(isMovable({ status: 'CANCELLED', actions: [] })).toBe(false);
    expect(isMovable({ status: 'DECLINED', actions: ['reschedule'] })).toBe(false);
  });
});

describe('a session’s times in a sentence', () => {
  it('says the day and the times in the studio’s zone, in the language', () => {
    expect(formatSessionTimes('2027-03-23T09:00:00Z', '2027-03-23T10:30:00Z', 'fr', 'Europe/Paris')).toBe('mardi 23 mars, 10:00–11:30');
    // The comma after the weekday is the runtime's CLDR data: Node 18's writes one, Node 20's does not.
    expect(formatSessionTimes('2027-03-23T09:00:00Z', '2027-03-23T10:30:00Z', 'en', 'Europe/Paris')).toMatch(/^Tuesday,? 23 March, 10:00–11:30$/);
  });
});
