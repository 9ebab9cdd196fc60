/**
 * Column values of a batch of records. Typed arrays are the fast path (timestamps as epoch
 * milliseconds in a Float64Array, dates as epoch days in an Int32Array, NaN = NULL in float
 * columns); plain arrays accept strings, numbers, booleans, Dates, objects (json) and null.
 */
export type ColumnValues =
  | Float64Array | Float32Array | Int32Array | Int16Array | Int8Array | Uint32Array | Uint16Array | Uint8Array
  | readonly unknown[];

/** A columnar batch of rows for one table. */
export interface ColumnBatch {
  readonly rowCount: number;
  readonly columns: Readonly<Record<string, ColumnValues>>;
}

/** A batch addressed to a table: what sources and generators yield. */
export interface TableBatch {
  readonly table: string;
  readonly batch: ColumnBatch;
}

/** Builds a batch from row objects (for small reference tables). */
export function batchFromRows(rows: readonly Record<string, unknown>[], columns?: readonly string[]): ColumnBatch {
  const names = columns ?? (rows.length ? Object.keys(rows[0]) : []);
  const out: Record<string, unknown[]> = {};
  for (const name of names) out[name] = rows.map((r) => r[name] ?? null);
  return { rowCount: rows.length, columns: out };
}

/** Progress of long work, reported by jobs and shown by the CLI. */
export interface Progress {
  readonly phase: string;
  readonly done: number;
  readonly total: number;
}
export type ProgressListener = (progress: Progress) => void;
