import type { SqlParam, Warehouse } from '../../warehouse/warehouse.js';
import { QUALITY_SCRATCH_SCHEMA } from '../../warehouse/schema/quality-tables.js';
import type { FlagRow } from './flag-rows.js';
import type { ReadingChange } from './reading-changes.js';
import type { StoredSeries } from './stored-series.js';

const CHANGES = `${QUALITY_SCRATCH_SCHEMA}.vee_changes`;

/** What one series contributes to a batch write. */
export interface SeriesOutcome {
  readonly stored: StoredSeries;
  readonly changes: readonly ReadingChange[];
  /** The findings to store for the series' window (already reconciled with the stored ones). */
  readonly flags: readonly FlagRow[];
  readonly flagsChanged: boolean;
}

export interface WriteContext {
  readonly runId: number;
  /** Source id stamped on readings VEE inserts (estimates of missing intervals). */
  readonly sourceId: number;
  readonly editedAt: Date;
}

/**
 * Writes a batch's results inside the caller's transaction: changed readings (updated in place or
 * inserted) with one `reading_edits` row each, and the findings of every series whose findings changed.
 */
export async function writeVeeBatch(tx: Warehouse, outcomes: readonly SeriesOutcome[], ctx: WriteContext): Promise<void> {
  const changed = outcomes.filter((o) => o.changes.length > 0);
  if (changed.length) {
    await tx.append(CHANGES, changeColumns(changed, ctx.sourceId));
    await applyChanges(tx, changed);
    await tx.append('reading_edits', editColumns(changed, ctx));
  }
  const reflagged = outcomes.filter((o) => o.flagsChanged);
  if (reflagged.length) {
    await deleteFlags(tx, reflagged);
    const rows = reflagged.flatMap((o) => o.flags);
    if (rows.length) await tx.append('vee_flags', flagColumns(rows));
  }
}

function slotTimes(outcomes: readonly SeriesOutcome[]): Float64Array {
  const ts: number[] = [];
  for (const o of outcomes) for (const c of o.changes) ts.push(o.stored.window.startMs + c.index * o.stored.window.intervalMs);
  return Float64Array.from(ts);
}

function perChange<T>(outcomes: readonly SeriesOutcome[], value: (o: SeriesOutcome, c: ReadingChange) => T): T[] {
  return outcomes.flatMap((o) => o.changes.map((c) => value(o, c)));
}

function changeColumns(outcomes: readonly SeriesOutcome[], sourceId: number) {
  const meterIds = perChange(outcomes, (o) => o.stored.meter.meterId);
  return {
    rowCount: meterIds.length,
    columns: {
      meter_id: Int32Array.from(meterIds), channel: Uint8Array.from(perChange(outcomes, (o) => o.stored.channel)), ts: slotTimes(outcomes),
      kwh: Float64Array.from(perChange(outcomes, (_, c) => c.kwh)), quality: Uint8Array.from(perChange(outcomes, (_, c) => c.quality)),
      source_id: new Uint16Array(meterIds.length).fill(sourceId), row_exists: perChange(outcomes, (_, c) => c.rowExists),
    },
  };
}

function editColumns(outcomes: readonly SeriesOutcome[], ctx: WriteContext) {
  const meterIds = perChange(outcomes, (o) => o.stored.meter.meterId);
  const n = meterIds.length;
  return {
    rowCount: n,
    columns: {
      meter_id: Int32Array.from(meterIds), channel: Uint8Array.from(perChange(outcomes, (o) => o.stored.channel)), ts: slotTimes(outcomes),
      original_kwh: Float64Array.from(perChange(outcomes, (_, c) => c.original)), new_kwh: Float64Array.from(perChange(outcomes, (_, c) => c.kwh)),
      quality: Uint8Array.from(perChange(outcomes, (_, c) => c.quality)), method: perChange(outcomes, (_, c) => c.method),
      reason: perChange(outcomes, (_, c) => c.reason), run_id: new Int32Array(n).fill(ctx.runId),
      edited_at: new Float64Array(n).fill(ctx.editedAt.getTime()), version: Int32Array.from(perChange(outcomes, (_, c) => c.version)),
    },
  };
}

const keyJoin = 'r.meter_id = c.meter_id AND r.channel = c.channel AND r.ts = c.ts';

/** Updates existing rows and inserts the others, set-based from the scratch table, which is left empty. */
async function applyChanges(tx: Warehouse, outcomes: readonly SeriesOutcome[]): Promise<void> {
  const bounds = meterAndTimeBounds(outcomes);
  await tx.run(
    `UPDATE readings AS r SET kwh = c.kwh, quality = c.quality FROM ${CHANGES} AS c
     WHERE ${keyJoin} AND c.row_exists AND r.meter_id BETWEEN ? AND ? AND r.ts BETWEEN ? AND ?`, bounds);
  await tx.run(
    `INSERT INTO readings (meter_id, channel, ts, kwh, quality, source_id)
     SELECT meter_id, channel, ts, kwh, quality, source_id FROM ${CHANGES} WHERE NOT row_exists ORDER BY meter_id, channel, ts`);
  await tx.run(`DELETE FROM ${CHANGES}`);
}

/** Bounds that let the engine skip row groups outside the batch (readings have no index). */
function meterAndTimeBounds(outcomes: readonly SeriesOutcome[]): SqlParam[] {
  const ids = outcomes.map((o) => o.stored.meter.meterId);
  const times = outcomes.flatMap((o) => [o.stored.window.startMs, o.stored.window.endMs]);
  return [Math.min(...ids), Math.max(...ids), new Date(Math.min(...times)), new Date(Math.max(...times))];
}

async function deleteFlags(tx: Warehouse, outcomes: readonly SeriesOutcome[]): Promise<void> {
  const values = outcomes.map(() => '(?, ?, CAST(? AS TIMESTAMP), CAST(? AS TIMESTAMP))').join(', ');
  const params = outcomes.flatMap((o) => [o.stored.meter.meterId, o.stored.channel, new Date(o.stored.window.startMs), new Date(o.stored.window.endMs)]);
  await tx.run(
    `DELETE FROM vee_flags AS f USING (VALUES ${values}) AS b(meter_id, channel, t0, t1)
     WHERE f.meter_id = b.meter_id AND f.channel = b.channel AND f.start_ts >= b.t0 AND f.start_ts < b.t1`, params);
}

function flagColumns(rows: readonly FlagRow[]) {
  return {
    rowCount: rows.length,
    columns: {
      meter_id: Int32Array.from(rows, (r) => r.meterId), channel: Uint8Array.from(rows, (r) => r.channel), check: rows.map((r) => r.check),
      code: rows.map((r) => r.code), start_ts: Float64Array.from(rows, (r) => r.startMs), end_ts: Float64Array.from(rows, (r) => r.endMs),
      severity: rows.map((r) => r.severity), reason: rows.map((r) => r.reason), reason_zh: rows.map((r) => r.reasonZh),
      facts: rows.map((r) => r.facts), run_id: Int32Array.from(rows, (r) => r.runId),
    },
  };
}
