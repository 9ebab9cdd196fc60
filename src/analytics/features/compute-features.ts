import { ValidationError } from '../../core/errors.js';
import type { ProgressListener } from '../../core/record-batch.js';
import { MS_PER_DAY, epochDay, isoDateOfEpochDay } from '../../core/time/index.js';
import { findTable, analyticsTables, columnNames } from '../../warehouse/schema/index.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import { monthStartDay, refreshDayFeatures, refreshMonthFeatures } from './aggregate-refresh.js';
import { computeCustomerFeatureRows, featureBatch, FEATURE_VERSION, type CustomerFeatureRow } from './customer-features.js';
import { customerChunks } from './customer-chunks.js';
import { zoneOffsetMinutes } from './load-shape.js';

/** Readings per chunk of the warehouse aggregations: bounds their memory. */
const CHUNK_READINGS = 8_000_000;
/** Customers per chunk of the customer feature query. */
const CUSTOMER_CHUNK = 20_000;

export interface ComputeFeaturesOptions {
  /** Recompute the daily aggregates from this local date (YYYY-MM-DD) on; default: incremental from the last stored day. */
  readonly from?: string;
  /** Stop before this local date (exclusive); default: the day after the last reading. The features are as of the day before. */
  readonly to?: string;
  /** Recompute every aggregate from the first reading. */
  readonly full?: boolean;
  /** Local calendar (default Asia/Shanghai). */
  readonly timeZone?: string;
  /** Feature window in days, ending at the as-of day (default 365). */
  readonly windowDays?: number;
  /** Mean power (kW) of an evening/night hour that counts toward an EV charging block (default 4). */
  readonly evThresholdKw?: number;
  /** Weather station for temperatures; all stations averaged when unset. */
  readonly stationId?: string;
  readonly onProgress?: ProgressListener;
  readonly now?: Date;
  /** Customers per chunk of every aggregation (default: sized from the readings per chunk); bounds memory. */
  readonly chunkCustomers?: number;
}

export interface ComputeFeaturesResult {
  readonly customers: number;
  readonly dayRows: number;
  readonly monthRows: number;
  /** First local day whose aggregates were recomputed, and the end (exclusive). */
  readonly recomputedFrom: string | null;
  readonly recomputedTo: string | null;
  readonly incremental: boolean;
  readonly asOf: string | null;
  readonly featureVersion: number;
  /** Whether the store had interval readings (otherwise only non-load features were computed). */
  readonly hasReadings: boolean;
  readonly seconds: number;
  /** The rows written to customer_features (for the tag catalogue and callers that continue in memory). */
  readonly rows: CustomerFeatureRow[];
}

const featureColumns = columnNames(findTable(analyticsTables, 'customer_features')!);

function parseDay(name: string, iso: string | undefined): number | undefined {
  if (iso === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || Number.isNaN(Date.parse(`${iso}T00:00:00Z`))) throw new ValidationError(`${name}: not a date (YYYY-MM-DD): ${iso}`);
  return epochDay(iso);
}

/**
 * The feature store refresh: daily aggregates from `from` (or incrementally from the last stored
 * day), the months they touch, then every customer's feature vector for the window ending the day
 * before `to`. All heavy aggregation runs in the warehouse.
 */
