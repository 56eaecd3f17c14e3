import type { CalendarOptions } from '@fullcalendar/core';
import enGbLocale from '@fullcalendar/core/locales/en-gb';
import frLocale from '@fullcalendar/core/locales/fr';
import { AGENDA_TIME_FORMAT } from '../../lib/dates';

/**
 * The agenda in the interface's language, weeks from Monday, times on the app's 24-hour
 * clock ("09:30", as the lists and the pickers) in slot labels and events.
 */
export function agendaLocaleOptions(lang: string): Pick<CalendarOptions, 'locale' | 'firstDay' | 'slotLabelFormat' | 'eventTimeFormat'> {
  return {
    locale: lang === 'en' ? enGbLocale : frLocale,
    firstDay: 1,
    slotLabelFormat: AGENDA_TIME_FORMAT,
    eventTimeFormat: AGENDA_TIME_FORMAT,
  };
}
