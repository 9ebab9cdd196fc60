import { isoDateOfEpochDay } from '../../core/time/index.js';
import type { ColumnBatch } from '../../core/record-batch.js';
import type { SqlParam, Warehouse } from '../../warehouse/warehouse.js';
import { hourCol, monthStartDay, restDays } from './aggregate-refresh.js';
import { chunkTables, type CustomerChunk } from './customer-chunks.js';
import { normaliseShape } from './load-shape.js';
import { fitTemperatureResponse, type TemperatureBins } from './temperature-response.js';

/** Bumped whenever a feature definition changes; stored with every row. */
export const FEATURE_VERSION = 1;

/** Share of a day's expected intervals that must be present for the day to enter the temperature fit. */
const FULL_DAY_SHARE = 0.9;
/** A month enters seasonal and trend features only with this many days of data. */
const FULL_MONTH_DAYS = 20;
/** The trend needs a full year of months so that the seasons are not read as a trend. */
const TREND_MIN_MONTHS = 12;
/** Payment channels counted as digital. */
export const DIGITAL_PAYMENT_CHANNELS = ['app', 'wechat', 'alipay', 'web'] as const;

export interface CustomerFeatureOptions {
  /** Last local epoch day of the window. */
  readonly asOfDay: number;
  /** Window length in days (default 365). */
  readonly windowDays: number;
  readonly utcOffsetMinutes: number;
  /** Wall-clock time of the computation. */
  readonly now?: Date;
  /** Only these customers (all when unset). */
  readonly chunk?: CustomerChunk;
}

/** One customer's feature vector as stored in `customer_features`. */
export type CustomerFeatureRow = Record<string, string | number | boolean | null>;

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const ratio = (a: number | null, b: number | null): number | null => (a !== null && b !== null && b > 0 && Number.isFinite(a / b) ? a / b : null);

/**
 * Computes the customer feature vectors for the window ending at `asOfDay` from the day and month
 * aggregates and the billing, payment, service and event tables, all aggregated in the warehouse;
 * the temperature response is fitted here on per-degree bins. Returns one row per customer.
 */
