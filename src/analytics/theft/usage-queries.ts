import type { NumericColumns, SqlParam, Warehouse } from '../../warehouse/warehouse.js';

/** What the SQL of this module needs to know besides the warehouse. */
export interface UsageQueryOptions {
  readonly utcOffsetMinutes: number;
  readonly from?: Date;
  readonly to?: Date;
  readonly nightStartHour: number;
  readonly nightEndHour: number;
  readonly zeroKwh: number;
  /** Only the meters (and area meters) of these transformer areas; every area when omitted. */
  readonly areaIds?: readonly string[];
}

/** One meter, channel and local day of interval readings, aggregated in the warehouse. */
export interface MeterDayRow {
  readonly meter_id: number;
  readonly channel: number;
  /** Local day number since 1970-01-01. */
  readonly day: number;
  /** Intervals present. */
  readonly n: number;
  /** Σ positive kWh. */
  readonly kwh: number;
  readonly negatives: number;
  /** Intervals at or below the zero threshold (and not negative). */
  readonly zeros: number;
  /** Σ positive kWh at night. */
  readonly night: number;
  /** Σ kWh² of positive readings (intraday volatility). */
  readonly sumsq: number;
  /** Σ |kWhₜ − kWhₜ₋₁| within the meter's series (roughness of the curve). */
  readonly jumps: number;
}

/** Average kWh per interval of one meter, block of days (from the meter's first day) and local hour. */
export interface ProfileRow {
  readonly meter_id: number;
  readonly block: number;
  readonly hour: number;
  readonly kwh: number;
}

/** Meter-day aggregates column by column (one Float64Array per field of MeterDayRow, no object per row). */
export interface MeterDayColumns {
  readonly rowCount: number;
  readonly columns: Readonly<Record<keyof MeterDayRow, Float64Array>>;
}

/** Profile rows column by column. */
export interface ProfileColumns {
  readonly rowCount: number;
  readonly columns: Readonly<Record<keyof ProfileRow, Float64Array>>;
}

const MS_PER_DAY = 86_400_000;

/** `AND ts >= ? AND ts < ?` for the range that is set, with its parameters. */
export function rangeFilter(column: string, options: Pick<UsageQueryOptions, 'from' | 'to'>): { sql: string; params: SqlParam[] } {
  const parts: string[] = [];
  const params: SqlParam[] = [];
  if (options.from) {
    parts.push(`${column} >= ?`);
    params.push(options.from);
  }
  if (options.to) {
    parts.push(`${column} < ?`);
    params.push(options.to);
  }
  return { sql: parts.map((p) => ` AND ${p}`).join(''), params };
}

/**
 * `AND column IN (...)` restricting a query to the transformer areas of `options.areaIds`, with
 * its parameters: `meter` columns through the meters of those areas, `area` columns directly.
 */
export function areaFilter(column: string, kind: 'meter' | 'area', options: Pick<UsageQueryOptions, 'areaIds'>): { sql: string; params: SqlParam[] } {
  const areas = options.areaIds;
  if (!areas || areas.length === 0) return { sql: '', params: [] };
  const list = areas.map(() => '?').join(', ');
  const sql = kind === 'area' ? ` AND ${column} IN (${list})` : ` AND ${column} IN (SELECT meter_id FROM meters WHERE area_id IN (${list}))`;
  return { sql, params: [...areas] };
}

/**
 * `AND column BETWEEN ? AND ?` over the meter ids of `options.areaIds` (nothing without areas): a
 * plain range, which the warehouse checks against the min/max of each stored block of readings, so
 * a batch of areas reads only the blocks of its meters instead of scanning every reading again.
 * When other areas' meters fall inside the range, `areaFilter` follows to leave their readings out;
 * when the range holds only these areas' meters (ids given area by area), the range alone is exact
 * and the readings are not joined with the meters of the areas.
 */
export async function meterIdRange(wh: Warehouse, column: string, options: Pick<UsageQueryOptions, 'areaIds'>): Promise<{ sql: string; params: SqlParam[] }> {
  const areas = options.areaIds;
  if (!areas || areas.length === 0) return { sql: '', params: [] };
  const { columns } = await wh.queryNumeric(`
    WITH batch AS (SELECT min(meter_id) AS lo, max(meter_id) AS hi, count(*) AS n FROM meters WHERE area_id IN (${areas.map(() => '?').join(', ')}))
    SELECT lo, hi, CAST(n AS DOUBLE) AS n, CAST((SELECT count(*) FROM meters m, batch b WHERE m.meter_id BETWEEN b.lo AND b.hi) AS DOUBLE) AS spanned
    FROM batch`, [...areas]);
  const [lo, hi] = [columns.lo[0], columns.hi[0]];
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return areaFilter(column, 'meter', options);
  const range = { sql: ` AND ${column} BETWEEN CAST(? AS INTEGER) AND CAST(? AS INTEGER)`, params: [lo, hi] };
  return columns.spanned[0] === columns.n[0] ? range : combine(range, areaFilter(column, 'meter', options));
}

/** Two filters one after the other. */
export function combine(a: { sql: string; params: SqlParam[] }, b: { sql: string; params: SqlParam[] }): { sql: string; params: SqlParam[] } {
  return { sql: a.sql + b.sql, params: [...a.params, ...b.params] };
}

/** Local day number of a timestamp column (a dialect expression with one `?`: the offset in ms). */
export function localDayExpr(wh: Warehouse, column: string): string {
  return `floor((${wh.dialect.epochMs(column)} + ?) / ${MS_PER_DAY})`;
}

