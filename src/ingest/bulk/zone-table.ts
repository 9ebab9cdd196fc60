import type { SqlSession } from '../connector.js';
import { zoneDays } from '../readings/zone-days.js';

/** Temporary table of the zone's offsets: day DATE, off INTEGER (seconds, NULL on transition days), buckets INTEGER[]. */
export const ZONE_TABLE = 'ingest_zone_days';

/**
 * (Re)creates the zone table for a time zone from `zoneDays` (the same rules as `LocalClock`).
 * Times outside the covered days (1970–2099) find no row: the caller re-reads them in JavaScript.
 */
export async function createZoneTable(sql: SqlSession, timeZone: string): Promise<string> {
  const zone = zoneDays(timeZone);
  const bucketDays = [...zone.buckets.keys()];
  await sql.run(
    `CREATE OR REPLACE TEMP TABLE ${ZONE_TABLE} AS
     WITH d AS (SELECT unnest(range(0, CAST(? AS BIGINT))) AS i, unnest(from_json(?, '["INTEGER"]')) AS off),
          b AS (SELECT unnest(from_json(?, '["INTEGER"]')) AS i, unnest(from_json(?, '[["INTEGER"]]')) AS buckets)
     SELECT CAST(DATE '1970-01-01' + CAST(d.i AS INTEGER) AS DATE) AS day, CAST(d.off AS INTEGER) AS off, b.buckets
     FROM d LEFT JOIN b ON b.i = d.i`,
    [zone.offsets.length, JSON.stringify(zone.offsets), JSON.stringify(bucketDays), JSON.stringify(bucketDays.map((d) => zone.buckets.get(d)))]);
  return ZONE_TABLE;
}
