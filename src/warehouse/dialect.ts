import type { ColumnDef, TableDef } from './schema/table-def.js';

/**
 * The SQL language of one engine, apart from any connection: pure functions, unit-tested.
 * Drivers only move bytes; analytics build engine-specific SQL through this.
 */
export interface SqlDialect {
  readonly name: string;
  createSchema(schema: string): string;
  createTable(table: TableDef): string;
  dropTable(table: string): string;
  quoteIdent(name: string): string;
  /** Start of the local calendar day of a UTC timestamp column, as a DATE expression. */
  localDate(tsExpr: string, utcOffsetMinutes: number): string;
  /** Truncates a timestamp expression to a unit. */
  truncate(unit: 'hour' | 'day' | 'week' | 'month' | 'year', tsExpr: string): string;
  /** Hour of day (0-23) in local time. */
  localHour(tsExpr: string, utcOffsetMinutes: number): string;
  /** Milliseconds since the Unix epoch of a (UTC) timestamp expression, as an integer: cheaper to read than a timestamp. */
  epochMs(tsExpr: string): string;
  /**
   * INSERT of rows given as one parameter: a JSON array of objects with these columns (timestamps as
   * ISO 8601 UTC text). One statement text and one bound value for any number of rows: cheap to
   * parse and bind, for small batches of platform rows (audit entries, sessions).
   */
  insertJsonRows(table: string, columns: readonly Pick<ColumnDef, 'name' | 'type'>[]): string;
  /** Statement exporting a query to a Parquet or CSV file. */
  exportQuery(query: string, path: string, format: 'parquet' | 'csv'): string;
}