/** Daily aggregates of every meter's interval readings, pushed down to the warehouse. */
export async function queryMeterDays(wh: Warehouse, options: UsageQueryOptions): Promise<MeterDayRow[]> {
  const { rowCount, columns: c } = await queryMeterDayColumns(wh, options);
  return Array.from({ length: rowCount }, (_, i) => ({
    meter_id: c.meter_id[i], channel: c.channel[i], day: c.day[i], n: c.n[i], kwh: c.kwh[i],
    negatives: c.negatives[i], zeros: c.zeros[i], night: c.night[i], sumsq: c.sumsq[i], jumps: c.jumps[i],
  }));
}

/** `queryMeterDays` column by column (what the panel reads: millions of meter-days on a big store). */
export async function queryMeterDayColumns(wh: Warehouse, options: UsageQueryOptions): Promise<MeterDayColumns> {
  const range = combine(rangeFilter('r.ts', options), await meterIdRange(wh, 'r.meter_id', options));
  const hour = wh.dialect.localHour('r.ts', options.utcOffsetMinutes);
  const sql = `
    SELECT meter_id, channel, day, CAST(count(*) AS INTEGER) AS n,
      sum(CASE WHEN kwh > 0 THEN kwh ELSE 0 END) AS kwh,
      CAST(sum(CASE WHEN kwh < 0 THEN 1 ELSE 0 END) AS DOUBLE) AS negatives,
      CAST(sum(CASE WHEN kwh >= 0 AND kwh <= ? THEN 1 ELSE 0 END) AS DOUBLE) AS zeros,
      sum(CASE WHEN is_night = 1 AND kwh > 0 THEN kwh ELSE 0 END) AS night,
      sum(CASE WHEN kwh > 0 THEN kwh * kwh ELSE 0 END) AS sumsq,
      sum(CASE WHEN jump IS NULL THEN 0 ELSE jump END) AS jumps
    FROM (
      SELECT r.meter_id AS meter_id, r.channel AS channel, r.kwh AS kwh, ${localDayExpr(wh, 'r.ts')} AS day,
        CASE WHEN ${hour} >= ? OR ${hour} < ? THEN 1 ELSE 0 END AS is_night,
        abs(r.kwh - lag(r.kwh) OVER (PARTITION BY r.meter_id, r.channel ORDER BY r.ts)) AS jump
      FROM readings r
      WHERE r.kwh IS NOT NULL AND r.quality <> 3${range.sql}
    ) x
    GROUP BY meter_id, channel, day`;
  const params: SqlParam[] = [options.zeroKwh, options.utcOffsetMinutes * 60_000, options.nightStartHour, options.nightEndHour, ...range.params];
  // Column-wise read: no driver object per row; the counts are cast to 32-bit numbers because
  // integer sums come back as 128-bit integers, which the driver can only hand over value by value,
  // and 64-bit counts are converted from BigInt one by one.
  return numericColumns(await wh.queryNumeric(sql, params), ['meter_id', 'channel', 'day', 'n', 'kwh', 'negatives', 'zeros', 'night', 'sumsq', 'jumps']);
}

/** The named columns of a numeric result, typed. */
function numericColumns<K extends string>(result: NumericColumns, names: readonly K[]): { rowCount: number; columns: Record<K, Float64Array> } {
  const columns = {} as Record<K, Float64Array>;
  for (const name of names) columns[name] = result.columns[name];
  return { rowCount: result.rowCount, columns };
}

/**
 * Mean import kWh per interval by meter, block of `blockDays` days counted from the meter's first
 * day with readings, and local hour.
 */
export async function queryProfiles(wh: Warehouse, options: UsageQueryOptions, blockDays: number): Promise<ProfileRow[]> {
  const { rowCount, columns: c } = await queryProfileColumns(wh, options, blockDays);
  return Array.from({ length: rowCount }, (_, i) => ({ meter_id: c.meter_id[i], block: c.block[i], hour: c.hour[i], kwh: c.kwh[i] }));
}

/** `queryProfiles` column by column. */
export async function queryProfileColumns(wh: Warehouse, options: UsageQueryOptions, blockDays: number): Promise<ProfileColumns> {
  const range = combine(rangeFilter('r.ts', options), await meterIdRange(wh, 'r.meter_id', options));
  const sql = `
    SELECT meter_id, block, hour, avg(kwh) AS kwh
    FROM (
      SELECT meter_id, floor((day - first_day) / ?) AS block, hour, kwh
      FROM (
        SELECT r.meter_id AS meter_id, ${localDayExpr(wh, 'r.ts')} AS day, CAST(${wh.dialect.localHour('r.ts', options.utcOffsetMinutes)} AS INTEGER) AS hour,
          r.kwh AS kwh, min(${localDayExpr(wh, 'r.ts')}) OVER (PARTITION BY r.meter_id) AS first_day
        FROM readings r
        WHERE r.channel = 1 AND r.kwh IS NOT NULL AND r.kwh >= 0 AND r.quality <> 3${range.sql}
      ) x
    ) y
    GROUP BY meter_id, block, hour`;
  const offset = options.utcOffsetMinutes * 60_000;
  return numericColumns(await wh.queryNumeric(sql, [blockDays, offset, offset, ...range.params]), ['meter_id', 'block', 'hour', 'kwh']);
}