export async function computeCustomerFeatureRows(wh: Warehouse, options: CustomerFeatureOptions): Promise<CustomerFeatureRow[]> {
  const winFrom = options.asOfDay - options.windowDays + 1;
  const fromIso = isoDateOfEpochDay(winFrom), toIso = isoDateOfEpochDay(options.asOfDay + 1), asOfIso = isoDateOfEpochDay(options.asOfDay);
  const monthFromIso = isoDateOfEpochDay(monthStartDay(winFrom));
  const shift = options.utcOffsetMinutes * 60_000;
  const utcFrom = new Date(winFrom * 86_400_000 - shift), utcTo = new Date((options.asOfDay + 1) * 86_400_000 - shift);
  const utc90 = new Date((options.asOfDay - 89) * 86_400_000 - shift);
  const rest = restDays(winFrom, options.asOfDay + 1);
  const restList = rest.length ? rest.map(() => 'CAST(? AS DATE)').join(', ') : 'NULL';
  const shapeSums = Array.from({ length: 24 }, (_, h) => `sum(${hourCol(h)} * days) AS ${hourCol(h)}`).join(', ');
  const digital = DIGITAL_PAYMENT_CHANNELS.map(() => '?').join(', ');
  const scope = chunkTables(options.chunk, ['customers', 'customer_day_features', 'customer_month_features', 'bills', 'payments', 'tickets', 'events']);
  const sql = `
    WITH ${scope.ctes},
    d AS (
      SELECT customer_id,
        sum(CASE WHEN intervals > 0 THEN 1 ELSE 0 END) AS days, min(day) AS first_day, max(day) AS last_day,
        sum(kwh) AS total_kwh, stddev_samp(CASE WHEN intervals > 0 THEN kwh END) AS sd_daily,
        greatest(coalesce(quantile_cont(CASE WHEN intervals > 0 THEN peak_kw END, 0.95), 0), coalesce(max(kwh / 24.0), 0)) AS peak_kw,
        sum(night_kwh) AS night_kwh, sum(valley_kwh) AS valley_kwh, sum(export_kwh) AS export_kwh,
        sum(CASE WHEN export_kwh > 0 THEN 1 ELSE 0 END) AS export_days, sum(CASE WHEN ev_hours >= 1.5 THEN 1 ELSE 0 END) AS ev_days,
        sum(intervals) AS intervals, max(expected_intervals) AS expected_per_day, sum(estimated) AS estimated,
        sum(CASE WHEN is_rest THEN 0 ELSE kwh END) AS workday_kwh, sum(CASE WHEN is_rest OR intervals = 0 THEN 0 ELSE 1 END) AS workdays,
        sum(CASE WHEN is_rest THEN kwh ELSE 0 END) AS restday_kwh, sum(CASE WHEN is_rest AND intervals > 0 THEN 1 ELSE 0 END) AS restdays
      FROM (SELECT *, day IN (${restList}) AS is_rest FROM customer_day_features_c WHERE day >= CAST(? AS DATE) AND day < CAST(? AS DATE))
      GROUP BY customer_id
    ),
    mo AS (
      SELECT customer_id,
        CASE WHEN count(*) FILTER (WHERE days >= ${FULL_MONTH_DAYS}) >= 2
          THEN (max(mean_daily_kwh) FILTER (WHERE days >= ${FULL_MONTH_DAYS}) - min(mean_daily_kwh) FILTER (WHERE days >= ${FULL_MONTH_DAYS}))
            / nullif(avg(mean_daily_kwh) FILTER (WHERE days >= ${FULL_MONTH_DAYS}), 0) END AS seasonal_amplitude,
        CASE WHEN count(*) FILTER (WHERE days >= ${FULL_MONTH_DAYS}) >= ${TREND_MIN_MONTHS}
          THEN 100 * regr_slope(mean_daily_kwh, year(month) * 12 + month(month)) FILTER (WHERE days >= ${FULL_MONTH_DAYS})
            / nullif(avg(mean_daily_kwh) FILTER (WHERE days >= ${FULL_MONTH_DAYS}), 0) END AS trend_pct_per_month,
        ${shapeSums}
      FROM customer_month_features_c WHERE month >= CAST(? AS DATE) AND month < CAST(? AS DATE) GROUP BY customer_id
    ),
    bl AS (
      SELECT customer_id, count(*) AS bills, avg(amount) AS avg_bill FROM bills_c
      WHERE period_start >= CAST(? AS DATE) AND period_start < CAST(? AS DATE) GROUP BY customer_id
    ),
    paid AS (
      SELECT bill_id, sum(amount) AS paid, min(paid_at) AS first_paid FROM payments_c
      WHERE status = 'settled' AND paid_at < ? GROUP BY bill_id
    ),
    ar AS (
      SELECT b.customer_id,
        sum(greatest(b.amount - coalesce(p.paid, 0), 0)) FILTER (WHERE b.due_date < CAST(? AS DATE)) AS arrears,
        avg(CASE WHEN p.first_paid IS NULL OR CAST(p.first_paid + INTERVAL ${Math.round(options.utcOffsetMinutes)} MINUTE AS DATE) > b.due_date THEN 1.0 ELSE 0.0 END)
          FILTER (WHERE b.due_date >= CAST(? AS DATE) AND b.due_date < CAST(? AS DATE)) AS late_share,
        avg(greatest(date_diff('day', b.due_date, CAST(p.first_paid + INTERVAL ${Math.round(options.utcOffsetMinutes)} MINUTE AS DATE)), 0))
          FILTER (WHERE p.first_paid IS NOT NULL AND b.due_date >= CAST(? AS DATE) AND b.due_date < CAST(? AS DATE)) AS days_late
      FROM bills_c b LEFT JOIN paid p ON p.bill_id = b.bill_id GROUP BY b.customer_id
    ),
    py AS (
      SELECT customer_id, sum(CASE WHEN status = 'returned' THEN 1 ELSE 0 END) AS returned,
        avg(CASE WHEN channel IN (${digital}) THEN 1.0 ELSE 0.0 END) FILTER (WHERE status = 'settled') AS digital_share
      FROM payments_c WHERE paid_at >= ? AND paid_at < ? GROUP BY customer_id
    ),
    tk AS (
      SELECT customer_id, count(*) AS tickets, sum(CASE WHEN category = 'complaint' THEN 1 ELSE 0 END) AS complaints
      FROM tickets_c WHERE created_at >= ? AND created_at < ? GROUP BY customer_id
    ),
    ev AS (
      SELECT customer_id, count(*) FILTER (WHERE ts >= ?) AS events_90d,
        count(DISTINCT CASE WHEN ts >= ? THEN CAST(ts + INTERVAL ${Math.round(options.utcOffsetMinutes)} MINUTE AS DATE) END) AS active_days_90d,
        sum(CASE WHEN event_type = 'offer_click' THEN 1 ELSE 0 END) AS offer_clicks, mode(channel) AS main_channel
      FROM events_c WHERE ts >= ? AND ts < ? GROUP BY customer_id
    )
    SELECT c.customer_id, c.customer_type, d.*, mo.*, bl.bills, bl.avg_bill, ar.arrears, ar.late_share, ar.days_late, py.returned, py.digital_share,
      tk.tickets, tk.complaints, ev.events_90d, ev.active_days_90d, ev.offer_clicks, ev.main_channel
    FROM customers_c c
      LEFT JOIN d ON d.customer_id = c.customer_id LEFT JOIN mo ON mo.customer_id = c.customer_id
      LEFT JOIN bl ON bl.customer_id = c.customer_id LEFT JOIN ar ON ar.customer_id = c.customer_id
      LEFT JOIN py ON py.customer_id = c.customer_id LEFT JOIN tk ON tk.customer_id = c.customer_id
      LEFT JOIN ev ON ev.customer_id = c.customer_id
    ORDER BY c.customer_id`;
  const params: SqlParam[] = [
    ...scope.params,
    ...rest, fromIso, toIso,
    monthFromIso, toIso,
    fromIso, toIso,
    utcTo,
    toIso, fromIso, toIso, fromIso, toIso,
    ...DIGITAL_PAYMENT_CHANNELS, utcFrom, utcTo,
    utcFrom, utcTo,
    utc90, utc90, utcFrom, utcTo,
  ];
  const rows = await wh.query(sql, params);
  const bins = await readTemperatureBins(wh, { fromIso, toIso, chunk: options.chunk });
  const computedAt = (options.now ?? new Date()).toISOString();
  return rows.map((r, i) => featureRow(r, bins(i), { asOfIso, computedAt, asOfDay: options.asOfDay, winFrom }));
}

