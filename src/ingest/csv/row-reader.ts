import type { ConnectorContext } from '../connector.js';
import { IngestFileError } from '../ingest-errors.js';
import { energyUnits } from '../readings/energy-units.js';
import { LocalClock } from '../readings/local-time.js';
import { ReadingBatchBuilder } from '../readings/reading-batch.js';
import { TimeReader } from '../readings/time-reader.js';
import { detectTimeFormat, type TimeFormat } from '../readings/timestamp-parser.js';
import type { CsvConfig } from './config.js';
import { fastLongLineReader, longPlan, longRowReader, type LongPlan } from './long-layout.js';
import { isWideHeader, widePlan, wideRowReader, type WidePlan } from './wide-layout.js';

export type RowReader = (fields: string[], line: number, raw: string) => void;
export type LineReader = (line: string, lineNo: number) => boolean;

/** The layout of a file and its column plan, chosen from the header. */
export type CsvLayoutPlan = { readonly layout: 'long'; readonly plan: LongPlan } | { readonly layout: 'wide'; readonly plan: WidePlan };

export function layoutPlan(path: string, header: readonly string[], config: CsvConfig): CsvLayoutPlan {
  const wide = config.layout === 'wide' || (config.layout === 'auto' && isWideHeader(header));
  return wide ? { layout: 'wide', plan: widePlan(header, config, path) } : { layout: 'long', plan: longPlan(header, config, path) };
}

/** Column of the time (long) or the day (wide): the sample of the time format. */
export const timeColumn = (layout: CsvLayoutPlan): number => (layout.layout === 'wide' ? layout.plan.date : layout.plan.time);

/** The file's time format: declared, or detected from the first data row (day-first must be declared). */
export function chooseTimeFormat(path: string, config: CsvConfig, sample: string | undefined): TimeFormat {
  if (config.timeFormat !== 'auto') return config.timeFormat;
  const detected = sample === undefined ? undefined : detectTimeFormat(sample);
  if (!detected && sample !== undefined && /^\s*\d{1,2}\D\d{1,2}\D\d{4}/.test(sample)) {
    throw new IngestFileError(path, `cannot tell the date order of "${sample ?? ''}": set timeFormat (dmy for 31-12-2002 01:00, mdy for 12/31/2002 01:00)`, { line: 2 });
  }
  return detected ?? 'ymd';
}

export interface OpenedReader {
  readonly reader: RowReader;
  readonly fast?: LineReader;
  readonly builder: ReadingBatchBuilder;
}

/** The row readers of a file's layout, feeding one batch builder (the JS path and the bulk path's re-read share this). */
export function openRowReader(path: string, layout: CsvLayoutPlan, format: TimeFormat, config: CsvConfig, context: ConnectorContext, delimiter: string, batchRows = config.batchRows): OpenedReader {
  const clock = new LocalClock(config.timeZone);
  const factor = energyUnits[config.unit];
  if (layout.layout === 'wide') {
    const builder = readingBuilder(config, context, layout.plan.intervalMinutes, batchRows);
    return { reader: wideRowReader(layout.plan, config, new TimeReader(format, clock), factor, builder), builder };
  }
  const interval = config.intervalMinutes ?? 15;
  const builder = readingBuilder(config, context, interval, batchRows);
  const shift = config.timestampAt === 'end' ? -interval * 60_000 : 0;
  const times = new TimeReader(format, clock, shift);
  const fast = delimiter.length === 1 ? fastLongLineReader(layout.plan, config, times, factor, builder, delimiter) : undefined;
  return { reader: longRowReader(layout.plan, config, times, factor, builder), fast, builder };
}

export function readingBuilder(config: CsvConfig, context: ConnectorContext, intervalMinutes: number, batchRows = config.batchRows): ReadingBatchBuilder {
  return new ReadingBatchBuilder({
    meters: context.meters, rules: context.rules, sourceId: context.sourceId, batchRows,
    registerMeters: config.registerMeters, intervalMinutes,
  });
}
