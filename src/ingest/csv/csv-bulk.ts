import { QueryError } from '../../warehouse/warehouse.js';
import { stagingTableName } from '../../warehouse/schema/ingest-tables.js';
import type { BulkLoad, BulkSource, BulkTarget, ConnectorContext, RereadBatch, SqlSession } from '../connector.js';
import { param, sql, type SqlFragment } from '../bulk/sql-text.js';
import { createZoneTable } from '../bulk/zone-table.js';
import { readBytes } from '../files/byte-source.js';
import { BulkRetry, IngestFileError } from '../ingest-errors.js';
import type { CsvConfig } from './config.js';
import { registerFileMeters, type RegisteredMeters } from './duckdb-meters.js';
import { REJECT_SCANS_TABLE, REJECTS_TABLE, type CsvSqlPlan } from './duckdb-plan.js';
import { readingsSelect, SEQ_SLOTS, type MeterIds } from './duckdb-select.js';
import { rereadRecords, type NumberPages } from './csv-reread.js';

const RETRY = 'gridlens-bulk-retry';
const KEY_RANGES = 'ingest_key_ranges';
const COLLECT = 'ingest_csv_collect';
const STAGE = stagingTableName('readings');
const MARKERS = 'ingest_csv_markers';
const REJECTED = 'ingest_csv_rejected_lines';

/**
 * A CSV file DuckDB reads in bulk: `read_csv` with typed columns, the checks of the JS path in SQL,
 * then an INSERT into the target; records the SQL does not accept (and lines `read_csv` rejects)
 * are read again in JavaScript for their exact readings or reasons.
 */
export class CsvBulkSource implements BulkSource {
  readonly encoding = 'utf-8';

  constructor(private readonly plan: CsvSqlPlan, private readonly config: CsvConfig, private readonly context: ConnectorContext) {}

  async load(session: SqlSession, target: BulkTarget): Promise<BulkLoad> {
    return this.guard(async () => {
      const meters = await this.prepare(session, target.meters);
      if (target.mode === 'direct') return this.loadDirect(session, meters, target.storeHasReadings);
      const rows = await this.count(session, sql`INSERT INTO ${STAGE} (meter_id, channel, ts, kwh, quality, source_id, seq)
        SELECT CASE WHEN ok THEN meter_id END, channel, ts, kwh, 0, ${param(this.context.sourceId)}, seq FROM (${this.select(meters, 'staged')})`);
      const markers = await this.takeMarkers(session, STAGE);
      await meters.settle(session, STAGE);
      return { rows: rows - markers.count, reread: this.reread(session, markers.pages) };
    });
  }

  /** Loads into a temporary table (meter_id, channel, ms, kwh, seq) for `read`; returns what `load` would. */
  async collect(session: SqlSession, meterRelation: string): Promise<BulkLoad & { table: string }> {
    return this.guard(async () => {
      const meters = await this.prepare(session, meterRelation);
      await session.run(`DROP TABLE IF EXISTS ${COLLECT}`);
      const select = this.select(meters, 'staged');
      await session.run(`CREATE TEMP TABLE ${COLLECT} AS
        SELECT CASE WHEN ok THEN meter_id END AS meter_id, channel, epoch_ms(ts) AS ms, kwh, seq FROM (${select.sql})`, select.params);
      const [{ n }] = await session.query<{ n: number }>(`SELECT count(*) AS n FROM ${COLLECT}`);
      const markers = await this.takeMarkers(session, COLLECT);
      await meters.settle(session, COLLECT, 'ms');
      return { rows: n - markers.count, reread: this.reread(session, markers.pages), table: COLLECT };
    });
  }

  private async loadDirect(session: SqlSession, meters: RegisteredMeters, storeHasReadings: boolean): Promise<BulkLoad> {
    const ranges = storeHasReadings ? await this.keyRanges(session) : undefined;
    const join = ranges ? `LEFT JOIN ${ranges} k ON k.meter_id = r.meter_id AND k.channel = r.channel` : '';
    const collides = ranges ? `WHEN r.ts BETWEEN k.t0 AND k.t1 THEN error('${RETRY}: the store holds readings in the key range')` : '';
    const rows = await this.count(session, sql`INSERT INTO readings (meter_id, channel, ts, kwh, quality, source_id)
      SELECT r.meter_id, r.channel, r.ts, r.kwh, 0, ${param(this.context.sourceId)} FROM (${this.select(meters, 'direct')}) r ${join}
      WHERE CASE WHEN r.ok IS NOT TRUE THEN error('${RETRY}: a record needs the JS reader')
        WHEN r.ordered IS NOT TRUE THEN error('${RETRY}: records are not in increasing key order')
        ${collides} ELSE true END`);
    await meters.settle(session, 'readings');
    return { rows, reread: rejectsOnly(this.reread(session, async () => [])) };
  }

