import { existsSync, statSync } from 'node:fs';
import type { GridLensConfig } from '../core/config.js';
import { openDuckDb } from '../warehouse/duckdb/index.js';
import { migrate } from '../warehouse/migrations/index.js';
import type { Warehouse } from '../warehouse/warehouse.js';

export interface StoreOptions {
  /** An already open warehouse (tests, scale-out); the embedded DuckDB file otherwise. */
  readonly warehouse?: Warehouse;
  readonly readOnly?: boolean;
}

/** Opens the configured store and brings its schema up to date. */
export async function openStore(config: Pick<GridLensConfig, 'db'>, options: StoreOptions = {}): Promise<Warehouse> {
  const warehouse = options.warehouse ?? (await openDuckDb(config.db, { readOnly: options.readOnly }));
  if (!options.readOnly) await migrate(warehouse);
  return warehouse;
}

/** Runs `work` against the store and always closes it (unless the caller supplied it). */
export async function withStore<T>(config: Pick<GridLensConfig, 'db'>, work: (wh: Warehouse) => Promise<T>, options: StoreOptions = {}): Promise<T> {
  const warehouse = await openStore(config, options);
  try {
    return await work(warehouse);
  } finally {
    if (!options.warehouse) await warehouse.close();
  }
}

export function storeFileBytes(path: string): number | null {
  return path !== ':memory:' && existsSync(path) ? statSync(path).size : null;
}