/**
 * The per-degree temperature bins of every customer (days with ≥ 90% of their intervals and a
 * temperature), read column-wise: customers are numbered by their position in customer-id order
 * (the order of the feature query), and the returned function gives customer i's bins (null without any).
 * Aggregating lists per customer in the warehouse and converting them to JS arrays cost far more.
 */
async function readTemperatureBins(wh: Warehouse, options: { fromIso: string; toIso: string; chunk?: CustomerChunk }): Promise<(index: number) => TemperatureBins | null> {
  const scope = chunkTables(options.chunk, ['customers', 'customer_day_features']);
  const { rowCount, columns: c } = await wh.queryNumeric(`
    WITH ${scope.ctes},
    ci AS (SELECT customer_id, row_number() OVER (ORDER BY customer_id) - 1 AS ix FROM customers_c),
    tb AS (
      SELECT customer_id, CAST(floor(mean_temp_c) AS INTEGER) AS b, count(*) AS n, sum(mean_temp_c) AS st, sum(mean_temp_c * mean_temp_c) AS st2,
        sum(kwh) AS sy, sum(kwh * kwh) AS sy2, sum(mean_temp_c * kwh) AS sty
      FROM customer_day_features_c
      WHERE day >= CAST(? AS DATE) AND day < CAST(? AS DATE) AND mean_temp_c IS NOT NULL AND intervals >= ${FULL_DAY_SHARE} * expected_intervals
      GROUP BY 1, 2
    )
    SELECT ci.ix AS ix, tb.b AS b, tb.n AS n, tb.st AS st, tb.st2 AS st2, tb.sy AS sy, tb.sy2 AS sy2, tb.sty AS sty
    FROM tb JOIN ci ON ci.customer_id = tb.customer_id ORDER BY ix, b`, [...scope.params, options.fromIso, options.toIso]);
  // start[i] .. start[i + 1]: the rows of customer i (ix is sorted).
  const customers = rowCount ? c.ix[rowCount - 1] + 1 : 0;
  const start = new Int32Array(customers + 1);
  for (let k = 0; k < rowCount; k++) start[c.ix[k] + 1]++;
  for (let i = 0; i < customers; i++) start[i + 1] += start[i];
  return (i) => {
    if (i >= customers || start[i] === start[i + 1]) return null;
    const a = start[i], z = start[i + 1];
    return { bin: c.b.subarray(a, z), n: c.n.subarray(a, z), sumT: c.st.subarray(a, z), sumT2: c.st2.subarray(a, z), sumY: c.sy.subarray(a, z), sumY2: c.sy2.subarray(a, z), sumTY: c.sty.subarray(a, z) };
  };
}

