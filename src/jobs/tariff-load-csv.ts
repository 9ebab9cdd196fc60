import { existsSync, readFileSync } from 'node:fs';
import { NotFoundError, ValidationError } from '../core/errors.js';
import type { BillUsage } from '../core/tariff/index.js';
import { epochDay, localMidnightUtc, MS_PER_HOUR, MS_PER_MINUTE, utcOffsetMinutes } from '../core/time/index.js';

/**
 * A load file for `gridlens bill --load`: CSV with a header, either
 *   `timestamp,kwh` — interval start and its energy, at any interval that divides an hour (the
 *   interval is the smallest step between rows; missing intervals count as 0 kWh and lower the
 *   reported coverage). Timestamps with `Z` or an offset are absolute; without one they are local
 *   time in the given time zone.
 *   `month,kwh` — `YYYY-MM` and the month's total, spread evenly over the month's hours (enough
 *   for tariffs without time-of-use periods or demand charges).
 */

export interface LoadFile {
  readonly kind: 'interval' | 'monthly';
  readonly usage: BillUsage;
  /** Intervals without a row (interval files only). */
  readonly missingIntervals: number;
  readonly rows: number;
}

const naive = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;
const monthPattern = /^(\d{4})-(\d{2})$/;

function fail(path: string, line: number, reason: string): never {
  throw new ValidationError(`${path} line ${line}: ${reason}`, { file: path, line });
}

function parseTimestamp(text: string, timeZone: string): number {
  const m = naive.exec(text);
  if (m) {
    const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
    const offset = utcOffsetMinutes(timeZone, wall - utcOffsetMinutes(timeZone, wall) * MS_PER_MINUTE);
    return wall - offset * MS_PER_MINUTE;
  }
  return /\d{2}:\d{2}/.test(text) && /(Z|[+-]\d{2}:?\d{2})$/.test(text) ? Date.parse(text) : Number.NaN;
}

function parseKwh(path: string, line: number, text: string): number {
  const value = Number(text);
  if (text === '' || !Number.isFinite(value) || value < 0) fail(path, line, `kwh "${text}" must be a non-negative number`);
  return value;
}

interface Row { readonly line: number; readonly key: string; readonly kwh: number }

function readRows(path: string): { header: string[]; rows: Row[] } {
  if (!existsSync(path)) throw new NotFoundError('load file', path);
  const lines = readFileSync(path, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = lines[0].split(',').map((h) => h.trim().toLowerCase());
  const rows: Row[] = [];
  for (let i = 1; i < lines.length; i++) {
    const text = lines[i].trim();
    if (text === '') continue;
    const cells = text.split(',').map((c) => c.trim());
    if (cells.length !== 2) fail(path, i + 1, `expected 2 columns (${header.join(',')}), got ${cells.length}`);
    rows.push({ line: i + 1, key: cells[0], kwh: parseKwh(path, i + 1, cells[1]) });
  }
  if (rows.length === 0) throw new ValidationError(`${path}: no data rows`, { file: path });
  return { header, rows };
}

function intervalLoad(path: string, rows: Row[], timeZone: string): LoadFile {
  const times = rows.map((r) => {
    const ms = parseTimestamp(r.key, timeZone);
    if (Number.isNaN(ms)) fail(path, r.line, `timestamp "${r.key}" is not YYYY-MM-DD HH:MM[:SS] (local) or ISO 8601 with an offset`);
    return ms;
  });
  let step = Infinity;
  for (let i = 1; i < times.length; i++) {
    const diff = times[i] - times[i - 1];
    if (diff <= 0) fail(path, rows[i].line, `timestamp "${rows[i].key}" is not after the previous row (rows must be sorted, without duplicates)`);
    step = Math.min(step, diff);
  }
  if (step === Infinity) step = MS_PER_HOUR;
  const minutes = step / MS_PER_MINUTE;
  if (!(Number.isInteger(minutes) && 60 % minutes === 0)) fail(path, rows[1].line, `interval of ${minutes} minutes must divide 60`);
  const count = Math.round((times[times.length - 1] - times[0]) / step) + 1;
  const kwh = new Float64Array(count);
  times.forEach((t, i) => {
    const slot = (t - times[0]) / step;
    if (!Number.isInteger(slot)) fail(path, rows[i].line, `timestamp "${rows[i].key}" is off the ${minutes}-minute grid`);
    kwh[slot] = rows[i].kwh;
  });
  return { kind: 'interval', usage: { startMs: times[0], intervalMinutes: minutes, kwh, timeZone }, missingIntervals: count - rows.length, rows: rows.length };
}

function monthlyLoad(path: string, rows: Row[], timeZone: string): LoadFile {
  const months = rows.map((r) => {
    const m = monthPattern.exec(r.key);
    if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) fail(path, r.line, `month "${r.key}" is not YYYY-MM`);
    return Number(m[1]) * 12 + Number(m[2]) - 1;
  });
  for (let i = 1; i < months.length; i++) {
    if (months[i] !== months[i - 1] + 1) fail(path, rows[i].line, `month "${rows[i].key}" must follow ${rows[i - 1].key} (consecutive months)`);
  }
  const iso = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
  const startMs = localMidnightUtc(iso(months[0]), timeZone);
  const hoursOf = (index: number) => Math.round((localMidnightUtc(iso(index + 1), timeZone) - localMidnightUtc(iso(index), timeZone)) / MS_PER_HOUR);
  const total = Math.round((localMidnightUtc(iso(months[months.length - 1] + 1), timeZone) - startMs) / MS_PER_HOUR);
  const kwh = new Float64Array(total);
  let offset = 0;
  rows.forEach((r, i) => {
    const hours = hoursOf(months[i]);
    kwh.fill(r.kwh / hours, offset, offset + hours);
    offset += hours;
  });
  return { kind: 'monthly', usage: { startMs, intervalMinutes: 60, kwh, timeZone }, missingIntervals: 0, rows: rows.length };
}

/** Reads a load CSV (see the module comment); errors name the file, line and reason. */
export function readLoadCsv(path: string, timeZone: string): LoadFile {
  const { header, rows } = readRows(path);
  if (header.length !== 2 || header[1] !== 'kwh' || (header[0] !== 'timestamp' && header[0] !== 'month')) {
    throw new ValidationError(`${path} line 1: header must be "timestamp,kwh" or "month,kwh", got "${header.join(',')}"`, { file: path, line: 1 });
  }
  return header[0] === 'month' ? monthlyLoad(path, rows, timeZone) : intervalLoad(path, rows, timeZone);
}

/** Local ISO date of a UTC instant in a time zone. */
export function localIsoDate(ms: number, timeZone: string): string {
  const local = ms + utcOffsetMinutes(timeZone, ms) * MS_PER_MINUTE;
  return new Date(local).toISOString().slice(0, 10);
}

/** Days between two ISO dates. */
export const isoDays = (from: string, to: string): number => epochDay(to) - epochDay(from);
