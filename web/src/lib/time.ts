// Wall-clock times in the studio's time zone ↔ instants, with Intl only (no tz library):
// what the booking screens need to group slots by day and to turn a typed date into UTC.

export interface WallTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock time an instant shows in `timeZone`. */
export function wallTime(instant: Date, timeZone: string): WallTime {
  const p: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  return { year: p.year, month: p.month, day: p.day, hour: p.hour % 24, minute: p.minute };
}

/** "YYYY-MM-DD" of an instant in `timeZone`. */
export function dayKey(instant: Date | string, timeZone: string): string {
  const w = wallTime(typeof instant === 'string' ? new Date(instant) : instant, timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

/**
 * "today" or "yesterday" when an instant falls on one of those days in `timeZone` (as seen
 * at `now`), else null: the headings of lists grouped by day.
 */
export function relativeDay(instant: Date | string, timeZone: string, now: Date = new Date()): 'today' | 'yesterday' | null {
  const day = dayKey(instant, timeZone);
  const today = wallTime(now, timeZone);
  if (day === dayKey(now, timeZone)) return 'today';
  const y = new Date(Date.UTC(today.year, today.month - 1, today.day - 1));
  return day === `${y.getUTCFullYear()}-${pad(y.getUTCMonth() + 1)}-${pad(y.getUTCDate())}` ? 'yesterday' : null;
}

/** "HH:MM" of an instant in `timeZone`. */
export function clockTime(instant: Date | string, timeZone: string): string {
  const w = wallTime(typeof instant === 'string' ? new Date(instant) : instant, timeZone);
  return `${pad(w.hour)}:${pad(w.minute)}`;
}

function offsetMinutes(instant: Date, timeZone: string): number {
  const w = wallTime(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
  return Math.round((asUtc - Math.floor(instant.getTime() / 60000) * 60000) / 60000);
}

/**
 * The instant a wall-clock time denotes in `timeZone`. A time skipped by a spring-forward
 * change resolves forward (02:30 → 03:30 in Paris); a repeated autumn hour takes its first
 * occurrence.
 */
export function zonedToInstant(w: WallTime, timeZone: string): Date {
  const naive = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
  const day = 24 * 3600_000;
  // The offsets a day before and after bracket any change on that day.
  const before = naive - offsetMinutes(new Date(naive - day), timeZone) * 60000;
  const after = naive - offsetMinutes(new Date(naive + day), timeZone) * 60000;
  const valid = [before, after]
    .filter((c) => {
      const back = wallTime(new Date(c), timeZone);
      return back.day === w.day && back.hour === w.hour && back.minute === w.minute;
    })
    .sort((a, b) => a - b);
  // No valid reading: the time fell in a gap; the old offset moves it forward.
  return new Date(valid[0] ?? before);
}

/**
 * An instant as the API reads it: RFC 3339 UTC to the whole second ("2026-12-01T10:00:00Z").
 * toISOString() adds milliseconds (".000Z"), which the server refuses in query parameters.
 */
export function toRfc3339(instant: Date): string {
  return instant.toISOString().replace(/\.\d+Z$/, 'Z');
}

/** "2027-03-28T09:00" typed in the studio's zone → RFC 3339 UTC. */
export function localInputToIso(value: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number);
  return toRfc3339(zonedToInstant({ year, month, day, hour, minute }, timeZone));
}

/** The first and last day ("YYYY-MM-DD") of a month (1 to 12). */
export function monthRange(year: number, month: number): { from: string; to: string } {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { from: `${year}-${pad(month)}-01`, to: `${year}-${pad(month)}-${pad(last)}` };
}

/** The first and last day of the month that contains `day` ("YYYY-MM-DD"). */
export function monthRangeOf(day: string): { from: string; to: string } {
  const [year, month] = day.split('-').map(Number);
  return monthRange(year, month);
}

/** "1 h 30", "45 min", "2 h" — durations in words. */
export function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${pad(m)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
