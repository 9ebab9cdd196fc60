import type { BulkSource, Connector, ConnectorContext, SourceBatch, SourceFile } from '../connector.js';
import { IngestFileError } from '../ingest-errors.js';
import { readBytes } from '../files/byte-source.js';
import { detectDelimiter, splitCsvLine } from '../files/csv-fields.js';
import { readLines } from '../files/line-reader.js';
import { decodeText } from '../files/text-decoding.js';
import { CsvConfig, type CsvConfigInput } from './config.js';
import { CsvBulkSource } from './csv-bulk.js';
import { planCsvSql } from './duckdb-plan.js';
import { readWithDuckDb } from './duckdb-read.js';
import { chooseTimeFormat, layoutPlan, openRowReader, readingBuilder, timeColumn, type LineReader, type OpenedReader, type RowReader } from './row-reader.js';

/**
 * Meter readings from CSV: long layout (meter, time, value[, channel]) or wide layout (meter, day,
 * one column per interval slot), any delimiter and encoding, `.gz` or plain, streamed in batches.
 * Two engines give the same result: DuckDB (`bulk`, UTF-8 files DuckDB's reader can parse) and
 * JavaScript (`read`, everything else); `engine` chooses, `auto` by the file.
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

  /** The DuckDB bulk path for this file, or undefined when the JS path reads it (see `planCsvSql`). */
  async bulk(file: SourceFile, context: ConnectorContext): Promise<BulkSource | undefined> {
    const plan = await planCsvSql(file.path, this.config, context.sql);
    return plan ? new CsvBulkSource(plan, this.config, context) : undefined;
  }

  async *read(file: SourceFile, context: ConnectorContext): AsyncIterable<SourceBatch> {
    const bulk = await this.bulk(file, context);
    if (bulk instanceof CsvBulkSource) yield* readWithDuckDb(bulk, file, context, this.config.batchRows);
    else yield* this.readLines(file, context);
  }

  private async *readLines(file: SourceFile, context: ConnectorContext): AsyncIterable<SourceBatch> {
    const builder = readingBuilder(this.config, context, 15);
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
  private open(path: string, header: string[], sample: string[], context: ConnectorContext, delimiter: string): OpenedReader {
    const layout = layoutPlan(path, header, this.config);
    return openRowReader(path, layout, chooseTimeFormat(path, this.config, sample[timeColumn(layout)]), this.config, context, delimiter);
  }
}
