import type { ConnectorContext, SqlSession } from '../connector.js';
import { readCsvSql, type CsvSqlPlan } from './duckdb-plan.js';
import type { CsvConfig } from './config.js';

const NEW_METERS = 'ingest_new_meters';

/** Meter ids for a bulk load: the known meters plus those this file registers. */
export interface RegisteredMeters {
  /** Relation (meter_no, meter_id) including meters registered for this file. */
  readonly relation: string;
  /** The id of the file's constant meter (`meterNo`), null when unknown; undefined for files with a meter column. */
  readonly constantId?: number | null;
  /** Sets the first reading time of meters registered for this file from the rows loaded into `table`. */
  settle(session: SqlSession, table: string, msColumn?: string): Promise<void>;
}

/**
 * Resolves the meters of a file before the bulk load. With `registerMeters`, meter numbers the
 * relation does not know are registered with the resolver (ids in order of first appearance, as the
 * JS path gives them) in one pass over the meter column.
 */
export async function registerFileMeters(session: SqlSession, plan: CsvSqlPlan, config: CsvConfig, context: ConnectorContext, relation: string): Promise<RegisteredMeters> {
  const interval = plan.layout.layout === 'wide' ? plan.layout.plan.intervalMinutes : config.intervalMinutes ?? 15;
  const settle = (session: SqlSession, table: string, ms = 'epoch_ms(ts)') => settleFirstReadings(session, context, table, ms);
  if (config.meterNo !== undefined) {
    const id = context.meters.resolve(config.meterNo, config.registerMeters, Number.NaN, interval);
    return { relation, constantId: id === 0 ? null : id, settle };
  }
  if (!config.registerMeters) return { relation, settle };
  const column = `c${plan.layout.plan.meter}`;
  const csv = readCsvSql(plan);
  const unknown = await session.query<{ meter_no: string }>(
    `SELECT ${column} AS meter_no FROM (SELECT ${column}, row_number() OVER () AS rn FROM ${csv.sql})
     WHERE ${column} <> '' AND ${column} = trim(${column}) AND ${column} NOT IN (SELECT meter_no FROM ${relation})
     GROUP BY ${column} ORDER BY min(rn)`, csv.params);
  if (unknown.length === 0) return { relation, settle };
  const ids = unknown.map((u) => context.meters.resolve(u.meter_no, true, Number.NaN, interval));
  await session.run(`CREATE OR REPLACE TEMP TABLE ${NEW_METERS} AS
    SELECT unnest(from_json(?, '["VARCHAR"]')) AS meter_no, CAST(unnest(from_json(?, '["INTEGER"]')) AS INTEGER) AS meter_id`,
  [JSON.stringify(unknown.map((u) => u.meter_no)), JSON.stringify(ids)]);
  return { relation: `(SELECT meter_no, meter_id FROM ${relation} UNION ALL SELECT meter_no, meter_id FROM ${NEW_METERS})`, settle };
}

async function settleFirstReadings(session: SqlSession, context: ConnectorContext, table: string, ms: string): Promise<void> {
  const added = context.meters.newMeters;
  if (added.length === 0) return;
  const rows = await session.query<{ meter_id: number; first: number }>(
    `SELECT meter_id, min(${ms}) AS first FROM ${table} WHERE meter_id BETWEEN ? AND ? GROUP BY meter_id`,
    [added[0].meterId, added[added.length - 1].meterId]);
  const byId = new Map(added.map((m) => [m.meterId, m]));
  for (const row of rows) {
    const meter = byId.get(row.meter_id);
    if (meter && !(meter.firstTsMs <= Number(row.first))) meter.firstTsMs = Number(row.first);
  }
}
