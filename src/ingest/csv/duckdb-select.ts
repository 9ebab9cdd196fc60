import { acceptSql, channelSql, constantChannel, kwhSql, notAfter, offsetSql, utcSql, zoneJoin } from '../bulk/reading-sql.js';
import { param, sql, sqlNumberList, type SqlFragment } from '../bulk/sql-text.js';
import { energyUnits } from '../readings/energy-units.js';
import type { ReadingRules } from '../readings/reading-rules.js';
import type { CsvConfig } from './config.js';
import { readCsvSql, type CsvSqlPlan } from './duckdb-plan.js';
import type { LongPlan } from './long-layout.js';
import type { WidePlan } from './wide-layout.js';

/** `seq` of a record of rank r (2 × its order among parsed records) and its k-th reading: r × SEQ_SLOTS + k. */
export const SEQ_SLOTS = 1024;

/** Where meter ids come from: a relation (meter_no, meter_id), or the id of the file's constant meter (null: unknown). */
export type MeterIds = { readonly relation: string } | { readonly constantId: number | null };

export interface SelectOptions {
  readonly plan: CsvSqlPlan;
  readonly config: CsvConfig;
  readonly rules: ReadingRules;
  readonly meters: MeterIds;
  /** Number records (`seq`) in file order: needed to stage and to find records to re-read. */
  readonly withSeq: boolean;
  /**
   * Add `ordered`: whether the record's source key (meter number, channel, local time; wide: meter
   * number, day) is greater than the previous record's. When every record is, no two readings share a key.
   */
  readonly withOrder: boolean;
}

/**
 * One row per reading the file gives: meter_id, channel, ts (UTC interval start), kwh, ok (the JS
 * path stores it as is) and, on request, seq and ordered. A record that is not ok gives one row (a
 * marker) with ok false or NULL: it is re-read in JavaScript.
 */
export function readingsSelect(options: SelectOptions): SqlFragment {
  return options.plan.layout.layout === 'wide' ? wideSelect(options, options.plan.layout.plan) : longSelect(options, options.plan.layout.plan);
}

/**
 * The CSV rows (alias c) with `computed` columns, the record number `rn` and the order check, all
 * computed on the scan itself, where DuckDB keeps the file's order (streaming window functions).
 */
function source(options: SelectOptions, computed: string, keys: readonly string[]): SqlFragment {
  let rows = sql`(SELECT *${computed} FROM ${readCsvSql(options.plan)})`;
  if (options.withSeq) rows = sql`(SELECT *, row_number() OVER () AS rn FROM ${rows})`;
  if (options.withOrder) {
    const lags = keys.map((k, i) => `lag(${k}) OVER () AS p${i}`).join(', ');
    const greater = keys.reduceRight((rest, k, i) => (rest ? `(${k} > p${i} OR (${k} = p${i} AND ${rest}))` : `${k} > p${i}`), '');
    rows = sql`(SELECT *, (p0 IS NULL OR ${greater}) AS ordered FROM (SELECT *, ${lags} FROM ${rows}))`;
  }
  return sql`${rows} c`;
}

function meterId(options: SelectOptions, column: number): { expr: SqlFragment; join: string; key: string[] } {
  if ('constantId' in options.meters) return { expr: sql`CAST(${param(options.meters.constantId)} AS INTEGER)`, join: '', key: [] };
  if (column < 0) throw new RangeError('a file without a meter column needs its constant meter id');
  return { expr: sql`m.meter_id`, join: `LEFT JOIN ${options.meters.relation} m ON m.meter_no = c.c${column}`, key: [`c${column}`] };
}

const extras = (options: SelectOptions) => `${options.withSeq ? ', seq' : ''}${options.withOrder ? ', ordered' : ''}`;

