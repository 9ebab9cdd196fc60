import { allTables } from '../src/warehouse/schema/registry.js';
import type { Warehouse } from '../src/warehouse/warehouse.js';

const ledger = new Set(['ingest_runs', 'ingest_files']);

/**
 * A fingerprint of everything ingest writes except the run log: row count and an order-independent
 * hash of whole rows per table (data, quarantine, superseded values, staging). Two stores with the
 * same fingerprint hold the same data.
 */
export async function storeFingerprint(wh: Warehouse, options: { ignore?: readonly string[] } = {}): Promise<Record<string, string>> {
  const ignore = new Set([...ledger, ...(options.ignore ?? [])]);
  const out: Record<string, string> = {};
  for (const table of allTables.filter((t) => !ignore.has(t.name))) {
    const [row] = await wh.query<{ n: number; h: unknown }>(`SELECT count(*) AS n, bit_xor(hash(t)) AS h FROM ${wh.dialect.quoteIdent(table.name)} t`);
    out[table.name] = `${row.n}:${String(row.h ?? 0)}`;
  }
  return out;
}
