import { Channel } from '../../core/schemas/meter.js';
import { parseChannel, parseDecimal, toKwh } from '../readings/energy-units.js';
import { findColumn, requireColumn } from '../readings/reading-mapping.js';
import type { ReadingBatchBuilder } from '../readings/reading-batch.js';
import type { TimeReader } from '../readings/time-reader.js';
import type { CsvConfig } from './config.js';

/** Column positions of a long-layout file (one reading per row). */
export interface LongPlan {
  readonly fieldCount: number;
  readonly meter: number;
  readonly time: number;
  readonly value: number;
  readonly channel: number;
}

export function longPlan(header: readonly string[], config: CsvConfig, path: string): LongPlan {
  return {
    fieldCount: header.length,
    meter: config.meterNo ? -1 : requireColumn(header, 'meter', config.columns.meter, path),
    time: requireColumn(header, 'time', config.columns.time, path),
    value: requireColumn(header, 'value', config.columns.value, path),
    channel: findColumn(header, 'channel', config.columns.channel, path),
  };
}

const clean = (s: string) => (s.length && (s.charCodeAt(0) <= 32 || s.charCodeAt(s.length - 1) <= 32) ? s.trim() : s);

/** Reads the rows of a long-layout file into the batch builder (rejecting what it cannot read). */
export function longRowReader(plan: LongPlan, config: CsvConfig, times: TimeReader, factor: number, builder: ReadingBatchBuilder) {
  const defaultChannel = config.channel === 'export' ? Channel.export : Channel.import;
  const constantMeter = config.meterNo ?? '';
  return (fields: string[], line: number, raw: string): void => {
    const ref = { line };
    if (fields.length !== plan.fieldCount) {
      builder.reject(ref, raw, 'malformed', `expected ${plan.fieldCount} fields, found ${fields.length}`);
      return;
    }
    const meterNo = plan.meter < 0 ? constantMeter : clean(fields[plan.meter]);
    if (meterNo === '') return void builder.reject(ref, raw, 'malformed', 'empty meter number');
    const ts = times.read(fields[plan.time]);
    if (Number.isNaN(ts)) return void builder.reject(ref, raw, times.failure.code, times.failure.reason);
    const text = fields[plan.value];
    const value = text.length === 0 ? Number.NaN : Number(text);
    if (Number.isNaN(value) || !Number.isFinite(value)) {
      return void builder.reject(ref, raw, 'invalid_value', text.trim() === '' ? 'empty value' : `value "${text}" is not a number`);
    }
    const channel = plan.channel < 0 ? defaultChannel : parseChannel(fields[plan.channel]);
    if (channel === 0) return void builder.reject(ref, raw, 'invalid_value', `unknown channel "${fields[plan.channel]}" (import/export, 1/2, 正向/反向)`);
    builder.add(meterNo, channel, ts, toKwh(value, factor), ref, raw);
  };
}

/**
 * The hot path for unquoted lines: finds the fields by delimiter position and reads meter, time
 * and value without splitting the line (no field strings but the meter number, and that only when
 * it changes). Returns false for anything unusual; the caller then uses the general reader, which
 * gives the same result for good rows and the reasons for bad ones.
 */
export function fastLongLineReader(plan: LongPlan, config: CsvConfig, times: TimeReader, factor: number, builder: ReadingBatchBuilder, delimiter: string) {
  const starts = new Int32Array(plan.fieldCount + 1);
  const defaultChannel = config.channel === 'export' ? Channel.export : Channel.import;
  let lastMeter = config.meterNo ?? '';
  let lastChannelText = '';
  let lastChannel = 0;
  return (line: string, lineNo: number): boolean => {
    let field = 0, at = 0;
    for (; field < plan.fieldCount; field++) {
      starts[field] = at;
      const next = line.indexOf(delimiter, at);
      at = next < 0 ? line.length + 1 : next + 1;
      if (next < 0) { field++; break; }
    }
    if (field !== plan.fieldCount || at <= line.length) return false;
    starts[field] = line.length + 1;
    if (plan.meter >= 0) {
      const s = starts[plan.meter], e = starts[plan.meter + 1] - 1;
      if (e - s !== lastMeter.length || !line.startsWith(lastMeter, s)) lastMeter = line.slice(s, e);
      if (lastMeter === '' || lastMeter.charCodeAt(0) <= 32 || lastMeter.charCodeAt(lastMeter.length - 1) <= 32) return false;
    }
    let channel: number = defaultChannel;
    if (plan.channel >= 0) {
      const s = starts[plan.channel], e = starts[plan.channel + 1] - 1;
      if (e - s !== lastChannelText.length || !line.startsWith(lastChannelText, s)) { lastChannelText = line.slice(s, e); lastChannel = parseChannel(lastChannelText); }
      if (lastChannel === 0) return false;
      channel = lastChannel;
    }
    const value = parseDecimal(line, starts[plan.value], starts[plan.value + 1] - 1);
    if (Number.isNaN(value)) return false;
    const ts = times.readRange(line, starts[plan.time], starts[plan.time + 1] - 1);
    if (Number.isNaN(ts)) return false;
    builder.add(lastMeter, channel, ts, toKwh(value, factor), { line: lineNo }, line);
    return true;
  };
}
