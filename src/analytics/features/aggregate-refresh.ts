import { DayKind, MS_PER_DAY, WorkCalendar, isoDateOfEpochDay } from '../../core/time/index.js';
import type { SqlParam, Warehouse } from '../../warehouse/warehouse.js';
import { chunkTables, rangeSql, type CustomerChunk } from './customer-chunks.js';
import { EXPORT_CHANNEL, IMPORT_CHANNEL, QUALITY_MISSING } from './load-shape.js';

/** Options of the warehouse-side aggregation. */
export interface AggregateOptions {
  /** UTC offset of the local calendar, minutes. */
  readonly utcOffsetMinutes: number;
  /** First local epoch day to recompute (inclusive). */
  readonly fromDay: number;
  /** Local epoch day to stop at (exclusive). */
  readonly toDay: number;
  /** Mean power (kW) at or above which an evening/night hour counts toward an EV charging block. */
  readonly evThresholdKw: number;
  /** Weather station for the daily mean temperature; all stations averaged when unset. */
  readonly stationId?: string;
  /** Only these customers (all when unset). */
  readonly chunk?: CustomerChunk;
}

function deleteRange(table: string, column: string, from: string, to: string, chunk: CustomerChunk | undefined): { sql: string; params: SqlParam[] } {
  const r = chunk ? rangeSql('customer_id', chunk) : { sql: '', params: [] };
  return { sql: `DELETE FROM ${table} WHERE ${column} >= CAST(? AS DATE) AND ${column} < CAST(? AS DATE)${r.sql ? ` AND ${r.sql}` : ''}`, params: [from, to, ...r.params] };
}

const QUALITY_ESTIMATED = 1;
const QUALITY_EDITED = 2;

/** Local epoch day of the first day of the month containing `day`. */
export function monthStartDay(day: number): number {
  const d = new Date(day * MS_PER_DAY);
  return Math.floor(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / MS_PER_DAY);
}

/** `[from, to)` bounds in UTC for local epoch days. */
function utcBounds(fromDay: number, toDay: number, offsetMinutes: number): [Date, Date] {
  const shift = offsetMinutes * 60_000;
  return [new Date(fromDay * MS_PER_DAY - shift), new Date(toDay * MS_PER_DAY - shift)];
}

function localMsExpr(wh: Warehouse, ts: string, offsetMinutes: number): string {
  return `(${wh.dialect.epochMs(ts)} + ${Math.round(offsetMinutes) * 60_000})`;
}

/**
 * Recomputes `customer_day_features` for the local days [fromDay, toDay): deletes them and inserts
 * one aggregation over readings → meters (and weather) done by the warehouse. Returns rows written.
 */
