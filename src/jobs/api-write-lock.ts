import { allTables } from '../warehouse/schema/index.js';
import { WarehouseError, type SqlParam, type Warehouse } from '../warehouse/warehouse.js';

const tails = new WeakMap<Warehouse, Promise<unknown>>();

/**
 * Runs `work` after every write queued before it on the same warehouse. The embedded store has
 * one connection and one writer: platform writes (audit entries, sessions, users) must not
 * interleave their read-then-write steps or their transactions.
 */
export function serializeWrites<T>(wh: Warehouse, work: () => Promise<T>): Promise<T> {
  const previous = tails.get(wh) ?? Promise.resolve();
  const next = previous.then(work, work);
  tails.set(wh, next.catch(() => undefined));
  return next;
}

/**
 * Inserts a few rows with one parameterised INSERT whose one parameter is the rows' JSON. The server
 * shares one connection between concurrent requests, and DuckDB's appender cannot run while other
 * queries on that connection are pending; a statement simply queues behind them. For platform rows
 * (users, sessions, audit entries), never volume.
 */
export async function insertRows(wh: Warehouse, table: string, rows: readonly Record<string, SqlParam>[]): Promise<void> {
  if (rows.length === 0) return;
  const def = allTables.find((t) => t.name === table);
  if (!def) throw new WarehouseError(`insert: table ${table} is not in the schema registry`, { table });
  const columns = Object.keys(rows[0]).map((name) => {
    const column = def.columns.find((c) => c.name === name);
    if (!column) throw new WarehouseError(`insert into ${table}: unknown column ${name}`, { table, column: name });
    return column;
  });
  await wh.run(wh.dialect.insertJsonRows(table, columns), [JSON.stringify(rows.map((row) => Object.fromEntries(columns.map((c) => [c.name, jsonValue(row[c.name])]))))]);
}

/** A value as JSON carries it: Dates as ISO 8601 UTC, bigints as text (read back by the column type). */
function jsonValue(value: SqlParam | undefined): unknown {
  if (value === undefined) return null;
  return typeof value === 'bigint' ? value.toString() : value;
}
