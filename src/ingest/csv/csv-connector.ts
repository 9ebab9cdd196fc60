import type { Connector, ConnectorContext, SourceBatch, SourceFile } from '../connector.js';
import { IngestFileError } from '../ingest-errors.js';
import { readBytes } from '../files/byte-source.js';
import { detectDelimiter, splitCsvLine } from '../files/csv-fields.js';
import { readLines } from '../files/line-reader.js';
import { decodeText } from '../files/text-decoding.js';
import { energyUnits } from '../readings/energy-units.js';
import { LocalClock } from '../readings/local-time.js';
import { ReadingBatchBuilder } from '../readings/reading-batch.js';
import { TimeReader } from '../readings/time-reader.js';
import { detectTimeFormat, type TimeFormat } from '../readings/timestamp-parser.js';
import { CsvConfig, type CsvConfigInput } from './config.js';
import { fastLongLineReader, longPlan, longRowReader } from './long-layout.js';
import { isWideHeader, widePlan, wideRowReader } from './wide-layout.js';

type RowReader = (fields: string[], line: number, raw: string) => void;
type LineReader = (line: string, lineNo: number) => boolean;

/**
 * Meter readings from CSV: long layout (meter, time, value[, channel]) or wide layout (meter, day,
 * one column per interval slot), any delimiter and encoding, `.gz` or plain, streamed in batches.
 */
export class CsvConnector implements Connector<CsvConfig> {
  readonly name = 'csv' as const;
  readonly tables = ['readings'] as const;
  readonly config: CsvConfig;

  constructor(config: CsvConfigInput = {}) {
    this.config = CsvConfig.parse(config);
  }

  get sourceName(): string {
    return this.config.source;
  }

  async *read(file: SourceFile, context: ConnectorContext): AsyncIterable<SourceBatch> {
    const builder = this.builder(context, 15);
    let header: string[] | undefined;
    let delimiter = this.config.delimiter ?? ',';
    let reader: RowReader | undefined;
    let fast: LineReader | undefined;
    let current = builder;
    let bytesRead = 0;
    let encoding: string | undefined;
    for await (const block of readLines(decodeText(file.path, readBytes(file.path), this.config.encoding))) {
      bytesRead = block.bytesRead;
      encoding = block.encoding;
      for (let i = 0; i < block.lines.length; i++) {
        const line = block.lines[i];
        const lineNo = block.lineNumbers ? block.lineNumbers[i] : block.firstLine + i;
        if (!header) {
          delimiter = this.config.delimiter ?? detectDelimiter(line);
          header = splitCsvLine(line, delimiter);
          continue;
        }
        if (line.length === 0) continue;
        if (!block.quoted && fast?.(line, lineNo)) {
          if (current.full) yield current.take(bytesRead, encoding);
          continue;
        }
        const fields = block.quoted ? splitCsvLine(line, delimiter) : line.split(delimiter);
        if (!reader) ({ reader, fast, builder: current } = this.open(file.path, header, fields, context, delimiter));
        reader(fields, lineNo, line);
        if (current.full) yield current.take(bytesRead, encoding);
      }
    }
    if (!header) throw new IngestFileError(file.path, 'empty file: no header line');
    yield current.take(file.bytes, encoding);
  }

  /** Chooses the layout from the header and the time format from the first data row. */
  private open(path: string, header: string[], sample: string[], context: ConnectorContext, delimiter: string): { reader: RowReader; fast?: LineReader; builder: ReadingBatchBuilder } {
    const config = this.config;
    const wide = config.layout === 'wide' || (config.layout === 'auto' && isWideHeader(header));
    const clock = new LocalClock(config.timeZone);
    const factor = energyUnits[config.unit];
    if (wide) {
      const plan = widePlan(header, config, path);
      const builder = this.builder(context, plan.intervalMinutes);
      const times = new TimeReader(this.timeFormat(path, sample[plan.date]), clock);
      return { reader: wideRowReader(plan, config, times, factor, builder), builder };
    }
    const plan = longPlan(header, config, path);
    const interval = config.intervalMinutes ?? 15;
    const builder = this.builder(context, interval);
    const shift = config.timestampAt === 'end' ? -interval * 60_000 : 0;
    const times = new TimeReader(this.timeFormat(path, sample[plan.time]), clock, shift);
    const fast = delimiter.length === 1 ? fastLongLineReader(plan, config, times, factor, builder, delimiter) : undefined;
    return { reader: longRowReader(plan, config, times, factor, builder), fast, builder };
  }

  private timeFormat(path: string, sample: string | undefined): TimeFormat {
    if (this.config.timeFormat !== 'auto') return this.config.timeFormat;
    const detected = sample === undefined ? undefined : detectTimeFormat(sample);
    if (!detected && sample !== undefined && /^\s*\d{1,2}\D\d{1,2}\D\d{4}/.test(sample)) {
      throw new IngestFileError(path, `cannot tell the date order of "${sample ?? ''}": set timeFormat (dmy for 31-12-2002 01:00, mdy for 12/31/2002 01:00)`, { line: 2 });
    }
    return detected ?? 'ymd';
  }

  private builder(context: ConnectorContext, intervalMinutes: number): ReadingBatchBuilder {
    return new ReadingBatchBuilder({
      meters: context.meters, rules: context.rules, sourceId: context.sourceId, batchRows: this.config.batchRows,
      registerMeters: this.config.registerMeters, intervalMinutes,
    });
  }
}