export async function refreshDayFeatures(wh: Warehouse, options: AggregateOptions): Promise<number> {
  const { fromDay, toDay, utcOffsetMinutes: offset } = options;
  if (toDay <= fromDay) return 0;
  const [from, to] = utcBounds(fromDay, toDay, offset);
  const lms = localMsExpr(wh, 'r.ts', offset);
  const wms = localMsExpr(wh, 'w.ts', offset);
  const stationFilter = options.stationId === undefined ? '' : ' AND w.station_id = ?';
  if (options.chunk && options.chunk.meterLo === null) return 0;
  const scope = chunkTables(options.chunk, ['meters', 'readings']);
  const meterScope = chunkTables(options.chunk, ['meters']);
  // Which kinds of meters the chunk has decides the shape of the query: each CTE is then read once
  // and DuckDB streams it instead of materialising it (a copy of every reading, then of every day).
  const [kinds] = await wh.query<{ daily: number | bigint; sub: number | bigint; multi: number | bigint }>(`
    WITH ${meterScope.ctes}
    SELECT count(*) FILTER (WHERE interval_minutes = 1440 AND channels = 'import') AS daily,
      count(*) FILTER (WHERE NOT (interval_minutes = 1440 AND channels = 'import')) AS sub,
      count(*) - count(DISTINCT customer_id) AS multi
    FROM meters_c`, meterScope.params);
  const hasDaily = Number(kinds?.daily ?? 0) > 0, hasSub = Number(kinds?.sub ?? 0) > 0, multi = Number(kinds?.multi ?? 0) > 0;
  const del = deleteRange('customer_day_features', 'day', isoDateOfEpochDay(fromDay), isoDateOfEpochDay(toDay), options.chunk);
  await wh.run(del.sql, del.params);
  if (!hasDaily && !hasSub) return 0;
  const params: SqlParam[] = [...scope.params, from, to];
  const meterDay: string[] = [];
  if (hasDaily) {
    meterDay.push(`
      -- daily import-only meters: one reading per meter and day already, no aggregation needed
      SELECT meter_id, d, CASE WHEN ok THEN kwh ELSE 0 END AS kwh, 0.0 AS export_kwh, CASE WHEN ok THEN 1 ELSE 0 END AS intervals,
        1 AS expected_intervals, CASE WHEN ok AND quality IN (${QUALITY_ESTIMATED}, ${QUALITY_EDITED}) THEN 1 ELSE 0 END AS estimated,
        CASE WHEN ok THEN kwh / 24.0 END AS peak_kw, 0.0 AS night_kwh, 0.0 AS valley_kwh, 0.0 AS ev_hours
      FROM src WHERE daily AND channel = ${IMPORT_CHANNEL}`);
  }
  if (hasSub) {
    meterDay.push(`
      SELECT meter_id, d,
        sum(CASE WHEN ok THEN kwh ELSE 0 END) AS kwh,
        sum(CASE WHEN channel = ${EXPORT_CHANNEL} AND quality <> ${QUALITY_MISSING} AND kwh > 0 THEN kwh ELSE 0 END) AS export_kwh,
        sum(CASE WHEN ok THEN 1 ELSE 0 END) AS intervals,
        max(1440 // im) AS expected_intervals,
        sum(CASE WHEN ok AND quality IN (${QUALITY_ESTIMATED}, ${QUALITY_EDITED}) THEN 1 ELSE 0 END) AS estimated,
        max(CASE WHEN ok THEN kwh * 60.0 / im END) AS peak_kw,
        sum(CASE WHEN ok AND (hour >= 22 OR hour < 6) THEN kwh ELSE 0 END) AS night_kwh,
        sum(CASE WHEN ok AND (hour >= 22 OR hour < 8) THEN kwh ELSE 0 END) AS valley_kwh,
        sum(CASE WHEN ok AND (hour >= 18 OR hour < 6) AND kwh * 60.0 / im >= ? THEN im / 60.0 ELSE 0 END) AS ev_hours
      FROM src WHERE NOT daily GROUP BY meter_id, d`);
    params.push(options.evThresholdKw);
  }
  params.push(from, to);
  if (options.stationId !== undefined) params.push(options.stationId);
  const single = `
      SELECT m.customer_id AS customer_id, md.d AS d, md.kwh AS kwh, md.export_kwh AS export_kwh, md.intervals AS intervals,
        md.expected_intervals AS expected_intervals, md.estimated AS estimated, coalesce(md.peak_kw, 0) AS peak_kw,
        md.night_kwh AS night_kwh, md.valley_kwh AS valley_kwh, md.ev_hours AS ev_hours
      FROM meter_day md JOIN meters_c m ON m.meter_id = md.meter_id`;
  // Aggregate on integer keys (meter, day) first, attach the customer after; only customers with
  // several meters need a second aggregation.
  const sql = `
    INSERT INTO customer_day_features
    WITH ${scope.ctes},
    src AS (
      SELECT r.meter_id AS meter_id, r.channel AS channel, r.kwh AS kwh, r.quality AS quality, m.im AS im, m.daily AS daily,
        CAST(floor(${lms} / ${MS_PER_DAY}) AS INTEGER) AS d,
        ${hasSub ? `CAST(floor((${lms} % ${MS_PER_DAY}) / 3600000) AS INTEGER)` : 'NULL'} AS hour,
        r.channel = ${IMPORT_CHANNEL} AND r.quality <> ${QUALITY_MISSING} AND r.kwh IS NOT NULL AS ok
      FROM readings_c r JOIN (
        SELECT meter_id, greatest(interval_minutes, 1) AS im, interval_minutes = 1440 AND channels = 'import' AS daily FROM meters_c
      ) m ON m.meter_id = r.meter_id
      WHERE r.ts >= ? AND r.ts < ? AND r.channel IN (${hasSub ? `${IMPORT_CHANNEL}, ${EXPORT_CHANNEL}` : IMPORT_CHANNEL})
    ),
    meter_day AS (${meterDay.join('\n      UNION ALL')}
    ),
    temps AS (
      SELECT CAST(floor(${wms} / ${MS_PER_DAY}) AS INTEGER) AS d, avg(w.temperature_c) AS t
      FROM weather w WHERE w.ts >= ? AND w.ts < ?${stationFilter} AND w.temperature_c IS NOT NULL GROUP BY 1
    ),
    cd AS (${multi ? `
      WITH owner AS (SELECT meter_id, customer_id, count(*) OVER (PARTITION BY customer_id) > 1 AS multi FROM meters_c)
      SELECT o.customer_id AS customer_id, md.d AS d, md.kwh AS kwh, md.export_kwh AS export_kwh, md.intervals AS intervals,
        md.expected_intervals AS expected_intervals, md.estimated AS estimated, coalesce(md.peak_kw, 0) AS peak_kw,
        md.night_kwh AS night_kwh, md.valley_kwh AS valley_kwh, md.ev_hours AS ev_hours
      FROM meter_day md JOIN owner o ON o.meter_id = md.meter_id WHERE NOT o.multi
      UNION ALL
      SELECT o.customer_id, md.d, sum(md.kwh), sum(md.export_kwh), sum(md.intervals), sum(md.expected_intervals), sum(md.estimated),
        coalesce(max(md.peak_kw), 0), sum(md.night_kwh), sum(md.valley_kwh), max(md.ev_hours)
      FROM meter_day md JOIN owner o ON o.meter_id = md.meter_id WHERE o.multi GROUP BY o.customer_id, md.d` : single}
    )
    SELECT cd.customer_id, CAST(DATE '1970-01-01' + cd.d AS DATE), cd.kwh, cd.export_kwh, CAST(cd.intervals AS INTEGER),
      CAST(cd.expected_intervals AS INTEGER), CAST(cd.estimated AS INTEGER), CAST(cd.expected_intervals - cd.intervals AS INTEGER),
      cd.peak_kw, cd.night_kwh, cd.valley_kwh, cd.ev_hours, t.t
    FROM cd LEFT JOIN temps t ON t.d = cd.d`;
  await wh.run(sql, params);
  const cnt = deleteRange('customer_day_features', 'day', isoDateOfEpochDay(fromDay), isoDateOfEpochDay(toDay), options.chunk);
  const [{ n }] = await wh.query<{ n: number }>(cnt.sql.replace('DELETE FROM', 'SELECT count(*) AS n FROM'), cnt.params);
  return Number(n);
}

