import { Channel } from '../../core/schemas/meter.js';
import { IngestFileError } from '../ingest-errors.js';
import { normalizeHeader } from '../files/csv-fields.js';
import { toKwh } from '../readings/energy-units.js';
import { requireColumn } from '../readings/reading-mapping.js';
import type { ReadingBatchBuilder } from '../readings/reading-batch.js';
import { parseTime, type ParsedTime } from '../readings/timestamp-parser.js';
import type { TimeReader } from '../readings/time-reader.js';
import type { CsvConfig } from './config.js';

/** Column positions of a wide-layout file: one meter-day per row, one column per interval slot. */
export interface WidePlan {
  readonly fieldCount: number;
  readonly meter: number;
  readonly date: number;
  readonly slotColumns: readonly number[];
  /** Minutes after local midnight at which each slot's interval starts. */
  readonly slotStartMinutes: readonly number[];
  readonly intervalMinutes: number;
}

const numberedSlot = /^(?:p|v|u|h)?_?(\d{1,3})$/;
const clockSlot = /^(\d{1,2}):(\d{2})$/;

/** Slot columns of a header: `p01`..`p96` / `1`..`96`, or clock labels `00:15`..`24:00` (ends) / `00:00`..`23:45` (starts). */
export function findSlots(header: readonly string[], skip: readonly number[]): { columns: number[]; labels: number[]; clock: boolean } {
  const columns: number[] = [], labels: number[] = [];
  let clock = false;
  header.forEach((cell, index) => {
    if (skip.includes(index)) return;
    const h = normalizeHeader(cell);
    const n = numberedSlot.exec(h);
    const c = clockSlot.exec(h);
    if (n) { columns.push(index); labels.push(Number(n[1])); }
    else if (c) { columns.push(index); labels.push(Number(c[1]) * 60 + Number(c[2])); clock = true; }
  });
  return { columns, labels, clock };
}

export function isWideHeader(header: readonly string[]): boolean {
  return [24, 48, 96, 288].includes(findSlots(header, []).columns.length);
}

export function widePlan(header: readonly string[], config: CsvConfig, path: string): WidePlan {
  const meter = config.meterNo ? -1 : requireColumn(header, 'meter', config.columns.meter, path);
  const date = requireColumn(header, 'date', config.columns.date, path);
  const slots = findSlots(header, [meter, date]);
  const count = slots.columns.length;
  if (count === 0 || 1440 % count !== 0) {
    throw new IngestFileError(path, `wide layout needs 24, 48, 96 or 288 slot columns (p01..p96, 1..96 or 00:15..24:00); found ${count}`, { line: 1 });
  }
  const interval = config.intervalMinutes ?? 1440 / count;
  const ends = slots.clock && (slots.labels.includes(1440) || Math.min(...slots.labels) === interval);
  const starts = slots.labels.map((label) => (slots.clock ? label - (ends ? interval : 0) : (label - 1) * interval));
  return { fieldCount: header.length, meter, date, slotColumns: slots.columns, slotStartMinutes: starts, intervalMinutes: interval };
}

/** Reads meter-day rows: each non-empty slot cell is one reading; empty cells are gaps, not errors. */
export function wideRowReader(plan: WidePlan, config: CsvConfig, times: TimeReader, factor: number, builder: ReadingBatchBuilder) {
  const channel = config.channel === 'export' ? Channel.export : Channel.import;
  const parsed: ParsedTime = { ms: 0, absolute: false };
  const readSlot = (meterNo: string, text: string, k: number, dayNaive: number, ref: { line: number }, raw: string): void => {
    const value = Number(text);
    if (!Number.isFinite(value)) return void builder.reject(ref, raw, 'invalid_value', `slot ${k + 1}: value "${text}" is not a number`);
    const ts = times.fromNaive(dayNaive + plan.slotStartMinutes[k] * 60_000);
    if (Number.isNaN(ts)) return void builder.reject(ref, raw, times.failure.code, `slot ${k + 1}: ${times.failure.reason}`);
    builder.add(meterNo, channel, ts, toKwh(value, factor), ref, raw);
  };
  return (fields: string[], line: number, raw: string): void => {
    const ref = { line };
    if (fields.length !== plan.fieldCount) return void builder.reject(ref, raw, 'malformed', `expected ${plan.fieldCount} fields, found ${fields.length}`);
    const meterNo = plan.meter < 0 ? (config.meterNo ?? '') : fields[plan.meter].trim();
    if (meterNo === '') return void builder.reject(ref, raw, 'malformed', 'empty meter number');
    const dayText = fields[plan.date];
    const day = parseTime(dayText, times.format, parsed).ms;
    if (Number.isNaN(day) || day % 86_400_000 !== 0) return void builder.reject(ref, raw, 'invalid_time', `cannot read date "${dayText}" as ${times.format}`);
    for (let k = 0; k < plan.slotColumns.length; k++) {
      const text = fields[plan.slotColumns[k]];
      if (text.length === 0 || text.trim() === '') continue;
      readSlot(meterNo, text, k, day, ref, raw);
    }
  };
}
