import type { GridLensConfig } from '../core/config.js';
import type { ProgressListener } from '../core/record-batch.js';
import type { InspectionEntry, TheftDetectionOptionsInput } from '../analytics/theft/index.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import { detectByAreaBatches } from './risk-theft-batches.js';
import { nextRiskRunId, recordRiskRun } from './risk-store.js';
import { withStore } from './store.js';

export interface TheftRunRequest {
  /** Entries kept in the stored inspection list (with evidence). */
  readonly keep?: number;
  /** Entries returned in the result. */
  readonly top?: number;
  readonly batchMeters?: number;
  readonly detection?: TheftDetectionOptionsInput;
  readonly onProgress?: ProgressListener;
}

export interface TheftRunResult {
  readonly runId: number;
  readonly meters: number;
  readonly batches: number;
  readonly stored: number;
  readonly labels: { readonly confirmed: number; readonly clear: number };
  /** Batches in which the supervised detector (GBDT on inspection labels) ran. */
  readonly supervisedBatches: number;
  readonly ruleHits: Readonly<Record<string, number>>;
  readonly expectedRecoverableCny: number;
  readonly top: InspectionEntry[];
  readonly seconds: number;
}

/**
 * `gridlens run theft`: scores every meter for theft and abnormal use (rules, unsupervised
 * detector, supervised detector once inspection outcomes exist), batch of areas by batch, and
 * stores the ranked inspection list with its evidence.
 */
export async function runTheft(config: Pick<GridLensConfig, 'db'>, request: TheftRunRequest = {}, warehouse?: Warehouse): Promise<TheftRunResult> {
  const started = performance.now();
  return withStore(config, async (wh) => {
    const keep = request.keep ?? 2000;
    const found = await detectByAreaBatches(wh, { keep, batchMeters: request.batchMeters, detection: request.detection, onProgress: request.onProgress });
    const runId = await nextRiskRunId(wh);
    await writeInspections(wh, runId, found.inspections);
    const ruleHits: Record<string, number> = {};
    for (const s of found.batchStats) for (const [id, n] of Object.entries(s.ruleHits)) ruleHits[id] = (ruleHits[id] ?? 0) + n;
    const expected = found.inspections.reduce((s, e) => s + e.score * e.recoverableCny, 0);
    const first = found.batchStats[0];
    await recordRiskRun(wh, {
      runId, kind: 'theft', asOf: first?.lastDay ?? new Date().toISOString().slice(0, 10),
      modelVersion: `${first?.ruleSet ?? 'rules'}+${found.supervisedBatches ? 'gbdt' : (first?.unsupervisedDetector ?? 'unsupervised')}`, model: null,
      metrics: { labels: found.labels, supervisedBatches: found.supervisedBatches }, stats: { meters: found.meters, batches: found.batches, ruleHits, timings: found.batchStats.map((s) => s.timings) },
    });
    return {
      runId, meters: found.meters, batches: found.batches, stored: found.inspections.length, labels: found.labels, supervisedBatches: found.supervisedBatches,
      ruleHits, expectedRecoverableCny: Math.round(expected * 100) / 100, top: found.inspections.slice(0, request.top ?? 10),
      seconds: (performance.now() - started) / 1000,
    };
  }, { warehouse });
}

async function writeInspections(wh: Warehouse, runId: number, entries: readonly InspectionEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const n = entries.length;
  await wh.append('theft_scores', {
    rowCount: n,
    columns: {
      run_id: new Int32Array(n).fill(runId), rank: Int32Array.from(entries, (e) => e.rank), customer_id: entries.map((e) => e.customerId),
      meter_id: Int32Array.from(entries, (e) => e.meterId), area_id: entries.map((e) => e.areaId), score: Float64Array.from(entries, (e) => e.score),
      recoverable_kwh: Float64Array.from(entries, (e) => e.recoverableKwh), recoverable_cny: Float64Array.from(entries, (e) => e.recoverableCny),
      evidence: entries.map((e) => ({ scores: e.scores, ruleHits: e.ruleHits, topFeatures: e.topFeatures, loadCurve: e.loadCurve, loss: e.loss, summary: e.summary, customerType: e.customerType })),
    },
  });
}
