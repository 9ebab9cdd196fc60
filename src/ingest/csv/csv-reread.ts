import type { ConnectorContext, RereadBatch } from '../connector.js';
import { readBytes } from '../files/byte-source.js';
import { splitCsvLine } from '../files/csv-fields.js';
import { readLines } from '../files/line-reader.js';
import { decodeText } from '../files/text-decoding.js';
import type { CsvConfig } from './config.js';
import type { CsvSqlPlan } from './duckdb-plan.js';
import { SEQ_SLOTS } from './duckdb-select.js';
import { openRowReader } from './row-reader.js';

/** The next page of an ascending list of numbers; an empty page at the end. */
export type NumberPages = () => Promise<readonly number[]>;

/** Records of a file to read again in JavaScript. */
export interface RereadTargets {
  /** DuckDB's line numbers of records its reader rejected (records and blank lines counted, header = 1). */
  readonly rejectedLines: NumberPages;
  /** Order (1-based) among the records DuckDB parsed, of records the SQL checks did not accept. */
  readonly parsedRecords: NumberPages;
}

/** An ascending list of numbers read page by page. */
class Cursor {
  private buffer: readonly number[] = [];
  private at = 0;
  private ended = false;

  constructor(private readonly pages: NumberPages) {}

  /** Loads pages until the buffer reaches `upTo` or the list ends. */
  async fill(upTo: number): Promise<void> {
    while (!this.ended && (this.at >= this.buffer.length || this.buffer[this.buffer.length - 1] < upTo)) {
      const page = await this.pages();
      if (page.length === 0) this.ended = true;
      else {
        this.buffer = [...this.buffer.slice(this.at), ...page];
        this.at = 0;
      }
    }
  }

  /** Takes the head when it equals `n`. */
  take(n: number): boolean {
    if (this.buffer[this.at] !== n) return false;
    this.at++;
    return true;
  }

  get done(): boolean {
    return this.ended && this.at >= this.buffer.length;
  }
}

/**
 * Reads the given records again with the JS readers, so their readings and reasons are exactly the
 * JS path's, in batches. Walks the file's records (quoted line breaks joined, blank lines counted as
 * DuckDB counts them) up to the last one wanted; a record DuckDB rejected sits between the parsed
 * records around it in `seq`.
 */
export async function* rereadRecords(plan: CsvSqlPlan, config: CsvConfig, context: ConnectorContext, targets: RereadTargets): AsyncIterable<RereadBatch> {
  const { reader, builder } = openRowReader(plan.path, plan.layout, plan.timeFormat, config, context, plan.delimiter);
  const rejected = new Cursor(targets.rejectedLines), parsed = new Cursor(targets.parsedRecords);
  let seq: number[] = [];
  const take = (): RereadBatch => {
    const batch = { batch: builder.take(0, 'utf-8'), seq: Float64Array.from(seq) };
    seq = [];
    return batch;
  };
  let ordinal = 0, records = 0;
  await rejected.fill(1);
  await parsed.fill(1);
  if (!rejected.done || !parsed.done) {
    for await (const block of readLines(decodeText(plan.path, readBytes(plan.path), 'utf-8'))) {
      await rejected.fill(ordinal + block.lines.length);
      await parsed.fill(records + block.lines.length);
      for (let i = 0; i < block.lines.length; i++) {
        const line = block.lines[i];
        let rank = 0;
        if (++ordinal === 1) continue;
        if (rejected.take(ordinal)) rank = 2 * records + 1;
        else if (line.length > 0 && parsed.take(++records)) rank = 2 * records;
        if (rank === 0) continue;
        const before = builder.rows;
        reader(splitCsvLine(line, plan.delimiter), block.lineNumbers ? block.lineNumbers[i] : block.firstLine + i, line);
        for (let j = 0; j < builder.rows - before; j++) seq.push(rank * SEQ_SLOTS + j);
        if (builder.full) yield take();
      }
      if (rejected.done && parsed.done) break;
    }
  }
  if (builder.pending > 0) yield take();
}
