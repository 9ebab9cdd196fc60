import { basename } from 'node:path';
import type { Connector, ConnectorContext, SourceBatch, SourceFile } from '../connector.js';
import { IngestFileError } from '../ingest-errors.js';
import { readBytes } from '../files/byte-source.js';
import { decodeText } from '../files/text-decoding.js';
import { collectRecords, recordBuilder } from '../records/collect-records.js';
import { csvRecords, jsonArrayRecords, jsonLineRecords } from '../records/record-lines.js';
import { referenceTableNames, type ReferenceTableName } from '../records/record-tables.js';
import { ReferenceConfig, type ReferenceConfigInput } from './config.js';

/** The reference table a file name stands for (`customers.csv.gz` → customers), if any. */
export function referenceTableOf(path: string): ReferenceTableName | undefined {
  const stem = basename(path).toLowerCase().replace(/\.gz$/, '').replace(/\.(csv|txt|json|jsonl|ndjson)$/, '');
  return referenceTableNames.find((t) => t === stem);
}

/**
 * Reference data from CSV, JSON arrays or JSON lines, each record validated with its core zod
 * schema and merged by key (a newer file replaces changed records).
 */
export class ReferenceConnector implements Connector<ReferenceConfig> {
  readonly name = 'reference' as const;
  readonly tables = referenceTableNames;
  readonly config: ReferenceConfig;

  constructor(config: ReferenceConfigInput = {}) {
    this.config = ReferenceConfig.parse(config);
  }

  get sourceName(): string {
    return this.config.source;
  }

  async *read(file: SourceFile, _context: ConnectorContext): AsyncIterable<SourceBatch> {
    const table = this.config.table ?? referenceTableOf(file.path);
    if (!table) throw new IngestFileError(file.path, `cannot tell the reference table from the file name: set table (${referenceTableNames.join(', ')})`);
    const builder = recordBuilder(table, this.config.timeZone, this.config.batchRows);
    const texts = decodeText(file.path, readBytes(file.path), this.config.encoding);
    const format = this.format(file.path);
    const records = format === 'csv' ? csvRecords(texts, this.config.delimiter) : format === 'json' ? jsonArrayRecords(texts) : jsonLineRecords(texts);
    try {
      yield* collectRecords(records, builder, file.bytes);
    } catch (error) {
      if (error instanceof SyntaxError) throw new IngestFileError(file.path, error.message, {}, error);
      throw error;
    }
  }

  private format(path: string): 'csv' | 'json' | 'jsonl' {
    if (this.config.format !== 'auto') return this.config.format;
    const name = path.toLowerCase().replace(/\.gz$/, '');
    if (name.endsWith('.jsonl') || name.endsWith('.ndjson')) return 'jsonl';
    return name.endsWith('.json') ? 'json' : 'csv';
  }
}
