import { ChinaHolidayCalendar, LoadPanel, noHolidays, type HolidayCalendar } from '../analytics/forecast/index.js';
import { InsufficientDataError, ValidationError } from '../core/errors.js';
import { Channel, Quality } from '../core/schemas/meter.js';
import { MS_PER_DAY, MS_PER_HOUR } from '../core/time/index.js';
import type { SqlParam, Warehouse } from '../warehouse/warehouse.js';

/** What a forecast is made for: one customer, transformer area, district or the whole system per series. */
export const FORECAST_SCOPES = ['customer', 'area', 'region', 'system'] as const;
export type ForecastScope = (typeof FORECAST_SCOPES)[number];

/** Hourly net load (import − export) of every series of a scope, and the hourly temperature. */
export interface StoredPanel {
  readonly panel: LoadPanel;
  /** End of the last hour with data (epoch ms, UTC). */
  readonly dataEnd: number;
  /** The rows of the panel up to `dataEnd` (the panel may extend further with unknown load). */
  readonly knownRows: number;
  readonly timeZone: string;
  /** Series-hours left unknown because fewer than 75% of the usual readings arrived. */
  readonly incompleteHours: number;
}

export interface PanelQueryOptions {
  readonly scope: ForecastScope;
  /** Days of history read before the end of the data. */
  readonly historyDays: number;
  /** Hours after the end of the data the panel is extended by (the forecast horizon and any gap). */
  readonly extendHours: number;
  /** Only these series ids (all when absent). */
  readonly ids?: readonly string[];
}

/** An hour with at least this share of a series' usual readings is scaled up to the usual count; with fewer it is unknown. */
const MIN_COMPLETENESS = 0.75;

/** Net energy of a reading: export counts negative. */
const NET_KWH = `CASE WHEN r.channel = ${Channel.export} THEN -r.kwh ELSE r.kwh END`;
const GOOD_READING = `r.quality <> ${Quality.missing} AND r.kwh IS NOT NULL`;

/** SQL of (id, hour start in epoch ms, kWh, readings) per series and hour of a scope since a timestamp. */
function scopeSql(wh: Warehouse, scope: ForecastScope, ids: readonly string[] | undefined): { sql: string; idFilter: string } {
  const hour = (ts: string) => wh.dialect.epochMs(wh.dialect.truncate('hour', ts));
  const inIds = ids ? ` AND id IN (${ids.map(() => '?').join(', ')})` : '';
  const customers = (idExpr: string, join: string) =>
    `SELECT ${idExpr} AS id, ${hour('r.ts')} AS t, sum(${NET_KWH}) AS kwh, count(*) AS n
       FROM readings r JOIN meters m ON m.meter_id = r.meter_id ${join}
      WHERE r.ts >= ? AND ${GOOD_READING} GROUP BY 1, 2`;
  if (scope === 'customer') return { sql: customers('m.customer_id', ''), idFilter: inIds };
  if (scope === 'region') return { sql: customers('c.district', 'JOIN customers c ON c.customer_id = m.customer_id'), idFilter: inIds };
  if (scope === 'system') return { sql: customers(`'system'`, ''), idFilter: inIds };
  return {
    sql: `SELECT area_id AS id, ${hour('ts')} AS t, sum(kwh) AS kwh, count(*) AS n FROM area_readings WHERE ts >= ? GROUP BY 1, 2
          UNION ALL
          SELECT * FROM (${customers('m.area_id', '')}) WHERE id NOT IN (SELECT DISTINCT area_id FROM area_readings)`,
    idFilter: inIds,
  };
}

/** The latest reading time of a scope's source tables (UTC epoch ms), or undefined when empty. */
async function lastReading(wh: Warehouse, scope: ForecastScope): Promise<number | undefined> {
  const readings = await wh.query<{ t: number | null }>(`SELECT ${wh.dialect.epochMs('max(ts)')} AS t FROM readings`);
  let last = readings[0]?.t ?? null;
  if (scope === 'area') {
    const areas = await wh.query<{ t: number | null }>(`SELECT ${wh.dialect.epochMs('max(ts)')} AS t FROM area_readings`);
    const t = areas[0]?.t ?? null;
    if (t !== null && (last === null || Number(t) > Number(last))) last = t;
  }
  return last === null ? undefined : Number(last);
}

/** The customers' most common time zone (default Asia/Shanghai) and its holiday calendar. */
async function calendarOf(wh: Warehouse): Promise<{ timeZone: string; holidays: HolidayCalendar }> {
  const rows = await wh.query<{ tz: string | null }>('SELECT time_zone AS tz FROM customers GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1');
  const timeZone = rows[0]?.tz ?? 'Asia/Shanghai';
  return { timeZone, holidays: CHINA_ZONES.has(timeZone) ? new ChinaHolidayCalendar() : noHolidays };
}

