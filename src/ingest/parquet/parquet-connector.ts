import { Channel } from '../../core/schemas/meter.js';
import type { Connector, ConnectorContext, SourceBatch, SourceFile, SqlReader } from '../connector.js';
import { IngestFileError } from '../ingest-errors.js';
import { energyUnits, parseChannel, toKwh } from '../readings/energy-units.js';
import { LocalClock } from '../readings/local-time.js';
import { ReadingBatchBuilder } from '../readings/reading-batch.js';
import { findColumn, requireColumn } from '../readings/reading-mapping.js';
import { TimeReader } from '../readings/time-reader.js';
import { detectTimeFormat } from '../readings/timestamp-parser.js';
import { ParquetConfig, type ParquetConfigInput } from './config.js';

type ParquetRow = {
  readonly r: number;
  readonly meter: string | null;
  readonly t: number | string | null;
  readonly v: number | null;
  readonly c: string | null;
};

interface Plan {
  readonly select: string;
  /** How the time column arrives: epoch ms of a naive time, of an instant, or text. */
  readonly time: 'naive' | 'absolute' | 'text';
}

const PAGE_ROWS = 100_000;

/**
 * Meter readings from Parquet, read through the warehouse engine in pages of `file_row_number`
 * ranges (each page a complete query, so memory stays flat and no result stays open while the
 * pipeline writes).
 */
export class ParquetConnector implements Connector<ParquetConfig> {
  readonly name = 'parquet' as const;
  readonly tables = ['readings'] as const;
  readonly config: ParquetConfig;

  constructor(config: ParquetConfigInput = {}) {
    this.config = ParquetConfig.parse(config);
  }

  get sourceName(): string {
    return this.config.source;
  }

  async *read(file: SourceFile, context: ConnectorContext): AsyncIterable<SourceBatch> {
    const plan = await this.plan(file.path, context.sql);
    const [{ n: total }] = await this.query<{ n: number }>(context.sql, file.path, 'SELECT count(*) AS n FROM read_parquet(?)', [file.path]);
    const builder = new ReadingBatchBuilder({
      meters: context.meters, rules: context.rules, sourceId: context.sourceId, batchRows: this.config.batchRows,
      registerMeters: this.config.registerMeters, intervalMinutes: this.config.intervalMinutes ?? 15,
    });
    const clock = new LocalClock(this.config.timeZone);
    let times: TimeReader | undefined;
    const factor = energyUnits[this.config.unit];
    for (let start = 0; start < total; start += PAGE_ROWS) {
      const rows = await this.query<ParquetRow>(context.sql, file.path,
        `${plan.select} WHERE file_row_number >= ? AND file_row_number < ? ORDER BY file_row_number`, [file.path, start, start + PAGE_ROWS]);
      for (const row of rows) {
        times ??= new TimeReader(plan.time === 'text' ? (this.config.timeFormat === 'auto' ? detectTimeFormat(String(row.t)) ?? 'ymd' : this.config.timeFormat) : 'ymd', clock, this.shiftMs());
        this.readRow(row, plan, times, factor, builder);
        if (builder.full) yield builder.take(Math.round((file.bytes * (row.r + 1)) / total));
      }
    }
    yield builder.take(file.bytes);
  }

  private readRow(row: ParquetRow, plan: Plan, times: TimeReader, factor: number, builder: ReadingBatchBuilder): void {
    const ref = { messageId: `row ${row.r + 1}` };
    const raw = () => JSON.stringify({ meter: row.meter, time: row.t, value: row.v, channel: row.c });
    const meterNo = this.config.meterNo ?? row.meter ?? '';
    if (meterNo === '') return void builder.reject(ref, raw, 'malformed', 'empty meter number');
    if (row.t === null) return void builder.reject(ref, raw, 'invalid_time', 'empty timestamp');
    const ts = plan.time === 'text' ? times.read(String(row.t)) : times.fromNaive(Number(row.t), plan.time === 'absolute');
    if (Number.isNaN(ts)) return void builder.reject(ref, raw, times.failure.code, times.failure.reason);
    if (row.v === null || !Number.isFinite(row.v)) return void builder.reject(ref, raw, 'invalid_value', 'empty or non-numeric value');
    const channel = row.c === null ? (this.config.channel === 'export' ? Channel.export : Channel.import) : parseChannel(row.c);
    if (channel === 0) return void builder.reject(ref, raw, 'invalid_value', `unknown channel "${row.c}"`);
    builder.add(meterNo, channel, ts, toKwh(row.v, factor), ref, raw);
  }

  private shiftMs(): number {
    return this.config.timestampAt === 'end' ? -(this.config.intervalMinutes ?? 15) * 60_000 : 0;
  }

  /** The page query for this file's columns, from its schema. */
  private async plan(path: string, sql: SqlReader): Promise<Plan> {
    if (sql.dialect.name !== 'duckdb') throw new IngestFileError(path, `Parquet is read through DuckDB's read_parquet; the ${sql.dialect.name} warehouse cannot read it`);
    const schema = await this.query<{ column_name: string; column_type: string }>(sql, path, 'DESCRIBE SELECT * FROM read_parquet(?)', [path]);
    const names = schema.map((c) => c.column_name);
    const q = (i: number) => sql.dialect.quoteIdent(names[i]);
    const { columns } = this.config;
    const meter = this.config.meterNo ? 'NULL' : `CAST(${q(requireColumn(names, 'meter', columns.meter, path))} AS VARCHAR)`;
    const timeIndex = requireColumn(names, 'time', columns.time, path);
    const type = schema[timeIndex].column_type.toUpperCase();
    const time = type.startsWith('TIMESTAMP') ? (type.includes('TIME ZONE') ? 'absolute' : 'naive') : 'text';
    const t = time === 'text' ? `CAST(${q(timeIndex)} AS VARCHAR)` : `epoch_ms(${q(timeIndex)})`;
    const channelIndex = findColumn(names, 'channel', columns.channel, path);
    const c = channelIndex < 0 ? 'NULL' : `CAST(${q(channelIndex)} AS VARCHAR)`;
    const v = `TRY_CAST(${q(requireColumn(names, 'value', columns.value, path))} AS DOUBLE)`;
    return { select: `SELECT file_row_number AS r, ${meter} AS meter, ${t} AS t, ${v} AS v, ${c} AS c FROM read_parquet(?, file_row_number = true)`, time };
  }

  private async query<T extends Record<string, unknown>>(sql: SqlReader, path: string, text: string, params: (string | number)[]): Promise<T[]> {
    try {
      return await sql.query<T>(text, params);
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message.split('\n')[0].replace(/^query failed: /, '') : String(cause);
      throw new IngestFileError(path, `cannot read as Parquet (${reason})`, {}, cause);
    }
  }
}