function featureRow(r: Record<string, unknown>, bins: TemperatureBins | null, ctx: { asOfIso: string; computedAt: string; asOfDay: number; winFrom: number }): CustomerFeatureRow {
  const days = num(r.days) ?? 0;
  const total = num(r.total_kwh) ?? 0;
  const mean = days > 0 ? total / days : 0;
  const peak = num(r.peak_kw) ?? 0;
  const night = num(r.night_kwh) ?? 0;
  const firstDay = r.first_day == null ? null : String(r.first_day);
  const spanStart = firstDay ? Math.max(ctx.winFrom, Math.floor(Date.parse(`${firstDay}T00:00:00Z`) / 86_400_000)) : ctx.winFrom;
  const expected = (num(r.expected_per_day) ?? 0) * (ctx.asOfDay - spanStart + 1);
  const intervals = num(r.intervals) ?? 0;
  const shape = new Float64Array(24);
  for (let h = 0; h < 24; h++) shape[h] = num(r[hourCol(h)]) ?? 0;
  const shapeTotal = normaliseShape(shape);
  let peakHour: number | null = null;
  if (shapeTotal > 0) {
    peakHour = 0;
    for (let h = 1; h < 24; h++) if (shape[h] > shape[peakHour]) peakHour = h;
  }
  const fit = bins ? fitTemperatureResponse(bins) : null;
  const row: CustomerFeatureRow = {
    customer_id: String(r.customer_id), as_of: ctx.asOfIso, feature_version: FEATURE_VERSION, computed_at: ctx.computedAt,
    customer_type: String(r.customer_type ?? ''),
    days, first_day: firstDay, last_day: r.last_day == null ? null : String(r.last_day),
    missing_share: expected > 0 ? Math.max(0, 1 - intervals / expected) : 1,
    estimated_share: intervals > 0 ? (num(r.estimated) ?? 0) / intervals : 0,
    total_kwh: total, mean_daily_kwh: mean,
    trend_pct_per_month: num(r.trend_pct_per_month),
    cv_daily: ratio(num(r.sd_daily), mean),
    peak_kw: peak, load_factor: ratio(mean / 24, peak), peak_hour: peakHour,
    night_share: ratio(night, total),
    late_night_ratio: shapeTotal > 0 ? ratio(shape[0] + shape[1] + shape[2] + shape[3], shape[17] + shape[18] + shape[19] + shape[20]) : null, valley_share: ratio(num(r.valley_kwh), total),
    day_night_ratio: ratio((total - night) / 16, night / 8),
    workday_restday_ratio: ratio(ratio(num(r.workday_kwh), num(r.workdays)), ratio(num(r.restday_kwh), num(r.restdays))),
    seasonal_amplitude: num(r.seasonal_amplitude),
    temp_model: fit?.model ?? null,
    heating_bp_c: fit?.heatingBalanceC ?? null, heating_slope: fit?.heatingSlope ?? null,
    cooling_bp_c: fit?.coolingBalanceC ?? null, cooling_slope: fit?.coolingSlope ?? null,
    temp_r2: fit ? fit.adjR2 : null, temp_sensitive_share: fit ? fit.sensitiveShare : null,
    export_kwh_daily: days > 0 ? (num(r.export_kwh) ?? 0) / days : 0,
    export_day_share: days > 0 ? (num(r.export_days) ?? 0) / days : 0,
    ev_day_share: days > 0 ? (num(r.ev_days) ?? 0) / days : 0,
    bills: num(r.bills) ?? 0, avg_bill_cny: num(r.avg_bill), arrears_cny: num(r.arrears) ?? 0,
    late_payment_share: num(r.late_share), mean_days_late: num(r.days_late), returned_payments: num(r.returned) ?? 0,
    digital_payment_share: num(r.digital_share), tickets: num(r.tickets) ?? 0, complaints: num(r.complaints) ?? 0,
    events_90d: num(r.events_90d) ?? 0, active_days_90d: num(r.active_days_90d) ?? 0, offer_clicks: num(r.offer_clicks) ?? 0,
    main_channel: r.main_channel == null ? null : String(r.main_channel),
  };
  for (let h = 0; h < 24; h++) row[`shape_${hourCol(h)}`] = shape[h];
  return row;
}

/** A columnar batch of feature rows for `append`. */
export function featureBatch(rows: readonly CustomerFeatureRow[], columns: readonly string[]): ColumnBatch {
  const out: Record<string, unknown[]> = {};
  for (const c of columns) out[c] = rows.map((r) => r[c] ?? null);
  return { rowCount: rows.length, columns: out };
}
