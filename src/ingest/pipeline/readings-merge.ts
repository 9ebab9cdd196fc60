import type { ColumnBatch } from '../../core/record-batch.js';
import { stagingTableName } from '../../warehouse/schema/ingest-tables.js';
import type { SqlParam, Warehouse } from '../../warehouse/warehouse.js';

/*
 * The merge is set-based DuckDB SQL (arg_max, FILTER, DELETE ... USING, temporary tables) run
 * inside the file's transaction. A column store without transactional deletes (ClickHouse) would
 * merge through ReplacingMergeTree versions instead; that driver does not exist yet.
 */
const STAGE = stagingTableName('readings');
const FINAL = 'ingest_final_readings';

/** What a merge did to the store. */
export interface MergeCounts {
  /** New keys written. */
  inserted: number;
  /** Staged rows that were not written: repeats within the staged rows or identical to the store. */
  duplicate: number;
  /** Older values recorded in `superseded_readings` (in-file and stored). */
  superseded: number;
}

/** Appends a batch of readings to the staging table with its arrival order (`seq`). */
export async function stageReadings(tx: Warehouse, batch: ColumnBatch, firstSeq: number): Promise<void> {
  const seq = new Float64Array(batch.rowCount);
  for (let i = 0; i < seq.length; i++) seq[i] = firstSeq + i;
  await tx.append(STAGE, { rowCount: batch.rowCount, columns: { ...batch.columns, seq } });
}

/**
 * Whether the store may hold a key of this sorted batch: a stored row inside the batch's key
 * rectangle at or after its first key (rows of the same file staged earlier are all before it).
 */
export async function mayCollide(tx: Warehouse, batch: ColumnBatch): Promise<boolean> {
  const meters = batch.columns.meter_id as Int32Array, channels = batch.columns.channel as Uint8Array, ts = batch.columns.ts as Float64Array;
  const n = batch.rowCount;
  let t0 = ts[0], t1 = ts[0];
  for (let i = 1; i < n; i++) { const t = ts[i]; if (t < t0) t0 = t; else if (t > t1) t1 = t; }
  const [m, c, t] = [meters[0], channels[0], new Date(ts[0])];
  const [row] = await tx.query<{ n: number }>(
    `SELECT count(*) AS n FROM (SELECT 1 FROM readings WHERE meter_id BETWEEN ? AND ? AND ts BETWEEN ? AND ?
       AND (meter_id > ? OR (meter_id = ? AND (channel > ? OR (channel = ? AND ts >= ?)))) LIMIT 1)`,
    [m, meters[n - 1], new Date(t0), new Date(t1), m, m, c, c, t]);
  return (row?.n ?? 0) > 0;
}

const keyJoin = (a: string, b: string) => `${a}.meter_id = ${b}.meter_id AND ${a}.channel = ${b}.channel AND ${a}.ts = ${b}.ts`;

/**
 * Tracks whether staged readings arrive in strictly increasing (meter_id, channel, ts) order, as
 * sorted exports do: then no key repeats and the merge skips de-duplicating and sorting.
 */
export class KeyOrder {
  sorted = true;
  private meter = -1;
  private channel = -1;
  private ts = Number.NEGATIVE_INFINITY;

  observe(batch: ColumnBatch): void {
    if (!this.sorted) return;
    const meters = batch.columns.meter_id as Int32Array, channels = batch.columns.channel as Uint8Array, ts = batch.columns.ts as Float64Array;
    let m = this.meter, c = this.channel, t = this.ts;
    for (let i = 0; i < batch.rowCount; i++) {
      const mi = meters[i], ci = channels[i], ti = ts[i];
      if (mi < m || (mi === m && (ci < c || (ci === c && ti <= t)))) { this.sorted = false; return; }
      m = mi; c = ci; t = ti;
    }
    this.meter = m; this.channel = c; this.ts = t;
  }

  reset(): void {
    this.sorted = true;
    this.meter = -1;
    this.channel = -1;
    this.ts = Number.NEGATIVE_INFINITY;
  }
}

/**
 * Merges the staged readings into `readings` by (meter_id, channel, ts): within the staged rows the
 * last one wins; against the store an identical value is dropped, a different one replaces the
 * stored value; every older different value is recorded in `superseded_readings` and every
 * identical repeat in `repeated_readings` (VEE rebuilds the raw deliveries from both). Set-based SQL,
 * inside the caller's transaction; the staging table is left empty. `sorted` (see `KeyOrder`)
 * lets the merge use the staged rows as they are.
 */
