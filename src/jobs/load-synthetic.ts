import type { ProgressListener } from '../core/record-batch.js';
import { generateUtility } from '../synth/utility-generator.js';
import type { SynthOptions } from '../synth/synth-options.js';
import { allTables } from '../warehouse/schema/index.js';
import type { Warehouse } from '../warehouse/warehouse.js';

export interface LoadResult {
  readonly rowsByTable: Record<string, number>;
}

/** Streams the synthetic utility into a warehouse, batch by batch (memory stays flat). */
export async function loadSynthetic(warehouse: Warehouse, options: SynthOptions, onProgress?: ProgressListener): Promise<LoadResult> {
  const rowsByTable: Record<string, number> = {};
  for await (const { table, batch } of generateUtility(options, onProgress)) {
    if (batch.rowCount === 0) continue;
    rowsByTable[table] = (rowsByTable[table] ?? 0) + (await warehouse.append(table, batch));
  }
  return { rowsByTable };
}

/** Order-independent checksum over all readings: equal across runs with the same seed. */
export async function readingsChecksum(warehouse: Warehouse): Promise<string> {
  const [row] = await warehouse.query<{ h: number | string | null }>(
    'SELECT bit_xor(hash(meter_id, channel, ts, kwh, quality)) AS h FROM readings',
  );
  return String(row?.h ?? 0);
}

/**
 * Order-independent checksum over every table of the schema registry (row order may differ between
 * thread counts; the rows may not).
 */
export async function storeChecksum(warehouse: Warehouse): Promise<string> {
  const parts = allTables.map((t) =>
    `SELECT '${t.name}' AS t, bit_xor(hash(${t.columns.map((c) => warehouse.dialect.quoteIdent(c.name)).join(', ')})) AS h FROM ${warehouse.dialect.quoteIdent(t.name)}`);
  const rows = await warehouse.query<{ t: string; h: number | string | null }>(parts.join(' UNION ALL '));
  let combined = 0n;
  for (const row of rows.sort((a, b) => a.t.localeCompare(b.t))) combined = (combined * 1_000_003n + BigInt(row.h ?? 0)) % (1n << 64n);
  return combined.toString();
}
