import { batchFromRows, type TableBatch } from '../../core/record-batch.js';

/** Collects record rows per table and releases them as batches once enough have gathered. */
export class RowCollector {
  private readonly rows = new Map<string, Record<string, unknown>[]>();
  private count = 0;

  constructor(private readonly flushAt = 50_000) {}

  add(table: string, row: Record<string, unknown>): void {
    let list = this.rows.get(table);
    if (!list) {
      list = [];
      this.rows.set(table, list);
    }
    list.push(row);
    this.count++;
  }

  addAll(table: string, rows: readonly Record<string, unknown>[]): void {
    for (const row of rows) this.add(table, row);
  }

  get ready(): boolean {
    return this.count >= this.flushAt;
  }

  /** Every collected table as a batch; the collector is empty afterwards. */
  drain(): TableBatch[] {
    const out = [...this.rows].filter(([, rows]) => rows.length).map(([table, rows]) => ({ table, batch: batchFromRows(rows) }));
    this.rows.clear();
    this.count = 0;
    return out;
  }
}