export async function mergeStagedReadings(tx: Warehouse, fileId: number, sorted = false): Promise<MergeCounts> {
  const now = new Date();
  const final = sorted ? STAGE : FINAL;
  if (!sorted) {
    await tx.run(`CREATE OR REPLACE TEMP TABLE ${FINAL} AS
      SELECT meter_id, channel, ts, arg_max(kwh, seq) AS kwh, arg_max(quality, seq) AS quality, arg_max(source_id, seq) AS source_id,
             max(seq) AS seq, count(*) AS n
      FROM ${STAGE} GROUP BY meter_id, channel, ts`);
  }
  try {
    const [range] = await tx.query<{ keys: number; rows: number | null; t0: Date | null; t1: Date | null; m0: number | null; m1: number | null }>(
      `SELECT count(*) AS keys, ${sorted ? 'count(*)' : 'sum(n)'} AS rows, min(ts) AS t0, max(ts) AS t1, min(meter_id) AS m0, max(meter_id) AS m1 FROM ${final}`);
    if (!range || range.keys === 0) return { inserted: 0, duplicate: 0, superseded: 0 };
    const inFile = (range.rows ?? 0) > range.keys ? await supersedeWithinFile(tx, fileId, now) : 0;
    const bounds: SqlParam[] = [range.t0, range.t1, range.m0, range.m1];
    const store = await compareWithStore(tx, final, bounds);
    if (store.same > 0) await recordStoredRepeats(tx, final, fileId, now, bounds);
    if (store.changed > 0) await supersedeStored(tx, final, fileId, now, bounds);
    await insertFinal(tx, final, store.same + store.changed > 0, !sorted, bounds);
    return {
      inserted: range.keys - store.same - store.changed,
      duplicate: (range.rows ?? 0) - range.keys + store.same + store.changed, superseded: inFile + store.changed,
    };
  } finally {
    if (!sorted) await tx.run(`DROP TABLE IF EXISTS ${FINAL}`);
    await tx.run(`DELETE FROM ${STAGE}`);
  }
}

async function supersedeWithinFile(tx: Warehouse, fileId: number, now: Date): Promise<number> {
  const older = `FROM ${STAGE} s JOIN (SELECT * FROM ${FINAL} WHERE n > 1) f ON ${keyJoin('s', 'f')}
    WHERE s.seq <> f.seq AND s.kwh IS DISTINCT FROM f.kwh`;
  const [{ n }] = await tx.query<{ n: number }>(`SELECT count(*) AS n ${older}`);
  if (n > 0) {
    await tx.run(`INSERT INTO superseded_readings SELECT s.meter_id, s.channel, s.ts, s.kwh, s.source_id, ?, ? ${older}`, [fileId, now]);
  }
  await tx.run(
    `INSERT INTO repeated_readings SELECT s.meter_id, s.channel, s.ts, s.kwh, s.source_id, ?, ?
     FROM ${STAGE} s JOIN (SELECT * FROM ${FINAL} WHERE n > 1) f ON ${keyJoin('s', 'f')}
     WHERE s.seq <> f.seq AND s.kwh IS NOT DISTINCT FROM f.kwh`, [fileId, now]);
  return n;
}

/** Staged values equal to the stored ones: the reading stays, the repeat is recorded. */
async function recordStoredRepeats(tx: Warehouse, final: string, fileId: number, now: Date, bounds: SqlParam[]): Promise<void> {
  await tx.run(
    `INSERT INTO repeated_readings SELECT f.meter_id, f.channel, f.ts, f.kwh, f.source_id, ?, ?
     FROM readings r JOIN ${final} f ON ${keyJoin('r', 'f')} WHERE ${inRange('r')} AND r.kwh IS NOT DISTINCT FROM f.kwh`, [fileId, now, ...bounds]);
}

const inRange = (alias: string) => `${alias}.ts BETWEEN ? AND ? AND ${alias}.meter_id BETWEEN ? AND ?`;

async function compareWithStore(tx: Warehouse, final: string, bounds: SqlParam[]): Promise<{ same: number; changed: number }> {
  const [row] = await tx.query<{ same: number | null; changed: number | null }>(
    `SELECT count(*) FILTER (WHERE r.kwh IS NOT DISTINCT FROM f.kwh) AS same, count(*) FILTER (WHERE r.kwh IS DISTINCT FROM f.kwh) AS changed
     FROM readings r JOIN ${final} f ON ${keyJoin('r', 'f')} WHERE ${inRange('r')}`, bounds);
  return { same: row?.same ?? 0, changed: row?.changed ?? 0 };
}

async function supersedeStored(tx: Warehouse, final: string, fileId: number, now: Date, bounds: SqlParam[]): Promise<void> {
  await tx.run(
    `INSERT INTO superseded_readings SELECT r.meter_id, r.channel, r.ts, r.kwh, r.source_id, ?, ?
     FROM readings r JOIN ${final} f ON ${keyJoin('r', 'f')} WHERE ${inRange('r')} AND r.kwh IS DISTINCT FROM f.kwh`, [fileId, now, ...bounds]);
  await tx.run(
    `DELETE FROM readings r USING ${final} f WHERE ${keyJoin('r', 'f')} AND ${inRange('r')} AND r.kwh IS DISTINCT FROM f.kwh`, bounds);
}

async function insertFinal(tx: Warehouse, final: string, overlaps: boolean, sort: boolean, bounds: SqlParam[]): Promise<void> {
  const select = `SELECT f.meter_id, f.channel, f.ts, f.kwh, f.quality, f.source_id FROM ${final} f`;
  const order = sort ? ' ORDER BY f.meter_id, f.channel, f.ts' : '';
  if (!overlaps) {
    await tx.run(`INSERT INTO readings ${select}${order}`);
    return;
  }
  await tx.run(
    `INSERT INTO readings ${select} WHERE NOT EXISTS (SELECT 1 FROM readings r WHERE ${keyJoin('r', 'f')} AND ${inRange('r')})${order}`, bounds);
}