const CHINA_ZONES = new Set(['Asia/Shanghai', 'Asia/Chongqing', 'Asia/Harbin', 'Asia/Urumqi', 'PRC']);

/**
 * Reads the hourly net load of every series of a scope for the last `historyDays` days, on one
 * grid that runs `extendHours` past the end of the data. An hour with fewer readings than the
 * series usually has (meters missing some intervals) is scaled up to the usual count when at least
 * 75% arrived, and left unknown otherwise, rather than understated.
 */
export async function loadStoredPanel(wh: Warehouse, options: PanelQueryOptions): Promise<StoredPanel> {
  const last = await lastReading(wh, options.scope);
  if (last === undefined) throw new InsufficientDataError(`readings for a ${options.scope} forecast (the store has none)`, 0, 1);
  const dataEnd = Math.floor(last / MS_PER_HOUR) * MS_PER_HOUR + MS_PER_HOUR;
  const start = dataEnd - options.historyDays * MS_PER_DAY;
  const knownRows = (dataEnd - start) / MS_PER_HOUR;
  const length = knownRows + options.extendHours;
  const { sql, idFilter } = scopeSql(wh, options.scope, options.ids);
  const params: SqlParam[] = options.scope === 'area' ? [new Date(start), new Date(start)] : [new Date(start)];
  const sums = new Map<string, { kwh: Float64Array; n: Int32Array }>();
  // One row per series with its hours as lists: far fewer JS objects than one row per series-hour.
  const hourIndex = `CAST((t - CAST(? AS BIGINT)) / ${MS_PER_HOUR} AS INTEGER)`;
  const perSeries = `SELECT id, list(${hourIndex}) AS i, list(kwh) AS kwh, list(CAST(n AS INTEGER)) AS n FROM (${sql}) WHERE id IS NOT NULL${idFilter} GROUP BY id`;
  for await (const batch of wh.stream<{ id: string; i: number[]; kwh: number[]; n: number[] }>(perSeries, [start, ...params, ...(options.ids ?? [])], 200)) {
    for (const row of batch) {
      const entry = { kwh: new Float64Array(length).fill(Number.NaN), n: new Int32Array(length) };
      sums.set(row.id, entry);
      row.i.forEach((i, k) => {
        entry.kwh[i] = row.kwh[k];
        entry.n[i] = row.n[k];
      });
    }
  }
  if (sums.size === 0) throw new ValidationError(options.ids ? `no ${options.scope} series ${options.ids.join(', ')} with readings in the store` : `no ${options.scope} readings in the last ${options.historyDays} days`, { scope: options.scope });
  const ids = [...sums.keys()].sort();
  let incompleteHours = 0;
  const loads = ids.map((id) => {
    const { kwh, n } = sums.get(id) as { kwh: Float64Array; n: Int32Array };
    const usual = modeOfPositive(n);
    for (let i = 0; i < length; i++) {
      if (n[i] === 0 || n[i] >= usual) continue;
      if (n[i] >= MIN_COMPLETENESS * usual) kwh[i] *= usual / n[i];
      else {
        kwh[i] = Number.NaN;
        incompleteHours++;
      }
    }
    return kwh;
  });
  const { timeZone, holidays } = await calendarOf(wh);
  const timestamps = Float64Array.from({ length }, (_, i) => start + i * MS_PER_HOUR);
  const temperature = await hourlyTemperature(wh, start, length);
  const exogenous = temperature ? { temperature } : undefined;
  const panel = new LoadPanel({ timestamps, intervalMinutes: 60, ids, loads, exogenous, timeZone, holidays });
  return { panel, dataEnd, knownRows, timeZone, incompleteHours };
}

/** Hourly mean temperature over all stations on the grid; undefined when the store has no weather. */
async function hourlyTemperature(wh: Warehouse, start: number, length: number): Promise<Float64Array | undefined> {
  const hour = wh.dialect.epochMs(wh.dialect.truncate('hour', 'ts'));
  const rows = await wh.query<{ t: number; c: number }>(
    `SELECT ${hour} AS t, avg(temperature_c) AS c FROM weather WHERE ts >= ? AND ts < ? AND temperature_c IS NOT NULL GROUP BY 1`,
    [new Date(start), new Date(start + length * MS_PER_HOUR)],
  );
  if (rows.length === 0) return undefined;
  const values = new Float64Array(length).fill(Number.NaN);
  for (const row of rows) values[(Number(row.t) - start) / MS_PER_HOUR] = row.c;
  return values;
}

/** The most common positive count (ties: the larger). */
function modeOfPositive(counts: Int32Array): number {
  const freq = new Map<number, number>();
  for (const c of counts) if (c > 0) freq.set(c, (freq.get(c) ?? 0) + 1);
  let best = 0;
  let bestFreq = 0;
  for (const [c, f] of freq) if (f > bestFreq || (f === bestFreq && c > best)) [best, bestFreq] = [c, f];
  return best;
}
