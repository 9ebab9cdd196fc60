import { ValidationError } from '../core/errors.js';
import { epochDay, localMidnightUtc, MS_PER_MINUTE, utcOffsetMinutes } from '../core/time/index.js';

/** Minutes after midnight of a local `HH:MM` (24:00 allowed as an end). */
export function minuteOfDay(value: string, what: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(value);
  const minutes = m ? Number(m[1]) * 60 + Number(m[2]) : Number.NaN;
  if (!m || Number(m[2]) > 59 || minutes > 1440) throw new ValidationError(`${what}: expected a local time HH:MM, got "${value}"`, { [what]: value });
  return minutes;
}

/** Event window and its UTC instants on a local date. */
export function eventWindow(date: string, start: string, end: string, timeZone: string) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) throw new ValidationError(`date: expected YYYY-MM-DD, got "${date}"`, { date });
  const startMinute = minuteOfDay(start, 'start');
  const endMinute = minuteOfDay(end, 'end');
  if (endMinute <= startMinute) throw new ValidationError(`event window ${start}–${end} is empty or crosses midnight`, { start, end });
  const midnight = localMidnightUtc(date, timeZone);
  return {
    day: epochDay(date), startMinute, endMinute,
    startMs: midnight + startMinute * MS_PER_MINUTE, endMs: midnight + endMinute * MS_PER_MINUTE,
    utcOffsetMinutes: utcOffsetMinutes(timeZone, midnight + 12 * 60 * MS_PER_MINUTE),
  };
}

/** FNV-1a hash of a string, for per-customer seeds. */
export function hashString(value: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) h = Math.imul(h ^ value.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
