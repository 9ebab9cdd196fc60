import type { Warehouse } from '../../warehouse/warehouse.js';

/** One injected theft of the synthetic utility (ground truth; only evaluation reads it). */
export interface TheftTruth {
  readonly customerId: string;
  readonly meterId: number;
  readonly family: string;
  readonly stolenKwh: number;
  readonly startTs: Date;
  readonly endTs: Date;
}

export async function readTheftTruth(wh: Warehouse): Promise<Map<string, TheftTruth>> {
  const rows = await wh.query<Record<string, unknown>>(
    'SELECT customer_id, meter_id, family, stolen_kwh, start_ts, end_ts FROM truth.theft ORDER BY customer_id');
  return new Map(rows.map((r) => [String(r.customer_id), {
    customerId: String(r.customer_id), meterId: Number(r.meter_id), family: String(r.family), stolenKwh: Number(r.stolen_kwh),
    startTs: r.start_ts as Date, endTs: r.end_ts as Date,
  }]));
}

/** Energy into an area over a theft's window, from the area meter, kWh (to judge the theft's weight in the area's loss). */
export async function areaInputDuring(wh: Warehouse, areaId: string, from: Date, to: Date): Promise<number> {
  const [row] = await wh.query<{ kwh: number | null }>(
    'SELECT sum(kwh) AS kwh FROM area_readings WHERE area_id = ? AND ts >= ? AND ts < ?', [areaId, from, to]);
  return Number(row?.kwh ?? 0);
}
