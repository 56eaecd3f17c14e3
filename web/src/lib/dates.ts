// Dates and times as the pickers show and hand them over, and as the agenda prints them: in
// the interface's language, with one clock everywhere (24 hours, "09:30", as the lists print
// times through Intl and clockTime). What the forms send to the API does not change: the
// conversions below turn the pickers' strings back into the strings the forms always sent.
import type { FormatterInput } from '@fullcalendar/core';
import 'dayjs/locale/en-gb';
import 'dayjs/locale/fr';

/** The dayjs locale of the pickers: English is British, as formatDate's "en-GB" (Monday first, 24 h). */
export function pickerLocale(lang: string): 'fr' | 'en-gb' {
  return lang === 'en' ? 'en-gb' : 'fr';
}

/** What a date field shows: "28 mars 2027" / "28 March 2027", as formatDate writes it. */
export const DATE_VALUE_FORMAT = 'D MMMM YYYY';
/** What a date-and-time field shows: "28 mars 2027, 09:30" / "28 March 2027, 09:30". */
export const DATE_TIME_VALUE_FORMAT = 'D MMMM YYYY, HH:mm';

/**
 * Times in the agenda (slot labels and events): "09:30" in both languages, never "9am".
 * FullCalendar reads these as Intl options in its own locale.
 */
export const AGENDA_TIME_FORMAT = { hour: '2-digit', minute: '2-digit', hour12: false } as const satisfies FormatterInput;

const PICKER_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})(?::\d{2})?$/;
const LOCAL_INPUT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/;
const PICKER_DATE = /^(\d{4}-\d{2}-\d{2})/;
const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)(?::[0-5]\d)?$/;

/**
 * A date-time picker's value ("2027-03-28 09:30:00") as the old datetime-local input gave it
 * ("2027-03-28T09:30"), for localInputToIso; "" when empty or not a date and time.
 */
export function fromPickerDateTime(value: string | null | undefined): string {
  const m = value ? PICKER_DATE_TIME.exec(value) : null;
  return m ? `${m[1]}T${m[2]}:${m[3]}` : '';
}

/** The other way: "2027-03-28T09:30" → "2027-03-28 09:30:00", null when empty. */
export function toPickerDateTime(local: string): string | null {
  const m = LOCAL_INPUT.exec(local);
  return m ? `${m[1]} ${m[2]}:${m[3]}:00` : null;
}

/** A date picker's value as the API's day, "YYYY-MM-DD"; "" when cleared. */
export function fromPickerDate(value: string | null | undefined): string {
  return (value && PICKER_DATE.exec(value)?.[1]) || '';
}

/** A time picker's value as the API's time of day, "HH:MM"; "" while incomplete. */
export function fromPickerTime(value: string | null | undefined): string {
  const m = value ? CLOCK.exec(value) : null;
  return m ? `${m[1]}:${m[2]}` : '';
}
