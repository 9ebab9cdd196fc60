import { ValidationError } from '../../core/errors.js';
import { MS_PER_DAY, utcOffsetMinutes } from '../../core/time/index.js';
import type { SqlParam, Warehouse } from '../../warehouse/warehouse.js';

/** Import channel (energy delivered to the customer); 2 is export (PV feed-in). */
export const IMPORT_CHANNEL = 1;
export const EXPORT_CHANNEL = 2;
/** Reading quality flag of an interval with no value. */
export const QUALITY_MISSING = 3;

export interface LoadShapeOptions {
  /** First local date (inclusive, `YYYY-MM-DD`). */
  readonly from?: string;
  /** Last local date (exclusive, `YYYY-MM-DD`). */
  readonly to?: string;
  /** Local time zone of the calendar (hour of day, day boundaries). */
  readonly timeZone: string;
  /** Only these customers (all with readings otherwise). */
  readonly customerIds?: readonly string[];
}

export interface LoadShapes {
  /** Customers with at least one non-missing import reading, sorted. */
  readonly customerIds: string[];
  /** n × 24, row-major: share of the average day's energy in each local hour; each row sums to 1. */
  readonly shapes: Float64Array;
  /** Average daily import kWh (sum of the 24 hourly means). */
  readonly meanDailyKwh: Float64Array;
  /** Local days with at least one non-missing reading. */
  readonly days: Int32Array;
}

/**
 * Normalises 24 non-negative hourly values in place (negatives and non-finite values count as 0) so
 * that they sum to 1. A row without energy becomes flat (1/24 each). Returns the original total.
 */
export function normaliseShape(values: Float64Array | number[], offset = 0, width = 24): number {
  let total = 0;
  for (let h = 0; h < width; h++) {
    const v = values[offset + h];
    const clean = Number.isFinite(v) && v > 0 ? v : 0;
    values[offset + h] = clean;
    total += clean;
  }
  for (let h = 0; h < width; h++) values[offset + h] = total > 0 ? values[offset + h] / total : 1 / width;
  return total;
}

/** Parses a local ISO date into the UTC instant of its midnight, with a clear error. */
export function localDateBound(name: string, isoDate: string | undefined, offsetMinutes: number): Date | undefined {
  if (isoDate === undefined) return undefined;
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(isoDate) ? Date.parse(`${isoDate}T00:00:00Z`) : Number.NaN;
  if (Number.isNaN(ms)) throw new ValidationError(`${name}: not a date (YYYY-MM-DD): ${isoDate}`);
  return new Date(ms - offsetMinutes * 60_000);
}

/** The zone's UTC offset in minutes; the dialects take a fixed offset (exact for China's zones, which have no DST). */
export function zoneOffsetMinutes(timeZone: string, atMs = Date.now()): number {
  try {
    return utcOffsetMinutes(timeZone, atMs);
  } catch {
    throw new ValidationError(`timeZone: unknown time zone: ${timeZone}`);
  }
}

/** `AND col IN (?, ...)` for one chunk of customer ids. */
function idFilter(column: string, ids: readonly string[] | undefined): { sql: string; params: SqlParam[] } {
  if (!ids) return { sql: '', params: [] };
  return { sql: ` AND ${column} IN (${ids.map(() => '?').join(', ')})`, params: [...ids] };
}

const ID_CHUNK = 2_000;

/**
 * The typical daily load shape of each customer: the mean import energy in each local hour (over the
 * non-missing intervals of that hour, per meter, scaled to a full hour, summed over the customer's
 * meters), normalised to shares. One aggregation in the warehouse (readings → meters); only
 * customers × 24 numbers come back.
 */
export async function readLoadShapes(wh: Warehouse, opts: LoadShapeOptions): Promise<LoadShapes> {
  const offset = zoneOffsetMinutes(opts.timeZone);
  const from = localDateBound('from', opts.from, offset);
  const to = localDateBound('to', opts.to, offset);
  if (from && to && from >= to) throw new ValidationError(`from: ${opts.from} is not before to: ${opts.to}`);
  const chunks: (readonly string[] | undefined)[] = [];
  if (opts.customerIds) {
    if (opts.customerIds.length === 0) return { customerIds: [], shapes: new Float64Array(0), meanDailyKwh: new Float64Array(0), days: new Int32Array(0) };
    for (let i = 0; i < opts.customerIds.length; i += ID_CHUNK) chunks.push(opts.customerIds.slice(i, i + ID_CHUNK));
  } else chunks.push(undefined);

  const byCustomer = new Map<string, { hours: Float64Array; days: number }>();
  for (const chunk of chunks) {
    const ids = idFilter('m.customer_id', chunk);
    const range: SqlParam[] = [];
    let rangeSql = '';
    if (from) { rangeSql += ' AND r.ts >= ?'; range.push(from); }
    if (to) { rangeSql += ' AND r.ts < ?'; range.push(to); }
    const localMs = `(${wh.dialect.epochMs('r.ts')} + ${offset * 60_000})`;
    const sql = `
      WITH src AS (
        SELECT m.customer_id AS customer_id, r.meter_id AS meter_id, r.kwh AS kwh,
          CAST(floor(${localMs} / ${MS_PER_DAY}) AS INTEGER) AS day,
          CAST(floor((${localMs} % ${MS_PER_DAY}) / 3600000) AS INTEGER) AS hour,
          60.0 / greatest(m.interval_minutes, 1) AS per_hour
        FROM readings r JOIN meters m ON m.meter_id = r.meter_id
        WHERE r.channel = ${IMPORT_CHANNEL} AND r.quality <> ${QUALITY_MISSING} AND r.kwh IS NOT NULL${rangeSql}${ids.sql}
      ),
      meter_hour AS (
        SELECT customer_id, meter_id, hour, sum(kwh) / count(*) * min(per_hour) AS mean_kwh
        FROM src GROUP BY customer_id, meter_id, hour
      ),
      customer_hour AS (
        SELECT customer_id, hour, sum(mean_kwh) AS mean_kwh FROM meter_hour GROUP BY customer_id, hour
      ),
      customer_days AS (
        SELECT customer_id, CAST(count(DISTINCT day) AS INTEGER) AS days FROM src GROUP BY customer_id
      )
      SELECT h.customer_id AS customer_id, h.hour AS hour, CAST(h.mean_kwh AS DOUBLE) AS mean_kwh, d.days AS days
      FROM customer_hour h JOIN customer_days d ON d.customer_id = h.customer_id`;
    const rows = await wh.query<{ customer_id: string; hour: number; mean_kwh: number; days: number }>(sql, [...range, ...ids.params]);
    for (const row of rows) {
      let entry = byCustomer.get(row.customer_id);
      if (!entry) {
        entry = { hours: new Float64Array(24), days: Number(row.days) };
        byCustomer.set(row.customer_id, entry);
      }
      entry.hours[Number(row.hour)] = Number(row.mean_kwh);
    }
  }
  const customerIds = [...byCustomer.keys()].sort();
  const n = customerIds.length;
  const shapes = new Float64Array(n * 24);
  const meanDailyKwh = new Float64Array(n);
  const days = new Int32Array(n);
  customerIds.forEach((id, i) => {
    const entry = byCustomer.get(id)!;
    shapes.set(entry.hours, i * 24);
    meanDailyKwh[i] = normaliseShape(shapes, i * 24);
    days[i] = entry.days;
  });
  return { customerIds, shapes, meanDailyKwh, days };
}
