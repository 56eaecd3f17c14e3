import type { BusinessHoursInput, CalendarOptions, EventInput } from '@fullcalendar/core';
import enGbLocale from '@fullcalendar/core/locales/en-gb';
import frLocale from '@fullcalendar/core/locales/fr';
import { AGENDA_TIME_FORMAT } from '../../lib/dates';
import { clockTime, dayKey, wallTime } from '../../lib/time';
import type { Booking } from '../../types/api';

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

/** A working range as GET /api/availability/weekly gives it: weekday 1 (Monday) to 7, "HH:MM" in the studio's zone. */
export interface WorkingRange {
  weekday: number;
  start: string;
  end: string;
}

/** A blocked period as GET /api/availability/blocks lists it. */
export interface BlockedPeriod {
  id: string;
  start: string;
  end: string;
  reason: string | null;
}

/** Minutes of the day a session covers in the studio's zone: `to` is 1440 when it ends on a later day. */
export interface DaySpan {
  from: number;
  to: number;
}

/**
 * The working hours as FullCalendar's business hours (it shades the rest). FullCalendar counts
 * Sunday as 0, the API as 7. No hours at all: nothing shaded, as before hours existed.
 */
export function businessHours(ranges: WorkingRange[]): BusinessHoursInput {
  if (ranges.length === 0) return false;
  return ranges.map((r) => ({ daysOfWeek: [r.weekday % 7], startTime: r.start, endTime: r.end }));
}

/** Without working hours, the day the agenda has always drawn. */
const DEFAULT_DAY: DaySpan = { from: 7 * 60, to: 22 * 60 };

const clockMinutes = (clock: string) => {
  const [h, m] = clock.split(':').map(Number);
  return h * 60 + m;
};
const slotTime = (minutes: number) => `${String(minutes / 60).padStart(2, '0')}:00:00`;

/**
 * The hours the week and day views draw: from an hour before the earliest start to an hour
 * after the latest end, on whole hours. The sessions on screen always fit in, so one booked
 * before the hours were narrowed is never cut off.
 */
export function slotWindow(ranges: WorkingRange[], sessions: DaySpan[] = []): { slotMinTime: string; slotMaxTime: string } {
  const day =
    ranges.length === 0
      ? DEFAULT_DAY
      : { from: Math.min(...ranges.map((r) => clockMinutes(r.start))) - 60, to: Math.max(...ranges.map((r) => clockMinutes(r.end))) + 60 };
  const from = Math.min(day.from, ...sessions.map((s) => s.from));
  const to = Math.max(day.to, ...sessions.map((s) => s.to));
  return { slotMinTime: slotTime(Math.max(0, Math.floor(from / 60) * 60)), slotMaxTime: slotTime(Math.min(1440, Math.ceil(to / 60) * 60)) };
}

/** The minutes of the day a session covers, in the studio's zone. */
export function daySpan(start: string, end: string, timeZone: string): DaySpan {
  const s = wallTime(new Date(start), timeZone);
  const e = wallTime(new Date(end), timeZone);
  const sameDay = dayKey(start, timeZone) === dayKey(end, timeZone);
  return { from: s.hour * 60 + s.minute, to: sameDay ? e.hour * 60 + e.minute : 1440 };
}

/** Blocked periods as background events, titled by their reason ("Unavailable: holidays"). */
export function blockEvents(blocks: BlockedPeriod[], title: (reason: string | null) => string, className: string): EventInput[] {
  return blocks.map((b) => ({
    id: `block-${b.id}`,
    start: b.start,
    end: b.end,
    display: 'background',
    title: title(b.reason?.trim() || null),
    classNames: [className],
    extendedProps: { block: b },
  }));
}

/**
 * Whether staff may drag or stretch a session: a live one (pending or confirmed) that the
 * server lets them move (not once its project has moved on).
 */
export function isMovable(booking: Pick<Booking, 'status' | 'actions'>): boolean {
  return (booking.status === 'PENDING' || booking.status === 'CONFIRMED') && booking.actions.includes('reschedule');
}

/** "mardi 23 mars, 10:00–11:00" / "Tuesday 23 March, 10:00–11:00": a session's day and times in the studio's zone. */
export function formatSessionTimes(start: string, end: string, lang: string, timeZone: string): string {
  const day = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'fr-FR', { weekday: 'long', day: 'numeric', month: 'long', timeZone }).format(new Date(start));
  return `${day}, ${clockTime(start, timeZone)}–${clockTime(end, timeZone)}`;
}