function longSelect(options: SelectOptions, plan: LongPlan): SqlFragment {
  const { config } = options;
  const time = `c.c${plan.time}`, value = `c.c${plan.value}`;
  const shift = config.timestampAt === 'end' ? -(config.intervalMinutes ?? 15) : 0;
  const channel = plan.channel < 0 ? String(constantChannel(config.channel)) : channelSql(`c${plan.channel}`);
  const meter = meterId(options, plan.meter);
  const from = source(options, `, ${channel} AS ch`, [...meter.key, 'ch', `c${plan.time}`]);
  const seq = options.withSeq ? `, c.rn * ${2 * SEQ_SLOTS} AS seq` : '';
  const ordered = options.withOrder ? ', c.ordered' : '';
  const accept = acceptSql(options.rules, { meterId: 'meter_id', channel: 'channel', ts: 'ts', kwh: 'kwh', raw: 'raw' });
  return sql`SELECT meter_id, channel, ts, kwh, ${accept} AS ok${extras(options)} FROM (
    SELECT ${meter.expr} AS meter_id, c.ch AS channel, ${utcSql(time, offsetSql(time), shift)} AS ts,
      ${kwhSql(value, energyUnits[config.unit])} AS kwh, ${value} AS raw${seq}${ordered}
    FROM ${from} ${meter.join} ${zoneJoin(time)})`;
}

/**
 * Wide rows: a row is ok when its meter is known, its day has one offset, its last slot is not in the
 * future and no slot value is negative (import) or not finite; ok rows unnest into one reading per
 * non-empty slot, other rows stay one marker row each.
 */
function wideSelect(options: SelectOptions, plan: WidePlan): SqlFragment {
  const { config, rules } = options;
  const meter = meterId(options, plan.meter);
  const values = `[${plan.slotColumns.map((c) => `c.c${c}`).join(', ')}]`, date = `c.c${plan.date}`;
  const carried = `${options.withSeq ? ', c.rn' : ''}${options.withOrder ? ', c.ordered' : ''}`;
  const passed = `${options.withSeq ? ', rn' : ''}${options.withOrder ? ', ordered' : ''}`;
  const lastStart = Math.max(...plan.slotStartMinutes);
  const channel = constantChannel(config.channel);
  const day = `CAST(day AS TIMESTAMP)`;
  const ok = sql`(meter_id IS NOT NULL AND day IS NOT NULL AND off IS NOT NULL AND isfinite(COALESCE(list_sum(vals), 0))
    AND ${day} + to_minutes(CAST(${String(lastStart)} AS BIGINT)) - to_seconds(CAST(off AS BIGINT)) <= ${notAfter(rules)}
    AND (COALESCE(list_min(vals), 0) >= 0 OR ${String(channel)} = 2 OR ${param(rules.allowNegativeImport)}))`;
  const slot = `${sqlNumberList(plan.slotStartMinutes)}[k + 1]`;
  const seq = options.withSeq ? `, rn * ${2 * SEQ_SLOTS} + k AS seq` : '';
  return sql`SELECT meter_id, CAST(${String(channel)} AS UTINYINT) AS channel,
      ${day} + to_minutes(CAST(${slot} AS BIGINT)) - to_seconds(CAST(off AS BIGINT)) AS ts, ${kwhSql('v', energyUnits[config.unit])} AS kwh,
      ok${seq}${options.withOrder ? ', ordered' : ''}
    FROM (
      SELECT meter_id, day, off, ok${passed}, unnest(CASE WHEN ok THEN vals ELSE [NULL::DOUBLE] END) AS v,
        unnest(CASE WHEN ok THEN range(0, ${String(plan.slotColumns.length)}) ELSE [0::BIGINT] END) AS k
      FROM (SELECT *, ${ok} AS ok FROM (
        SELECT ${meter.expr} AS meter_id, ${date} AS day, z.off AS off, ${values} AS vals${carried}
        FROM ${source(options, '', [...meter.key, `c${plan.date}`])} ${meter.join} ${zoneJoin(date)})))
    WHERE ok IS NOT TRUE OR v IS NOT NULL`;
}
