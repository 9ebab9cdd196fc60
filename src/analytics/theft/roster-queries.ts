import type { SqlParam, Warehouse } from '../../warehouse/warehouse.js';
import { areaFilter, combine, localDayExpr, rangeFilter, type UsageQueryOptions } from './usage-queries.js';

/** A meter with the customer facts detection needs. */
export interface MeterInfo {
  readonly meterId: number;
  readonly customerId: string;
  readonly areaId: string;
  readonly customerType: string;
  readonly tariffId: string;
  readonly active: boolean;
  /** The meter has an export channel (rooftop PV). */
  readonly hasExport: boolean;
  readonly intervalMinutes: number;
}

/** Tamper events one meter logged. */
export interface TamperRow {
  readonly meterId: number;
  readonly eventType: string;
  readonly count: number;
  /** Local day number of the first event. */
  readonly firstDay: number;
}

/** The transformer-area meter's (台区总表) daily input. */
export interface AreaDayRow {
  readonly areaId: string;
  readonly day: number;
  readonly kwh: number;
  readonly n: number;
}

/** Event types that physical tampering leaves in a meter's log. */
export const TAMPER_EVENT_TYPES = ['cover_open', 'terminal_cover_open', 'magnetic_interference'] as const;

export async function queryMeters(wh: Warehouse, options: Pick<UsageQueryOptions, 'areaIds'> = {}): Promise<MeterInfo[]> {
  const areas = areaFilter('m.area_id', 'area', options);
  const rows = await wh.query<Record<string, unknown>>(`
    SELECT m.meter_id AS meter_id, m.customer_id AS customer_id, m.area_id AS area_id, m.channels AS channels,
      m.interval_minutes AS interval_minutes, c.customer_type AS customer_type, c.tariff_id AS tariff_id, c.status AS status
    FROM meters m JOIN customers c ON c.customer_id = m.customer_id
    WHERE 1 = 1${areas.sql}
    ORDER BY m.meter_id`, areas.params);
  return rows.map((r) => ({
    meterId: Number(r.meter_id),
    customerId: String(r.customer_id),
    areaId: String(r.area_id),
    customerType: String(r.customer_type),
    tariffId: String(r.tariff_id),
    active: String(r.status) === 'active',
    hasExport: String(r.channels).split(',').includes('export'),
    intervalMinutes: Number(r.interval_minutes),
  }));
}

export async function queryTamperEvents(wh: Warehouse, options: UsageQueryOptions): Promise<TamperRow[]> {
  const range = combine(rangeFilter('e.ts', options), areaFilter('e.meter_id', 'meter', options));
  const types = TAMPER_EVENT_TYPES.map(() => '?').join(', ');
  const sql = `
    SELECT meter_id, event_type, count(*) AS n, min(day) AS first_day
    FROM (SELECT e.meter_id AS meter_id, e.event_type AS event_type, ${localDayExpr(wh, 'e.ts')} AS day
          FROM meter_events e WHERE e.event_type IN (${types})${range.sql}) x
    GROUP BY meter_id, event_type`;
  const params: SqlParam[] = [options.utcOffsetMinutes * 60_000, ...TAMPER_EVENT_TYPES, ...range.params];
  const rows = await wh.query<Record<string, unknown>>(sql, params);
  return rows.map((r) => ({ meterId: Number(r.meter_id), eventType: String(r.event_type), count: Number(r.n), firstDay: Number(r.first_day) }));
}

export async function queryAreaDays(wh: Warehouse, options: UsageQueryOptions): Promise<AreaDayRow[]> {
  const range = combine(rangeFilter('a.ts', options), areaFilter('a.area_id', 'area', options));
  const sql = `
    SELECT area_id, day, sum(kwh) AS kwh, count(*) AS n
    FROM (SELECT a.area_id AS area_id, ${localDayExpr(wh, 'a.ts')} AS day, a.kwh AS kwh
          FROM area_readings a WHERE a.kwh IS NOT NULL${range.sql}) x
    GROUP BY area_id, day`;
  const rows = await wh.query<Record<string, unknown>>(sql, [options.utcOffsetMinutes * 60_000, ...range.params]);
  return rows.map((r) => ({ areaId: String(r.area_id), day: Number(r.day), kwh: Number(r.kwh), n: Number(r.n) }));
}