export async function computeFeatures(wh: Warehouse, options: ComputeFeaturesOptions = {}): Promise<ComputeFeaturesResult> {
  const started = performance.now();
  const timeZone = options.timeZone ?? 'Asia/Shanghai';
  const windowDays = options.windowDays ?? 365;
  if (!Number.isInteger(windowDays) || windowDays < 1) throw new ValidationError(`windowDays: must be a positive whole number of days, got ${windowDays}`);
  const evThresholdKw = options.evThresholdKw ?? 4;
  if (!(evThresholdKw > 0)) throw new ValidationError(`evThresholdKw: must be positive, got ${evThresholdKw}`);
  const offset = zoneOffsetMinutes(timeZone);
  const fromArg = parseDay('from', options.from);
  const toArg = parseDay('to', options.to);
  if (fromArg !== undefined && toArg !== undefined && fromArg >= toArg) throw new ValidationError(`from: ${options.from} is not before to: ${options.to}`);
  const progress = (phase: string, done: number, total: number) => options.onProgress?.({ phase, done, total });

  const [span] = await wh.query<{ lo: number | null; hi: number | null }>(
    `SELECT min(${wh.dialect.epochMs('ts')}) AS lo, max(${wh.dialect.epochMs('ts')}) AS hi FROM readings`,
  );
  const localDay = (ms: number) => Math.floor((ms + offset * 60_000) / MS_PER_DAY);
  const firstDay = span?.lo == null ? undefined : localDay(Number(span.lo));
  const lastDay = span?.hi == null ? undefined : localDay(Number(span.hi));
  const today = Math.floor(((options.now ?? new Date()).getTime() + offset * 60_000) / MS_PER_DAY);
  // Without readings the non-load features (billing, payments, service, events) are still computed, as of today.
  const toDay: number | undefined = toArg ?? (lastDay === undefined ? today + 1 : lastDay + 1);
  let fromDay: number | undefined;
  let incremental = false;
  if (options.full) {
    await wh.run('DELETE FROM customer_day_features');
    await wh.run('DELETE FROM customer_month_features');
    fromDay = firstDay;
  } else if (fromArg !== undefined) fromDay = fromArg;
  else {
    const [{ last }] = await wh.query<{ last: string | null }>('SELECT CAST(max(day) AS VARCHAR) AS last FROM customer_day_features');
    incremental = last !== null;
    fromDay = last !== null ? epochDay(last) : firstDay;
  }
  let dayRows = 0, monthRows = 0;
  if (fromDay !== undefined && toDay !== undefined && fromDay < toDay) {
    const agg = { utcOffsetMinutes: offset, fromDay, toDay, evThresholdKw, stationId: options.stationId };
    const [{ im }] = await wh.query<{ im: number | null }>('SELECT min(interval_minutes) AS im FROM meters');
    const perDay = Math.max(1, Math.ceil(1440 / Math.max(1, Number(im ?? 1440))));
    const monthDays = toDay - monthStartDay(fromDay);
    const chunks = await customerChunks(wh, options.chunkCustomers ?? Math.min(50_000, Math.max(200, Math.floor(CHUNK_READINGS / (monthDays * perDay)))));
    for (const [i, chunk] of chunks.entries()) {
      progress('days', i, chunks.length);
      dayRows += await refreshDayFeatures(wh, { ...agg, chunk });
    }
    for (const [i, chunk] of chunks.entries()) {
      progress('months', i, chunks.length);
      monthRows += await refreshMonthFeatures(wh, { ...agg, chunk });
    }
  }
  const rows: CustomerFeatureRow[] = [];
  let asOf: string | null = null;
  if (toDay !== undefined) {
    const asOfDay = toDay - 1;
    asOf = isoDateOfEpochDay(asOfDay);
    const chunks = await customerChunks(wh, options.chunkCustomers ?? CUSTOMER_CHUNK);
    for (const [i, chunk] of chunks.entries()) {
      progress('customers', i, chunks.length);
      for (const row of await computeCustomerFeatureRows(wh, { asOfDay, windowDays, utcOffsetMinutes: offset, now: options.now, chunk })) rows.push(row);
    }
    progress('write', 0, 1);
    await wh.run('DELETE FROM customer_features WHERE as_of = CAST(? AS DATE) AND feature_version = ?', [asOf, FEATURE_VERSION]);
    if (rows.length) await wh.append('customer_features', featureBatch(rows, featureColumns));
  }
  progress('done', 1, 1);
  return {
    customers: rows.length, dayRows, monthRows,
    recomputedFrom: fromDay !== undefined && toDay !== undefined && fromDay < toDay ? isoDateOfEpochDay(fromDay) : null,
    recomputedTo: fromDay !== undefined && toDay !== undefined && fromDay < toDay ? isoDateOfEpochDay(toDay) : null,
    incremental, asOf, featureVersion: FEATURE_VERSION, hasReadings: firstDay !== undefined, seconds: (performance.now() - started) / 1000, rows,
  };
}


