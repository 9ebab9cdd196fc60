import { allTables } from '../../warehouse/schema/registry.js';
import type { TableDef } from '../../warehouse/schema/table-def.js';
import type { SourceBatch } from '../connector.js';
import { LocalClock } from '../readings/local-time.js';
import { TimeReader } from '../readings/time-reader.js';
import { RecordBatchBuilder } from './record-batch.js';
import type { RecordChunk } from './record-lines.js';
import { RecordReader } from './record-reader.js';
import { recordTables } from './record-tables.js';

export function tableDefOf(table: string): TableDef {
  const def = allTables.find((t) => t.name === table);
  if (!def) throw new Error(`table ${table} is not in the schema registry`);
  return def;
}

/** A batch builder validating records of `table`, reading timestamps as ymd wall-clock times in `timeZone`. */
export function recordBuilder(table: string, timeZone: string, batchRows: number): RecordBatchBuilder {
  const spec = recordTables[table];
  if (!spec) throw new Error(`no record schema for table ${table}`);
  const def = tableDefOf(table);
  return new RecordBatchBuilder(def, new RecordReader(spec, def, new TimeReader('ymd', new LocalClock(timeZone))), batchRows);
}

/** Feeds source records into the builder and yields its batches. */
export async function* collectRecords(chunks: AsyncIterable<RecordChunk>, builder: RecordBatchBuilder, fileBytes: number): AsyncIterable<SourceBatch> {
  let encoding: string | undefined;
  for await (const chunk of chunks) {
    encoding = chunk.encoding;
    for (const record of chunk.records) {
      if (record.fields) builder.add(record.fields, { line: record.line }, record.raw);
      else builder.reject({ line: record.line }, record.raw, record.error ?? 'unreadable record');
      if (builder.full) yield builder.take(chunk.bytesRead, encoding);
    }
  }
  yield builder.take(fileBytes, encoding);
}
