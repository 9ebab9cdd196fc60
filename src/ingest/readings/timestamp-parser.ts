/**
 * Fast timestamp parsing for meter files: a character scanner (no regex, no Date objects per row)
 * that reads the digit groups of a date-time in a declared field order and returns epoch ms of
 * the wall-clock time ("naive": as if it were UTC). A trailing `Z` or `+hh:mm` makes it absolute.
 */
export const timeFormats = ['auto', 'ymd', 'dmy', 'mdy', 'epoch-s', 'epoch-ms'] as const;
export type TimeFormat = (typeof timeFormats)[number];

export interface ParsedTime {
  /** Epoch ms of the wall-clock time, or of the instant when `absolute`. NaN when unreadable. */
  ms: number;
  /** The text carried a zone (`Z` or an offset): `ms` is already UTC. */
  absolute: boolean;
}

const groups = new Int32Array(8);
const lengths = new Int32Array(8);

/** Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's days_from_civil). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const monthDays = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysInMonth = (y: number, m: number) => (m === 2 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0) ? 29 : monthDays[m]);

/** Chooses a format from a sample value: a leading 4-digit year, or an all-digit epoch. Day/month-first must be declared. */
export function detectTimeFormat(sample: string): TimeFormat | undefined {
  const s = sample.trim();
  if (/^\d{10}$/.test(s)) return 'epoch-s';
  if (/^\d{13}$/.test(s)) return 'epoch-ms';
  if (/^\d{4}\D?\d{1,2}/.test(s)) return 'ymd';
  return undefined;
}

/** Parses a date-time in the given field order into `out`; `ms` is NaN when the text is not one. */
export function parseTime(text: string, format: TimeFormat, out: ParsedTime): ParsedTime {
  return parseTimeRange(text, 0, text.length, format, out);
}

/** `parseTime` of `text.slice(from, to)`, without making the substring. */
export function parseTimeRange(text: string, from: number, to: number, format: TimeFormat, out: ParsedTime): ParsedTime {
  out.absolute = false;
  if (format === 'epoch-s' || format === 'epoch-ms') {
    const part = text.slice(from, to);
    const n = part.trim() === '' ? Number.NaN : Number(part);
    out.ms = format === 'epoch-s' ? n * 1000 : n;
    out.absolute = true;
    return out;
  }
  let count = scanGroups(text, from, to);
  if (count < 0) { out.ms = Number.NaN; return out; }
  if (count >= 1 && lengths[0] === 8 && format !== 'dmy' && format !== 'mdy') count = splitCompactDate(count);
  out.ms = compose(format, count);
  if (zone.offsetMinutes !== null && !Number.isNaN(out.ms)) {
    out.ms -= zone.offsetMinutes * 60_000;
    out.absolute = true;
  }
  return out;
}

/** The zone suffix found by the last `scanGroups` (`Z` = 0, `+08:00` = 480), or null. */
const zone: { offsetMinutes: number | null } = { offsetMinutes: null };

/** Reads digit groups of `text[from, n)` into `groups`; returns their count, -1 for garbage. */
function scanGroups(text: string, from: number, n: number): number {
  let count = 0, value = 0, len = 0;
  zone.offsetMinutes = null;
  let i = from;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) { value = value * 10 + (c - 48); len++; continue; }
    if (len) { if (count === 8) return -1; groups[count] = value; lengths[count++] = len; value = 0; len = 0; }
    if (c === 90 || c === 122) { zone.offsetMinutes = 0; i++; break; }
    if ((c === 43 || c === 45) && count >= 5) { zone.offsetMinutes = zoneOffset(text.slice(i, n)); i = n; break; }
    if (c !== 32 && c !== 45 && c !== 47 && c !== 58 && c !== 84 && c !== 46 && c !== 44 && c !== 9 && c < 0x4e00) return -1; // CJK date words (年月日时分秒) pass
  }
  if (len) { if (count === 8) return -1; groups[count] = value; lengths[count++] = len; }
  if (i < n && text.slice(i, n).trim() !== '') return -1;
  return count;
}

function zoneOffset(text: string): number | null {
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(text.trim());
  if (!m) return Number.NaN;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

/** `20250926 0015` style: an 8-digit date group becomes Y, M, D. */
function splitCompactDate(count: number): number {
  const date = groups[0];
  for (let k = count - 1; k >= 1; k--) { groups[k + 2] = groups[k]; lengths[k + 2] = lengths[k]; }
  groups[0] = Math.floor(date / 10000); groups[1] = Math.floor(date / 100) % 100; groups[2] = date % 100;
  lengths[0] = 4; lengths[1] = 2; lengths[2] = 2;
  if (count >= 2 && lengths[3] === 4) { // HHMM
    const hm = groups[3];
    groups[3] = Math.floor(hm / 100); groups[4] = hm % 100; lengths[3] = 2; lengths[4] = 2;
    return count + 3;
  }
  return count + 2;
}

function compose(format: TimeFormat, count: number): number {
  if (count < 3) return Number.NaN;
  const y = format === 'ymd' || format === 'auto' ? groups[0] : groups[2];
  const m = format === 'mdy' ? groups[0] : groups[1];
  const d = format === 'dmy' ? groups[0] : format === 'mdy' ? groups[1] : groups[2];
  const h = count > 3 ? groups[3] : 0, min = count > 4 ? groups[4] : 0, s = count > 5 ? groups[5] : 0;
  const frac = count > 6 ? groups[6] / 10 ** lengths[6] : 0;
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return Number.NaN;
  if (h > 24 || min > 59 || s > 60 || (h === 24 && (min > 0 || s > 0))) return Number.NaN;
  return (daysFromCivil(y, m, d) * 24 + h) * 3_600_000 + min * 60_000 + s * 1000 + Math.round(frac * 1000);
}
