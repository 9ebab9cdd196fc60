import type { ProgressListener } from '../../core/record-batch.js';
import { ValidationError } from '../../core/errors.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import type { Deliveries } from '../vee/deliveries.js';
import type { CheckName } from '../vee/flag.js';
import { MeterSeries, type MeterClass } from '../vee/meter-series.js';
import { runVee } from '../vee/run-vee.js';
import { resolveVeeRules, type VeeRules, type VeeRuleSet } from '../vee/vee-rules.js';
import { flagRows, reconcileFlags, type FlagRow } from './flag-rows.js';
import { readingChanges } from './reading-changes.js';
import { readStoredFlags } from './stored-flags.js';
import { readStoredBatch, type StoredSeries } from './stored-series.js';
import { finishVeeRun, startVeeRun, veeSourceId, type SkippedCheck } from './vee-run-log.js';
import { VeeTally } from './vee-tally.js';
import { loadVeeMeters, type SkippedMeter, type VeeMeter } from './vee-meters.js';
import { assertRange, seriesWindow, type VeeRange } from './vee-window.js';
import { writeVeeBatch, type SeriesOutcome } from './vee-writer.js';

export interface StoreVeeRequest {
  readonly range: VeeRange;
  readonly meterIds?: readonly number[];
  readonly ruleSet: VeeRuleSet;
  /** "Now" for the future-value check. */
  readonly nowMs: number;
  readonly defaultTimeZone: string;
  /** Intervals read per batch of meters: bounds memory whatever the fleet size (default 250,000). */
  readonly batchIntervals?: number;
  readonly onProgress?: ProgressListener;
}

export interface StoreVeeSummary {
  readonly runId: number;
  readonly range: VeeRange;
  readonly ruleSet: { readonly name: string; readonly version: number };
  readonly meters: number;
  readonly series: number;
  readonly intervals: number;
  readonly flags: { readonly total: number; readonly byCheck: Record<string, number>; readonly bySeverity: Record<string, number> };
  /** Readings written (with one `reading_edits` row each); `unchanged`: estimates the store already held. */
  readonly edits: { readonly written: number; readonly unchanged: number; readonly byMethod: Record<string, number> };
  readonly skippedChecks: readonly SkippedCheck[];
  readonly skippedMeters: readonly SkippedMeter[];
  readonly misalignedRows: number;
  readonly seconds: number;
  readonly intervalsPerSecond: number;
}

/**
 * Checks that need the raw deliveries of the head-end (repeated and re-stamped timestamps). The
 * store keeps one value per slot, and ingest keeps every earlier delivery of a slot
 * (`superseded_readings`, `repeated_readings`), from which the deliveries are rebuilt; none is
 * skipped. Kept for the run log's format.
 */
export const deliveryChecks: readonly (SkippedCheck & { check: CheckName })[] = [];

/** Validates, estimates and edits stored readings over a range, batch of meters by batch, one transaction per batch. */
export async function runVeeOverStore(wh: Warehouse, request: StoreVeeRequest): Promise<StoreVeeSummary> {
  assertRange(request.range);
  const started = performance.now();
  const { meters, skipped } = await loadVeeMeters(wh, { meterIds: request.meterIds, defaultTimeZone: request.defaultTimeZone });
  const sourceId = await veeSourceId(wh);
  const runId = await startVeeRun(wh, request.range, request.ruleSet, deliveryChecks);
  const tally = new VeeTally();
  const skippedMeters: SkippedMeter[] = [...skipped];
  try {
    for (const batch of meterBatches(meters, request.range, request.batchIntervals ?? 250_000)) {
      const outcomes = await validateBatch(wh, batch, request, runId, tally, skippedMeters);
      await wh.transaction((tx) => writeVeeBatch(tx, outcomes, { runId, sourceId, editedAt: new Date() }));
      tally.meters += batch.length;
      request.onProgress?.({ phase: 'vee', done: tally.meters, total: meters.length });
    }
  } catch (error) {
    await finishVeeRun(wh, runId, tally, error instanceof Error ? error.message : String(error));
    throw error;
  }
  await finishVeeRun(wh, runId, tally);
  const seconds = (performance.now() - started) / 1000;
  return {
    runId, range: request.range, ruleSet: { name: request.ruleSet.name ?? 'unnamed', version: request.ruleSet.version },
    meters: tally.meters, series: tally.series, intervals: tally.intervals,
    flags: { total: tally.flags, byCheck: tally.flagsByCheck, bySeverity: tally.flagsBySeverity },
    edits: { written: tally.edits, unchanged: tally.unchanged, byMethod: tally.editsByMethod },
    skippedChecks: deliveryChecks, skippedMeters, misalignedRows: tally.misalignedRows,
    seconds, intervalsPerSecond: seconds > 0 ? tally.intervals / seconds : 0,
  };
}

