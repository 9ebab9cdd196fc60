import type { SqlParam, Warehouse } from '../../warehouse/warehouse.js';

/** A contiguous range of customer ids [lo, hi) (hi null = to the end) and the meter ids they own. */
export interface CustomerChunk {
  readonly lo: string;
  readonly hi: string | null;
  /** Smallest and largest meter id of these customers (a superset filter that lets the warehouse skip blocks); null without meters. */
  readonly meterLo: number | null;
  readonly meterHi: number | null;
}

/**
 * Splits the customers into ranges of about `perChunk`, so that each aggregation's hash tables
 * stay bounded and memory grows with the chunk, not the whole store.
 */
export async function customerChunks(wh: Warehouse, perChunk: number): Promise<CustomerChunk[]> {
  const ids = (await wh.query<{ customer_id: string }>('SELECT customer_id FROM customers ORDER BY customer_id')).map((r) => r.customer_id);
  if (ids.length === 0) return [];
  const size = Math.max(1, Math.floor(perChunk));
  const chunks: CustomerChunk[] = [];
  for (let i = 0; i < ids.length; i += size) {
    const lo = ids[i];
    const hi = i + size < ids.length ? ids[i + size] : null;
    const range = rangeSql('customer_id', { lo, hi });
    const [m] = await wh.query<{ lo: number | null; hi: number | null }>(`SELECT min(meter_id) AS lo, max(meter_id) AS hi FROM meters WHERE ${range.sql}`, range.params);
    chunks.push({ lo, hi, meterLo: m?.lo == null ? null : Number(m.lo), meterHi: m?.hi == null ? null : Number(m.hi) });
  }
  return chunks;
}

/** `col >= ? [AND col < ?]` for a chunk. */
export function rangeSql(column: string, chunk: Pick<CustomerChunk, 'lo' | 'hi'>): { sql: string; params: SqlParam[] } {
  return chunk.hi === null ? { sql: `${column} >= ?`, params: [chunk.lo] } : { sql: `${column} >= ? AND ${column} < ?`, params: [chunk.lo, chunk.hi] };
}

/**
 * Restricts a query to one chunk: prepends CTEs named `<table>_c` holding the chunk's rows of each
 * table (by customer id, or by meter id for readings) and returns their parameters, which come
 * first. The query then reads `<table>_c` instead of `<table>`.
 */
export function chunkTables(chunk: CustomerChunk | undefined, tables: readonly ('customers' | 'meters' | 'readings' | 'customer_day_features' | 'customer_month_features' | 'bills' | 'payments' | 'tickets' | 'events')[]): { ctes: string; params: SqlParam[] } {
  const parts: string[] = [];
  const params: SqlParam[] = [];
  for (const t of tables) {
    if (!chunk) {
      parts.push(`${t}_c AS (SELECT * FROM ${t})`);
      continue;
    }
    if (t === 'readings') {
      parts.push(`${t}_c AS (SELECT * FROM ${t} WHERE meter_id BETWEEN ? AND ?)`);
      params.push(chunk.meterLo ?? 0, chunk.meterHi ?? -1);
    } else {
      const r = rangeSql('customer_id', chunk);
      parts.push(`${t}_c AS (SELECT * FROM ${t} WHERE ${r.sql})`);
      params.push(...r.params);
    }
  }
  return { ctes: parts.join(',\n    '), params };
}
