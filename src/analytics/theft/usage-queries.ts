import type { SqlParam, Warehouse } from '../../warehouse/warehouse.js';

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
  const range = combine(rangeFilter('r.ts', options), areaFilter('r.meter_id', 'meter', options));
  const hour = wh.dialect.localHour('r.ts', options.utcOffsetMinutes);
  const sql = `
    SELECT meter_id, channel, day, count(*) AS n,
      sum(CASE WHEN kwh > 0 THEN kwh ELSE 0 END) AS kwh,
      sum(CASE WHEN kwh < 0 THEN 1 ELSE 0 END) AS negatives,
      sum(CASE WHEN kwh >= 0 AND kwh <= ? THEN 1 ELSE 0 END) AS zeros,
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
  // Column-wise read: no driver object per row (millions of meter-days on a big store).
  const { rowCount, columns: c } = await wh.queryNumeric(sql, params);
  return Array.from({ length: rowCount }, (_, i) => ({
    meter_id: c.meter_id[i], channel: c.channel[i], day: c.day[i], n: c.n[i], kwh: c.kwh[i],
    negatives: c.negatives[i], zeros: c.zeros[i], night: c.night[i], sumsq: c.sumsq[i], jumps: c.jumps[i],
  }));
}

/**
 * Mean import kWh per interval by meter, block of `blockDays` days counted from the meter's first
 * day with readings, and local hour.
 */
export async function queryProfiles(wh: Warehouse, options: UsageQueryOptions, blockDays: number): Promise<ProfileRow[]> {
  const range = combine(rangeFilter('r.ts', options), areaFilter('r.meter_id', 'meter', options));
  const sql = `
    SELECT meter_id, block, hour, avg(kwh) AS kwh
    FROM (
      SELECT meter_id, floor((day - first_day) / ?) AS block, hour, kwh
      FROM (
        SELECT r.meter_id AS meter_id, ${localDayExpr(wh, 'r.ts')} AS day, ${wh.dialect.localHour('r.ts', options.utcOffsetMinutes)} AS hour,
          r.kwh AS kwh, min(${localDayExpr(wh, 'r.ts')}) OVER (PARTITION BY r.meter_id) AS first_day
        FROM readings r
        WHERE r.channel = 1 AND r.kwh IS NOT NULL AND r.kwh >= 0 AND r.quality <> 3${range.sql}
      ) x
    ) y
    GROUP BY meter_id, block, hour`;
  const offset = options.utcOffsetMinutes * 60_000;
  const { rowCount, columns: c } = await wh.queryNumeric(sql, [blockDays, offset, offset, ...range.params]);
  return Array.from({ length: rowCount }, (_, i) => ({ meter_id: c.meter_id[i], block: c.block[i], hour: c.hour[i], kwh: c.kwh[i] }));
}