/** Consecutive meters whose windows add up to about `maxIntervals` slots. */
export function* meterBatches(meters: readonly VeeMeter[], range: VeeRange, maxIntervals: number): Generator<VeeMeter[]> {
  let batch: VeeMeter[] = [];
  let size = 0;
  for (const m of meters) {
    batch.push(m);
    size += m.channels.length * Math.max(0, seriesWindow(range, m.timeZone, m.intervalMinutes).length);
    if (size >= maxIntervals) {
      yield batch;
      batch = [];
      size = 0;
    }
  }
  if (batch.length) yield batch;
}

async function validateBatch(
  wh: Warehouse, batch: readonly VeeMeter[], request: StoreVeeRequest, runId: number, tally: VeeTally, skipped: SkippedMeter[],
): Promise<SeriesOutcome[]> {
  const stored = await readStoredBatch(wh, batch, request.range);
  const existing = await readStoredFlags(wh, stored);
  const outcomes: SeriesOutcome[] = [];
  for (const s of stored) {
    const series = meterSeriesOf(s, skipped);
    if (!series) continue;
    const result = runVee(series, rulesFor(request.ruleSet, s.meter.meterClass), { nowMs: request.nowMs });
    const changes = readingChanges(s, result);
    const flags = reconcileFlags(flagRows(s, result.flags, runId), existing.get(s) ?? ([] as FlagRow[]));
    tally.addSeries(result, changes, s.misaligned);
    outcomes.push({ stored: s, changes, flags: flags.rows, flagsChanged: flags.changed });
  }
  return outcomes;
}

function meterSeriesOf(s: StoredSeries, skipped: SkippedMeter[]): MeterSeries | undefined {
  if (s.window.length <= 0) return undefined;
  const { meterClass, contractKva, accountActive, meterId, timeZone } = s.meter;
  const context = {
    accountActive, ...(meterClass ? { meterClass } : {}), ...(contractKva ? { contractKva } : {}),
    ...(s.registerReads.length > 1 ? { registerReads: s.registerReads } : {}),
    ...(s.earlierDeliveries.length > 0 ? { deliveries: rebuiltDeliveries(s) } : {}),
  };
  try {
    return new MeterSeries({ meterId, channel: s.channel, startMs: s.window.startMs, intervalMinutes: s.meter.intervalMinutes, values: s.delivered, timeZone, context });
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    skipped.push({ meterId, reason: `channel ${s.channel}: ${error.message}` });
    return undefined;
  }
}

/**
 * The raw deliveries of a stored series: every earlier delivery (oldest first) and then the value
 * each slot holds as delivered, which arrived last. Slots without a finite value are left out.
 */
export function rebuiltDeliveries(s: StoredSeries): Deliveries {
  const { startMs, intervalMs } = s.window;
  let n = s.earlierDeliveries.length;
  for (const v of s.delivered) if (Number.isFinite(v)) n++;
  const out = { tsMs: new Float64Array(n), values: new Float64Array(n), arrival: new Float64Array(n) };
  let k = 0;
  for (const d of s.earlierDeliveries) {
    out.tsMs[k] = startMs + d.slot * intervalMs;
    out.values[k] = d.kwh;
    out.arrival[k] = k;
    k++;
  }
  for (let i = 0; i < s.delivered.length; i++) {
    if (!Number.isFinite(s.delivered[i])) continue;
    out.tsMs[k] = startMs + i * intervalMs;
    out.values[k] = s.delivered[i];
    out.arrival[k] = k;
    k++;
  }
  return out;
}

const rulesCache = new WeakMap<VeeRuleSet, Map<string, VeeRules>>();

/** The meter class's rules without the checks that need raw deliveries. */
export function rulesFor(ruleSet: VeeRuleSet, meterClass: MeterClass | undefined): VeeRules {
  let byClass = rulesCache.get(ruleSet);
  if (!byClass) rulesCache.set(ruleSet, (byClass = new Map()));
  const key = meterClass ?? '';
  let rules = byClass.get(key);
  if (!rules) {
    const resolved = resolveVeeRules(ruleSet, meterClass);
    rules = { ...resolved, disabledChecks: [...new Set([...resolved.disabledChecks, ...deliveryChecks.map((c) => c.check)])] };
    byClass.set(key, rules);
  }
  return rules;
}
