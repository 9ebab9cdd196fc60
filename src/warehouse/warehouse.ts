import { AppError } from '../core/errors.js';
import type { ColumnBatch } from '../core/record-batch.js';
import type { SqlDialect } from './dialect.js';

/** A value bound to a `?` placeholder. */
export type SqlParam = string | number | bigint | boolean | Date | null;
export type Row = Record<string, unknown>;

export type { ColumnBatch, ColumnValues } from '../core/record-batch.js';

export interface WarehouseCapabilities {
  /** Name of the engine, e.g. `duckdb`. */
  readonly engine: string;
  /** Transactions with rollback across statements. */
  readonly transactions: boolean;
  /** Several nodes (shards); analytics then run per shard. */
  readonly distributed: boolean;
}

/**
 * The storage boundary. Analytics and jobs talk to this interface; drivers in sibling folders
 * implement it. All SQL takes `?` placeholders and parameter arrays: never interpolate values.
 */
export interface Warehouse {
  readonly dialect: SqlDialect;
  readonly capabilities: WarehouseCapabilities;
  /** Runs statements that return nothing. */
  run(sql: string, params?: readonly SqlParam[]): Promise<void>;
  /** Runs a query and returns all rows as plain objects. */
  query<T extends Row = Row>(sql: string, params?: readonly SqlParam[]): Promise<T[]>;
  /**
   * Runs a query whose columns are all numeric (integers, floats, booleans; cast timestamps with
   * `dialect.epochMs`) and returns them column by column as Float64Arrays, NULL as NaN. No object
   * per row: the way to read millions of values (VEE, features, models).
   */
  queryNumeric(sql: string, params?: readonly SqlParam[]): Promise<NumericColumns>;
  /** Streams a large result in batches of about `batchRows` rows. */
  stream<T extends Row = Row>(sql: string, params?: readonly SqlParam[], batchRows?: number): AsyncIterable<T[]>;
  /** Bulk-appends a columnar batch to a table defined in the schema registry. Returns rows written. */
  append(table: string, batch: ColumnBatch): Promise<number>;
  /** Runs `work` in a transaction, rolled back if it throws. */
  transaction<T>(work: (tx: Warehouse) => Promise<T>): Promise<T>;
  /**
   * Another connection to the same store, with its own statements and transactions (isolated from
   * this one's; committed writes are visible to both). A short write on it need not queue behind
   * long reads here. Closed by its own `close()` or, at the latest, with this warehouse.
   */
  session(): Promise<Warehouse>;
  close(): Promise<void>;
}

/** A numeric result, column by column (`queryNumeric`). */
export interface NumericColumns {
  readonly rowCount: number;
  readonly columns: Readonly<Record<string, Float64Array>>;
}

/** A failed statement, with the SQL and parameters that failed. Drivers wrap every driver error in it. */
export class QueryError extends AppError {
  constructor(readonly sql: string, readonly params: readonly SqlParam[], cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super('QUERY', `query failed: ${reason}\n  sql: ${sql.trim().slice(0, 500)}`, { cause, details: { sql, paramCount: params.length } });
  }
}

export class WarehouseError extends AppError {
  constructor(message: string, details: Record<string, unknown> = {}, cause?: unknown) {
    super('WAREHOUSE', message, { details, cause });
  }
}
