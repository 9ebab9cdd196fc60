import type { SqlParam, Warehouse } from '../../warehouse/warehouse.js';
import { withLocalTime } from './local-time-sql.js';
import type { RowMatrix } from './row-matrix.js';

/**
 * Seasons by local calendar month: winter Dec–Feb, summer Jun–Sep, shoulder otherwise (northern
 * hemisphere). `all` / `any` label a profile that is not split (single days, for example).
 */
export const seasons = ['winter', 'shoulder', 'summer', 'all'] as const;
export const dayKinds = ['workday', 'restday', 'any'] as const;
export type Season = (typeof seasons)[number];
export type DayKind = (typeof dayKinds)[number];

/** One 24-hour block of a profile vector. */
export interface ProfileBlock {
  readonly season: Season;
  readonly dayKind: DayKind;
}

/**
 * Typical-day load profiles: for each customer, the mean kWh in each local hour of each block
 * (season × workday/rest day), divided by the customer's mean daily kWh over the whole window. A
 * block's 24 values sum to that block's daily use relative to the average day, so the vector keeps
 * the daily shape of each block and how use moves between seasons (air conditioning, heating)
 * while the customer's size drops out. Blocks without data in the window are left out. Daily meters
 * (interval of a day or more) have no intraday shape: their day is spread evenly over the 24 hours,
 * so only the season and day-kind pattern distinguishes them.
 */
export interface TypicalDayProfiles {
  readonly customerIds: readonly string[];
  readonly blocks: readonly ProfileBlock[];
  /** `customerIds.length × blocks.length·24`, row-major. */
  readonly matrix: RowMatrix;
  readonly meanDailyKwh: Float64Array;
  readonly days: Int32Array;
}

export interface ProfileQuery {
  /** First and last local day (YYYY-MM-DD), inclusive; the whole store when omitted. */
  readonly from?: string;
  readonly to?: string;
  /** Local time zone for customers without one (default Asia/Shanghai). */
  readonly defaultTimeZone?: string;
  /** Customers with fewer days of data are left out (default 14). */
  readonly minDays?: number;
}

const SEASON_SQL = 'CASE WHEN month(t) IN (12, 1, 2) THEN 0 WHEN month(t) IN (6, 7, 8, 9) THEN 2 ELSE 1 END';

/** Reads typical-day profiles of the import channel, aggregated in the warehouse (one row per customer × block × hour). */
export async function readTypicalDayProfiles(wh: Warehouse, query: ProfileQuery = {}): Promise<TypicalDayProfiles> {
  const params: SqlParam[] = [query.defaultTimeZone ?? 'Asia/Shanghai'];
  const where: string[] = ['TRUE'];
  if (query.from) {
    where.push('CAST(t AS DATE) >= CAST(? AS DATE)');
    params.push(query.from);
  }
  if (query.to) {
    where.push('CAST(t AS DATE) <= CAST(? AS DATE)');
    params.push(query.to);
  }
  const rows = await wh.query<{ customer_id: string; b: number; hr: number; kwh: number; days: number; daily: number }>(`
    WITH l AS ${withLocalTime(`
      SELECT m.customer_id, coalesce(c.time_zone, ?) AS tz, r.ts, r.kwh, m.interval_minutes >= 1440 AS daily
      FROM readings r JOIN meters m USING (meter_id) JOIN customers c USING (customer_id)
      WHERE r.channel = 1 AND r.kwh IS NOT NULL`)},
    f AS (SELECT customer_id, CAST(t AS DATE) AS local_day, ${SEASON_SQL} * 2 + (isodow(t) >= 6)::INT AS b, CASE WHEN daily THEN -1 ELSE hour(t) END AS hr, kwh
      FROM l WHERE ${where.join(' AND ')}),
    dayk AS (SELECT customer_id, local_day, any_value(b) AS b, sum(kwh) AS kwh FROM f GROUP BY customer_id, local_day),
    per AS (SELECT customer_id, count(*) AS days, avg(kwh) AS daily FROM dayk GROUP BY customer_id),
    hourly AS (SELECT customer_id, b, hr, sum(kwh) AS kwh FROM f GROUP BY ALL),
    blockdays AS (SELECT customer_id, b, count(*) AS n FROM dayk GROUP BY ALL)
    SELECT h.customer_id, h.b, h.hr, h.kwh / bd.n AS kwh, p.days, p.daily
    FROM hourly h JOIN blockdays bd USING (customer_id, b) JOIN per p USING (customer_id)
    WHERE p.days >= ? AND p.daily > 0
    ORDER BY h.customer_id, h.b, h.hr`, [...params, query.minDays ?? 14]);
  return assemble(rows);
}

function assemble(rows: readonly { customer_id: string; b: number; hr: number; kwh: number; days: number; daily: number }[]): TypicalDayProfiles {
  const present = [...new Set(rows.map((r) => Number(r.b)))].sort((a, b) => a - b);
  const blockPos = new Map(present.map((b, i) => [b, i]));
  const blocks = present.map((b) => ({ season: seasons[Math.floor(b / 2)], dayKind: dayKinds[b % 2] }));
  const ids: string[] = [];
  const index = new Map<string, number>();
  for (const r of rows) if (!index.has(r.customer_id)) index.set(r.customer_id, ids.push(r.customer_id) - 1);
  const cols = blocks.length * 24;
  const values = new Float64Array(ids.length * cols).fill(Number.NaN);
  const meanDailyKwh = new Float64Array(ids.length);
  const days = new Int32Array(ids.length);
  for (const r of rows) {
    const i = index.get(r.customer_id) as number;
    meanDailyKwh[i] = Number(r.daily);
    days[i] = Number(r.days);
    const at = i * cols + (blockPos.get(Number(r.b)) as number) * 24;
    const share = Number(r.kwh) / Number(r.daily);
    if (Number(r.hr) >= 0) values[at + Number(r.hr)] = (Number.isNaN(values[at + Number(r.hr)]) ? 0 : values[at + Number(r.hr)]) + share;
    else for (let h = 0; h < 24; h++) values[at + h] = (Number.isNaN(values[at + h]) ? 0 : values[at + h]) + share / 24;
  }
  fillGaps(values, ids.length, blocks.length);
  return { customerIds: ids, blocks, matrix: { values, rows: ids.length, cols }, meanDailyKwh, days };
}

/** A block or hour a customer has no data for takes the customer's mean over the blocks that have it (0 if none). */
function fillGaps(values: Float64Array, rows: number, nBlocks: number): void {
  const cols = nBlocks * 24;
  for (let i = 0; i < rows; i++) {
    for (let h = 0; h < 24; h++) {
      let s = 0;
      let n = 0;
      for (let b = 0; b < nBlocks; b++) {
        const v = values[i * cols + b * 24 + h];
        if (!Number.isNaN(v)) {
          s += v;
          n++;
        }
      }
      for (let b = 0; b < nBlocks; b++) if (Number.isNaN(values[i * cols + b * 24 + h])) values[i * cols + b * 24 + h] = n ? s / n : 0;
    }
  }
}

/** The mean 24-hour shape of a profile row over its blocks, normalised to sum to 1. */
export function dailyShape(values: Float64Array, row: number, nBlocks: number): Float64Array {
  const shape = new Float64Array(24);
  const cols = nBlocks * 24;
  for (let b = 0; b < nBlocks; b++) for (let h = 0; h < 24; h++) shape[h] += values[row * cols + b * 24 + h];
  const total = shape.reduce((s, v) => s + v, 0);
  if (total > 0) for (let h = 0; h < 24; h++) shape[h] /= total;
  return shape;
}
