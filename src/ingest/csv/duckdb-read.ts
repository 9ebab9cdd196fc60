import type { ConnectorContext, Reject, RereadBatch, SourceBatch, SourceFile, SqlReader, SqlSession } from '../connector.js';
import type { MeterResolver } from '../readings/meter-resolver.js';
import type { CsvBulkSource } from './csv-bulk.js';

const METERS = 'ingest_csv_meters';
const PAGE_ROWS = 65_536;

type Row = { meter_id: number; channel: number; ms: number; kwh: number | null; seq: number };

/** Statements through a read-only handle: DuckDB runs DDL through `query` as well. */
export function sessionOf(sql: SqlReader): SqlSession {
  return { dialect: sql.dialect, query: (text, params) => sql.query(text, params), run: async (text, params) => void (await sql.query(text, params)) };
}

/**
 * `Connector.read` through DuckDB, for callers other than the pipeline (which loads in bulk): the
 * file is loaded into a temporary table with the resolver's meters, then handed out in file order,
 * merged with the records re-read in JavaScript, in batches of at most `batchRows`.
 */
export async function* readWithDuckDb(source: CsvBulkSource, file: SourceFile, context: ConnectorContext, batchRows: number): AsyncIterable<SourceBatch> {
  const session = sessionOf(context.sql);
  await meterTable(session, context.meters);
  const load = await source.collect(session, METERS);
  const extra = new RereadStream(load.reread);
  const out = new BatchOut(batchRows, context.sourceId, file.bytes, load.rows);
  let after = -1;
  try {
    for (;;) {
      const page = await session.query<Row>(`SELECT meter_id, channel, ms, kwh, seq FROM ${load.table} WHERE seq > ? ORDER BY seq LIMIT ?`, [after, PAGE_ROWS]);
      for (const row of page) {
        while (await extra.before(row.seq, out)) if (out.full) yield out.take();
        out.push(row.meter_id, row.channel, Number(row.ms), row.kwh ?? Number.NaN);
        if (out.full) yield out.take();
      }
      if (page.length < PAGE_ROWS) break;
      after = page[page.length - 1].seq;
    }
    while (await extra.before(Number.POSITIVE_INFINITY, out)) if (out.full) yield out.take();
    yield out.take(true);
  } finally {
    await session.run(`DROP TABLE IF EXISTS ${load.table}`);
    await session.run(`DROP TABLE IF EXISTS ${METERS}`);
  }
}

/** The re-read records' readings in `seq` order; their rejects go to the output as each batch arrives. */
class RereadStream {
  private readonly batches: AsyncIterator<RereadBatch>;
  private current?: RereadBatch;
  private at = 0;
  private ended = false;

  constructor(batches: AsyncIterable<RereadBatch>) {
    this.batches = batches[Symbol.asyncIterator]();
  }

  /** Moves the next re-read reading to `out` when its seq is below `seq`; false when there is none. */
  async before(seq: number, out: BatchOut): Promise<boolean> {
    while (!this.ended && (!this.current || this.at >= this.current.seq.length)) {
      const next = await this.batches.next();
      if (next.done) this.ended = true;
      else {
        this.current = next.value;
        this.at = 0;
        out.reject(next.value.batch.rejects);
      }
    }
    if (this.ended || !this.current || this.current.seq[this.at] >= seq) return false;
    const c = this.current.batch.batch.columns, i = this.at++;
    out.push((c.meter_id as Int32Array)[i], (c.channel as Uint8Array)[i], (c.ts as Float64Array)[i], (c.kwh as Float64Array)[i]);
    return true;
  }
}

async function meterTable(session: SqlSession, meters: MeterResolver): Promise<void> {
  const entries = [...meters.entries()];
  await session.run(`CREATE OR REPLACE TEMP TABLE ${METERS} AS
    SELECT unnest(from_json(?, '["VARCHAR"]')) AS meter_no, CAST(unnest(from_json(?, '["INTEGER"]')) AS INTEGER) AS meter_id`,
  [JSON.stringify(entries.map((e) => e[0])), JSON.stringify(entries.map((e) => e[1]))]);
}

/** Readings of one batch being filled, and the rejects to hand out with it. */
class BatchOut {
  private meter!: Int32Array;
  private channel!: Uint8Array;
  private ts!: Float64Array;
  private kwh!: Float64Array;
  private n = 0;
  private rejects: Reject[] = [];
  private records = 0;

  constructor(private readonly size: number, private readonly sourceId: number, private readonly bytes: number, private readonly expected: number) {
    this.allocate();
  }

  get full(): boolean {
    return this.n >= this.size;
  }

  push(meter: number, channel: number, ts: number, kwh: number): void {
    const i = this.n++;
    this.meter[i] = meter;
    this.channel[i] = channel;
    this.ts[i] = ts;
    this.kwh[i] = kwh;
    this.records++;
  }

  reject(rejects: readonly Reject[]): void {
    this.rejects.push(...rejects);
    this.records += rejects.length;
  }

  /** The batch so far; `bytesRead` grows with the readings handed out (the whole file at the end). */
  take(last = false): SourceBatch {
    const n = this.n;
    const batch: SourceBatch = {
      table: 'readings', rejects: this.rejects, recordsRead: this.records, encoding: 'utf-8',
      bytesRead: last ? this.bytes : Math.min(this.bytes, Math.floor((this.bytes * this.records) / Math.max(1, this.expected))),
      batch: {
        rowCount: n,
        columns: {
          meter_id: this.meter.subarray(0, n), channel: this.channel.subarray(0, n), ts: this.ts.subarray(0, n), kwh: this.kwh.subarray(0, n),
          quality: new Uint8Array(n), source_id: new Uint16Array(n).fill(this.sourceId),
        },
      },
    };
    this.allocate();
    return batch;
  }

  private allocate(): void {
    this.meter = new Int32Array(this.size);
    this.channel = new Uint8Array(this.size);
    this.ts = new Float64Array(this.size);
    this.kwh = new Float64Array(this.size);
    this.n = 0;
    this.rejects = [];
  }
}
