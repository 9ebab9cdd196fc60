import type { SqlDialect } from '../dialect.js';
import type { ColumnDef, LogicalType, TableDef } from '../schema/table-def.js';

const duckTypes: Record<LogicalType, string> = {
  int8: 'TINYINT', int16: 'SMALLINT', int32: 'INTEGER', int64: 'BIGINT', uint8: 'UTINYINT', uint16: 'USMALLINT', uint32: 'UINTEGER',
  float32: 'FLOAT', float64: 'DOUBLE', bool: 'BOOLEAN', varchar: 'VARCHAR', date: 'DATE', timestamp: 'TIMESTAMP', json: 'JSON',
};

export function duckdbType(type: LogicalType): string {
  return duckTypes[type];
}

function quoteIdent(name: string): string {
  return name.split('.').map((part) => `"${part.replaceAll('"', '""')}"`).join('.');
}

function quoteLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

function interval(minutes: number): string {
  if (!Number.isInteger(minutes)) throw new RangeError(`offset minutes must be an integer: ${minutes}`);
  return `INTERVAL ${minutes} MINUTE`;
}

/** Types read from JSON text and cast afterwards (JSON has no timestamps or dates). */
const TEXT_IN_JSON: ReadonlySet<LogicalType> = new Set(['timestamp', 'date', 'json']);

function insertJsonRows(table: string, columns: readonly Pick<ColumnDef, 'name' | 'type'>[]): string {
  const shape = Object.fromEntries(columns.map((c) => [c.name, TEXT_IN_JSON.has(c.type) ? 'VARCHAR' : duckTypes[c.type]]));
  const values = columns.map((c) => `CAST(r.${quoteIdent(c.name)} AS ${duckTypes[c.type]})`);
  return `INSERT INTO ${quoteIdent(table)} (${columns.map((c) => quoteIdent(c.name)).join(', ')}) `
    + `SELECT ${values.join(', ')} FROM (SELECT unnest(from_json(?, ${quoteLiteral(JSON.stringify([shape]))})) AS r)`;
}

/** DuckDB's SQL. Timestamps are naive TIMESTAMP columns holding UTC. */
export const duckdbDialect: SqlDialect = {
  name: 'duckdb',
  createSchema: (schema) => `CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`,
  createTable(table: TableDef): string {
    const columns = table.columns.map((c) => `${quoteIdent(c.name)} ${duckTypes[c.type]}${c.nullable ? '' : ' NOT NULL'}`);
    if (table.primaryKey && !table.bulk) columns.push(`PRIMARY KEY (${table.primaryKey.map(quoteIdent).join(', ')})`);
    return `CREATE TABLE IF NOT EXISTS ${quoteIdent(table.name)} (\n  ${columns.join(',\n  ')}\n)`;
  },
  dropTable: (table) => `DROP TABLE IF EXISTS ${quoteIdent(table)}`,
  quoteIdent,
  localDate: (ts, offset) => `CAST((${ts} + ${interval(offset)}) AS DATE)`,
  truncate: (unit, ts) => `date_trunc('${unit}', ${ts})`,
  localHour: (ts, offset) => `hour(${ts} + ${interval(offset)})`,
  epochMs: (ts) => `epoch_ms(${ts})`,
  insertJsonRows,
  exportQuery: (query, path, format) =>
    `COPY (${query}) TO ${quoteLiteral(path)} (FORMAT ${format === 'parquet' ? 'PARQUET, COMPRESSION ZSTD' : 'CSV, HEADER'})`,
};
