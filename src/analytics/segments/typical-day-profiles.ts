import type { NumericColumns, SqlParam, Warehouse } from '../../warehouse/warehouse.js';
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

let tempCounter = 0;

/**
 * Reads typical-day profiles of the import channel, aggregated in the warehouse: one pass over the
 * readings to customer × block × hour sums and customer × block distinct days (no customer × day
 * intermediate), kept in a temporary table, then read as numeric columns (no object per row) with
 * the customer ids read once, in order.
 */
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
  // Days of a block are counted as set bits of a bitmap over the local days of the readings: one
  // bitmap per customer × block × hour, OR-ed per block, so the readings are aggregated in a single
  // pass (a count(DISTINCT) costs several times more time and memory, a second pass a second join).
  const range = await wh.queryNumeric("SELECT floor(epoch(min(ts)) / 86400) - 2 AS lo, floor(epoch(max(ts)) / 86400) + 2 AS hi FROM readings WHERE channel = 1");
  const lo = range.columns.lo[0];
  const hi = range.columns.hi[0];
  const span = Number.isFinite(lo) && Number.isFinite(hi) ? { first: lo, last: hi } : { first: 0, last: 0 };
  const table = `segment_profiles_${process.pid}_${++tempCounter}`;
  // Customers (and time zones) are keyed by integers through the aggregation: integer hash keys are
  // much cheaper in time and memory than id strings over millions of readings. Local time: each
  // distinct (time zone, UTC hour) is converted once with ICU rules and joined back (exact, as
  // offsets change on hour boundaries), together with the local day, block and hour it falls in, so
  // no reading needs date arithmetic; the hours come from a scan of the readings alone and the
  // joined readings are never materialised (what withLocalTime's shared CTE costs at volume).
  await wh.run(`CREATE TEMP TABLE ${table} AS
    WITH cust AS (SELECT customer_id, row_number() OVER (ORDER BY customer_id) AS cn, coalesce(time_zone, ?) AS tz FROM customers),
    zones AS (SELECT tz, row_number() OVER (ORDER BY tz) AS zn FROM (SELECT DISTINCT tz FROM cust)),
    cm AS (SELECT m.meter_id, c.cn, z.zn, m.interval_minutes >= 1440 AS daily FROM meters m JOIN cust c USING (customer_id) JOIN zones z USING (tz)),
    offs AS (SELECT zn, h, CAST(date_diff('day', DATE '1970-01-01', CAST(t AS DATE)) AS INTEGER) AS local_day, ${SEASON_SQL} * 2 + (isodow(t) >= 6)::INT AS b, hour(t) AS lh FROM (
      SELECT z.zn, h.h, h.h + (timezone(z.tz, timezone('UTC', h.h)) - h.h) AS t
      FROM zones z, (SELECT DISTINCT date_trunc('hour', ts) AS h FROM readings WHERE channel = 1) h)
      WHERE ${where.join(' AND ')}),
    f AS (SELECT cm.cn, o.local_day, o.b, CASE WHEN cm.daily THEN -1 ELSE o.lh END AS hr, r.kwh
      FROM readings r JOIN cm USING (meter_id) JOIN offs o ON o.zn = cm.zn AND o.h = date_trunc('hour', r.ts)
      WHERE r.channel = 1 AND r.kwh IS NOT NULL),
    hourly AS (SELECT cn, b, hr, sum(kwh) AS kwh, bitstring_agg(local_day, ?, ?) AS days FROM f GROUP BY ALL),
    blockdays AS (SELECT cn, b, bit_count(bit_or(days)) AS n, sum(kwh) AS kwh FROM hourly GROUP BY ALL),
    per AS (SELECT cn, sum(n) AS days, sum(kwh) / sum(n) AS daily FROM blockdays GROUP BY cn),
    kept AS (SELECT cn, days, daily, row_number() OVER (ORDER BY cn) - 1 AS ci FROM per WHERE days >= ? AND daily > 0)
    SELECT c.customer_id, k.ci, h.b, h.hr, h.kwh / bd.n AS kwh, k.days, k.daily
    FROM hourly h JOIN blockdays bd USING (cn, b) JOIN kept k USING (cn) JOIN cust c USING (cn)`, [...params, span.first, span.last, query.minDays ?? 14]);
  try {
    const rows = await wh.queryNumeric(`SELECT ci, b, hr, kwh, days, daily FROM ${table}`);
    const ids = await wh.query<{ customer_id: string }>(`SELECT DISTINCT ci, customer_id FROM ${table} ORDER BY ci`);
    return assemble(rows, ids.map((r) => String(r.customer_id)));
  } finally {
    await wh.run(`DROP TABLE IF EXISTS ${table}`);
  }
}

function assemble(rows: NumericColumns, ids: readonly string[]): TypicalDayProfiles {
  const { ci, b: blockCol, hr: hourCol, kwh, days: daysCol, daily } = rows.columns;
  const n = rows.rowCount;
  const seen = new Uint8Array(seasons.length * 2);
  for (let r = 0; r < n; r++) seen[blockCol[r]] = 1;
  const present: number[] = [];
  for (let b = 0; b < seen.length; b++) if (seen[b]) present.push(b);
  const blockPos = new Int32Array(seen.length).fill(-1);
  present.forEach((b, i) => (blockPos[b] = i));
  const blocks = present.map((b) => ({ season: seasons[Math.floor(b / 2)], dayKind: dayKinds[b % 2] }));
  const cols = blocks.length * 24;
  const values = new Float64Array(ids.length * cols).fill(Number.NaN);
  const meanDailyKwh = new Float64Array(ids.length);
  const days = new Int32Array(ids.length);
  for (let r = 0; r < n; r++) {
    const i = ci[r];
    meanDailyKwh[i] = daily[r];
    days[i] = daysCol[r];
    const at = i * cols + blockPos[blockCol[r]] * 24;
    const share = kwh[r] / daily[r];
    const hr = hourCol[r];
    if (hr >= 0) values[at + hr] = (Number.isNaN(values[at + hr]) ? 0 : values[at + hr]) + share;
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