/** ISO dates of the rest days (weekends and statutory holidays, make-up working days excluded) in [fromDay, toDay). */
export function restDays(fromDay: number, toDay: number, calendar = new WorkCalendar()): string[] {
  const out: string[] = [];
  for (let d = fromDay; d < toDay; d++) if (calendar.dayKind(d) !== DayKind.workday) out.push(isoDateOfEpochDay(d));
  return out;
}

/**
 * Recomputes `customer_month_features` for the months from the one containing `fromDay` up to
 * `toDay`: day sums from `customer_day_features`, the hourly profile from readings of those months
 * only. Returns rows written.
 */
export async function refreshMonthFeatures(wh: Warehouse, options: AggregateOptions): Promise<number> {
  const { toDay, utcOffsetMinutes: offset } = options;
  const fromDay = monthStartDay(options.fromDay);
  if (toDay <= fromDay) return 0;
  const [from, to] = utcBounds(fromDay, toDay, offset);
  const fromIso = isoDateOfEpochDay(fromDay), toIso = isoDateOfEpochDay(toDay);
  const rest = restDays(fromDay, toDay);
  const restList = rest.length ? rest.map(() => 'CAST(? AS DATE)').join(', ') : 'NULL';
  const lms = localMsExpr(wh, 'r.ts', offset);
  const hourCols = Array.from({ length: 24 }, (_, h) => `coalesce(sum(CASE WHEN hour = ${h} THEN mean_kwh END), 0) AS ${hourCol(h)}`).join(', ');
  const scope = chunkTables(options.chunk, ['meters', 'readings', 'customer_day_features']);
  const del = deleteRange('customer_month_features', 'month', fromIso, toIso, options.chunk);
  await wh.run(del.sql, del.params);
  // Daily meters have no hourly profile: without sub-daily meters the readings are not read at all.
  const meterScope = chunkTables(options.chunk, ['meters']);
  const [sub] = await wh.query<{ n: number | bigint }>(`WITH ${meterScope.ctes} SELECT count(*) AS n FROM meters_c WHERE interval_minutes < 1440`, meterScope.params);
  const hourly = Number(sub?.n ?? 0) > 0;
  const hp = hourly ? `
    src AS (
      SELECT m.customer_id AS customer_id, r.meter_id AS meter_id, r.kwh AS kwh, 60.0 / greatest(m.interval_minutes, 1) AS per_hour,
        CAST(date_trunc('month', CAST(DATE '1970-01-01' + CAST(floor(${lms} / ${MS_PER_DAY}) AS INTEGER) AS DATE)) AS DATE) AS month,
        CAST(floor((${lms} % ${MS_PER_DAY}) / 3600000) AS INTEGER) AS hour
      FROM readings_c r JOIN meters_c m ON m.meter_id = r.meter_id
      WHERE r.ts >= ? AND r.ts < ? AND r.channel = ${IMPORT_CHANNEL} AND r.quality <> ${QUALITY_MISSING} AND r.kwh IS NOT NULL
        AND m.interval_minutes < 1440 -- daily meters have no hourly profile
    ),
    mh AS (
      SELECT customer_id, month, hour, sum(mean_kwh) AS mean_kwh FROM (
        SELECT customer_id, meter_id, month, hour, sum(kwh) / count(*) * min(per_hour) AS mean_kwh FROM src GROUP BY 1, 2, 3, 4
      ) GROUP BY 1, 2, 3
    ),
    hp AS (SELECT customer_id, month, ${hourCols} FROM mh GROUP BY 1, 2)` : `
    hp AS (SELECT NULL::VARCHAR AS customer_id, NULL::DATE AS month, ${Array.from({ length: 24 }, (_, h) => `0.0 AS ${hourCol(h)}`).join(', ')} WHERE false)`;
  const sql = `
    INSERT INTO customer_month_features
    WITH ${scope.ctes},
    dm AS (
      SELECT customer_id, CAST(date_trunc('month', day) AS DATE) AS month,
        CAST(sum(CASE WHEN intervals > 0 THEN 1 ELSE 0 END) AS INTEGER) AS days,
        sum(kwh) AS kwh, sum(export_kwh) AS export_kwh, max(peak_kw) AS peak_kw, sum(night_kwh) AS night_kwh, sum(valley_kwh) AS valley_kwh,
        sum(CASE WHEN is_rest THEN 0 ELSE kwh END) AS workday_kwh, CAST(sum(CASE WHEN is_rest OR intervals = 0 THEN 0 ELSE 1 END) AS INTEGER) AS workdays,
        sum(CASE WHEN is_rest THEN kwh ELSE 0 END) AS restday_kwh, CAST(sum(CASE WHEN is_rest AND intervals > 0 THEN 1 ELSE 0 END) AS INTEGER) AS restdays,
        CAST(sum(CASE WHEN ev_hours >= 1.5 THEN 1 ELSE 0 END) AS INTEGER) AS ev_days,
        CAST(sum(CASE WHEN export_kwh > 0 THEN 1 ELSE 0 END) AS INTEGER) AS export_days,
        CAST(sum(intervals) AS INTEGER) AS intervals, CAST(sum(expected_intervals) AS INTEGER) AS expected_intervals,
        CAST(sum(estimated) AS INTEGER) AS estimated, CAST(sum(missing) AS INTEGER) AS missing
      FROM (SELECT *, day IN (${restList}) AS is_rest FROM customer_day_features_c WHERE day >= CAST(? AS DATE) AND day < CAST(? AS DATE))
      GROUP BY 1, 2
    ),${hp}
    SELECT dm.customer_id, dm.month, dm.days, dm.kwh, dm.export_kwh, CASE WHEN dm.days > 0 THEN dm.kwh / dm.days ELSE 0 END,
      dm.peak_kw, dm.night_kwh, dm.valley_kwh, dm.workday_kwh, dm.workdays, dm.restday_kwh, dm.restdays, dm.ev_days, dm.export_days,
      dm.intervals, dm.expected_intervals, dm.estimated, dm.missing, ${Array.from({ length: 24 }, (_, h) => `coalesce(hp.${hourCol(h)}, 0)`).join(', ')}
    FROM dm LEFT JOIN hp ON hp.customer_id = dm.customer_id AND hp.month = dm.month`;
  await wh.run(sql, [...scope.params, ...rest, fromIso, toIso, ...(hourly ? [from, to] : [])]);
  const cnt = deleteRange('customer_month_features', 'month', fromIso, toIso, options.chunk);
  const [{ n }] = await wh.query<{ n: number }>(cnt.sql.replace('DELETE FROM', 'SELECT count(*) AS n FROM'), cnt.params);
  return Number(n);
}

export function hourCol(h: number): string {
  return `h${String(h).padStart(2, '0')}`;
}
