import type { SqlDialect } from '../../warehouse/dialect.js';

/** Groupings of the quality report. */
export const qualityGroupings = ['source', 'meter', 'day', 'area'] as const;
export type QualityGrouping = (typeof qualityGroupings)[number];

/** Pushed-down SQL of the quality report. Every statement takes `?` parameters only; see each builder for their order. */
export interface QualityReportSql {
  /** Received, invalid, estimated and stored rows per group. Params: window start, end (edits), start, end (readings), end, start (flags). */
  readonly aggregates: string;
  /** Expected intervals per group from each meter's interval length. Params: minutes per group span, window start, end. */
  readonly expected: string;
  /** Replaced deliveries per group (`superseded_readings`). Params: window start, end. */
  readonly duplicates: string;
}

/**
 * - A slot is *received* when it holds a delivered value: quality actual or edited, or a value VEE
 *   replaced or removed (its edit keeps an original).
 * - It is *invalid* when received and inside a VEE finding of severity error.
 * - *Estimated* rows have quality 1.
 * Groups are keyed by meter id, transformer area, source id or local date (`offsetMinutes` from UTC).
 */
export function qualityReportSql(dialect: SqlDialect, by: QualityGrouping, offsetMinutes: number): QualityReportSql {
  const key = groupKey(dialect, by, offsetMinutes);
  const window = `WITH e AS (
      SELECT DISTINCT meter_id, channel, ts FROM reading_edits WHERE ts >= ? AND ts < ? AND original_kwh IS NOT NULL
    ), w AS (
      SELECT r.meter_id, r.channel, r.ts, r.source_id, r.quality, m.area_id,
             CASE WHEN r.quality IN (0, 2) OR e.meter_id IS NOT NULL THEN 1 ELSE 0 END AS received
      FROM readings r
      JOIN meters m ON m.meter_id = r.meter_id
      LEFT JOIN e ON e.meter_id = r.meter_id AND e.channel = r.channel AND e.ts = r.ts
      WHERE r.ts >= ? AND r.ts < ?
    )`;
  const aggregates = `${window}, bad AS (
      SELECT DISTINCT w.meter_id, w.channel, w.ts FROM w
      JOIN vee_flags f ON f.meter_id = w.meter_id AND f.channel = w.channel AND w.ts >= f.start_ts AND w.ts < f.end_ts
      WHERE f.severity = 'error' AND w.received = 1 AND f.start_ts < ? AND f.end_ts > ?
    )
    SELECT ${key('w')} AS k, count(DISTINCT w.meter_id) AS meters, sum(w.received) AS received,
           sum(CASE WHEN bad.meter_id IS NULL THEN 0 ELSE 1 END) AS invalid,
           sum(CASE WHEN w.quality = 1 THEN 1 ELSE 0 END) AS estimated, count(*) AS stored
    FROM w LEFT JOIN bad ON bad.meter_id = w.meter_id AND bad.channel = w.channel AND bad.ts = w.ts
    GROUP BY ${key('w')}`;
  // A source is expected to deliver the meter channels it sent values to; estimates (VEE's) do not count as delivering.
  const sourceOnly = by === 'source' ? ' AND r.quality <> 1' : '';
  const perSeries = by === 'source' ? 'r.meter_id, r.channel, r.source_id, m.interval_minutes, m.area_id' : 'r.meter_id, r.channel, m.interval_minutes, m.area_id';
  const expected = `SELECT ${by === 'day' ? 'NULL' : expectedKey(by)} AS k, sum(CAST(? AS DOUBLE) / s.interval_minutes) AS expected
    FROM (SELECT DISTINCT ${perSeries} FROM readings r JOIN meters m ON m.meter_id = r.meter_id WHERE r.ts >= ? AND r.ts < ?${sourceOnly}) s
    GROUP BY 1`;
  const duplicates = `SELECT ${key('x')} AS k, count(*) AS duplicates
    FROM (SELECT d.meter_id, d.ts, d.source_id, m.area_id FROM superseded_readings d JOIN meters m ON m.meter_id = d.meter_id WHERE d.ts >= ? AND d.ts < ?) x
    GROUP BY ${key('x')}`;
  return { aggregates, expected, duplicates };
}

function groupKey(dialect: SqlDialect, by: QualityGrouping, offsetMinutes: number): (alias: string) => string {
  switch (by) {
    case 'meter': return (a) => `${a}.meter_id`;
    case 'source': return (a) => `${a}.source_id`;
    case 'area': return (a) => `coalesce(${a}.area_id, '')`;
    case 'day': return (a) => dialect.localDate(`${a}.ts`, offsetMinutes);
  }
}

function expectedKey(by: Exclude<QualityGrouping, 'day'>): string {
  return { meter: 's.meter_id', source: 's.source_id', area: "coalesce(s.area_id, '')" }[by];
}

/**
 * Timings of the ingest ledger per source: files applied, the last ingest, and the newest interval
 * stored from the source. Ledger rows name their connector, which `sources.kind` records. Params: none.
 */
export const timelinessSql = `SELECT s.source_id AS k, count(f.file_id) AS files, max(f.finished_at) AS last_ingest, max(l.last_interval) AS last_interval
  FROM sources s
  JOIN ingest_files f ON f.source = s.kind AND f.status = 'done'
  LEFT JOIN (SELECT source_id, max(ts) AS last_interval FROM readings GROUP BY source_id) l ON l.source_id = s.source_id
  GROUP BY s.source_id`;
