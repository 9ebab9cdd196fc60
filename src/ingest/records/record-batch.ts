import { batchFromRows } from '../../core/record-batch.js';
import type { TableDef } from '../../warehouse/schema/table-def.js';
import type { Reject, SourceBatch } from '../connector.js';
import type { RecordReader } from './record-reader.js';

/** Collects validated rows of one table and the rejects met, handing them out as batches. */
export class RecordBatchBuilder {
  private rows: Record<string, unknown>[] = [];
  private rejects: Reject[] = [];
  private recordsRead = 0;

  constructor(private readonly def: TableDef, private readonly reader: RecordReader, private readonly batchRows: number) {}

  /** Validates one record; `raw` is kept for quarantine when it fails. */
  add(record: Readonly<Record<string, unknown>>, ref: { line?: number; messageId?: string }, raw: string): void {
    this.recordsRead++;
    const result = this.reader.read(record);
    if (result.ok) this.rows.push(result.row);
    else this.rejects.push({ ...ref, raw, code: result.code, reason: result.reason });
  }

  reject(ref: { line?: number; messageId?: string }, raw: string, reason: string): void {
    this.recordsRead++;
    this.rejects.push({ ...ref, raw, code: 'malformed', reason });
  }

  get full(): boolean {
    return this.rows.length + this.rejects.length >= this.batchRows;
  }

  take(bytesRead: number, encoding?: string): SourceBatch {
    const batch: SourceBatch = {
      table: this.def.name, batch: batchFromRows(this.rows, this.def.columns.map((c) => c.name)),
      rejects: this.rejects, recordsRead: this.recordsRead, bytesRead, encoding,
    };
    this.rows = [];
    this.rejects = [];
    return batch;
  }
}