  /** Numbers the marker rows of `table` (records to re-read) in a temporary table, then deletes them. */
  private async takeMarkers(session: SqlSession, table: string): Promise<{ count: number; pages: NumberPages }> {
    const pages = await numberPages(session, MARKERS, `SELECT seq // ${2 * SEQ_SLOTS} AS n FROM ${table} WHERE meter_id IS NULL`);
    if (pages.count) await session.run(`DELETE FROM ${table} WHERE meter_id IS NULL`);
    return pages;
  }

  /** Re-reads the records DuckDB rejected and the given parsed ones; drops the scan's temporary tables after. */
  private async *reread(session: SqlSession, parsedRecords: NumberPages): AsyncIterable<RereadBatch> {
    const rejected = await numberPages(session, REJECTED, `SELECT DISTINCT line AS n FROM ${REJECTS_TABLE}`);
    yield* rereadRecords(this.plan, this.config, this.context, { rejectedLines: rejected.pages, parsedRecords });
    for (const table of [REJECTED, MARKERS, KEY_RANGES, REJECTS_TABLE, REJECT_SCANS_TABLE]) await session.run(`DROP TABLE IF EXISTS ${table}`);
  }

  private async prepare(session: SqlSession, relation: string): Promise<RegisteredMeters> {
    await createZoneTable(session, this.config.timeZone);
    await session.run(`DROP TABLE IF EXISTS ${REJECTS_TABLE}`);
    await session.run(`DROP TABLE IF EXISTS ${REJECT_SCANS_TABLE}`);
    return registerFileMeters(session, this.plan, this.config, this.context, relation);
  }

  /** The readings query: ordered (direct mode) or numbered (staged). */
  private select(meters: RegisteredMeters, mode: 'direct' | 'staged'): SqlFragment {
    const ids: MeterIds = meters.constantId !== undefined ? { constantId: meters.constantId } : { relation: meters.relation };
    const options = { plan: this.plan, config: this.config, rules: this.context.rules, meters: ids };
    return readingsSelect({ ...options, withSeq: mode === 'staged', withOrder: mode === 'direct' });
  }

  private async keyRanges(session: SqlSession): Promise<string> {
    await session.run(`CREATE OR REPLACE TEMP TABLE ${KEY_RANGES} AS
      SELECT meter_id, channel, min(ts) AS t0, max(ts) AS t1 FROM readings GROUP BY meter_id, channel`);
    return KEY_RANGES;
  }

  private async count(session: SqlSession, statement: SqlFragment): Promise<number> {
    const rows = await session.query<{ Count: number }>(statement.sql, statement.params);
    return Number(rows[0]?.Count ?? 0);
  }

  /**
   * Runs a load, checking a gzip file to its end alongside (DuckDB stops quietly at a truncated
   * stream) and turning DuckDB's errors into file errors or the staged-path retry.
   */
  private async guard<T>(work: () => Promise<T>): Promise<T> {
    const verified = this.plan.gzip ? drain(this.plan.path) : Promise.resolve();
    verified.catch(() => undefined);
    try {
      const result = await work();
      await verified;
      return result;
    } catch (error) {
      await verified;
      throw this.explain(error);
    }
  }

  private explain(error: unknown): unknown {
    if (!(error instanceof QueryError)) return error;
    const message = error.message;
    if (message.includes(RETRY)) return new BulkRetry(message.slice(message.indexOf(RETRY) + RETRY.length + 2).split('\n')[0]);
    const reason = message.split('\n')[0].replace(/^query failed: /, '');
    if (/No files found|IO Error/i.test(reason)) return new IngestFileError(this.plan.path, `cannot read file (${reason})`, {}, error);
    return error;
  }
}

const PAGE = 65_536;

/** An ascending list of numbers from a query, kept in a temporary table and read page by page. */
async function numberPages(session: SqlSession, table: string, select: string): Promise<{ count: number; pages: NumberPages }> {
  await session.run(`CREATE OR REPLACE TEMP TABLE ${table} AS SELECT n, row_number() OVER (ORDER BY n) AS i FROM (${select})`);
  const [{ count }] = await session.query<{ count: number }>(`SELECT count(*) AS count FROM ${table}`);
  let next = 1;
  const pages = async () => {
    if (next > count) return [];
    const rows = await session.query<{ n: number }>(`SELECT n FROM ${table} WHERE i >= ? AND i < ? ORDER BY i`, [next, next + PAGE]);
    next += PAGE;
    return rows.map((r) => Number(r.n));
  };
  return { count, pages };
}

/** Direct mode takes re-read records only when they are all rejected: readings among them need the merge. */
async function* rejectsOnly(batches: AsyncIterable<RereadBatch>): AsyncIterable<RereadBatch> {
  for await (const batch of batches) {
    if (batch.batch.batch.rowCount > 0) throw new BulkRetry('lines DuckDB could not parse hold readings');
    yield batch;
  }
}

/** Reads a gzip file to its end; a truncated or corrupt stream is an `IngestFileError` naming the file. */
async function drain(path: string): Promise<void> {
  for await (const chunk of readBytes(path)) void chunk;
}
