import type { SqlParam, Warehouse } from '../warehouse/warehouse.js';

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
 * Inserts a few rows with one parameterised INSERT. The server shares one connection between
 * concurrent requests, and DuckDB's appender cannot run while other queries on that connection are
 * pending; a statement simply queues behind them. For platform rows (users, sessions, audit
 * entries), never volume.
 */
export async function insertRows(wh: Warehouse, table: string, rows: readonly Record<string, SqlParam>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const params = rows.flatMap((row) => columns.map((c) => row[c] ?? null));
  await wh.run(`INSERT INTO ${wh.dialect.quoteIdent(table)} (${columns.map((c) => wh.dialect.quoteIdent(c)).join(', ')}) VALUES ${rows.map(() => tuple).join(', ')}`, params);
}
