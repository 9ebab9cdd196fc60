/**
 * Logical table definitions, written once and rendered by each SQL dialect. Logical types are
 * the intersection of what DuckDB and ClickHouse store natively.
 */
export type LogicalType =
  | 'int8' | 'int16' | 'int32' | 'int64' | 'uint8' | 'uint16' | 'uint32'
  | 'float32' | 'float64' | 'bool' | 'varchar' | 'date' | 'timestamp' | 'json';

export interface ColumnDef {
  readonly name: string;
  readonly type: LogicalType;
  readonly nullable?: boolean;
  /** Personal data: masked by role in the API. */
  readonly pii?: 'name' | 'phone' | 'id_number' | 'address';
  readonly doc?: string;
}

export interface TableDef {
  /** `schema.table` or `table` (main schema). Ground-truth tables live in schema `truth`. */
  readonly name: string;
  readonly columns: readonly ColumnDef[];
  /** Unique key; enforced where the driver can do so cheaply (reference tables), otherwise by ingest. */
  readonly primaryKey?: readonly string[];
  /** Physical sort / partition key for column stores (ClickHouse ORDER BY). */
  readonly orderBy: readonly string[];
  /** Whether rows are bulk volume (no index; appended in batches). */
  readonly bulk?: boolean;
  readonly doc: string;
}

export function columnNames(table: TableDef): string[] {
  return table.columns.map((c) => c.name);
}

export function findTable(tables: readonly TableDef[], name: string): TableDef | undefined {
  return tables.find((t) => t.name === name);
}
