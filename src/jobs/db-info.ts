import { existsSync } from 'node:fs';
import type { GridLensConfig } from '../core/config.js';
import { ConfigError } from '../core/errors.js';
import { allTables } from '../warehouse/schema/index.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import { storeFileBytes, withStore } from './store.js';

export interface TableInfo {
  readonly table: string;
  readonly rows: number;
}

export interface DbInfo {
  readonly path: string;
  readonly engine: string;
  readonly schemaVersion: number;
  readonly fileBytes: number | null;
  readonly tables: TableInfo[];
  /** First and last reading timestamps (UTC ISO), if any readings exist. */
  readonly readingsRange: { readonly first: string; readonly last: string } | null;
}

export async function countRows(warehouse: Warehouse): Promise<TableInfo[]> {
  const union = allTables.map((t) => `SELECT '${t.name}' AS t, count(*) AS n FROM ${warehouse.dialect.quoteIdent(t.name)}`).join(' UNION ALL ');
  const rows = await warehouse.query<{ t: string; n: number }>(union);
  const counts = new Map(rows.map((r) => [r.t, r.n]));
  return allTables.map((t) => ({ table: t.name, rows: counts.get(t.name) ?? 0 }));
}

/** What is in the store: schema version, row counts per table, readings time range. */
export async function dbInfo(config: Pick<GridLensConfig, 'db'>): Promise<DbInfo> {
  if (config.db !== ':memory:' && !existsSync(config.db)) {
    throw new ConfigError(`no store at ${config.db}: create one with "gridlens demo" or point --db at an existing file`, { db: config.db });
  }
  return withStore(config, async (wh) => {
    const [version] = await wh.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
    const [range] = await wh.query<{ first: Date | null; last: Date | null }>('SELECT min(ts) AS first, max(ts) AS last FROM readings');
    return {
      path: config.db,
      engine: wh.capabilities.engine,
      schemaVersion: version?.v ?? 0,
      fileBytes: storeFileBytes(config.db),
      tables: await countRows(wh),
      readingsRange: range?.first && range.last ? { first: range.first.toISOString(), last: range.last.toISOString() } : null,
    };
  });
}
