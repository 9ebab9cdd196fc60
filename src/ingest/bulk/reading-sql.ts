import { Channel } from '../../core/schemas/meter.js';
import { channelWords } from '../readings/energy-units.js';
import type { ReadingRules } from '../readings/reading-rules.js';
import { param, sql, sqlString, type SqlFragment } from './sql-text.js';
import { ZONE_TABLE } from './zone-table.js';

/*
 * SQL fragments that read and check readings the way the JS path does (`parseChannel`, `toKwh`,
 * `LocalClock`, `checkReading`). They only ever accept a subset of what the JS path accepts, with the
 * same values: a record they do not accept is re-read in JavaScript, which gives the verdict and
 * the reason. Expressions take column expressions as arguments; values travel as parameters.
 */

const wordCases = Object.entries(channelWords).map(([word, code]) => `WHEN ${sqlString(word)} THEN ${code}`).join(' ');

/** Channel code of a text column: `parseChannel` (exact word, then trimmed and lower-cased); 0 when unknown. */
export function channelSql(text: string): string {
  return `CAST(CASE ${text} ${wordCases} ELSE CASE lower(trim(${text})) ${wordCases} ELSE 0 END END AS UTINYINT)`;
}

/** The configured channel of files without a channel column. */
export const constantChannel = (channel: 'import' | 'export') => (channel === 'export' ? Channel.export : Channel.import);

/** `toKwh`: the value times the unit's factor, rounded to 1 Wh when converted (`Math.round` as floor(x + 0.5)). */
export function kwhSql(value: string, factor: number): SqlFragment {
  if (factor === 1) return sql`${value}`;
  return sql`floor(${value} * CAST(${param(factor)} AS DOUBLE) * 1000 + 0.5) / 1000`;
}

/** Join of the zone table on a naive local TIMESTAMP or DATE expression (alias `z`). */
export const zoneJoin = (naive: string) => `LEFT JOIN ${ZONE_TABLE} z ON z.day = CAST(${naive} AS DATE)`;

/** Offset in seconds of a naive local time (`LocalClock.toUtc`); NULL in a gap or outside 1970–2099. */
export const offsetSql = (naive: string) => `COALESCE(z.off, z.buckets[hour(${naive}) * 4 + minute(${naive}) // 15 + 1])`;

/** UTC interval start of a naive local time: minus its offset, plus the end-label shift (minutes, 0 or negative). */
export function utcSql(naive: string, offset: string, shiftMinutes: number): string {
  if (!Number.isInteger(shiftMinutes)) throw new RangeError(`shift must be whole minutes: ${shiftMinutes}`);
  const shift = shiftMinutes === 0 ? '' : ` + to_minutes(CAST(${shiftMinutes} AS BIGINT))`;
  return `(${naive} - to_seconds(CAST(${offset} AS BIGINT))${shift})`;
}

/**
 * `checkReading` and what the JS readers check before it, as one predicate over a reading row's
 * columns (meter_id, channel, ts, kwh, raw value): true only for a reading the JS path stores as is.
 */
export function acceptSql(rules: ReadingRules, columns: { meterId: string; channel: string; ts: string; kwh: string; raw: string }): SqlFragment {
  const { meterId, channel, ts, kwh, raw } = columns;
  return sql`(${meterId} IS NOT NULL AND ${channel} <> 0 AND ${ts} IS NOT NULL AND isfinite(${raw}) AND ${ts} <= ${notAfter(rules)}
      AND (${kwh} >= 0 OR ${channel} = ${String(Channel.export)} OR ${param(rules.allowNegativeImport)}))`;
}

/** The future-timestamp bound as a TIMESTAMP parameter. */
export const notAfter = (rules: ReadingRules): SqlFragment => sql`CAST(${param(new Date(rules.notAfterMs))} AS TIMESTAMP)`;
