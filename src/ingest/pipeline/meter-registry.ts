import { batchFromRows } from '../../core/record-batch.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import { MeterResolver, type NewMeter } from '../readings/meter-resolver.js';

/** Loads meter_no → meter_id from the meters table. */
export async function loadMeters(wh: Warehouse): Promise<MeterResolver> {
  const rows = await wh.query<{ meter_no: string; meter_id: number }>('SELECT meter_no, meter_id FROM meters');
  return new MeterResolver(rows.map((r) => [r.meter_no, r.meter_id] as const));
}

/**
 * Writes meters registered while reading a file (mapping flag `registerMeters`): the source's id
 * becomes meter_no and customer_id; area, phases and install date are placeholders until
 * reference data for them is ingested.
 */
export async function writeNewMeters(tx: Warehouse, meters: readonly NewMeter[]): Promise<number> {
  if (meters.length === 0) return 0;
  const rows = meters.map((m) => ({
    meter_id: m.meterId, meter_no: m.meterNo, customer_id: m.meterNo, area_id: 'UNASSIGNED', multiplier: 1, interval_minutes: m.intervalMinutes,
    channels: 'import', phases: 1, install_date: Number.isNaN(m.firstTsMs) ? '1970-01-01' : new Date(m.firstTsMs).toISOString().slice(0, 10),
  }));
  return tx.append('meters', batchFromRows(rows));
}

/** The `sources` id of a source name, registering it on first use. */
export async function sourceIdOf(wh: Warehouse, name: string, kind: string): Promise<number> {
  const found = await wh.query<{ source_id: number }>('SELECT source_id FROM sources WHERE name = ?', [name]);
  if (found[0]) return found[0].source_id;
  const [row] = await wh.query<{ id: number | null }>('SELECT max(source_id) AS id FROM sources');
  const id = (row?.id ?? 0) + 1;
  await wh.run('INSERT INTO sources (source_id, name, kind, created_at) VALUES (?, ?, ?, ?)', [id, name, kind, new Date()]);
  return id;
}
