/**
 * SQL for the local wall-clock time of interval readings, fast at volume. Converting every row with
 * ICU time-zone rules costs microseconds a row; here each distinct (time zone, UTC hour) is
 * converted once and joined back, which is exact (offsets change on hour boundaries) and cheap.
 *
 * `source` must be a SELECT with columns `tz` (IANA zone) and `ts` (UTC TIMESTAMP), plus any
 * others; the result adds `t`, the local TIMESTAMP.
 */
export function withLocalTime(source: string): string {
  return `(
    WITH src AS (${source}),
    offs AS (SELECT tz, h, timezone(tz, timezone('UTC', h)) - h AS off FROM (SELECT DISTINCT tz, date_trunc('hour', ts) AS h FROM src))
    SELECT src.*, src.ts + offs.off AS t FROM src JOIN offs ON offs.tz = src.tz AND offs.h = date_trunc('hour', src.ts)
  )`;
}
